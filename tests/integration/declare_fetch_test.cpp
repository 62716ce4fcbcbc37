// UseDeclareFetch: queries run through a server-side cursor, Fetch rows per FETCH, inside a
// transaction the driver opens in autocommit mode and ends when the cursor closes; another
// statement on the same connection gets the wire after the cursor's rest is read ahead; results
// read ahead beyond SpillThreshold go to a temporary file and come back identical.
#include "odbc_test.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace odbc_test;  // NOLINT(google-build-using-namespace): test vocabulary

namespace {

constexpr int total_rows = 10000;

const std::string series_sql = "SELECT g, 'row ' || g AS label FROM generate_series(1, "
                               + std::to_string(total_rows) + ") AS g ORDER BY g";

SQLINTEGER fetch_int(const Stmt& stmt, SQLUSMALLINT column = 1) {
    SQLINTEGER value = 0;
    check(SQLGetData(stmt, column, SQL_C_SLONG, &value, 0, nullptr), SQL_HANDLE_STMT, stmt);
    return value;
}

std::string with_keys(const std::string& keys) {
    return conn_str() + ";" + keys;
}

// Fetches the rest of `stmt`, whose rows are numbered from `next`; returns the number after the
// last row seen.
int read_rest(const Stmt& stmt, int next) {
    SQLRETURN rc = SQL_SUCCESS;
    while ((rc = SQLFetch(stmt)) == SQL_SUCCESS) {
        REQUIRE(fetch_int(stmt) == next);
        if (next % 997 == 0) {
            REQUIRE(fetch_string(stmt, 2) == "row " + std::to_string(next));
        }
        ++next;
    }
    CHECK(rc == SQL_NO_DATA);
    return next;
}

// What the server says the connection with backend `pid` is doing (seen from another session).
std::string activity(const Dbc& observer, const std::string& pid, const char* column) {
    return query_string(observer, std::string("SELECT ") + column
                                      + " FROM pg_stat_activity WHERE pid = " + pid)
        .value_or("");
}

void set_autocommit(const Dbc& dbc, bool on) {
    check(SQLSetConnectAttr(
              dbc, SQL_ATTR_AUTOCOMMIT,
              reinterpret_cast<SQLPOINTER>(on ? SQL_AUTOCOMMIT_ON : SQL_AUTOCOMMIT_OFF), 0),
          SQL_HANDLE_DBC, dbc);
}

// Unlinked files this process holds open: a spill file is one (tools such as valgrind may hold
// others, so tests compare counts).
int deleted_files_open() {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
        std::error_code error;
        const auto target = std::filesystem::read_symlink(entry.path(), error);
        if (!error && target.string().find("(deleted)") != std::string::npos) {
            ++count;
        }
    }
    return count;
}

}  // namespace

TEST_CASE("UseDeclareFetch reads 10,000 rows with Fetch=7 and Fetch=1000") {
    for (const int fetch : {7, 1000}) {
        CAPTURE(fetch);
        Connection c(with_keys("UseDeclareFetch=1;Fetch=" + std::to_string(fetch)));
        Stmt stmt(c.dbc);
        exec(stmt, series_sql);
        CHECK(read_rest(stmt, 1) == total_rows + 1);
        // The connection is usable afterwards, outside any transaction (autocommit).
        CHECK(query_string(c.dbc, "SELECT 1") == "1");
    }
}

TEST_CASE("the cursor is declared and fetched in a transaction that ends with it"
          * only_our_driver()) {
    Connection c(with_keys("UseDeclareFetch=1;Fetch=7"));
    Connection observer;
    const std::string pid = query_string(c.dbc, "SELECT pg_backend_pid()").value_or("0");
    Stmt stmt(c.dbc);
    exec(stmt, series_sql);
    for (int i = 1; i <= 10; ++i) {
        check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
        CHECK(fetch_int(stmt) == i);
    }
    // Ten rows read, seven per FETCH: the second FETCH was the last statement sent.
    CHECK(activity(observer.dbc, pid, "state") == "idle in transaction");
    const std::string query = activity(observer.dbc, pid, "query");
    CHECK(query.starts_with("FETCH FORWARD 7 FROM rsodbc_cursor_"));
    CHECK(read_rest(stmt, 11) == total_rows + 1);
    CHECK(activity(observer.dbc, pid, "state") == "idle");
    CHECK(activity(observer.dbc, pid, "query") == "COMMIT");
}

