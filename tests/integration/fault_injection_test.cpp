// Fault injection against the real server (issue 11, "the suite that would have caught them"):
// the backend is terminated (pg_terminate_backend from a second connection) between statements,
// during a long statement, in the middle of a streamed result and before COMMIT; SQLCancel and
// the query timeout stop a sleep and a result being fetched. Every case checks the SQLSTATE, that
// no call hangs (bounded waits), that the handles free cleanly and that a new connection works.
#include "driver_direct.h"
#include "odbc_test.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

using namespace odbc_test;  // NOLINT(google-build-using-namespace): test vocabulary

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The server process behind `dbc`.
std::string backend_pid(const Dbc& dbc) {
    const auto pid = query_string(dbc, "SELECT pg_backend_pid()");
    REQUIRE(pid.has_value());
    return *pid;
}

// Terminates backend `pid` from a connection of its own and waits until it is gone.
void terminate_backend(const std::string& pid) {
    Connection admin;
    CHECK(query_string(admin.dbc, "SELECT pg_terminate_backend(" + pid + ")") == "1");
    for (int i = 0; i < 100; ++i) {
        if (query_string(admin.dbc, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)
            == "0") {
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    FAIL("backend " << pid << " still there 2 s after pg_terminate_backend");
}

bool is_connection_failure(SQLHSTMT stmt) {
    return has_state(SQL_HANDLE_STMT, stmt, "08S01");
}

// After the fault: the broken connection's handles free, and a new connection works.
void check_recovery(Connection& broken, SQLHSTMT stmt) {
    CHECK(SQLFreeHandle(SQL_HANDLE_STMT, stmt) == SQL_SUCCESS);
    const SQLRETURN rc = SQLDisconnect(broken.dbc);
    CHECK(SQL_SUCCEEDED(rc));
    Connection fresh;
    CHECK(query_string(fresh.dbc, "SELECT 6 * 7") == "42");
}

SQLHSTMT new_statement(const Dbc& dbc) {
    SQLHSTMT stmt = SQL_NULL_HSTMT;
    REQUIRE(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt) == SQL_SUCCESS);
    return stmt;
}

}  // namespace

TEST_CASE("fault: backend terminated between statements is 08S01 on the next one"
          * psqlodbc_deviates()) {
    Connection victim;
    SQLHSTMT stmt = new_statement(victim.dbc);
    terminate_backend(backend_pid(victim.dbc));
    const auto start = Clock::now();
    CHECK(SQLExecDirect(stmt, sqlc("SELECT 1"), SQL_NTS) == SQL_ERROR);
    CHECK(seconds_since(start) < 10.0);
    CHECK(is_connection_failure(stmt));
    // SQL_ATTR_CONNECTION_DEAD says so without a round trip.
    SQLUINTEGER dead = SQL_CD_FALSE;
    check(SQLGetConnectAttr(victim.dbc, SQL_ATTR_CONNECTION_DEAD, &dead, 0, nullptr),
          SQL_HANDLE_DBC, victim.dbc);
    CHECK(dead == SQL_CD_TRUE);
    check_recovery(victim, stmt);
}

TEST_CASE("fault: backend terminated during a long statement is 08S01 at once"
          * psqlodbc_deviates()) {
    Connection victim;
    SQLHSTMT stmt = new_statement(victim.dbc);
    const std::string pid = backend_pid(victim.dbc);
    SQLRETURN rc = SQL_SUCCESS;
    const auto start = Clock::now();
    std::thread worker([&] { rc = SQLExecDirect(stmt, sqlc("SELECT pg_sleep(30)"), SQL_NTS); });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    terminate_backend(pid);
    worker.join();
    CHECK(seconds_since(start) < 10.0);
    CHECK(rc == SQL_ERROR);
    CHECK(is_connection_failure(stmt));
    check_recovery(victim, stmt);
}

