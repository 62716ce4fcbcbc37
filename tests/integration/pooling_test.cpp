// unixODBC connection pooling with our driver: connections are reused across connect/disconnect
// cycles, and a reused one comes back as a fresh connection to the DSN would
// (SQL_ATTR_RESET_CONNECTION). The "pool:" cases need Pooling=Yes in odbcinst.ini, which would
// change every other test: tests/integration/pooling_test.sh writes such a file and runs them with
// RSODBC_TEST_POOLING=1; elsewhere they are skipped.
#include "odbc_test.h"

#include <chrono>
#include <cstdlib>
#include <set>
#include <string>
#include <thread>

using namespace odbc_test;

namespace {

doctest::skip unless_pooling() {
    const char* pooling = std::getenv("RSODBC_TEST_POOLING");
    return doctest::skip(pooling == nullptr || std::string_view(pooling) != "1");
}

// One borrower: connect (through the pool), `work`, disconnect (back to the pool).
template <class Work>
void borrow(const Env& env, Work&& work) {
    SQLHDBC dbc = SQL_NULL_HDBC;
    REQUIRE(SQLAllocHandle(SQL_HANDLE_DBC, env.get(), &dbc) == SQL_SUCCESS);
    const std::string connstr = conn_str();
    const SQLRETURN rc = SQLDriverConnect(dbc, nullptr, sqlc(connstr), SQL_NTS, nullptr, 0, nullptr,
                                          SQL_DRIVER_NOPROMPT);
    INFO(diag_text(SQL_HANDLE_DBC, dbc));
    REQUIRE(SQL_SUCCEEDED(rc));
    work(dbc);
    CHECK(SQLDisconnect(dbc) == SQL_SUCCESS);
    CHECK(SQLFreeHandle(SQL_HANDLE_DBC, dbc) == SQL_SUCCESS);
}

std::string scalar(SQLHDBC dbc, const std::string& sql) {
    SQLHSTMT stmt = SQL_NULL_HSTMT;
    REQUIRE(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt) == SQL_SUCCESS);
    const SQLRETURN rc = SQLExecDirect(stmt, sqlc(sql), SQL_NTS);
    INFO(sql << diag_text(SQL_HANDLE_STMT, stmt));
    REQUIRE(SQL_SUCCEEDED(rc));
    REQUIRE(SQLFetch(stmt) == SQL_SUCCESS);
    char value[256] = {};
    SQLLEN indicator = 0;
    REQUIRE(SQL_SUCCEEDED(SQLGetData(stmt, 1, SQL_C_CHAR, value, sizeof value, &indicator)));
    SQLFreeHandle(SQL_HANDLE_STMT, stmt);
    return value;
}

void run(SQLHDBC dbc, const std::string& sql) {
    SQLHSTMT stmt = SQL_NULL_HSTMT;
    REQUIRE(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt) == SQL_SUCCESS);
    const SQLRETURN rc = SQLExecDirect(stmt, sqlc(sql), SQL_NTS);
    INFO(sql << diag_text(SQL_HANDLE_STMT, stmt));
    CHECK(SQL_SUCCEEDED(rc));
    SQLFreeHandle(SQL_HANDLE_STMT, stmt);
}

}  // namespace

TEST_CASE("pool: 1,000 connect/disconnect cycles reuse a few server sessions" * unless_pooling()) {
    Env env;
    std::set<std::string> backends;
    for (int cycle = 0; cycle < 1000; ++cycle) {
        borrow(env, [&](SQLHDBC dbc) { backends.insert(scalar(dbc, "SELECT pg_backend_pid()")); });
    }
    INFO("distinct backends: " << backends.size());
    CHECK(backends.size() <= 2);
}

TEST_CASE("pool: a reused connection is reset to the DSN's defaults" * unless_pooling()) {
    Env env;
    std::string first_backend;
    borrow(env, [&](SQLHDBC dbc) {
        first_backend = scalar(dbc, "SELECT pg_backend_pid()");
        run(dbc, "CREATE TEMPORARY TABLE pool_leftover (x int)");
        run(dbc, "PREPARE pool_leftover_plan AS SELECT 1");
        run(dbc, "SET search_path = pg_catalog");
        CHECK(SQLSetConnectAttr(dbc, SQL_ATTR_ACCESS_MODE,
                                reinterpret_cast<SQLPOINTER>(SQL_MODE_READ_ONLY), 0)
              == SQL_SUCCESS);
        CHECK(SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT,
                                reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), 0)
              == SQL_SUCCESS);
        run(dbc, "SELECT 1");  // opens the transaction
        CHECK(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT) == SQL_SUCCESS);
        // A statement left open with unread rows: the reset closes it.
        SQLHSTMT stmt = SQL_NULL_HSTMT;
        REQUIRE(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt) == SQL_SUCCESS);
        CHECK(SQLExecDirect(stmt, sqlc("SELECT g FROM generate_series(1, 100000) g"), SQL_NTS)
              == SQL_SUCCESS);
        CHECK(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT) == SQL_SUCCESS);
    });
    borrow(env, [&](SQLHDBC dbc) {
        REQUIRE(scalar(dbc, "SELECT pg_backend_pid()") == first_backend);  // the same session
        SQLUINTEGER autocommit = 0;
        CHECK(SQLGetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, &autocommit, SQL_IS_UINTEGER, nullptr)
              == SQL_SUCCESS);
        CHECK(autocommit == SQL_AUTOCOMMIT_ON);
        SQLUINTEGER access = 99;
        CHECK(SQLGetConnectAttr(dbc, SQL_ATTR_ACCESS_MODE, &access, SQL_IS_UINTEGER, nullptr)
              == SQL_SUCCESS);
        CHECK(access == SQL_MODE_READ_WRITE);
        CHECK(scalar(dbc, "SHOW transaction_read_only") == "off");
        CHECK(scalar(dbc, "SHOW search_path") == "\"$user\", public");
        CHECK(scalar(dbc, "SELECT count(*) FROM pg_prepared_statements") == "0");
        CHECK(scalar(dbc, "SELECT count(*) FROM pg_class WHERE relname = 'pool_leftover'") == "0");
        CHECK(scalar(dbc, "SELECT count(*) FROM pg_cursors") == "0");
    });
}

TEST_CASE("pool: a pooled connection whose backend was killed is discarded" * unless_pooling()) {
    Env env;
    std::string killed;
    borrow(env, [&](SQLHDBC dbc) { killed = scalar(dbc, "SELECT pg_backend_pid()"); });
    {
        // Another connection string, so that the pool does not lend the victim to its killer.
        Connection admin(conn_str() + ";ApplicationName=pool_killer");
        CHECK(query_string(admin.dbc, "SELECT pg_terminate_backend(" + killed + ")") == "1");
        bool gone = false;
        for (int i = 0; i < 100 && !gone; ++i) {
            gone = query_string(admin.dbc,
                                "SELECT count(*) FROM pg_stat_activity WHERE pid = " + killed)
                   == "0";
            if (!gone) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
        REQUIRE(gone);
    }
    // The driver manager asks SQL_ATTR_CONNECTION_DEAD before lending the pooled connection: it
    // must drop the dead one and connect afresh, so this borrower's first statement succeeds.
    borrow(env, [&](SQLHDBC dbc) { CHECK(scalar(dbc, "SELECT pg_backend_pid()") != killed); });
    borrow(env, [&](SQLHDBC dbc) { CHECK(scalar(dbc, "SELECT 1") == "1"); });
}
