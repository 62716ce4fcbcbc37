// Diagnostics: SQLSTATEs of server errors, SQLGetDiagRec / SQLGetDiagField records and header
// fields, truncation and out-of-range record numbers.
#include "driver_direct.h"
#include "odbc_test.h"

#include <string>

using namespace odbc_test;

namespace {

// A statement that failed with a syntax error.
SQLRETURN run_syntax_error(const Stmt& stmt) {
    return SQLExecDirect(stmt, sqlc("SELEC 1 FROM nowhere_at_all"), SQL_NTS);
}

}  // namespace

// Server 42601 (syntax_error) maps to the ODBC SQLSTATE 42000 "Syntax error or access violation".
// psqlODBC passes the server's SQLSTATE (42601) through.
TEST_CASE("syntax error: SQL_ERROR with 42000" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    const SQLRETURN rc = run_syntax_error(stmt);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    REQUIRE(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "42000"));
}

TEST_CASE("syntax error: the server's message text; the same connection runs a query next") {
    Connection c;
    Stmt stmt(c.dbc);
    REQUIRE(run_syntax_error(stmt) == SQL_ERROR);
    const auto diags = diagnostics(SQL_HANDLE_STMT, stmt);
    REQUIRE(!diags.empty());
    INFO(diag_text(SQL_HANDLE_STMT, stmt));
    CHECK(contains_nocase(diags[0].message, "syntax error"));
    CHECK(contains_nocase(diags[0].message, "SELEC"));
    // The class is 42 (syntax error or access violation) whoever maps it.
    CHECK(diags[0].state.substr(0, 2) == "42");

    // The same statement handle and connection carry on.
    exec(stmt, "SELECT 'still here'");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 1) == "still here");
    CHECK(query_string(c.dbc, "SELECT 3") == "3");
}

// Server 42P01 (undefined_table) maps to 42S02 "Base table or view not found". psqlODBC passes
// 42P01 through.
TEST_CASE("table not found: 42S02" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    const SQLRETURN rc =
        SQLExecDirect(stmt, sqlc("SELECT * FROM it_diag_no_such_table_h3"), SQL_NTS);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    REQUIRE(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "42S02"));
    CHECK(contains_nocase(diagnostics(SQL_HANDLE_STMT, stmt).at(0).message,
                          "it_diag_no_such_table_h3"));
}

TEST_CASE("server states that ODBC shares are passed through: 22012, 23505") {
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_diag_unique");
    exec(c.dbc, "CREATE TABLE it_diag_unique (id int4 PRIMARY KEY)");
    exec(c.dbc, "INSERT INTO it_diag_unique VALUES (1)");
    Stmt stmt(c.dbc);
    CHECK(SQLExecDirect(stmt, sqlc("SELECT 1/0"), SQL_NTS) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "22012"));
    CHECK(SQLExecDirect(stmt, sqlc("INSERT INTO it_diag_unique VALUES (1)"), SQL_NTS) == SQL_ERROR);
    const auto states = diag_states(SQL_HANDLE_STMT, stmt);
    INFO(diag_text(SQL_HANDLE_STMT, stmt));
    // 23505 from the server; ODBC's integrity-constraint class is 23000. Either is fine.
    CHECK((has_state(SQL_HANDLE_STMT, stmt, "23505") || has_state(SQL_HANDLE_STMT, stmt, "23000")));
}

