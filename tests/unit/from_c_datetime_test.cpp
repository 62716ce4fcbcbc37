// C -> SQL parameters, dates, times, timestamps and intervals: the structs and character data
// in ODBC literal form (ODBC appendix D).
#include "types/from_c/encode.h"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

using rsodbc::types::encode_parameter;
using rsodbc::types::Encoded;
using rsodbc::types::ParamSource;
using rsodbc::types::ParamTarget;
using rsodbc::types::sqlstate_of;

namespace {

struct Result {
    std::string state;
    std::string text;
    unsigned oid = 0;
};

template <class T>
Result value(SQLSMALLINT c_type, const T& v, SQLSMALLINT sql_type, SQLULEN column_size = 0,
             SQLSMALLINT digits = 0) {
    std::string out = "stale";
    const Encoded e = encode_parameter(ParamSource{c_type, &v, sizeof v},
                                       ParamTarget{sql_type, column_size, digits}, out);
    return {std::string(sqlstate_of(e.outcome)), out, e.type_oid};
}

Result chars(std::string_view text, SQLSMALLINT sql_type, SQLULEN column_size = 0,
             SQLSMALLINT digits = 0) {
    std::string out = "stale";
    const Encoded e =
        encode_parameter(ParamSource{SQL_C_CHAR, text.data(), static_cast<SQLLEN>(text.size())},
                         ParamTarget{sql_type, column_size, digits}, out);
    return {std::string(sqlstate_of(e.outcome)), out, e.type_oid};
}

SQL_DATE_STRUCT date(int y, unsigned m, unsigned d) {
    return {static_cast<SQLSMALLINT>(y), static_cast<SQLUSMALLINT>(m),
            static_cast<SQLUSMALLINT>(d)};
}

SQL_TIME_STRUCT time(unsigned h, unsigned m, unsigned s) {
    return {static_cast<SQLUSMALLINT>(h), static_cast<SQLUSMALLINT>(m),
            static_cast<SQLUSMALLINT>(s)};
}

SQL_TIMESTAMP_STRUCT stamp(int y, unsigned mo, unsigned d, unsigned h, unsigned mi, unsigned s,
                           SQLUINTEGER ns) {
    return {static_cast<SQLSMALLINT>(y),
            static_cast<SQLUSMALLINT>(mo),
            static_cast<SQLUSMALLINT>(d),
            static_cast<SQLUSMALLINT>(h),
            static_cast<SQLUSMALLINT>(mi),
            static_cast<SQLUSMALLINT>(s),
            ns};
}

SQL_INTERVAL_STRUCT ym(SQLSMALLINT c_type, bool negative, SQLUINTEGER y, SQLUINTEGER m) {
    SQL_INTERVAL_STRUCT i{};
    i.interval_type = static_cast<SQLINTERVAL>(c_type - 100);
    i.interval_sign = negative ? SQL_TRUE : SQL_FALSE;
    i.intval.year_month.year = y;
    i.intval.year_month.month = m;
    return i;
}

SQL_INTERVAL_STRUCT ds(SQLSMALLINT c_type, bool negative, SQLUINTEGER d, SQLUINTEGER h,
                       SQLUINTEGER mi, SQLUINTEGER s, SQLUINTEGER fraction = 0) {
    SQL_INTERVAL_STRUCT i{};
    i.interval_type = static_cast<SQLINTERVAL>(c_type - 100);
    i.interval_sign = negative ? SQL_TRUE : SQL_FALSE;
    i.intval.day_second = {d, h, mi, s, fraction};
    return i;
}

std::string today() {
    const std::chrono::year_month_day t(
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(t.year()),
                  static_cast<unsigned>(t.month()), static_cast<unsigned>(t.day()));
    return buffer;
}

struct Case {
    const char* what;
    Result got;
    std::string_view state;
    std::string_view text;
    unsigned oid;
};

void check_all(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
        INFO(std::string(c.what));
        CHECK(c.got.state == c.state);
        CHECK(c.got.text == c.text);
        CHECK(c.got.oid == c.oid);
    }
}

}  // namespace

