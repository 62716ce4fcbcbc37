// SQLRowCount and SQL_DIAG_CURSOR_ROW_COUNT for result sets (issue 13): the exact row count
// whenever the driver knows it (a result read ahead at execution, ReadAheadRows rows / 1 MiB, or
// fetched to its end), -1 only while rows are still unread on the wire.
#include "odbc_test.h"

#include <string>

using namespace odbc_test;

namespace {

SQLLEN row_count(const Stmt& stmt) {
    SQLLEN count = -2;
    check(SQLRowCount(stmt, &count), SQL_HANDLE_STMT, stmt);
    return count;
}

SQLLEN cursor_row_count(const Stmt& stmt) {
    SQLLEN count = -2;
    check(SQLGetDiagField(SQL_HANDLE_STMT, stmt, 0, SQL_DIAG_CURSOR_ROW_COUNT, &count, 0, nullptr),
          SQL_HANDLE_STMT, stmt);
    return count;
}

long fetch_all(const Stmt& stmt) {
    long rows = 0;
    SQLRETURN rc = SQL_SUCCESS;
    while ((rc = SQLFetch(stmt)) == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO) {
        ++rows;
    }
    CHECK(rc == SQL_NO_DATA);
    return rows;
}

}  // namespace

TEST_CASE("SQLRowCount after SELECT: empty and small results are counted at execution") {
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_rc_small");
    exec(c.dbc, "CREATE TABLE it_rc_small (i int)");
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT * FROM it_rc_small");
    CHECK(row_count(stmt) == 0);
    exec(c.dbc, "INSERT INTO it_rc_small VALUES (1), (2), (3)");
    exec(stmt, "SELECT * FROM it_rc_small");
    CHECK(row_count(stmt) == 3);
    CHECK(cursor_row_count(stmt) == 3);
    CHECK(fetch_all(stmt) == 3);
    CHECK(row_count(stmt) == 3);
    // With a parameter (prepared, streamed the same way).
    SQLFreeStmt(stmt, SQL_CLOSE);
    SQLINTEGER above = 1;
    check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &above, 0,
                           nullptr),
          SQL_HANDLE_STMT, stmt);
    check(SQLExecDirect(stmt, sqlc("SELECT * FROM it_rc_small WHERE i > ?"), SQL_NTS),
          SQL_HANDLE_STMT, stmt);
    CHECK(row_count(stmt) == 2);
    CHECK(fetch_all(stmt) == 2);
}

TEST_CASE("SQLRowCount after SELECT: a streamed result is -1 until its last row is fetched"
          * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT g FROM generate_series(1, 5000) g");
    CHECK(row_count(stmt) == -1);  // psqlODBC reads every result whole and says 5000
    CHECK(cursor_row_count(stmt) == -1);
    CHECK(fetch_all(stmt) == 5000);
    CHECK(row_count(stmt) == 5000);
    CHECK(cursor_row_count(stmt) == 5000);

    // The byte bound: 100 rows of 20 kB are over 1 MiB.
    exec(stmt, "SELECT repeat('x', 20000) FROM generate_series(1, 100)");
    CHECK(row_count(stmt) == -1);
    CHECK(fetch_all(stmt) == 100);
    CHECK(row_count(stmt) == 100);

    // Another statement needs the connection: the rest is read ahead, so the count is known.
    exec(stmt, "SELECT g FROM generate_series(1, 3000) g");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(query_string(c.dbc, "SELECT 1") == "1");
    CHECK(row_count(stmt) == 3000);
    CHECK(fetch_all(stmt) == 2999);
}

TEST_CASE("ReadAheadRows: the bound is the keyword's" * only_our_driver()) {
    {
        Connection c(conn_str() + ";ReadAheadRows=0");
        Stmt stmt(c.dbc);
        exec(stmt, "SELECT g FROM generate_series(1, 3) g");
        CHECK(row_count(stmt) == -1);
        CHECK(fetch_all(stmt) == 3);
        CHECK(row_count(stmt) == 3);
    }
    {
        Connection c(conn_str() + ";ReadAheadRows=10000");
        Stmt stmt(c.dbc);
        exec(stmt, "SELECT g FROM generate_series(1, 5000) g");
        CHECK(row_count(stmt) == 5000);
        CHECK(fetch_all(stmt) == 5000);
    }
    Env env;
    Dbc dbc(env);
    CHECK(SQLDriverConnect(dbc, nullptr, sqlc(conn_str() + ";ReadAheadRows=-1"), SQL_NTS, nullptr,
                           0, nullptr, SQL_DRIVER_NOPROMPT)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, dbc, "HY024"));
}

TEST_CASE("an error within the rows read ahead fails the execution itself") {
    Connection c;
    Stmt stmt(c.dbc);
    CHECK(SQLExecDirect(stmt, sqlc("SELECT 10 / (5 - g) FROM generate_series(1, 9) g"), SQL_NTS)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "22012"));
    exec(stmt, "SELECT 2");
    CHECK(row_count(stmt) == 1);
}
