#include "types/to_c/number_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace rsodbc::types {

namespace {

bool all_digits(std::string_view text) {
    return !text.empty() && std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<ParsedInteger> from_double(double value) {
    if (std::isnan(value)) {
        return std::nullopt;
    }
    ParsedInteger parsed;
    parsed.negative = value < 0;
    const double magnitude = std::fabs(value);
    const double integral = std::floor(magnitude);
    parsed.fractional = integral != magnitude;
    // 2^64 is exactly representable; anything at or above it overflows.
    if (!std::isfinite(integral) || integral >= 18446744073709551616.0) {
        parsed.overflow = true;
        return parsed;
    }
    parsed.magnitude = static_cast<std::uint64_t>(integral);
    return parsed;
}

// Roughly log10 of |number| for decimal text: negative means below 1. Only its sign matters: it
// decides whether an out-of-range double underflowed or overflowed.
long decimal_exponent(std::string_view text) {
    long exponent = 0;
    const std::size_t e = text.find_first_of("eE");
    if (e != std::string_view::npos) {
        std::from_chars(text.data() + e + 1 + (text[e + 1] == '+' ? 1 : 0),
                        text.data() + text.size(), exponent);
    }
    const std::string_view mantissa = text.substr(0, e);
    const std::size_t first_digit = mantissa.find_first_of("123456789");
    if (first_digit == std::string_view::npos) {
        return -1;
    }
    const std::size_t dot = mantissa.find('.');
    const std::size_t point = dot == std::string_view::npos ? mantissa.size() : dot;
    const long position = first_digit < point ? static_cast<long>(point - first_digit)
                                              : -static_cast<long>(first_digit - point);
    return exponent + position;
}

// An optional sign and at most 19 digits (always fits 64 bits): what integer columns send. One
// pass instead of the general path's searches for exponents, dots and names.
std::optional<ParsedInteger> parse_plain_integer(std::string_view text) {
    constexpr std::size_t widest = 19;
    std::size_t at = 0;
    const bool negative = !text.empty() && text.front() == '-';
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        at = 1;
    }
    if (at == text.size() || text.size() - at > widest) {
        return std::nullopt;
    }
    std::uint64_t magnitude = 0;
    for (; at < text.size(); ++at) {
        const auto digit = static_cast<unsigned>(text[at]) - static_cast<unsigned>('0');
        if (digit > 9) {
            return std::nullopt;
        }
        magnitude = magnitude * 10 + digit;
    }
    ParsedInteger parsed;
    parsed.negative = negative && magnitude != 0;  // "-0" is zero
    parsed.magnitude = magnitude;
    return parsed;
}

}  // namespace

std::optional<ParsedInteger> parse_integer_part(std::string_view text) {
    if (auto plain = parse_plain_integer(text)) {
        return plain;
    }
    if (text == "t" || text == "f") {  // boolean columns
        return ParsedInteger{false, text == "t" ? 1U : 0U, false, false};
    }
    if (text.find_first_of("eE") != std::string_view::npos || text.find_first_of("iInN") == 0
        || text.find_first_of("iInN") == 1) {
        const auto value = parse_double(text);
        return value ? from_double(*value) : std::nullopt;
    }
    ParsedInteger parsed;
    std::string_view rest = text;
    if (!rest.empty() && (rest.front() == '-' || rest.front() == '+')) {
        parsed.negative = rest.front() == '-';
        rest.remove_prefix(1);
    }
    const std::size_t dot = rest.find('.');
    std::string_view integral = rest.substr(0, dot);
    std::string_view fraction =
        dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
    if (integral.empty() && fraction.empty()) {
        return std::nullopt;
    }
    if ((!integral.empty() && !all_digits(integral))
        || (!fraction.empty() && !all_digits(fraction))) {
        return std::nullopt;
    }
    parsed.fractional = fraction.find_first_not_of('0') != std::string_view::npos;
    if (!integral.empty()) {
        const auto [end, error] =
            std::from_chars(integral.data(), integral.data() + integral.size(), parsed.magnitude);
        parsed.overflow = error == std::errc::result_out_of_range;
        (void)end;
    }
    if (parsed.magnitude == 0 && !parsed.overflow) {
        parsed.negative = parsed.negative && parsed.fractional;  // "-0" is zero
    }
    return parsed;
}

std::optional<double> parse_double(std::string_view text) {
    if (text == "t" || text == "f") {
        return text == "t" ? 1.0 : 0.0;
    }
    std::string_view body = text;
    if (!body.empty() && body.front() == '+') {
        body.remove_prefix(1);  // from_chars does not accept a plus sign
        if (!body.empty() && (body.front() == '-' || body.front() == '+')) {
            return std::nullopt;  // "+-5" is not a number
        }
    }
    double value = 0;
    const auto [end, error] = std::from_chars(body.data(), body.data() + body.size(), value);
    if (end != body.data() + body.size() || body.empty()) {
        return std::nullopt;
    }
    if (error == std::errc::result_out_of_range) {
        // Too small rounds to (signed) zero; too large is reported as infinite, which callers
        // tell apart from a real "Infinity" (22003).
        const bool negative = body.front() == '-';
        if (decimal_exponent(body) < 0) {
            return negative ? -0.0 : 0.0;
        }
        return negative ? -std::numeric_limits<double>::infinity()
                        : std::numeric_limits<double>::infinity();
    }
    if (error != std::errc{}) {
        return std::nullopt;
    }
    return value;
}

}  // namespace rsodbc::types