TEST_CASE("from_c: date structs") {
    check_all({
        {"date", value(SQL_C_TYPE_DATE, date(2024, 2, 29), SQL_TYPE_DATE), "", "2024-02-29", 1082},
        {"ODBC 2 date", value(SQL_C_DATE, date(1, 1, 1), SQL_DATE), "", "0001-01-01", 1082},
        {"Feb 29 non-leap", value(SQL_C_TYPE_DATE, date(2023, 2, 29), SQL_TYPE_DATE), "22007", "",
         0},
        {"Feb 29 1900", value(SQL_C_TYPE_DATE, date(1900, 2, 29), SQL_TYPE_DATE), "22007", "", 0},
        {"Feb 29 2000", value(SQL_C_TYPE_DATE, date(2000, 2, 29), SQL_TYPE_DATE), "", "2000-02-29",
         1082},
        {"month 13", value(SQL_C_TYPE_DATE, date(2024, 13, 1), SQL_TYPE_DATE), "22007", "", 0},
        {"day 0", value(SQL_C_TYPE_DATE, date(2024, 1, 0), SQL_TYPE_TIMESTAMP), "22007", "", 0},
        {"April 31", value(SQL_C_TYPE_DATE, date(2024, 4, 31), SQL_TYPE_DATE), "22007", "", 0},
        {"year 0", value(SQL_C_TYPE_DATE, date(0, 1, 1), SQL_TYPE_DATE), "22007", "", 0},
        {"into timestamp", value(SQL_C_TYPE_DATE, date(1992, 12, 31), SQL_TYPE_TIMESTAMP), "",
         "1992-12-31 00:00:00", 1114},
        {"into char", value(SQL_C_TYPE_DATE, date(1992, 12, 31), SQL_CHAR, 10), "", "1992-12-31",
         0},
        {"into short char", value(SQL_C_TYPE_DATE, date(1992, 12, 31), SQL_CHAR, 9), "22001", "",
         0},
        {"invalid into char", value(SQL_C_TYPE_DATE, date(1992, 2, 30), SQL_WVARCHAR), "22008", "",
         0},
        {"into time", value(SQL_C_TYPE_DATE, date(1992, 12, 31), SQL_TYPE_TIME), "07006", "", 0},
        {"into integer", value(SQL_C_TYPE_DATE, date(1992, 12, 31), SQL_INTEGER), "07006", "", 0},
    });
}

TEST_CASE("from_c: time structs") {
    check_all({
        {"time", value(SQL_C_TYPE_TIME, time(23, 59, 59), SQL_TYPE_TIME), "", "23:59:59", 1083},
        {"ODBC 2 time", value(SQL_C_TIME, time(0, 0, 0), SQL_TIME), "", "00:00:00", 1083},
        {"hour 24", value(SQL_C_TYPE_TIME, time(24, 0, 0), SQL_TYPE_TIME), "22007", "", 0},
        {"second 60", value(SQL_C_TYPE_TIME, time(12, 0, 60), SQL_TYPE_TIME), "22007", "", 0},
        {"into char", value(SQL_C_TYPE_TIME, time(1, 2, 3), SQL_VARCHAR, 8), "", "01:02:03", 0},
        {"into short char", value(SQL_C_TYPE_TIME, time(1, 2, 3), SQL_VARCHAR, 7), "22001", "", 0},
        {"invalid into char", value(SQL_C_TYPE_TIME, time(1, 60, 3), SQL_VARCHAR), "22008", "", 0},
        {"into timestamp: today", value(SQL_C_TYPE_TIME, time(1, 2, 3), SQL_TYPE_TIMESTAMP), "",
         today() + " 01:02:03", 1114},
        {"into date", value(SQL_C_TYPE_TIME, time(1, 2, 3), SQL_TYPE_DATE), "07006", "", 0},
    });
}

