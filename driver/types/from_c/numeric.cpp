// Numbers: the integer, floating and SQL_NUMERIC_STRUCT C types, SQL_C_BIT, and character data
// bound to numeric targets. ODBC appendix D, "C to SQL: Numeric", "C to SQL: Bit" and the numeric
// rows of "C to SQL: Character". Every value goes through one exact decimal form, so range checks
// and truncation follow one set of rules whatever the C type.
#include "types/c_types.h"
#include "types/from_c/detail.h"

#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

namespace rsodbc::types::from_c {

namespace {

// PostgreSQL numeric's limits: 131072 digits before the point, 16383 after.
constexpr std::int64_t max_numeric_whole_digits = 131072;
constexpr std::int64_t max_numeric_scale = 16383;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Drops fractional digits beyond `scale`, toward zero; true when a non-zero digit went (a
// normalised value ends in a non-zero digit, so dropping anything drops one).
bool truncate_fraction(Decimal& value, std::int64_t scale) {
    if (value.is_zero() || -value.exponent <= scale) {
        return false;
    }
    const std::int64_t drop = -value.exponent - scale;
    if (drop >= static_cast<std::int64_t>(value.digits.size())) {
        value = Decimal{};
        return true;
    }
    value.digits.resize(value.digits.size() - static_cast<std::size_t>(drop));
    value.exponent += drop;
    normalise(value);
    return true;
}

// The magnitude of an integral value, when it fits 64 bits.
std::optional<std::uint64_t> magnitude_of(const Decimal& value) {
    if (value.whole_digits() > 20) {
        return std::nullopt;
    }
    std::uint64_t result = 0;
    auto push = [&result](unsigned digit) {
        if (result > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) {
            return false;
        }
        result = result * 10 + digit;
        return true;
    };
    for (const char c : value.digits) {
        if (!push(static_cast<unsigned>(c - '0'))) {
            return std::nullopt;
        }
    }
    for (std::int64_t i = 0; i < value.exponent; ++i) {
        if (!push(0)) {
            return std::nullopt;
        }
    }
    return result;
}

struct IntegerRange {
    std::uint64_t negative_limit;  // largest magnitude of a negative value
    std::uint64_t positive_limit;
};

IntegerRange range_of(SQLSMALLINT sql_type) {
    switch (sql_type) {
        case SQL_TINYINT:
            // ODBC's TINYINT is signed or unsigned by data source; Redshift stores it as int2,
            // so both readings (-128..255) are accepted.
            return {128, 255};
        case SQL_SMALLINT:
            return {32768, 32767};
        case SQL_INTEGER:
            return {2147483648U, 2147483647U};
        default:
            return {9223372036854775808U, 9223372036854775807U};
    }
}

// Scientific text "d.ddde<n>" of an exact value, for from_chars and for extreme exponents.
void append_scientific(const Decimal& value, std::string& out) {
    if (value.is_zero()) {
        out += '0';
        return;
    }
    if (value.negative) {
        out += '-';
    }
    out += value.digits.front();
    if (value.digits.size() > 1) {
        out += '.';
        out.append(value.digits, 1);
    }
    out += 'e';
    char buffer[24];
    const auto adjusted = value.exponent + static_cast<std::int64_t>(value.digits.size()) - 1;
    out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, adjusted).ptr);
}

Encoded encode_floating(const Decimal& value, const ParamTarget& target, std::string& out) {
    std::string scientific;
    append_scientific(value, scientific);
    double number = 0;
    const auto [end, error] =
        std::from_chars(scientific.data(), scientific.data() + scientific.size(), number);
    (void)end;
    if (error != std::errc{}) {
        return fail(Outcome::out_of_range, out);  // beyond double, or below its smallest value
    }
    const double magnitude = std::fabs(number);
    const bool single = target.sql_type == SQL_REAL;
    // The server refuses what its float type cannot hold, including underflow, so 22003 here.
    if (magnitude != 0
        && (single ? magnitude > FLT_MAX || magnitude < FLT_MIN
                   : !std::isfinite(magnitude) || magnitude < DBL_MIN)) {
        return fail(Outcome::out_of_range, out);
    }
    // The exact digits are sent so the server rounds once, to its own type.
    if (value.whole_digits() <= 40 && -value.exponent <= 40) {
        append_plain(value, out);
    } else {
        out = scientific;
    }
    return finish(Outcome::ok, target, out);
}

Encoded encode_bit_target(const Decimal& value, const ParamTarget& target, std::string& out) {
    // "C to SQL: Numeric" and "Character", SQL_BIT row: 0 or 1 fine; strictly between 0 and 2
    // (0.5, 1.5) 22001; anything else 22003.
    // 1 and 0 rather than true and false: the text is also a valid integer, numeric or character
    // literal, so a bit parameter the server types from its context (an integer column) fits.
    if (value.is_zero()) {
        out = "0";
        return finish(Outcome::ok, target, out);
    }
    if (!value.negative && value.digits == "1" && value.exponent == 0) {
        out = "1";
        return finish(Outcome::ok, target, out);
    }
    Decimal whole = value;
    truncate_fraction(whole, 0);
    const bool below_two =
        !value.negative && (whole.is_zero() || (whole.digits == "1" && whole.exponent == 0));
    return fail(below_two ? Outcome::string_right_truncated : Outcome::out_of_range, out);
}

bool equals_ignoring_case(std::string_view text, std::string_view lower) {
    return text.size() == lower.size()
           && std::equal(text.begin(), text.end(), lower.begin(), [](char a, char b) {
                  return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
              });
}

template <class T>
T read_as(const void* data) {
    T value{};
    std::memcpy(&value, data, sizeof value);
    return value;
}

template <class T>
Decimal integer_decimal(const void* data) {
    const T value = read_as<T>(data);
    if constexpr (std::numeric_limits<T>::is_signed) {
        if (value < 0) {
            // -(value + 1) + 1 keeps INT64_MIN's magnitude from overflowing.
            return decimal_from(true, static_cast<std::uint64_t>(-(value + 1)) + 1U);
        }
    }
    return decimal_from(false, static_cast<std::uint64_t>(value));
}

// SQL_NUMERIC_STRUCT: val is a 128-bit little-endian magnitude, sign 1 positive and 0 negative,
// value = val x 10^-scale (scale may be negative). Its precision field does not limit the value.
Decimal numeric_struct_decimal(const void* data, std::optional<SQLSMALLINT> scale) {
    const auto numeric = read_as<SQL_NUMERIC_STRUCT>(data);
    unsigned __int128 magnitude = 0;
    for (int i = SQL_MAX_NUMERIC_LEN - 1; i >= 0; --i) {
        magnitude = (magnitude << 8U) | numeric.val[i];
    }
    Decimal value;
    value.negative = numeric.sign == 0;
    while (magnitude != 0) {
        value.digits += static_cast<char>('0' + static_cast<int>(magnitude % 10));
        magnitude /= 10;
    }
    std::reverse(value.digits.begin(), value.digits.end());
    value.exponent = -static_cast<std::int64_t>(scale.value_or(numeric.scale));
    normalise(value);
    return value;
}

}  // namespace

