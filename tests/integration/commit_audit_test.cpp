// Paths that must add no write commit in autocommit (issue 17 item 4): connecting with
// InitializationString, catalog calls and SQLGetTypeInfo, UseDeclareFetch cursors, the statement
// cache's prepares, a query timeout's SET, and TransactionErrorBehavior=2's savepoints.
//
// Write commits are counted from outside the connection under test. PostgreSQL gives a
// transaction id only to a transaction that writes; an observer connection reads the next id to be
// given (pg_snapshot_xmax of its own snapshot, which takes none) before and after a scenario and
// counts the ids in between that committed (pg_xact_status). Read-only transactions (a cursor's
// BEGIN ... COMMIT, a catalog query, a SET) take no id: on Redshift they do not wait in the commit
// queue, and they are not counted. Each scenario also inserts a known number of rows, each in its
// own statement, into a table whose deferred constraint trigger logs every transaction that
// inserted once (array_commit_test.cpp's technique): the count must come out exactly that number,
// so the measurement is shown to see writes, and a path that kept a transaction open (merging
// the inserts) would show too.
//
// Autovacuum may commit an id of its own (ANALYZE) during a scenario; the driver's behaviour is
// deterministic, so a scenario runs up to three times and the smallest count is the driver's.
#include "odbc_test.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <string>

using namespace odbc_test;  // NOLINT(google-build-using-namespace): test vocabulary

namespace {

// it_cmta (the insert target, with the logging trigger), it_cmta_txn (the log), it_cmta_src
// (ten rows to read).
void make_tables(const Dbc& dbc) {
    exec(dbc, "DROP TABLE IF EXISTS it_cmta");
    exec(dbc, "DROP TABLE IF EXISTS it_cmta_txn");
    exec(dbc, "DROP TABLE IF EXISTS it_cmta_src");
    exec(dbc,
         "CREATE TABLE it_cmta (id int4 PRIMARY KEY, v int4 CHECK (v >= 0)) "
         "WITH (autovacuum_enabled = false)");
    exec(dbc,
         "CREATE TABLE it_cmta_txn (txid bigint PRIMARY KEY) WITH (autovacuum_enabled = false)");
    exec(dbc,
         "CREATE TABLE it_cmta_src (id int4 PRIMARY KEY, name text) "
         "WITH (autovacuum_enabled = false)");
    exec(dbc, "INSERT INTO it_cmta_src SELECT g, 'row ' || g FROM generate_series(1, 10) g");
    exec(dbc,
         "CREATE OR REPLACE FUNCTION it_cmta_log() RETURNS trigger LANGUAGE plpgsql AS $$ "
         "BEGIN INSERT INTO it_cmta_txn VALUES (txid_current()) ON CONFLICT DO NOTHING; "
         "RETURN NULL; END $$");
    exec(dbc,
         "CREATE CONSTRAINT TRIGGER it_cmta_commit AFTER INSERT ON it_cmta DEFERRABLE "
         "INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION it_cmta_log()");
}

void drop_tables(const Dbc& dbc) {
    exec(dbc, "DROP TABLE IF EXISTS it_cmta");
    exec(dbc, "DROP TABLE IF EXISTS it_cmta_txn");
    exec(dbc, "DROP TABLE IF EXISTS it_cmta_src");
    exec(dbc, "DROP FUNCTION IF EXISTS it_cmta_log()");
}

long next_xid(const Dbc& observer) {
    return std::stol(
        query_string(observer, "SELECT pg_snapshot_xmax(pg_current_snapshot())::text").value());
}

long committed_between(const Dbc& observer, long first, long end) {
    if (end <= first) {
        return 0;
    }
    return std::stol(query_string(observer, "SELECT count(*) FROM generate_series("
                                                + std::to_string(first) + ", "
                                                + std::to_string(end - 1)
                                                + ") x WHERE pg_xact_status(x::text::xid8) = "
                                                  "'committed'")
                         .value());
}

struct Counts {
    long write_commits = std::numeric_limits<long>::max();
    long logged = 0;  // transactions that inserted into it_cmta (the trigger's log)
};

// Runs `scenario` (up to three times, until no more than `expected` write commits are seen) and
// returns the fewest write commits seen, with the trigger log's count of that run.
Counts measure(const Dbc& observer, long expected, const std::function<void()>& scenario) {
    Counts fewest;
    for (int attempt = 0; attempt < 3 && fewest.write_commits > expected; ++attempt) {
        exec(observer, "TRUNCATE it_cmta, it_cmta_txn");
        const long before = next_xid(observer);
        scenario();
        const long after = next_xid(observer);
        const long commits = committed_between(observer, before, after);
        if (commits < fewest.write_commits) {
            fewest = {commits, count_rows(observer, "it_cmta_txn")};
        }
    }
    return fewest;
}

void insert_row(const Dbc& dbc, int id) {
    exec(dbc,
         "INSERT INTO it_cmta VALUES (" + std::to_string(id) + ", " + std::to_string(id) + ")");
}

// Fetches every row of `stmt`'s result and closes it; returns how many there were.
long drain(const Stmt& stmt) {
    long rows = 0;
    SQLRETURN rc = SQL_SUCCESS;
    while ((rc = SQLFetch(stmt)) == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO) {
        ++rows;
    }
    CHECK(rc == SQL_NO_DATA);
    check(SQLFreeStmt(stmt, SQL_CLOSE), SQL_HANDLE_STMT, stmt);
    return rows;
}

SQLCHAR* text(std::string& s) {
    return sqlc(s);
}

}  // namespace

