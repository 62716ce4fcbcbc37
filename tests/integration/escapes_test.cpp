// ODBC escapes through the driver manager against the real server: every {fn} the SQLGetInfo
// masks claim, run with real values; {d} {t} {ts} {interval} {guid} {escape} {oj}; {call} of a
// real procedure and {?= call} of a function; markers inside escapes (single, prepared, arrays);
// SQL_ATTR_NOSCAN on statements and connections; malformed escapes; SQLNativeSql(W).
#include "odbc_test.h"

#include <cmath>
#include <string>
#include <vector>

using namespace odbc_test;

namespace {

struct Case {
    const char* expression;  // what follows SELECT
    const char* expected;    // the value as text
};

// The value of `SELECT <expression>` as text; every case on its own statement, so a failure
// names the escape.
std::string value_of(const Dbc& dbc, const std::string& expression,
                     odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    INFO("SELECT " << expression);
    return query_string(dbc, "SELECT " + expression, where).value_or("<NULL>");
}

// Floating results are compared as numbers: the server's text form is not ours to pin.
bool same_number(const std::string& text, double expected) {
    try {
        return std::fabs(std::stod(text) - expected) < 1e-9 * std::max(1.0, std::fabs(expected));
    } catch (const std::exception&) {
        return false;
    }
}

void check_cases(const Dbc& dbc, const std::vector<Case>& cases) {
    for (const Case& c : cases) {
        INFO("SELECT " << c.expression);
        CHECK(value_of(dbc, c.expression) == c.expected);
    }
}

void set_stmt_attr(const Stmt& stmt, SQLINTEGER attribute, SQLULEN value) {
    check(SQLSetStmtAttr(stmt, attribute, reinterpret_cast<SQLPOINTER>(value), 0), SQL_HANDLE_STMT,
          stmt);
}

SQLULEN stmt_attr(const Stmt& stmt, SQLINTEGER attribute) {
    SQLULEN value = 99;
    check(SQLGetStmtAttr(stmt, attribute, &value, sizeof value, nullptr), SQL_HANDLE_STMT, stmt);
    return value;
}

}  // namespace

TEST_SUITE_BEGIN("escapes");

TEST_CASE("escapes: every claimed string function gives the ODBC result" * only_our_driver()) {
    Connection c;
    check_cases(c.dbc, {
                           {"{fn ASCII('A')}", "65"},
                           {"{fn BIT_LENGTH('ab')}", "16"},
                           {"{fn CHAR(65)}", "A"},
                           {"{fn CHAR_LENGTH('abc')}", "3"},
                           {"{fn CHARACTER_LENGTH('abcd')}", "4"},
                           {"{fn CONCAT('ab', 'cd')}", "abcd"},
                           {"{fn LCASE('AbC')}", "abc"},
                           {"{fn LEFT('abcdef', 2)}", "ab"},
                           {"{fn LENGTH('abc  ')}", "3"},
                           {"{fn LOCATE('c', 'abcabc')}", "3"},
                           {"{fn LTRIM('  ab')}", "ab"},
                           {"{fn OCTET_LENGTH('abc')}", "3"},
                           {"{fn POSITION('c' IN 'abc')}", "3"},
                           {"{fn REPEAT('ab', 3)}", "ababab"},
                           {"{fn REPLACE('abcabc', 'b', 'x')}", "axcaxc"},
                           {"{fn RIGHT('abcdef', 2)}", "ef"},
                           {"{fn CONCAT({fn RTRIM('ab  ')}, '|')}", "ab|"},
                           {"{fn CONCAT({fn SPACE(3)}, '|')}", "   |"},
                           {"{fn SUBSTRING('abcdef', 2, 3)}", "bcd"},
                           {"{fn SUBSTRING('abcdef', 4)}", "def"},
                           {"{fn UCASE('abc')}", "ABC"},
                           // Translated but not claimed (arguments repeated): still right.
                           {"{fn LOCATE('c', 'abcabc', 4)}", "6"},
                           {"{fn LOCATE('z', 'abcabc', 2)}", "0"},
                           {"{fn INSERT('abcdef', 2, 3, 'XY')}", "aXYef"},
                       });
}

