// Number text -> SQL_C_NUMERIC (SQL_NUMERIC_STRUCT); ODBC appendix D, "SQL to C: Numeric" and the
// numeric row of "SQL to C: Character". Exact: the decimal digits of the text ("-123.4500",
// "1.5e-07" from a float column) are scaled to the target's scale in 128-bit arithmetic, never
// through a double.
//
// Rules:
// - the value is `val * 10^-scale`, val a 128-bit little-endian magnitude, sign 1 = positive;
// - fractional digits beyond `scale` are cut toward zero: 01S07 (fractional_truncation);
// - with a negative scale, non-zero whole digits below 10^-scale cannot be held: 22003;
// - more significant digits in val than `precision`, or more than 128 bits: 22003;
// - "NaN" or anything that is not a number: 22018; "Infinity": 22003.
// A zero result is always positive (sign 1), even from "-0.4" at scale 0.
#include "types/to_c/convert.h"

#include <cstdint>
#include <cstring>

namespace rsodbc::types {

namespace {

using U128 = unsigned __int128;

constexpr U128 u128_max = ~U128{0};

std::string_view trim_spaces(std::string_view text) {
    const std::size_t first = text.find_first_not_of(' ');
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool equals_ignoring_case(std::string_view text, std::string_view word) {
    if (text.size() != word.size()) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] + 32) : text[i];
        if (c != word[i]) {
            return false;
        }
    }
    return true;
}

// "12.50e-3" split into its parts; the mantissa digits are read in place.
struct DecimalText {
    bool negative = false;
    std::string_view integral;  // digits before the point
    std::string_view fraction;  // digits after it
    long exponent = 0;          // saturated far beyond any 128-bit value
};

// The signed exponent after the 'e' or 'E' at text[at]; false when it has no digits.
bool split_exponent(std::string_view text, std::size_t& at, long& out) {
    ++at;
    bool negative_exponent = false;
    if (at < text.size() && (text[at] == '-' || text[at] == '+')) {
        negative_exponent = text[at] == '-';
        ++at;
    }
    const std::size_t start = at;
    long exponent = 0;
    while (at < text.size() && is_digit(text[at])) {
        exponent = exponent < 100000 ? exponent * 10 + (text[at] - '0') : exponent;
        ++at;
    }
    if (at == start) {
        return false;
    }
    out = negative_exponent ? -exponent : exponent;
    return true;
}

bool split(std::string_view text, DecimalText& out) {
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        out.negative = text.front() == '-';
        text.remove_prefix(1);
    }
    std::size_t at = 0;
    while (at < text.size() && is_digit(text[at])) {
        ++at;
    }
    out.integral = text.substr(0, at);
    if (at < text.size() && text[at] == '.') {
        const std::size_t start = ++at;
        while (at < text.size() && is_digit(text[at])) {
            ++at;
        }
        out.fraction = text.substr(start, at - start);
    }
    if (out.integral.empty() && out.fraction.empty()) {
        return false;
    }
    if (at < text.size() && (text[at] == 'e' || text[at] == 'E')
        && !split_exponent(text, at, out.exponent)) {
        return false;
    }
    return at == text.size();
}

struct Scaled {
    U128 magnitude = 0;
    int digits = 0;  // significant decimal digits of magnitude
    bool overflow = false;
    bool fraction_lost = false;
    bool whole_lost = false;
};

// val = the number * 10^scale, cut toward zero.
Scaled scale_digits(const DecimalText& number, int scale) {
    Scaled result;
    // Digit k (0-based over integral then fraction digits) is worth 10^(top - k).
    const long top = static_cast<long>(number.integral.size()) - 1 + number.exponent;
    const std::size_t count = number.integral.size() + number.fraction.size();
    auto digit_at = [&number](std::size_t k) {
        return k < number.integral.size() ? number.integral[k]
                                          : number.fraction[k - number.integral.size()];
    };
    auto push = [&result](unsigned digit) {
        if (result.magnitude > (u128_max - digit) / 10) {
            result.overflow = true;
            return;
        }
        result.magnitude = result.magnitude * 10 + digit;
        if (result.digits > 0 || digit != 0) {
            ++result.digits;
        }
    };
    long last_power = 0;  // the power of ten (after scaling) of the last digit pushed
    bool pushed = false;
    for (std::size_t k = 0; k < count && !result.overflow; ++k) {
        const auto digit = static_cast<unsigned>(digit_at(k) - '0');
        const long power = top - static_cast<long>(k);  // of this digit in the number
        const long scaled = power + scale;
        if (scaled >= 0) {
            push(digit);
            last_power = scaled;
            pushed = true;
        } else if (digit != 0) {
            (power >= 0 ? result.whole_lost : result.fraction_lost) = true;
        }
    }
    // Digits written before an exponent ("12e3") or a negative-scale-free tail still owe their
    // trailing zeros.
    if (pushed && result.magnitude != 0) {
        for (long i = 0; i < last_power && !result.overflow; ++i) {
            push(0);
        }
    }
    return result;
}

}  // namespace

Written write_numeric(std::string_view text, SQLCHAR precision, SQLSCHAR scale, void* data) {
    text = trim_spaces(text);
    if (equals_ignoring_case(text, "nan")) {
        return {Outcome::invalid_character, 0};
    }
    std::string_view unsigned_text = text;
    if (!unsigned_text.empty() && (unsigned_text.front() == '-' || unsigned_text.front() == '+')) {
        unsigned_text.remove_prefix(1);
    }
    if (equals_ignoring_case(unsigned_text, "infinity")
        || equals_ignoring_case(unsigned_text, "inf")) {
        return {Outcome::out_of_range, 0};
    }
    DecimalText number;
    if (!split(text, number)) {
        return {Outcome::invalid_character, 0};
    }
    const Scaled scaled = scale_digits(number, scale);
    const int digit_limit = precision == 0 ? 38 : precision;
    if (scaled.overflow || scaled.whole_lost || scaled.digits > digit_limit) {
        return {Outcome::out_of_range, 0};
    }
    SQL_NUMERIC_STRUCT value{};
    value.precision = precision == 0 ? 38 : precision;
    value.scale = scale;
    value.sign = number.negative && scaled.magnitude != 0 ? 0 : 1;
    U128 rest = scaled.magnitude;
    for (SQLCHAR& byte : value.val) {  // little-endian, SQL_MAX_NUMERIC_LEN bytes
        byte = static_cast<SQLCHAR>(rest & 0xff);
        rest >>= 8;
    }
    if (data != nullptr) {
        std::memcpy(data, &value, sizeof value);
    }
    return {scaled.fraction_lost ? Outcome::fractional_truncation : Outcome::ok,
            static_cast<SQLLEN>(sizeof value)};
}

}  // namespace rsodbc::types
