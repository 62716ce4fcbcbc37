// TransactionErrorBehavior: what a failed statement does to a manual-commit transaction.
// 1 (default) rolls the transaction back and says so, 0 keeps PostgreSQL's aborted transaction,
// 2 rolls back only the failed statement (PostgreSQL; refused on Redshift).
#include "odbc_test.h"

#include <algorithm>
#include <string>
#include <vector>

using namespace odbc_test;

namespace {

void manual_commit(const Dbc& dbc) {
    check(SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT,
                            reinterpret_cast<SQLPOINTER>(static_cast<SQLULEN>(SQL_AUTOCOMMIT_OFF)),
                            SQL_IS_UINTEGER),
          SQL_HANDLE_DBC, dbc);
}

SQLRETURN commit(const Dbc& dbc) {
    return SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT);
}

// Runs `sql`, which must fail; returns its diagnostic records.
std::vector<Diag> failing(const Dbc& dbc, const std::string& sql) {
    Stmt stmt(dbc);
    const SQLRETURN rc = SQLExecDirect(stmt, sqlc(sql), SQL_NTS);
    CHECK(rc == SQL_ERROR);
    return diagnostics(SQL_HANDLE_STMT, stmt);
}

std::string states(const std::vector<Diag>& diags) {
    std::string out;
    for (const Diag& d : diags) {
        out += d.state + " " + d.message + "\n";
    }
    return out;
}

bool table_exists(const Dbc& dbc, const std::string& name) {
    return query_string(
               dbc, "SELECT count(*) FROM pg_catalog.pg_tables WHERE tablename = '" + name + "'")
           == "1";
}

}  // namespace

// The pyodbc clean-up loop of issue 13: `for t in tables: try: drop; commit; except: pass`.
TEST_CASE("TransactionErrorBehavior default: a failed drop does not stop the clean-up loop") {
    Connection setup;
    exec(setup.dbc, "DROP TABLE IF EXISTS it_teb_t1");
    exec(setup.dbc, "DROP TABLE IF EXISTS it_teb_t2");
    exec(setup.dbc, "DROP TABLE IF EXISTS it_teb_missing");
    exec(setup.dbc, "CREATE TABLE it_teb_t1 (i int)");
    exec(setup.dbc, "CREATE TABLE it_teb_t2 (i int)");

    Connection c;
    manual_commit(c.dbc);
    for (const char* table : {"it_teb_missing", "it_teb_t1", "it_teb_t2"}) {
        Stmt stmt(c.dbc);
        if (SQL_SUCCEEDED(SQLExecDirect(stmt, sqlc(std::string("DROP TABLE ") + table), SQL_NTS))) {
            CHECK(SQL_SUCCEEDED(commit(c.dbc)));
        }
    }
    CHECK_FALSE(table_exists(setup.dbc, "it_teb_t1"));
    CHECK_FALSE(table_exists(setup.dbc, "it_teb_t2"));
}

// Differential: psqlODBC passes the server's 23505 through instead of ODBC's 23000.
TEST_CASE("TransactionErrorBehavior=1: the failing call says the transaction was rolled back"
          * psqlodbc_deviates()) {
    Connection setup;
    exec(setup.dbc, "DROP TABLE IF EXISTS it_teb_one");
    exec(setup.dbc, "CREATE TABLE it_teb_one (i int PRIMARY KEY)");
    for (const std::string extra : {"", ";TransactionErrorBehavior=1", ";TEB=1"}) {
        CAPTURE(extra);
        exec(setup.dbc, "DELETE FROM it_teb_one");
        Connection c(conn_str() + extra);
        manual_commit(c.dbc);
        exec(c.dbc, "INSERT INTO it_teb_one VALUES (1)");
        const std::vector<Diag> diags = failing(c.dbc, "INSERT INTO it_teb_one VALUES (1)");
        INFO(states(diags));
        REQUIRE_FALSE(diags.empty());
        CHECK(diags[0].state == "23000");  // the server's error first
        if (!differential_run()) {
            REQUIRE(diags.size() == 2);
            CHECK(diags[1].state == "25S03");
            CHECK(contains_nocase(diags[1].message, "rolled back"));
        }
        // The next statement runs in a new transaction: no 25P02.
        exec(c.dbc, "INSERT INTO it_teb_one VALUES (2)");
        CHECK(SQL_SUCCEEDED(commit(c.dbc)));
        // The first insert went with the rolled-back transaction.
        CHECK(query_string(setup.dbc, "SELECT string_agg(i::text, ',') FROM it_teb_one") == "2");
    }
}

TEST_CASE("TransactionErrorBehavior=0: PostgreSQL's aborted transaction, 25S03 on commit"
          * only_our_driver()) {
    Connection setup;
    exec(setup.dbc, "DROP TABLE IF EXISTS it_teb_zero");
    exec(setup.dbc, "CREATE TABLE it_teb_zero (i int)");
    Connection c(conn_str() + ";TransactionErrorBehavior=0");
    manual_commit(c.dbc);
    exec(c.dbc, "INSERT INTO it_teb_zero VALUES (1)");
    const std::vector<Diag> diags = failing(c.dbc, "SELECT * FROM it_teb_no_such_table");
    INFO(states(diags));
    CHECK(diags.size() == 1);
    const std::vector<Diag> next = failing(c.dbc, "INSERT INTO it_teb_zero VALUES (2)");
    REQUIRE_FALSE(next.empty());
    CHECK(next[0].state == "25000");  // server 25P02: in failed transaction
    CHECK(commit(c.dbc) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, c.dbc, "25S03"));
    CHECK(count_rows(setup.dbc, "it_teb_zero") == 0);
}