TEST_CASE("commit audit: connecting with InitializationString and ReadOnly adds no write commit"
          * only_our_driver()) {
    Connection observer;
    make_tables(observer.dbc);
    const Counts counts = measure(observer.dbc, 1, [] {
        Connection c(conn_str()
                     + ";ReadOnly=0;InitializationString={SET search_path TO public; "
                       "SET application_name TO 'commit_audit'}");
        CHECK(query_string(c.dbc, "SELECT current_setting('application_name')")
              == std::optional<std::string>("commit_audit"));
        insert_row(c.dbc, 1);
    });
    CHECK(counts.write_commits == 1);
    CHECK(counts.logged == 1);
    drop_tables(observer.dbc);
}

TEST_CASE("commit audit: catalog calls, SQLGetTypeInfo and SQLGetInfo add no write commit") {
    Connection observer;
    make_tables(observer.dbc);
    Connection c;
    const Counts counts = measure(observer.dbc, 2, [&] {
        insert_row(c.dbc, 1);
        Stmt stmt(c.dbc);
        std::string table = "it_cmta";
        std::string all = "%";
        check(SQLTables(stmt, nullptr, 0, nullptr, 0, text(all), SQL_NTS, nullptr, 0),
              SQL_HANDLE_STMT, stmt);
        CHECK(drain(stmt) > 0);
        check(SQLColumns(stmt, nullptr, 0, nullptr, 0, text(table), SQL_NTS, text(all), SQL_NTS),
              SQL_HANDLE_STMT, stmt);
        CHECK(drain(stmt) == 2);
        check(SQLPrimaryKeys(stmt, nullptr, 0, nullptr, 0, text(table), SQL_NTS), SQL_HANDLE_STMT,
              stmt);
        CHECK(drain(stmt) == 1);
        // SQL_ENSURE: statistics "unconditionally"; a driver that ran ANALYZE for it would write.
        check(SQLStatistics(stmt, nullptr, 0, nullptr, 0, text(table), SQL_NTS, SQL_INDEX_ALL,
                            SQL_ENSURE),
              SQL_HANDLE_STMT, stmt);
        drain(stmt);
        check(SQLSpecialColumns(stmt, SQL_BEST_ROWID, nullptr, 0, nullptr, 0, text(table), SQL_NTS,
                                SQL_SCOPE_SESSION, SQL_NULLABLE),
              SQL_HANDLE_STMT, stmt);
        drain(stmt);
        check(SQLForeignKeys(stmt, nullptr, 0, nullptr, 0, text(table), SQL_NTS, nullptr, 0,
                             nullptr, 0, nullptr, 0),
              SQL_HANDLE_STMT, stmt);
        drain(stmt);
        std::string function = "it_cmta_log";
        check(SQLProcedures(stmt, nullptr, 0, nullptr, 0, text(function), SQL_NTS), SQL_HANDLE_STMT,
              stmt);
        drain(stmt);
        check(SQLGetTypeInfo(stmt, SQL_ALL_TYPES), SQL_HANDLE_STMT, stmt);
        CHECK(drain(stmt) > 10);
        for (const SQLUSMALLINT item : {SQL_DBMS_VER, SQL_USER_NAME, SQL_DATABASE_NAME,
                                        SQL_QUOTED_IDENTIFIER_CASE, SQL_KEYWORDS}) {
            char value[4096];
            SQLSMALLINT length = 0;
            check(SQLGetInfo(c.dbc, item, value, sizeof value, &length), SQL_HANDLE_DBC, c.dbc);
        }
        insert_row(c.dbc, 2);
    });
    CHECK(counts.write_commits == 2);
    CHECK(counts.logged == 2);
    drop_tables(observer.dbc);
}

