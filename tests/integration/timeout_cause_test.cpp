// Issue 11: the server reports SQLCancel and a statement timeout with the same SQLSTATE (57014)
// and only its message, translated by lc_messages, says which. The driver tells them apart by
// what it did itself: a 57014 after its own cancel request (SQLCancel) is HY008, any other one
// (SQL_ATTR_QUERY_TIMEOUT, or a statement_timeout the application set) is HYT00 — in any
// language. The server's messages are switched to German where the machine has the locale (the
// superuser may set lc_messages), else to C; the SQLSTATEs must not change.
#include "odbc_test.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

using namespace odbc_test;  // NOLINT(google-build-using-namespace): test vocabulary

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The cluster's superuser over its unix socket (trusted, tests/support/pg_cluster.sh): only the
// superuser may set lc_messages. The ordinary test user when the socket is not known.
std::string admin_conn_str() {
    const char* socket_dir = std::getenv("PG_CLUSTER_SOCKET_DIR");
    const char* superuser = std::getenv("PG_CLUSTER_SUPERUSER");
    if (socket_dir == nullptr || superuser == nullptr) {
        return conn_str();
    }
    return "Driver={" + require_env("RSODBC_TEST_DRIVER") + "};Server=" + socket_dir + ";Port="
           + require_env("RSODBC_TEST_PORT") + ";Database=" + require_env("RSODBC_TEST_DATABASE")
           + ";UID=" + superuser + ";PWD=unused";
}

// Switches the server's messages to another language when it can: the one set, or "".
std::string switch_message_language(const Dbc& dbc) {
    for (const char* language : {"de_DE.UTF-8", "de_DE.utf8", "C"}) {
        Stmt stmt(dbc);
        const std::string sql = std::string("SET lc_messages = '") + language + "'";
        if (SQL_SUCCEEDED(SQLExecDirect(stmt, sqlc(sql), SQL_NTS))) {
            return language;
        }
    }
    return "";
}

}  // namespace

TEST_CASE("57014 is HY008 after SQLCancel and HYT00 for a timeout, whatever the message language"
          * only_our_driver()) {
    Connection c(admin_conn_str());
    const std::string language = switch_message_language(c.dbc);
    MESSAGE("server messages in: " << (language.empty() ? "the server's default" : language));
    Stmt stmt(c.dbc);

    // The application's own statement_timeout: the driver set no timeout and sent no cancel.
    exec(stmt, "SET statement_timeout = 300");
    auto start = std::chrono::steady_clock::now();
    SQLRETURN rc = SQLExecDirect(stmt, sqlc("SELECT pg_sleep(5)"), SQL_NTS);
    const std::string timeout_text = diag_text(SQL_HANDLE_STMT, stmt);
    INFO(timeout_text);
    CHECK(rc == SQL_ERROR);
    CHECK(diag_states(SQL_HANDLE_STMT, stmt) == std::vector<std::string>{"HYT00"});
    CHECK(seconds_since(start) < 4.0);
    CHECK(timeout_text.find("57014") != std::string::npos);  // the server's own state is kept
    if (language.rfind("de", 0) == 0) {
        // The message is translated: no English text could have told the cases apart.
        CHECK(timeout_text.find("statement timeout") == std::string::npos);
    }
    exec(stmt, "SET statement_timeout = 0");

    // The same statement_timeout firing in the middle of a streamed result's fetch loop.
    {
        Stmt streamed(c.dbc);
        exec(streamed, "SET statement_timeout = 500");
        rc = SQLExecDirect(
            streamed, sqlc("SELECT g, pg_sleep(0.01) FROM generate_series(1, 2000) g"), SQL_NTS);
        while (SQL_SUCCEEDED(rc)) {
            rc = SQLFetch(streamed);
        }
        CHECK(rc == SQL_ERROR);
        CHECK(has_state(SQL_HANDLE_STMT, streamed, "HYT00"));
        CHECK_FALSE(has_state(SQL_HANDLE_STMT, streamed, "HY008"));
        SQLCloseCursor(streamed);
        exec(streamed, "SET statement_timeout = 0");
    }

    // SQLCancel from another thread: HY008, the same server message language.
    start = std::chrono::steady_clock::now();
    std::thread worker([&] { rc = SQLExecDirect(stmt, sqlc("SELECT pg_sleep(5)"), SQL_NTS); });
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    CHECK(SQL_SUCCEEDED(SQLCancel(stmt)));
    worker.join();
    INFO(diag_text(SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(diag_states(SQL_HANDLE_STMT, stmt) == std::vector<std::string>{"HY008"});
    CHECK(seconds_since(start) < 4.0);

    // A cancel is remembered for its own statement only: the next timeout is HYT00 again.
    check(SQLSetStmtAttr(stmt, SQL_ATTR_QUERY_TIMEOUT, reinterpret_cast<SQLPOINTER>(1), 0),
          SQL_HANDLE_STMT, stmt);
    start = std::chrono::steady_clock::now();
    rc = SQLExecDirect(stmt, sqlc("SELECT pg_sleep(5)"), SQL_NTS);
    CHECK(rc == SQL_ERROR);
    CHECK(diag_states(SQL_HANDLE_STMT, stmt) == std::vector<std::string>{"HYT00"});
    CHECK(seconds_since(start) < 4.0);
    CHECK(query_string(c.dbc, "SELECT 1") == "1");
}