TEST_CASE("escapes: every claimed numeric function gives the ODBC result" * only_our_driver()) {
    Connection c;
    check_cases(c.dbc, {
                           {"{fn ABS(-2)}", "2"},
                           {"{fn CEILING(1.2)}", "2"},
                           {"{fn FLOOR(1.8)}", "1"},
                           {"{fn MOD(7, 3)}", "1"},
                           {"{fn SIGN(-3)}", "-1"},
                           {"{fn ROUND(2.567, 2)}", "2.57"},
                           // ROUND and TRUNCATE also take double precision values.
                           {"{fn ROUND({fn CONVERT(2.567, SQL_DOUBLE)}, 2)}", "2.57"},
                           {"{fn TRUNCATE(2.567, 1)}", "2.5"},
                           {"{fn TRUNCATE({fn CONVERT(-2.567, SQL_FLOAT)}, 1)}", "-2.5"},
                       });
    const std::vector<std::pair<const char*, double>> floating = {
        {"{fn ACOS(1)}", 0.0},
        {"{fn ASIN(1)}", std::asin(1.0)},
        {"{fn ATAN(1)}", std::atan(1.0)},
        {"{fn ATAN2(1, 2)}", std::atan2(1.0, 2.0)},
        {"{fn COS(0)}", 1.0},
        {"{fn COT(1)}", 1.0 / std::tan(1.0)},
        {"{fn DEGREES({fn PI()})}", 180.0},
        {"{fn EXP(1)}", std::exp(1.0)},
        {"{fn LOG(100)}", std::log(100.0)},  // ODBC LOG is natural
        {"{fn LOG10(1000)}", 3.0},
        {"{fn PI()}", std::acos(-1.0)},
        {"{fn POWER(2, 10)}", 1024.0},
        {"{fn RADIANS(180)}", std::acos(-1.0)},
        {"{fn SIN(1)}", std::sin(1.0)},
        {"{fn SQRT(16)}", 4.0},
        {"{fn TAN(1)}", std::tan(1.0)},
    };
    for (const auto& [expression, expected] : floating) {
        const std::string text = value_of(c.dbc, expression);
        const std::string shown =
            std::string(expression) + " = " + text;  // clang 14: no binding in INFO
        INFO(shown);
        CHECK(same_number(text, expected));
    }
    const std::string random = value_of(c.dbc, "{fn RAND()}");
    CHECK((std::stod(random) >= 0.0 && std::stod(random) < 1.0));
}

TEST_CASE("escapes: every claimed time/date function gives the ODBC result" * only_our_driver()) {
    Connection c;
    check_cases(
        c.dbc,
        {
            {"{fn DAYNAME({d '2024-01-31'})}", "Wednesday"},
            {"{fn MONTHNAME({d '2024-01-31'})}", "January"},
            {"{fn DAYOFMONTH({d '2024-01-31'})}", "31"},
            {"{fn DAYOFWEEK({d '2024-01-28'})}", "1"},  // a Sunday
            {"{fn DAYOFWEEK({d '2024-02-03'})}", "7"},  // a Saturday
            {"{fn DAYOFYEAR({d '2024-02-01'})}", "32"},
            {"{fn HOUR({ts '2024-01-31 13:45:59.9'})}", "13"},
            {"{fn MINUTE({ts '2024-01-31 13:45:59.9'})}", "45"},
            {"{fn SECOND({ts '2024-01-31 13:45:59.9'})}", "59"},
            {"{fn HOUR({t '07:08:09'})}", "7"},
            {"{fn MONTH({d '2024-01-31'})}", "1"},
            {"{fn QUARTER({d '2024-05-01'})}", "2"},
            {"{fn WEEK({d '2024-01-08'})}", "2"},
            {"{fn YEAR({d '2024-01-31'})}", "2024"},
            {"{fn EXTRACT(YEAR FROM {d '2024-01-31'})}", "2024"},
            {"CASE WHEN {fn CURDATE()} = CURRENT_DATE THEN 'yes' END", "yes"},
            {"CASE WHEN {fn CURRENT_DATE()} = CURRENT_DATE THEN 'yes' END", "yes"},
            {"CASE WHEN {fn CURTIME()} = LOCALTIME THEN 'yes' END", "yes"},
            {"CASE WHEN {fn CURRENT_TIME()} = LOCALTIME THEN 'yes' END", "yes"},
            {"CASE WHEN {fn CURRENT_TIME(0)} = LOCALTIME(0) THEN 'yes' END", "yes"},
            {"CASE WHEN {fn NOW()} = LOCALTIMESTAMP THEN 'yes' END", "yes"},
            {"CASE WHEN {fn CURRENT_TIMESTAMP()} = LOCALTIMESTAMP THEN 'yes' END", "yes"},
            {"CASE WHEN {fn CURRENT_TIMESTAMP(2)} = LOCALTIMESTAMP(2) THEN 'yes' END", "yes"},
        });
}

