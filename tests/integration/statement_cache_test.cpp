// The per-connection statement cache (README, DESIGN.md "supports_statement_cache"): an LRU of
// server-side prepared statements keyed by the final SQL text, shared by the statement handles of a
// connection, sized by StatementCacheSize (0 disables), re-prepared once transparently after a
// schema change. Server-side statements are visible in the session's pg_prepared_statements.
//
// All of it is our driver's design, so every case is only_our_driver().
#include "odbc_test.h"

#include <cstring>
#include <string>

using namespace odbc_test;

namespace {

// Each statement below carries a unique column alias `stc_<tag>_mark`; the counting query builds
// the pattern by concatenation so that its own text never matches.
std::string marked_sql(const std::string& tag) {
    return "SELECT ?::int4 + 1 AS stc_" + tag + "_mark";
}

long server_statements(const Dbc& dbc, const std::string& tag,
                       odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    const auto text = query_string(dbc,
                                   "SELECT count(*) FROM pg_prepared_statements WHERE statement "
                                   "LIKE '%stc_' || '"
                                       + tag + "' || '_mark%'",
                                   where);
    REQUIRE(text.has_value());
    return std::stol(*text);
}

// Prepares (or, with `direct`, executes directly) marked_sql(tag) with `value` bound and returns
// the single result value. The statement stays open on `stmt` (cursor closed).
std::optional<std::string> run_marked(
    const Stmt& stmt, const std::string& tag, SQLINTEGER& value, bool direct = false,
    odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    static SQLLEN ind = 0;
    SQLFreeStmt(stmt, SQL_CLOSE);
    check(
        SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &value, 0, &ind),
        SQL_HANDLE_STMT, stmt, where);
    const std::string sql = marked_sql(tag);
    if (direct) {
        check(SQLExecDirect(stmt, sqlc(sql), SQL_NTS), SQL_HANDLE_STMT, stmt, where);
    } else {
        check(SQLPrepare(stmt, sqlc(sql), SQL_NTS), SQL_HANDLE_STMT, stmt, where);
        check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt, where);
    }
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt, where);
    auto out = fetch_string(stmt, 1, where);
    SQLFreeStmt(stmt, SQL_CLOSE);
    return out;
}

}  // namespace

TEST_CASE("the same SQL prepared on two statement handles is one server statement"
          * only_our_driver()) {
    Connection c;
    Stmt a(c.dbc);
    Stmt b(c.dbc);
    SQLINTEGER va = 41;
    SQLINTEGER vb = 99;
    CHECK(run_marked(a, "two", va) == "42");
    CHECK(run_marked(b, "two", vb) == "100");
    CHECK(server_statements(c.dbc, "two") == 1);

    // Both handles still work, with their own values, and a third through SQLExecDirect shares it.
    CHECK(run_marked(a, "two", vb) == "100");
    Stmt d(c.dbc);
    SQLINTEGER vd = -1;
    CHECK(run_marked(d, "two", vd, true) == "0");
    CHECK(server_statements(c.dbc, "two") == 1);
}

TEST_CASE("a cached statement outlives its handle and is reused by the next one"
          * only_our_driver()) {
    Connection c;
    SQLINTEGER v = 1;
    {
        Stmt a(c.dbc);
        CHECK(run_marked(a, "outlive", v) == "2");
    }
    CHECK(server_statements(c.dbc, "outlive") == 1);
    {
        Stmt b(c.dbc);
        v = 2;
        CHECK(run_marked(b, "outlive", v) == "3");
    }
    CHECK(server_statements(c.dbc, "outlive") == 1);
    // Another connection has its own session and its own cache.
    Connection other;
    CHECK(server_statements(other.dbc, "outlive") == 0);
}

TEST_CASE("StatementCacheSize=0: no server statement lingers once the handle is gone"
          * only_our_driver()) {
    Connection c(conn_str() + ";StatementCacheSize=0");
    SQLINTEGER v = 5;
    {
        Stmt a(c.dbc);
        CHECK(run_marked(a, "nocache", v) == "6");
        Stmt b(c.dbc);
        CHECK(run_marked(b, "nocache", v, true) == "6");
        CHECK(run_marked(b, "nocache", v) == "6");
    }
    CHECK(server_statements(c.dbc, "nocache") == 0);
    CHECK(query_string(c.dbc, "SELECT count(*) FROM pg_prepared_statements") == "0");
}

