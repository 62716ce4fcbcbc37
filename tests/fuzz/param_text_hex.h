#pragma once

// Character data into GUID and binary targets, both written in hexadecimal, as fuzz_param_text
// expects them (ODBC appendix D, "C to SQL: Character"), written apart from
// driver/types/from_c/binary.cpp.

#include "param_text_numbers.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace rsodbc::fuzz {

inline bool is_hex_digit(char c) {
    return is_digit(c) || (lower_ascii(c) >= 'a' && lower_ascii(c) <= 'f');
}

inline std::string lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        c = lower_ascii(c);
    }
    return out;
}

// 8-4-4-4-12 hex digits, optionally in the registry's braces; sent in lowercase.
inline Expected expect_guid(std::string_view text) {
    std::string_view value = without_blanks(text);
    if (value.size() == 38 && value.front() == '{' && value.back() == '}') {
        value = value.substr(1, 36);
    }
    if (value.size() != 36) {
        return {types::Outcome::invalid_character, {}};
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? value[i] != '-' : !is_hex_digit(value[i])) {
            return {types::Outcome::invalid_character, {}};
        }
    }
    return {types::Outcome::ok, lowercase(value)};
}

// "Each two bytes of character data are converted to a single byte ... if the length of the
// character string is odd, the last byte of the string is not converted." Blanks are data here,
// not padding. Longer than the column: 22001. Sent as bytea hex text.
inline Expected expect_binary(std::string_view text, std::size_t column_size) {
    const std::string_view pairs = text.substr(0, text.size() - text.size() % 2);
    for (const char c : pairs) {
        if (!is_hex_digit(c)) {
            return {types::Outcome::invalid_character, {}};
        }
    }
    if (column_size != 0 && pairs.size() / 2 > column_size) {
        return {expect_22001, {}};
    }
    return {types::Outcome::ok, "\\x" + lowercase(pairs)};
}

}  // namespace rsodbc::fuzz