TEST_CASE("from_c: timestamp structs") {
    check_all({
        {"microseconds",
         value(SQL_C_TYPE_TIMESTAMP, stamp(2024, 12, 31, 23, 59, 59, 999999000),
               SQL_TYPE_TIMESTAMP),
         "", "2024-12-31 23:59:59.999999", 1114},
        {"ODBC 2", value(SQL_C_TIMESTAMP, stamp(2024, 1, 2, 3, 4, 5, 0), SQL_TIMESTAMP), "",
         "2024-01-02 03:04:05", 1114},
        {"fraction trailing zeros",
         value(SQL_C_TYPE_TIMESTAMP, stamp(1992, 12, 31, 23, 45, 55, 120000000),
               SQL_TYPE_TIMESTAMP),
         "", "1992-12-31 23:45:55.12", 1114},
        {"nanoseconds lost: 22008",
         value(SQL_C_TYPE_TIMESTAMP, stamp(2024, 1, 1, 0, 0, 0, 123456789), SQL_TYPE_TIMESTAMP),
         "22008", "", 0},
        {"precision 3",
         value(SQL_C_TYPE_TIMESTAMP, stamp(2024, 1, 1, 0, 0, 0, 123000000), SQL_TYPE_TIMESTAMP, 23,
               3),
         "", "2024-01-01 00:00:00.123", 1114},
        {"beyond precision 3",
         value(SQL_C_TYPE_TIMESTAMP, stamp(2024, 1, 1, 0, 0, 0, 123400000), SQL_TYPE_TIMESTAMP, 23,
               3),
         "22008", "", 0},
        {"fraction too big",
         value(SQL_C_TYPE_TIMESTAMP, stamp(2024, 1, 1, 0, 0, 0, 1000000000), SQL_TYPE_TIMESTAMP),
         "22007", "", 0},
        {"Feb 29 non-leap",
         value(SQL_C_TYPE_TIMESTAMP, stamp(2023, 2, 29, 0, 0, 0, 0), SQL_TYPE_TIMESTAMP), "22007",
         "", 0},
        {"into date, midnight",
         value(SQL_C_TYPE_TIMESTAMP, stamp(2024, 2, 29, 0, 0, 0, 0), SQL_TYPE_DATE), "",
         "2024-02-29", 1082},
        {"into date, time set",
         value(SQL_C_TYPE_TIMESTAMP, stamp(2024, 2, 29, 0, 0, 1, 0), SQL_TYPE_DATE), "22008", "",
         0},
        {"into time", value(SQL_C_TYPE_TIMESTAMP, stamp(2024, 2, 29, 13, 5, 9, 0), SQL_TYPE_TIME),
         "", "13:05:09", 1083},
        {"into time, fraction",
         value(SQL_C_TYPE_TIMESTAMP, stamp(2024, 2, 29, 13, 5, 9, 5), SQL_TYPE_TIME), "22008", "",
         0},
        {"into char, appendix example",
         value(SQL_C_TYPE_TIMESTAMP, stamp(1992, 12, 31, 23, 45, 55, 120000000), SQL_CHAR, 22), "",
         "1992-12-31 23:45:55.12", 0},
        {"into char 21",
         value(SQL_C_TYPE_TIMESTAMP, stamp(1992, 12, 31, 23, 45, 55, 120000000), SQL_CHAR, 21),
         "22001", "", 0},
        {"into char keeps nanoseconds",
         value(SQL_C_TYPE_TIMESTAMP, stamp(2024, 1, 1, 0, 0, 0, 123456789), SQL_VARCHAR), "",
         "2024-01-01 00:00:00.123456789", 0},
        {"into interval",
         value(SQL_C_TYPE_TIMESTAMP, stamp(2024, 1, 1, 0, 0, 0, 0), SQL_INTERVAL_DAY), "07006", "",
         0},
    });
}

