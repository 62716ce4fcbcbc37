#include "types/to_c/convert.h"
#include "types/to_c/number_text.h"

#include <cstring>

namespace rsodbc::types {

std::string_view bit_text(std::string_view server_text) {
    if (server_text == "t") {
        return "1";
    }
    if (server_text == "f") {
        return "0";
    }
    return server_text;
}

// Appendix D: 0 and 1 convert exactly, values strictly between 0 and 2 lose their fraction
// (01S07), anything else is out of range (22003).
Written write_bit(std::string_view text, void* data) {
    if (text.size() == 1 && (text.front() == '0' || text.front() == '1')) {
        // Every boolean column takes this path (bit_text turned t/f into 1/0).
        const unsigned char bit = text.front() == '1' ? 1 : 0;
        if (data != nullptr) {
            std::memcpy(data, &bit, 1);
        }
        return {Outcome::ok, 1};
    }
    const auto value = parse_double(text);
    if (!value) {
        return {Outcome::invalid_character, 0};
    }
    if (!(*value >= 0.0 && *value < 2.0)) {
        return {Outcome::out_of_range, 0};
    }
    const unsigned char bit = *value >= 1.0 ? 1 : 0;
    if (data != nullptr) {
        std::memcpy(data, &bit, 1);
    }
    const bool exact = *value == 0.0 || *value == 1.0;
    return {exact ? Outcome::ok : Outcome::fractional_truncation, 1};
}

}  // namespace rsodbc::types
