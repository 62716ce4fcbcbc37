// Connection keywords that shape the session: other drivers' keywords (01S00 with a reason or a
// suggestion), QueryTimeout, ReadOnly, InitializationString, keepalives, connection retries.
#include "odbc_test.h"

#include <chrono>
#include <string>
#include <vector>

using namespace odbc_test;

namespace {

struct Attempt {
    SQLRETURN rc;
    std::vector<Diag> diags;
};

// SQLDriverConnect of the test connection string plus `extra`; `use` runs on success.
template <typename Use>
Attempt connect_with(const std::string& extra, Use use) {
    Env env;
    Dbc dbc(env);
    const std::string text = conn_str() + ";" + extra;
    Attempt attempt{SQLDriverConnect(dbc, nullptr, sqlc(text), SQL_NTS, nullptr, 0, nullptr,
                                     SQL_DRIVER_NOPROMPT),
                    {}};
    attempt.diags = diagnostics(SQL_HANDLE_DBC, dbc);
    if (SQL_SUCCEEDED(attempt.rc)) {
        dbc.mark_connected();
        use(dbc);
    }
    return attempt;
}

Attempt connect_with(const std::string& extra) {
    return connect_with(extra, [](const Dbc&) {});
}

const Diag* find_diag(const Attempt& attempt, std::string_view state, std::string_view text) {
    for (const Diag& d : attempt.diags) {
        if (d.state == state && contains_nocase(d.message, text)) {
            return &d;
        }
    }
    return nullptr;
}

}  // namespace

TEST_CASE("an unknown keyword gives 01S00 naming the closest known one" * only_our_driver()) {
    const Attempt attempt = connect_with("Sevrer=elsewhere;KeepAliveIntervall=5");
    CHECK(attempt.rc == SQL_SUCCESS_WITH_INFO);
    CHECK(find_diag(attempt, "01S00", "did you mean 'Server'") != nullptr);
    CHECK(find_diag(attempt, "01S00", "did you mean 'KeepAliveInterval'") != nullptr);
}

TEST_CASE("another driver's unsupported keyword gives 01S00 with the reason" * only_our_driver()) {
    const Attempt attempt = connect_with("ProxyHost=proxy.example;ProxyPort=3128");
    CHECK(attempt.rc == SQL_SUCCESS_WITH_INFO);
    CHECK(find_diag(attempt, "01S00", "'ProxyHost' was ignored: TCP proxies") != nullptr);
    CHECK(find_diag(attempt, "01S00", "'ProxyPort' was ignored") != nullptr);
}

TEST_CASE("another driver's keyword that needs nothing connects silently" * only_our_driver()) {
    // psqlODBC's abbreviations and Amazon switches the driver always satisfies.
    const Attempt attempt =
        connect_with("A1=7.4;C8=1;ApplicationUsingThreads=1;StreamingCursorRows=100;CscEnable=1");
    CHECK(attempt.rc == SQL_SUCCESS);
    CHECK(attempt.diags.empty());
}

TEST_CASE("QueryTimeout is the default SQL_ATTR_QUERY_TIMEOUT" * only_our_driver()) {
    connect_with("QueryTimeout=1", [](const Dbc& dbc) {
        Stmt stmt(dbc);
        SQLULEN timeout = 0;
        check(SQLGetStmtAttr(stmt, SQL_ATTR_QUERY_TIMEOUT, &timeout, 0, nullptr), SQL_HANDLE_STMT,
              stmt);
        CHECK(timeout == 1);
        const auto start = std::chrono::steady_clock::now();
        const SQLRETURN rc = SQLExecDirect(stmt, sqlc("SELECT pg_sleep(5)"), SQL_NTS);
        const auto took = std::chrono::steady_clock::now() - start;
        CHECK(rc == SQL_ERROR);
        CHECK(has_state(SQL_HANDLE_STMT, stmt, "HYT00"));
        CHECK(took < std::chrono::seconds(4));
    });
}