TEST_CASE("StatementCacheSize=2: three statements leave at most two, evicted ones still work"
          * only_our_driver()) {
    Connection c(conn_str() + ";StatementCacheSize=2");
    SQLINTEGER v = 10;
    for (const char* tag : {"lru1", "lru2", "lru3"}) {
        Stmt s(c.dbc);
        CHECK(run_marked(s, tag, v) == "11");
    }
    const auto total = query_string(c.dbc, "SELECT count(*) FROM pg_prepared_statements");
    REQUIRE(total.has_value());
    CHECK(std::stol(*total) <= 2);
    // Least recently used first out: the newest is still cached.
    CHECK(server_statements(c.dbc, "lru1") == 0);
    CHECK(server_statements(c.dbc, "lru3") == 1);

    // The evicted statement is prepared again when needed.
    {
        Stmt s(c.dbc);
        v = 20;
        CHECK(run_marked(s, "lru1", v) == "21");
    }
    const auto after = query_string(c.dbc, "SELECT count(*) FROM pg_prepared_statements");
    REQUIRE(after.has_value());
    CHECK(std::stol(*after) <= 2);

    // Statements in use on live handles may exceed the cache size but keep working.
    Stmt h1(c.dbc);
    Stmt h2(c.dbc);
    Stmt h3(c.dbc);
    v = 1;
    CHECK(run_marked(h1, "use1", v) == "2");
    CHECK(run_marked(h2, "use2", v) == "2");
    CHECK(run_marked(h3, "use3", v) == "2");
    v = 2;
    check(SQLExecute(h1), SQL_HANDLE_STMT, h1);
    check(SQLFetch(h1), SQL_HANDLE_STMT, h1);
    CHECK(fetch_string(h1, 1) == "3");
    const auto in_use = query_string(c.dbc, "SELECT count(*) FROM pg_prepared_statements");
    REQUIRE(in_use.has_value());
    CHECK(std::stol(*in_use) <= 2 + 3);
}

TEST_CASE("a schema change under a cached SELECT * is handled transparently in autocommit"
          * only_our_driver()) {
    Connection c;
    Connection ddl;
    exec(ddl.dbc, "DROP TABLE IF EXISTS it_stc_schema");
    exec(ddl.dbc, "CREATE TABLE it_stc_schema (a int4)");
    exec(ddl.dbc, "INSERT INTO it_stc_schema VALUES (1), (2)");

    Stmt stmt(c.dbc);
    SQLINTEGER key = 2;
    SQLLEN ind = 0;
    check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &key, 0, &ind),
          SQL_HANDLE_STMT, stmt);
    check(SQLPrepare(stmt, sqlc("SELECT * FROM it_stc_schema WHERE a = ?"), SQL_NTS),
          SQL_HANDLE_STMT, stmt);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 1) == "2");
    check(SQLFreeStmt(stmt, SQL_CLOSE), SQL_HANDLE_STMT, stmt);

    // Another client adds a column: the server would now answer the cached statement with
    // "cached plan must not change result type" (0A000).
    exec(ddl.dbc, "ALTER TABLE it_stc_schema ADD COLUMN b text DEFAULT 'bee'");

    SUBCASE("SQLExecute again on the same handle") {
        const SQLRETURN rc = SQLExecute(stmt);
        INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
        CHECK(rc == SQL_SUCCESS);
        SQLSMALLINT cols = -1;
        check(SQLNumResultCols(stmt, &cols), SQL_HANDLE_STMT, stmt);
        CHECK(cols == 2);
        check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
        CHECK(fetch_string(stmt, 1) == "2");
        CHECK(fetch_string(stmt, 2) == "bee");
    }
    SUBCASE("the same SQL prepared on a new handle (a cache hit)") {
        Stmt again(c.dbc);
        check(SQLBindParameter(again, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &key, 0,
                               &ind),
              SQL_HANDLE_STMT, again);
        check(SQLPrepare(again, sqlc("SELECT * FROM it_stc_schema WHERE a = ?"), SQL_NTS),
              SQL_HANDLE_STMT, again);
        SQLSMALLINT cols = -1;
        check(SQLNumResultCols(again, &cols), SQL_HANDLE_STMT, again);
        CHECK(cols == 2);  // described after the change
        const SQLRETURN rc = SQLExecute(again);
        INFO(outcome(rc, SQL_HANDLE_STMT, again));
        CHECK(rc == SQL_SUCCESS);
        check(SQLFetch(again), SQL_HANDLE_STMT, again);
        CHECK(fetch_string(again, 2) == "bee");
    }
    SUBCASE("a column type change, through SQLExecDirect") {
        exec(ddl.dbc, "ALTER TABLE it_stc_schema ALTER COLUMN a TYPE int8");
        Stmt direct(c.dbc);
        check(SQLBindParameter(direct, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &key, 0,
                               &ind),
              SQL_HANDLE_STMT, direct);
        const SQLRETURN rc =
            SQLExecDirect(direct, sqlc("SELECT * FROM it_stc_schema WHERE a = ?"), SQL_NTS);
        INFO(outcome(rc, SQL_HANDLE_STMT, direct));
        CHECK(rc == SQL_SUCCESS);
        check(SQLFetch(direct), SQL_HANDLE_STMT, direct);
        CHECK(fetch_string(direct, 1) == "2");
        SQLCHAR name[16];
        SQLSMALLINT name_len = 0;
        SQLSMALLINT type = 0;
        SQLULEN size = 0;
        SQLSMALLINT digits = 0;
        SQLSMALLINT nullable = 0;
        check(SQLDescribeCol(direct, 1, name, sizeof name, &name_len, &type, &size, &digits,
                             &nullable),
              SQL_HANDLE_STMT, direct);
        CHECK(type == SQL_BIGINT);
    }
    // Whatever happened, exactly one server statement for this SQL text remains.
    CHECK(query_string(c.dbc,
                       "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE "
                       "'%' || 'it_stc_schema WHERE' || '%'")
          == "1");
}

