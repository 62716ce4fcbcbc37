#pragma once
// Locale-independent parsing of server number text ("-12", "3.50", "1e+20", "Infinity", "t").
#include <cstdint>
#include <optional>
#include <string_view>

namespace rsodbc::types {

struct ParsedInteger {
    bool negative = false;
    std::uint64_t magnitude = 0;
    bool overflow = false;    // the integral part does not fit 64 bits
    bool fractional = false;  // a non-zero fraction was dropped
};

// Integral part of a number written in decimal or exponent form; nullopt when not a number.
std::optional<ParsedInteger> parse_integer_part(std::string_view text);

std::optional<double> parse_double(std::string_view text);

}  // namespace rsodbc::types
