// SQL_C_BINARY and SQL_C_GUID, and character data bound to binary and GUID targets. ODBC
// appendix D, "C to SQL: Binary", "C to SQL: GUID" and the binary row of "C to SQL: Character".
// Binary targets are sent as bytea's hex text (\x0a1b...).
#include "types/from_c/detail.h"
#include "types/hex.h"

#include <cstring>

namespace rsodbc::types::from_c {

namespace {

constexpr char hex_digits[] = "0123456789abcdef";

void append_hex(unsigned char byte, std::string& out) {
    out += hex_digits[byte >> 4U];
    out += hex_digits[byte & 0x0FU];
}

Encoded send_bytea(std::string_view bytes, const ParamTarget& target, std::string& out) {
    if (target.column_size != 0 && bytes.size() > target.column_size) {
        return fail(Outcome::string_right_truncated, out);
    }
    out.reserve(2 + 2 * bytes.size());
    out = "\\x";
    for (const char c : bytes) {
        append_hex(static_cast<unsigned char>(c), out);
    }
    return finish(Outcome::ok, target, out);
}

// The C type whose in-memory form binary data must have for a fixed-size target: appendix D
// sends binary data "as is", so the bytes are read as that C type ("byte length of data <> SQL
// data length": 22003).
SQLSMALLINT native_c_type(SQLSMALLINT sql_type, std::size_t& size) {
    switch (sql_type) {
        case SQL_TINYINT:
            size = 1;
            return SQL_C_STINYINT;
        case SQL_SMALLINT:
            size = 2;
            return SQL_C_SSHORT;
        case SQL_INTEGER:
            size = 4;
            return SQL_C_SLONG;
        case SQL_BIGINT:
            size = 8;
            return SQL_C_SBIGINT;
        case SQL_REAL:
            size = sizeof(float);
            return SQL_C_FLOAT;
        case SQL_FLOAT:
        case SQL_DOUBLE:
            size = sizeof(double);
            return SQL_C_DOUBLE;
        case SQL_BIT:
            size = 1;
            return SQL_C_BIT;
        case SQL_NUMERIC:
        case SQL_DECIMAL:
            size = sizeof(SQL_NUMERIC_STRUCT);
            return SQL_C_NUMERIC;
        default:
            break;
    }
    switch (sql_family(sql_type)) {
        case SqlFamily::date:
            size = sizeof(SQL_DATE_STRUCT);
            return SQL_C_TYPE_DATE;
        case SqlFamily::time:
            size = sizeof(SQL_TIME_STRUCT);
            return SQL_C_TYPE_TIME;
        case SqlFamily::timestamp:
            size = sizeof(SQL_TIMESTAMP_STRUCT);
            return SQL_C_TYPE_TIMESTAMP;
        default:
            size = 0;
            return 0;
    }
}

}  // namespace

Encoded encode_binary(std::string_view bytes, const ParamTarget& target, std::string& out) {
    out.clear();
    switch (sql_family(target.sql_type)) {
        case SqlFamily::binary:
            return send_bytea(bytes, target, out);
        case SqlFamily::character:
            // The bytes are the characters: they must be text the server accepts.
            if (!is_sendable_utf8(bytes)) {
                return fail(Outcome::invalid_character, out);
            }
            if (!fits_column(bytes, target)) {
                return fail(Outcome::string_right_truncated, out);
            }
            out.assign(bytes);
            return finish(Outcome::ok, target, out);
        case SqlFamily::wide_character: {
            // The bytes are SQLWCHARs (UTF-16), as they would be in a wide column.
            if (bytes.size() % 2 != 0) {
                return fail(Outcome::invalid_character, out);
            }
            std::u16string units(bytes.size() / 2, u'\0');
            std::memcpy(units.data(), bytes.data(), bytes.size());
            return encode_utf16(units, target, out);
        }
        case SqlFamily::interval_year_month:
        case SqlFamily::interval_day_time:
        case SqlFamily::guid:
        case SqlFamily::unknown:
            return fail(Outcome::unsupported, out);
        default:
            break;
    }
    std::size_t size = 0;
    const SQLSMALLINT c_type = native_c_type(target.sql_type, size);
    if (bytes.size() != size) {
        return fail(Outcome::out_of_range, out);
    }
    alignas(8) unsigned char buffer[32] = {};
    std::memcpy(buffer, bytes.data(), size);
    return encode_parameter(ParamSource{c_type, buffer, static_cast<SQLLEN>(size)}, target, out);
}

Encoded encode_binary_text(std::string_view hex, const ParamTarget& target, std::string& out) {
    out.clear();
    // Each two characters are one byte; an odd last character is not converted (appendix D).
    std::string bytes;
    bytes.reserve(hex.size() / 2);
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        const int high = hex_value(hex[i]);
        const int low = hex_value(hex[i + 1]);
        if (high < 0 || low < 0) {
            return fail(Outcome::invalid_character, out);
        }
        bytes += static_cast<char>(high * 16 + low);
    }
    return send_bytea(bytes, target, out);
}

Encoded encode_guid(const SQLGUID& value, const ParamTarget& target, std::string& out) {
    out.clear();
    const SqlFamily kind = sql_family(target.sql_type);
    if (kind != SqlFamily::guid && !is_character(kind)) {
        return fail(Outcome::unsupported, out);
    }
    // Canonical 8-4-4-4-12 lowercase text; Data1-3 are numbers, so printed most significant
    // digit first whatever the machine's byte order.
    auto append_number = [&out](std::uint32_t number, int hex_count) {
        for (int shift = (hex_count - 1) * 4; shift >= 0; shift -= 4) {
            out += hex_digits[(number >> static_cast<unsigned>(shift)) & 0x0FU];
        }
    };
    append_number(value.Data1, 8);
    out += '-';
    append_number(value.Data2, 4);
    out += '-';
    append_number(value.Data3, 4);
    out += '-';
    append_hex(value.Data4[0], out);
    append_hex(value.Data4[1], out);
    out += '-';
    for (int i = 2; i < 8; ++i) {
        append_hex(value.Data4[i], out);
    }
    if (is_character(kind) && !fits_column(out, target)) {
        return fail(Outcome::string_right_truncated, out);
    }
    return finish(Outcome::ok, target, out);
}

Encoded encode_guid_text(std::string_view text, const ParamTarget& target, std::string& out) {
    out.clear();
    if (text.size() == 38 && text.front() == '{' && text.back() == '}') {
        text = text.substr(1, 36);  // the registry form {xxxxxxxx-...}
    }
    if (text.size() != 36) {
        return fail(Outcome::invalid_character, out);
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        // The digit is looked up once, so the check and the use see the same value.
        const int digit = dash ? 0 : hex_value(text[i]);
        if (dash ? text[i] != '-' : digit < 0) {
            return fail(Outcome::invalid_character, out);
        }
        out += dash ? '-' : hex_digits[digit];
    }
    return finish(Outcome::ok, target, out);
}

}  // namespace rsodbc::types::from_c
