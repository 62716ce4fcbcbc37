// Parameter arrays and transactions (issue 17) and arrays that are stopped (issue 11 items 4, 6).
//
// Commits are counted with a deferred constraint trigger on the target table: it fires at commit
// and logs txid_current() once per transaction, so the log holds one row per transaction that
// inserted into the table. In autocommit an array execution is one transaction on the happy path;
// when it fails the driver falls back to batches in their own transactions (DESIGN.md).
//
// A stopped execution (SQLCancel from another thread, the backend terminated)
// must say per row what the server applied: the status array is checked against the table.
#include "odbc_test.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace odbc_test;  // NOLINT(google-build-using-namespace): test vocabulary

namespace {

constexpr SQLUSMALLINT kUnwritten = 0xEEEE;
const char* const kInsert = "INSERT INTO it_arrc (id, v, d) VALUES (?, ?, ?)";

// The table, the transaction log and the trigger that fills it (once per transaction). With
// `slow_batches` every INSERT statement also sleeps 50 ms, so a 10,000-row array runs for seconds.
void make_tables(const Dbc& dbc, bool slow_batches = false) {
    exec(dbc, "DROP TABLE IF EXISTS it_arrc");
    exec(dbc, "DROP TABLE IF EXISTS it_arrc_txn");
    exec(dbc, "CREATE TABLE it_arrc (id int4 PRIMARY KEY, v int4 CHECK (v >= 0), d date)");
    exec(dbc, "CREATE TABLE it_arrc_txn (txid bigint PRIMARY KEY)");
    exec(dbc,
         "CREATE OR REPLACE FUNCTION it_arrc_log() RETURNS trigger LANGUAGE plpgsql AS $$ "
         "BEGIN INSERT INTO it_arrc_txn VALUES (txid_current()) ON CONFLICT DO NOTHING; "
         "RETURN NULL; END $$");
    exec(dbc,
         "CREATE CONSTRAINT TRIGGER it_arrc_commit AFTER INSERT ON it_arrc DEFERRABLE "
         "INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION it_arrc_log()");
    if (slow_batches) {
        exec(dbc,
             "CREATE OR REPLACE FUNCTION it_arrc_slow() RETURNS trigger LANGUAGE plpgsql AS "
             "$$ BEGIN PERFORM pg_sleep(0.05); RETURN NULL; END $$");
        exec(dbc,
             "CREATE TRIGGER it_arrc_slow AFTER INSERT ON it_arrc FOR EACH STATEMENT "
             "EXECUTE FUNCTION it_arrc_slow()");
    }
}

long transactions(const Dbc& dbc) {
    return count_rows(dbc, "it_arrc_txn");
}

// Column-wise buffers for n rows: ids first.., v = id (negative where asked: the CHECK fails on
// the server), d a valid date (month 13 where asked: the driver cannot send it).
struct Rows {
    std::vector<SQLINTEGER> id;
    std::vector<SQLINTEGER> v;
    std::vector<SQL_DATE_STRUCT> d;

    explicit Rows(std::size_t n, long first = 1) : id(n), v(n), d(n) {
        for (std::size_t i = 0; i < n; ++i) {
            id[i] = static_cast<SQLINTEGER>(first + static_cast<long>(i));
            v[i] = id[i];
            d[i] = SQL_DATE_STRUCT{2024, static_cast<SQLUSMALLINT>(1 + i % 12), 1};
        }
    }

    void bind(const Stmt& stmt) {
        check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, id.data(),
                               0, nullptr),
              SQL_HANDLE_STMT, stmt);
        check(SQLBindParameter(stmt, 2, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, v.data(),
                               0, nullptr),
              SQL_HANDLE_STMT, stmt);
        check(SQLBindParameter(stmt, 3, SQL_PARAM_INPUT, SQL_C_TYPE_DATE, SQL_TYPE_DATE, 10, 0,
                               d.data(), 0, nullptr),
              SQL_HANDLE_STMT, stmt);
    }
};

