// Results stream in single-row mode: a second statement on the same connection works while the
// first is still reading (the rest of the first is moved to memory), errors in the middle of a
// result reach the fetch that meets them, and abandoned results leave the connection usable.
#include "odbc_test.h"

#include <doctest/doctest.h>

#include <string>

using namespace odbc_test;  // NOLINT(google-build-using-namespace): test vocabulary

namespace {

SQLINTEGER fetch_int(const Stmt& stmt) {
    SQLINTEGER value = 0;
    check(SQLGetData(stmt, 1, SQL_C_SLONG, &value, 0, nullptr), SQL_HANDLE_STMT, stmt);
    return value;
}

}  // namespace

TEST_CASE("a second statement runs while the first is streaming; the first keeps every row") {
    Connection c;
    Stmt first(c.dbc);
    Stmt second(c.dbc);
    exec(first, "SELECT g FROM generate_series(1, 20000) g ORDER BY g");
    for (int i = 1; i <= 10; ++i) {
        check(SQLFetch(first), SQL_HANDLE_STMT, first);
        CHECK(fetch_int(first) == i);
    }
    exec(second, "DROP TABLE IF EXISTS it_stream_side");
    exec(second, "CREATE TABLE it_stream_side (v int)");
    exec(second, "INSERT INTO it_stream_side VALUES (1), (2)");
    CHECK(query_string(c.dbc, "SELECT count(*) FROM it_stream_side") == "2");
    int expected = 11;
    SQLRETURN rc = SQL_SUCCESS;
    while ((rc = SQLFetch(first)) == SQL_SUCCESS) {
        REQUIRE(fetch_int(first) == expected);
        ++expected;
    }
    CHECK(rc == SQL_NO_DATA);
    CHECK(expected == 20001);
}

TEST_CASE("an error in the middle of a result is reported by the fetch that reaches it") {
    Connection c;
    Stmt stmt(c.dbc);
    // Rows 1..4999 are fine; row 5000 divides by zero on the server while rows are streaming.
    const SQLRETURN rc = exec(stmt, "SELECT 10 / (5000 - g) FROM generate_series(1, 9000) g");
    int fetched = 0;
    SQLRETURN fetch_rc = rc;
    if (SQL_SUCCEEDED(rc)) {
        while ((fetch_rc = SQLFetch(stmt)) == SQL_SUCCESS) {
            ++fetched;
        }
    }
    CHECK(fetch_rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "22012"));
    CHECK(fetched < 5000);
    SQLCloseCursor(stmt);
    CHECK(query_string(c.dbc, "SELECT 41 + 1") == "42");  // the connection is usable
}

TEST_CASE("closing a cursor early leaves the connection ready") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT g FROM generate_series(1, 200000) g");
    for (int i = 0; i < 5; ++i) {
        check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    }
    check(SQLCloseCursor(stmt), SQL_HANDLE_STMT, stmt);
    exec(stmt, "SELECT 7");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_int(stmt) == 7);
}

TEST_CASE("manual commit: SQLEndTran while a result is streaming commits and keeps the rows") {
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_stream_tx");
    exec(c.dbc, "CREATE TABLE it_stream_tx (v int)");
    check(SQLSetConnectAttr(c.dbc, SQL_ATTR_AUTOCOMMIT,
                            reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), 0),
          SQL_HANDLE_DBC, c.dbc);
    Stmt writer(c.dbc);
    Stmt reader(c.dbc);
    exec(writer, "INSERT INTO it_stream_tx VALUES (5)");
    exec(reader, "SELECT g FROM generate_series(1, 3000) g ORDER BY g");
    check(SQLFetch(reader), SQL_HANDLE_STMT, reader);
    check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_COMMIT), SQL_HANDLE_DBC, c.dbc);
    Connection other;
    CHECK(query_string(other.dbc, "SELECT count(*) FROM it_stream_tx") == "1");
    int rows = 1;
    while (SQLFetch(reader) == SQL_SUCCESS) {
        ++rows;
    }
    CHECK(rows == 3000);
}