TEST_CASE("fault: backend terminated in the middle of a streamed result" * psqlodbc_deviates()) {
    Connection victim;
    SQLHSTMT stmt = new_statement(victim.dbc);
    const std::string pid = backend_pid(victim.dbc);
    check(SQLExecDirect(stmt, sqlc("SELECT generate_series(1, 50000000)"), SQL_NTS),
          SQL_HANDLE_STMT, stmt);
    for (int i = 0; i < 10; ++i) {
        REQUIRE(SQLFetch(stmt) == SQL_SUCCESS);
    }
    terminate_backend(pid);
    // Rows already received may still come; then the fetch that meets the end of the connection
    // fails. It never reports SQL_NO_DATA: a cut result must not look complete.
    const auto start = Clock::now();
    SQLRETURN rc = SQL_SUCCESS;
    long long more = 0;
    while ((rc = SQLFetch(stmt)) == SQL_SUCCESS && seconds_since(start) < 30.0) {
        ++more;
    }
    MESSAGE(more << " rows arrived after the backend was terminated");
    CHECK(rc == SQL_ERROR);
    CHECK(is_connection_failure(stmt));
    CHECK(seconds_since(start) < 30.0);
    CHECK(SQLCloseCursor(stmt) != SQL_INVALID_HANDLE);
    check_recovery(victim, stmt);
}

TEST_CASE("fault: backend terminated before COMMIT: nothing is reported committed"
          * psqlodbc_deviates()) {
    {
        Connection setup;
        exec(setup.dbc, "DROP TABLE IF EXISTS it_fault_commit");
        exec(setup.dbc, "CREATE TABLE it_fault_commit (v int)");
    }
    Connection victim;
    check(SQLSetConnectAttr(victim.dbc, SQL_ATTR_AUTOCOMMIT,
                            reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), 0),
          SQL_HANDLE_DBC, victim.dbc);
    SQLHSTMT stmt = new_statement(victim.dbc);
    check(SQLExecDirect(stmt, sqlc("INSERT INTO it_fault_commit VALUES (1), (2), (3)"), SQL_NTS),
          SQL_HANDLE_STMT, stmt);
    terminate_backend(backend_pid(victim.dbc));
    const SQLRETURN rc = SQLEndTran(SQL_HANDLE_DBC, victim.dbc, SQL_COMMIT);
    CHECK(rc == SQL_ERROR);
    // 08S01 (connection lost) or 08007 (lost during the transaction): either way not committed.
    CHECK((has_state(SQL_HANDLE_DBC, victim.dbc, "08S01")
           || has_state(SQL_HANDLE_DBC, victim.dbc, "08007")));
    Connection other;
    CHECK(query_string(other.dbc, "SELECT count(*) FROM it_fault_commit") == "0");
    CHECK(SQLFreeHandle(SQL_HANDLE_STMT, stmt) == SQL_SUCCESS);
    SQLEndTran(SQL_HANDLE_DBC, victim.dbc, SQL_ROLLBACK);
    CHECK(SQL_SUCCEEDED(SQLDisconnect(victim.dbc)));
}

TEST_CASE("fault: the query timeout stops a result in the middle of the fetch loop with HYT00"
          * psqlodbc_deviates()) {
    Connection c(conn_str() + ";ReadAheadRows=0");  // execution returns at the first row
    SQLHSTMT stmt = new_statement(c.dbc);
    check(SQLSetStmtAttr(stmt, SQL_ATTR_QUERY_TIMEOUT, reinterpret_cast<SQLPOINTER>(1), 0),
          SQL_HANDLE_STMT, stmt);
    // A row every 10 ms: about 20 s for all of them, far past the 1 s timeout.
    const auto start = Clock::now();
    SQLRETURN rc = SQLExecDirect(
        stmt, sqlc("SELECT g, pg_sleep(0.01) FROM generate_series(1, 2000) g"), SQL_NTS);
    long long rows = 0;
    while (SQL_SUCCEEDED(rc) && (rc = SQLFetch(stmt)) == SQL_SUCCESS) {
        ++rows;
    }
    CHECK(seconds_since(start) < 10.0);
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HYT00"));
    CHECK(rows < 2000);
    SQLCloseCursor(stmt);
    // The connection goes on; the timeout no longer applies once set back to 0.
    check(SQLSetStmtAttr(stmt, SQL_ATTR_QUERY_TIMEOUT, reinterpret_cast<SQLPOINTER>(0), 0),
          SQL_HANDLE_STMT, stmt);
    check(SQLExecDirect(stmt, sqlc("SELECT pg_sleep(1.2)"), SQL_NTS), SQL_HANDLE_STMT, stmt);
    CHECK(SQLFreeHandle(SQL_HANDLE_STMT, stmt) == SQL_SUCCESS);
}