struct Run {
    SQLRETURN rc = SQL_ERROR;
    std::vector<SQLUSMALLINT> status;
    SQLULEN processed = 987654321;
    SQLLEN row_count = -1;
    std::vector<std::string> states;
    SQLLEN first_row = -99;  // SQL_DIAG_ROW_NUMBER of the first record
    double seconds = 0;
};

// Prepares `kInsert` for an n-row array with status and processed pointers.
void prepare_array(const Stmt& stmt, Run& run, std::size_t n) {
    run.status.assign(n, kUnwritten);
    check(SQLSetStmtAttr(stmt, SQL_ATTR_PARAMSET_SIZE, reinterpret_cast<SQLPOINTER>(n), 0),
          SQL_HANDLE_STMT, stmt);
    check(SQLSetStmtAttr(stmt, SQL_ATTR_PARAM_STATUS_PTR, run.status.data(), 0), SQL_HANDLE_STMT,
          stmt);
    check(SQLSetStmtAttr(stmt, SQL_ATTR_PARAMS_PROCESSED_PTR, &run.processed, 0), SQL_HANDLE_STMT,
          stmt);
    check(SQLPrepare(stmt, sqlc(kInsert), SQL_NTS), SQL_HANDLE_STMT, stmt);
}

void execute(const Stmt& stmt, Run& run) {
    const auto start = std::chrono::steady_clock::now();
    run.rc = SQLExecute(stmt);
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.states = diag_states(SQL_HANDLE_STMT, stmt);
    SQLGetDiagField(SQL_HANDLE_STMT, stmt, 1, SQL_DIAG_ROW_NUMBER, &run.first_row, 0, nullptr);
    if (SQL_SUCCEEDED(run.rc)) {
        check(SQLRowCount(stmt, &run.row_count), SQL_HANDLE_STMT, stmt);
    }
}

Run run_array(const Stmt& stmt, Rows& rows) {
    Run run;
    rows.bind(stmt);
    prepare_array(stmt, run, rows.id.size());
    execute(stmt, run);
    return run;
}

std::size_t count_status(const Run& run, SQLUSMALLINT value) {
    return static_cast<std::size_t>(std::count(run.status.begin(), run.status.end(), value));
}

std::string states_of(const Run& run) {
    std::string out;
    for (const std::string& state : run.states) {
        out += state + " ";
    }
    return out;
}

std::set<long> ids_in_table(const Dbc& dbc) {
    std::set<long> ids;
    Stmt stmt(dbc);
    exec(stmt, "SELECT id FROM it_arrc");
    while (SQLFetch(stmt) == SQL_SUCCESS) {
        ids.insert(std::stol(fetch_string(stmt, 1).value_or("0")));
    }
    return ids;
}

// Per-row truth after a stopped execution: every status written; SQL_PARAM_SUCCESS exactly for
// the rows in the table, SQL_PARAM_UNUSED never for one in it (DIAG_UNAVAILABLE may be either);
// the processed count is every row not SQL_PARAM_UNUSED.
void check_status_matches_table(const Dbc& dbc, const Run& run, const Rows& rows) {
    const std::set<long> in_table = ids_in_table(dbc);
    std::size_t success = 0;
    for (std::size_t i = 0; i < run.status.size(); ++i) {
        const bool present = in_table.count(rows.id[i]) != 0;
        CAPTURE(i);
        CHECK(run.status[i] != kUnwritten);
        if (run.status[i] == SQL_PARAM_SUCCESS) {
            ++success;
            CHECK(present);
        }
        if (run.status[i] == SQL_PARAM_UNUSED || run.status[i] == SQL_PARAM_ERROR) {
            CHECK_FALSE(present);
        }
    }
    CHECK(in_table.size() >= success);
    CHECK(run.processed == run.status.size() - count_status(run, SQL_PARAM_UNUSED));
}

void set_autocommit(const Dbc& dbc, SQLULEN value) {
    check(SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, reinterpret_cast<SQLPOINTER>(value),
                            SQL_IS_UINTEGER),
          SQL_HANDLE_DBC, dbc);
}

}  // namespace

