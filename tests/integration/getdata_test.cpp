// SQLGetData: conversions of several server types, NULL, out of range and invalid text, and long
// values read in pieces (SQL_C_CHAR and SQL_C_WCHAR).
#include "odbc_test.h"

#include <string>

using namespace odbc_test;

namespace {

const char* const kTypesQuery =
    "SELECT 42::int4 AS i4, 5000000000::int8 AS i8, 'hello'::text AS t, 'vc'::varchar(20) AS vc, "
    "1234.56::numeric(12,2) AS num, 2.5::float8 AS f8, true AS b, DATE '2024-02-29' AS d, "
    "TIMESTAMP '2024-02-29 13:14:15' AS ts, NULL::int4 AS n";

}  // namespace

TEST_CASE("SQLGetData into SQL_C_CHAR") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, kTypesQuery);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 1) == "42");
    CHECK(fetch_string(stmt, 2) == "5000000000");
    CHECK(fetch_string(stmt, 3) == "hello");
    CHECK(fetch_string(stmt, 4) == "vc");
    CHECK(fetch_string(stmt, 5) == "1234.56");
    CHECK(fetch_string(stmt, 6) == "2.5");
    CHECK(fetch_string(stmt, 7) == "1");  // SQL_BIT as text is "1"/"0"
    CHECK(fetch_string(stmt, 8) == "2024-02-29");
    CHECK(fetch_string(stmt, 9) == "2024-02-29 13:14:15");
    CHECK(fetch_string(stmt, 10) == std::nullopt);
}

TEST_CASE("SQLGetData into SQL_C_WCHAR") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, kTypesQuery);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_wstring(stmt, 1) == u"42");
    CHECK(fetch_wstring(stmt, 3) == u"hello");
    CHECK(fetch_wstring(stmt, 5) == u"1234.56");
    CHECK(fetch_wstring(stmt, 8) == u"2024-02-29");
    CHECK(fetch_wstring(stmt, 10) == std::nullopt);

    // The indicator is in bytes.
    exec(stmt, "SELECT 'abc'::text");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    SQLWCHAR buf[16] = {};
    SQLLEN ind = 0;
    CHECK(SQLGetData(stmt, 1, SQL_C_WCHAR, buf, sizeof buf, &ind) == SQL_SUCCESS);
    CHECK(ind == 6);
    CHECK(from_sqlw(buf) == u"abc");
}

TEST_CASE("SQLGetData into numeric C types") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, kTypesQuery);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);

    SQLINTEGER i4 = 0;
    SQLLEN ind = 0;
    check(SQLGetData(stmt, 1, SQL_C_SLONG, &i4, 0, &ind), SQL_HANDLE_STMT, stmt);
    CHECK(i4 == 42);
    CHECK(ind == static_cast<SQLLEN>(sizeof(SQLINTEGER)));

    SQLBIGINT i8 = 0;
    check(SQLGetData(stmt, 2, SQL_C_SBIGINT, &i8, 0, &ind), SQL_HANDLE_STMT, stmt);
    CHECK(i8 == 5000000000LL);

    double num = 0;
    check(SQLGetData(stmt, 5, SQL_C_DOUBLE, &num, 0, &ind), SQL_HANDLE_STMT, stmt);
    CHECK(num == doctest::Approx(1234.56));

    double f8 = 0;
    check(SQLGetData(stmt, 6, SQL_C_DOUBLE, &f8, 0, &ind), SQL_HANDLE_STMT, stmt);
    CHECK(f8 == 2.5);

    unsigned char bit = 9;
    check(SQLGetData(stmt, 7, SQL_C_BIT, &bit, 0, &ind), SQL_HANDLE_STMT, stmt);
    CHECK(bit == 1);

    SQL_DATE_STRUCT d = {};
    check(SQLGetData(stmt, 8, SQL_C_TYPE_DATE, &d, 0, &ind), SQL_HANDLE_STMT, stmt);
    CHECK(d.year == 2024);
    CHECK(d.month == 2);
    CHECK(d.day == 29);

    SQLINTEGER n = 77;
    ind = 0;
    check(SQLGetData(stmt, 10, SQL_C_SLONG, &n, 0, &ind), SQL_HANDLE_STMT, stmt);
    CHECK(ind == SQL_NULL_DATA);

    // A string of digits converts to an integer.
    SQLINTEGER from_text = 0;
    exec(stmt, "SELECT '  123'::text, '-7'::varchar");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    check(SQLGetData(stmt, 2, SQL_C_SLONG, &from_text, 0, nullptr), SQL_HANDLE_STMT, stmt);
    CHECK(from_text == -7);
}

// SQLGetData: 22002 "Indicator variable required but not supplied". psqlODBC answers HY000.
TEST_CASE("SQLGetData of NULL without an indicator is 22002" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT NULL::int4");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    SQLINTEGER v = 0;
    const SQLRETURN rc = SQLGetData(stmt, 1, SQL_C_SLONG, &v, 0, nullptr);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "22002"));
}

// ODBC appendix D (SQL to C conversions): a value outside the C type's range is 22003, text that
// is not a number is 22018. psqlODBC converts with atoi-like functions and reports neither.
TEST_CASE("SQLGetData SQL_C_SLONG of 5000000000 is 22003" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 5000000000::int8");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    SQLINTEGER v = 0;
    SQLLEN ind = 0;
    const SQLRETURN rc = SQLGetData(stmt, 1, SQL_C_SLONG, &v, 0, &ind);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "22003"));
}

TEST_CASE("SQLGetData SQL_C_SLONG of 'abc' is 22018" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 'abc'::text");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    SQLINTEGER v = 0;
    SQLLEN ind = 0;
    const SQLRETURN rc = SQLGetData(stmt, 1, SQL_C_SLONG, &v, 0, &ind);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "22018"));
}