// The text is built right to left in one buffer: every field keeps its zero padding.
TEST_CASE("from_c: timestamp text pads every field and trims only trailing fraction zeros") {
    check_all({
        {"year 1", value(SQL_C_TYPE_TIMESTAMP, stamp(1, 1, 1, 0, 0, 0, 0), SQL_TYPE_TIMESTAMP), "",
         "0001-01-01 00:00:00", 1114},
        {"year 9999",
         value(SQL_C_TYPE_TIMESTAMP, stamp(9999, 12, 31, 9, 8, 7, 0), SQL_TYPE_TIMESTAMP), "",
         "9999-12-31 09:08:07", 1114},
        {"one microsecond",
         value(SQL_C_TYPE_TIMESTAMP, stamp(2024, 1, 1, 0, 0, 0, 1000), SQL_TYPE_TIMESTAMP), "",
         "2024-01-01 00:00:00.000001", 1114},
        {"tenth of a second",
         value(SQL_C_TYPE_TIMESTAMP, stamp(2024, 1, 1, 0, 0, 0, 100000000), SQL_TYPE_TIMESTAMP), "",
         "2024-01-01 00:00:00.1", 1114},
        {"zero inside the fraction",
         value(SQL_C_TYPE_TIMESTAMP, stamp(2024, 1, 1, 0, 0, 0, 102030000), SQL_TYPE_TIMESTAMP), "",
         "2024-01-01 00:00:00.10203", 1114},
        {"one nanosecond into char",
         value(SQL_C_TYPE_TIMESTAMP, stamp(2024, 1, 1, 0, 0, 0, 1), SQL_VARCHAR), "",
         "2024-01-01 00:00:00.000000001", 0},
        {"date only", value(SQL_C_TYPE_DATE, date(12, 3, 4), SQL_TYPE_DATE), "", "0012-03-04",
         1082},
    });
}

TEST_CASE("from_c: character data into datetime targets") {
    check_all({
        {"date", chars(" 2024-02-29 ", SQL_TYPE_DATE), "", "2024-02-29", 1082},
        {"date escape", chars("{d '2024-01-02'}", SQL_TYPE_DATE), "", "2024-01-02", 1082},
        {"date escape, blanks and case", chars("{ D '2024-01-02' }", SQL_TYPE_DATE), "",
         "2024-01-02", 1082},
        {"escape keyword mismatch", chars("{t '2024-01-02'}", SQL_TYPE_DATE), "22018", "", 0},
        {"month 13", chars("2024-13-01", SQL_TYPE_DATE), "22008", "", 0},
        {"Feb 29 non-leap", chars("2023-02-29", SQL_TYPE_DATE), "22008", "", 0},
        {"not a date", chars("yesterday", SQL_TYPE_DATE), "22018", "", 0},
        {"timestamp with zero time into date", chars("2024-01-02 00:00:00", SQL_TYPE_DATE), "",
         "2024-01-02", 1082},
        {"timestamp with time into date", chars("2024-01-02 10:00:00", SQL_TYPE_DATE), "22008", "",
         0},
        {"time literal into date", chars("10:00:00", SQL_TYPE_DATE), "22018", "", 0},
        {"time", chars("{t '23:59:59'}", SQL_TYPE_TIME), "", "23:59:59", 1083},
        {"time with microseconds", chars("12:00:00.5", SQL_TYPE_TIME), "", "12:00:00.5", 1083},
        {"time with nanoseconds", chars("12:00:00.0000001", SQL_TYPE_TIME), "22008", "", 0},
        {"time hour 25", chars("25:00:00", SQL_TYPE_TIME), "22008", "", 0},
        {"timestamp into time", chars("2024-01-02 10:11:12", SQL_TYPE_TIME), "", "10:11:12", 1083},
        {"timestamp with fraction into time", chars("2024-01-02 10:11:12.5", SQL_TYPE_TIME),
         "22008", "", 0},
        {"timestamp", chars("{ts '2024-01-02 03:04:05.123456'}", SQL_TYPE_TIMESTAMP), "",
         "2024-01-02 03:04:05.123456", 1114},
        {"ISO T", chars("2024-01-02T03:04:05", SQL_TYPE_TIMESTAMP), "", "2024-01-02 03:04:05",
         1114},
        {"date into timestamp", chars("2024-01-02", SQL_TYPE_TIMESTAMP), "", "2024-01-02 00:00:00",
         1114},
        {"time into timestamp", chars("03:04:05", SQL_TYPE_TIMESTAMP), "", today() + " 03:04:05",
         1114},
        {"nanoseconds into timestamp", chars("2024-01-02 03:04:05.123456789", SQL_TYPE_TIMESTAMP),
         "22008", "", 0},
        {"zero digits past microseconds",
         chars("2024-01-02 03:04:05.1234560000000", SQL_TYPE_TIMESTAMP), "",
         "2024-01-02 03:04:05.123456", 1114},
        {"digit past nanoseconds", chars("2024-01-02 03:04:05.0000000001", SQL_TYPE_TIMESTAMP),
         "22008", "", 0},
        {"time zone not accepted", chars("2024-01-02 03:04:05+01", SQL_TYPE_TIMESTAMP), "22018", "",
         0},
        {"unterminated escape", chars("{ts '2024-01-02 03:04:05'", SQL_TYPE_TIMESTAMP), "22018", "",
         0},
    });
}