// Our driver's design: psqlODBC (differential run) shows one write commit more here.
TEST_CASE(
    "commit audit: UseDeclareFetch cursors add no write commit; an INSERT while one is "
    "open is its own transaction, committed at once"
    * only_our_driver()) {
    Connection observer;
    make_tables(observer.dbc);
    Connection c(conn_str() + ";UseDeclareFetch=1;Fetch=2");
    const Counts counts = measure(observer.dbc, 3, [&] {
        Stmt cursor(c.dbc);
        exec(cursor, "SELECT id, name FROM it_cmta_src ORDER BY id");
        REQUIRE(SQLFetch(cursor) == SQL_SUCCESS);  // the cursor stays open, two rows read
        for (int id = 1; id <= 3; ++id) {
            insert_row(c.dbc, id);
            // Committed: another session sees it while the cursor's statement is still open.
            CHECK(count_rows(observer.dbc, "it_cmta") == id);
        }
        check(SQLFreeStmt(cursor, SQL_CLOSE), SQL_HANDLE_STMT, cursor);
        // A cursor with a parameter, read to its end, and one closed half read.
        SQLINTEGER above = 3;
        check(SQLBindParameter(cursor, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &above,
                               0, nullptr),
              SQL_HANDLE_STMT, cursor);
        exec(cursor, "SELECT id FROM it_cmta_src WHERE id > ?");
        CHECK(drain(cursor) == 7);
        exec(cursor, "SELECT id FROM it_cmta_src WHERE id > ?");
        REQUIRE(SQLFetch(cursor) == SQL_SUCCESS);
        check(SQLFreeStmt(cursor, SQL_CLOSE), SQL_HANDLE_STMT, cursor);
    });
    CHECK(counts.write_commits == 3);
    CHECK(counts.logged == 3);
    drop_tables(observer.dbc);
}

