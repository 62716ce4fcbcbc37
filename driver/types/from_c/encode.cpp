// Dispatch by C type, target classification and the character source family (SQL_C_CHAR,
// SQL_C_WCHAR): ODBC appendix D, "C to SQL: Character".
#include "types/from_c/detail.h"
#include "types/type_table.h"
#include "types/utf.h"

#include <cstdint>
#include <cstring>

namespace rsodbc::types {

namespace from_c {

unsigned parameter_type_oid(SQLSMALLINT sql_type) {
    switch (sql_type) {
        case SQL_TINYINT:  // Redshift has no one-byte integer
        case SQL_SMALLINT:
            return oid::int2;
        case SQL_INTEGER:
            return oid::int4;
        case SQL_BIGINT:
            return oid::int8;
        case SQL_NUMERIC:
        case SQL_DECIMAL:
            return oid::numeric;
        case SQL_REAL:
            return oid::float4;
        case SQL_FLOAT:  // ODBC's FLOAT is double precision unless a smaller precision is asked
        case SQL_DOUBLE:
            return oid::float8;
        case SQL_BIT:
            return oid::boolean;
        default:
            break;
    }
    switch (sql_family(sql_type)) {
        case SqlFamily::date:
            return oid::date;
        case SqlFamily::time:
            return oid::time;
        case SqlFamily::timestamp:
            return oid::timestamp;
        case SqlFamily::interval_year_month:
        case SqlFamily::interval_day_time:
            return oid::interval;
        case SqlFamily::guid:
            return oid::uuid;
        case SqlFamily::binary:
            return oid::bytea;
        default:
            // Character targets stay unspecified so a string bound for an integer, date or
            // any other column is read by the server as that column's type.
            return 0;
    }
}

Encoded finish(Outcome outcome, const ParamTarget& target, std::string& out) {
    if (is_error(outcome)) {
        return fail(outcome, out);
    }
    return {outcome, parameter_type_oid(target.sql_type)};
}

unsigned loose_parameter_type_oid(SQLSMALLINT sql_type) {
    // Binary values keep bytea: their text is the bytea escape form, which no other type reads.
    return sql_family(sql_type) == SqlFamily::binary ? parameter_type_oid(sql_type) : 0;
}

namespace {

// UTF-16 code units of valid UTF-8: one per character, two for the four-byte forms.
std::size_t utf16_units(std::string_view utf8) {
    std::size_t units = 0;
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte & 0xC0U) != 0x80U) {
            units += byte >= 0xF0U ? 2 : 1;
        }
    }
    return units;
}

}  // namespace

bool fits_column(std::string_view utf8, const ParamTarget& target) {
    if (target.column_size == 0) {
        return true;
    }
    const std::size_t length =
        sql_family(target.sql_type) == SqlFamily::wide_character ? utf16_units(utf8) : utf8.size();
    return length <= target.column_size;
}

namespace {

// True when none of the eight bytes has its high bit set or is zero (plain ASCII, no NUL).
bool is_plain_ascii_word(const char* at) {
    constexpr std::uint64_t low_bits = 0x0101010101010101U;
    constexpr std::uint64_t high_bits = 0x8080808080808080U;
    std::uint64_t word = 0;
    std::memcpy(&word, at, sizeof word);
    const std::uint64_t has_zero = (word - low_bits) & ~word & high_bits;
    return ((word & high_bits) | has_zero) == 0;
}

}  // namespace

bool is_sendable_utf8(std::string_view text) {
    std::size_t i = 0;
    // Most text is ASCII: eight bytes at a time until the first byte that needs a closer look.
    while (i + 8 <= text.size() && is_plain_ascii_word(text.data() + i)) {
        i += 8;
    }
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80U) {
            if (lead == 0) {
                return false;
            }
            ++i;
            continue;
        }
        std::size_t extra = 0;
        char32_t code = 0;
        char32_t minimum = 0;
        if ((lead & 0xE0U) == 0xC0U) {
            extra = 1, code = lead & 0x1FU, minimum = 0x80;
        } else if ((lead & 0xF0U) == 0xE0U) {
            extra = 2, code = lead & 0x0FU, minimum = 0x800;
        } else if ((lead & 0xF8U) == 0xF0U) {
            extra = 3, code = lead & 0x07U, minimum = 0x10000;
        } else {
            return false;
        }
        if (text.size() - i <= extra) {
            return false;
        }
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0U) != 0x80U) {
                return false;
            }
            code = (code << 6U) | (next & 0x3FU);
        }
        if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            return false;
        }
        i += extra + 1;
    }
    return true;
}

