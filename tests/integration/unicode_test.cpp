// Unicode through the W entry points: non-ASCII and non-BMP text in statements, results, column
// names and diagnostics. UTF-16 code units are compared exactly (U+1F600 is a surrogate pair).
#include "driver_direct.h"
#include "odbc_test.h"

#include <string>

using namespace odbc_test;

namespace {

// e-acute, "日本語" and U+1F600 (a surrogate pair in UTF-16).
const std::u16string kText = u"caf\u00e9 \u65e5\u672c\u8a9e \U0001F600!";

}  // namespace

TEST_CASE("the UTF-16 test literal is what it claims to be") {
    REQUIRE(kText.size() == 12);
    CHECK(kText[9] == 0xD83D);
    CHECK(kText[10] == 0xDE00);
    CHECK(utf16_to_utf8(kText)
          == "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xF0\x9F\x98\x80!");
    CHECK(utf8_to_utf16(utf16_to_utf8(kText)) == kText);
}

TEST_CASE("SQLExecDirectW insert of non-ASCII text, read back as SQL_C_WCHAR and SQL_C_CHAR") {
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_unicode_rt");
    exec(c.dbc, "CREATE TABLE it_unicode_rt (id int4, v varchar(100))");

    Stmt stmt(c.dbc);
    WStr insert(u"INSERT INTO it_unicode_rt VALUES (1, '" + kText + u"')");
    check(SQLExecDirectW(stmt, insert.get(), SQL_NTS), SQL_HANDLE_STMT, stmt);
    SQLLEN count = 0;
    check(SQLRowCount(stmt, &count), SQL_HANDLE_STMT, stmt);
    CHECK(count == 1);

    WStr select(u"SELECT v, length(v), octet_length(v) FROM it_unicode_rt WHERE id = 1");
    check(SQLExecDirectW(stmt, select.get(), SQL_NTS), SQL_HANDLE_STMT, stmt);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);

    // The server stored 11 characters (the emoji is one), 21 UTF-8 bytes.
    CHECK(fetch_string(stmt, 2) == "11");
    CHECK(fetch_string(stmt, 3) == "21");

    SQLWCHAR wbuf[64] = {};
    SQLLEN ind = 0;
    check(SQLGetData(stmt, 1, SQL_C_WCHAR, wbuf, sizeof wbuf, &ind), SQL_HANDLE_STMT, stmt);
    CHECK(from_sqlw(wbuf) == kText);
    CHECK(ind == static_cast<SQLLEN>(kText.size() * sizeof(SQLWCHAR)));

    check(SQLCloseCursor(stmt), SQL_HANDLE_STMT, stmt);
    check(SQLExecDirectW(stmt, select.get(), SQL_NTS), SQL_HANDLE_STMT, stmt);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    char buf[64] = {};
    check(SQLGetData(stmt, 1, SQL_C_CHAR, buf, sizeof buf, &ind), SQL_HANDLE_STMT, stmt);
    CHECK(std::string(buf) == utf16_to_utf8(kText));
    CHECK(ind == static_cast<SQLLEN>(utf16_to_utf8(kText).size()));
}

TEST_CASE("SQLExecDirectW with a length in characters, not SQL_NTS") {
    Connection c;
    Stmt stmt(c.dbc);
    WStr sql(u"SELECT '\u65e5\U0001F600' AS x; this part is past the length");
    // 15 code units: SELECT '<2 BMP + 2 surrogates>' -> "SELECT '" (8) + 3 + "'" (1) = 12.
    const std::u16string head = u"SELECT '\u65e5\U0001F600'";
    REQUIRE(head.size() == 12);
    check(SQLExecDirectW(stmt, sql.get(), static_cast<SQLINTEGER>(head.size())), SQL_HANDLE_STMT,
          stmt);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_wstring(stmt, 1) == u"\u65e5\U0001F600");
}

TEST_CASE("SQLPrepareW + SQLExecute with non-ASCII text") {
    Connection c;
    Stmt stmt(c.dbc);
    WStr sql(u"SELECT '" + kText + u"'::text");
    check(SQLPrepareW(stmt, sql.get(), SQL_NTS), SQL_HANDLE_STMT, stmt);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_wstring(stmt, 1) == kText);
}

TEST_CASE("a non-BMP character cut by a small SQL_C_WCHAR buffer reassembles exactly") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT '" + utf16_to_utf8(kText) + "'::text");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    // 4 bytes: one code unit plus the terminator per piece.
    std::u16string got;
    for (int i = 0; i < 100; ++i) {
        SQLWCHAR buf[2];
        SQLLEN ind = 0;
        const SQLRETURN rc = SQLGetData(stmt, 1, SQL_C_WCHAR, buf, sizeof buf, &ind);
        if (rc == SQL_NO_DATA) {
            break;
        }
        REQUIRE(SQL_SUCCEEDED(rc));
        got += from_sqlw(buf);
    }
    CHECK(got == kText);
}

