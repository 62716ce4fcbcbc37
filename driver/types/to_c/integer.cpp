#include "types/c_types.h"
#include "types/to_c/convert.h"
#include "types/to_c/number_text.h"

#include <cstdint>
#include <cstring>
#include <limits>

namespace rsodbc::types {

namespace {

// Stores the parsed value as T when it fits (ODBC: 22003 otherwise; 01S07 when a fraction was cut).
template <class T>
Written store(const ParsedInteger& value, void* data) {
    using Limits = std::numeric_limits<T>;
    T result{};
    if (value.overflow) {
        return {Outcome::out_of_range, 0};
    }
    if (value.negative) {
        if constexpr (!Limits::is_signed) {
            if (value.magnitude != 0) {
                return {Outcome::out_of_range, 0};
            }
        } else {
            const auto limit = static_cast<std::uint64_t>(-(Limits::min() + 1)) + 1U;
            if (value.magnitude > limit) {
                return {Outcome::out_of_range, 0};
            }
            result = static_cast<T>(-static_cast<std::int64_t>(value.magnitude - 1) - 1);
        }
    } else {
        if (value.magnitude > static_cast<std::uint64_t>(Limits::max())) {
            return {Outcome::out_of_range, 0};
        }
        result = static_cast<T>(value.magnitude);
    }
    if (data != nullptr) {
        std::memcpy(data, &result, sizeof(T));
    }
    return {value.fractional ? Outcome::fractional_truncation : Outcome::ok,
            static_cast<SQLLEN>(sizeof(T))};
}

}  // namespace

Written write_integer(std::string_view text, SQLSMALLINT c_type, void* data) {
    const auto parsed = parse_integer_part(text);
    if (!parsed) {
        return {Outcome::invalid_character, 0};
    }
    switch (c_type) {
        case SQL_C_STINYINT:
        case SQL_C_TINYINT:
            return store<std::int8_t>(*parsed, data);
        case SQL_C_UTINYINT:
            return store<std::uint8_t>(*parsed, data);
        case SQL_C_SSHORT:
        case SQL_C_SHORT:
            return store<std::int16_t>(*parsed, data);
        case SQL_C_USHORT:
            return store<std::uint16_t>(*parsed, data);
        case SQL_C_SLONG:
        case SQL_C_LONG:
            return store<std::int32_t>(*parsed, data);
        case SQL_C_ULONG:
            return store<std::uint32_t>(*parsed, data);
        case SQL_C_SBIGINT:
            return store<std::int64_t>(*parsed, data);
        case SQL_C_UBIGINT:
            return store<std::uint64_t>(*parsed, data);
        default:
            return {Outcome::unsupported, 0};
    }
}

}  // namespace rsodbc::types