std::int64_t Decimal::whole_digits() const {
    if (digits.empty()) {
        return 0;
    }
    return std::max<std::int64_t>(0, static_cast<std::int64_t>(digits.size()) + exponent);
}

void normalise(Decimal& value) {
    const std::size_t first = value.digits.find_first_not_of('0');
    if (first == std::string::npos) {
        value = Decimal{};
        return;
    }
    value.digits.erase(0, first);
    const std::size_t last = value.digits.find_last_not_of('0');
    value.exponent += static_cast<std::int64_t>(value.digits.size() - 1 - last);
    value.digits.resize(last + 1);
}

Decimal decimal_from(bool negative, std::uint64_t magnitude, std::int64_t exponent) {
    char buffer[24];
    Decimal value;
    value.negative = negative;
    value.digits.assign(buffer, std::to_chars(buffer, buffer + sizeof buffer, magnitude).ptr);
    value.exponent = exponent;
    normalise(value);
    return value;
}

namespace {

// The signed exponent after the 'e' or 'E' at text[i]; false when it has no digits.
bool read_exponent(std::string_view text, std::size_t& i, std::int64_t& exponent) {
    ++i;
    bool negative_exponent = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        negative_exponent = text[i] == '-';
        ++i;
    }
    std::size_t exponent_digits = 0;
    for (; i < text.size() && is_digit(text[i]); ++i, ++exponent_digits) {
        if (exponent < 1'000'000'000'000) {  // saturates: such a value fits nothing anyway
            exponent = exponent * 10 + (text[i] - '0');
        }
    }
    if (exponent_digits == 0) {
        return false;
    }
    exponent = negative_exponent ? -exponent : exponent;
    return true;
}

}  // namespace

bool parse_decimal(std::string_view text, Decimal& value) {
    value = Decimal{};
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        value.negative = text[i] == '-';
        ++i;
    }
    std::size_t mantissa_digits = 0;
    std::int64_t fraction_digits = 0;
    for (; i < text.size() && is_digit(text[i]); ++i, ++mantissa_digits) {
        value.digits += text[i];
    }
    if (i < text.size() && text[i] == '.') {
        for (++i; i < text.size() && is_digit(text[i]); ++i, ++mantissa_digits, ++fraction_digits) {
            value.digits += text[i];
        }
    }
    if (mantissa_digits == 0) {
        return false;
    }
    std::int64_t exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')
        && !read_exponent(text, i, exponent)) {
        return false;
    }
    if (i != text.size()) {
        return false;
    }
    value.exponent = exponent - fraction_digits;
    normalise(value);
    return true;
}