TEST_CASE("TransactionErrorBehavior=2: only the failed statement is rolled back"
          * only_our_driver()) {
    Connection setup;
    exec(setup.dbc, "DROP TABLE IF EXISTS it_teb_two");
    exec(setup.dbc, "CREATE TABLE it_teb_two (i int PRIMARY KEY)");
    Connection c(conn_str() + ";TEB=2");
    manual_commit(c.dbc);
    exec(c.dbc, "INSERT INTO it_teb_two VALUES (1)");
    const std::vector<Diag> diags = failing(c.dbc, "INSERT INTO it_teb_two VALUES (1)");
    INFO(states(diags));
    REQUIRE(diags.size() == 2);
    CHECK(diags[0].state == "23000");
    CHECK(contains_nocase(diags[1].message, "failed statement was rolled back"));
    // A query failing while its rows stream, then a parameter array that fails part-way.
    failing(c.dbc, "SELECT 1 / (i - 1) FROM it_teb_two");
    exec(c.dbc, "INSERT INTO it_teb_two VALUES (2)");
    {
        Stmt stmt(c.dbc);
        SQLINTEGER values[3] = {3, 2, 4};
        SQLUSMALLINT status[3] = {};
        check(SQLSetStmtAttr(stmt, SQL_ATTR_PARAMSET_SIZE, reinterpret_cast<SQLPOINTER>(3), 0),
              SQL_HANDLE_STMT, stmt);
        check(SQLSetStmtAttr(stmt, SQL_ATTR_PARAM_STATUS_PTR, status, 0), SQL_HANDLE_STMT, stmt);
        check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, values, 0,
                               nullptr),
              SQL_HANDLE_STMT, stmt);
        CHECK(SQLExecDirect(stmt, sqlc("INSERT INTO it_teb_two VALUES (?)"), SQL_NTS) == SQL_ERROR);
        CHECK(std::none_of(std::begin(status), std::end(status),
                           [](SQLUSMALLINT s) { return s == SQL_PARAM_SUCCESS; }));
    }
    CHECK(SQL_SUCCEEDED(commit(c.dbc)));
    CHECK(query_string(setup.dbc, "SELECT string_agg(i::text, ',' ORDER BY i) FROM it_teb_two")
          == "1,2");
    // Many statements in one transaction: each savepoint is released by the next.
    for (int i = 10; i < 200; ++i) {
        exec(c.dbc, "INSERT INTO it_teb_two VALUES (" + std::to_string(i) + ")");
    }
    CHECK(SQL_SUCCEEDED(commit(c.dbc)));
    CHECK(count_rows(setup.dbc, "it_teb_two") == 192);
}

TEST_CASE("TransactionErrorBehavior=2 is refused at connect on Redshift" * only_our_driver()) {
    Env env;
    Dbc dbc(env);
    const std::string text = conn_str() + ";ServerFlavor=redshift;TransactionErrorBehavior=2";
    CHECK(SQLDriverConnect(dbc, nullptr, sqlc(text), SQL_NTS, nullptr, 0, nullptr,
                           SQL_DRIVER_NOPROMPT)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, dbc, "HY024"));
    CHECK(contains_nocase(diag_text(SQL_HANDLE_DBC, dbc), "savepoint"));
    CHECK(SQLDriverConnect(dbc, nullptr, sqlc(text + "x"), SQL_NTS, nullptr, 0, nullptr,
                           SQL_DRIVER_NOPROMPT)
          == SQL_ERROR);  // 2x is not a value
}

TEST_CASE("TransactionErrorBehavior=1: a parameter array failing in a manual transaction"
          * only_our_driver()) {
    Connection setup;
    exec(setup.dbc, "DROP TABLE IF EXISTS it_teb_array");
    exec(setup.dbc, "CREATE TABLE it_teb_array (i int PRIMARY KEY)");
    Connection c;
    manual_commit(c.dbc);
    exec(c.dbc, "INSERT INTO it_teb_array VALUES (100)");
    Stmt stmt(c.dbc);
    SQLINTEGER values[4] = {1, 2, 2, 3};
    SQLUSMALLINT status[4] = {};
    check(SQLSetStmtAttr(stmt, SQL_ATTR_PARAMSET_SIZE, reinterpret_cast<SQLPOINTER>(4), 0),
          SQL_HANDLE_STMT, stmt);
    check(SQLSetStmtAttr(stmt, SQL_ATTR_PARAM_STATUS_PTR, status, 0), SQL_HANDLE_STMT, stmt);
    check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, values, 0,
                           nullptr),
          SQL_HANDLE_STMT, stmt);
    CHECK(SQLExecDirect(stmt, sqlc("INSERT INTO it_teb_array VALUES (?)"), SQL_NTS) == SQL_ERROR);
    const std::string text = diag_text(SQL_HANDLE_STMT, stmt);
    INFO(text);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "25S03"));
    CHECK_FALSE(contains_nocase(text, "until it is rolled back"));
    // Nothing is reported as applied that was not.
    CHECK(std::none_of(std::begin(status), std::end(status),
                       [](SQLUSMALLINT s) { return s == SQL_PARAM_SUCCESS; }));
    exec(c.dbc, "INSERT INTO it_teb_array VALUES (7)");
    CHECK(SQL_SUCCEEDED(commit(c.dbc)));
    CHECK(query_string(setup.dbc, "SELECT string_agg(i::text, ',') FROM it_teb_array") == "7");
}