// Differential: ReadOnly is the Amazon driver's keyword; psqlODBC's ReadOnly only blocks statements
// client-side.
TEST_CASE("ReadOnly=1 makes the session read-only and SQL_ATTR_ACCESS_MODE changes it"
          * only_our_driver()) {
    const Attempt attempt = connect_with("ReadOnly=1", [](const Dbc& dbc) {
        SQLULEN mode = 0;
        check(SQLGetConnectAttr(dbc, SQL_ATTR_ACCESS_MODE, &mode, 0, nullptr), SQL_HANDLE_DBC, dbc);
        CHECK(mode == SQL_MODE_READ_ONLY);
        CHECK(query_string(dbc, "SHOW transaction_read_only") == "on");
        Stmt stmt(dbc);
        CHECK(SQLExecDirect(stmt, sqlc("CREATE TEMP TABLE ro_probe(a int)"), SQL_NTS) == SQL_ERROR);
        CHECK(has_state(SQL_HANDLE_STMT, stmt, "25000"));  // server 25006, ODBC class 25
        check(SQLSetConnectAttr(dbc, SQL_ATTR_ACCESS_MODE,
                                reinterpret_cast<SQLPOINTER>(SQL_MODE_READ_WRITE), 0),
              SQL_HANDLE_DBC, dbc);
        CHECK(query_string(dbc, "SHOW transaction_read_only") == "off");
        exec(dbc, "CREATE TEMP TABLE ro_probe(a int)");
    });
    CHECK(SQL_SUCCEEDED(attempt.rc));
}

// Differential: InitializationString is the Amazon driver's keyword (psqlODBC: ConnSettings).
TEST_CASE("InitializationString runs after connect; a failing one fails the connection"
          * only_our_driver()) {
    const Attempt good = connect_with(
        "InitializationString={SET search_path TO pg_catalog, public; SET datestyle TO 'German'}",
        [](const Dbc& dbc) {
            CHECK(query_string(dbc, "SHOW search_path") == "pg_catalog, public");
            CHECK(query_string(dbc, "SHOW datestyle") == "German, DMY");
        });
    CHECK(SQL_SUCCEEDED(good.rc));
    // psqlODBC's name for the same thing.
    const Attempt psql = connect_with(
        "ConnSettings={SET application_name TO 'from_connsettings'}", [](const Dbc& dbc) {
            CHECK(query_string(dbc, "SHOW application_name") == "from_connsettings");
        });
    CHECK(SQL_SUCCEEDED(psql.rc));
    const Attempt bad = connect_with("InitializationString={SET no_such_setting TO 1}");
    CHECK(bad.rc == SQL_ERROR);
    bool named = false;
    for (const Diag& d : bad.diags) {
        named = named || contains_nocase(d.message, "InitializationString failed");
    }
    CHECK_MESSAGE(named, "the error names InitializationString");
}

// Differential: KeepAlive* values are checked at connect by this driver only.
TEST_CASE("keepalive keywords reach the socket" * only_our_driver()) {
    // The server sees the client's keepalive settings only as a working connection; what is
    // checked is that libpq accepted every value (a bad one fails the connect).
    const Attempt on = connect_with("KeepAlive=1;KeepAliveTime=30;KeepAliveCount=3;D2=5");
    CHECK(SQL_SUCCEEDED(on.rc));
    const Attempt off = connect_with("KeepAlive=0");
    CHECK(SQL_SUCCEEDED(off.rc));
    const Attempt bad = connect_with("KeepAliveCount=many");
    CHECK(bad.rc == SQL_ERROR);
}

TEST_CASE("ConnectionRetryCount retries an unreachable server, ConnectionRetryDelay apart"
          * only_our_driver()) {
    // Port 1 refuses at once, so the time taken is the retry delays: 2 retries x 1 s.
    Env env;
    Dbc dbc(env);
    const std::string text = "Driver={" + require_env("RSODBC_TEST_DRIVER")
                           + "};Server=127.0.0.1;Port=1;UID=u;PWD=p;SSLMode=disable;"
                             "ConnectionRetryCount=2;ConnectionRetryDelay=1";
    const auto start = std::chrono::steady_clock::now();
    const SQLRETURN rc = SQLDriverConnect(dbc, nullptr, sqlc(text), SQL_NTS, nullptr, 0, nullptr,
                                          SQL_DRIVER_NOPROMPT);
    const auto took = std::chrono::steady_clock::now() - start;
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, dbc, "08001"));
    CHECK(took >= std::chrono::seconds(2));
    CHECK(took < std::chrono::seconds(10));
}
