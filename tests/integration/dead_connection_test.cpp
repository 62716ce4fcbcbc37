// A connection whose backend died between statements: the next call fails with 08S01,
// SQL_ATTR_CONNECTION_DEAD (libpq's connection state, no round trip) is then true, and the handles
// still disconnect and free cleanly.
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

TEST_CASE("a backend terminated between statements: CONNECTION_DEAD, 08S01, clean free") {
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

TEST_CASE("a backend terminated while a statement streams: 08S01 on fetch, clean free") {
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