TEST_CASE("SQLDescribeColW and SQLColAttributeW of a non-ASCII column name") {
    Connection c;
    Stmt stmt(c.dbc);
    const std::u16string name = u"pr\u00e9nom_\u65e5\u672c";
    WStr sql(u"SELECT 1 AS \"" + name + u"\"");
    check(SQLExecDirectW(stmt, sql.get(), SQL_NTS), SQL_HANDLE_STMT, stmt);

    SQLWCHAR buf[64] = {};
    SQLSMALLINT len = -1;
    SQLSMALLINT type = 0;
    SQLULEN size = 0;
    SQLSMALLINT digits = 0;
    SQLSMALLINT nullable = 0;
    check(SQLDescribeColW(stmt, 1, buf, 64, &len, &type, &size, &digits, &nullable),
          SQL_HANDLE_STMT, stmt);
    CHECK(from_sqlw(buf) == name);
    CHECK(len == static_cast<SQLSMALLINT>(name.size()));  // characters
    CHECK(type == SQL_INTEGER);

    SQLWCHAR attr[64] = {};
    SQLSMALLINT attr_len = -1;
    check(SQLColAttributeW(stmt, 1, SQL_DESC_NAME, attr, sizeof attr, &attr_len, nullptr),
          SQL_HANDLE_STMT, stmt);
    CHECK(from_sqlw(attr) == name);
    CHECK(attr_len == static_cast<SQLSMALLINT>(name.size() * sizeof(SQLWCHAR)));  // bytes

    // The ANSI form returns the UTF-8 bytes.
    SQLCHAR abuf[64] = {};
    SQLSMALLINT alen = -1;
    check(SQLDescribeCol(stmt, 1, abuf, sizeof abuf, &alen, &type, &size, &digits, &nullable),
          SQL_HANDLE_STMT, stmt);
    CHECK(std::string(reinterpret_cast<char*>(abuf)) == utf16_to_utf8(name));
}

TEST_CASE("SQLGetDiagRecW: the server's message with non-ASCII text") {
    Connection c;
    Stmt stmt(c.dbc);
    const std::u16string table = u"it_t\u00e0ble_\u65e5\u672c_missing";
    WStr sql(u"SELECT * FROM \"" + table + u"\"");
    REQUIRE(SQLExecDirectW(stmt, sql.get(), SQL_NTS) == SQL_ERROR);

    SQLWCHAR state[6] = {};
    SQLINTEGER native = 0;
    SQLWCHAR message[1024] = {};
    SQLSMALLINT len = -1;
    check(SQLGetDiagRecW(SQL_HANDLE_STMT, stmt, 1, state, &native, message, 1024, &len),
          SQL_HANDLE_STMT, stmt);
    const std::u16string text = from_sqlw(message);
    INFO("message: " << utf16_to_utf8(text));
    CHECK(text.find(table) != std::u16string::npos);
    CHECK(from_sqlw(state).size() == 5);

    // The same record through the ANSI form: UTF-8.
    SQLCHAR astate[6] = {};
    SQLCHAR amessage[1024] = {};
    SQLSMALLINT alen = -1;
    check(
        SQLGetDiagRec(SQL_HANDLE_STMT, stmt, 1, astate, &native, amessage, sizeof amessage, &alen),
        SQL_HANDLE_STMT, stmt);
    CHECK(std::string(reinterpret_cast<char*>(amessage)).find(utf16_to_utf8(table))
          != std::string::npos);
}

// SQLGetDiagRecW: *TextLengthPtr and BufferLength are in characters. unixODBC 2.3.11 copies every
// record right after the failing call and answers the application's SQLGetDiag*W from its copy,
// so the driver's own function is called here, past the driver manager (driver_direct.h).
// psqlODBC reports the UTF-8 byte length instead.
TEST_CASE("SQLGetDiagRecW (the driver's): the message length is in characters"
          * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    const std::u16string table = u"it_t\u00e0ble_\u65e5\u672c_missing";
    WStr sql(u"SELECT * FROM \"" + table + u"\"");
    REQUIRE(SQLExecDirectW(stmt, sql.get(), SQL_NTS) == SQL_ERROR);
    auto* get_diag_rec = driver_function<decltype(SQLGetDiagRecW)>("SQLGetDiagRecW");
    SQLHANDLE driver_stmt = driver_statement_handle(c.dbc, stmt);

    SQLWCHAR state[6] = {};
    SQLINTEGER native = 0;
    SQLWCHAR message[1024] = {};
    SQLSMALLINT len = -1;
    REQUIRE(get_diag_rec(SQL_HANDLE_STMT, driver_stmt, 1, state, &native, message, 1024, &len)
            == SQL_SUCCESS);
    const std::u16string full = from_sqlw(message);
    CHECK(full.find(table) != std::u16string::npos);
    CHECK(len == static_cast<SQLSMALLINT>(full.size()));
    CHECK(from_sqlw(state) == u"42S02");

    // Truncation: BufferLength is in characters too; the length is still the whole message's.
    SQLWCHAR small[8] = {};
    SQLSMALLINT small_len = -1;
    CHECK(get_diag_rec(SQL_HANDLE_STMT, driver_stmt, 1, state, &native, small, 8, &small_len)
          == SQL_SUCCESS_WITH_INFO);
    CHECK(small_len == len);
    CHECK(from_sqlw(small) == full.substr(0, 7));
}
