#include "types/sql_types.h"

#include <sqlucode.h>

#include <array>
#include <cstddef>

namespace rsodbc::types {

namespace {

struct SqlTypeRow {
    SQLSMALLINT sql_type;
    SqlFamily family;
    SQLSMALLINT code;  // SQL_CODE_* of a concise datetime or interval type, else 0
};

using F = SqlFamily;

// Every SQL type code the driver knows; a code not here is SqlFamily::unknown.
// clang-format off
constexpr std::array<SqlTypeRow, 39> sql_type_table{{
    {SQL_CHAR,                      F::character,           0},
    {SQL_VARCHAR,                   F::character,           0},
    {SQL_LONGVARCHAR,               F::character,           0},
    {SQL_WCHAR,                     F::wide_character,      0},
    {SQL_WVARCHAR,                  F::wide_character,      0},
    {SQL_WLONGVARCHAR,              F::wide_character,      0},
    {SQL_TINYINT,                   F::exact_integer,       0},
    {SQL_SMALLINT,                  F::exact_integer,       0},
    {SQL_INTEGER,                   F::exact_integer,       0},
    {SQL_BIGINT,                    F::exact_integer,       0},
    {SQL_NUMERIC,                   F::decimal,             0},
    {SQL_DECIMAL,                   F::decimal,             0},
    {SQL_REAL,                      F::floating,            0},
    {SQL_FLOAT,                     F::floating,            0},
    {SQL_DOUBLE,                    F::floating,            0},
    {SQL_BIT,                       F::bit,                 0},
    {SQL_TYPE_DATE,                 F::date,                SQL_CODE_DATE},
    {SQL_TYPE_TIME,                 F::time,                SQL_CODE_TIME},
    {SQL_TYPE_TIMESTAMP,            F::timestamp,           SQL_CODE_TIMESTAMP},
    {SQL_DATE,                      F::date,                0},  // ODBC 2
    {SQL_TIME,                      F::time,                0},  // ODBC 2
    {SQL_TIMESTAMP,                 F::timestamp,           0},  // ODBC 2
    {SQL_INTERVAL_YEAR,             F::interval_year_month, SQL_CODE_YEAR},
    {SQL_INTERVAL_MONTH,            F::interval_year_month, SQL_CODE_MONTH},
    {SQL_INTERVAL_YEAR_TO_MONTH,    F::interval_year_month, SQL_CODE_YEAR_TO_MONTH},
    {SQL_INTERVAL_DAY,              F::interval_day_time,   SQL_CODE_DAY},
    {SQL_INTERVAL_HOUR,             F::interval_day_time,   SQL_CODE_HOUR},
    {SQL_INTERVAL_MINUTE,           F::interval_day_time,   SQL_CODE_MINUTE},
    {SQL_INTERVAL_SECOND,           F::interval_day_time,   SQL_CODE_SECOND},
    {SQL_INTERVAL_DAY_TO_HOUR,      F::interval_day_time,   SQL_CODE_DAY_TO_HOUR},
    {SQL_INTERVAL_DAY_TO_MINUTE,    F::interval_day_time,   SQL_CODE_DAY_TO_MINUTE},
    {SQL_INTERVAL_DAY_TO_SECOND,    F::interval_day_time,   SQL_CODE_DAY_TO_SECOND},
    {SQL_INTERVAL_HOUR_TO_MINUTE,   F::interval_day_time,   SQL_CODE_HOUR_TO_MINUTE},
    {SQL_INTERVAL_HOUR_TO_SECOND,   F::interval_day_time,   SQL_CODE_HOUR_TO_SECOND},
    {SQL_INTERVAL_MINUTE_TO_SECOND, F::interval_day_time,   SQL_CODE_MINUTE_TO_SECOND},
    {SQL_GUID,                      F::guid,                0},
    {SQL_BINARY,                    F::binary,              0},
    {SQL_VARBINARY,                 F::binary,              0},
    {SQL_LONGVARBINARY,             F::binary,              0},
}};
// clang-format on

// The table indexed by code, so a lookup (once per parameter value on the insert path) is one
// load. The codes run from SQL_GUID (-11) to SQL_INTERVAL_MINUTE_TO_SECOND (113).
constexpr int lowest_code = SQL_GUID;
constexpr int highest_code = SQL_INTERVAL_MINUTE_TO_SECOND;

struct Entry {
    SqlFamily family = SqlFamily::unknown;
    SQLSMALLINT code = 0;
};

constexpr std::array<Entry, highest_code - lowest_code + 1> by_code = [] {
    std::array<Entry, highest_code - lowest_code + 1> entries{};
    // Explicitly, not through the default member initialisers: g++ 12 at -O2 left the
    // value-initialised elements zero (SqlFamily::character) here.
    entries.fill(Entry{SqlFamily::unknown, 0});
    for (const SqlTypeRow& row : sql_type_table) {
        entries.at(static_cast<std::size_t>(row.sql_type - lowest_code)) = {row.family, row.code};
    }
    return entries;
}();

const Entry& entry_of(SQLSMALLINT sql_type) {
    static constexpr Entry none{};
    if (sql_type < lowest_code || sql_type > highest_code) {
        return none;
    }
    return by_code[static_cast<std::size_t>(sql_type - lowest_code)];
}

}  // namespace

SqlFamily sql_family(SQLSMALLINT sql_type) {
    return entry_of(sql_type).family;
}

bool is_number_sql_type(SQLSMALLINT sql_type) {
    const SqlFamily family = sql_family(sql_type);
    return family == SqlFamily::exact_integer || family == SqlFamily::decimal
           || family == SqlFamily::floating;
}

bool is_datetime_sql_type(SQLSMALLINT sql_type) {
    const Entry& entry = entry_of(sql_type);
    return entry.code != 0
           && (entry.family == SqlFamily::date || entry.family == SqlFamily::time
               || entry.family == SqlFamily::timestamp);
}

bool is_interval_sql_type(SQLSMALLINT sql_type) {
    const SqlFamily family = sql_family(sql_type);
    return family == SqlFamily::interval_year_month || family == SqlFamily::interval_day_time;
}

bool interval_has_seconds(SQLSMALLINT sql_type) {
    switch (entry_of(sql_type).code) {
        case SQL_CODE_SECOND:
        case SQL_CODE_DAY_TO_SECOND:
        case SQL_CODE_HOUR_TO_SECOND:
        case SQL_CODE_MINUTE_TO_SECOND:
            return is_interval_sql_type(sql_type);
        default:
            return false;
    }
}

SQLSMALLINT datetime_interval_code(SQLSMALLINT sql_type) {
    return entry_of(sql_type).code;
}

}  // namespace rsodbc::types