std::string_view trim_blanks(std::string_view text) {
    const std::size_t first = text.find_first_not_of(blanks);
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

Encoded encode_character(std::string_view utf8, const ParamTarget& target, std::string& out) {
    out.clear();
    if (!is_sendable_utf8(utf8)) {
        return fail(Outcome::invalid_character, out);
    }
    switch (sql_family(target.sql_type)) {
        case SqlFamily::character:
        case SqlFamily::wide_character:
            // 22001 when the data is longer than the column; nothing is cut and sent.
            if (!fits_column(utf8, target)) {
                return fail(Outcome::string_right_truncated, out);
            }
            out.assign(utf8);
            return finish(Outcome::ok, target, out);
        case SqlFamily::exact_integer:
        case SqlFamily::decimal:
        case SqlFamily::floating:
        case SqlFamily::bit:
            return encode_number_text(trim_blanks(utf8), target, out);
        case SqlFamily::date:
        case SqlFamily::time:
        case SqlFamily::timestamp:
            return encode_datetime_text(trim_blanks(utf8), target, out);
        case SqlFamily::interval_year_month:
        case SqlFamily::interval_day_time:
            return encode_interval_text(trim_blanks(utf8), target, out);
        case SqlFamily::guid:
            return encode_guid_text(trim_blanks(utf8), target, out);
        case SqlFamily::binary:
            return encode_binary_text(utf8, target, out);
        case SqlFamily::unknown:
            break;
    }
    return fail(Outcome::unsupported, out);
}

Encoded encode_utf16(std::u16string_view units, const ParamTarget& target, std::string& out) {
    std::string utf8;
    try {
        append_utf8(units, utf8);
    } catch (const EncodingError&) {
        return fail(Outcome::invalid_character, out);
    }
    return encode_character(utf8, target, out);
}

namespace {

// SQL_C_CHAR: SQL_NTS-terminated or counted bytes.
Encoded encode_narrow(const ParamSource& source, const ParamTarget& target, std::string& out) {
    const char* text = static_cast<const char*>(source.data);
    if (source.length < 0 && source.length != SQL_NTS) {
        return fail(Outcome::invalid_character, out);
    }
    const std::size_t size =
        source.length == SQL_NTS ? std::strlen(text) : static_cast<std::size_t>(source.length);
    return encode_character(std::string_view(text, size), target, out);
}

// SQL_C_WCHAR: SQLWCHAR is UTF-16 here (unixODBC); copied so an odd-aligned buffer is read safely.
Encoded encode_wide(const ParamSource& source, const ParamTarget& target, std::string& out) {
    std::u16string units;
    const auto* bytes = static_cast<const unsigned char*>(source.data);
    if (source.length == SQL_NTS) {
        for (std::size_t i = 0;; i += 2) {
            char16_t unit = 0;
            std::memcpy(&unit, bytes + i, sizeof unit);
            if (unit == 0) {
                break;
            }
            units.push_back(unit);
        }
    } else if (source.length < 0 || source.length % 2 != 0) {
        // Appendix D: Unicode data must have an even length.
        return fail(Outcome::invalid_character, out);
    } else {
        units.resize(static_cast<std::size_t>(source.length) / 2);
        std::memcpy(units.data(), bytes, static_cast<std::size_t>(source.length));
    }
    return encode_utf16(units, target, out);
}

// SQL_C_BINARY (counted bytes) and SQL_C_GUID (the struct).
Encoded encode_bytes(const ParamSource& source, const ParamTarget& target, std::string& out) {
    if (source.c_type == SQL_C_GUID) {
        SQLGUID guid{};
        std::memcpy(&guid, source.data, sizeof guid);
        return encode_guid(guid, target, out);
    }
    if (source.length < 0) {
        return fail(Outcome::invalid_character, out);
    }
    const std::string_view bytes(static_cast<const char*>(source.data),
                                 static_cast<std::size_t>(source.length));
    return encode_binary(bytes, target, out);
}

}  // namespace

}  // namespace from_c

Encoded encode_parameter(const ParamSource& source, const ParamTarget& target, std::string& out) {
    out.clear();
    const SQLSMALLINT c_type = source.c_type;
    if (c_type == SQL_C_CHAR) {
        return from_c::encode_narrow(source, target, out);
    }
    if (c_type == SQL_C_WCHAR) {
        return from_c::encode_wide(source, target, out);
    }
    if (from_c::is_number_c_type(c_type)) {
        return from_c::encode_number(source, target, out);
    }
    if (c_type == SQL_C_BIT) {
        return from_c::encode_bit(source, target, out);
    }
    if (is_datetime_c_type(c_type)) {
        return from_c::encode_datetime(source, target, out);
    }
    if (c_type == SQL_C_BINARY || c_type == SQL_C_GUID) {
        return from_c::encode_bytes(source, target, out);
    }
    if (is_interval_c_type(c_type)) {
        SQL_INTERVAL_STRUCT interval{};
        std::memcpy(&interval, source.data, sizeof interval);
        return from_c::encode_interval(interval, c_type, target, out);
    }
    return from_c::fail(Outcome::unsupported, out);
}

}  // namespace rsodbc::types
