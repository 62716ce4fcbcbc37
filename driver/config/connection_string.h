#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace rsodbc::config {

struct KeyValue {
    std::string key;
    std::string value;

    bool operator==(const KeyValue&) const = default;
};

// Bad connection string syntax or an invalid keyword value. Messages name the key but never
// repeat a value, because the value may be a password.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// ODBC syntax: "key=value;key={value; with } } inside};...". Keys and unbraced values are
// trimmed of blanks; braced values are verbatim, with "}}" standing for "}". Empty segments are
// skipped. Every pair is returned in order, duplicates included: which occurrence wins is the
// caller's rule (see AttributeMap::add_if_absent).
std::vector<KeyValue> parse_connection_string(std::string_view text);

// Inverse of parse_connection_string: values that would not survive unbraced are braced, so
// parse(format(pairs)) == pairs for any pairs parse can produce. Keys are written verbatim.
std::string format_connection_string(const std::vector<KeyValue>& pairs);

// Keyword -> value, case-insensitive, in insertion order. Known keywords are stored under their
// canonical name (aliases resolved through the keyword table), so "Host" and "Server" are one
// key; unknown keys keep their original spelling.
class AttributeMap {
public:
    using const_iterator = std::vector<KeyValue>::const_iterator;

    // ODBC: when a keyword is repeated, the first occurrence wins. Adding the connection string
    // first and the DSN second also makes the connection string override the DSN.
    void add_if_absent(std::string_view key, std::string_view value);
    void set(std::string_view key, std::string_view value);
    [[nodiscard]] const std::string* find(std::string_view key) const;

    [[nodiscard]] const_iterator begin() const { return entries_.begin(); }

    [[nodiscard]] const_iterator end() const { return entries_.end(); }

    [[nodiscard]] std::size_t size() const { return entries_.size(); }

    [[nodiscard]] bool empty() const { return entries_.empty(); }

private:
    KeyValue* find_entry(std::string_view canonical_key);

    std::vector<KeyValue> entries_;
};

// The key under which AttributeMap stores `key`: the keyword's canonical name, or `key` itself.
std::string_view canonical_key(std::string_view key);

}  // namespace rsodbc::config
