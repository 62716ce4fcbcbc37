#include "config/connection_string.h"

#include "config/keywords.h"

#include <algorithm>

namespace rsodbc::config {

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_blank(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_blank(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

// Scans one connection string; positions are kept so that error messages can point at the
// problem without quoting the text, which may contain a password.
class Parser {
public:
    explicit Parser(std::string_view text) : text_(text) {}

    std::vector<KeyValue> run() {
        std::vector<KeyValue> pairs;
        while (pos_ < text_.size()) {
            const std::size_t start = pos_;
            const std::size_t stop = text_.find_first_of("=;", pos_);
            if (stop == std::string_view::npos || text_[stop] == ';') {
                const std::size_t end = stop == std::string_view::npos ? text_.size() : stop;
                if (!trim(text_.substr(start, end - start)).empty()) {
                    throw ConfigError(missing_equals_message(start, pairs));
                }
                pos_ = end + 1;
                continue;
            }
            std::string key(trim(text_.substr(start, stop - start)));
            if (key.empty()) {
                throw ConfigError("connection string: keyword missing before '=' at offset "
                                  + std::to_string(stop));
            }
            pos_ = stop + 1;
            std::string value = read_value(key);
            pairs.push_back(KeyValue{std::move(key), std::move(value)});
        }
        return pairs;
    }

private:
    static std::string missing_equals_message(std::size_t offset,
                                              const std::vector<KeyValue>& pairs) {
        std::string message =
            "connection string: attribute at offset " + std::to_string(offset) + " has no '='";
        // The usual cause is an unbraced value containing ';', so name the key it came after.
        if (!pairs.empty()) {
            message += " (after the value of '" + pairs.back().key
                       + "'; a value containing ';' must be written in braces: {...})";
        }
        return message;
    }

    std::string read_value(const std::string& key) {
        while (pos_ < text_.size() && is_blank(text_[pos_])) {
            ++pos_;
        }
        if (pos_ < text_.size() && text_[pos_] == '{') {
            return read_braced_value(key);
        }
        const std::size_t end = std::min(text_.find(';', pos_), text_.size());
        std::string value(trim(text_.substr(pos_, end - pos_)));
        pos_ = end + 1;
        return value;
    }

    std::string read_braced_value(const std::string& key) {
        const std::size_t open = pos_;
        std::string value;
        ++pos_;
        for (;;) {
            const std::size_t close = text_.find('}', pos_);
            if (close == std::string_view::npos) {
                throw ConfigError("connection string: value of '" + key
                                  + "' opens a brace at offset " + std::to_string(open)
                                  + " that is never closed (write '}' inside braces as '}}')");
            }
            value.append(text_.substr(pos_, close - pos_));
            if (close + 1 < text_.size() && text_[close + 1] == '}') {
                value.push_back('}');
                pos_ = close + 2;
                continue;
            }
            pos_ = close + 1;
            break;
        }
        while (pos_ < text_.size() && is_blank(text_[pos_])) {
            ++pos_;
        }
        if (pos_ < text_.size() && text_[pos_] != ';') {
            throw ConfigError("connection string: unexpected text at offset " + std::to_string(pos_)
                              + " after the braced value of '" + key
                              + "' (write '}' inside braces as '}}')");
        }
        ++pos_;
        return value;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

bool needs_braces(std::string_view value) {
    if (value.empty()) {
        return false;
    }
    return value.find_first_of(";{}=") != std::string_view::npos || is_blank(value.front())
           || is_blank(value.back());
}

}  // namespace

std::vector<KeyValue> parse_connection_string(std::string_view text) {
    return Parser(text).run();
}

std::string format_connection_string(const std::vector<KeyValue>& pairs) {
    std::string out;
    for (const KeyValue& pair : pairs) {
        if (!out.empty()) {
            out.push_back(';');
        }
        out.append(pair.key);
        out.push_back('=');
        if (!needs_braces(pair.value)) {
            out.append(pair.value);
            continue;
        }
        out.push_back('{');
        for (char c : pair.value) {
            out.push_back(c);
            if (c == '}') {
                out.push_back('}');
            }
        }
        out.push_back('}');
    }
    return out;
}

std::string_view canonical_key(std::string_view key) {
    const Keyword* keyword = find_keyword(key);
    return keyword != nullptr ? keyword->name : key;
}

KeyValue* AttributeMap::find_entry(std::string_view canonical) {
    for (KeyValue& entry : entries_) {
        if (iequals(entry.key, canonical)) {
            return &entry;
        }
    }
    return nullptr;
}

void AttributeMap::add_if_absent(std::string_view key, std::string_view value) {
    const std::string_view canonical = canonical_key(key);
    if (find_entry(canonical) == nullptr) {
        entries_.push_back(KeyValue{std::string(canonical), std::string(value)});
    }
}

void AttributeMap::set(std::string_view key, std::string_view value) {
    const std::string_view canonical = canonical_key(key);
    if (KeyValue* entry = find_entry(canonical)) {
        entry->value.assign(value);
        return;
    }
    entries_.push_back(KeyValue{std::string(canonical), std::string(value)});
}

const std::string* AttributeMap::find(std::string_view key) const {
    const std::string_view canonical = canonical_key(key);
    for (const KeyValue& entry : entries_) {
        if (iequals(entry.key, canonical)) {
            return &entry.value;
        }
    }
    return nullptr;
}

}  // namespace rsodbc::config
