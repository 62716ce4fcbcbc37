// A statement's SQL text is scanned once, when SQLPrepare or SQLExecDirect receives it
// (sql::AnalysedStatement), and never again per execution: the driver counts its scanner's passes
// and reports them as SQL_ATTR_RSODBC_TEXT_SCANS. Every execution path is covered: simple query,
// streamed rows, one parameter set, a server cursor, parameter arrays (rewritten INSERT and one
// set per statement), data at execution and manual-commit statements.
#include "odbc_test.h"

#include <redshift_odbc.h>
#include <string>
#include <vector>

using namespace odbc_test;

namespace {

SQLULEN text_scans(const Stmt& stmt,
                   odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    SQLULEN scans = 0;
    check(SQLGetStmtAttr(stmt, SQL_ATTR_RSODBC_TEXT_SCANS, &scans, 0, nullptr), SQL_HANDLE_STMT,
          stmt, where);
    return scans;
}

void prepare(const Stmt& stmt, const std::string& sql,
             odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    check(SQLPrepare(stmt, sqlc(sql), SQL_NTS), SQL_HANDLE_STMT, stmt, where);
}

// SQLExecute, then every row read, then the cursor closed.
void execute_and_drain(const Stmt& stmt,
                       odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    const SQLRETURN rc = SQLExecute(stmt);
    if (rc != SQL_NO_DATA) {
        check(rc, SQL_HANDLE_STMT, stmt, where);
    }
    SQLSMALLINT columns = 0;
    check(SQLNumResultCols(stmt, &columns), SQL_HANDLE_STMT, stmt, where);
    if (columns > 0) {
        while (SQL_SUCCEEDED(SQLFetch(stmt))) {
        }
    }
    SQLFreeStmt(stmt, SQL_CLOSE);
}

}  // namespace

TEST_CASE("a prepared statement's text is scanned at SQLPrepare only, not per SQLExecute"
          * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    CHECK(text_scans(stmt) == 0);

    SUBCASE("without parameters: streamed rows") {
        prepare(stmt, "SELECT 1");
        CHECK(text_scans(stmt) == 1);
        for (int i = 0; i < 20; ++i) {
            execute_and_drain(stmt);
        }
        CHECK(text_scans(stmt) == 1);
    }
    SUBCASE("one parameter set") {
        SQLINTEGER value = 41;
        SQLLEN indicator = 0;
        check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &value, 0,
                               &indicator),
              SQL_HANDLE_STMT, stmt);
        prepare(stmt, "SELECT ?::int4 + 1 AS scans_next");
        CHECK(text_scans(stmt) == 1);
        for (int i = 0; i < 20; ++i) {
            execute_and_drain(stmt);
        }
        CHECK(text_scans(stmt) == 1);
        // Describing parameters reads the same analysis.
        SQLSMALLINT count = 0;
        check(SQLNumParams(stmt, &count), SQL_HANDLE_STMT, stmt);
        CHECK(count == 1);
        CHECK(text_scans(stmt) == 1);
    }
    SUBCASE("a command, read whole") {
        exec(stmt, "CREATE TEMP TABLE scans_t (a int)");
        const SQLULEN before = text_scans(stmt);
        prepare(stmt, "UPDATE scans_t SET a = a + 1");
        CHECK(text_scans(stmt) == before + 1);
        for (int i = 0; i < 10; ++i) {
            execute_and_drain(stmt);
        }
        CHECK(text_scans(stmt) == before + 1);
    }
    SUBCASE("escapes are translated at SQLPrepare too") {
        prepare(stmt, "SELECT {fn UCASE('a')}, {d '2024-01-02'}");
        const SQLULEN prepared = text_scans(stmt);
        CHECK(prepared >= 2);  // the application's text and the translation
        for (int i = 0; i < 10; ++i) {
            execute_and_drain(stmt);
        }
        CHECK(text_scans(stmt) == prepared);
    }
}

