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

}  // namespace

std::optional<ParsedInteger> parse_integer_part(std::string_view text) {
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
    }
    double value = 0;
    const auto [end, error] = std::from_chars(body.data(), body.data() + body.size(), value);
    if (end != body.data() + body.size() || body.empty()) {
        return std::nullopt;
    }
    if (error == std::errc::result_out_of_range) {
        // Denormal underflow rounds to zero; overflow is infinite.
        return body.find_first_of("eE") != std::string_view::npos
                       && body.find("e-") != std::string_view::npos
                   ? 0.0
                   : (body.front() == '-' ? -std::numeric_limits<double>::infinity()
                                          : std::numeric_limits<double>::infinity());
    }
    if (error != std::errc{}) {
        return std::nullopt;
    }
    return value;
}

}  // namespace rsodbc::types
