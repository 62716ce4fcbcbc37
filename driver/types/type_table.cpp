#include "types/type_table.h"

namespace rsodbc::types {

namespace {

SqlTypeInfo integer_type(SQLSMALLINT sql_type, SQLULEN digits, SQLLEN bytes,
                         std::string_view name) {
    // Display size counts the sign.
    return {sql_type, digits, 0,     bytes, static_cast<SQLLEN>(digits) + 1,
            name,     false,  false, 10,    SQL_PRED_BASIC};
}

SqlTypeInfo character_type(SQLSMALLINT sql_type, SQLULEN length, std::string_view name) {
    const auto size = static_cast<SQLLEN>(length);
    return {sql_type, length, 0, size, size, name, false, true, 0, SQL_SEARCHABLE};
}

SqlTypeInfo numeric_type(int type_modifier) {
    // typmod = ((precision << 16) | scale) + 4. Unconstrained numerics (PostgreSQL columns without
    // a declared size, parameters whose column is unknown) report Redshift's largest precision and
    // a scale of 10: a scale of 0 would make applications round away every fraction.
    SQLULEN precision = 38;
    SQLSMALLINT scale = 10;
    if (type_modifier >= 4) {
        precision = static_cast<SQLULEN>(((type_modifier - 4) >> 16) & 0xffff);
        scale = static_cast<SQLSMALLINT>((type_modifier - 4) & 0xffff);
    }
    const auto display = static_cast<SQLLEN>(precision) + 2;  // sign and decimal point
    return {SQL_NUMERIC, precision, scale, display, display,
            "numeric",   false,     false, 10,      SQL_PRED_BASIC};
}

SqlTypeInfo datetime_type(SQLSMALLINT sql_type, SQLULEN size, SQLSMALLINT digits, SQLLEN bytes,
                          std::string_view name) {
    return {sql_type, size,  digits, bytes, static_cast<SQLLEN>(size),
            name,     false, false,  0,     SQL_PRED_BASIC};
}

SQLULEN declared_length(int type_modifier) {
    return type_modifier >= 4 ? static_cast<SQLULEN>(type_modifier - 4) : max_varchar_bytes;
}

// Fractional-second digits of time/timestamp: typmod is the precision, -1 means 6.
SQLSMALLINT fraction_digits(int type_modifier) {
    return static_cast<SQLSMALLINT>(type_modifier >= 0 ? type_modifier : 6);
}

}  // namespace

// One case per server type: a table written as a switch.
// NOLINTNEXTLINE(readability-function-size)
SqlTypeInfo describe_server_type(unsigned type_oid, int type_modifier) {
    switch (type_oid) {
        case oid::boolean:
            return {SQL_BIT, 1, 0, 1, 1, "bool", false, false, 0, SQL_PRED_BASIC};
        case oid::int2:
            return integer_type(SQL_SMALLINT, 5, 2, "int2");
        case oid::int4:
            return integer_type(SQL_INTEGER, 10, 4, "int4");
        case oid::int8:
            return integer_type(SQL_BIGINT, 19, 8, "int8");
        case oid::oid:
            return {SQL_INTEGER, 10, 0, 4, 10, "oid", true, false, 10, SQL_PRED_BASIC};
        case oid::float4:
            return {SQL_REAL, 24, 0, 4, 14, "float4", false, false, 2, SQL_PRED_BASIC};
        case oid::float8:
            return {SQL_DOUBLE, 53, 0, 8, 24, "float8", false, false, 2, SQL_PRED_BASIC};
        case oid::numeric:
            return numeric_type(type_modifier);
        case oid::bpchar:
            return character_type(SQL_CHAR, declared_length(type_modifier), "bpchar");
        case oid::single_char:
            return character_type(SQL_CHAR, 1, "char");
        case oid::varchar:
            return character_type(SQL_VARCHAR, declared_length(type_modifier), "varchar");
        case oid::name:
            return character_type(SQL_VARCHAR, 127, "name");
        case oid::text: {
            SqlTypeInfo text = character_type(SQL_VARCHAR, max_varchar_bytes, "text");
            text.unbounded_text = true;
            return text;
        }
        case oid::date:
            return datetime_type(SQL_TYPE_DATE, 10, 0, 6, "date");
        case oid::time: {
            const SQLSMALLINT digits = fraction_digits(type_modifier);
            const SQLULEN size = 8 + (digits > 0 ? 1 + static_cast<SQLULEN>(digits) : 0);
            return datetime_type(SQL_TYPE_TIME, size, digits, 6, "time");
        }
        case oid::timetz: {
            // Character data, as psqlODBC reports it: SQL_TYPE_TIME has no place for the zone
            // offset. The text is the time plus an offset of up to "+HH:MM:SS".
            const SQLSMALLINT digits = fraction_digits(type_modifier);
            const SQLULEN size = 8 + (digits > 0 ? 1 + static_cast<SQLULEN>(digits) : 0) + 9;
            return character_type(SQL_VARCHAR, size, "timetz");
        }
        case oid::timestamp:
        case oid::timestamptz: {
            const SQLSMALLINT digits = fraction_digits(type_modifier);
            const SQLULEN size = 19 + (digits > 0 ? 1 + static_cast<SQLULEN>(digits) : 0);
            return datetime_type(SQL_TYPE_TIMESTAMP, size, digits, 16,
                                 type_oid == oid::timestamp ? "timestamp" : "timestamptz");
        }
        case oid::uuid:
            return {SQL_GUID, 36, 0, 16, 36, "uuid", false, false, 0, SQL_PRED_BASIC};
        case oid::super:
            // JSON text of up to 16 MB per value.
            return {SQL_LONGVARCHAR,
                    SQLULEN{16} * 1024 * 1024,
                    0,
                    SQLLEN{16} * 1024 * 1024,
                    SQLLEN{16} * 1024 * 1024,
                    "super",
                    false,
                    true,
                    0,
                    SQL_PRED_NONE};
        case oid::json:
        case oid::jsonb:
            return {SQL_LONGVARCHAR,
                    SQLULEN{16} * 1024 * 1024,
                    0,
                    SQLLEN{16} * 1024 * 1024,
                    SQLLEN{16} * 1024 * 1024,
                    type_oid == oid::json ? "json" : "jsonb",
                    false,
                    true,
                    0,
                    SQL_PRED_NONE};
        case oid::varbyte: {
            // VARBYTE(n) holds up to 1,024,000 bytes; the server prints them as hex.
            const SQLULEN bytes =
                type_modifier >= 4 ? static_cast<SQLULEN>(type_modifier - 4) : SQLULEN{1024000};
            return {SQL_LONGVARBINARY,
                    bytes,
                    0,
                    static_cast<SQLLEN>(bytes),
                    static_cast<SQLLEN>(bytes) * 2,
                    "varbyte",
                    false,
                    false,
                    0,
                    SQL_PRED_BASIC};
        }
        case oid::geometry:
        case oid::geography:
            return {SQL_LONGVARBINARY,
                    1048447,
                    0,
                    1048447,
                    2096894,
                    type_oid == oid::geometry ? "geometry" : "geography",
                    false,
                    false,
                    0,
                    SQL_PRED_NONE};
        case oid::interval_year_to_month:
            return {SQL_INTERVAL_YEAR_TO_MONTH, 9,     0,     34, 9,
                    "interval year to month",   false, false, 0,  SQL_PRED_BASIC};
        case oid::interval_day_to_second:
            return {SQL_INTERVAL_DAY_TO_SECOND, 25,    6,     34, 25,
                    "interval day to second",   false, false, 0,  SQL_PRED_BASIC};
        case oid::bytea:
            return {SQL_VARBINARY,
                    max_varchar_bytes,
                    0,
                    static_cast<SQLLEN>(max_varchar_bytes),
                    static_cast<SQLLEN>(max_varchar_bytes) * 2,
                    "bytea",
                    false,
                    false,
                    0,
                    SQL_PRED_NONE};
        default:
            // Unknown types arrive as text and are reported as text, never as an error.
            return character_type(SQL_VARCHAR, max_varchar_bytes, "text");
    }
}

SQLSMALLINT default_c_type(SQLSMALLINT sql_type) {
    switch (sql_type) {
        case SQL_SMALLINT:
            return SQL_C_SSHORT;
        case SQL_INTEGER:
            return SQL_C_SLONG;
        case SQL_BIGINT:
            return SQL_C_SBIGINT;
        case SQL_REAL:
            return SQL_C_FLOAT;
        case SQL_DOUBLE:
        case SQL_FLOAT:
            return SQL_C_DOUBLE;
        case SQL_BIT:
            return SQL_C_BIT;
        case SQL_TYPE_DATE:
            return SQL_C_TYPE_DATE;
        case SQL_TYPE_TIME:
            return SQL_C_TYPE_TIME;
        case SQL_TYPE_TIMESTAMP:
            return SQL_C_TYPE_TIMESTAMP;
        case SQL_GUID:
            return SQL_C_GUID;
        case SQL_WCHAR:
        case SQL_WVARCHAR:
        case SQL_WLONGVARCHAR:
            return SQL_C_WCHAR;
        case SQL_NUMERIC:
        case SQL_DECIMAL:
            return SQL_C_CHAR;  // ODBC's default for exact numerics is character
        case SQL_INTERVAL_YEAR_TO_MONTH:
            return SQL_C_INTERVAL_YEAR_TO_MONTH;
        case SQL_INTERVAL_DAY_TO_SECOND:
            return SQL_C_INTERVAL_DAY_TO_SECOND;
        case SQL_BINARY:
        case SQL_VARBINARY:
        case SQL_LONGVARBINARY:
            return SQL_C_BINARY;
        default:
            return SQL_C_CHAR;
    }
}

SQLSMALLINT verbose_type(SQLSMALLINT concise_type) {
    switch (concise_type) {
        case SQL_TYPE_DATE:
        case SQL_TYPE_TIME:
        case SQL_TYPE_TIMESTAMP:
            return SQL_DATETIME;
        default:
            return concise_type;
    }
}

}  // namespace rsodbc::types
