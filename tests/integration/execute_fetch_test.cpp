// Executing and fetching: result metadata (SQLNumResultCols, SQLDescribeCol(W),
// SQLColAttribute(W)), SQLBindCol, end of data, cursors, SQLPrepare/SQLExecute, SQLRowCount.
#include "odbc_test.h"

#include <string>

using namespace odbc_test;

namespace {

const char* const kTypesQuery =
    "SELECT 42::int4 AS i4, 5000000000::int8 AS i8, 'hello'::text AS t, 'vc'::varchar(20) AS vc, "
    "1234.56::numeric(12,2) AS num, 2.5::float8 AS f8, true AS b, DATE '2024-02-29' AS d, "
    "TIMESTAMP '2024-02-29 13:14:15' AS ts, NULL::int4 AS n";

struct Described {
    std::string name;
    SQLSMALLINT type = 0;
    SQLULEN size = 0;
    SQLSMALLINT digits = 0;
    SQLSMALLINT nullable = 0;
};

Described describe(const Stmt& stmt, SQLUSMALLINT col) {
    Described d;
    SQLCHAR name[128] = {};
    SQLSMALLINT name_len = -1;
    check(SQLDescribeCol(stmt, col, name, sizeof name, &name_len, &d.type, &d.size, &d.digits,
                         &d.nullable),
          SQL_HANDLE_STMT, stmt);
    d.name = reinterpret_cast<char*>(name);
    CHECK(name_len == static_cast<SQLSMALLINT>(d.name.size()));
    return d;
}

SQLLEN numeric_attr(const Stmt& stmt, SQLUSMALLINT col, SQLUSMALLINT field) {
    SQLLEN value = -12345;
    check(SQLColAttribute(stmt, col, field, nullptr, 0, nullptr, &value), SQL_HANDLE_STMT, stmt);
    return value;
}

std::string string_attr(const Stmt& stmt, SQLUSMALLINT col, SQLUSMALLINT field) {
    char buf[256] = {};
    SQLSMALLINT len = -1;
    check(SQLColAttribute(stmt, col, field, buf, sizeof buf, &len, nullptr), SQL_HANDLE_STMT, stmt);
    const std::string text(buf);
    CHECK(len == static_cast<SQLSMALLINT>(text.size()));
    return text;
}

std::u16string string_attr_w(const Stmt& stmt, SQLUSMALLINT col, SQLUSMALLINT field) {
    SQLWCHAR buf[256] = {};
    SQLSMALLINT len = -1;
    check(SQLColAttributeW(stmt, col, field, buf, sizeof buf, &len, nullptr), SQL_HANDLE_STMT,
          stmt);
    const std::u16string text = from_sqlw(buf);
    // SQLColAttributeW: StringLengthPtr is in bytes.
    CHECK(len == static_cast<SQLSMALLINT>(text.size() * sizeof(SQLWCHAR)));
    return text;
}

}  // namespace

// Differential: psqlODBC's default BoolsAsChar=1 describes bool as SQL_VARCHAR; ours is 0 (README).
TEST_CASE("SQLNumResultCols and SQLDescribeCol over several server types" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, kTypesQuery);

    SQLSMALLINT cols = -1;
    check(SQLNumResultCols(stmt, &cols), SQL_HANDLE_STMT, stmt);
    REQUIRE(cols == 10);

    const Described i4 = describe(stmt, 1);
    CHECK(i4.name == "i4");
    CHECK(i4.type == SQL_INTEGER);

    const Described i8 = describe(stmt, 2);
    CHECK(i8.name == "i8");
    CHECK(i8.type == SQL_BIGINT);

    const Described t = describe(stmt, 3);
    CHECK(t.name == "t");
    CHECK((t.type == SQL_VARCHAR || t.type == SQL_LONGVARCHAR || t.type == SQL_WVARCHAR
           || t.type == SQL_WLONGVARCHAR));

    const Described vc = describe(stmt, 4);
    CHECK(vc.name == "vc");
    CHECK((vc.type == SQL_VARCHAR || vc.type == SQL_WVARCHAR));
    CHECK(vc.size == 20);

    const Described num = describe(stmt, 5);
    CHECK(num.name == "num");
    CHECK((num.type == SQL_NUMERIC || num.type == SQL_DECIMAL));
    CHECK(num.size == 12);
    CHECK(num.digits == 2);

    const Described f8 = describe(stmt, 6);
    CHECK(f8.name == "f8");
    CHECK((f8.type == SQL_DOUBLE || f8.type == SQL_FLOAT));

    const Described b = describe(stmt, 7);
    CHECK(b.name == "b");
    CHECK(b.type == SQL_BIT);

    const Described d = describe(stmt, 8);
    CHECK(d.name == "d");
    CHECK(d.type == SQL_TYPE_DATE);  // ODBC 3.x environment: the concise datetime types
    CHECK(d.size == 10);

    const Described ts = describe(stmt, 9);
    CHECK(ts.name == "ts");
    CHECK(ts.type == SQL_TYPE_TIMESTAMP);

    const Described n = describe(stmt, 10);
    CHECK(n.name == "n");
    CHECK(n.type == SQL_INTEGER);
    CHECK((n.nullable == SQL_NULLABLE || n.nullable == SQL_NULLABLE_UNKNOWN));
}