TEST_CASE("closing a cursor early ends the driver's transaction") {
    Connection c(with_keys("UseDeclareFetch=1;Fetch=7"));
    Stmt stmt(c.dbc);
    exec(stmt, series_sql);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    check(SQLCloseCursor(stmt), SQL_HANDLE_STMT, stmt);
    // Outside a transaction again: a transaction-level command fails inside one.
    exec(stmt, "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
    CHECK(query_string(c.dbc, "SELECT current_setting('transaction_isolation')")
          == "read committed");
    Stmt second(c.dbc);
    exec(second, series_sql);
    CHECK(read_rest(second, 1) == total_rows + 1);
}

TEST_CASE("another statement runs while a cursor is open, in autocommit and manual commit") {
    for (const bool autocommit : {true, false}) {
        CAPTURE(autocommit);
        Connection c(with_keys("UseDeclareFetch=1;Fetch=7"));
        set_autocommit(c.dbc, autocommit);
        Stmt first(c.dbc);
        Stmt second(c.dbc);
        exec(second, "CREATE TEMP TABLE it_declare_side (v int)");
        exec(first, series_sql);
        for (int i = 1; i <= 12; ++i) {
            check(SQLFetch(first), SQL_HANDLE_STMT, first);
            CHECK(fetch_int(first) == i);
        }
        exec(second, "INSERT INTO it_declare_side VALUES (1), (2)");
        CHECK(query_string(c.dbc, "SELECT count(*) FROM it_declare_side") == "2");
        // A second cursor while the first still has rows: Redshift allows one open cursor.
        exec(second, series_sql);
        for (int i = 1; i <= 3; ++i) {
            check(SQLFetch(second), SQL_HANDLE_STMT, second);
            CHECK(fetch_int(second) == i);
        }
        CHECK(read_rest(first, 13) == total_rows + 1);
        CHECK(read_rest(second, 4) == total_rows + 1);
        if (!autocommit) {
            // The cursor never ended the application's transaction: the rows roll back.
            check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_ROLLBACK), SQL_HANDLE_DBC, c.dbc);
            Stmt check_stmt(c.dbc);
            CHECK(SQLExecDirect(check_stmt, sqlc("SELECT count(*) FROM it_declare_side"),
                                SQL_NTS)
                  == SQL_ERROR);  // the temp table was created in the rolled-back transaction
        }
    }
}

TEST_CASE("committing in manual-commit mode keeps the rows of an open cursor") {
    Connection c(with_keys("UseDeclareFetch=1;Fetch=7"));
    set_autocommit(c.dbc, false);
    Stmt stmt(c.dbc);
    exec(stmt, series_sql);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_int(stmt) == 1);
    check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_COMMIT), SQL_HANDLE_DBC, c.dbc);
    CHECK(read_rest(stmt, 2) == total_rows + 1);
}