TEST_CASE("a dropped table under a cached statement gives the server's error, then recovers"
          * only_our_driver()) {
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_stc_drop");
    exec(c.dbc, "CREATE TABLE it_stc_drop (a int4)");
    Stmt stmt(c.dbc);
    SQLINTEGER key = 1;
    SQLLEN ind = 0;
    check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &key, 0, &ind),
          SQL_HANDLE_STMT, stmt);
    check(SQLPrepare(stmt, sqlc("INSERT INTO it_stc_drop (a) VALUES (?)"), SQL_NTS),
          SQL_HANDLE_STMT, stmt);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    exec(c.dbc, "DROP TABLE it_stc_drop");
    const SQLRETURN rc = SQLExecute(stmt);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "42S02"));
    exec(c.dbc, "CREATE TABLE it_stc_drop (a int4)");
    key = 2;
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(query_string(c.dbc, "SELECT string_agg(a::text, ',') FROM it_stc_drop") == "2");
}

// DDL invalidates only what it can affect (sql/ddl_targets.h): creating or dropping a table
// re-prepares the statements naming it and keeps the others; any other DDL re-prepares all.
TEST_CASE("CREATE/DROP TABLE re-prepares only the statements naming the table; ALTER all"
          * only_our_driver()) {
    Connection c;
    const auto name_of = [&](const std::string& like) {
        return query_string(c.dbc,
                            "SELECT string_agg(name, ',') FROM pg_prepared_statements "
                            "WHERE statement LIKE '%' || '"
                                + like + "' || '%'");
    };
    Stmt keep(c.dbc);
    SQLINTEGER v = 1;
    CHECK(run_marked(keep, "ddlkeep", v) == "2");
    const auto kept = name_of("stc_ddlkeep_mark");
    REQUIRE(kept.has_value());

    Stmt insert(c.dbc);
    char text[16] = "7";
    SQLLEN ind = SQL_NTS;
    check(SQLBindParameter(insert, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 15, 0, text,
                           sizeof text, &ind),
          SQL_HANDLE_STMT, insert);
    exec(c.dbc, "CREATE TEMP TABLE it_stc_tmp (a int4)");
    check(SQLExecDirect(insert, sqlc("INSERT INTO it_stc_tmp (a) VALUES (?)"), SQL_NTS),
          SQL_HANDLE_STMT, insert);
    const auto first_insert = name_of("INTO it_stc_tmp (a)");
    REQUIRE(first_insert.has_value());

    // The table again with another column type: the INSERT is prepared afresh (the old statement
    // would parse 'abc' as int4: 22P02), the unrelated statement stays as it was.
    exec(c.dbc, "DROP TABLE it_stc_tmp; CREATE TEMP TABLE it_stc_tmp (a text)");
    std::strcpy(text, "abc");
    check(SQLExecDirect(insert, sqlc("INSERT INTO it_stc_tmp (a) VALUES (?)"), SQL_NTS),
          SQL_HANDLE_STMT, insert);
    CHECK(query_string(c.dbc, "SELECT a FROM it_stc_tmp") == "abc");
    CHECK(name_of("INTO it_stc_tmp (a)") != first_insert);
    CHECK(name_of("stc_ddlkeep_mark") == kept);
    v = 2;
    CHECK(run_marked(keep, "ddlkeep", v) == "3");
    CHECK(name_of("stc_ddlkeep_mark") == kept);

    // Any other DDL may reach statements that do not name its object: all are prepared afresh.
    exec(c.dbc, "ALTER TABLE it_stc_tmp ADD COLUMN b int4");
    CHECK(run_marked(keep, "ddlkeep", v) == "3");
    CHECK(name_of("stc_ddlkeep_mark") != kept);
    CHECK(server_statements(c.dbc, "ddlkeep") == 1);
    exec(c.dbc, "DROP TABLE it_stc_tmp");
}
