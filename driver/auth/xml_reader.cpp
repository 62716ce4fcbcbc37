#include "auth/xml_reader.h"

#include <charconv>

namespace rsodbc::auth {

namespace {

constexpr std::size_t max_depth = 64;
constexpr std::size_t max_size = 1 << 20;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
           || c == '-' || c == '.' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
}

void append_utf8(std::string& out, unsigned long code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

class Parser {
public:
    explicit Parser(std::string_view text) : text_(text) {}

    std::optional<XmlElement> document() {
        if (text_.starts_with("\xEF\xBB\xBF")) {
            pos_ = 3;
        }
        if (!misc(true)) {
            return std::nullopt;
        }
        XmlElement root;
        if (!element(root, 0) || !misc(false) || pos_ != text_.size()) {
            return std::nullopt;
        }
        return root;
    }

private:
    bool at(std::string_view token) const { return text_.substr(pos_).starts_with(token); }

    void skip_space() {
        while (pos_ < text_.size() && is_space(text_[pos_])) {
            ++pos_;
        }
    }

    // Whitespace, comments and (before the root only) the XML declaration.
    bool misc(bool prolog) {
        while (true) {
            skip_space();
            if (prolog && at("<?xml")) {
                const std::size_t end = text_.find("?>", pos_);
                if (end == std::string_view::npos) {
                    return false;
                }
                pos_ = end + 2;
                prolog = false;
            } else if (at("<!--")) {
                const std::size_t end = text_.find("-->", pos_ + 4);
                if (end == std::string_view::npos) {
                    return false;
                }
                pos_ = end + 3;
            } else {
                return true;
            }
        }
    }

    bool name(std::string& out) {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && is_name_char(text_[pos_])) {
            ++pos_;
        }
        if (pos_ == start) {
            return false;
        }
        out.assign(text_.substr(start, pos_ - start));
        return true;
    }

    // Character data up to the next '<', or an attribute value up to its quote.
    bool characters(std::string& out, char stop) {
        while (pos_ < text_.size() && text_[pos_] != stop) {
            const char c = text_[pos_];
            if (c == '<') {
                return false;  // only possible inside an attribute value
            }
            if (c != '&') {
                out += c;
                ++pos_;
                continue;
            }
            const std::size_t end = text_.find(';', pos_);
            if (end == std::string_view::npos || end - pos_ > 12) {
                return false;
            }
            const std::string_view entity = text_.substr(pos_ + 1, end - pos_ - 1);
            pos_ = end + 1;
            if (entity == "amp") {
                out += '&';
            } else if (entity == "lt") {
                out += '<';
            } else if (entity == "gt") {
                out += '>';
            } else if (entity == "quot") {
                out += '"';
            } else if (entity == "apos") {
                out += '\'';
            } else if (entity.size() > 1 && entity[0] == '#') {
                const bool hex = entity[1] == 'x';
                const std::string_view digits = entity.substr(hex ? 2 : 1);
                unsigned long code = 0;
                const auto [ptr, error] = std::from_chars(
                    digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
                if (digits.empty() || error != std::errc() || ptr != digits.data() + digits.size()
                    || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
                    return false;
                }
                append_utf8(out, code);
            } else {
                return false;
            }
        }
        return true;
    }

    bool element(XmlElement& out, std::size_t depth) {
        if (depth >= max_depth || !at("<")) {
            return false;
        }
        ++pos_;
        std::string qualified;
        if (!name(qualified)) {
            return false;
        }
        // A qualified name is prefix:local or local (Namespaces in XML): no empty part.
        const std::size_t colon = qualified.find(':');
        if (colon == 0 || colon + 1 == qualified.size()
            || (colon != std::string::npos
                && qualified.find(':', colon + 1) != std::string::npos)) {
            return false;
        }
        out.name = qualified.substr(colon == std::string::npos ? 0 : colon + 1);
        // Attributes: name="value" or name='value', checked and dropped.
        while (true) {
            const std::size_t before = pos_;
            skip_space();
            if (at("/>")) {
                pos_ += 2;
                return true;
            }
            if (at(">")) {
                ++pos_;
                break;
            }
            std::string attribute;
            if (pos_ == before || !name(attribute)) {
                return false;
            }
            skip_space();
            if (!at("=")) {
                return false;
            }
            ++pos_;
            skip_space();
            if (pos_ >= text_.size() || (text_[pos_] != '"' && text_[pos_] != '\'')) {
                return false;
            }
            const char quote = text_[pos_++];
            std::string ignored;
            if (!characters(ignored, quote) || pos_ >= text_.size()) {
                return false;
            }
            ++pos_;
        }
        // Content: text, child elements, comments, CDATA, then the matching end tag.
        while (true) {
            if (!characters(out.text, '<') || pos_ >= text_.size()) {
                return false;
            }
            if (at("</")) {
                pos_ += 2;
                std::string closing;
                if (!name(closing) || closing != qualified) {
                    return false;
                }
                skip_space();
                if (!at(">")) {
                    return false;
                }
                ++pos_;
                return true;
            }
            if (at("<!--")) {
                const std::size_t end = text_.find("-->", pos_ + 4);
                if (end == std::string_view::npos) {
                    return false;
                }
                pos_ = end + 3;
            } else if (at("<![CDATA[")) {
                const std::size_t end = text_.find("]]>", pos_ + 9);
                if (end == std::string_view::npos) {
                    return false;
                }
                out.text.append(text_.substr(pos_ + 9, end - pos_ - 9));
                pos_ = end + 3;
            } else {
                XmlElement child;
                if (!element(child, depth + 1)) {
                    return false;
                }
                out.children.push_back(std::move(child));
            }
        }
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

}  // namespace

const XmlElement* XmlElement::find(std::string_view local_name) const {
    for (const XmlElement& child : children) {
        if (child.name == local_name) {
            return &child;
        }
        if (const XmlElement* found = child.find(local_name)) {
            return found;
        }
    }
    return nullptr;
}

std::string XmlElement::find_text(std::string_view local_name) const {
    const XmlElement* found = find(local_name);
    return found != nullptr ? found->text : std::string();
}

std::optional<XmlElement> parse_xml(std::string_view document) {
    if (document.size() > max_size) {
        return std::nullopt;
    }
    return Parser(document).document();
}

}  // namespace rsodbc::auth
