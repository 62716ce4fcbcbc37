// Limits and bad input (issue 11, "the suite that would have caught them"): NULL output pointers
// the specification forbids, a 20 MB statement, unpaired surrogates and odd byte lengths through
// the W functions and wide parameters, and every statement attribute and info type code outside
// the valid set. Each call gives a diagnostic with the right SQLSTATE, never a crash, and the
// connection goes on. Parameter-count limits are in limits_test.cpp.
#include "driver_direct.h"
#include "odbc_test.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace odbc_test;  // NOLINT(google-build-using-namespace): test vocabulary

namespace {

// The SQLSTATE of a failed call's first record ("" when there is none).
std::string first_state(SQLSMALLINT type, SQLHANDLE handle) {
    const auto states = diag_states(type, handle);
    return states.empty() ? std::string() : states.front();
}

}  // namespace

TEST_CASE("bad input: NULL pointers the specification forbids are HY009") {
    Connection c;
    Stmt stmt(c.dbc);
    SUBCASE("SQLPrepare without text") {
        CHECK(SQLPrepare(stmt, nullptr, SQL_NTS) == SQL_ERROR);
        CHECK(first_state(SQL_HANDLE_STMT, stmt) == "HY009");
    }
    SUBCASE("SQLNativeSql without input text") {
        SQLCHAR out[32];
        SQLINTEGER len = 0;
        CHECK(SQLNativeSql(c.dbc, nullptr, SQL_NTS, out, sizeof out, &len) == SQL_ERROR);
        CHECK(first_state(SQL_HANDLE_DBC, c.dbc) == "HY009");
    }
    SUBCASE("SQLBindParameter with neither a value nor an indicator pointer") {
        CHECK(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, nullptr, 0,
                               nullptr)
              == SQL_ERROR);
        CHECK(first_state(SQL_HANDLE_STMT, stmt) == "HY009");
    }
    SUBCASE("SQLGetData without a target buffer") {
        check(SQLExecDirect(stmt, sqlc("SELECT 'x'"), SQL_NTS), SQL_HANDLE_STMT, stmt);
        REQUIRE(SQLFetch(stmt) == SQL_SUCCESS);
        SQLLEN indicator = 0;
        CHECK(SQLGetData(stmt, 1, SQL_C_CHAR, nullptr, 10, &indicator) == SQL_ERROR);
        CHECK(first_state(SQL_HANDLE_STMT, stmt) == "HY009");
    }
    SUBCASE("SQLSetCursorName without a name") {
        CHECK(SQLSetCursorName(stmt, nullptr, SQL_NTS) == SQL_ERROR);
        CHECK(first_state(SQL_HANDLE_STMT, stmt) == "HY009");
    }
    // The connection goes on after each.
    CHECK(query_string(c.dbc, "SELECT 1") == "1");
}

TEST_CASE("bad input: NULL pointers the specification allows are fine") {
    Connection c;
    Stmt stmt(c.dbc);
    check(SQLExecDirect(stmt, sqlc("SELECT 'abc' AS name"), SQL_NTS), SQL_HANDLE_STMT, stmt);
    // Every output of SQLDescribeCol and SQLColAttribute may be NULL.
    check(SQLDescribeCol(stmt, 1, nullptr, 0, nullptr, nullptr, nullptr, nullptr, nullptr),
          SQL_HANDLE_STMT, stmt);
    check(SQLColAttribute(stmt, 1, SQL_DESC_NAME, nullptr, 0, nullptr, nullptr), SQL_HANDLE_STMT,
          stmt);
    REQUIRE(SQLFetch(stmt) == SQL_SUCCESS);
    // SQLGetData with no indicator for a non-NULL value.
    SQLCHAR value[8] = {};
    check(SQLGetData(stmt, 1, SQL_C_CHAR, value, sizeof value, nullptr), SQL_HANDLE_STMT, stmt);
    CHECK(std::string(reinterpret_cast<char*>(value)) == "abc");
}

TEST_CASE("limits: a 20 MB statement runs and its text arrives whole" * only_our_driver()) {
    Connection c(conn_str() + ";ServerFlavor=postgresql");
    Stmt stmt(c.dbc);
    const std::size_t size = std::size_t{20} << 20;
    std::string sql = "SELECT length('";
    sql.append(size, 'x');
    sql += "')";
    check(SQLExecDirect(stmt, sqlc(sql), static_cast<SQLINTEGER>(sql.size())), SQL_HANDLE_STMT,
          stmt);
    REQUIRE(SQLFetch(stmt) == SQL_SUCCESS);
    SQLINTEGER length = 0;
    check(SQLGetData(stmt, 1, SQL_C_SLONG, &length, 0, nullptr), SQL_HANDLE_STMT, stmt);
    CHECK(length == static_cast<SQLINTEGER>(size));
}

TEST_CASE("bad input: an unpaired surrogate in SQL text is a clear error" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    for (const char16_t lone : {u'\xD800', u'\xDC00'}) {
        std::u16string text = u"SELECT 'a";
        text += lone;
        text += u"b'";
        WStr sql(text);
        CHECK(SQLExecDirectW(stmt, sql.get(), sql.length()) == SQL_ERROR);
        const std::string state = first_state(SQL_HANDLE_STMT, stmt);
        INFO(diag_text(SQL_HANDLE_STMT, stmt));
        CHECK(state == "22018");
        CHECK(contains_nocase(diag_text(SQL_HANDLE_STMT, stmt), "surrogate"));
    }
    // A lone surrogate as the last unit, where a pair would start.
    WStr tail(u"SELECT 1 --\xD83D");
    CHECK(SQLExecDirectW(stmt, tail.get(), tail.length()) == SQL_ERROR);
    CHECK(first_state(SQL_HANDLE_STMT, stmt) == "22018");
    CHECK(query_string(c.dbc, "SELECT 1") == "1");
}

