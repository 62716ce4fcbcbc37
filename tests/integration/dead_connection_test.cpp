// A connection whose backend died between statements: SQL_ATTR_CONNECTION_DEAD says so at once
// (it reads what the server already sent, never writes), the next call fails with 08S01, and the
// handles still disconnect and free cleanly.
#include "odbc_test.h"

#include <chrono>
#include <string>
#include <thread>

using namespace odbc_test;

namespace {

SQLULEN connection_dead(const Dbc& dbc) {
    SQLUINTEGER dead = 99;
    check(SQLGetConnectAttr(dbc, SQL_ATTR_CONNECTION_DEAD, &dead, SQL_IS_UINTEGER, nullptr),
          SQL_HANDLE_DBC, dbc);
    return dead;
}

// Terminates the backend `pid` from another connection and waits until it is gone.
void kill_backend(const std::string& pid) {
    Connection killer;
    CHECK(query_string(killer.dbc, "SELECT pg_terminate_backend(" + pid + ")") == "1");
    for (int i = 0; i < 100; ++i) {
        if (query_string(killer.dbc, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)
            == "0") {
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    FAIL("backend " << pid << " did not go away");
}

}  // namespace

TEST_CASE("a backend terminated between statements: CONNECTION_DEAD, 08S01, clean free"
          * psqlodbc_deviates()) {
    for (const bool manual_commit : {false, true}) {
        CAPTURE(manual_commit);
        Env env;
        Dbc dbc(env);
        dbc.connect();
        if (manual_commit) {
            check(SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT,
                                    reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), 0),
                  SQL_HANDLE_DBC, dbc);
        }
        const auto pid = query_string(dbc, "SELECT pg_backend_pid()");
        REQUIRE(pid.has_value());
        CHECK(connection_dead(dbc) == SQL_CD_FALSE);
        kill_backend(*pid);

        Stmt stmt(dbc);
        const SQLRETURN rc = SQLExecDirect(stmt, sqlc("SELECT 1"), SQL_NTS);
        INFO(diag_text(SQL_HANDLE_STMT, stmt));
        CHECK(rc == SQL_ERROR);
        CHECK(has_state(SQL_HANDLE_STMT, stmt, "08S01"));
        CHECK(connection_dead(dbc) == SQL_CD_TRUE);
        CHECK(SQLFreeHandle(SQL_HANDLE_STMT, stmt.get()) == SQL_SUCCESS);
        // The transaction died with the backend: disconnecting is allowed and frees everything.
        const SQLRETURN disconnected = SQLDisconnect(dbc);
        INFO(diag_text(SQL_HANDLE_DBC, dbc));
        CHECK(SQL_SUCCEEDED(disconnected));
        if (!SQL_SUCCEEDED(disconnected)) {
            dbc.mark_connected();
        }
        // Reconnecting the same handle works.
        dbc.connect();
        CHECK(query_string(dbc, "SELECT 1") == "1");
    }
}

// Our design: psqlODBC reports SQL_CD_FALSE here until a call fails (ODBC allows either).
TEST_CASE("CONNECTION_DEAD sees a backend terminated while idle, without running a statement"
          * only_our_driver()) {
    Env env;
    Dbc dbc(env);
    dbc.connect();
    const auto pid = query_string(dbc, "SELECT pg_backend_pid()");
    REQUIRE(pid.has_value());
    // A healthy idle connection is not dead, and asking sends nothing: the backend's last state
    // change (which any statement, even an empty one, would move) stays where it was.
    Connection watcher;
    const std::string state_change =
        "SELECT state_change::text FROM pg_stat_activity WHERE pid = " + *pid;
    const auto before = query_string(watcher.dbc, state_change);
    REQUIRE(before.has_value());
    for (int i = 0; i < 100; ++i) {
        REQUIRE(connection_dead(dbc) == SQL_CD_FALSE);
    }
    CHECK(query_string(watcher.dbc, state_change) == before);

    kill_backend(*pid);
    // No statement in between: the driver reads the server's goodbye from the socket.
    CHECK(connection_dead(dbc) == SQL_CD_TRUE);
    CHECK(connection_dead(dbc) == SQL_CD_TRUE);
    Stmt stmt(dbc);
    CHECK(SQLExecDirect(stmt, sqlc("SELECT 1"), SQL_NTS) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "08S01"));
    CHECK(SQLFreeHandle(SQL_HANDLE_STMT, stmt.get()) == SQL_SUCCESS);
    const SQLRETURN disconnected = SQLDisconnect(dbc);
    INFO(diag_text(SQL_HANDLE_DBC, dbc));
    CHECK(SQL_SUCCEEDED(disconnected));
    if (!SQL_SUCCEEDED(disconnected)) {
        dbc.mark_connected();
    }
}

TEST_CASE("CONNECTION_DEAD while a result is still arriving: not dead, and the rows stay whole") {
    Env env;
    Dbc dbc(env);
    dbc.connect();
    Stmt stmt(dbc);
    check(SQLExecDirect(stmt, sqlc("SELECT g FROM generate_series(1, 300000) g"), SQL_NTS),
          SQL_HANDLE_STMT, stmt);
    SQLINTEGER value = 0;
    SQLLEN indicator = 0;
    check(SQLBindCol(stmt, 1, SQL_C_SLONG, &value, 0, &indicator), SQL_HANDLE_STMT, stmt);
    SQLINTEGER expected = 0;
    SQLRETURN rc = SQL_SUCCESS;
    while ((rc = SQLFetch(stmt)) == SQL_SUCCESS) {
        ++expected;
        if (value != expected) {
            break;
        }
        if (expected % 1000 == 0) {
            REQUIRE(connection_dead(dbc) == SQL_CD_FALSE);
        }
    }
    CHECK(rc == SQL_NO_DATA);
    CHECK(expected == 300000);
}

TEST_CASE("a backend terminated while a statement streams: 08S01 on fetch, clean free"
          * psqlodbc_deviates()) {
    Env env;
    Dbc dbc(env);
    dbc.connect();
    const auto pid = query_string(dbc, "SELECT pg_backend_pid()");
    REQUIRE(pid.has_value());
    Stmt stmt(dbc);
    // Enough rows that the result is still arriving when the backend dies.
    check(SQLExecDirect(stmt, sqlc("SELECT g, repeat('x', 200) FROM generate_series(1, 2000000) g"),
                        SQL_NTS),
          SQL_HANDLE_STMT, stmt);
    CHECK(SQLFetch(stmt) == SQL_SUCCESS);
    kill_backend(*pid);
    SQLRETURN rc = SQL_SUCCESS;
    while (rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO) {
        rc = SQLFetch(stmt);
    }
    INFO(diag_text(SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "08S01"));
    CHECK(connection_dead(dbc) == SQL_CD_TRUE);
}