void append_plain(const Decimal& value, std::string& out) {
    if (value.is_zero()) {
        out += '0';
        return;
    }
    if (value.negative) {
        out += '-';
    }
    const auto size = static_cast<std::int64_t>(value.digits.size());
    if (value.exponent >= 0) {
        out += value.digits;
        out.append(static_cast<std::size_t>(value.exponent), '0');
    } else if (-value.exponent >= size) {
        out += "0.";
        out.append(static_cast<std::size_t>(-value.exponent - size), '0');
        out += value.digits;
    } else {
        const auto point = static_cast<std::size_t>(size + value.exponent);
        out.append(value.digits, 0, point);
        out += '.';
        out.append(value.digits, point);
    }
}

Encoded encode_decimal(Decimal value, const ParamTarget& target, NumberOrigin origin,
                       std::string& out) {
    out.clear();
    const Outcome lost_fraction = origin == NumberOrigin::character
                                      ? Outcome::string_right_truncated
                                      : Outcome::fractional_truncation;
    const SqlFamily kind = sql_family(target.sql_type);
    // No exact type holds more whole digits, and writing them out could take gigabytes. Digits
    // far below the point need no such limit: truncate_fraction drops them without writing them
    // out, so 1e-200000 into an integer loses fractional digits (22001), it is not out of range.
    if (kind != SqlFamily::floating && value.whole_digits() > max_numeric_whole_digits) {
        return fail(Outcome::out_of_range, out);
    }
    switch (kind) {
        case SqlFamily::character:
        case SqlFamily::wide_character:
            // "Number of digits" (sign and point included) against the column: 22001.
            append_plain(value, out);
            return finish(fits_column(out, target) ? Outcome::ok : Outcome::string_right_truncated,
                          target, out);
        case SqlFamily::exact_integer: {
            const bool dropped = truncate_fraction(value, 0);
            const auto magnitude = magnitude_of(value);
            const IntegerRange range = range_of(target.sql_type);
            if (!magnitude
                || *magnitude > (value.negative ? range.negative_limit : range.positive_limit)) {
                return fail(Outcome::out_of_range, out);
            }
            append_plain(value, out);
            return finish(dropped ? lost_fraction : Outcome::ok, target, out);
        }
        case SqlFamily::decimal: {
            bool dropped = false;
            if (target.column_size > 0) {
                // NUMERIC(p, s): digits beyond s are truncated; more than p - s whole digits
                // would lose whole digits (22003).
                const auto precision = static_cast<std::int64_t>(
                    std::min<SQLULEN>(target.column_size, max_numeric_whole_digits));
                const std::int64_t scale =
                    std::clamp<std::int64_t>(target.decimal_digits, 0, precision);
                dropped = truncate_fraction(value, scale);
                if (value.whole_digits() > precision - scale) {
                    return fail(Outcome::out_of_range, out);
                }
            } else {
                dropped = truncate_fraction(value, max_numeric_scale);
            }
            append_plain(value, out);
            return finish(dropped ? lost_fraction : Outcome::ok, target, out);
        }
        case SqlFamily::floating:
            return encode_floating(value, target, out);
        case SqlFamily::bit:
            return encode_bit_target(value, target, out);
        case SqlFamily::interval_year_month:
        case SqlFamily::interval_day_time:
            return encode_interval_number(value, target, out);
        default:
            return fail(Outcome::unsupported, out);
    }
}

bool is_number_c_type(SQLSMALLINT c_type) {
    return is_integer_c_type(c_type) || c_type == SQL_C_FLOAT || c_type == SQL_C_DOUBLE
           || c_type == SQL_C_NUMERIC;
}

