// Compatibility keywords seen through SQLDescribeCol, and the values that go with them.
#include "odbc_test.h"

#include <doctest/doctest.h>

#include <string>

using namespace odbc_test;  // NOLINT(google-build-using-namespace): test vocabulary

namespace {

SQLSMALLINT described_type(const Stmt& stmt, SQLUSMALLINT column) {
    SQLSMALLINT type = 0;
    check(SQLDescribeCol(stmt, column, nullptr, 0, nullptr, &type, nullptr, nullptr, nullptr),
          SQL_HANDLE_STMT, stmt);
    return type;
}

}  // namespace

TEST_CASE("BoolsAsChar=1: booleans are SQL_VARCHAR holding 1 and 0" * only_our_driver()) {
    Connection c(conn_str() + ";BoolsAsChar=1");
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT true, false");
    CHECK(described_type(stmt, 1) == SQL_VARCHAR);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 1) == "1");
    CHECK(fetch_string(stmt, 2) == "0");
}

TEST_CASE("TextAsLongVarchar and UseUnicode change only the reported type" * only_our_driver()) {
    Connection c(conn_str() + ";TextAsLongVarchar=1;UseUnicode=1");
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 'abc'::text, 'd'::varchar(5), 42");
    CHECK(described_type(stmt, 1) == SQL_WLONGVARCHAR);
    CHECK(described_type(stmt, 2) == SQL_WVARCHAR);
    CHECK(described_type(stmt, 3) == SQL_INTEGER);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 1) == "abc");
}

TEST_CASE("a bad value for a compatibility keyword fails the connection" * only_our_driver()) {
    Env env;
    Dbc dbc(env);
    const std::string in = "BoolsAsChar=yes;" + conn_str();
    const SQLRETURN rc =
        SQLDriverConnect(dbc, nullptr, sqlc(in), SQL_NTS, nullptr, 0, nullptr, SQL_DRIVER_NOPROMPT);
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, dbc, "HY024"));
}