TEST_CASE("autocommit: ten 1,000-row array executions are ten transactions" * only_our_driver()) {
    for (const char* extra : {"", ";Pipeline=0", ";BatchSize=7"}) {
        CAPTURE(extra);
        Connection c(conn_str() + extra);
        make_tables(c.dbc);
        Stmt stmt(c.dbc);
        for (long execution = 0; execution < 10; ++execution) {
            Rows rows(1000, 1 + execution * 1000);
            const Run run = run_array(stmt, rows);
            INFO(rc_name(run.rc) << " " << states_of(run));
            CHECK(run.rc == SQL_SUCCESS);
            CHECK(count_status(run, SQL_PARAM_SUCCESS) == 1000);
            CHECK(run.processed == 1000);
            CHECK(run.row_count == 1000);
        }
        CHECK(count_rows(c.dbc, "it_arrc") == 10000);
        CHECK(transactions(c.dbc) == 10);
        // The connection is back in autocommit: no transaction left open.
        CHECK(query_string(c.dbc,
                           "SELECT count(*) FROM pg_stat_activity WHERE pid = "
                           "pg_backend_pid() AND state = 'idle in transaction'")
              == "0");
    }
}

TEST_CASE("autocommit: an UPDATE array (one statement per set) is one transaction"
          * only_our_driver()) {
    Connection c;
    make_tables(c.dbc);
    exec(c.dbc, "INSERT INTO it_arrc SELECT g, g FROM generate_series(1, 300) g");
    const long before = transactions(c.dbc);
    exec(c.dbc,
         "CREATE CONSTRAINT TRIGGER it_arrc_commit_u AFTER UPDATE ON it_arrc DEFERRABLE "
         "INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION it_arrc_log()");
    Stmt stmt(c.dbc);
    std::vector<SQLINTEGER> ids(300);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        ids[i] = static_cast<SQLINTEGER>(i + 1);
    }
    check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, ids.data(), 0,
                           nullptr),
          SQL_HANDLE_STMT, stmt);
    check(SQLSetStmtAttr(stmt, SQL_ATTR_PARAMSET_SIZE, reinterpret_cast<SQLPOINTER>(300), 0),
          SQL_HANDLE_STMT, stmt);
    check(SQLExecDirect(stmt, sqlc("UPDATE it_arrc SET v = v + 1 WHERE id = ?"), SQL_NTS),
          SQL_HANDLE_STMT, stmt);
    SQLLEN count = 0;
    check(SQLRowCount(stmt, &count), SQL_HANDLE_STMT, stmt);
    CHECK(count == 300);
    CHECK(transactions(c.dbc) == before + 1);
    CHECK(query_string(c.dbc, "SELECT count(*) FROM it_arrc WHERE v = id + 1") == "300");
}

TEST_CASE("autocommit: a bad row in the middle: good rows applied once, the bad row named"
          * only_our_driver()) {
    for (const char* extra : {"", ";Pipeline=0"}) {
        CAPTURE(extra);
        Connection c(conn_str() + extra);
        make_tables(c.dbc);
        Stmt stmt(c.dbc);
        Rows rows(1000);
        rows.v[499] = -1;  // row 500 fails the CHECK on the server
        const Run run = run_array(stmt, rows);
        INFO(rc_name(run.rc) << " " << states_of(run));
        CHECK(run.rc == SQL_SUCCESS_WITH_INFO);
        CHECK(run.status[499] == SQL_PARAM_ERROR);
        CHECK(count_status(run, SQL_PARAM_SUCCESS) == 999);
        CHECK(run.processed == 1000);
        CHECK(run.row_count == 999);
        CHECK(run.first_row == 500);
        CHECK(run.states.front() == "23000");
        CHECK(count_rows(c.dbc, "it_arrc") == 999);
        CHECK(query_string(c.dbc, "SELECT count(DISTINCT id) FROM it_arrc WHERE id <> 500")
              == "999");
        // The failed transaction committed nothing; the fallback commits batch by batch.
        CHECK(transactions(c.dbc) > 1);
    }
}