TEST_CASE("commit audit: the statement cache's prepares and a query timeout add no write commit") {
    Connection observer;
    make_tables(observer.dbc);
    Connection c;
    const Counts counts = measure(observer.dbc, 8, [&] {
        // A prepared INSERT executed row by row (five commits: the application asked for them).
        Stmt insert(c.dbc);
        check(SQLSetStmtAttr(insert, SQL_ATTR_QUERY_TIMEOUT, reinterpret_cast<SQLPOINTER>(30), 0),
              SQL_HANDLE_STMT, insert);
        SQLINTEGER id = 0;
        check(SQLBindParameter(insert, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0,
                               nullptr),
              SQL_HANDLE_STMT, insert);
        check(SQLBindParameter(insert, 2, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0,
                               nullptr),
              SQL_HANDLE_STMT, insert);
        check(SQLPrepare(insert, sqlc("INSERT INTO it_cmta VALUES (?, ?)"), SQL_NTS),
              SQL_HANDLE_STMT, insert);
        for (id = 1; id <= 5; ++id) {
            check(SQLExecute(insert), SQL_HANDLE_STMT, insert);
        }
        // The same text with parameters through SQLExecDirect: the cached statement (three).
        Stmt direct(c.dbc);
        check(SQLBindParameter(direct, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0,
                               nullptr),
              SQL_HANDLE_STMT, direct);
        check(SQLBindParameter(direct, 2, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0,
                               nullptr),
              SQL_HANDLE_STMT, direct);
        for (id = 6; id <= 8; ++id) {
            exec(direct, "INSERT INTO it_cmta VALUES (?, ?)");
        }
        // A prepared SELECT executed again and again (none).
        Stmt select(c.dbc);
        check(SQLBindParameter(select, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0,
                               nullptr),
              SQL_HANDLE_STMT, select);
        check(SQLPrepare(select, sqlc("SELECT name FROM it_cmta_src WHERE id = ?"), SQL_NTS),
              SQL_HANDLE_STMT, select);
        for (id = 1; id <= 4; ++id) {
            check(SQLExecute(select), SQL_HANDLE_STMT, select);
            CHECK(drain(select) == 1);
        }
    });
    CHECK(counts.write_commits == 8);
    CHECK(counts.logged == 8);
    drop_tables(observer.dbc);
}

TEST_CASE(
    "commit audit: TransactionErrorBehavior=2 sets no savepoint in autocommit and commits "
    "a manual transaction once"
    * only_our_driver()) {
    Connection observer;
    make_tables(observer.dbc);
    Connection c(conn_str() + ";TransactionErrorBehavior=2");
    SUBCASE("autocommit: one commit per statement, none for the failed one") {
        const Counts counts = measure(observer.dbc, 3, [&] {
            insert_row(c.dbc, 1);
            insert_row(c.dbc, 2);
            Stmt stmt(c.dbc);
            CHECK(SQLExecDirect(stmt, sqlc("INSERT INTO it_cmta VALUES (3, -3)"), SQL_NTS)
                  == SQL_ERROR);
            insert_row(c.dbc, 4);
        });
        CHECK(counts.write_commits == 3);
        CHECK(counts.logged == 3);
    }
    SUBCASE("manual commit: the savepoints are not commits") {
        // Write commits: the transaction and the two savepoints that wrote, each with a
        // subtransaction id of its own (committed with the transaction).
        const Counts counts = measure(observer.dbc, 3, [&] {
            check(SQLSetConnectAttr(c.dbc, SQL_ATTR_AUTOCOMMIT,
                                    reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), 0),
                  SQL_HANDLE_DBC, c.dbc);
            insert_row(c.dbc, 1);
            Stmt stmt(c.dbc);
            CHECK(SQLExecDirect(stmt, sqlc("INSERT INTO it_cmta VALUES (2, -2)"), SQL_NTS)
                  == SQL_ERROR);
            insert_row(c.dbc, 3);
            check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_COMMIT), SQL_HANDLE_DBC, c.dbc);
            check(SQLSetConnectAttr(c.dbc, SQL_ATTR_AUTOCOMMIT,
                                    reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_ON), 0),
                  SQL_HANDLE_DBC, c.dbc);
        });
        // So only the trigger's log says how many transactions there were.
        CHECK(counts.logged == 1);
        CHECK(count_rows(observer.dbc, "it_cmta") == 2);
    }
    drop_tables(observer.dbc);
}