TEST_CASE("SQLGetDiagRec and SQLGetDiagField: count, state, native error, message") {
    Connection c;
    Stmt stmt(c.dbc);
    REQUIRE(run_syntax_error(stmt) == SQL_ERROR);

    SQLINTEGER number = -1;
    check(SQLGetDiagField(SQL_HANDLE_STMT, stmt, 0, SQL_DIAG_NUMBER, &number, 0, nullptr),
          SQL_HANDLE_STMT, stmt);
    REQUIRE(number >= 1);

    SQLRETURN header_rc = 12345;
    check(SQLGetDiagField(SQL_HANDLE_STMT, stmt, 0, SQL_DIAG_RETURNCODE, &header_rc, 0, nullptr),
          SQL_HANDLE_STMT, stmt);
    CHECK(header_rc == SQL_ERROR);

    SQLCHAR state[6] = {};
    SQLINTEGER native = 12345;
    SQLCHAR message[1024] = {};
    SQLSMALLINT len = -1;
    REQUIRE(SQLGetDiagRec(SQL_HANDLE_STMT, stmt, 1, state, &native, message, sizeof message, &len)
            == SQL_SUCCESS);
    const std::string full(reinterpret_cast<char*>(message));
    CHECK(std::strlen(reinterpret_cast<char*>(state)) == 5);
    CHECK(len == static_cast<SQLSMALLINT>(full.size()));
    CHECK(!full.empty());

    // The same record field by field.
    SQLCHAR field_state[6] = {};
    SQLSMALLINT field_len = -1;
    check(SQLGetDiagField(SQL_HANDLE_STMT, stmt, 1, SQL_DIAG_SQLSTATE, field_state,
                          sizeof field_state, &field_len),
          SQL_HANDLE_STMT, stmt);
    CHECK(std::string(reinterpret_cast<char*>(field_state))
          == std::string(reinterpret_cast<char*>(state)));
    SQLINTEGER field_native = -1;
    check(SQLGetDiagField(SQL_HANDLE_STMT, stmt, 1, SQL_DIAG_NATIVE, &field_native, 0, nullptr),
          SQL_HANDLE_STMT, stmt);
    CHECK(field_native == native);
    SQLCHAR field_message[1024] = {};
    SQLSMALLINT field_message_len = -1;
    check(SQLGetDiagField(SQL_HANDLE_STMT, stmt, 1, SQL_DIAG_MESSAGE_TEXT, field_message,
                          sizeof field_message, &field_message_len),
          SQL_HANDLE_STMT, stmt);
    CHECK(std::string(reinterpret_cast<char*>(field_message)) == full);
    CHECK(field_message_len == len);

    // A record number past the count: SQL_NO_DATA. Zero or negative: SQL_ERROR.
    CHECK(SQLGetDiagRec(SQL_HANDLE_STMT, stmt, static_cast<SQLSMALLINT>(number + 1), state, &native,
                        message, sizeof message, &len)
          == SQL_NO_DATA);
    CHECK(SQLGetDiagRec(SQL_HANDLE_STMT, stmt, 0, state, &native, message, sizeof message, &len)
          == SQL_ERROR);
    CHECK(SQLGetDiagField(SQL_HANDLE_STMT, stmt, static_cast<SQLSMALLINT>(number + 1),
                          SQL_DIAG_SQLSTATE, field_state, sizeof field_state, &field_len)
          == SQL_NO_DATA);
}

// SQLGetDiagRec: truncated message -> SQL_SUCCESS_WITH_INFO, *TextLengthPtr the full length.
// psqlODBC returns SQL_SUCCESS with the truncated length and hands the rest of the message out on
// the next calls.
TEST_CASE("SQLGetDiagRec: a small message buffer truncates and reports the full length"
          * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    REQUIRE(run_syntax_error(stmt) == SQL_ERROR);
    SQLCHAR state[6] = {};
    SQLINTEGER native = 0;
    SQLCHAR message[1024] = {};
    SQLSMALLINT len = -1;
    REQUIRE(SQLGetDiagRec(SQL_HANDLE_STMT, stmt, 1, state, &native, message, sizeof message, &len)
            == SQL_SUCCESS);
    const std::string full(reinterpret_cast<char*>(message));
    // Truncation: the message is cut to BufferLength - 1, the full length is reported.
    SQLCHAR small[10] = {};
    SQLSMALLINT small_len = -1;
    CHECK(SQLGetDiagRec(SQL_HANDLE_STMT, stmt, 1, state, &native, small, sizeof small, &small_len)
          == SQL_SUCCESS_WITH_INFO);
    CHECK(small_len == len);
    CHECK(std::string(reinterpret_cast<char*>(small)) == full.substr(0, 9));

    // Truncation does not consume the record.
    SQLSMALLINT again_len = -1;
    CHECK(
        SQLGetDiagRec(SQL_HANDLE_STMT, stmt, 1, state, &native, message, sizeof message, &again_len)
        == SQL_SUCCESS);
    CHECK(std::string(reinterpret_cast<char*>(message)) == full);
}

TEST_CASE("diagnostics are cleared by the next call on the handle") {
    Connection c;
    Stmt stmt(c.dbc);
    REQUIRE(run_syntax_error(stmt) == SQL_ERROR);
    REQUIRE(!diag_states(SQL_HANDLE_STMT, stmt).empty());
    CHECK(SQLExecDirect(stmt, sqlc("SELECT 1"), SQL_NTS) == SQL_SUCCESS);
    CHECK(diag_states(SQL_HANDLE_STMT, stmt).empty());
    SQLINTEGER number = -1;
    check(SQLGetDiagField(SQL_HANDLE_STMT, stmt, 0, SQL_DIAG_NUMBER, &number, 0, nullptr),
          SQL_HANDLE_STMT, stmt);
    CHECK(number == 0);
    CHECK(SQLGetDiagRec(SQL_HANDLE_STMT, stmt, 1, nullptr, nullptr, nullptr, 0, nullptr)
          == SQL_NO_DATA);
}