TEST_CASE("autocommit: a row the driver cannot send still leaves one transaction"
          * only_our_driver()) {
    Connection c;
    make_tables(c.dbc);
    Stmt stmt(c.dbc);
    Rows rows(250);
    rows.d[241].month = 13;  // the last batch becomes one row short: it runs with its own statement
    const Run run = run_array(stmt, rows);
    INFO(rc_name(run.rc) << " " << states_of(run));
    CHECK(run.rc == SQL_SUCCESS_WITH_INFO);
    CHECK(run.status[241] == SQL_PARAM_ERROR);
    CHECK(count_status(run, SQL_PARAM_SUCCESS) == 249);
    CHECK(count_rows(c.dbc, "it_arrc") == 249);
    CHECK(transactions(c.dbc) == 1);
}

TEST_CASE("manual commit: arrays stay in the application's transaction" * only_our_driver()) {
    Connection c;
    make_tables(c.dbc);
    set_autocommit(c.dbc, SQL_AUTOCOMMIT_OFF);
    Stmt stmt(c.dbc);
    for (long execution = 0; execution < 3; ++execution) {
        Rows rows(1000, 1 + execution * 1000);
        const Run run = run_array(stmt, rows);
        CHECK(run.rc == SQL_SUCCESS);
    }
    check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_COMMIT), SQL_HANDLE_DBC, c.dbc);
    CHECK(transactions(c.dbc) == 1);
    CHECK(count_rows(c.dbc, "it_arrc") == 3000);
    // A bad row aborts the transaction as before: nothing of it is applied.
    Rows bad(1000, 5001);
    bad.v[499] = -1;
    const Run run = run_array(stmt, bad);
    CHECK(run.rc == SQL_ERROR);
    CHECK(count_status(run, SQL_PARAM_SUCCESS) == 0);
    SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_ROLLBACK);
    set_autocommit(c.dbc, SQL_AUTOCOMMIT_ON);
    CHECK(count_rows(c.dbc, "it_arrc") == 3000);
    CHECK(transactions(c.dbc) == 1);
}

TEST_CASE("SQLCancel during a 10,000-row array in autocommit stops it: HY008, status = table"
          * only_our_driver()) {
    for (const char* extra : {"", ";Pipeline=0"}) {
        CAPTURE(extra);
        Connection c(conn_str() + extra);
        make_tables(c.dbc, true);  // 100 batches of 50 ms: about 5 s
        Stmt stmt(c.dbc);
        Rows rows(10000);
        rows.bind(stmt);
        Run run;
        prepare_array(stmt, run, rows.id.size());
        std::thread worker([&] { execute(stmt, run); });
        std::this_thread::sleep_for(std::chrono::milliseconds(800));
        const SQLRETURN cancel_rc = SQLCancel(stmt);
        worker.join();
        INFO(rc_name(run.rc) << " " << states_of(run) << " in " << run.seconds << " s");
        CHECK(SQL_SUCCEEDED(cancel_rc));
        CHECK(run.rc == SQL_ERROR);
        CHECK(std::count(run.states.begin(), run.states.end(), "HY008") == 1);
        CHECK(run.seconds < 3.0);  // no further batches, no row-by-row retry
        check_status_matches_table(c.dbc, run, rows);
        // One transaction: nothing was committed before the cancel.
        CHECK(count_status(run, SQL_PARAM_UNUSED) == 10000);
        CHECK(count_rows(c.dbc, "it_arrc") == 0);
        CHECK(query_string(c.dbc, "SELECT 1") == "1");  // the connection is usable
        CHECK(transactions(c.dbc) == 0);
    }
}

