// Server notices (NOTICE, WARNING, INFO) reach the application as 01000 diagnostics of the call
// that received them, which returns SQL_SUCCESS_WITH_INFO; nothing is written to stderr.
#include "odbc_test.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <unistd.h>

using namespace odbc_test;  // NOLINT(google-build-using-namespace): test vocabulary

namespace {

int count_state(const Stmt& stmt, std::string_view state) {
    int count = 0;
    for (const auto& record : diagnostics(SQL_HANDLE_STMT, stmt)) {
        count += record.state == state ? 1 : 0;
    }
    return count;
}

// Runs `body` with file descriptor 2 pointed at a temporary file; returns what was written there.
template <class Body>
std::string stderr_of(Body&& body) {
    std::FILE* capture = std::tmpfile();
    REQUIRE(capture != nullptr);
    std::fflush(stderr);
    const int saved = dup(2);
    dup2(fileno(capture), 2);
    body();
    std::fflush(stderr);
    dup2(saved, 2);
    close(saved);
    std::string written;
    std::rewind(capture);
    for (int ch = std::fgetc(capture); ch != EOF; ch = std::fgetc(capture)) {
        written += static_cast<char>(ch);
    }
    std::fclose(capture);
    return written;
}

}  // namespace

TEST_CASE("a NOTICE is never printed on the application's stderr" * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    const std::string written = stderr_of([&] {
        SQLExecDirect(stmt, sqlc("DO $$ BEGIN RAISE NOTICE 'quiet please'; END $$"), SQL_NTS);
    });
    CHECK(written.empty());
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "01000"));
}

TEST_CASE("a NOTICE makes the call SQL_SUCCESS_WITH_INFO with a 01000 record" * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    const SQLRETURN rc =
        SQLExecDirect(stmt, sqlc("DROP TABLE IF EXISTS it_notice_never_there"), SQL_NTS);
    CHECK(rc == SQL_SUCCESS_WITH_INFO);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "01000"));
    const std::string text = diag_text(SQL_HANDLE_STMT, stmt);
    INFO(text);
    CHECK(text.find("NOTICE: table \"it_notice_never_there\" does not exist, skipping")
          != std::string::npos);
    // Taken once: the next statement starts clean.
    SQLFreeStmt(stmt, SQL_CLOSE);
    CHECK(SQLExecDirect(stmt, sqlc("SELECT 1"), SQL_NTS) == SQL_SUCCESS);
}

TEST_CASE("RAISE messages of a DO block, in order, with their severity" * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    const SQLRETURN rc = SQLExecDirect(
        stmt, sqlc("DO $$ BEGIN RAISE NOTICE 'first %', 1; RAISE WARNING 'second %', 2; END $$"),
        SQL_NTS);
    CHECK(rc == SQL_SUCCESS_WITH_INFO);
    const auto records = diagnostics(SQL_HANDLE_STMT, stmt);
    REQUIRE(records.size() == 2);
    CHECK(records[0].state == "01000");
    CHECK(records[0].message.find("NOTICE: first 1") != std::string::npos);
    CHECK(records[1].message.find("WARNING: second 2") != std::string::npos);
}

TEST_CASE("a flood of notices keeps the first 100 and says how many more came"
          * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    const SQLRETURN rc = SQLExecDirect(
        stmt, sqlc("DO $$ BEGIN FOR i IN 1..150 LOOP RAISE NOTICE 'n %', i; END LOOP; END $$"),
        SQL_NTS);
    CHECK(rc == SQL_SUCCESS_WITH_INFO);
    CHECK(count_state(stmt, "01000") == 101);
    CHECK(diag_text(SQL_HANDLE_STMT, stmt).find("50 more server notices were not kept")
          != std::string::npos);
}

TEST_CASE("a notice raised while rows stream reaches the fetch that receives it"
          * only_our_driver()) {
    Connection c;
    exec(c.dbc,
         "CREATE OR REPLACE FUNCTION it_note(i int) RETURNS int AS $$ BEGIN IF i = 3000 THEN "
         "RAISE NOTICE 'reached %', i; END IF; RETURN i; END $$ LANGUAGE plpgsql");
    Stmt stmt(c.dbc);
    const SQLRETURN executed =
        SQLExecDirect(stmt, sqlc("SELECT it_note(g) FROM generate_series(1, 6000) g"), SQL_NTS);
    REQUIRE(SQL_SUCCEEDED(executed));
    bool seen = executed == SQL_SUCCESS_WITH_INFO;
    int rows = 0;
    SQLRETURN rc = SQL_SUCCESS;
    while (SQL_SUCCEEDED(rc = SQLFetch(stmt))) {
        ++rows;
        if (rc == SQL_SUCCESS_WITH_INFO) {
            CHECK(diag_text(SQL_HANDLE_STMT, stmt).find("NOTICE: reached 3000")
                  != std::string::npos);
            seen = true;
        }
    }
    CHECK(rc == SQL_NO_DATA);
    CHECK(rows == 6000);
    CHECK(seen);
}