TEST_CASE("UseDeclareFetch with parameters, prepared and direct") {
    Connection c(with_keys("UseDeclareFetch=1;Fetch=7"));
    Stmt stmt(c.dbc);
    SQLINTEGER limit = total_rows;
    SQLCHAR prefix[] = "row ";
    check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 10, 0, prefix, 0,
                           nullptr),
          SQL_HANDLE_STMT, stmt);
    check(SQLBindParameter(stmt, 2, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &limit, 0,
                           nullptr),
          SQL_HANDLE_STMT, stmt);
    const char* sql = "SELECT g, ? || g AS label FROM generate_series(1, ?) AS g ORDER BY g";
    check(SQLPrepare(stmt, sqlc(sql), SQL_NTS), SQL_HANDLE_STMT, stmt);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(read_rest(stmt, 1) == total_rows + 1);
    check(SQLCloseCursor(stmt), SQL_HANDLE_STMT, stmt);
    limit = 20;
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(read_rest(stmt, 1) == 21);
    // A parameter value that looks like SQL stays a value.
    Stmt quoted(c.dbc);
    SQLCHAR evil[] = "x'; DROP TABLE nothing; --";
    check(SQLBindParameter(quoted, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 40, 0, evil, 0,
                           nullptr),
          SQL_HANDLE_STMT, quoted);
    exec(quoted, "SELECT ?::text");
    check(SQLFetch(quoted), SQL_HANDLE_STMT, quoted);
    CHECK(fetch_string(quoted, 1) == "x'; DROP TABLE nothing; --");
}

TEST_CASE("a failing query through a cursor reports the error and leaves no transaction"
          * psqlodbc_deviates()) {
    Connection c(with_keys("UseDeclareFetch=1;Fetch=7"));
    Stmt stmt(c.dbc);
    CHECK(SQLExecDirect(stmt, sqlc("SELECT * FROM it_no_such_table_anywhere"), SQL_NTS)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "42S02"));
    // Division by zero in the third block: the fetch that reaches it fails.
    exec(stmt, "SELECT 10 / (20 - g) FROM generate_series(1, 30) g");
    SQLRETURN rc = SQL_SUCCESS;
    int fetched = 0;
    while ((rc = SQLFetch(stmt)) == SQL_SUCCESS) {
        ++fetched;
    }
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "22012"));
    CHECK(fetched < 20);
    SQLCloseCursor(stmt);
    CHECK(query_string(c.dbc, "SELECT 2") == "2");
}

TEST_CASE("a static cursor is not a server cursor: it scrolls with UseDeclareFetch on") {
    Connection c(with_keys("UseDeclareFetch=1;Fetch=7"));
    Stmt stmt(c.dbc);
    check(SQLSetStmtAttr(stmt, SQL_ATTR_CURSOR_TYPE,
                         reinterpret_cast<SQLPOINTER>(SQL_CURSOR_STATIC), 0),
          SQL_HANDLE_STMT, stmt);
    exec(stmt, series_sql);
    check(SQLFetchScroll(stmt, SQL_FETCH_LAST, 0), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_int(stmt) == total_rows);
}

TEST_CASE("rows read ahead beyond SpillThreshold come back identical" * only_our_driver()) {
    // 60,000 rows of about 100 bytes: several megabytes, over a 1 MB threshold.
    const std::string sql =
        "SELECT g, repeat('x', 90) || g AS label FROM generate_series(1, "
        "60000) AS g ORDER BY g";
    for (const std::string keys :
         {"SpillThreshold=1", "SpillThreshold=1;UseDeclareFetch=1", "SpillThreshold=0"}) {
        CAPTURE(keys);
        const int files_before = deleted_files_open();
        Connection c(with_keys(keys));
        Stmt first(c.dbc);
        exec(first, sql);
        check(SQLFetch(first), SQL_HANDLE_STMT, first);
        CHECK(fetch_int(first) == 1);
        CHECK(query_string(c.dbc, "SELECT 42") == "42");  // reads the rest of `first` ahead
        CHECK(deleted_files_open() == files_before + (keys == "SpillThreshold=0" ? 0 : 1));
        int next = 2;
        SQLRETURN rc = SQL_SUCCESS;
        while ((rc = SQLFetch(first)) == SQL_SUCCESS) {
            REQUIRE(fetch_int(first) == next);
            if (next % 4999 == 0) {
                REQUIRE(fetch_string(first, 2) == std::string(90, 'x') + std::to_string(next));
            }
            ++next;
        }
        CHECK(rc == SQL_NO_DATA);
        CHECK(next == 60001);
        SQLCloseCursor(first);
        CHECK(deleted_files_open() == files_before);  // the file went with the result
    }
}

