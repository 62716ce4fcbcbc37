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

// Differential: psqlODBC reads the whole result at execution, so the error comes from SQLExecute
// (we stream: README).
TEST_CASE("an error in the middle of a result is reported by the fetch that reaches it"
          * psqlodbc_deviates()) {
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

// Differential: psqlODBC reads the whole result at execution, so the error comes from SQLExecute
// (we stream: README).
TEST_CASE("a query with parameters streams too: rows before a mid-result error arrive first"
          * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    SQLINTEGER at = 5000;
    check(
        SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &at, 0, nullptr),
        SQL_HANDLE_STMT, stmt);
    check(SQLPrepare(stmt, sqlc("SELECT 10 / (? - g) FROM generate_series(1, 9000) g"), SQL_NTS),
          SQL_HANDLE_STMT, stmt);
    // Read whole, the error would fail SQLExecute itself; streamed, the rows before it come first.
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    int fetched = 0;
    SQLRETURN rc = SQL_SUCCESS;
    while ((rc = SQLFetch(stmt)) == SQL_SUCCESS) {
        ++fetched;
    }
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "22012"));
    CHECK(fetched > 0);
    CHECK(fetched < 5000);
    SQLCloseCursor(stmt);
    CHECK(query_string(c.dbc, "SELECT 1") == "1");
}

TEST_CASE("a streaming query with parameters survives a second statement on the connection") {
    Connection c;
    Stmt first(c.dbc);
    SQLINTEGER last = 20000;
    check(SQLBindParameter(first, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &last, 0,
                           nullptr),
          SQL_HANDLE_STMT, first);
    check(SQLExecDirect(first, sqlc("SELECT g FROM generate_series(1, ?) g ORDER BY g"), SQL_NTS),
          SQL_HANDLE_STMT, first);
    for (int i = 1; i <= 10; ++i) {
        check(SQLFetch(first), SQL_HANDLE_STMT, first);
        CHECK(fetch_int(first) == i);
    }
    // The same text prepared on another handle shares the cached server statement.
    Stmt second(c.dbc);
    SQLINTEGER few = 3;
    check(SQLBindParameter(second, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &few, 0,
                           nullptr),
          SQL_HANDLE_STMT, second);
    check(SQLExecDirect(second, sqlc("SELECT g FROM generate_series(1, ?) g ORDER BY g"), SQL_NTS),
          SQL_HANDLE_STMT, second);
    int second_rows = 0;
    while (SQLFetch(second) == SQL_SUCCESS) {
        ++second_rows;
    }
    CHECK(second_rows == 3);
    int expected = 11;
    SQLRETURN rc = SQL_SUCCESS;
    while ((rc = SQLFetch(first)) == SQL_SUCCESS) {
        REQUIRE(fetch_int(first) == expected);
        ++expected;
    }
    CHECK(rc == SQL_NO_DATA);
    CHECK(expected == 20001);
}
