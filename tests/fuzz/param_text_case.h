#pragma once

// The input of fuzz_param_text and how it is handed to types::encode_parameter.
//
//   byte 0   bits 0-5: the target SQL type (an index into param_targets, modulo its size)
//            bit 6:    the length is SQL_NTS instead of the byte count
//            bit 7:    the value is SQL_C_WCHAR (each two bytes one UTF-16 unit) instead of
//            SQL_C_CHAR
//   byte 1   bits 4-7: the column size, bits 0-3: the decimal digits (indexes into small tables)
//   rest     the value
//
// The target table is written here, not taken from the driver, so the properties judge the
// driver's classification instead of repeating it.

#include "types/from_c/encode.h"
#include "types/utf.h"

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include <array>
#include <cstddef>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace rsodbc::fuzz {

// What appendix D's "C to SQL: Character" table says about each group of targets.
enum class Family {
    character,       // column size in bytes
    wide_character,  // column size in UTF-16 units
    integer,
    decimal,
    floating,
    bit,
    date,
    time,
    timestamp,
    interval,
    guid,
    binary,
    unknown,  // a type code the driver does not know: 07006
};

enum class Field { none, year, month, day, hour, minute, second };

struct TargetType {
    SQLSMALLINT sql_type;
    Family family;
    // A type appendix D converts to in exactly the same way (0: none), so both must encode alike.
    SQLSMALLINT twin = 0;
    Field leading = Field::none;  // intervals only
    Field trailing = Field::none;
};

// clang-format off
inline constexpr std::array<TargetType, 40> param_targets{{
    {SQL_CHAR,                      Family::character,      SQL_VARCHAR},
    {SQL_VARCHAR,                   Family::character,      SQL_LONGVARCHAR},
    {SQL_LONGVARCHAR,               Family::character,      SQL_CHAR},
    {SQL_WCHAR,                     Family::wide_character, SQL_WVARCHAR},
    {SQL_WVARCHAR,                  Family::wide_character, SQL_WLONGVARCHAR},
    {SQL_WLONGVARCHAR,              Family::wide_character, SQL_WCHAR},
    {SQL_TINYINT,                   Family::integer},
    {SQL_SMALLINT,                  Family::integer},
    {SQL_INTEGER,                   Family::integer},
    {SQL_BIGINT,                    Family::integer},
    {SQL_NUMERIC,                   Family::decimal,        SQL_DECIMAL},
    {SQL_DECIMAL,                   Family::decimal,        SQL_NUMERIC},
    {SQL_REAL,                      Family::floating},
    {SQL_FLOAT,                     Family::floating,       SQL_DOUBLE},
    {SQL_DOUBLE,                    Family::floating,       SQL_FLOAT},
    {SQL_BIT,                       Family::bit},
    {SQL_TYPE_DATE,                 Family::date,           SQL_DATE},
    {SQL_TYPE_TIME,                 Family::time,           SQL_TIME},
    {SQL_TYPE_TIMESTAMP,            Family::timestamp,      SQL_TIMESTAMP},
    {SQL_DATE,                      Family::date,           SQL_TYPE_DATE},
    {SQL_TIME,                      Family::time,           SQL_TYPE_TIME},
    {SQL_TIMESTAMP,                 Family::timestamp,      SQL_TYPE_TIMESTAMP},
    {SQL_INTERVAL_YEAR,             Family::interval, 0, Field::year,   Field::year},
    {SQL_INTERVAL_MONTH,            Family::interval, 0, Field::month,  Field::month},
    {SQL_INTERVAL_YEAR_TO_MONTH,    Family::interval, 0, Field::year,   Field::month},
    {SQL_INTERVAL_DAY,              Family::interval, 0, Field::day,    Field::day},
    {SQL_INTERVAL_HOUR,             Family::interval, 0, Field::hour,   Field::hour},
    {SQL_INTERVAL_MINUTE,           Family::interval, 0, Field::minute, Field::minute},
    {SQL_INTERVAL_SECOND,           Family::interval, 0, Field::second, Field::second},
    {SQL_INTERVAL_DAY_TO_HOUR,      Family::interval, 0, Field::day,    Field::hour},
    {SQL_INTERVAL_DAY_TO_MINUTE,    Family::interval, 0, Field::day,    Field::minute},
    {SQL_INTERVAL_DAY_TO_SECOND,    Family::interval, 0, Field::day,    Field::second},
    {SQL_INTERVAL_HOUR_TO_MINUTE,   Family::interval, 0, Field::hour,   Field::minute},
    {SQL_INTERVAL_HOUR_TO_SECOND,   Family::interval, 0, Field::hour,   Field::second},
    {SQL_INTERVAL_MINUTE_TO_SECOND, Family::interval, 0, Field::minute, Field::second},
    {SQL_GUID,                      Family::guid},
    {SQL_BINARY,                    Family::binary,         SQL_VARBINARY},
    {SQL_VARBINARY,                 Family::binary,         SQL_LONGVARBINARY},
    {SQL_LONGVARBINARY,             Family::binary,         SQL_BINARY},
    {SQL_UNKNOWN_TYPE,              Family::unknown},
}};