TEST_CASE("SQLDescribeCol: column number 0 without bookmarks or past the end is 07009") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 1 AS a");
    SQLCHAR name[32];
    SQLSMALLINT name_len = 0;
    SQLSMALLINT type = 0;
    SQLULEN size = 0;
    SQLSMALLINT digits = 0;
    SQLSMALLINT nullable = 0;
    SQLRETURN rc =
        SQLDescribeCol(stmt, 2, name, sizeof name, &name_len, &type, &size, &digits, &nullable);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "07009"));
}

TEST_CASE("SQLDescribeCol: short name buffer truncates with 01004 and the full length") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 1 AS a_rather_long_column_name");
    SQLCHAR name[8];
    SQLSMALLINT name_len = 0;
    SQLSMALLINT type = 0;
    SQLULEN size = 0;
    SQLSMALLINT digits = 0;
    SQLSMALLINT nullable = 0;
    const SQLRETURN rc =
        SQLDescribeCol(stmt, 1, name, sizeof name, &name_len, &type, &size, &digits, &nullable);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_SUCCESS_WITH_INFO);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "01004"));
    CHECK(name_len == static_cast<SQLSMALLINT>(std::strlen("a_rather_long_column_name")));
    CHECK(std::string(reinterpret_cast<char*>(name)) == "a_rathe");
    CHECK(type == SQL_INTEGER);
}

TEST_CASE("SQLDescribeColW: name length in characters") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 1 AS abc, 'x'::varchar(5) AS defgh");
    SQLWCHAR name[64] = {};
    SQLSMALLINT name_len = -1;
    SQLSMALLINT type = 0;
    SQLULEN size = 0;
    SQLSMALLINT digits = 0;
    SQLSMALLINT nullable = 0;
    check(SQLDescribeColW(stmt, 2, name, 64, &name_len, &type, &size, &digits, &nullable),
          SQL_HANDLE_STMT, stmt);
    CHECK(from_sqlw(name) == u"defgh");
    CHECK(name_len == 5);
    CHECK(size == 5);
}

TEST_CASE("SQLColAttribute over a table: names, types, nullability, lengths, type names") {
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_colattr");
    exec(c.dbc,
         "CREATE TABLE it_colattr (id int4 NOT NULL, name varchar(30), created date, "
         "amount numeric(12,2))");
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT id, name AS label, created, amount FROM it_colattr");

    SUBCASE("ANSI") {
        CHECK(string_attr(stmt, 1, SQL_DESC_NAME) == "id");
        CHECK(string_attr(stmt, 2, SQL_DESC_LABEL) == "label");
        CHECK(string_attr(stmt, 2, SQL_DESC_NAME) == "label");

        CHECK(numeric_attr(stmt, 1, SQL_DESC_TYPE) == SQL_INTEGER);
        CHECK(numeric_attr(stmt, 1, SQL_DESC_CONCISE_TYPE) == SQL_INTEGER);
        CHECK(numeric_attr(stmt, 1, SQL_DESC_OCTET_LENGTH) == 4);
        CHECK(contains_nocase(string_attr(stmt, 1, SQL_DESC_TYPE_NAME), "int"));

        // Datetime: the verbose type is SQL_DATETIME, the concise type SQL_TYPE_DATE.
        CHECK(numeric_attr(stmt, 3, SQL_DESC_TYPE) == SQL_DATETIME);
        CHECK(numeric_attr(stmt, 3, SQL_DESC_CONCISE_TYPE) == SQL_TYPE_DATE);
        CHECK(contains_nocase(string_attr(stmt, 3, SQL_DESC_TYPE_NAME), "date"));

        CHECK(numeric_attr(stmt, 2, SQL_DESC_LENGTH) == 30);
        CHECK(numeric_attr(stmt, 2, SQL_DESC_OCTET_LENGTH) >= 30);
        const std::string vname = string_attr(stmt, 2, SQL_DESC_TYPE_NAME);
        CHECK((contains_nocase(vname, "varchar") || contains_nocase(vname, "character varying")));

        CHECK(numeric_attr(stmt, 4, SQL_DESC_PRECISION) == 12);
        CHECK(numeric_attr(stmt, 4, SQL_DESC_SCALE) == 2);

        CHECK(numeric_attr(stmt, 2, SQL_DESC_NULLABLE) == SQL_NULLABLE);
    }

    SUBCASE("W forms report string lengths in bytes") {
        CHECK(string_attr_w(stmt, 1, SQL_DESC_NAME) == u"id");
        CHECK(string_attr_w(stmt, 2, SQL_DESC_LABEL) == u"label");
        CHECK(contains_nocase(utf16_to_utf8(string_attr_w(stmt, 1, SQL_DESC_TYPE_NAME)), "int"));
        SQLLEN type = 0;
        check(SQLColAttributeW(stmt, 3, SQL_DESC_CONCISE_TYPE, nullptr, 0, nullptr, &type),
              SQL_HANDLE_STMT, stmt);
        CHECK(type == SQL_TYPE_DATE);
    }

    SUBCASE("SQL_DESC_COUNT") {
        CHECK(numeric_attr(stmt, 0, SQL_DESC_COUNT) == 4);
    }
}