TEST_CASE("SQLGetDiagField SQL_DIAG_ROW_COUNT after an INSERT") {
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_diag_rowcount");
    exec(c.dbc, "CREATE TABLE it_diag_rowcount (id int4)");
    Stmt stmt(c.dbc);
    exec(stmt, "INSERT INTO it_diag_rowcount VALUES (1), (2)");
    SQLLEN count = -1;
    check(SQLGetDiagField(SQL_HANDLE_STMT, stmt, 0, SQL_DIAG_ROW_COUNT, &count, 0, nullptr),
          SQL_HANDLE_STMT, stmt);
    CHECK(count == 2);
}

TEST_CASE("SQLGetDiagRec with NULL output pointers still succeeds") {
    Connection c;
    Stmt stmt(c.dbc);
    REQUIRE(run_syntax_error(stmt) == SQL_ERROR);
    SQLSMALLINT len = -1;
    const SQLRETURN rc =
        SQLGetDiagRec(SQL_HANDLE_STMT, stmt, 1, nullptr, nullptr, nullptr, 0, &len);
    CHECK(SQL_SUCCEEDED(rc));
    CHECK(len > 0);
}

TEST_CASE("SQLGetDiagRecW truncation and SQLGetDiagFieldW lengths") {
    Connection c;
    Stmt stmt(c.dbc);
    REQUIRE(run_syntax_error(stmt) == SQL_ERROR);
    SQLWCHAR state[6] = {};
    SQLINTEGER native = 0;
    SQLWCHAR message[1024] = {};
    SQLSMALLINT len = -1;
    REQUIRE(SQLGetDiagRecW(SQL_HANDLE_STMT, stmt, 1, state, &native, message, 1024, &len)
            == SQL_SUCCESS);
    const std::u16string full = from_sqlw(message);
    CHECK(len == static_cast<SQLSMALLINT>(full.size()));  // ASCII message: characters == bytes
    CHECK(from_sqlw(state).size() == 5);
}

// SQLGetDiagFieldW: string fields are measured in bytes (BufferLength and *StringLengthPtr).
// unixODBC 2.3.11 answers the application's SQLGetDiag*W from its own copy of the records, so the
// driver's own function is called here, past the driver manager (driver_direct.h). psqlODBC counts
// characters.
TEST_CASE("SQLGetDiagFieldW (the driver's): message text length in bytes" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    REQUIRE(run_syntax_error(stmt) == SQL_ERROR);
    const std::u16string full = utf8_to_utf16(diagnostics(SQL_HANDLE_STMT, stmt).at(0).message);
    REQUIRE(full.size() > 10);
    auto* get_diag_field = driver_function<decltype(SQLGetDiagFieldW)>("SQLGetDiagFieldW");
    SQLHANDLE driver_stmt = driver_statement_handle(c.dbc, stmt);

    SQLWCHAR field[1024] = {};
    SQLSMALLINT field_len = -1;
    REQUIRE(get_diag_field(SQL_HANDLE_STMT, driver_stmt, 1, SQL_DIAG_MESSAGE_TEXT, field,
                           sizeof field, &field_len)
            == SQL_SUCCESS);
    INFO("got: " << utf16_to_utf8(from_sqlw(field)));
    INFO("want: " << utf16_to_utf8(full));
    CHECK(from_sqlw(field) == full);
    CHECK(field_len == static_cast<SQLSMALLINT>(full.size() * sizeof(SQLWCHAR)));

    // A buffer of 10 bytes holds 4 characters and the terminator; the length stays the whole one.
    SQLWCHAR small[8] = {};
    SQLSMALLINT small_len = -1;
    CHECK(get_diag_field(SQL_HANDLE_STMT, driver_stmt, 1, SQL_DIAG_MESSAGE_TEXT, small, 10,
                         &small_len)
          == SQL_SUCCESS_WITH_INFO);
    CHECK(small_len == field_len);
    CHECK(from_sqlw(small) == full.substr(0, 4));
}
