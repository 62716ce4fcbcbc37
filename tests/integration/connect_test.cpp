// Connecting: SQLConnect by DSN, SQLDriverConnect(W) DSN-less, out connection strings, failures.
#include "odbc_test.h"

#include <string>
#include <vector>

using namespace odbc_test;

namespace {

// A statement on `dbc` answers SELECT 1.
void check_usable(const Dbc& dbc) {
    const auto one = query_string(dbc, "SELECT 1");
    REQUIRE(one.has_value());
    CHECK(*one == "1");
}

// SQLDriverConnect of `connection_string`; returns the outcome, disconnecting on success.
SQLRETURN try_driver_connect(const std::string& connection_string, std::vector<Diag>& diags) {
    Env env;
    Dbc dbc(env);
    const SQLRETURN rc = SQLDriverConnect(dbc, nullptr, sqlc(connection_string), SQL_NTS, nullptr,
                                          0, nullptr, SQL_DRIVER_NOPROMPT);
    diags = diagnostics(SQL_HANDLE_DBC, dbc);
    if (SQL_SUCCEEDED(rc)) {
        dbc.mark_connected();
    }
    return rc;
}

std::string states_of(const std::vector<Diag>& diags) {
    std::string out;
    for (const Diag& d : diags) {
        out += "[" + d.state + "] " + d.message + "\n";
    }
    return out;
}

bool any_state(const std::vector<Diag>& diags, std::string_view state) {
    for (const Diag& d : diags) {
        if (d.state == state) {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("SQLConnect with DSN, UID and PWD") {
    Env env;
    Dbc dbc(env);
    const std::string name = dsn();
    const std::string user = require_env("RSODBC_TEST_USER");
    const std::string password = require_env("RSODBC_TEST_PASSWORD");
    check(SQLConnect(dbc, sqlc(name), SQL_NTS, sqlc(user), SQL_NTS, sqlc(password), SQL_NTS),
          SQL_HANDLE_DBC, dbc);
    dbc.mark_connected();
    check_usable(dbc);
    const auto who = query_string(dbc, "SELECT current_user");
    REQUIRE(who.has_value());
    CHECK(*who == user);
    dbc.disconnect();
}

TEST_CASE("SQLConnect with the DSN only takes the credentials from odbc.ini") {
    Env env;
    Dbc dbc(env);
    const std::string name = dsn();
    check(SQLConnect(dbc, sqlc(name), SQL_NTS, nullptr, 0, nullptr, 0), SQL_HANDLE_DBC, dbc);
    dbc.mark_connected();
    const auto db = query_string(dbc, "SELECT current_database()");
    REQUIRE(db.has_value());
    CHECK(*db == require_env("RSODBC_TEST_DATABASE"));
    dbc.disconnect();
}

TEST_CASE("SQLConnect with explicit lengths instead of SQL_NTS") {
    Env env;
    Dbc dbc(env);
    const std::string name = dsn() + "garbage-after-the-length";
    check(
        SQLConnect(dbc, sqlc(name), static_cast<SQLSMALLINT>(dsn().size()), nullptr, 0, nullptr, 0),
        SQL_HANDLE_DBC, dbc);
    dbc.mark_connected();
    check_usable(dbc);
}

TEST_CASE("SQLDriverConnect DSN-less returns the completed connection string") {
    const std::string in = conn_str();
    Env env;
    Dbc dbc(env);
    SQLCHAR out[1024] = {};
    SQLSMALLINT out_len = -1;
    const SQLRETURN rc = SQLDriverConnect(dbc, nullptr, sqlc(in), SQL_NTS, out, sizeof out,
                                          &out_len, SQL_DRIVER_NOPROMPT);
    check(rc, SQL_HANDLE_DBC, dbc);
    dbc.mark_connected();
    if (!differential_run()) {
        // No warning expected from our driver. (psqlODBC does not accept SQL_OV_ODBC3_80, so the
        // driver manager adds 01000 "Driver does not support the requested version".)
        CHECK(rc == SQL_SUCCESS);
    }
    const std::string text(reinterpret_cast<char*>(out));
    INFO("out connection string: " << text);
    CHECK(out_len == static_cast<SQLSMALLINT>(text.size()));
    CHECK(contains_nocase(text, require_env("RSODBC_TEST_HOST")));
    CHECK(contains_nocase(text, require_env("RSODBC_TEST_DATABASE")));
    CHECK(contains_nocase(text, require_env("RSODBC_TEST_DRIVER")));
    check_usable(dbc);
    dbc.disconnect();

    SUBCASE("the completed string connects again") {
        Dbc again(env);
        check(SQLDriverConnect(again, nullptr, out, SQL_NTS, nullptr, 0, nullptr,
                               SQL_DRIVER_NOPROMPT),
              SQL_HANDLE_DBC, again);
        again.mark_connected();
        check_usable(again);
    }
}

// ODBC: *StringLength2Ptr is "the total number of characters available to return". psqlODBC
// builds an abbreviated string when the buffer is small and reports that one's length, and the
// driver manager leaves the ANSI buffer empty, so this is one of its deviations.
TEST_CASE("SQLDriverConnect with a too small out buffer: 01004 and the full length"
          * psqlodbc_deviates()) {
    const std::string in = conn_str();
    Env env;

    // The full length first.
    SQLSMALLINT full_len = 0;
    {
        Dbc dbc(env);
        SQLCHAR out[1024] = {};
        check(SQLDriverConnect(dbc, nullptr, sqlc(in), SQL_NTS, out, sizeof out, &full_len,
                               SQL_DRIVER_NOPROMPT),
              SQL_HANDLE_DBC, dbc);
        dbc.mark_connected();
    }
    REQUIRE(full_len > 20);

    Dbc dbc(env);
    SQLCHAR small[16];
    std::memset(small, 'X', sizeof small);
    SQLSMALLINT out_len = -1;
    const SQLRETURN rc = SQLDriverConnect(dbc, nullptr, sqlc(in), SQL_NTS, small, sizeof small,
                                          &out_len, SQL_DRIVER_NOPROMPT);
    INFO(outcome(rc, SQL_HANDLE_DBC, dbc));
    // The connection is made; only the out string is truncated.
    REQUIRE(SQL_SUCCEEDED(rc));
    dbc.mark_connected();
    CHECK(rc == SQL_SUCCESS_WITH_INFO);
    CHECK(has_state(SQL_HANDLE_DBC, dbc, "01004"));
    CHECK(out_len == full_len);
    CHECK(small[sizeof small - 1] == '\0');
    CHECK(std::strlen(reinterpret_cast<char*>(small)) == sizeof small - 1);
    check_usable(dbc);
}

TEST_CASE("SQLDriverConnectW DSN-less, out length in characters") {
    const std::u16string in = utf8_to_utf16(conn_str());
    Env env;
    Dbc dbc(env);
    WStr in_w(in);
    SQLWCHAR out[1024] = {};
    SQLSMALLINT out_len = -1;
    const SQLRETURN rc = SQLDriverConnectW(dbc, nullptr, in_w.get(), SQL_NTS, out, 1024, &out_len,
                                           SQL_DRIVER_NOPROMPT);
    check(rc, SQL_HANDLE_DBC, dbc);
    dbc.mark_connected();
    const std::u16string text = from_sqlw(out);
    INFO("out connection string: " << utf16_to_utf8(text));
    CHECK(out_len == static_cast<SQLSMALLINT>(text.size()));
    CHECK(contains_nocase(utf16_to_utf8(text), require_env("RSODBC_TEST_HOST")));
    CHECK(contains_nocase(utf16_to_utf8(text), require_env("RSODBC_TEST_DATABASE")));
    check_usable(dbc);
}

// Deviation of psqlODBC as for the ANSI form above.
TEST_CASE("SQLDriverConnectW with a too small out buffer: 01004, lengths in characters"
          * psqlodbc_deviates()) {
    WStr in_w(utf8_to_utf16(conn_str()));
    Env env;
    SQLSMALLINT full_len = 0;
    std::u16string full;
    {
        Dbc dbc(env);
        SQLWCHAR out[1024] = {};
        check(SQLDriverConnectW(dbc, nullptr, in_w.get(), SQL_NTS, out, 1024, &full_len,
                                SQL_DRIVER_NOPROMPT),
              SQL_HANDLE_DBC, dbc);
        dbc.mark_connected();
        full = from_sqlw(out);
    }
    REQUIRE(full_len > 20);

    Dbc dbc(env);
    SQLWCHAR small[10];
    SQLSMALLINT small_len = -1;
    const SQLRETURN rc = SQLDriverConnectW(dbc, nullptr, in_w.get(), in_w.length(), small, 10,
                                           &small_len, SQL_DRIVER_NOPROMPT);
    INFO(outcome(rc, SQL_HANDLE_DBC, dbc));
    REQUIRE(SQL_SUCCEEDED(rc));
    dbc.mark_connected();
    CHECK(rc == SQL_SUCCESS_WITH_INFO);
    CHECK(has_state(SQL_HANDLE_DBC, dbc, "01004"));
    CHECK(small_len == full_len);
    CHECK(small[9] == 0);
    CHECK(from_sqlw(small) == full.substr(0, 9));
}

TEST_CASE("SQLConnectW with the DSN") {
    Env env;
    Dbc dbc(env);
    WStr name(utf8_to_utf16(dsn()));
    check(SQLConnectW(dbc, name.get(), SQL_NTS, nullptr, 0, nullptr, 0), SQL_HANDLE_DBC, dbc);
    dbc.mark_connected();
    check_usable(dbc);
}

// ODBC: 28000 "Invalid authorization specification". psqlODBC reports every failed connection as
// 08001, so this is one of its deviations.
TEST_CASE("wrong password: SQL_ERROR with 28000" * psqlodbc_deviates()) {
    // ODBC: the first occurrence of a repeated keyword wins, so the override goes first.
    const std::string in = "PWD=definitely-not-the-password;" + conn_str();
    std::vector<Diag> diags;
    const SQLRETURN rc = try_driver_connect(in, diags);
    INFO(states_of(diags));
    CHECK(rc == SQL_ERROR);
    CHECK(any_state(diags, "28000"));
}

TEST_CASE("wrong password through SQLConnect: SQL_ERROR") {
    Env env;
    Dbc dbc(env);
    const std::string name = dsn();
    const std::string user = require_env("RSODBC_TEST_USER");
    const SQLRETURN rc = SQLConnect(dbc, sqlc(name), SQL_NTS, sqlc(user), SQL_NTS,
                                    sqlc("definitely-not-the-password"), SQL_NTS);
    INFO(outcome(rc, SQL_HANDLE_DBC, dbc));
    CHECK(rc == SQL_ERROR);
    CHECK(!diag_states(SQL_HANDLE_DBC, dbc).empty());
}

TEST_CASE("unreachable server: SQL_ERROR with 08001") {
    const std::string host = require_env("RSODBC_TEST_HOST");
    const std::string in = "Driver={" + require_env("RSODBC_TEST_DRIVER") + "};Server=" + host
                           + ";Port=1;Database=" + require_env("RSODBC_TEST_DATABASE")
                           + ";UID=" + require_env("RSODBC_TEST_USER")
                           + ";PWD=" + require_env("RSODBC_TEST_PASSWORD");
    std::vector<Diag> diags;
    const SQLRETURN rc = try_driver_connect(in, diags);
    INFO(states_of(diags));
    CHECK(rc == SQL_ERROR);
    CHECK(any_state(diags, "08001"));
}

TEST_CASE("unknown DSN: the driver manager answers IM002") {
    Env env;
    Dbc dbc(env);
    const SQLRETURN rc =
        SQLConnect(dbc, sqlc("rsodbc_no_such_dsn_h3"), SQL_NTS, nullptr, 0, nullptr, 0);
    INFO(outcome(rc, SQL_HANDLE_DBC, dbc));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, dbc, "IM002"));
}

TEST_CASE("Port=abc is rejected" * psqlodbc_deviates()) {
    std::vector<Diag> diags;
    const SQLRETURN rc = try_driver_connect("Port=abc;" + conn_str(), diags);
    INFO(states_of(diags));
    CHECK(rc == SQL_ERROR);
    CHECK(!diags.empty());
}

TEST_CASE("ServerFlavor=postgresql and ServerFlavor=redshift are accepted" * only_our_driver()) {
    for (const char* flavor : {"postgresql", "redshift", "PostgreSQL", "Redshift"}) {
        CAPTURE(flavor);
        std::vector<Diag> diags;
        const SQLRETURN rc = try_driver_connect(conn_str() + ";ServerFlavor=" + flavor, diags);
        INFO(states_of(diags));
        CHECK(SQL_SUCCEEDED(rc));
    }
}

TEST_CASE("ServerFlavor=oracle is rejected with a diagnostic naming the key" * only_our_driver()) {
    std::vector<Diag> diags;
    const SQLRETURN rc = try_driver_connect(conn_str() + ";ServerFlavor=oracle", diags);
    INFO(states_of(diags));
    CHECK(rc == SQL_ERROR);
    bool mentions = false;
    for (const Diag& d : diags) {
        mentions = mentions || contains_nocase(d.message, "ServerFlavor");
        CHECK((d.state == "HY024" || d.state == "01S00"));
    }
    CHECK(mentions);
}

TEST_CASE("SQLDisconnect then reconnect on the same handle") {
    Env env;
    Dbc dbc(env);
    dbc.connect();
    check_usable(dbc);
    dbc.disconnect();
    dbc.driver_connect(conn_str());
    check_usable(dbc);
    dbc.disconnect();
}

TEST_CASE("SQLConnect on an already connected handle: 08002") {
    Env env;
    Dbc dbc(env);
    dbc.connect();
    const std::string name = dsn();
    const SQLRETURN rc = SQLConnect(dbc, sqlc(name), SQL_NTS, nullptr, 0, nullptr, 0);
    INFO(outcome(rc, SQL_HANDLE_DBC, dbc));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, dbc, "08002"));
    check_usable(dbc);
}