// The column was declared NOT NULL, so SQL_NO_NULLS is knowable from the catalog (psqlODBC
// reports it too).
TEST_CASE("SQLColAttribute SQL_DESC_NULLABLE of a NOT NULL column is SQL_NO_NULLS") {
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_colattr_nn");
    exec(c.dbc, "CREATE TABLE it_colattr_nn (id int4 NOT NULL, name varchar(30))");
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT id, name FROM it_colattr_nn");
    CHECK(numeric_attr(stmt, 1, SQL_DESC_NULLABLE) == SQL_NO_NULLS);
    CHECK(numeric_attr(stmt, 2, SQL_DESC_NULLABLE) == SQL_NULLABLE);
}

TEST_CASE("SQLBindCol of a single row, SQL_NO_DATA at the end, SQL_UNBIND") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, kTypesQuery);

    SQLINTEGER i4 = 0;
    SQLBIGINT i8 = 0;
    char t[32] = {};
    double num = 0;
    double f8 = 0;
    SQL_DATE_STRUCT d = {};
    SQL_TIMESTAMP_STRUCT ts = {};
    SQLINTEGER n = 77;
    SQLLEN ind[10] = {};
    check(SQLBindCol(stmt, 1, SQL_C_SLONG, &i4, 0, &ind[0]), SQL_HANDLE_STMT, stmt);
    check(SQLBindCol(stmt, 2, SQL_C_SBIGINT, &i8, 0, &ind[1]), SQL_HANDLE_STMT, stmt);
    check(SQLBindCol(stmt, 3, SQL_C_CHAR, t, sizeof t, &ind[2]), SQL_HANDLE_STMT, stmt);
    check(SQLBindCol(stmt, 5, SQL_C_DOUBLE, &num, 0, &ind[4]), SQL_HANDLE_STMT, stmt);
    check(SQLBindCol(stmt, 6, SQL_C_DOUBLE, &f8, 0, &ind[5]), SQL_HANDLE_STMT, stmt);
    check(SQLBindCol(stmt, 8, SQL_C_TYPE_DATE, &d, 0, &ind[7]), SQL_HANDLE_STMT, stmt);
    check(SQLBindCol(stmt, 9, SQL_C_TYPE_TIMESTAMP, &ts, 0, &ind[8]), SQL_HANDLE_STMT, stmt);
    check(SQLBindCol(stmt, 10, SQL_C_SLONG, &n, 0, &ind[9]), SQL_HANDLE_STMT, stmt);

    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(i4 == 42);
    CHECK(i8 == 5000000000LL);
    CHECK(std::string(t) == "hello");
    CHECK(ind[2] == 5);
    CHECK(num == doctest::Approx(1234.56));
    CHECK(f8 == 2.5);
    CHECK(d.year == 2024);
    CHECK(d.month == 2);
    CHECK(d.day == 29);
    CHECK(ts.year == 2024);
    CHECK(ts.hour == 13);
    CHECK(ts.minute == 14);
    CHECK(ts.second == 15);
    CHECK(ts.fraction == 0);
    CHECK(ind[9] == SQL_NULL_DATA);

    CHECK(SQLFetch(stmt) == SQL_NO_DATA);

    // Unbound buffers are left alone by later fetches.
    check(SQLFreeStmt(stmt, SQL_UNBIND), SQL_HANDLE_STMT, stmt);
    check(SQLFreeStmt(stmt, SQL_CLOSE), SQL_HANDLE_STMT, stmt);
    exec(stmt, "SELECT 7::int4, 8::int8");
    i4 = -1;
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(i4 == -1);
    SQLINTEGER got = 0;
    check(SQLGetData(stmt, 1, SQL_C_SLONG, &got, 0, nullptr), SQL_HANDLE_STMT, stmt);
    CHECK(got == 7);
}

