#pragma once

// Properties of driver/auth/xml_reader (the AWS Query answers' reader), checked by the libFuzzer
// target fuzz_xml_reader.cpp (clang) and by the corpus replay in tests/unit/auth_xml_test.cpp
// (g++). The oracle is a writer of our own: whatever the reader accepts, written back as XML
// (text escaped, children after the text), must read back to the same tree; and the reader's
// limits hold (no empty names, depth at most 64, nothing accepted after the root element).

#include "auth/xml_reader.h"
#include "property_failure.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace rsodbc::fuzz {

inline void write_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            default:
                out += c;
        }
    }
}

inline void write_xml(std::string& out, const auth::XmlElement& element) {
    out += '<';
    out += element.name;
    out += '>';
    write_escaped(out, element.text);
    for (const auth::XmlElement& child : element.children) {
        write_xml(out, child);
    }
    out += "</";
    out += element.name;
    out += '>';
}

inline bool same_tree(const auth::XmlElement& a, const auth::XmlElement& b) {
    if (a.name != b.name || a.text != b.text || a.children.size() != b.children.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.children.size(); ++i) {
        if (!same_tree(a.children[i], b.children[i])) {
            return false;
        }
    }
    return true;
}

inline void check_shape(const auth::XmlElement& element, std::size_t depth) {
    require(depth < 64, "xml: an accepted document is at most 64 elements deep");
    require(!element.name.empty(), "xml: an accepted element has a name");
    require(element.name.find(':') == std::string::npos, "xml: names are local (no prefix)");
    for (const auth::XmlElement& child : element.children) {
        check_shape(child, depth + 1);
    }
}

inline void check_xml_reader(std::string_view input) {
    const auto tree = auth::parse_xml(input);
    if (!tree) {
        return;
    }
    check_shape(*tree, 0);
    std::string written;
    write_xml(written, *tree);
    const auto again = auth::parse_xml(written);
    require(again.has_value(), "xml: the accepted tree, written back, is accepted");
    require(same_tree(*tree, *again), "xml: the accepted tree, written back, reads the same");
    require(!auth::parse_xml(std::string(input) + "<x/>").has_value(),
            "xml: a second root element is refused");
    require(!auth::parse_xml(std::string(input) + "x").has_value(),
            "xml: text after the root element is refused");
}

}  // namespace rsodbc::fuzz