TEST_CASE("SQLCancel during an array in manual commit: rows sent so far are reported, HY008"
          * only_our_driver()) {
    Connection c;
    make_tables(c.dbc, true);
    set_autocommit(c.dbc, SQL_AUTOCOMMIT_OFF);
    Stmt stmt(c.dbc);
    Rows rows(10000);
    rows.bind(stmt);
    Run run;
    prepare_array(stmt, run, rows.id.size());
    std::thread worker([&] { execute(stmt, run); });
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    CHECK(SQL_SUCCEEDED(SQLCancel(stmt)));
    worker.join();
    INFO(rc_name(run.rc) << " " << states_of(run) << " in " << run.seconds << " s");
    CHECK(run.rc == SQL_ERROR);
    CHECK(std::count(run.states.begin(), run.states.end(), "HY008") == 1);
    CHECK(run.seconds < 3.0);
    CHECK(count_status(run, SQL_PARAM_UNUSED) > 0);
    CHECK(run.processed == run.status.size() - count_status(run, SQL_PARAM_UNUSED));
    SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_ROLLBACK);
    CHECK(count_rows(c.dbc, "it_arrc") == 0);
}

TEST_CASE("backend terminated during an array insert: 08S01, status = table, processed set"
          * only_our_driver()) {
    for (const SQLULEN autocommit : {SQL_AUTOCOMMIT_ON, SQL_AUTOCOMMIT_OFF}) {
        CAPTURE(autocommit);
        Connection admin;
        make_tables(admin.dbc, true);
        Connection c;
        set_autocommit(c.dbc, autocommit);
        const std::string pid = query_string(c.dbc, "SELECT pg_backend_pid()").value_or("0");
        Stmt stmt(c.dbc);
        Rows rows(10000);
        rows.bind(stmt);
        Run run;
        prepare_array(stmt, run, rows.id.size());
        std::thread worker([&] { execute(stmt, run); });
        std::this_thread::sleep_for(std::chrono::milliseconds(800));
        exec(admin.dbc, "SELECT pg_terminate_backend(" + pid + ")");
        worker.join();
        INFO(rc_name(run.rc) << " " << states_of(run) << " in " << run.seconds << " s");
        CHECK(run.rc == SQL_ERROR);
        CHECK(std::count(run.states.begin(), run.states.end(), "08S01") == 1);
        CHECK(run.seconds < 3.0);
        check_status_matches_table(admin.dbc, run, rows);
        CHECK(count_status(run, SQL_PARAM_SUCCESS) == 0);  // nothing was committed
        CHECK(count_rows(admin.dbc, "it_arrc") == 0);
        // The next connection works.
        Connection next;
        CHECK(query_string(next.dbc, "SELECT 1") == "1");
    }
}

namespace {

void set_query_timeout(const Stmt& stmt, SQLULEN seconds) {
    check(SQLSetStmtAttr(stmt, SQL_ATTR_QUERY_TIMEOUT, reinterpret_cast<SQLPOINTER>(seconds), 0),
          SQL_HANDLE_STMT, stmt);
}

}  // namespace

// Issue 11: SQL_ATTR_QUERY_TIMEOUT is a deadline for the whole SQLExecute of an array, not a
// limit per batch: 100 batches of 50 ms each (5 s) with a 1 s timeout stop after about 1 s.
TEST_CASE("fault: query timeout mid-array: HYT00, status = table, bounded, connection usable"
          * only_our_driver()) {
    for (const char* extra : {"", ";Pipeline=0"}) {
        CAPTURE(extra);
        Connection c(conn_str() + extra);
        make_tables(c.dbc, true);
        Stmt stmt(c.dbc);
        set_query_timeout(stmt, 1);
        Rows rows(10000);
        const Run run = run_array(stmt, rows);
        INFO(rc_name(run.rc) << " " << states_of(run) << " in " << run.seconds << " s");
        CHECK(run.rc == SQL_ERROR);
        CHECK(std::count(run.states.begin(), run.states.end(), "HYT00") == 1);
        CHECK(run.states.size() == 1);
        // The deadline, plus at most one statement's own timeout without the pipeline.
        CHECK(run.seconds >= 0.9);
        CHECK(run.seconds < (extra[0] == '\0' ? 1.8 : 2.8));
        check_status_matches_table(c.dbc, run, rows);
        // One transaction: nothing was committed before the deadline.
        CHECK(count_status(run, SQL_PARAM_UNUSED) == 10000);
        CHECK(count_rows(c.dbc, "it_arrc") == 0);
        CHECK(transactions(c.dbc) == 0);
        // The connection and the statement go on; without the timeout the array completes.
        set_query_timeout(stmt, 0);
        Rows small(300, 20001);
        const Run after = run_array(stmt, small);
        CHECK(after.rc == SQL_SUCCESS);
        CHECK(count_rows(c.dbc, "it_arrc") == 300);
    }
}

