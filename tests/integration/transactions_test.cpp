// Transactions: SQL_ATTR_AUTOCOMMIT, SQLEndTran commit/rollback seen from a second connection,
// errors inside a manual transaction.
#include "odbc_test.h"

#include <string>

using namespace odbc_test;

namespace {

void set_autocommit(const Dbc& dbc, SQLULEN value) {
    check(SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, reinterpret_cast<SQLPOINTER>(value),
                            SQL_IS_UINTEGER),
          SQL_HANDLE_DBC, dbc);
}

SQLUINTEGER get_autocommit(const Dbc& dbc) {
    SQLUINTEGER value = 12345;
    check(SQLGetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, &value, SQL_IS_UINTEGER, nullptr),
          SQL_HANDLE_DBC, dbc);
    return value;
}

}  // namespace

TEST_CASE("SQL_ATTR_AUTOCOMMIT: on by default, reads back what was set") {
    Connection c;
    CHECK(get_autocommit(c.dbc) == SQL_AUTOCOMMIT_ON);
    set_autocommit(c.dbc, SQL_AUTOCOMMIT_OFF);
    CHECK(get_autocommit(c.dbc) == SQL_AUTOCOMMIT_OFF);
    set_autocommit(c.dbc, SQL_AUTOCOMMIT_ON);
    CHECK(get_autocommit(c.dbc) == SQL_AUTOCOMMIT_ON);
}

TEST_CASE("autocommit off + insert + rollback: the row is gone for both connections") {
    Connection a;
    Connection b;
    exec(a.dbc, "DROP TABLE IF EXISTS it_tx_rollback");
    exec(a.dbc, "CREATE TABLE it_tx_rollback (id int4)");

    set_autocommit(a.dbc, SQL_AUTOCOMMIT_OFF);
    exec(a.dbc, "INSERT INTO it_tx_rollback VALUES (1)");
    CHECK(count_rows(a.dbc, "it_tx_rollback") == 1);  // visible inside the transaction
    CHECK(count_rows(b.dbc, "it_tx_rollback") == 0);  // not outside it
    check(SQLEndTran(SQL_HANDLE_DBC, a.dbc, SQL_ROLLBACK), SQL_HANDLE_DBC, a.dbc);

    CHECK(count_rows(b.dbc, "it_tx_rollback") == 0);
    CHECK(count_rows(a.dbc, "it_tx_rollback") == 0);
    check(SQLEndTran(SQL_HANDLE_DBC, a.dbc, SQL_COMMIT), SQL_HANDLE_DBC, a.dbc);
}

TEST_CASE("autocommit off + insert + commit: visible from a second connection") {
    Connection a;
    Connection b;
    exec(a.dbc, "DROP TABLE IF EXISTS it_tx_commit");
    exec(a.dbc, "CREATE TABLE it_tx_commit (id int4)");

    set_autocommit(a.dbc, SQL_AUTOCOMMIT_OFF);
    exec(a.dbc, "INSERT INTO it_tx_commit VALUES (1), (2)");
    CHECK(count_rows(b.dbc, "it_tx_commit") == 0);
    check(SQLEndTran(SQL_HANDLE_DBC, a.dbc, SQL_COMMIT), SQL_HANDLE_DBC, a.dbc);
    CHECK(count_rows(b.dbc, "it_tx_commit") == 2);

    // The next statement starts a new transaction, still manual.
    exec(a.dbc, "INSERT INTO it_tx_commit VALUES (3)");
    CHECK(count_rows(b.dbc, "it_tx_commit") == 2);
    check(SQLEndTran(SQL_HANDLE_DBC, a.dbc, SQL_ROLLBACK), SQL_HANDLE_DBC, a.dbc);
    CHECK(count_rows(a.dbc, "it_tx_commit") == 2);
}