TEST_CASE("SQLBindCol: a char buffer too small truncates with 01004 and the full length") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 'abcdefghij'::text");
    char buf[5] = {};
    SQLLEN ind = 0;
    check(SQLBindCol(stmt, 1, SQL_C_CHAR, buf, sizeof buf, &ind), SQL_HANDLE_STMT, stmt);
    const SQLRETURN rc = SQLFetch(stmt);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_SUCCESS_WITH_INFO);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "01004"));
    CHECK(std::string(buf) == "abcd");
    CHECK(ind == 10);
}

TEST_CASE("several rows fetched in order, then SQL_NO_DATA (and again SQL_NO_DATA)") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT g FROM generate_series(1, 5) AS g ORDER BY g");
    SQLINTEGER v = 0;
    SQLLEN ind = 0;
    check(SQLBindCol(stmt, 1, SQL_C_SLONG, &v, 0, &ind), SQL_HANDLE_STMT, stmt);
    for (int expected = 1; expected <= 5; ++expected) {
        REQUIRE(SQLFetch(stmt) == SQL_SUCCESS);
        CHECK(v == expected);
    }
    CHECK(SQLFetch(stmt) == SQL_NO_DATA);
    CHECK(SQLFetch(stmt) == SQL_NO_DATA);
}

TEST_CASE("an empty result: SQLNumResultCols > 0, first SQLFetch is SQL_NO_DATA") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 1 AS a WHERE false");
    SQLSMALLINT cols = 0;
    check(SQLNumResultCols(stmt, &cols), SQL_HANDLE_STMT, stmt);
    CHECK(cols == 1);
    CHECK(SQLFetch(stmt) == SQL_NO_DATA);
}

TEST_CASE("SQLCloseCursor then re-execute; SQLCloseCursor without a cursor is 24000") {
    Connection c;
    Stmt stmt(c.dbc);
    check(SQLPrepare(stmt, sqlc("SELECT g FROM generate_series(1, 3) AS g ORDER BY g"), SQL_NTS),
          SQL_HANDLE_STMT, stmt);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 1) == "1");
    check(SQLCloseCursor(stmt), SQL_HANDLE_STMT, stmt);

    // Re-executing starts from the first row again.
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 1) == "1");
    check(SQLCloseCursor(stmt), SQL_HANDLE_STMT, stmt);

    const SQLRETURN rc = SQLCloseCursor(stmt);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "24000"));

    // SQLFreeStmt(SQL_CLOSE) without a cursor is not an error.
    CHECK(SQLFreeStmt(stmt, SQL_CLOSE) == SQL_SUCCESS);
}

// SQLExecDirect: 24000 "A cursor was open on the StatementHandle, but SQLFetch or SQLFetchScroll
// had not been called." psqlODBC answers HY010 instead.
TEST_CASE("executing while a cursor is open is 24000" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    check(SQLExecDirect(stmt, sqlc("SELECT 1"), SQL_NTS), SQL_HANDLE_STMT, stmt);
    const SQLRETURN rc = SQLExecDirect(stmt, sqlc("SELECT 2"), SQL_NTS);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "24000"));
}

TEST_CASE("SQLPrepare + SQLExecute (no parameters) twice, and SQLExecDirect") {
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_prepare");
    exec(c.dbc, "CREATE TABLE it_prepare (v int4)");
    Stmt stmt(c.dbc);
    check(SQLPrepare(stmt, sqlc("INSERT INTO it_prepare VALUES (1)"), SQL_NTS), SQL_HANDLE_STMT,
          stmt);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(count_rows(c.dbc, "it_prepare") == 2);

    // A prepared SELECT describes its result before SQLExecute.
    Stmt sel(c.dbc);
    check(SQLPrepare(sel, sqlc("SELECT sum(v) AS total, count(*) AS n FROM it_prepare"), SQL_NTS),
          SQL_HANDLE_STMT, sel);
    SQLSMALLINT cols = 0;
    check(SQLNumResultCols(sel, &cols), SQL_HANDLE_STMT, sel);
    CHECK(cols == 2);
    for (int round = 0; round < 2; ++round) {
        check(SQLExecute(sel), SQL_HANDLE_STMT, sel);
        check(SQLFetch(sel), SQL_HANDLE_STMT, sel);
        CHECK(fetch_string(sel, 1) == "2");
        CHECK(fetch_string(sel, 2) == "2");
        CHECK(SQLFetch(sel) == SQL_NO_DATA);
        check(SQLCloseCursor(sel), SQL_HANDLE_STMT, sel);
    }

    check(SQLExecDirect(stmt, sqlc("INSERT INTO it_prepare VALUES (3)"), SQL_NTS), SQL_HANDLE_STMT,
          stmt);
    CHECK(count_rows(c.dbc, "it_prepare") == 3);
}

