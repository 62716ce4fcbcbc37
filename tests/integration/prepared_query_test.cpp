// A prepared query without parameters runs as a plain query the first time and through a
// server-side prepared statement (the statement cache) from its second execution on, so the server
// parses and plans it once (exec::choose, Path::prepared*). Our driver's design: only_our_driver().
#include "odbc_test.h"

#include <string>

using namespace odbc_test;

namespace {

long prepared_on_server(const Dbc& dbc, const std::string& mark) {
    const auto text = query_string(
        dbc, "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%' || '" + mark
                 + "' || '%'");
    REQUIRE(text.has_value());
    return std::stol(*text);
}

std::string execute_one_value(const Stmt& stmt) {
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    const auto value = fetch_string(stmt, 1);
    REQUIRE(value.has_value());
    CHECK(SQLFetch(stmt) == SQL_NO_DATA);
    SQLFreeStmt(stmt, SQL_CLOSE);
    return *value;
}

}  // namespace

TEST_CASE("a prepared query without parameters is prepared on the server from its second run"
          * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    check(SQLPrepare(stmt, sqlc("SELECT 41 + 1 AS pq_first_mark"), SQL_NTS), SQL_HANDLE_STMT, stmt);
    CHECK(execute_one_value(stmt) == "42");
    CHECK(prepared_on_server(c.dbc,
                             "pq_first"
                             "_mark")
          == 0);  // one round trip, as ExecDirect
    for (int i = 0; i < 5; ++i) {
        CHECK(execute_one_value(stmt) == "42");
    }
    CHECK(prepared_on_server(c.dbc,
                             "pq_first"
                             "_mark")
          == 1);
}

TEST_CASE("a prepared query keeps up with a table that changes under it" * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "CREATE TEMP TABLE pq_changing (a int)");
    exec(stmt, "INSERT INTO pq_changing VALUES (7)");
    check(SQLPrepare(stmt, sqlc("SELECT * FROM pq_changing"), SQL_NTS), SQL_HANDLE_STMT, stmt);
    CHECK(execute_one_value(stmt) == "7");
    CHECK(execute_one_value(stmt) == "7");
    Stmt other(c.dbc);
    exec(other, "ALTER TABLE pq_changing ALTER COLUMN a TYPE text USING 'x' || a");
    CHECK(execute_one_value(stmt) == "x7");
    SQLSMALLINT columns = 0;
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    check(SQLNumResultCols(stmt, &columns), SQL_HANDLE_STMT, stmt);
    CHECK(columns == 1);
    SQLFreeStmt(stmt, SQL_CLOSE);
}

TEST_CASE("with StatementCacheSize=0 and for static cursors a prepared query still runs"
          * only_our_driver()) {
    SUBCASE("StatementCacheSize=0") {
        Connection c(conn_str() + ";StatementCacheSize=0");
        Stmt stmt(c.dbc);
        check(SQLPrepare(stmt, sqlc("SELECT 'pq_nocache' || '_mark2'"), SQL_NTS), SQL_HANDLE_STMT,
              stmt);
        for (int i = 0; i < 3; ++i) {
            CHECK(execute_one_value(stmt) == "pq_nocache_mark2");
        }
        CHECK(prepared_on_server(c.dbc, "pq_nocache' || '_mark2") == 0);
    }
    SUBCASE("a static cursor reads the result whole and scrolls") {
        Connection c;
        Stmt stmt(c.dbc);
        check(SQLSetStmtAttr(stmt, SQL_ATTR_CURSOR_TYPE,
                             reinterpret_cast<SQLPOINTER>(SQL_CURSOR_STATIC), 0),
              SQL_HANDLE_STMT, stmt);
        check(SQLPrepare(stmt, sqlc("SELECT generate_series(1, 3)"), SQL_NTS), SQL_HANDLE_STMT,
              stmt);
        for (int i = 0; i < 3; ++i) {
            check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
            SQLLEN rows = 0;
            check(SQLRowCount(stmt, &rows), SQL_HANDLE_STMT, stmt);
            CHECK(rows == 3);
            check(SQLFetchScroll(stmt, SQL_FETCH_LAST, 0), SQL_HANDLE_STMT, stmt);
            CHECK(fetch_string(stmt, 1) == "3");
            SQLFreeStmt(stmt, SQL_CLOSE);
        }
    }
}