TEST_CASE("SQLEndTran on the environment handle commits its connections") {
    Env env;
    Dbc a(env);
    a.connect();
    Connection b;
    exec(a, "DROP TABLE IF EXISTS it_tx_env");
    exec(a, "CREATE TABLE it_tx_env (id int4)");
    set_autocommit(a, SQL_AUTOCOMMIT_OFF);
    exec(a, "INSERT INTO it_tx_env VALUES (1)");
    check(SQLEndTran(SQL_HANDLE_ENV, env, SQL_COMMIT), SQL_HANDLE_ENV, env);
    CHECK(count_rows(b.dbc, "it_tx_env") == 1);
}

TEST_CASE("switching autocommit back on commits the open transaction") {
    Connection a;
    Connection b;
    exec(a.dbc, "DROP TABLE IF EXISTS it_tx_switch");
    exec(a.dbc, "CREATE TABLE it_tx_switch (id int4)");
    set_autocommit(a.dbc, SQL_AUTOCOMMIT_OFF);
    exec(a.dbc, "INSERT INTO it_tx_switch VALUES (1)");
    CHECK(count_rows(b.dbc, "it_tx_switch") == 0);
    // SQLSetConnectAttr: "when SQL_ATTR_AUTOCOMMIT is set to SQL_AUTOCOMMIT_ON ... any open
    // transactions on the connection are committed".
    set_autocommit(a.dbc, SQL_AUTOCOMMIT_ON);
    CHECK(count_rows(b.dbc, "it_tx_switch") == 1);
}

TEST_CASE("an error inside a manual transaction, then rollback: the connection is usable") {
    Connection a;
    Connection b;
    exec(a.dbc, "DROP TABLE IF EXISTS it_tx_error");
    exec(a.dbc, "CREATE TABLE it_tx_error (id int4)");
    set_autocommit(a.dbc, SQL_AUTOCOMMIT_OFF);
    exec(a.dbc, "INSERT INTO it_tx_error VALUES (1)");

    {
        Stmt stmt(a.dbc);
        const SQLRETURN rc =
            SQLExecDirect(stmt, sqlc("SELECT * FROM it_tx_error_no_such_table"), SQL_NTS);
        CHECK(rc == SQL_ERROR);
    }
    check(SQLEndTran(SQL_HANDLE_DBC, a.dbc, SQL_ROLLBACK), SQL_HANDLE_DBC, a.dbc);

    const auto one = query_string(a.dbc, "SELECT 1");
    CHECK(one == "1");
    CHECK(count_rows(a.dbc, "it_tx_error") == 0);
    exec(a.dbc, "INSERT INTO it_tx_error VALUES (2)");
    check(SQLEndTran(SQL_HANDLE_DBC, a.dbc, SQL_COMMIT), SQL_HANDLE_DBC, a.dbc);
    CHECK(count_rows(b.dbc, "it_tx_error") == 1);
}

TEST_CASE("an error with autocommit on does not poison the connection") {
    Connection a;
    Stmt stmt(a.dbc);
    CHECK(SQLExecDirect(stmt, sqlc("SELECT 1/0"), SQL_NTS) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "22012"));
    CHECK(query_string(a.dbc, "SELECT 2") == "2");
}

TEST_CASE("SQL_ATTR_AUTOCOMMIT with an invalid value is HY024") {
    Connection c;
    const SQLRETURN rc = SQLSetConnectAttr(c.dbc, SQL_ATTR_AUTOCOMMIT,
                                           reinterpret_cast<SQLPOINTER>(42), SQL_IS_UINTEGER);
    INFO(outcome(rc, SQL_HANDLE_DBC, c.dbc));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, c.dbc, "HY024"));
    CHECK(get_autocommit(c.dbc) == SQL_AUTOCOMMIT_ON);
}

TEST_CASE("SQLEndTran with an invalid completion type is HY012") {
    Connection c;
    const SQLRETURN rc = SQLEndTran(SQL_HANDLE_DBC, c.dbc, 99);
    INFO(outcome(rc, SQL_HANDLE_DBC, c.dbc));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, c.dbc, "HY012"));
}
