#pragma once

// An independent reading of appendix C's numeric-literal and of appendix D's "C to SQL:
// Character" rows for exact numeric and bit targets, for fuzz_param_text to compare the driver
// with. Written apart from driver/types/from_c/numeric.cpp on purpose: a shared mistake would
// not be found.

#include "types/from_c/encode.h"
#include "types/outcome.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rsodbc::fuzz {

// Leading and trailing blanks are ignored when character data becomes a number, date, time,
// timestamp, interval or GUID (appendix D, "C to SQL: Character").
inline std::string_view without_blanks(std::string_view text) {
    constexpr std::string_view blanks = " \t\n\r\f\v";
    const std::size_t first = text.find_first_not_of(blanks);
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

inline bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

inline char lower_ascii(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline bool same_ignoring_case(std::string_view text, std::string_view lower) {
    return text.size() == lower.size()
           && std::equal(text.begin(), text.end(), lower.begin(),
                         [](char a, char b) { return lower_ascii(a) == b; });
}

// value = digits x 10^exponent; digits has no leading or trailing zeros, empty for zero.
struct ExactNumber {
    bool negative = false;
    std::string digits;
    std::int64_t exponent = 0;

    [[nodiscard]] bool is_zero() const { return digits.empty(); }

    // Digits before the point (0 for a value below 1).
    [[nodiscard]] std::int64_t whole_digits() const {
        return is_zero()
                   ? 0
                   : std::max<std::int64_t>(0, static_cast<std::int64_t>(digits.size()) + exponent);
    }

    // Digits after the point, the last one non-zero.
    [[nodiscard]] std::int64_t fraction_digits() const {
        return std::max<std::int64_t>(0, -exponent);
    }

    [[nodiscard]] bool same_value(const ExactNumber& other) const {
        return is_zero() ? other.is_zero()
                         : negative == other.negative && digits == other.digits
                               && exponent == other.exponent;
    }
};

// The exponent after the 'e' or 'E' at text[i], capped far beyond any column and far below
// overflow; nullopt when it has no digits.
inline std::optional<std::int64_t> read_exponent(std::string_view text, std::size_t& i) {
    const bool negative = ++i < text.size() && text[i] == '-';
    i += i < text.size() && (text[i] == '+' || text[i] == '-') ? 1 : 0;
    const std::size_t start = i;
    std::int64_t exponent = 0;
    for (; i < text.size() && is_digit(text[i]); ++i) {
        exponent = std::min<std::int64_t>(exponent * 10 + (text[i] - '0'), 1'000'000'000'000'000);
    }
    if (i == start) {
        return std::nullopt;
    }
    return negative ? -exponent : exponent;
}

// Appendix C: [+|-] (digits [. [digits]] | . digits) [E [+|-] digits], E in either case.
inline std::optional<ExactNumber> read_number(std::string_view text) {
    ExactNumber n;
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        n.negative = text[i++] == '-';
    }
    std::string mantissa;
    std::int64_t after_point = 0;
    for (; i < text.size() && is_digit(text[i]); ++i) {
        mantissa += text[i];
    }
    if (i < text.size() && text[i] == '.') {
        for (++i; i < text.size() && is_digit(text[i]); ++i, ++after_point) {
            mantissa += text[i];
        }
    }
    std::optional<std::int64_t> exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        exponent = read_exponent(text, i);
    }
    if (mantissa.empty() || !exponent || i != text.size()) {
        return std::nullopt;
    }
    const std::size_t first = mantissa.find_first_not_of('0');
    if (first == std::string::npos) {
        return ExactNumber{n.negative, {}, 0};
    }
    const std::size_t last = mantissa.find_last_not_of('0');
    n.digits = mantissa.substr(first, last + 1 - first);
    n.exponent = *exponent - after_point + static_cast<std::int64_t>(mantissa.size() - 1 - last);
    return n;
}

// The digits before the point, without leading zeros ("" for a value below 1). Only for values
// whose whole part is small enough to write out.
inline std::string whole_part(const ExactNumber& n) {
    if (n.exponent >= 0) {
        return n.digits + std::string(static_cast<std::size_t>(n.exponent), '0');
    }
    return n.digits.substr(0, static_cast<std::size_t>(n.whole_digits()));
}

// Plain decimal text: no exponent, no leading zeros but "0." before a fraction, no trailing
// fractional zeros, no "-0".
inline std::string plain_text(const ExactNumber& n) {
    if (n.is_zero()) {
        return "0";
    }
    const std::string whole = whole_part(n);
    std::string out = n.negative ? "-" : "";
    out += whole.empty() ? "0" : whole;
    if (n.exponent < 0) {
        const std::int64_t fraction = n.fraction_digits();
        const auto digits = static_cast<std::int64_t>(n.digits.size());
        out += '.';
        out.append(static_cast<std::size_t>(std::max<std::int64_t>(0, fraction - digits)), '0');
        out.append(n.digits,
                   static_cast<std::size_t>(std::max<std::int64_t>(0, digits - fraction)));
    }
    return out;
}

// Digit strings without leading zeros, compared as numbers.
inline bool greater_than(std::string_view a, std::string_view b) {
    return a.size() != b.size() ? a.size() > b.size() : a > b;
}

// What the driver must answer for character data into an exact or bit target; `text` only
// for Outcome::ok.
struct Expected {
    types::Outcome outcome;
    std::string text;
};

inline constexpr types::Outcome expect_22001 = types::Outcome::string_right_truncated;

// "C to SQL: Character", exact numeric targets: whole digits lost 22003, else fractional digits
// lost 22001, else the value. TINYINT takes both readings (-128..255): Redshift has no one-byte
// integer and ODBC leaves its sign to the data source.
inline Expected expect_integer(std::string_view text, std::string_view negative_limit,
                               std::string_view positive_limit) {
    const std::optional<ExactNumber> n = read_number(without_blanks(text));
    if (!n) {
        return {types::Outcome::invalid_character, {}};
    }
    if (n->whole_digits() > 20) {
        return {types::Outcome::out_of_range, {}};
    }
    const std::string whole = whole_part(*n);
    if (greater_than(whole, n->negative ? negative_limit : positive_limit)) {
        return {types::Outcome::out_of_range, {}};
    }
    if (n->exponent < 0) {
        return {expect_22001, {}};
    }
    return {types::Outcome::ok, plain_text(*n)};
}

// NUMERIC(p, s), or PostgreSQL numeric's own limits (131072 digits before the point, 16383 after)
// when the column size is unspecified.
inline Expected expect_decimal(std::string_view text, std::uint64_t column_size,
                               std::int64_t decimal_digits) {
    const std::optional<ExactNumber> n = read_number(without_blanks(text));
    if (!n) {
        return {types::Outcome::invalid_character, {}};
    }
    constexpr std::int64_t most_whole = 131072;
    std::int64_t whole_limit = most_whole;
    std::int64_t scale = 16383;
    if (column_size > 0) {
        const auto precision =
            static_cast<std::int64_t>(std::min<std::uint64_t>(column_size, most_whole));
        scale = std::clamp<std::int64_t>(decimal_digits, 0, precision);
        whole_limit = precision - scale;
    }
    if (n->whole_digits() > whole_limit) {
        return {types::Outcome::out_of_range, {}};
    }
    if (n->fraction_digits() > scale) {
        return {expect_22001, {}};
    }
    return {types::Outcome::ok, plain_text(*n)};
}

// "C to SQL: Character", SQL_BIT: 0 or 1 is the value; strictly between 0 and 2 otherwise 22001;
// below 0 or from 2 up 22003. The words a boolean column prints are accepted as well.
inline Expected expect_bit(std::string_view text) {
    const std::string_view value = without_blanks(text);
    if (same_ignoring_case(value, "true") || same_ignoring_case(value, "t")) {
        return {types::Outcome::ok, "1"};
    }
    if (same_ignoring_case(value, "false") || same_ignoring_case(value, "f")) {
        return {types::Outcome::ok, "0"};
    }
    const std::optional<ExactNumber> n = read_number(value);
    if (!n) {
        return {types::Outcome::invalid_character, {}};
    }
    if (n->is_zero()) {
        return {types::Outcome::ok, "0"};
    }
    if (!n->negative && n->digits == "1" && n->exponent == 0) {
        return {types::Outcome::ok, "1"};
    }
    const std::string whole = n->whole_digits() <= 1 ? whole_part(*n) : "2";
    const bool below_two = !n->negative && (whole.empty() || whole == "1");
    return {below_two ? expect_22001 : types::Outcome::out_of_range, {}};
}

// Float targets also hold NaN and the infinities, sent in the server's spelling.
inline std::optional<std::string> float_word(std::string_view text) {
    const std::string_view value = without_blanks(text);
    if (same_ignoring_case(value, "nan")) {
        return "NaN";
    }
    for (const std::string_view word : {"inf", "infinity", "+inf", "+infinity"}) {
        if (same_ignoring_case(value, word)) {
            return "Infinity";
        }
    }
    if (same_ignoring_case(value, "-inf") || same_ignoring_case(value, "-infinity")) {
        return "-Infinity";
    }
    return std::nullopt;
}

}  // namespace rsodbc::fuzz
