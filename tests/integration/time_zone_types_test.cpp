// timetz and timestamptz (issue 13 item 5): timetz is character data (psqlODBC's choice; the
// offset has no place in SQL_TYPE_TIME), read as text with its offset and into a TIME struct only
// with 01S07; timestamptz is SQL_TYPE_TIMESTAMP in the session's time zone, which loses nothing.
#include "odbc_test.h"

using namespace odbc_test;

// psqlODBC returns 00:00:00 without a diagnostic for the TIME struct.
TEST_CASE("timetz is character data with its offset; a TIME struct warns 01S07"
          * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT '12:34:56+05:30'::timetz AS t");
    SQLSMALLINT type = 0;
    SQLULEN size = 0;
    check(SQLDescribeCol(stmt, 1, nullptr, 0, nullptr, &type, &size, nullptr, nullptr),
          SQL_HANDLE_STMT, stmt);
    CHECK(type == SQL_VARCHAR);
    CHECK(size >= 14);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 1) == "12:34:56+05:30");
    exec(stmt, "SELECT '12:34:56+05:30'::timetz AS t");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    SQL_TIME_STRUCT time{};
    SQLLEN ind = 0;
    CHECK(SQLGetData(stmt, 1, SQL_C_TYPE_TIME, &time, sizeof time, &ind) == SQL_SUCCESS_WITH_INFO);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "01S07"));
    CHECK(time.hour == 12);
    CHECK(time.minute == 34);
    CHECK(time.second == 56);
}

TEST_CASE("timestamptz is a timestamp in the session's time zone, without a warning") {
    Connection c;
    exec(c.dbc, "SET TIME ZONE 'UTC'");
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT '2024-01-02 12:34:56+02'::timestamptz AS t");
    SQLSMALLINT type = 0;
    check(SQLDescribeCol(stmt, 1, nullptr, 0, nullptr, &type, nullptr, nullptr, nullptr),
          SQL_HANDLE_STMT, stmt);
    CHECK(type == SQL_TYPE_TIMESTAMP);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    SQL_TIMESTAMP_STRUCT ts{};
    SQLLEN ind = 0;
    CHECK(SQLGetData(stmt, 1, SQL_C_TYPE_TIMESTAMP, &ts, sizeof ts, &ind) == SQL_SUCCESS);
    CHECK(ts.hour == 10);  // 12:34:56+02 is 10:34:56 UTC
    CHECK(ts.minute == 34);
}
