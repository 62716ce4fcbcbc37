// SQLSetCursorName / SQLGetCursorName (ODBC Core): generated SQL_CUR names, the application's
// names, uniqueness per connection (3C000), reserved prefixes and length (34000), an open cursor
// (24000), truncation (01004) and the W forms' character counts.
#include "odbc_test.h"

#include <string>

using namespace odbc_test;

namespace {

std::string cursor_name(const Stmt& stmt) {
    SQLCHAR name[256] = {};
    SQLSMALLINT length = 0;
    check(SQLGetCursorName(stmt, name, sizeof name, &length), SQL_HANDLE_STMT, stmt);
    CHECK(length == static_cast<SQLSMALLINT>(std::strlen(reinterpret_cast<char*>(name))));
    return reinterpret_cast<char*>(name);
}

}  // namespace

// psqlODBC neither checks names (3C000, 34000) nor generates SQL_CUR names.
TEST_CASE("SQLGetCursorName: a generated name, unique, stable, prefixed SQL_CUR"
          * psqlodbc_deviates()) {
    Connection c;
    Stmt a(c.dbc);
    Stmt b(c.dbc);
    const std::string first = cursor_name(a);
    CHECK(first.starts_with("SQL_CUR"));
    CHECK(cursor_name(a) == first);
    CHECK(cursor_name(b) != first);
}

// psqlODBC neither checks names (3C000, 34000) nor generates SQL_CUR names.
TEST_CASE("SQLSetCursorName: set, read back, and its rules" * psqlodbc_deviates()) {
    Connection c;
    Stmt a(c.dbc);
    Stmt b(c.dbc);
    check(SQLSetCursorName(a, sqlc("orders_cursor"), SQL_NTS), SQL_HANDLE_STMT, a);
    CHECK(cursor_name(a) == "orders_cursor");
    // Renaming the same statement to its own name is fine; another statement may not take it.
    check(SQLSetCursorName(a, sqlc("orders_cursor"), SQL_NTS), SQL_HANDLE_STMT, a);
    CHECK(SQLSetCursorName(b, sqlc("orders_cursor"), SQL_NTS) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, b, "3C000"));
    CHECK(SQLSetCursorName(b, sqlc("SQL_CUR1"), SQL_NTS) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, b, "34000"));
    CHECK(SQLSetCursorName(b, sqlc("sqlcurx"), SQL_NTS) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, b, "34000"));
    const std::string too_long(200, 'c');
    CHECK(SQLSetCursorName(b, sqlc(too_long), SQL_NTS) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, b, "34000"));
    CHECK(SQLSetCursorName(b, nullptr, SQL_NTS) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, b, "HY009"));
    // A name freed with its statement can be used again.
    {
        Stmt temporary(c.dbc);
        check(SQLSetCursorName(temporary, sqlc("reused"), SQL_NTS), SQL_HANDLE_STMT, temporary);
    }
    check(SQLSetCursorName(b, sqlc("reused"), SQL_NTS), SQL_HANDLE_STMT, b);
}

TEST_CASE("SQLSetCursorName with an open cursor is 24000") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 1");
    CHECK(SQLSetCursorName(stmt, sqlc("late"), SQL_NTS) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "24000"));
    check(SQLCloseCursor(stmt), SQL_HANDLE_STMT, stmt);
    check(SQLSetCursorName(stmt, sqlc("late"), SQL_NTS), SQL_HANDLE_STMT, stmt);
}

TEST_CASE("SQLGetCursorName: truncation and the W form") {
    Connection c;
    Stmt stmt(c.dbc);
    check(SQLSetCursorName(stmt, sqlc("abcdefgh"), SQL_NTS), SQL_HANDLE_STMT, stmt);
    SQLCHAR small[4] = {};
    SQLSMALLINT length = 0;
    CHECK(SQLGetCursorName(stmt, small, sizeof small, &length) == SQL_SUCCESS_WITH_INFO);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "01004"));
    CHECK(length == 8);
    CHECK(std::string(reinterpret_cast<char*>(small)) == "abc");
    WStr wide(u"wide_name");
    check(SQLSetCursorNameW(stmt, wide.get(), SQL_NTS), SQL_HANDLE_STMT, stmt);
    SQLWCHAR out[32] = {};
    check(SQLGetCursorNameW(stmt, out, 32, &length), SQL_HANDLE_STMT, stmt);
    CHECK(length == 9);
    CHECK(from_sqlw(out) == u"wide_name");
}
