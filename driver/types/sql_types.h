#pragma once
// ODBC SQL type codes grouped into families, in one table (sql_types.cpp): what descriptors,
// catalog results, column attributes and parameter encoding ask about a SQL type ("is it
// character data? a datetime? an interval with seconds?") is answered here. SQL_C_* codes that
// share a SQL type's number (SQL_C_CHAR, SQL_C_NUMERIC, SQL_C_TYPE_DATE, SQL_C_INTERVAL_*) get
// the same answers, which descriptors rely on.
#include <sql.h>
#include <sqlext.h>

namespace rsodbc::types {

enum class SqlFamily : unsigned char {
    character,       // SQL_CHAR, SQL_VARCHAR, SQL_LONGVARCHAR: column size in bytes
    wide_character,  // SQL_WCHAR, SQL_WVARCHAR, SQL_WLONGVARCHAR: column size in UTF-16 units
    exact_integer,   // SQL_TINYINT, SQL_SMALLINT, SQL_INTEGER, SQL_BIGINT
    decimal,         // SQL_NUMERIC, SQL_DECIMAL
    floating,        // SQL_REAL, SQL_FLOAT, SQL_DOUBLE
    bit,
    date,  // SQL_TYPE_DATE, and the ODBC 2 SQL_DATE (a parameter type only)
    time,
    timestamp,
    interval_year_month,
    interval_day_time,
    guid,
    binary,
    unknown,
};

// The family of a SQL type code (concise ODBC 3 codes and the ODBC 2 SQL_DATE/TIME/TIMESTAMP).
[[nodiscard]] SqlFamily sql_family(SQLSMALLINT sql_type);

// An ODBC SQL type code (concise or ODBC 2) a parameter may be bound as.
[[nodiscard]] inline bool is_known_sql_type(SQLSMALLINT sql_type) {
    return sql_family(sql_type) != SqlFamily::unknown;
}

// SQL_CHAR ... SQL_WLONGVARCHAR.
[[nodiscard]] inline bool is_character_sql_type(SQLSMALLINT sql_type) {
    const SqlFamily family = sql_family(sql_type);
    return family == SqlFamily::character || family == SqlFamily::wide_character;
}

// SQL_NUMERIC and SQL_DECIMAL (and SQL_C_NUMERIC).
[[nodiscard]] inline bool is_decimal_sql_type(SQLSMALLINT sql_type) {
    return sql_family(sql_type) == SqlFamily::decimal;
}

// Integer, decimal and floating types: their column size is a precision in digits (ODBC
// "Column Size"), which SQLBindParameter stores in SQL_DESC_PRECISION.
[[nodiscard]] bool is_number_sql_type(SQLSMALLINT sql_type);

// The concise ODBC 3 datetime types SQL_TYPE_DATE/TIME/TIMESTAMP (not the ODBC 2 codes, whose
// numbers are also the ODBC 2 C types).
[[nodiscard]] bool is_datetime_sql_type(SQLSMALLINT sql_type);

// The thirteen SQL_INTERVAL_* types.
[[nodiscard]] bool is_interval_sql_type(SQLSMALLINT sql_type);

// SQL_INTERVAL_SECOND and the three *_TO_SECOND intervals: they carry a seconds precision.
[[nodiscard]] bool interval_has_seconds(SQLSMALLINT sql_type);

// SQL_DESC_DATETIME_INTERVAL_CODE / SQL_DATETIME_SUB: SQL_CODE_DATE... for the datetime types,
// SQL_CODE_YEAR... for the intervals, 0 for every other type.
[[nodiscard]] SQLSMALLINT datetime_interval_code(SQLSMALLINT sql_type);

}  // namespace rsodbc::types