TEST_CASE("escapes: TIMESTAMPADD and TIMESTAMPDIFF for every claimed unit" * only_our_driver()) {
    Connection c;
    const std::string from = "{ts '2024-01-31 10:00:00'}";
    check_cases(
        c.dbc,
        {
            {"{fn TIMESTAMPADD(SQL_TSI_SECOND, 30, {ts '2024-01-31 10:00:00'})}",
             "2024-01-31 10:00:30"},
            {"{fn TIMESTAMPADD(SQL_TSI_MINUTE, 5, {ts '2024-01-31 10:00:00'})}",
             "2024-01-31 10:05:00"},
            {"{fn TIMESTAMPADD(SQL_TSI_HOUR, -3, {ts '2024-01-31 10:00:00'})}",
             "2024-01-31 07:00:00"},
            {"{fn TIMESTAMPADD(SQL_TSI_DAY, 2, {ts '2024-01-31 10:00:00'})}",
             "2024-02-02 10:00:00"},
            {"{fn TIMESTAMPADD(SQL_TSI_WEEK, 1, {ts '2024-01-31 10:00:00'})}",
             "2024-02-07 10:00:00"},
            {"{fn TIMESTAMPADD(SQL_TSI_MONTH, 1, {ts '2024-01-31 10:00:00'})}",
             "2024-02-29 10:00:00"},
            {"{fn TIMESTAMPADD(SQL_TSI_QUARTER, 1, {ts '2024-01-31 10:00:00'})}",
             "2024-04-30 10:00:00"},
            {"{fn TIMESTAMPADD(SQL_TSI_YEAR, 1, {ts '2024-01-31 10:00:00'})}",
             "2025-01-31 10:00:00"},
            {"{fn TIMESTAMPADD(SQL_TSI_DAY, 1 + 1, {d '2024-01-31'})}", "2024-02-02 00:00:00"},
            // From 2024-01-31 10:00 to 2025-03-01 09:00: 394 days 23 hours, 13 whole months.
            {"{fn TIMESTAMPDIFF(SQL_TSI_SECOND, {ts '2024-01-31 10:00:00'}, "
             "{ts '2025-03-01 09:00:00'})}",
             "34124400"},
            {"{fn TIMESTAMPDIFF(SQL_TSI_MINUTE, {ts '2024-01-31 10:00:00'}, "
             "{ts '2025-03-01 09:00:00'})}",
             "568740"},
            {"{fn TIMESTAMPDIFF(SQL_TSI_HOUR, {ts '2024-01-31 10:00:00'}, "
             "{ts '2025-03-01 09:00:00'})}",
             "9479"},
            {"{fn TIMESTAMPDIFF(SQL_TSI_DAY, {ts '2024-01-31 10:00:00'}, "
             "{ts '2025-03-01 09:00:00'})}",
             "394"},
            {"{fn TIMESTAMPDIFF(SQL_TSI_WEEK, {ts '2024-01-31 10:00:00'}, "
             "{ts '2025-03-01 09:00:00'})}",
             "56"},
            {"{fn TIMESTAMPDIFF(SQL_TSI_MONTH, {ts '2024-01-31 10:00:00'}, "
             "{ts '2025-03-01 09:00:00'})}",
             "13"},
            {"{fn TIMESTAMPDIFF(SQL_TSI_QUARTER, {ts '2024-01-31 10:00:00'}, "
             "{ts '2025-03-01 09:00:00'})}",
             "4"},
            {"{fn TIMESTAMPDIFF(SQL_TSI_YEAR, {ts '2024-01-31 10:00:00'}, "
             "{ts '2025-03-01 09:00:00'})}",
             "1"},
            // Backwards is negative; dates work too.
            {"{fn TIMESTAMPDIFF(SQL_TSI_DAY, {d '2024-03-01'}, {d '2024-01-01'})}", "-60"},
            {"{fn TIMESTAMPDIFF(SQL_TSI_MONTH, {d '2024-03-01'}, {d '2024-01-01'})}", "-2"},
        });
    // Columns of a table, not only literals: the month-based form reads them in a subquery.
    exec(c.dbc, "DROP TABLE IF EXISTS it_esc_dates");
    exec(c.dbc, "CREATE TABLE it_esc_dates (a timestamp, b timestamp)");
    exec(c.dbc,
         "INSERT INTO it_esc_dates VALUES ('2020-01-15 00:00', '2023-07-14 00:00'), "
         "('2020-01-15 00:00', '2020-01-16 00:00')");
    CHECK(query_string(c.dbc,
                       "SELECT SUM({fn TIMESTAMPDIFF(SQL_TSI_MONTH, a, b)}) FROM it_esc_dates "
                       "WHERE {fn TIMESTAMPDIFF(SQL_TSI_DAY, a, b)} > 0")
          == "41");
    exec(c.dbc, "DROP TABLE it_esc_dates");
}

