#include "types/to_c/convert.h"
#include "types/to_c/number_text.h"

#include <cmath>
#include <cstring>
#include <limits>

namespace rsodbc::types {

Written write_floating(std::string_view text, SQLSMALLINT c_type, void* data) {
    const auto value = parse_double(text);
    if (!value) {
        return {Outcome::invalid_character, 0};
    }
    // parse_double reports a finite number too large for a double as infinite; only the
    // server's own "Infinity" is a real infinity.
    if (std::isinf(*value) && text.find_first_of("iI") == std::string_view::npos) {
        return {Outcome::out_of_range, 0};
    }
    if (c_type == SQL_C_FLOAT) {
        if (std::isfinite(*value) && std::fabs(*value) > std::numeric_limits<float>::max()) {
            return {Outcome::out_of_range, 0};
        }
        const auto narrowed = static_cast<float>(*value);
        if (data != nullptr) {
            std::memcpy(data, &narrowed, sizeof narrowed);
        }
        return {Outcome::ok, sizeof narrowed};
    }
    if (data != nullptr) {
        std::memcpy(data, &*value, sizeof(double));
    }
    return {Outcome::ok, sizeof(double)};
}

}  // namespace rsodbc::types