// After a bad row the one transaction is rolled back and the batches run again one by one, each
// committed on its own: the deadline also stops that retry. Committed batches stay
// SQL_PARAM_SUCCESS, the rest SQL_PARAM_UNUSED; the processed count says how far it got.
TEST_CASE("fault: query timeout during the retry after a bad row: committed batches reported"
          * only_our_driver()) {
    Connection c;
    make_tables(c.dbc, true);
    Stmt stmt(c.dbc);
    set_query_timeout(stmt, 1);
    Rows rows(10000);
    rows.v[9999] = -1;  // the last batch fails: the whole transaction ran (5 s)... once
    // The first pass alone outlasts the deadline: nothing commits and no retry starts.
    Run run = run_array(stmt, rows);
    INFO(rc_name(run.rc) << " " << states_of(run) << " in " << run.seconds << " s");
    CHECK(run.rc == SQL_ERROR);
    CHECK(std::count(run.states.begin(), run.states.end(), "HYT00") == 1);
    CHECK(run.seconds < 1.8);
    check_status_matches_table(c.dbc, run, rows);
    CHECK(count_rows(c.dbc, "it_arrc") == 0);
    // A bad first row fails the one transaction at once; the retry commits batch after batch
    // (50 ms each) until the deadline.
    exec(c.dbc, "TRUNCATE it_arrc, it_arrc_txn");
    Rows early(10000);
    early.v[0] = -1;
    run = run_array(stmt, early);
    INFO(rc_name(run.rc) << " " << states_of(run) << " in " << run.seconds << " s");
    CHECK(run.rc == SQL_ERROR);
    CHECK(std::count(run.states.begin(), run.states.end(), "HYT00") == 1);
    CHECK(run.seconds < 1.8);
    check_status_matches_table(c.dbc, run, early);
    const std::size_t committed = count_status(run, SQL_PARAM_SUCCESS);
    MESSAGE(committed << " rows committed before the deadline");
    CHECK(committed > 0);
    CHECK(committed < 9900);
    CHECK(count_rows(c.dbc, "it_arrc") == static_cast<long>(committed));
    CHECK(query_string(c.dbc, "SELECT 1") == "1");
}

TEST_CASE("fault: query timeout mid-array in manual commit: HYT00, nothing reported committed"
          * only_our_driver()) {
    Connection c;
    make_tables(c.dbc, true);
    set_autocommit(c.dbc, SQL_AUTOCOMMIT_OFF);
    Stmt stmt(c.dbc);
    set_query_timeout(stmt, 1);
    Rows rows(10000);
    const Run run = run_array(stmt, rows);
    INFO(rc_name(run.rc) << " " << states_of(run) << " in " << run.seconds << " s");
    CHECK(run.rc == SQL_ERROR);
    CHECK(std::count(run.states.begin(), run.states.end(), "HYT00") == 1);
    CHECK(run.seconds < 1.8);
    CHECK(count_status(run, SQL_PARAM_UNUSED) > 0);
    CHECK(run.processed == run.status.size() - count_status(run, SQL_PARAM_UNUSED));
    SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_ROLLBACK);
    CHECK(count_rows(c.dbc, "it_arrc") == 0);
    CHECK(query_string(c.dbc, "SELECT 1") == "1");
}