TEST_CASE("escapes: system functions and CONVERT" * only_our_driver()) {
    Connection c;
    CHECK(value_of(c.dbc, "{fn DATABASE()}") == value_of(c.dbc, "current_database()"));
    CHECK(value_of(c.dbc, "{fn USER()}") == value_of(c.dbc, "current_user"));
    check_cases(c.dbc, {
                           {"{fn IFNULL(NULL, 5)}", "5"},
                           {"{fn IFNULL(3, 5)}", "3"},
                           {"{fn CONVERT('12', SQL_INTEGER)}", "12"},
                           {"{fn CONVERT(12.7, SQL_BIGINT)}", "13"},
                           {"{fn CONVERT('3', SQL_SMALLINT)}", "3"},
                           {"{fn CONVERT('3', SQL_TINYINT)}", "3"},
                           {"{fn CONVERT('1.5', SQL_DOUBLE)}", "1.5"},
                           {"{fn CONVERT('1.5', SQL_REAL)}", "1.5"},
                           {"{fn CONVERT('1.25', SQL_NUMERIC)}", "1.25"},
                           {"{fn CONVERT('1.25', SQL_DECIMAL)}", "1.25"},
                           {"CASE WHEN {fn CONVERT(1, SQL_BIT)} THEN 'yes' END", "yes"},
                           {"{fn CONVERT({d '2024-01-31'}, SQL_VARCHAR)}", "2024-01-31"},
                           {"{fn CONVERT(42, SQL_CHAR)}", "42"},
                           {"{fn CONVERT(42, SQL_WVARCHAR)}", "42"},
                           {"{fn CONVERT('2024-01-31', SQL_TYPE_DATE)}", "2024-01-31"},
                           {"{fn CONVERT('13:45:00', SQL_TYPE_TIME)}", "13:45:00"},
                           {"{fn CONVERT('2024-01-31 13:45:00', SQL_TYPE_TIMESTAMP)}",
                            "2024-01-31 13:45:00"},
                           {"OCTET_LENGTH({fn CONVERT('abc', SQL_VARBINARY)})", "3"},
                           {"EXTRACT(DAY FROM {fn CONVERT('2 days', SQL_INTERVAL_DAY)})", "2"},
                       });
}

