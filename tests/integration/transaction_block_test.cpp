// Manual-commit mode and statements that cannot run in a transaction block (issue 13 item 5):
// VACUUM and CREATE INDEX CONCURRENTLY run without BEGIN when no transaction is open; with one
// open they are refused (25000) before anything is sent, and the open transaction's work stays.
#include "odbc_test.h"

using namespace odbc_test;

namespace {

void manual_commit(const Dbc& dbc) {
    check(SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT,
                            reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), 0),
          SQL_HANDLE_DBC, dbc);
}

void commit(const Dbc& dbc) {
    check(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT), SQL_HANDLE_DBC, dbc);
}

}  // namespace

// psqlODBC runs only VACUUM outside a transaction, and sends it inside an open one.
TEST_CASE("manual commit: VACUUM and CREATE INDEX CONCURRENTLY run outside a transaction"
          * psqlodbc_deviates()) {
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_txblock");
    exec(c.dbc, "CREATE TABLE it_txblock (a int)");
    manual_commit(c.dbc);
    exec(c.dbc, "VACUUM it_txblock");
    exec(c.dbc, "vacuum analyze it_txblock;");
    exec(c.dbc, "CREATE INDEX CONCURRENTLY it_txblock_a ON it_txblock (a)");
    exec(c.dbc, "DROP INDEX CONCURRENTLY it_txblock_a");
    // The next ordinary statement opens a transaction again: a rollback undoes it.
    exec(c.dbc, "INSERT INTO it_txblock VALUES (1)");
    check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_ROLLBACK), SQL_HANDLE_DBC, c.dbc);
    CHECK(count_rows(c.dbc, "it_txblock") == 0);
    commit(c.dbc);
    exec(c.dbc, "DROP TABLE it_txblock");
    commit(c.dbc);
}

// psqlODBC runs only VACUUM outside a transaction, and sends it inside an open one.
TEST_CASE("manual commit: VACUUM with an open transaction is 25000, and the work stays"
          * psqlodbc_deviates()) {
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_txblock2");
    exec(c.dbc, "CREATE TABLE it_txblock2 (a int)");
    manual_commit(c.dbc);
    exec(c.dbc, "INSERT INTO it_txblock2 VALUES (1)");
    Stmt stmt(c.dbc);
    const SQLRETURN rc = SQLExecDirect(stmt, sqlc("VACUUM it_txblock2"), SQL_NTS);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "25000"));
    commit(c.dbc);
    CHECK(count_rows(c.dbc, "it_txblock2") == 1);
    commit(c.dbc);
    exec(stmt, "VACUUM it_txblock2");  // nothing open now
    exec(c.dbc, "DROP TABLE it_txblock2");
    commit(c.dbc);
}