TEST_CASE("bad input: wide parameters with odd byte lengths or a lone surrogate"
          * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    SQLWCHAR value[4] = {u'a', u'b', u'c', 0};
    SQLLEN length = 5;  // two and a half characters
    check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_WCHAR, SQL_WVARCHAR, 10, 0, value,
                           sizeof value, &length),
          SQL_HANDLE_STMT, stmt);
    SQLRETURN rc = SQLExecDirect(stmt, sqlc("SELECT CAST(? AS text)"), SQL_NTS);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    // Either refused as an invalid length or read as whole characters; never half a character.
    if (rc == SQL_ERROR) {
        const std::string state = first_state(SQL_HANDLE_STMT, stmt);
        CHECK((state == "HY090" || state == "22018"));
    } else {
        REQUIRE(SQL_SUCCEEDED(rc));
        REQUIRE(SQLFetch(stmt) == SQL_SUCCESS);
        const auto text = fetch_string(stmt, 1);
        CHECK((text == "ab" || text == "abc"));
    }
    SQLFreeStmt(stmt, SQL_CLOSE);
    value[1] = 0xDC00;  // a low surrogate alone
    length = SQL_NTS;
    rc = SQLExecDirect(stmt, sqlc("SELECT CAST(? AS text)"), SQL_NTS);
    CHECK(rc == SQL_ERROR);
    CHECK(first_state(SQL_HANDLE_STMT, stmt) == "22018");
    CHECK(query_string(c.dbc, "SELECT 1") == "1");
}

// Codes outside every set ODBC and the driver define: HY092 for attributes (HY024 would be a bad
// value of a valid one), HY096 for info types. No crash, no success with garbage.
TEST_CASE("bad input: statement attributes outside the valid set are HY092" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    const std::vector<SQLINTEGER> codes = {-100,  -3,    35,    99,    1000,  1234,  9999,
                                           10000, 10020, 10100, 16383, 20000, 65535, 987654};
    int tried = 0;
    for (const SQLINTEGER code : codes) {
        CAPTURE(code);
        SQLULEN value = 0;
        SQLINTEGER length = 0;
        SQLRETURN rc = SQLGetStmtAttr(stmt, code, &value, sizeof value, &length);
        CHECK(rc == SQL_ERROR);
        CHECK(first_state(SQL_HANDLE_STMT, stmt) == "HY092");
        rc = SQLSetStmtAttr(stmt, code, reinterpret_cast<SQLPOINTER>(1), 0);
        CHECK(rc == SQL_ERROR);
        CHECK(first_state(SQL_HANDLE_STMT, stmt) == "HY092");
        ++tried;
    }
    MESSAGE(tried << " invalid statement attribute codes tried, get and set");
    CHECK(query_string(c.dbc, "SELECT 1") == "1");
}

TEST_CASE("bad input: info types outside the valid set are HY096" * psqlodbc_deviates()) {
    Connection c;
    const std::vector<SQLUSMALLINT> codes = {200,   999,   1000,  1999, 9999,
                                             10100, 20000, 31999, 65535};
    for (const SQLUSMALLINT code : codes) {
        CAPTURE(code);
        char buffer[256];
        SQLSMALLINT length = 0;
        const SQLRETURN rc = SQLGetInfo(c.dbc, code, buffer, sizeof buffer, &length);
        CHECK(rc == SQL_ERROR);
        CHECK(first_state(SQL_HANDLE_DBC, c.dbc) == "HY096");
    }
    CHECK(query_string(c.dbc, "SELECT 1") == "1");
}

// SQLFreeHandle refused by the driver itself (unixODBC refuses these from its own state first, so
// the driver's entry point is called): HY010, the handle still alive and usable, its record
// readable, and the free succeeding once the sequence is right.
TEST_CASE("bad input: SQLFreeHandle out of sequence is HY010 and frees nothing"
          * only_our_driver()) {
    Connection c;
    auto* free_handle = driver_function<decltype(SQLFreeHandle)>("SQLFreeHandle");
    const SQLHANDLE driver_dbc = driver_handle_of(c.dbc, SQL_DRIVER_HDBC, c.dbc);
    const SQLHANDLE driver_env = driver_handle_of(c.dbc, SQL_DRIVER_HENV, c.env);
    CHECK(free_handle(SQL_HANDLE_DBC, driver_dbc) == SQL_ERROR);  // still connected
    CHECK(driver_states(SQL_HANDLE_DBC, driver_dbc) == std::vector<std::string>{"HY010"});
    CHECK(free_handle(SQL_HANDLE_ENV, driver_env) == SQL_ERROR);  // a connection remains
    CHECK(driver_states(SQL_HANDLE_ENV, driver_env) == std::vector<std::string>{"HY010"});
    CHECK(query_string(c.dbc, "SELECT 1") == "1");
    CHECK(free_handle(SQL_HANDLE_STMT, nullptr) == SQL_INVALID_HANDLE);
    CHECK(free_handle(SQL_HANDLE_DBC, driver_env) == SQL_INVALID_HANDLE);  // wrong handle type
}