TEST_CASE("invalid UseDeclareFetch, Fetch and SpillThreshold values are refused"
          * only_our_driver()) {
    for (const char* keys : {"UseDeclareFetch=2", "Fetch=0", "Fetch=abc", "SpillThreshold=-1"}) {
        CAPTURE(keys);
        Env env;
        Dbc dbc(env);
        const std::string text = with_keys(keys);
        CHECK(SQLDriverConnect(dbc, nullptr, sqlc(text), SQL_NTS, nullptr, 0, nullptr,
                               SQL_DRIVER_NOPROMPT)
              == SQL_ERROR);
    }
}

TEST_CASE("a cursor failing while it is read ahead fails its own fetch, not the other statement") {
    Connection c(with_keys("UseDeclareFetch=1;Fetch=7"));
    Stmt first(c.dbc);
    // Row 20 divides by zero: in the third block, which is read ahead for the second statement.
    exec(first, "SELECT 10 / (20 - g) FROM generate_series(1, 30) g");
    check(SQLFetch(first), SQL_HANDLE_STMT, first);
    CHECK(query_string(c.dbc, "SELECT 'second'") == "second");
    int fetched = 1;
    SQLRETURN rc = SQL_SUCCESS;
    while ((rc = SQLFetch(first)) == SQL_SUCCESS) {
        ++fetched;
    }
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, first, "22012"));
    CHECK(fetched == 14);  // the two blocks that arrived whole
    SQLCloseCursor(first);
    CHECK(query_string(c.dbc, "SELECT 3") == "3");
}

TEST_CASE("with UseDeclareFetch, statements a cursor cannot hold still run") {
    Connection c(with_keys("UseDeclareFetch=1;Fetch=7"));
    CHECK(query_string(c.dbc, "SHOW client_encoding") == "UTF8");
    CHECK(query_string(c.dbc, "EXPLAIN SELECT 1").has_value());
    CHECK(query_string(c.dbc, "SELECT 5;") == "5");
    CHECK(query_string(c.dbc, "VALUES (6)") == "6");
    CHECK(query_string(c.dbc, "WITH x AS (SELECT 7 AS v) SELECT v FROM x") == "7");
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 1; SELECT 2");  // several statements: read whole, as without the key
    check(SQLMoreResults(stmt), SQL_HANDLE_STMT, stmt);
}

TEST_CASE("disconnecting with an open cursor in autocommit mode does not read it to the end") {
    Connection observer;
    std::string pid;
    {
        Connection c(with_keys("UseDeclareFetch=1;Fetch=7"));
        pid = query_string(c.dbc, "SELECT pg_backend_pid()").value_or("0");
        // A raw handle: SQLDisconnect frees it, so no wrapper may free it again afterwards.
        SQLHSTMT stmt = SQL_NULL_HSTMT;
        check(SQLAllocHandle(SQL_HANDLE_STMT, c.dbc, &stmt), SQL_HANDLE_DBC, c.dbc);
        // In the select list, generate_series yields rows one by one (no materialisation).
        check(SQLExecDirect(stmt, sqlc("SELECT generate_series(1, 100000000)"), SQL_NTS),
              SQL_HANDLE_STMT, stmt);
        check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
        // A hundred million rows would take minutes to read ahead; the disconnect is immediate.
        c.dbc.disconnect();
    }
    // The backend goes away shortly after the connection closes.
    std::optional<std::string> sessions;
    for (int attempt = 0; attempt < 50 && sessions != "0"; ++attempt) {
        if (attempt > 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        sessions =
            query_string(observer.dbc, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid);
    }
    CHECK(sessions == "0");
}
