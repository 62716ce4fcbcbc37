// SQL_ATTR_QUERY_TIMEOUT (HYT00) and SQLCancel from another thread (HY008): a long statement is
// stopped by the server, the call returns promptly, and the connection stays usable.
#include "odbc_test.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

using namespace odbc_test;  // NOLINT(google-build-using-namespace): test vocabulary

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

// Differential: psqlODBC reports the server's 57014 instead of HYT00.
TEST_CASE("SQL_ATTR_QUERY_TIMEOUT stops a long statement with HYT00" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    check(SQLSetStmtAttr(stmt, SQL_ATTR_QUERY_TIMEOUT, reinterpret_cast<SQLPOINTER>(1), 0),
          SQL_HANDLE_STMT, stmt);
    const auto start = std::chrono::steady_clock::now();
    const SQLRETURN rc = SQLExecDirect(stmt, sqlc("SELECT pg_sleep(20)"), SQL_NTS);
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HYT00"));
    CHECK(seconds_since(start) < 10.0);
    // A statement that finishes in time still runs, and timeout 0 means none.
    exec(stmt, "SELECT pg_sleep(0.1)");
    check(SQLSetStmtAttr(stmt, SQL_ATTR_QUERY_TIMEOUT, reinterpret_cast<SQLPOINTER>(0), 0),
          SQL_HANDLE_STMT, stmt);
    CHECK(query_string(c.dbc, "SELECT current_setting('statement_timeout')") != std::nullopt);
}

// Differential: psqlODBC reports the server's 57014 instead of HY008.
TEST_CASE("SQLCancel from another thread stops an executing statement with HY008"
          * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    SQLRETURN rc = SQL_SUCCESS;
    const auto start = std::chrono::steady_clock::now();
    std::thread worker([&] { rc = SQLExecDirect(stmt, sqlc("SELECT pg_sleep(20)"), SQL_NTS); });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const SQLRETURN cancel_rc = SQLCancel(stmt);
    worker.join();
    CHECK(SQL_SUCCEEDED(cancel_rc));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HY008"));
    CHECK(seconds_since(start) < 10.0);
    CHECK(query_string(c.dbc, "SELECT 1") == "1");  // the connection is usable
}