TEST_CASE("fault: SQLCancel stops a result in the middle of the fetch loop with HY008"
          * psqlodbc_deviates()) {
    Connection c(conn_str() + ";ReadAheadRows=0");  // execution returns at the first row
    SQLHSTMT stmt = new_statement(c.dbc);
    check(SQLExecDirect(stmt, sqlc("SELECT g, pg_sleep(0.01) FROM generate_series(1, 2000) g"),
                        SQL_NTS),
          SQL_HANDLE_STMT, stmt);
    std::atomic<bool> done{false};
    SQLRETURN rc = SQL_SUCCESS;
    long long rows = 0;
    const auto start = Clock::now();
    std::thread fetcher([&] {
        while ((rc = SQLFetch(stmt)) == SQL_SUCCESS) {
            ++rows;
        }
        done = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    // A cancel between two fetches has no effect (ODBC 3: nothing is executing), so it is
    // repeated until one meets a fetch waiting for its row; straight to the driver (DriverCancel:
    // unixODBC's SQLCancel from another thread can leave its own state wrong, and then the
    // SQLCloseCursor below failed now and then with the cursor still open).
    DriverCancel cancel;
    cancel.add(c.dbc, stmt);
    while (!done) {
        CHECK(cancel(0) == SQL_SUCCESS);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    fetcher.join();
    CHECK(seconds_since(start) < 15.0);
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HY008"));
    CHECK(rows < 2000);
    check(SQLCloseCursor(stmt), SQL_HANDLE_STMT, stmt);
    check(SQLExecDirect(stmt, sqlc("SELECT 1"), SQL_NTS), SQL_HANDLE_STMT, stmt);
    CHECK(SQLFreeHandle(SQL_HANDLE_STMT, stmt) == SQL_SUCCESS);
}

namespace {

// tests/integration/restart_test.sh sets RSODBC_TEST_RESTART_COMMAND (pg_ctl restart of the test
// server); the suite as a whole does not restart the server every other test shares.
doctest::skip unless_restart_command() {
    return doctest::skip(std::getenv("RSODBC_TEST_RESTART_COMMAND") == nullptr);
}

}  // namespace

TEST_CASE("restart: the server stopped and restarted under open connections"
          * unless_restart_command()) {
    Connection idle;
    Connection in_transaction;
    exec(in_transaction.dbc, "DROP TABLE IF EXISTS it_restart");
    exec(in_transaction.dbc, "CREATE TABLE it_restart (i integer)");
    check(SQLSetConnectAttr(in_transaction.dbc, SQL_ATTR_AUTOCOMMIT,
                            reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), 0),
          SQL_HANDLE_DBC, in_transaction.dbc);
    exec(in_transaction.dbc, "INSERT INTO it_restart VALUES (1)");  // never committed

    REQUIRE(std::system(std::getenv("RSODBC_TEST_RESTART_COMMAND")) == 0);  // NOLINT(cert-env33-c)

    for (Connection* connection : {&idle, &in_transaction}) {
        SQLHSTMT stmt = new_statement(connection->dbc);
        const auto start = Clock::now();
        CHECK(SQLExecDirect(stmt, sqlc("SELECT 1"), SQL_NTS) == SQL_ERROR);
        CHECK(seconds_since(start) < 10.0);
        CHECK(is_connection_failure(stmt));
        SQLUINTEGER dead = SQL_CD_FALSE;
        check(SQLGetConnectAttr(connection->dbc, SQL_ATTR_CONNECTION_DEAD, &dead, 0, nullptr),
              SQL_HANDLE_DBC, connection->dbc);
        CHECK(dead == SQL_CD_TRUE);
        // Ending the lost transaction cannot claim a commit that never happened.
        if (connection == &in_transaction) {
            CHECK(SQLEndTran(SQL_HANDLE_DBC, connection->dbc, SQL_COMMIT) == SQL_ERROR);
        }
        check_recovery(*connection, stmt);
    }
    Connection after;
    CHECK(query_string(after.dbc, "SELECT count(*) FROM it_restart") == "0");
    exec(after.dbc, "DROP TABLE it_restart");
}