TEST_CASE("from_c: interval structs") {
    check_all({
        {"year",
         value(SQL_C_INTERVAL_YEAR, ym(SQL_C_INTERVAL_YEAR, false, 1, 99), SQL_INTERVAL_YEAR), "",
         "1 year", 1186},
        {"month",
         value(SQL_C_INTERVAL_MONTH, ym(SQL_C_INTERVAL_MONTH, true, 0, 14), SQL_INTERVAL_MONTH), "",
         "-1 years -2 mons", 1186},
        {"year to month",
         value(SQL_C_INTERVAL_YEAR_TO_MONTH, ym(SQL_C_INTERVAL_YEAR_TO_MONTH, false, 1, 2),
               SQL_INTERVAL_YEAR_TO_MONTH),
         "", "1 year 2 mons", 1186},
        {"year to month, month 12",
         value(SQL_C_INTERVAL_YEAR_TO_MONTH, ym(SQL_C_INTERVAL_YEAR_TO_MONTH, false, 1, 12),
               SQL_INTERVAL_YEAR_TO_MONTH),
         "22015", "", 0},
        {"months into year: truncated",
         value(SQL_C_INTERVAL_MONTH, ym(SQL_C_INTERVAL_MONTH, false, 0, 14), SQL_INTERVAL_YEAR),
         "22015", "", 0},
        {"months into year: whole",
         value(SQL_C_INTERVAL_MONTH, ym(SQL_C_INTERVAL_MONTH, false, 0, 24), SQL_INTERVAL_YEAR), "",
         "2 years", 1186},
        {"zero",
         value(SQL_C_INTERVAL_MONTH, ym(SQL_C_INTERVAL_MONTH, true, 0, 0), SQL_INTERVAL_MONTH), "",
         "0 mons", 1186},
        {"day",
         value(SQL_C_INTERVAL_DAY, ds(SQL_C_INTERVAL_DAY, false, 1, 5, 0, 0), SQL_INTERVAL_DAY), "",
         "1 day", 1186},
        {"day to second",
         value(SQL_C_INTERVAL_DAY_TO_SECOND,
               ds(SQL_C_INTERVAL_DAY_TO_SECOND, false, 3, 4, 5, 6, 500000),
               SQL_INTERVAL_DAY_TO_SECOND),
         "", "3 days 04:05:06.5", 1186},
        {"negative day to second",
         value(SQL_C_INTERVAL_DAY_TO_SECOND, ds(SQL_C_INTERVAL_DAY_TO_SECOND, true, 3, 4, 5, 6, 1),
               SQL_INTERVAL_DAY_TO_SECOND),
         "", "-3 days -04:05:06.000001", 1186},
        {"hour leading beyond 24",
         value(SQL_C_INTERVAL_HOUR, ds(SQL_C_INTERVAL_HOUR, false, 9, 26, 0, 0), SQL_INTERVAL_HOUR),
         "", "26:00:00", 1186},
        {"minute to second",
         value(SQL_C_INTERVAL_MINUTE_TO_SECOND,
               ds(SQL_C_INTERVAL_MINUTE_TO_SECOND, true, 0, 0, 100, 59),
               SQL_INTERVAL_MINUTE_TO_SECOND),
         "", "-01:40:59", 1186},
        {"hour 24 not leading",
         value(SQL_C_INTERVAL_DAY_TO_HOUR, ds(SQL_C_INTERVAL_DAY_TO_HOUR, false, 1, 24, 0, 0),
               SQL_INTERVAL_DAY_TO_HOUR),
         "22015", "", 0},
        {"fraction beyond microseconds",
         value(SQL_C_INTERVAL_SECOND, ds(SQL_C_INTERVAL_SECOND, false, 0, 0, 0, 1, 1000000),
               SQL_INTERVAL_SECOND),
         "22015", "", 0},
        {"type field mismatch",
         value(SQL_C_INTERVAL_DAY, ds(SQL_C_INTERVAL_HOUR, false, 1, 0, 0, 0), SQL_INTERVAL_DAY),
         "22015", "", 0},
        {"appendix example: seconds truncated",
         value(SQL_C_INTERVAL_DAY_TO_SECOND,
               ds(SQL_C_INTERVAL_DAY_TO_SECOND, false, 154, 22, 44, 10),
               SQL_INTERVAL_DAY_TO_MINUTE),
         "22015", "", 0},
        {"no seconds: fits day to minute",
         value(SQL_C_INTERVAL_DAY_TO_SECOND,
               ds(SQL_C_INTERVAL_DAY_TO_SECOND, false, 154, 22, 44, 0), SQL_INTERVAL_DAY_TO_MINUTE),
         "", "154 days 22:44:00", 1186},
        {"days fold into hours",
         value(SQL_C_INTERVAL_DAY_TO_HOUR, ds(SQL_C_INTERVAL_DAY_TO_HOUR, false, 1, 2, 0, 0),
               SQL_INTERVAL_HOUR),
         "", "26:00:00", 1186},
        {"day-time into year-month",
         value(SQL_C_INTERVAL_DAY, ds(SQL_C_INTERVAL_DAY, false, 1, 0, 0, 0), SQL_INTERVAL_MONTH),
         "07006", "", 0},
        {"days beyond the server",
         value(SQL_C_INTERVAL_DAY, ds(SQL_C_INTERVAL_DAY, false, 4294967295U, 0, 0, 0),
               SQL_INTERVAL_DAY),
         "22015", "", 0},
        {"hours beyond the server",
         value(SQL_C_INTERVAL_HOUR, ds(SQL_C_INTERVAL_HOUR, false, 0, 4294967295U, 0, 0),
               SQL_INTERVAL_HOUR),
         "22015", "", 0},
        {"into varchar",
         value(SQL_C_INTERVAL_YEAR_TO_MONTH, ym(SQL_C_INTERVAL_YEAR_TO_MONTH, false, 1, 2),
               SQL_VARCHAR, 13),
         "", "1 year 2 mons", 0},
        {"into short varchar",
         value(SQL_C_INTERVAL_YEAR_TO_MONTH, ym(SQL_C_INTERVAL_YEAR_TO_MONTH, false, 1, 2),
               SQL_VARCHAR, 12),
         "22001", "", 0},
        {"single field into integer",
         value(SQL_C_INTERVAL_DAY, ds(SQL_C_INTERVAL_DAY, true, 7, 0, 0, 0), SQL_INTEGER), "", "-7",
         23},
        {"seconds into numeric",
         value(SQL_C_INTERVAL_SECOND, ds(SQL_C_INTERVAL_SECOND, false, 0, 0, 0, 5, 250000),
               SQL_NUMERIC),
         "", "5.25", 1700},
        {"seconds into integer",
         value(SQL_C_INTERVAL_SECOND, ds(SQL_C_INTERVAL_SECOND, false, 0, 0, 0, 5, 250000),
               SQL_INTEGER),
         "01S07", "5", 23},
        {"big year into smallint",
         value(SQL_C_INTERVAL_YEAR, ym(SQL_C_INTERVAL_YEAR, false, 40000, 0), SQL_SMALLINT),
         "22003", "", 0},
        {"multi-field into integer",
         value(SQL_C_INTERVAL_DAY_TO_HOUR, ds(SQL_C_INTERVAL_DAY_TO_HOUR, false, 1, 1, 0, 0),
               SQL_INTEGER),
         "07006", "", 0},
        {"into double",
         value(SQL_C_INTERVAL_DAY, ds(SQL_C_INTERVAL_DAY, false, 1, 0, 0, 0), SQL_DOUBLE), "07006",
         "", 0},
    });
}