// psqlODBC translates neither {interval} nor {guid}.
TEST_CASE("escapes: date, time, timestamp, interval, guid, LIKE escape and outer join"
          * psqlodbc_deviates()) {
    Connection c;
    check_cases(c.dbc, {
                           {"{d '2024-01-31'} + 1", "2024-02-01"},
                           {"{t '13:45:00'} + INTERVAL '1 minute'", "13:46:00"},
                           {"{ts '2024-01-31 13:45:00'} + INTERVAL '1 day'", "2024-02-01 13:45:00"},
                           {"{ts'2024-01-31 00:00:00'}", "2024-01-31 00:00:00"},
                           {"{D '2024-01-31'} = DATE '2024-01-31'", "1"},
                       });
    CHECK(value_of(c.dbc, "EXTRACT(DAY FROM {interval '3' DAY})") == "3");
    CHECK(value_of(c.dbc, "EXTRACT(MONTH FROM {interval '1-2' YEAR TO MONTH})") == "2");
    CHECK(value_of(c.dbc, "{d '2024-01-31'} - {interval - '1' DAY}") == "2024-02-01 00:00:00");
    CHECK(value_of(c.dbc, "--(*vendor(Microsoft),product(ODBC) fn UCASE('long') *)-- AS v")
          == "LONG");
    CHECK(value_of(c.dbc, "{guid '01234567-89ab-cdef-0123-456789abcdef'}")
          == "01234567-89ab-cdef-0123-456789abcdef");
    exec(c.dbc, "DROP TABLE IF EXISTS it_esc_a");
    exec(c.dbc, "DROP TABLE IF EXISTS it_esc_b");
    exec(c.dbc, "CREATE TABLE it_esc_a (id int, name varchar(20))");
    exec(c.dbc, "CREATE TABLE it_esc_b (id int)");
    exec(c.dbc, "INSERT INTO it_esc_a VALUES (1, '50% off'), (2, '50 pence'), (3, 'x')");
    exec(c.dbc, "INSERT INTO it_esc_b VALUES (1)");
    CHECK(query_string(c.dbc, "SELECT count(*) FROM it_esc_a WHERE name LIKE '50!%%' {escape '!'}")
          == "1");
    CHECK(query_string(c.dbc,
                       "SELECT count(*) FROM {oj it_esc_a LEFT OUTER JOIN it_esc_b ON "
                       "it_esc_a.id = it_esc_b.id} WHERE it_esc_b.id IS NULL")
          == "2");
    exec(c.dbc, "DROP TABLE it_esc_a");
    exec(c.dbc, "DROP TABLE it_esc_b");
}

// {?= call} as a one-column SELECT is this driver's choice (psqlODBC binds an output parameter).
TEST_CASE("escapes: {call} runs a stored procedure and {?= call} a function" * only_our_driver()) {
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_esc_calls");
    exec(c.dbc, "CREATE TABLE it_esc_calls (v int)");
    exec(c.dbc,
         "CREATE OR REPLACE PROCEDURE it_esc_add(a int, b int) LANGUAGE plpgsql AS "
         "$$ BEGIN INSERT INTO it_esc_calls VALUES (a + b); END $$");
    exec(c.dbc,
         "CREATE OR REPLACE PROCEDURE it_esc_mark() LANGUAGE plpgsql AS "
         "$$ BEGIN INSERT INTO it_esc_calls VALUES (-1); END $$");
    Stmt stmt(c.dbc);
    check(SQLPrepare(stmt, sqlc("{call it_esc_add(?, ?)}"), SQL_NTS), SQL_HANDLE_STMT, stmt);
    SQLINTEGER a = 40;
    SQLINTEGER b = 2;
    check(
        SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &a, 0, nullptr),
        SQL_HANDLE_STMT, stmt);
    check(
        SQLBindParameter(stmt, 2, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &b, 0, nullptr),
        SQL_HANDLE_STMT, stmt);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    exec(c.dbc, "{ CALL it_esc_mark }");
    CHECK(query_string(c.dbc, "SELECT string_agg(v::text, ',' ORDER BY v) FROM it_esc_calls")
          == "-1,42");

    // The return value arrives as the one column of the result; the ? of `?=` is not a parameter.
    Stmt call(c.dbc);
    check(SQLPrepare(call, sqlc("{?= call upper(?)}"), SQL_NTS), SQL_HANDLE_STMT, call);
    SQLSMALLINT params = -1;
    check(SQLNumParams(call, &params), SQL_HANDLE_STMT, call);
    CHECK(params == 1);
    char text[] = "abc";
    SQLLEN nts = SQL_NTS;
    check(SQLBindParameter(call, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 10, 0, text, 0, &nts),
          SQL_HANDLE_STMT, call);
    check(SQLExecute(call), SQL_HANDLE_STMT, call);
    check(SQLFetch(call), SQL_HANDLE_STMT, call);
    CHECK(fetch_string(call, 1) == "ABC");
    exec(c.dbc, "DROP PROCEDURE it_esc_add(int, int)");
    exec(c.dbc, "DROP PROCEDURE it_esc_mark()");
    exec(c.dbc, "DROP TABLE it_esc_calls");
}

