#pragma once
// A small strict XML reader for AWS Query-protocol responses (Redshift, STS): elements, text,
// the five predefined entities and numeric character references, CDATA, comments and the XML
// declaration; attributes are checked and dropped, namespace prefixes stripped. No DTDs, so no
// entity expansion attacks; depth and size are bounded. Hand-written rather than libxml2 so
// the driver gains no runtime library for a few kilobytes of well-formed text; fuzzed by
// tests/fuzz/fuzz_xml_reader.cpp.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rsodbc::auth {

struct XmlElement {
    std::string name;  // local name, without a namespace prefix
    std::string text;  // the concatenated character data directly inside this element
    std::vector<XmlElement> children;

    // The first element of that name in document order below this one (depth first), or null.
    const XmlElement* find(std::string_view local_name) const;
    // find(...)->text, or empty.
    std::string find_text(std::string_view local_name) const;
};

// nullopt for anything that is not one well-formed element (with optional prolog/trailing
// whitespace and comments), or deeper than 64 levels, or larger than 1 MiB.
std::optional<XmlElement> parse_xml(std::string_view document);

}  // namespace rsodbc::auth