TEST_CASE("SQLExecDirect with an explicit length, not SQL_NTS") {
    Connection c;
    Stmt stmt(c.dbc);
    const std::string sql = "SELECT 12345 -- trailing text past the length: garbage ;;;";
    check(SQLExecDirect(stmt, sqlc(sql), 12), SQL_HANDLE_STMT, stmt);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 1) == "12345");
}

TEST_CASE("SQLRowCount after DDL and DML") {
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_rowcount");
    Stmt stmt(c.dbc);
    SQLLEN count = -2;

    exec(stmt, "CREATE TABLE it_rowcount (id int4, v text)");
    check(SQLRowCount(stmt, &count), SQL_HANDLE_STMT, stmt);
    CHECK((count == -1 || count == 0));

    exec(stmt, "INSERT INTO it_rowcount VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    check(SQLRowCount(stmt, &count), SQL_HANDLE_STMT, stmt);
    CHECK(count == 3);

    exec(stmt, "UPDATE it_rowcount SET v = 'x' WHERE id >= 2");
    check(SQLRowCount(stmt, &count), SQL_HANDLE_STMT, stmt);
    CHECK(count == 2);

    exec(stmt, "DELETE FROM it_rowcount WHERE id = 1");
    check(SQLRowCount(stmt, &count), SQL_HANDLE_STMT, stmt);
    CHECK(count == 1);

    // A searched DELETE touching no row: SQL_NO_DATA (ODBC 3.x), row count 0.
    const SQLRETURN rc = exec(stmt, "DELETE FROM it_rowcount WHERE id = 999");
    CHECK(rc == SQL_NO_DATA);
    check(SQLRowCount(stmt, &count), SQL_HANDLE_STMT, stmt);
    CHECK(count == 0);

    // SELECT: -1 or the number of rows; both are allowed.
    exec(stmt, "SELECT * FROM it_rowcount");
    check(SQLRowCount(stmt, &count), SQL_HANDLE_STMT, stmt);
    CHECK((count == -1 || count == 2));
}

TEST_CASE("a statement without a result: SQLNumResultCols is 0") {
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_noresult");
    Stmt stmt(c.dbc);
    exec(stmt, "CREATE TABLE it_noresult (id int4)");
    SQLSMALLINT cols = -1;
    check(SQLNumResultCols(stmt, &cols), SQL_HANDLE_STMT, stmt);
    CHECK(cols == 0);
}

// SQL_DESC_BASE_TABLE_NAME / SCHEMA_NAME / BASE_COLUMN_NAME / CATALOG_NAME of a column read
// straight from a table come from the catalog; a computed column has "" (ODBC: unknown).
TEST_CASE("SQLColAttribute base table, schema, column and catalog names") {
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_colattr_base");
    exec(c.dbc, "CREATE TABLE it_colattr_base (id int4, name varchar(30))");
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT name AS label, id + 1 AS next FROM it_colattr_base");
    CHECK(string_attr(stmt, 1, SQL_DESC_BASE_TABLE_NAME) == "it_colattr_base");
    CHECK(string_attr(stmt, 1, SQL_DESC_TABLE_NAME) == "it_colattr_base");
    CHECK(string_attr(stmt, 1, SQL_DESC_SCHEMA_NAME) == "public");
    CHECK(string_attr(stmt, 1, SQL_DESC_BASE_COLUMN_NAME) == "name");
    CHECK(string_attr(stmt, 1, SQL_DESC_NAME) == "label");
    CHECK(string_attr(stmt, 1, SQL_DESC_CATALOG_NAME) == require_env("RSODBC_TEST_DATABASE"));
    CHECK(string_attr(stmt, 2, SQL_DESC_BASE_TABLE_NAME).empty());
    CHECK(string_attr(stmt, 2, SQL_DESC_BASE_COLUMN_NAME) == "next");
}
