// Results stream in single-row mode: a second statement on the same connection works while the
// first is still reading (the rest of the first is moved to memory), errors in the middle of a
// result reach the fetch that meets them, and abandoned results leave the connection usable.
#include "odbc_test.h"

#include <doctest/doctest.h>

#include <chrono>
#include <string>

using namespace odbc_test;  // NOLINT(google-build-using-namespace): test vocabulary

namespace {

// A statement handle the test allocated and frees itself.
struct Unowned {
    SQLHSTMT handle;

    operator SQLHSTMT() const { return handle; }  // NOLINT(google-explicit-constructor)
};

template <class Handle>
SQLINTEGER fetch_int(const Handle& stmt) {
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

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// How a test lets go of a partly read result.
enum class Abandon { close_cursor, free_stmt_close, free_handle };

}  // namespace

// Issue 11 item 7: closing a big stream after a few rows cancels the query instead of reading
// millions of rows to throw them away. generate_series in the select list streams (in FROM it
// would be materialized by the server before the first row).
TEST_CASE("closing a multi-million-row stream after 10 rows abandons the query"
          * only_our_driver()) {
    Connection c;
    for (const Abandon how :
         {Abandon::close_cursor, Abandon::free_stmt_close, Abandon::free_handle}) {
        CAPTURE(static_cast<int>(how));
        SQLHSTMT stmt = SQL_NULL_HSTMT;
        REQUIRE(SQLAllocHandle(SQL_HANDLE_STMT, c.dbc, &stmt) == SQL_SUCCESS);
        check(SQLExecDirect(stmt, sqlc("SELECT generate_series(1, 20000000)"), SQL_NTS),
              SQL_HANDLE_STMT, stmt);
        for (int i = 1; i <= 10; ++i) {
            REQUIRE(SQLFetch(stmt) == SQL_SUCCESS);
            SQLINTEGER value = 0;
            check(SQLGetData(stmt, 1, SQL_C_SLONG, &value, 0, nullptr), SQL_HANDLE_STMT, stmt);
            CHECK(value == i);
        }
        const auto start = std::chrono::steady_clock::now();
        SQLRETURN rc = SQL_ERROR;
        switch (how) {
            case Abandon::close_cursor:
                rc = SQLCloseCursor(stmt);
                break;
            case Abandon::free_stmt_close:
                rc = SQLFreeStmt(stmt, SQL_CLOSE);
                break;
            case Abandon::free_handle:
                rc = SQLFreeHandle(SQL_HANDLE_STMT, stmt);
                break;
        }
        const double seconds = seconds_since(start);
        MESSAGE("closing after 10 of 20,000,000 rows took " << seconds << " s");
        CHECK(rc == SQL_SUCCESS);
        CHECK(seconds < 1.5);  // reading the rest takes several seconds
        if (how != Abandon::free_handle) {
            // The same handle runs the next statement correctly.
            check(SQLExecDirect(stmt, sqlc("SELECT 7"), SQL_NTS), SQL_HANDLE_STMT, stmt);
            REQUIRE(SQLFetch(stmt) == SQL_SUCCESS);
            CHECK(fetch_int(Unowned{stmt}) == 7);
            CHECK(SQLFetch(stmt) == SQL_NO_DATA);
            SQLFreeHandle(SQL_HANDLE_STMT, stmt);
        }
        CHECK(query_string(c.dbc, "SELECT 41 + 1") == "42");
    }
}

TEST_CASE("manual commit: closing a stream early keeps the transaction and its work") {
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_stream_abandon");
    exec(c.dbc, "CREATE TABLE it_stream_abandon (v int)");
    check(SQLSetConnectAttr(c.dbc, SQL_ATTR_AUTOCOMMIT,
                            reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), 0),
          SQL_HANDLE_DBC, c.dbc);
    Stmt writer(c.dbc);
    Stmt reader(c.dbc);
    exec(writer, "INSERT INTO it_stream_abandon VALUES (1)");
    exec(reader, "SELECT generate_series(1, 300000)");
    for (int i = 0; i < 10; ++i) {
        REQUIRE(SQLFetch(reader) == SQL_SUCCESS);
    }
    // A cancel would fail the application's transaction: the rest is read and dropped instead,
    // and the transaction goes on.
    check(SQLCloseCursor(reader), SQL_HANDLE_STMT, reader);
    exec(writer, "INSERT INTO it_stream_abandon VALUES (2)");
    CHECK(query_string(c.dbc, "SELECT sum(v) FROM it_stream_abandon") == "3");
    check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_COMMIT), SQL_HANDLE_DBC, c.dbc);
    Connection other;
    CHECK(query_string(other.dbc, "SELECT sum(v) FROM it_stream_abandon") == "3");
}

TEST_CASE("a small rest is dropped without a cancel and the statement after it is right") {
    Connection c;
    Stmt stmt(c.dbc);
    for (int round = 0; round < 50; ++round) {
        exec(stmt, "SELECT generate_series(1, 5000)");
        REQUIRE(SQLFetch(stmt) == SQL_SUCCESS);
        check(SQLCloseCursor(stmt), SQL_HANDLE_STMT, stmt);
        REQUIRE(query_string(c.dbc, "SELECT " + std::to_string(round)) == std::to_string(round));
    }
}
