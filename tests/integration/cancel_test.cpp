// SQL_ATTR_QUERY_TIMEOUT (HYT00) and SQLCancel from another thread (HY008): a long statement is
// stopped by the server, the call returns promptly, and the connection stays usable.
#include "driver_direct.h"
#include "odbc_test.h"

#include <doctest/doctest.h>

#include <atomic>
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

// Issue 11 item 5: a cancel request stops whatever the connection runs, so SQLCancel may send
// one only for the statement whose call is executing.
TEST_CASE("SQLCancel of an idle statement neither stops nor waits for another one's query") {
    Connection c;
    Stmt idle(c.dbc);
    Stmt busy(c.dbc);
    exec(idle, "SELECT 1");
    SQLRETURN rc = SQL_ERROR;
    std::thread worker([&] { rc = SQLExecDirect(busy, sqlc("SELECT pg_sleep(1.5)"), SQL_NTS); });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const auto start = std::chrono::steady_clock::now();
    const SQLRETURN cancel_rc = SQLCancel(idle);
    const double cancel_seconds = seconds_since(start);
    worker.join();
    CHECK(cancel_rc == SQL_SUCCESS);
    CHECK(cancel_seconds < 0.5);  // ODBC 3: no effect on a statement that is not executing
    CHECK(rc == SQL_SUCCESS);
    CHECK_FALSE(has_state(SQL_HANDLE_STMT, busy, "HY008"));
}

TEST_CASE("SQLCancel racing a short statement never stops the next statement on the wire"
          * psqlodbc_deviates()) {
    Connection c;
    Stmt target(c.dbc);
    Stmt bystander(c.dbc);
    std::atomic<bool> done{false};
    int bystander_failures = 0;
    int target_cancelled = 0;
    std::thread runner([&] {
        for (int i = 0; i < 40; ++i) {
            SQLFreeStmt(target, SQL_CLOSE);
            if (SQLExecDirect(target, sqlc("SELECT 1"), SQL_NTS) == SQL_ERROR) {
                ++target_cancelled;  // HY008 is allowed: the cancel was aimed at it
            }
            SQLFreeStmt(bystander, SQL_CLOSE);
            if (SQLExecDirect(bystander, sqlc("SELECT pg_sleep(0.02)"), SQL_NTS) != SQL_SUCCESS) {
                ++bystander_failures;
            }
        }
        done = true;
    });
    DriverCancel cancel;  // past unixODBC, whose SQLCancel from another thread races in its state
    cancel.add(c.dbc, target);
    while (!done) {
        cancel(0);
    }
    runner.join();
    CHECK(bystander_failures == 0);
    MESSAGE("target statement cancelled " << target_cancelled << " times of 40");
    CHECK(query_string(c.dbc, "SELECT 1") == "1");
}