TEST_CASE("escapes: ? markers inside escapes keep their numbers (direct, prepared, arrays)") {
    Connection c;
    Stmt stmt(c.dbc);
    char first[] = "ab";
    char second[] = "cd";
    SQLINTEGER days = 2;
    SQLLEN nts = SQL_NTS;
    check(
        SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 10, 0, first, 0, &nts),
        SQL_HANDLE_STMT, stmt);
    check(
        SQLBindParameter(stmt, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 10, 0, second, 0, &nts),
        SQL_HANDLE_STMT, stmt);
    check(SQLBindParameter(stmt, 3, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &days, 0,
                           nullptr),
          SQL_HANDLE_STMT, stmt);
    exec(stmt,
         "SELECT {fn CONCAT({fn UCASE(?)}, ?)}, "
         "{fn TIMESTAMPADD(SQL_TSI_DAY, ?, {d '2024-01-31'})}");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 1) == "ABcd");
    CHECK(fetch_string(stmt, 2) == "2024-02-02 00:00:00");

    // A parameter array through the INSERT ... VALUES batch path.
    exec(c.dbc, "DROP TABLE IF EXISTS it_esc_rows");
    exec(c.dbc, "CREATE TABLE it_esc_rows (name varchar(20), d date)");
    Stmt insert(c.dbc);
    check(
        SQLPrepare(insert, sqlc("INSERT INTO it_esc_rows VALUES ({fn UCASE(?)}, {d '2024-01-31'})"),
                   SQL_NTS),
        SQL_HANDLE_STMT, insert);
    char names[3][8] = {"a", "b", "c"};
    SQLLEN lengths[3] = {SQL_NTS, SQL_NTS, SQL_NTS};
    set_stmt_attr(insert, SQL_ATTR_PARAMSET_SIZE, 3);
    check(SQLBindParameter(insert, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 8, 0, names, 8,
                           lengths),
          SQL_HANDLE_STMT, insert);
    check(SQLExecute(insert), SQL_HANDLE_STMT, insert);
    CHECK(query_string(c.dbc,
                       "SELECT string_agg(name || d::text, ',' ORDER BY name) FROM it_esc_rows")
          == "A2024-01-31,B2024-01-31,C2024-01-31");
    exec(c.dbc, "DROP TABLE it_esc_rows");
}