namespace {

// SQL_C_FLOAT and SQL_C_DOUBLE.
Encoded encode_approximate(const ParamSource& source, const ParamTarget& target, std::string& out) {
    const SqlFamily kind = sql_family(target.sql_type);
    if (kind == SqlFamily::interval_year_month || kind == SqlFamily::interval_day_time) {
        // Appendix D, note [a]: approximate numbers never become intervals.
        return fail(Outcome::unsupported, out);
    }
    const bool single = source.c_type == SQL_C_FLOAT;
    const double number = single ? read_as<float>(source.data) : read_as<double>(source.data);
    if (!std::isfinite(number)) {
        // Only the float types have NaN and infinities (PostgreSQL's spellings).
        if (kind != SqlFamily::floating) {
            return fail(Outcome::out_of_range, out);
        }
        out = std::isnan(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity";
        return finish(Outcome::ok, target, out);
    }
    // The shortest text that reads back as the same float or double: what the
    // application sees as its value, with no digits from binary noise.
    char buffer[64];
    Decimal value;
    const auto result =
        single ? std::to_chars(buffer, buffer + sizeof buffer, read_as<float>(source.data))
               : std::to_chars(buffer, buffer + sizeof buffer, number);
    if (!parse_decimal(std::string_view(buffer, result.ptr), value)) {
        return fail(Outcome::invalid_character, out);  // unreachable: to_chars output
    }
    return encode_decimal(std::move(value), target, NumberOrigin::numeric, out);
}

}  // namespace

Encoded encode_number(const ParamSource& source, const ParamTarget& target, std::string& out) {
    out.clear();
    Decimal value;
    switch (source.c_type) {
        case SQL_C_STINYINT:
        case SQL_C_TINYINT:
            value = integer_decimal<signed char>(source.data);
            break;
        case SQL_C_UTINYINT:
            value = integer_decimal<unsigned char>(source.data);
            break;
        case SQL_C_SSHORT:
        case SQL_C_SHORT:
            value = integer_decimal<std::int16_t>(source.data);
            break;
        case SQL_C_USHORT:
            value = integer_decimal<std::uint16_t>(source.data);
            break;
        case SQL_C_SLONG:
        case SQL_C_LONG:
            value = integer_decimal<std::int32_t>(source.data);
            break;
        case SQL_C_ULONG:
            value = integer_decimal<std::uint32_t>(source.data);
            break;
        case SQL_C_SBIGINT:
            value = integer_decimal<std::int64_t>(source.data);
            break;
        case SQL_C_UBIGINT:
            value = integer_decimal<std::uint64_t>(source.data);
            break;
        case SQL_C_NUMERIC:
            value = numeric_struct_decimal(source.data, source.numeric_scale);
            break;
        case SQL_C_FLOAT:
        case SQL_C_DOUBLE:
            return encode_approximate(source, target, out);
        default:
            return fail(Outcome::unsupported, out);
    }
    return encode_decimal(std::move(value), target, NumberOrigin::numeric, out);
}

Encoded encode_bit(const ParamSource& source, const ParamTarget& target, std::string& out) {
    out.clear();
    // "C to SQL: Bit" has no test: SQL_C_BIT holds 0 or 1. Any other byte is out of range, as
    // the numeric table says for values below 0 or from 2 up.
    const auto bit = read_as<unsigned char>(source.data);
    if (bit > 1) {
        return fail(Outcome::out_of_range, out);
    }
    switch (sql_family(target.sql_type)) {
        case SqlFamily::character:
        case SqlFamily::wide_character:
        case SqlFamily::exact_integer:
        case SqlFamily::decimal:
        case SqlFamily::floating:
        case SqlFamily::bit:
            return encode_decimal(decimal_from(false, bit), target, NumberOrigin::numeric, out);
        default:
            return fail(Outcome::unsupported, out);
    }
}

Encoded encode_number_text(std::string_view text, const ParamTarget& target, std::string& out) {
    out.clear();
    const SqlFamily kind = sql_family(target.sql_type);
    if (kind == SqlFamily::floating) {
        // Not numeric-literals, but the values a float column holds; sent in the server's words.
        if (equals_ignoring_case(text, "nan")) {
            out = "NaN";
        } else if (equals_ignoring_case(text, "infinity") || equals_ignoring_case(text, "inf")
                   || equals_ignoring_case(text, "+infinity")
                   || equals_ignoring_case(text, "+inf")) {
            out = "Infinity";
        } else if (equals_ignoring_case(text, "-infinity") || equals_ignoring_case(text, "-inf")) {
            out = "-Infinity";
        }
        if (!out.empty()) {
            return finish(Outcome::ok, target, out);
        }
    }
    if (kind == SqlFamily::bit) {
        // Boolean words are accepted too: what a bool column's own text looks like.
        if (equals_ignoring_case(text, "true") || equals_ignoring_case(text, "t")) {
            out = "1";
            return finish(Outcome::ok, target, out);
        }
        if (equals_ignoring_case(text, "false") || equals_ignoring_case(text, "f")) {
            out = "0";
            return finish(Outcome::ok, target, out);
        }
    }
    Decimal value;
    if (!parse_decimal(text, value)) {
        return fail(Outcome::invalid_character, out);
    }
    return encode_decimal(std::move(value), target, NumberOrigin::character, out);
}

}  // namespace rsodbc::types::from_c