TEST_CASE("from_c: character data into interval targets") {
    check_all({
        {"day to second", chars("154 22:44:10", SQL_INTERVAL_DAY_TO_SECOND), "",
         "154 days 22:44:10", 1186},
        {"negative year to month", chars("-1-2", SQL_INTERVAL_YEAR_TO_MONTH), "",
         "-1 years -2 mons", 1186},
        {"literal", chars("INTERVAL '3' DAY", SQL_INTERVAL_DAY), "", "3 days", 1186},
        {"escape with outer sign",
         chars("{INTERVAL -'1:30' HOUR TO MINUTE}", SQL_INTERVAL_HOUR_TO_MINUTE), "", "-01:30:00",
         1186},
        {"seconds fraction", chars("5.25", SQL_INTERVAL_SECOND), "", "00:00:05.25", 1186},
        {"fraction below microseconds", chars("5.0000001", SQL_INTERVAL_SECOND), "22015", "", 0},
        {"minute 60", chars("1:60", SQL_INTERVAL_HOUR_TO_MINUTE), "22015", "", 0},
        {"wrong shape", chars("1 day", SQL_INTERVAL_DAY), "22018", "", 0},
        {"not an interval", chars("soon", SQL_INTERVAL_YEAR), "22018", "", 0},
        {"leading field beyond 32 bits", chars("99999999999", SQL_INTERVAL_DAY), "22015", "", 0},
    });
}

