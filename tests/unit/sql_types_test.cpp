// The SQL type family table (types/sql_types.h): every predicate descriptors, catalog results and
// parameter encoding used to answer on their own, pinned for every code they were asked about.
#include "types/sql_types.h"

#include "types/interval_fields.h"

#include <doctest/doctest.h>
#include <sqlucode.h>

#include <initializer_list>

using rsodbc::types::datetime_interval_code;
using rsodbc::types::interval_has_seconds;
using rsodbc::types::is_character_sql_type;
using rsodbc::types::is_datetime_sql_type;
using rsodbc::types::is_decimal_sql_type;
using rsodbc::types::is_interval_sql_type;
using rsodbc::types::is_number_sql_type;
using rsodbc::types::SqlFamily;

TEST_CASE("SQL type families: one row per code") {
    using rsodbc::types::sql_family;
    CHECK(sql_family(SQL_VARCHAR) == SqlFamily::character);
    CHECK(sql_family(SQL_WLONGVARCHAR) == SqlFamily::wide_character);
    CHECK(sql_family(SQL_TINYINT) == SqlFamily::exact_integer);
    CHECK(sql_family(SQL_DECIMAL) == SqlFamily::decimal);
    CHECK(sql_family(SQL_FLOAT) == SqlFamily::floating);
    CHECK(sql_family(SQL_BIT) == SqlFamily::bit);
    CHECK(sql_family(SQL_DATE) == SqlFamily::date);  // ODBC 2, a parameter type
    CHECK(sql_family(SQL_TYPE_TIMESTAMP) == SqlFamily::timestamp);
    CHECK(sql_family(SQL_INTERVAL_YEAR_TO_MONTH) == SqlFamily::interval_year_month);
    CHECK(sql_family(SQL_INTERVAL_MINUTE_TO_SECOND) == SqlFamily::interval_day_time);
    CHECK(sql_family(SQL_GUID) == SqlFamily::guid);
    CHECK(sql_family(SQL_LONGVARBINARY) == SqlFamily::binary);
    for (const SQLSMALLINT unknown : {0, -12, -100, 12345, 90, 100, 114}) {
        INFO("code " << unknown);
        CHECK(sql_family(unknown) == SqlFamily::unknown);
        CHECK_FALSE(rsodbc::types::is_known_sql_type(unknown));
    }
}

TEST_CASE("SQL type families: the predicates") {
    CHECK(is_character_sql_type(SQL_CHAR));
    CHECK(is_character_sql_type(SQL_WVARCHAR));
    CHECK_FALSE(is_character_sql_type(SQL_VARBINARY));
    CHECK(is_decimal_sql_type(SQL_C_NUMERIC));
    CHECK_FALSE(is_decimal_sql_type(SQL_INTEGER));
    for (const SQLSMALLINT number : {SQL_NUMERIC, SQL_DECIMAL, SQL_FLOAT, SQL_REAL, SQL_DOUBLE,
                                     SQL_SMALLINT, SQL_INTEGER, SQL_BIGINT, SQL_TINYINT}) {
        CHECK(is_number_sql_type(number));
    }
    CHECK_FALSE(is_number_sql_type(SQL_BIT));
    // Concise ODBC 3 datetime codes only: 9-11 are also the ODBC 2 C types.
    CHECK(is_datetime_sql_type(SQL_TYPE_DATE));
    CHECK(is_datetime_sql_type(SQL_C_TYPE_TIME));
    CHECK_FALSE(is_datetime_sql_type(SQL_DATE));
    CHECK_FALSE(is_datetime_sql_type(SQL_TIMESTAMP));
    CHECK(is_interval_sql_type(SQL_C_INTERVAL_YEAR));
    CHECK_FALSE(is_interval_sql_type(SQL_TYPE_TIME));
    CHECK(interval_has_seconds(SQL_INTERVAL_SECOND));
    CHECK(interval_has_seconds(SQL_INTERVAL_DAY_TO_SECOND));
    CHECK(interval_has_seconds(SQL_INTERVAL_HOUR_TO_SECOND));
    CHECK(interval_has_seconds(SQL_INTERVAL_MINUTE_TO_SECOND));
    CHECK_FALSE(interval_has_seconds(SQL_INTERVAL_DAY_TO_MINUTE));
    CHECK_FALSE(interval_has_seconds(SQL_TYPE_TIME));  // SQL_CODE_TIME is 2, not an interval
    CHECK(datetime_interval_code(SQL_TYPE_DATE) == SQL_CODE_DATE);
    CHECK(datetime_interval_code(SQL_TYPE_TIMESTAMP) == SQL_CODE_TIMESTAMP);
    CHECK(datetime_interval_code(SQL_INTERVAL_YEAR) == SQL_CODE_YEAR);
    CHECK(datetime_interval_code(SQL_INTERVAL_MINUTE_TO_SECOND) == SQL_CODE_MINUTE_TO_SECOND);
    CHECK(datetime_interval_code(SQL_TIMESTAMP) == 0);
    CHECK(datetime_interval_code(SQL_VARCHAR) == 0);
}

TEST_CASE("interval fields: one model for both directions") {
    namespace interval = rsodbc::types::interval;
    const auto year_month = interval::fields_of(SQL_INTERVAL_YEAR_TO_MONTH);
    REQUIRE(year_month.has_value());
    CHECK(year_month->code == SQL_IS_YEAR_TO_MONTH);
    CHECK(year_month->leading == interval::year);
    CHECK(year_month->trailing == interval::month);
    const auto hour_second = interval::fields_of(SQL_C_INTERVAL_HOUR_TO_SECOND);
    REQUIRE(hour_second.has_value());
    CHECK(hour_second->code == SQL_IS_HOUR_TO_SECOND);
    CHECK(hour_second->leading == interval::hour);
    CHECK(hour_second->trailing == interval::second);
    const auto second = interval::fields_of(SQL_INTERVAL_SECOND);
    REQUIRE(second.has_value());
    CHECK(second->leading == interval::second);
    CHECK(second->trailing == interval::second);
    CHECK_FALSE(interval::fields_of(SQL_TYPE_TIME).has_value());
    CHECK_FALSE(interval::fields_of(SQL_INTERVAL_YEAR - 1).has_value());
    CHECK_FALSE(interval::fields_of(SQL_INTERVAL_MINUTE_TO_SECOND + 1).has_value());
}