TEST_CASE("SQLExecDirect scans its text once" * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    for (int i = 1; i <= 10; ++i) {
        exec(stmt, "SELECT 1");
        CHECK(text_scans(stmt) == static_cast<SQLULEN>(i));
    }
    exec(stmt, "CREATE TEMP TABLE scans_direct (a int)");
    CHECK(text_scans(stmt) == 11);
    exec(stmt, "INSERT INTO scans_direct VALUES (1)");
    CHECK(text_scans(stmt) == 12);
}

TEST_CASE(
    "parameter arrays, data at execution, a server cursor and manual commit scan nothing "
    "per execution"
    * only_our_driver()) {
    SUBCASE("a parameter array of a rewritten INSERT and of an UPDATE") {
        Connection c;
        Stmt stmt(c.dbc);
        exec(stmt, "CREATE TEMP TABLE scans_array (a int)");
        std::vector<SQLINTEGER> values{1, 2, 3, 4, 5};
        std::vector<SQLLEN> indicators(values.size(), 0);
        check(SQLSetStmtAttr(stmt, SQL_ATTR_PARAMSET_SIZE,
                             reinterpret_cast<SQLPOINTER>(values.size()), 0),
              SQL_HANDLE_STMT, stmt);
        check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0,
                               values.data(), 0, indicators.data()),
              SQL_HANDLE_STMT, stmt);
        for (const char* sql : {"INSERT INTO scans_array (a) VALUES (?)",
                                "UPDATE scans_array SET a = a WHERE a = ?"}) {
            CAPTURE(sql);
            const SQLULEN before = text_scans(stmt);
            prepare(stmt, sql);
            for (int i = 0; i < 5; ++i) {
                execute_and_drain(stmt);
            }
            CHECK(text_scans(stmt) == before + 1);
        }
        CHECK(query_string(c.dbc, "SELECT count(*) FROM scans_array") == "25");
    }
    SUBCASE("data at execution") {
        Connection c;
        Stmt stmt(c.dbc);
        SQLLEN length = SQL_DATA_AT_EXEC;
        check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 10, 0,
                               reinterpret_cast<SQLPOINTER>(1), 0, &length),
              SQL_HANDLE_STMT, stmt);
        prepare(stmt, "SELECT ?::text || 'b'");
        for (int i = 0; i < 3; ++i) {
            REQUIRE(SQLExecute(stmt) == SQL_NEED_DATA);
            SQLPOINTER token = nullptr;
            REQUIRE(SQLParamData(stmt, &token) == SQL_NEED_DATA);
            check(SQLPutData(stmt, const_cast<char*>("a"), 1), SQL_HANDLE_STMT, stmt);
            check(SQLParamData(stmt, &token), SQL_HANDLE_STMT, stmt);
            check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
            CHECK(fetch_string(stmt, 1) == "ab");
            SQLFreeStmt(stmt, SQL_CLOSE);
        }
        CHECK(text_scans(stmt) == 1);
    }
    SUBCASE("UseDeclareFetch") {
        Connection c(conn_str() + ";UseDeclareFetch=1;Fetch=2");
        Stmt stmt(c.dbc);
        prepare(stmt, "SELECT generate_series(1, 5)");
        for (int i = 0; i < 5; ++i) {
            execute_and_drain(stmt);
        }
        CHECK(text_scans(stmt) == 1);
    }
    SUBCASE("manual commit, a statement that runs outside a transaction block") {
        Connection c;
        check(SQLSetConnectAttr(c.dbc, SQL_ATTR_AUTOCOMMIT,
                                reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), 0),
              SQL_HANDLE_DBC, c.dbc);
        Stmt stmt(c.dbc);
        exec(stmt, "CREATE TABLE IF NOT EXISTS scans_vacuum (a int)");
        check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_COMMIT), SQL_HANDLE_DBC, c.dbc);
        const SQLULEN before = text_scans(stmt);
        prepare(stmt, "VACUUM scans_vacuum");
        for (int i = 0; i < 3; ++i) {
            execute_and_drain(stmt);
        }
        CHECK(text_scans(stmt) == before + 1);
        exec(stmt, "DROP TABLE scans_vacuum");
        check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_COMMIT), SQL_HANDLE_DBC, c.dbc);
    }
}