// Found by fuzz_param_text (corpus crash_interval_qualifier): whatever followed an interval
// literal's closing quote was ignored, so INTERVAL '3' YEAR bound to a DAY target was sent as
// 3 days. The qualifier names the fields the value holds (appendix C); it must be the target's.
TEST_CASE("from_c: an interval literal's qualifier must name the target's fields") {
    check_all({
        {"same fields", chars("INTERVAL '3' DAY", SQL_INTERVAL_DAY), "", "3 days", 1186},
        {"other field", chars("INTERVAL '3' YEAR", SQL_INTERVAL_DAY), "22018", "", 0},
        {"fewer fields", chars("INTERVAL '1-2' YEAR", SQL_INTERVAL_YEAR_TO_MONTH), "22018", "", 0},
        {"text after the literal", chars("INTERVAL '3' DAY please", SQL_INTERVAL_DAY), "22018", "",
         0},
        {"not a field", chars("INTERVAL-'0-2'Y", SQL_INTERVAL_YEAR_TO_MONTH), "22018", "", 0},
        {"any case, any blanks",
         chars("{ interval '1 2:03'\tday  to minute }", SQL_INTERVAL_DAY_TO_MINUTE), "",
         "1 day 02:03:00", 1186},
        {"leading precision", chars("INTERVAL '100' DAY(3)", SQL_INTERVAL_DAY), "", "100 days",
         1186},
        {"seconds precisions", chars("INTERVAL '6.5' SECOND (2, 3)", SQL_INTERVAL_SECOND), "",
         "00:00:06.5", 1186},
        {"end field precision only for SECOND",
         chars("INTERVAL '1:02' HOUR TO MINUTE(2)", SQL_INTERVAL_HOUR_TO_MINUTE), "22018", "", 0},
        {"fractional precision only for SECOND", chars("INTERVAL '3' DAY(2, 3)", SQL_INTERVAL_DAY),
         "22018", "", 0},
        {"unclosed precision", chars("INTERVAL '3' DAY(2", SQL_INTERVAL_DAY), "22018", "", 0},
        {"no qualifier reads the target's fields",
         chars("INTERVAL '1-2'", SQL_INTERVAL_YEAR_TO_MONTH), "", "1 year 2 mons", 1186},
    });
}