// Sizes around the edges that matter: tiny character columns, NUMERIC precisions up to
// Redshift's 38, GUID text (36), and 0 for "unspecified".
inline constexpr std::array<SQLULEN, 16> param_column_sizes{
    0, 1, 2, 3, 4, 5, 8, 10, 12, 18, 19, 20, 36, 38, 100, 1000};
// 0-9 for fractional seconds and scales, then scales beyond a NUMERIC's precision and a
// negative one (an application's mistake the driver must survive).
inline constexpr std::array<SQLSMALLINT, 16> param_decimal_digits{
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 18, 38, 100, -1, 16383};

// clang-format on

struct ParamTextCase {
    TargetType type;
    types::ParamTarget target;
    bool wide = false;            // SQL_C_WCHAR
    bool nul_terminated = false;  // SQL_NTS
    std::string_view value;
};

inline std::optional<ParamTextCase> decode_param_text(std::string_view data) {
    if (data.size() < 2) {
        return std::nullopt;
    }
    const auto selector = static_cast<unsigned char>(data[0]);
    const auto sizes = static_cast<unsigned char>(data[1]);
    const TargetType& type = param_targets[(selector & 0x3FU) % param_targets.size()];
    return ParamTextCase{
        type,
        {type.sql_type, param_column_sizes[sizes >> 4U], param_decimal_digits[sizes & 0x0FU]},
        (selector & 0x80U) != 0,
        (selector & 0x40U) != 0,
        data.substr(2)};
}

// What one call returned; `text` is the output string as the call left it.
struct Encoding {
    types::Outcome outcome = types::Outcome::ok;
    unsigned type_oid = 0;
    std::string text;

    bool operator==(const Encoding&) const = default;
};

inline Encoding encode_bytes(SQLSMALLINT c_type, const void* data, SQLLEN length,
                             const types::ParamTarget& target, std::string out = {}) {
    const types::Encoded encoded =
        types::encode_parameter(types::ParamSource{c_type, data, length}, target, out);
    return {encoded.outcome, encoded.type_oid, std::move(out)};
}

// The case's value as the application would bind it. The bytes are copied into a heap block of
// exactly the size the driver may read (plus the terminator for SQL_NTS), so an over-read is an
// AddressSanitizer report rather than a read of std::string's spare capacity.
inline Encoding encode_case(const ParamTextCase& c, const types::ParamTarget& target,
                            std::string out = {}) {
    std::size_t size = c.value.size();
    std::size_t terminator = 0;
    if (c.nul_terminated) {
        size -= c.wide ? size % 2 : 0;  // an odd last byte is no UTF-16 unit
        terminator = c.wide ? 2 : 1;
    }
    const auto buffer = std::make_unique<char[]>(size + terminator);  // zeroed: the terminator
    std::memcpy(buffer.get(), c.value.data(), size);
    const SQLLEN length = c.nul_terminated ? SQL_NTS : static_cast<SQLLEN>(size);
    return encode_bytes(c.wide ? SQL_C_WCHAR : SQL_C_CHAR, buffer.get(), length, target,
                        std::move(out));
}

// SQL_C_CHAR with a byte count: the plainest way to bind the same characters.
inline Encoding encode_narrow(std::string_view utf8, const types::ParamTarget& target) {
    const auto buffer = std::make_unique<char[]>(utf8.size());
    std::memcpy(buffer.get(), utf8.data(), utf8.size());
    return encode_bytes(SQL_C_CHAR, buffer.get(), static_cast<SQLLEN>(utf8.size()), target);
}

// The characters the driver is given, as UTF-8, or nullopt when they are not text appendix D can
// convert (22018): invalid UTF-8 or UTF-16, a NUL inside a counted value (libpq cannot send it),
// or an odd byte count for SQL_C_WCHAR. Decided with the strict converters of types/utf.h, which
// the driver's own validity check (from_c::is_sendable_utf8) does not share code with.
inline std::optional<std::string> characters_of(const ParamTextCase& c) {
    std::string_view bytes = c.value;
    if (c.wide) {
        if (c.nul_terminated) {
            bytes = bytes.substr(0, bytes.size() - bytes.size() % 2);
        } else if (bytes.size() % 2 != 0) {
            return std::nullopt;
        }
    }
    std::string utf8;
    try {
        if (c.wide) {
            std::u16string units(bytes.size() / 2, u'\0');
            std::memcpy(units.data(), bytes.data(), bytes.size());
            if (c.nul_terminated) {
                units.resize(units.find(u'\0') == std::u16string::npos ? units.size()
                                                                       : units.find(u'\0'));
            }
            utf8 = types::to_utf8(units);
        } else {
            utf8.assign(c.nul_terminated ? bytes.substr(0, bytes.find('\0')) : bytes);
            (void)types::to_utf16(utf8);  // validity only
        }
    } catch (const types::EncodingError&) {
        return std::nullopt;
    }
    if (utf8.find('\0') != std::string::npos) {
        return std::nullopt;
    }
    return utf8;
}

}  // namespace rsodbc::fuzz