TEST_CASE("escapes: SQL_ATTR_NOSCAN leaves the text alone" * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    CHECK(stmt_attr(stmt, SQL_ATTR_NOSCAN) == SQL_NOSCAN_OFF);
    set_stmt_attr(stmt, SQL_ATTR_NOSCAN, SQL_NOSCAN_ON);
    CHECK(stmt_attr(stmt, SQL_ATTR_NOSCAN) == SQL_NOSCAN_ON);
    // The server sees the braces: PostgreSQL has no such syntax.
    const SQLRETURN rc = SQLExecDirect(stmt, sqlc("SELECT {fn UCASE('a')}"), SQL_NTS);
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "42000"));
    CHECK(diag_text(SQL_HANDLE_STMT, stmt).find("{") != std::string::npos);
    // Braces inside literals are text either way.
    exec(stmt, "SELECT '{fn UCASE(x)}'");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 1) == "{fn UCASE(x)}");
    set_stmt_attr(stmt, SQL_ATTR_NOSCAN, SQL_NOSCAN_OFF);
    exec(stmt, "SELECT {fn UCASE('a')}");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 1) == "A");

    CHECK(SQLSetStmtAttr(stmt, SQL_ATTR_NOSCAN, reinterpret_cast<SQLPOINTER>(7), 0) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HY024"));

    // On the connection: the default of statements allocated afterwards.
    check(SQLSetConnectAttr(c.dbc, SQL_ATTR_NOSCAN, reinterpret_cast<SQLPOINTER>(SQL_NOSCAN_ON), 0),
          SQL_HANDLE_DBC, c.dbc);
    SQLULEN value = 99;
    check(SQLGetConnectAttr(c.dbc, SQL_ATTR_NOSCAN, &value, sizeof value, nullptr), SQL_HANDLE_DBC,
          c.dbc);
    CHECK(value == SQL_NOSCAN_ON);
    Stmt later(c.dbc);
    CHECK(stmt_attr(later, SQL_ATTR_NOSCAN) == SQL_NOSCAN_ON);
    CHECK(SQLExecDirect(later, sqlc("SELECT {d '2024-01-31'}"), SQL_NTS) == SQL_ERROR);
}

TEST_CASE("escapes: malformed escapes are syntax errors at prepare and execute"
          * only_our_driver()) {
    Connection c;
    for (const char* sql :
         {"SELECT {fn UCASE('a')", "SELECT {oj 1}}", "SELECT {d 20240131}",
          "SELECT {ts '2024-01-31' '1'}", "{call}", "SELECT {fn LOCATE(?, 'a', 2)}"}) {
        INFO(std::string(sql));
        Stmt stmt(c.dbc);
        CHECK(SQLExecDirect(stmt, sqlc(sql), SQL_NTS) == SQL_ERROR);
        CHECK(has_state(SQL_HANDLE_STMT, stmt, "42000"));
        Stmt prepared(c.dbc);
        CHECK(SQLPrepare(prepared, sqlc(sql), SQL_NTS) == SQL_ERROR);
        CHECK(has_state(SQL_HANDLE_STMT, prepared, "42000"));
        // Nothing was prepared.
        CHECK(SQLExecute(prepared) == SQL_ERROR);
        CHECK(has_state(SQL_HANDLE_STMT, prepared, "HY010"));
    }
    // Text without any `{` skips translation (the fast path): a stray `}` is the server's
    // syntax error, at execution.
    Stmt stray(c.dbc);
    CHECK(SQLExecDirect(stray, sqlc("SELECT 1}"), SQL_NTS) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stray, "42000"));
    // The connection is still usable.
    CHECK(query_string(c.dbc, "SELECT {fn UCASE('ok')}") == "OK");
}