TEST_CASE("SQLGetData of columns in any order and the same column twice") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 1::int4, 'two'::text, 3::int4");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 3) == "3");
    CHECK(fetch_string(stmt, 1) == "1");
    CHECK(fetch_string(stmt, 2) == "two");
    // A fixed-length value can be fetched again (SQL_NO_DATA applies to pieces of variable data).
    SQLINTEGER v = 0;
    check(SQLGetData(stmt, 1, SQL_C_SLONG, &v, 0, nullptr), SQL_HANDLE_STMT, stmt);
    CHECK(v == 1);
}

TEST_CASE("a long text value in pieces: SQL_C_CHAR") {
    // 10 bytes of UTF-8 per repetition: 'a' (1), U+00E9 (2), U+65E5 (3), U+1F600 (4).
    const std::u16string unit = u"a\u00e9\u65e5\U0001F600";
    const std::string unit8 = utf16_to_utf8(unit);
    REQUIRE(unit8.size() == 10);
    const int reps = 10000;
    std::string expected;
    for (int i = 0; i < reps; ++i) {
        expected += unit8;
    }

    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT repeat('" + unit8 + "', " + std::to_string(reps) + ")");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);

    const SQLLEN total = static_cast<SQLLEN>(expected.size());
    std::string got;
    char buf[1001];
    int pieces = 0;
    for (;;) {
        SQLLEN ind = -999;
        const SQLRETURN rc = SQLGetData(stmt, 1, SQL_C_CHAR, buf, sizeof buf, &ind);
        const SQLLEN remaining = total - static_cast<SQLLEN>(got.size());
        CAPTURE(pieces);
        CAPTURE(remaining);
        if (rc == SQL_SUCCESS_WITH_INFO) {
            REQUIRE(has_state(SQL_HANDLE_STMT, stmt, "01004"));
            // The length of the data remaining before this call, or SQL_NO_TOTAL.
            CHECK((ind == remaining || ind == SQL_NO_TOTAL));
            // Truncated to BufferLength less the null-termination character.
            CHECK(std::strlen(buf) == sizeof buf - 1);
            got += buf;
            ++pieces;
            REQUIRE(pieces < 1000);
            continue;
        }
        REQUIRE(rc == SQL_SUCCESS);
        CHECK(ind == remaining);
        got += buf;
        ++pieces;
        break;
    }
    CHECK(SQLGetData(stmt, 1, SQL_C_CHAR, buf, sizeof buf, nullptr) == SQL_NO_DATA);
    CHECK(pieces == 100);
    CHECK(got.size() == expected.size());
    CHECK(got == expected);
}

TEST_CASE("a long text value in pieces: SQL_C_WCHAR") {
    const std::u16string unit = u"a\u00e9\u65e5\U0001F600";  // 5 UTF-16 code units
    const std::string unit8 = utf16_to_utf8(unit);
    const int reps = 10000;
    std::u16string expected;
    for (int i = 0; i < reps; ++i) {
        expected += unit;
    }

    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT repeat('" + unit8 + "', " + std::to_string(reps) + ")");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);

    const SQLLEN total_bytes = static_cast<SQLLEN>(expected.size() * sizeof(SQLWCHAR));
    std::u16string got;
    SQLWCHAR buf[1000];
    int pieces = 0;
    for (;;) {
        SQLLEN ind = -999;
        const SQLRETURN rc = SQLGetData(stmt, 1, SQL_C_WCHAR, buf, sizeof buf, &ind);
        const SQLLEN remaining = total_bytes - static_cast<SQLLEN>(got.size() * sizeof(SQLWCHAR));
        CAPTURE(pieces);
        CAPTURE(remaining);
        if (rc == SQL_SUCCESS_WITH_INFO) {
            REQUIRE(has_state(SQL_HANDLE_STMT, stmt, "01004"));
            CHECK((ind == remaining || ind == SQL_NO_TOTAL));
            const std::u16string piece = from_sqlw(buf);
            // 999 code units, or 998 when the driver keeps a surrogate pair together.
            CHECK(piece.size() >= 998);
            CHECK(piece.size() <= 999);
            got += piece;
            ++pieces;
            REQUIRE(pieces < 1000);
            continue;
        }
        REQUIRE(rc == SQL_SUCCESS);
        CHECK(ind == remaining);
        got += from_sqlw(buf);
        ++pieces;
        break;
    }
    CHECK(SQLGetData(stmt, 1, SQL_C_WCHAR, buf, sizeof buf, nullptr) == SQL_NO_DATA);
    CHECK(got.size() == expected.size());
    CHECK(got == expected);
}

TEST_CASE("SQLGetData with a zero-length buffer reports the length without consuming") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 'hello world'::text");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    char probe[1];
    SQLLEN ind = 0;
    const SQLRETURN rc = SQLGetData(stmt, 1, SQL_C_CHAR, probe, 0, &ind);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_SUCCESS_WITH_INFO);
    CHECK(ind == 11);
    CHECK(fetch_string(stmt, 1) == "hello world");
}

TEST_CASE("SQLGetData of an empty string: SQL_SUCCESS, length 0, then SQL_NO_DATA") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT ''::text");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    char buf[8] = {'X'};
    SQLLEN ind = -5;
    CHECK(SQLGetData(stmt, 1, SQL_C_CHAR, buf, sizeof buf, &ind) == SQL_SUCCESS);
    CHECK(ind == 0);
    CHECK(buf[0] == '\0');
    CHECK(SQLGetData(stmt, 1, SQL_C_CHAR, buf, sizeof buf, &ind) == SQL_NO_DATA);
}