TEST_CASE("escapes: SQLNativeSql returns the translation, with 01004 on truncation"
          * only_our_driver()) {
    Connection c;
    SQLUSMALLINT supported = SQL_FALSE;
    check(SQLGetFunctions(c.dbc, SQL_API_SQLNATIVESQL, &supported), SQL_HANDLE_DBC, c.dbc);
    CHECK(supported == SQL_TRUE);

    const std::string in = "SELECT {fn UCASE(name)} FROM t WHERE d = {d '2024-01-31'} AND x = ?";
    const std::string expected = "SELECT UPPER(name) FROM t WHERE d = DATE '2024-01-31' AND x = ?";
    char out[256] = {};
    SQLINTEGER length = -1;
    check(SQLNativeSql(c.dbc, sqlc(in), SQL_NTS, reinterpret_cast<SQLCHAR*>(out), sizeof out,
                       &length),
          SQL_HANDLE_DBC, c.dbc);
    CHECK(std::string(out) == expected);
    CHECK(length == static_cast<SQLINTEGER>(expected.size()));

    // An explicit input length; no output buffer only reports the length.
    length = -1;
    check(SQLNativeSql(c.dbc, sqlc(in + "garbage"), static_cast<SQLINTEGER>(in.size()), nullptr, 0,
                       &length),
          SQL_HANDLE_DBC, c.dbc);
    CHECK(length == static_cast<SQLINTEGER>(expected.size()));

    char small[10] = {};
    length = -1;
    const SQLRETURN rc = SQLNativeSql(c.dbc, sqlc(in), SQL_NTS, reinterpret_cast<SQLCHAR*>(small),
                                      sizeof small, &length);
    CHECK(rc == SQL_SUCCESS_WITH_INFO);
    CHECK(has_state(SQL_HANDLE_DBC, c.dbc, "01004"));
    CHECK(std::string(small) == expected.substr(0, sizeof small - 1));
    CHECK(length == static_cast<SQLINTEGER>(expected.size()));

    CHECK(
        SQLNativeSql(c.dbc, nullptr, SQL_NTS, reinterpret_cast<SQLCHAR*>(out), sizeof out, &length)
        == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, c.dbc, "HY009"));
    CHECK(SQLNativeSql(c.dbc, sqlc(in), -5, reinterpret_cast<SQLCHAR*>(out), sizeof out, &length)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, c.dbc, "HY090"));
    CHECK(SQLNativeSql(c.dbc, sqlc(in), SQL_NTS, reinterpret_cast<SQLCHAR*>(out), -1, &length)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, c.dbc, "HY090"));
    CHECK(SQLNativeSql(c.dbc, sqlc("SELECT {d x}"), SQL_NTS, reinterpret_cast<SQLCHAR*>(out),
                       sizeof out, &length)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, c.dbc, "42000"));
}

TEST_CASE("escapes: SQLNativeSql(W) on a null or unconnected handle") {
    SQLCHAR out[32] = {};
    SQLINTEGER length = 0;
    CHECK(SQLNativeSql(SQL_NULL_HDBC, sqlc("SELECT 1"), SQL_NTS, out, sizeof out, &length)
          == SQL_INVALID_HANDLE);
    SQLWCHAR wide_out[32] = {};
    WStr wide(u"SELECT 1");
    CHECK(SQLNativeSqlW(SQL_NULL_HDBC, wide.get(), SQL_NTS, wide_out, 32, &length)
          == SQL_INVALID_HANDLE);
    Env env;
    Dbc dbc(env);
    CHECK(SQLNativeSql(dbc, sqlc("SELECT {fn PI()}"), SQL_NTS, out, sizeof out, &length)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, dbc, "08003"));
}

TEST_CASE("escapes: SQLNativeSqlW counts characters, with 01004 on truncation"
          * only_our_driver()) {
    Connection c;
    const std::string in = "SELECT {fn LCASE('ÄÖ')}";
    const std::string expected = "SELECT LOWER('ÄÖ')";
    const std::u16string expected16 = utf8_to_utf16(expected);
    WStr wide(utf8_to_utf16(in));
    SQLWCHAR out[64] = {};
    SQLINTEGER length = -1;
    check(SQLNativeSqlW(c.dbc, wide.get(), SQL_NTS, out, 64, &length), SQL_HANDLE_DBC, c.dbc);
    CHECK(from_sqlw(out) == expected16);
    CHECK(length == static_cast<SQLINTEGER>(expected16.size()));

    SQLWCHAR small[8] = {};
    length = -1;
    CHECK(SQLNativeSqlW(c.dbc, wide.get(), SQL_NTS, small, 8, &length) == SQL_SUCCESS_WITH_INFO);
    CHECK(has_state(SQL_HANDLE_DBC, c.dbc, "01004"));
    CHECK(from_sqlw(small) == expected16.substr(0, 7));
    CHECK(length == static_cast<SQLINTEGER>(expected16.size()));
}

TEST_SUITE_END();
