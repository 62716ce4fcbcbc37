// Parameters: SQLBindParameter with SQLPrepare/SQLExecute and SQLExecDirect, every C type of ODBC
// appendix D ("Converting data from C to SQL data types") into a matching column and back, NULLs,
// SQL_NTS, SQL_C_DEFAULT, markers inside literals and comments, SQLNumParams/SQLDescribeParam,
// describe-before-execute, the conversion SQLSTATEs, data-at-execution and large values.
#include "odbc_test.h"

#include <array>
#include <cmath>
#include <string>
#include <vector>

using namespace odbc_test;

namespace {

void prepare(const Stmt& stmt, const std::string& sql,
             odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    check(SQLPrepare(stmt, sqlc(sql), SQL_NTS), SQL_HANDLE_STMT, stmt, where);
}

// SQLBindParameter of an input parameter that must succeed.
void bind(const Stmt& stmt, SQLUSMALLINT number, SQLSMALLINT c_type, SQLSMALLINT sql_type,
          SQLULEN column_size, SQLSMALLINT digits, SQLPOINTER value, SQLLEN buffer_length,
          SQLLEN* ind, odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    check(SQLBindParameter(stmt, number, SQL_PARAM_INPUT, c_type, sql_type, column_size, digits,
                           value, buffer_length, ind),
          SQL_HANDLE_STMT, stmt, where);
}

// A fresh one-column table `it_par_rt (v <column_type>)`.
void make_table(const Dbc& dbc, const std::string& table, const std::string& columns) {
    exec(dbc, "DROP TABLE IF EXISTS " + table);
    exec(dbc, "CREATE TABLE " + table + " (" + columns + ")");
}

// Inserts one bound value into it_par_rt(v) with SQLPrepare + SQLExecute and returns the
// server's text of the stored value (`text_expr` over v, default v::text).
std::optional<std::string> insert_one(
    const Connection& c, const std::string& column_type, SQLSMALLINT c_type, SQLSMALLINT sql_type,
    SQLULEN column_size, SQLSMALLINT digits, SQLPOINTER value, SQLLEN buffer_length, SQLLEN* ind,
    const std::string& text_expr = "v::text",
    odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    make_table(c.dbc, "it_par_rt", "v " + column_type);
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_rt (v) VALUES (?)", where);
    bind(stmt, 1, c_type, sql_type, column_size, digits, value, buffer_length, ind, where);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt, where);
    CHECK_MESSAGE(count_rows(c.dbc, "it_par_rt", where) == 1,
                  "inserted from line " << where.line());
    return query_string(c.dbc, "SELECT " + text_expr + " FROM it_par_rt", where);
}

// Executes `SELECT v FROM it_par_rt`, fetches the row and reads column 1 as `c_type` into `out`.
SQLLEN fetch_back(const Connection& c, SQLSMALLINT c_type, SQLPOINTER out, SQLLEN out_length,
                  odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT v FROM it_par_rt", where);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt, where);
    SQLLEN ind = 0;
    check(SQLGetData(stmt, 1, c_type, out, out_length, &ind), SQL_HANDLE_STMT, stmt, where);
    return ind;
}

std::string hex(const unsigned char* data, std::size_t n) {
    static const char* const digits = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(digits[data[i] >> 4]);
        out.push_back(digits[data[i] & 0xF]);
    }
    return out;
}

// Expects SQL_ERROR and `state` among the diagnostics of `stmt`.
void expect_error(SQLRETURN rc, const Stmt& stmt, std::string_view state,
                  odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    INFO("from line " << where.line() << ": " << outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, state));
}

SQLGUID sample_guid() {
    return SQLGUID{0x12345678, 0x9abc, 0xdef0, {0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0}};
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Round trips, one C type each
// ---------------------------------------------------------------------------------------------

TEST_CASE("SQL_C_CHAR into varchar and back") {
    Connection c;
    char value[] = "héllo, world";
    SQLLEN ind = SQL_NTS;
    CHECK(insert_one(c, "varchar(40)", SQL_C_CHAR, SQL_VARCHAR, 40, 0, value, sizeof value, &ind)
          == "héllo, world");
    char back[64] = {};
    CHECK(fetch_back(c, SQL_C_CHAR, back, sizeof back) == static_cast<SQLLEN>(strlen(value)));
    CHECK(std::string(back) == value);
}

TEST_CASE("SQL_C_CHAR with an explicit byte length (not SQL_NTS) sends exactly that many bytes") {
    Connection c;
    char value[] = "abcdefgh";
    SQLLEN ind = 3;
    CHECK(insert_one(c, "text", SQL_C_CHAR, SQL_VARCHAR, 8, 0, value, sizeof value, &ind) == "abc");
}

TEST_CASE("SQL_C_WCHAR with a non-BMP character (surrogate pair) into text and back") {
    Connection c;
    // U+00E9, U+4E2D and U+1F600 (a surrogate pair in UTF-16).
    WStr value(u"é中😀!");
    SQLLEN ind = SQL_NTS;
    const auto text = insert_one(c, "text", SQL_C_WCHAR, SQL_WVARCHAR, 10, 0, value.get(),
                                 (value.length() + 1) * sizeof(SQLWCHAR), &ind);
    CHECK(text == "é中😀!");
    CHECK(query_string(c.dbc, "SELECT length(v) FROM it_par_rt") == "4");  // code points
    SQLWCHAR back[32] = {};
    const SQLLEN len = fetch_back(c, SQL_C_WCHAR, back, sizeof back);
    CHECK(len == 5 * static_cast<SQLLEN>(sizeof(SQLWCHAR)));  // bytes, surrogates counted twice
    CHECK(from_sqlw(back) == u"é中😀!");
}

TEST_CASE("SQL_C_WCHAR with a byte length (not SQL_NTS)") {
    Connection c;
    WStr value(u"abc😀xyz");
    SQLLEN ind = 5 * sizeof(SQLWCHAR);  // "abc" + the surrogate pair
    CHECK(insert_one(c, "text", SQL_C_WCHAR, SQL_WVARCHAR, 8, 0, value.get(),
                     (value.length() + 1) * sizeof(SQLWCHAR), &ind)
          == "abc😀");
}

TEST_CASE("signed and unsigned integer C types into int columns and back") {
    Connection c;
    SQLLEN ind = 0;

    SUBCASE("SQL_C_SLONG") {
        SQLINTEGER v = -2147483647 - 1;
        CHECK(insert_one(c, "int4", SQL_C_SLONG, SQL_INTEGER, 0, 0, &v, 0, &ind) == "-2147483648");
        SQLINTEGER back = 0;
        fetch_back(c, SQL_C_SLONG, &back, 0);
        CHECK(back == v);
    }
    SUBCASE("SQL_C_ULONG") {
        SQLUINTEGER v = 4000000000U;
        CHECK(insert_one(c, "int8", SQL_C_ULONG, SQL_BIGINT, 0, 0, &v, 0, &ind) == "4000000000");
        SQLUINTEGER back = 0;
        fetch_back(c, SQL_C_ULONG, &back, 0);
        CHECK(back == v);
    }
    SUBCASE("SQL_C_SSHORT") {
        SQLSMALLINT v = -32768;
        CHECK(insert_one(c, "int2", SQL_C_SSHORT, SQL_SMALLINT, 0, 0, &v, 0, &ind) == "-32768");
        SQLSMALLINT back = 0;
        fetch_back(c, SQL_C_SSHORT, &back, 0);
        CHECK(back == v);
    }
    SUBCASE("SQL_C_USHORT") {
        SQLUSMALLINT v = 65535;
        CHECK(insert_one(c, "int4", SQL_C_USHORT, SQL_INTEGER, 0, 0, &v, 0, &ind) == "65535");
        SQLUSMALLINT back = 0;
        fetch_back(c, SQL_C_USHORT, &back, 0);
        CHECK(back == v);
    }
    SUBCASE("SQL_C_STINYINT") {
        SQLSCHAR v = -128;
        CHECK(insert_one(c, "int2", SQL_C_STINYINT, SQL_SMALLINT, 0, 0, &v, 0, &ind) == "-128");
        SQLSCHAR back = 0;
        fetch_back(c, SQL_C_STINYINT, &back, 0);
        CHECK(back == v);
    }
    SUBCASE("SQL_C_UTINYINT") {
        SQLCHAR v = 255;
        CHECK(insert_one(c, "int2", SQL_C_UTINYINT, SQL_SMALLINT, 0, 0, &v, 0, &ind) == "255");
        SQLCHAR back = 0;
        fetch_back(c, SQL_C_UTINYINT, &back, 0);
        CHECK(back == v);
    }
    SUBCASE("SQL_C_SBIGINT") {
        SQLBIGINT v = -9223372036854775807LL - 1;
        CHECK(insert_one(c, "int8", SQL_C_SBIGINT, SQL_BIGINT, 0, 0, &v, 0, &ind)
              == "-9223372036854775808");
        SQLBIGINT back = 0;
        fetch_back(c, SQL_C_SBIGINT, &back, 0);
        CHECK(back == v);
    }
    SUBCASE("SQL_C_UBIGINT into numeric") {
        SQLUBIGINT v = 18446744073709551615ULL;
        CHECK(insert_one(c, "numeric(20,0)", SQL_C_UBIGINT, SQL_NUMERIC, 20, 0, &v, 0, &ind)
              == "18446744073709551615");
        SQLUBIGINT back = 0;
        fetch_back(c, SQL_C_UBIGINT, &back, 0);
        CHECK(back == v);
    }
}

TEST_CASE("SQL_C_FLOAT and SQL_C_DOUBLE into float columns and back") {
    Connection c;
    SQLLEN ind = 0;
    SUBCASE("SQL_C_DOUBLE") {
        double v = 3.141592653589793;
        const auto text = insert_one(c, "float8", SQL_C_DOUBLE, SQL_DOUBLE, 15, 0, &v, 0, &ind);
        REQUIRE(text.has_value());
        CHECK(std::stod(*text) == v);  // the full double precision arrived
        double back = 0;
        fetch_back(c, SQL_C_DOUBLE, &back, 0);
        CHECK(back == v);
    }
    SUBCASE("SQL_C_FLOAT") {
        float v = -1.5e10F;
        const auto text = insert_one(c, "float4", SQL_C_FLOAT, SQL_REAL, 7, 0, &v, 0, &ind);
        REQUIRE(text.has_value());
        CHECK(std::stof(*text) == v);
        float back = 0;
        fetch_back(c, SQL_C_FLOAT, &back, 0);
        CHECK(back == v);
    }
    SUBCASE("SQL_C_DOUBLE with a fraction into numeric") {
        double v = 0.125;
        CHECK(insert_one(c, "numeric(10,3)", SQL_C_DOUBLE, SQL_NUMERIC, 10, 3, &v, 0, &ind)
              == "0.125");
    }
}

TEST_CASE("SQL_C_BIT into boolean and back") {
    Connection c;
    SQLLEN ind = 0;
    unsigned char t = 1;
    CHECK(insert_one(c, "boolean", SQL_C_BIT, SQL_BIT, 1, 0, &t, 0, &ind) == "true");
    unsigned char back = 7;
    fetch_back(c, SQL_C_BIT, &back, 0);
    CHECK(back == 1);
    unsigned char f = 0;
    CHECK(insert_one(c, "boolean", SQL_C_BIT, SQL_BIT, 1, 0, &f, 0, &ind) == "false");
}

TEST_CASE("SQL_C_NUMERIC (SQL_NUMERIC_STRUCT) into numeric(20,4)") {
    Connection c;
    make_table(c.dbc, "it_par_rt", "v numeric(20,4)");
    // 12345678901234.5678 at scale 4: the unscaled integer 123456789012345678, little endian.
    SQL_NUMERIC_STRUCT num = {};
    num.precision = 20;
    num.scale = 4;
    num.sign = 0;  // 0 = negative
    unsigned long long unscaled = 123456789012345678ULL;
    for (int i = 0; i < 8; ++i) {
        num.val[i] = static_cast<SQLCHAR>(unscaled >> (8 * i));
    }
    SQLLEN ind = 0;
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_rt (v) VALUES (?)");
    bind(stmt, 1, SQL_C_NUMERIC, SQL_NUMERIC, 20, 4, &num, sizeof num, &ind);
    // The precision and scale of an SQL_C_NUMERIC value are read from the APD (SQLBindParameter,
    // "Other Arguments"; they default to driver-defined/0): set them, then the data pointer last,
    // because changing a field other than SQL_DESC_DATA_PTR unbinds the record.
    SQLHDESC apd = SQL_NULL_HDESC;
    check(SQLGetStmtAttr(stmt, SQL_ATTR_APP_PARAM_DESC, &apd, 0, nullptr), SQL_HANDLE_STMT, stmt);
    check(SQLSetDescField(apd, 1, SQL_DESC_TYPE, reinterpret_cast<SQLPOINTER>(SQL_C_NUMERIC), 0),
          SQL_HANDLE_DESC, apd);
    check(SQLSetDescField(apd, 1, SQL_DESC_PRECISION, reinterpret_cast<SQLPOINTER>(20), 0),
          SQL_HANDLE_DESC, apd);
    check(SQLSetDescField(apd, 1, SQL_DESC_SCALE, reinterpret_cast<SQLPOINTER>(4), 0),
          SQL_HANDLE_DESC, apd);
    check(SQLSetDescField(apd, 1, SQL_DESC_DATA_PTR, &num, 0), SQL_HANDLE_DESC, apd);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(query_string(c.dbc, "SELECT v::text FROM it_par_rt") == "-12345678901234.5678");
}

TEST_CASE("SQL_C_TYPE_DATE, SQL_C_TYPE_TIME and SQL_C_TYPE_TIMESTAMP and back") {
    Connection c;
    SQLLEN ind = 0;
    SUBCASE("date") {
        SQL_DATE_STRUCT d = {2024, 2, 29};
        CHECK(insert_one(c, "date", SQL_C_TYPE_DATE, SQL_TYPE_DATE, 10, 0, &d, 0, &ind)
              == "2024-02-29");
        SQL_DATE_STRUCT back = {};
        fetch_back(c, SQL_C_TYPE_DATE, &back, 0);
        CHECK(back.year == 2024);
        CHECK(back.month == 2);
        CHECK(back.day == 29);
    }
    SUBCASE("time") {
        SQL_TIME_STRUCT t = {23, 59, 58};
        CHECK(insert_one(c, "time", SQL_C_TYPE_TIME, SQL_TYPE_TIME, 8, 0, &t, 0, &ind)
              == "23:59:58");
        SQL_TIME_STRUCT back = {};
        fetch_back(c, SQL_C_TYPE_TIME, &back, 0);
        CHECK(back.hour == 23);
        CHECK(back.minute == 59);
        CHECK(back.second == 58);
    }
    SUBCASE("timestamp with fractional seconds") {
        // fraction is in nanoseconds; column size 26 with 6 decimal digits keeps microseconds.
        SQL_TIMESTAMP_STRUCT ts = {1999, 12, 31, 23, 59, 59, 123456000};
        CHECK(insert_one(c, "timestamp", SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, 26, 6, &ts, 0,
                         &ind)
              == "1999-12-31 23:59:59.123456");
        SQL_TIMESTAMP_STRUCT back = {};
        fetch_back(c, SQL_C_TYPE_TIMESTAMP, &back, 0);
        CHECK(back.year == 1999);
        CHECK(back.month == 12);
        CHECK(back.day == 31);
        CHECK(back.hour == 23);
        CHECK(back.minute == 59);
        CHECK(back.second == 59);
        CHECK(back.fraction == 123456000);
    }
    SUBCASE("timestamp without a fraction") {
        SQL_TIMESTAMP_STRUCT ts = {2020, 1, 2, 0, 0, 0, 0};
        CHECK(insert_one(c, "timestamp", SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, 19, 0, &ts, 0,
                         &ind)
              == "2020-01-02 00:00:00");
    }
}

TEST_CASE("SQL_C_BINARY into bytea, every byte value") {
    Connection c;
    std::array<unsigned char, 256> bytes{};
    for (int i = 0; i < 256; ++i) {
        bytes[i] = static_cast<unsigned char>(255 - i);
    }
    SQLLEN ind = bytes.size();
    CHECK(insert_one(c, "bytea", SQL_C_BINARY, SQL_VARBINARY, bytes.size(), 0, bytes.data(),
                     bytes.size(), &ind, "encode(v, 'hex')")
          == hex(bytes.data(), bytes.size()));
    CHECK(query_string(c.dbc, "SELECT length(v) FROM it_par_rt") == "256");
}

TEST_CASE("SQL_C_GUID into uuid") {
    Connection c;
    SQLGUID g = sample_guid();
    SQLLEN ind = sizeof g;
    CHECK(insert_one(c, "uuid", SQL_C_GUID, SQL_GUID, 36, 0, &g, sizeof g, &ind)
          == "12345678-9abc-def0-1234-56789abcdef0");
}

TEST_CASE("SQL_C_INTERVAL_DAY_TO_SECOND into interval") {
    Connection c;
    SQL_INTERVAL_STRUCT iv = {};
    iv.interval_type = SQL_IS_DAY_TO_SECOND;
    iv.interval_sign = SQL_FALSE;
    iv.intval.day_second.day = 3;
    iv.intval.day_second.hour = 4;
    iv.intval.day_second.minute = 5;
    iv.intval.day_second.second = 6;
    SQLLEN ind = sizeof iv;
    CHECK(insert_one(c, "interval", SQL_C_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL_DAY_TO_SECOND, 20, 0,
                     &iv, sizeof iv, &ind)
          == "3 days 04:05:06");
}

TEST_CASE("SQL_C_INTERVAL_YEAR_TO_MONTH, negative, into interval") {
    Connection c;
    SQL_INTERVAL_STRUCT iv = {};
    iv.interval_type = SQL_IS_YEAR_TO_MONTH;
    iv.interval_sign = SQL_TRUE;  // negative
    iv.intval.year_month.year = 1;
    iv.intval.year_month.month = 2;
    SQLLEN ind = sizeof iv;
    CHECK(insert_one(c, "interval", SQL_C_INTERVAL_YEAR_TO_MONTH, SQL_INTERVAL_YEAR_TO_MONTH, 10, 0,
                     &iv, sizeof iv, &ind)
          == "-1 years -2 mons");
}

// The conversions to C of binary and GUID (and of interval, below) are checked separately from the
// inserts above, so a failure here names the fetch side.
TEST_CASE("bytea and uuid fetched back as SQL_C_BINARY and SQL_C_GUID") {
    Connection c;
    SUBCASE("SQL_C_BINARY") {
        unsigned char bytes[] = {0x00, 0xff, 0x5c, 0x27, 0x01};
        SQLLEN ind = sizeof bytes;
        insert_one(c, "bytea", SQL_C_BINARY, SQL_VARBINARY, sizeof bytes, 0, bytes, sizeof bytes,
                   &ind);
        unsigned char back[16] = {};
        CHECK(fetch_back(c, SQL_C_BINARY, back, sizeof back) == 5);
        CHECK(std::memcmp(back, bytes, sizeof bytes) == 0);
    }
    SUBCASE("SQL_C_GUID") {
        SQLGUID g = sample_guid();
        SQLLEN ind = sizeof g;
        insert_one(c, "uuid", SQL_C_GUID, SQL_GUID, 36, 0, &g, sizeof g, &ind);
        SQLGUID back = {};
        fetch_back(c, SQL_C_GUID, &back, sizeof back);
        CHECK(back.Data1 == g.Data1);
        CHECK(back.Data2 == g.Data2);
        CHECK(back.Data3 == g.Data3);
        CHECK(std::memcmp(back.Data4, g.Data4, 8) == 0);
    }
}

// Appendix D, "SQL to C: Year-month / day-time interval": an interval column converts to the
// matching SQL_C_INTERVAL_* struct.
TEST_CASE("interval fetched back as SQL_C_INTERVAL_DAY_TO_SECOND" * psqlodbc_deviates()) {
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_par_rt");
    exec(c.dbc, "CREATE TABLE it_par_rt AS SELECT INTERVAL '3 days 04:05:06' AS v");
    SQL_INTERVAL_STRUCT back = {};
    fetch_back(c, SQL_C_INTERVAL_DAY_TO_SECOND, &back, sizeof back);
    CHECK(back.interval_type == SQL_IS_DAY_TO_SECOND);
    CHECK(back.intval.day_second.day == 3);
    CHECK(back.intval.day_second.hour == 4);
    CHECK(back.intval.day_second.minute == 5);
    CHECK(back.intval.day_second.second == 6);
}

// ---------------------------------------------------------------------------------------------
// NULL, SQL_NTS, SQL_C_DEFAULT, strings into typed columns, SQLExecDirect
// ---------------------------------------------------------------------------------------------

TEST_CASE("SQL_NULL_DATA sends NULL whatever the buffer holds, for several types") {
    Connection c;
    make_table(c.dbc, "it_par_null", "i int4, s text, d date, b bytea");
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_null (i, s, d, b) VALUES (?, ?, ?, ?)");
    SQLINTEGER i = 5;
    char s[] = "not null";
    SQL_DATE_STRUCT d = {2024, 1, 1};
    unsigned char b[] = {1, 2};
    SQLLEN ind[4] = {SQL_NULL_DATA, SQL_NULL_DATA, SQL_NULL_DATA, SQL_NULL_DATA};
    bind(stmt, 1, SQL_C_SLONG, SQL_INTEGER, 0, 0, &i, 0, &ind[0]);
    bind(stmt, 2, SQL_C_CHAR, SQL_VARCHAR, 20, 0, s, sizeof s, &ind[1]);
    bind(stmt, 3, SQL_C_TYPE_DATE, SQL_TYPE_DATE, 10, 0, &d, 0, &ind[2]);
    bind(stmt, 4, SQL_C_BINARY, SQL_VARBINARY, 2, 0, b, sizeof b, &ind[3]);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(query_string(c.dbc,
                       "SELECT count(*) FROM it_par_null WHERE i IS NULL AND s IS NULL AND d IS "
                       "NULL AND b IS NULL")
          == "1");

    // Same bindings, now with values: the statement re-reads the buffers at each SQLExecute.
    ind[0] = 0;
    ind[1] = SQL_NTS;
    ind[2] = 0;
    ind[3] = 2;
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(query_string(c.dbc,
                       "SELECT i || '/' || s || '/' || d || '/' || encode(b, 'hex') FROM "
                       "it_par_null WHERE i IS NOT NULL")
          == "5/not null/2024-01-01/0102");
}

TEST_CASE("a null StrLen_or_IndPtr: character data is null-terminated") {
    Connection c;
    make_table(c.dbc, "it_par_rt", "v text");
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_rt (v) VALUES (?)");
    char s[16] = "terminated";
    // SQLBindParameter: "If StrLen_or_IndPtr is a null pointer, the driver assumes that all input
    // parameter values are non-NULL and that character and binary data is null-terminated."
    bind(stmt, 1, SQL_C_CHAR, SQL_VARCHAR, 15, 0, s, sizeof s, nullptr);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(query_string(c.dbc, "SELECT v FROM it_par_rt") == "terminated");
}

TEST_CASE("SQL_C_DEFAULT takes the default C type of the SQL type") {
    Connection c;
    make_table(c.dbc, "it_par_rt", "v int4");
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_rt (v) VALUES (?)");
    // Appendix D, "Default C data types": SQL_INTEGER → SQL_C_SLONG.
    SQLINTEGER v = 123456789;
    SQLLEN ind = 0;
    bind(stmt, 1, SQL_C_DEFAULT, SQL_INTEGER, 0, 0, &v, 0, &ind);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(query_string(c.dbc, "SELECT v FROM it_par_rt") == "123456789");
}

TEST_CASE("a string bound as SQL_VARCHAR into int, numeric, date and boolean columns") {
    Connection c;
    make_table(c.dbc, "it_par_str", "i int4, n numeric(10,2), d date, b boolean");
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_str (i, n, d, b) VALUES (?, ?, ?, ?)");
    char i[] = "42";
    char n[] = "-12.50";
    char d[] = "2023-07-04";
    char b[] = "true";
    SQLLEN ind[4] = {SQL_NTS, SQL_NTS, SQL_NTS, SQL_NTS};
    bind(stmt, 1, SQL_C_CHAR, SQL_VARCHAR, 10, 0, i, sizeof i, &ind[0]);
    bind(stmt, 2, SQL_C_CHAR, SQL_VARCHAR, 10, 0, n, sizeof n, &ind[1]);
    bind(stmt, 3, SQL_C_CHAR, SQL_VARCHAR, 10, 0, d, sizeof d, &ind[2]);
    bind(stmt, 4, SQL_C_CHAR, SQL_VARCHAR, 10, 0, b, sizeof b, &ind[3]);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(query_string(c.dbc, "SELECT i || '/' || n || '/' || d || '/' || b FROM it_par_str")
          == "42/-12.50/2023-07-04/true");
}

TEST_CASE("a string bound as SQL_VARCHAR that is not a number into an int column is an error") {
    Connection c;
    make_table(c.dbc, "it_par_rt", "v int4");
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_rt (v) VALUES (?)");
    char v[] = "forty-two";
    SQLLEN ind = SQL_NTS;
    bind(stmt, 1, SQL_C_CHAR, SQL_VARCHAR, 10, 0, v, sizeof v, &ind);
    const SQLRETURN rc = SQLExecute(stmt);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    // 22018 (invalid character value for cast) whether the driver or the server (22P02) finds it.
    CHECK((has_state(SQL_HANDLE_STMT, stmt, "22018") || has_state(SQL_HANDLE_STMT, stmt, "22P02")));
    CHECK(count_rows(c.dbc, "it_par_rt") == 0);
}

TEST_CASE("SQLExecDirect with ? markers, and parameters in a WHERE clause") {
    Connection c;
    make_table(c.dbc, "it_par_direct", "id int4, name text");
    exec(c.dbc, "INSERT INTO it_par_direct VALUES (1, 'one'), (2, 'two'), (3, 'three')");
    Stmt stmt(c.dbc);
    SQLINTEGER lo = 2;
    char prefix[] = "t%";
    SQLLEN ind[2] = {0, SQL_NTS};
    bind(stmt, 1, SQL_C_SLONG, SQL_INTEGER, 0, 0, &lo, 0, &ind[0]);
    bind(stmt, 2, SQL_C_CHAR, SQL_VARCHAR, 10, 0, prefix, sizeof prefix, &ind[1]);
    check(SQLExecDirect(stmt,
                        sqlc("SELECT id, name FROM it_par_direct WHERE id >= ? AND name LIKE ? "
                             "ORDER BY id"),
                        SQL_NTS),
          SQL_HANDLE_STMT, stmt);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 1) == "2");
    CHECK(fetch_string(stmt, 2) == "two");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 2) == "three");
    CHECK(SQLFetch(stmt) == SQL_NO_DATA);

    // Re-executed with new values in the same buffers.
    SQLFreeStmt(stmt, SQL_CLOSE);
    lo = 1;
    std::strcpy(prefix, "o%");
    check(SQLExecDirect(stmt,
                        sqlc("SELECT count(*) FROM it_par_direct WHERE id >= ? AND name LIKE ?"),
                        SQL_NTS),
          SQL_HANDLE_STMT, stmt);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 1) == "1");
}

TEST_CASE("a prepared statement executed many times with changing values") {
    Connection c;
    make_table(c.dbc, "it_par_many", "id int4, sq int8");
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_many VALUES (?, ?)");
    SQLINTEGER id = 0;
    SQLBIGINT sq = 0;
    SQLLEN ind[2] = {0, 0};
    bind(stmt, 1, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0, &ind[0]);
    bind(stmt, 2, SQL_C_SBIGINT, SQL_BIGINT, 0, 0, &sq, 0, &ind[1]);
    for (id = 1; id <= 50; ++id) {
        sq = static_cast<SQLBIGINT>(id) * id;
        check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
        SQLLEN rows = -1;
        check(SQLRowCount(stmt, &rows), SQL_HANDLE_STMT, stmt);
        CHECK(rows == 1);
    }
    CHECK(
        query_string(c.dbc, "SELECT count(*) || '/' || sum(sq) FROM it_par_many WHERE sq = id * id")
        == "50/42925");
}

// ---------------------------------------------------------------------------------------------
// Values go out of band: injection-looking strings arrive verbatim
// ---------------------------------------------------------------------------------------------

TEST_CASE("injection-looking strings arrive verbatim and the table survives") {
    Connection c;
    make_table(c.dbc, "it_par_inject", "id int4, s text");
    const std::vector<std::string> values = {
        "'); DROP TABLE it_par_inject; --",
        "$1",
        "?",
        "$1 $2 ? ?",
        "back\\slash \\' \\\\ end\\",
        "it's \"quoted\" ''twice''",
        "/* comment */ -- line",
        "$$ dollar $$ $tag$ x $tag$",
        "E'\\x41'",
        "semi;colon;",
        "tab\tnewline\ncr\r",
    };
    Stmt stmt(c.dbc);
    bool direct = false;
    SUBCASE("SQLPrepare + SQLExecute") {
        prepare(stmt, "INSERT INTO it_par_inject (id, s) VALUES (?, ?)");
    }
    SUBCASE("SQLExecDirect") {
        direct = true;
    }
    SQLINTEGER id = 0;
    std::vector<char> buf(256);
    SQLLEN ind[2] = {0, SQL_NTS};
    bind(stmt, 1, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0, &ind[0]);
    bind(stmt, 2, SQL_C_CHAR, SQL_VARCHAR, 255, 0, buf.data(), static_cast<SQLLEN>(buf.size()),
         &ind[1]);
    for (std::size_t k = 0; k < values.size(); ++k) {
        id = static_cast<SQLINTEGER>(k);
        std::fill(buf.begin(), buf.end(), 0);
        std::memcpy(buf.data(), values[k].data(), values[k].size());
        const SQLRETURN rc =
            direct ? SQLExecDirect(stmt, sqlc("INSERT INTO it_par_inject (id, s) VALUES (?, ?)"),
                                   SQL_NTS)
                   : SQLExecute(stmt);
        check(rc, SQL_HANDLE_STMT, stmt);
    }
    CHECK(count_rows(c.dbc, "it_par_inject") == static_cast<long>(values.size()));
    for (std::size_t k = 0; k < values.size(); ++k) {
        INFO("value " << k << ": " << values[k]);
        CHECK(query_string(c.dbc, "SELECT s FROM it_par_inject WHERE id = " + std::to_string(k))
              == values[k]);
    }
}

TEST_CASE("? inside literals, quoted identifiers, comments and dollar quotes is not a marker") {
    Connection c;
    Stmt stmt(c.dbc);
    const std::string sql =
        "SELECT '?' AS a, $$ ? $$ AS b, $q$?'?$q$ AS \"c?\", E'\\'?' AS d, ? AS e, "
        "'it''s ?' AS f /* ? block ? */ -- ? line\n";
    prepare(stmt, sql);
    SQLSMALLINT n = -1;
    check(SQLNumParams(stmt, &n), SQL_HANDLE_STMT, stmt);
    CHECK(n == 1);
    char e[] = "value";
    SQLLEN ind = SQL_NTS;
    bind(stmt, 1, SQL_C_CHAR, SQL_VARCHAR, 10, 0, e, sizeof e, &ind);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 1) == "?");
    CHECK(fetch_string(stmt, 2) == " ? ");
    CHECK(fetch_string(stmt, 3) == "?'?");
    CHECK(fetch_string(stmt, 4) == "'?");
    CHECK(fetch_string(stmt, 5) == "value");
    CHECK(fetch_string(stmt, 6) == "it's ?");
    SQLCHAR name[32] = {};
    SQLSMALLINT name_len = 0;
    SQLSMALLINT type = 0;
    SQLULEN size = 0;
    SQLSMALLINT digits = 0;
    SQLSMALLINT nullable = 0;
    check(SQLDescribeCol(stmt, 3, name, sizeof name, &name_len, &type, &size, &digits, &nullable),
          SQL_HANDLE_STMT, stmt);
    CHECK(std::string(reinterpret_cast<char*>(name)) == "c?");
}

TEST_CASE("PostgreSQL operators with ? characters in a statement without parameters") {
    Connection c;
    Stmt stmt(c.dbc);
    // No marker at all: SQLNumParams is 0 and the text runs unchanged.
    prepare(stmt, "SELECT 'a?b' AS x, 1 AS y -- trailing ?");
    SQLSMALLINT n = -1;
    check(SQLNumParams(stmt, &n), SQL_HANDLE_STMT, stmt);
    CHECK(n == 0);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 1) == "a?b");
}

// ---------------------------------------------------------------------------------------------
// SQLNumParams, SQLDescribeParam, describe before execute
// ---------------------------------------------------------------------------------------------

TEST_CASE("SQLNumParams after SQLPrepare") {
    Connection c;
    make_table(c.dbc, "it_par_desc", "i int4, s varchar(30)");
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_desc (i, s) VALUES (?, ?)");
    SQLSMALLINT n = -1;
    check(SQLNumParams(stmt, &n), SQL_HANDLE_STMT, stmt);
    CHECK(n == 2);
    prepare(stmt, "SELECT i FROM it_par_desc WHERE i = ? OR i = ? OR s = ?");
    check(SQLNumParams(stmt, &n), SQL_HANDLE_STMT, stmt);
    CHECK(n == 3);
    prepare(stmt, "SELECT 1");
    check(SQLNumParams(stmt, &n), SQL_HANDLE_STMT, stmt);
    CHECK(n == 0);
}

TEST_CASE("SQLDescribeParam after SQLPrepare reports the server's parameter types"
          * psqlodbc_deviates()) {
    Connection c;
    make_table(c.dbc, "it_par_desc", "i int4, s varchar(30)");
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_desc (i, s) VALUES (?, ?)");
    SQLSMALLINT type = 0;
    SQLULEN size = 0;
    SQLSMALLINT digits = -1;
    SQLSMALLINT nullable = -1;
    check(SQLDescribeParam(stmt, 1, &type, &size, &digits, &nullable), SQL_HANDLE_STMT, stmt);
    CHECK(type == SQL_INTEGER);
    CHECK((nullable == SQL_NULLABLE || nullable == SQL_NULLABLE_UNKNOWN));
    check(SQLDescribeParam(stmt, 2, &type, &size, &digits, &nullable), SQL_HANDLE_STMT, stmt);
    CHECK((type == SQL_VARCHAR || type == SQL_LONGVARCHAR || type == SQL_WVARCHAR
           || type == SQL_WLONGVARCHAR));

    // A parameter number past the markers: 07009 (SQLDescribeParam, "Invalid descriptor index").
    const SQLRETURN rc = SQLDescribeParam(stmt, 3, &type, &size, &digits, &nullable);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "07009"));
}

TEST_CASE("SQLNumResultCols and SQLDescribeCol after SQLPrepare of a SELECT with a marker") {
    Connection c;
    make_table(c.dbc, "it_par_shape", "id int4, label varchar(12), born date");
    exec(c.dbc, "INSERT INTO it_par_shape VALUES (1, 'a', '2000-01-01')");
    Stmt stmt(c.dbc);
    prepare(stmt, "SELECT id, label, born FROM it_par_shape WHERE id = ?");
    // Before SQLExecute and before any SQLBindParameter.
    SQLSMALLINT cols = -1;
    check(SQLNumResultCols(stmt, &cols), SQL_HANDLE_STMT, stmt);
    CHECK(cols == 3);
    SQLCHAR name[32] = {};
    SQLSMALLINT name_len = 0;
    SQLSMALLINT type = 0;
    SQLULEN size = 0;
    SQLSMALLINT digits = 0;
    SQLSMALLINT nullable = 0;
    check(SQLDescribeCol(stmt, 2, name, sizeof name, &name_len, &type, &size, &digits, &nullable),
          SQL_HANDLE_STMT, stmt);
    CHECK(std::string(reinterpret_cast<char*>(name)) == "label");
    CHECK((type == SQL_VARCHAR || type == SQL_WVARCHAR));
    CHECK(size == 12);
    check(SQLDescribeCol(stmt, 3, name, sizeof name, &name_len, &type, &size, &digits, &nullable),
          SQL_HANDLE_STMT, stmt);
    CHECK(type == SQL_TYPE_DATE);
    // Describing did not execute: binding and executing now gives the row.
    SQLINTEGER id = 1;
    SQLLEN ind = 0;
    bind(stmt, 1, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0, &ind);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 2) == "a");
    CHECK(SQLFetch(stmt) == SQL_NO_DATA);
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

TEST_CASE("a marker without SQLBindParameter: 07002 at SQLExecute") {
    Connection c;
    make_table(c.dbc, "it_par_err", "i int4, s text");
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_err (i, s) VALUES (?, ?)");
    SQLINTEGER i = 1;
    SQLLEN ind = 0;
    bind(stmt, 1, SQL_C_SLONG, SQL_INTEGER, 0, 0, &i, 0, &ind);
    // SQLExecute: 07002 "COUNT field incorrect: the number of parameters specified in
    // SQLBindParameter was less than the number of parameters in the SQL statement".
    expect_error(SQLExecute(stmt), stmt, "07002");
    CHECK(count_rows(c.dbc, "it_par_err") == 0);

    // SQLFreeStmt(SQL_RESET_PARAMS) unbinds them all.
    check(SQLFreeStmt(stmt, SQL_RESET_PARAMS), SQL_HANDLE_STMT, stmt);
    Stmt direct(c.dbc);
    expect_error(SQLExecDirect(direct, sqlc("SELECT ?::int4"), SQL_NTS), direct, "07002");
}

TEST_CASE("SQLBindParameter with an invalid C type: HY003") {
    Connection c;
    Stmt stmt(c.dbc);
    prepare(stmt, "SELECT ?::int4");
    SQLINTEGER v = 1;
    SQLLEN ind = 0;
    const SQLRETURN rc =
        SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, 12345, SQL_INTEGER, 0, 0, &v, 0, &ind);
    expect_error(rc, stmt, "HY003");
}

// SQLBindParameter: HY004 "The value specified for ParameterType was neither a valid ODBC SQL data
// type identifier nor a driver-specific SQL data type identifier supported by the driver".
TEST_CASE("SQLBindParameter with an invalid SQL type: HY004" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    prepare(stmt, "SELECT ?::int4");
    SQLINTEGER v = 1;
    SQLLEN ind = 0;
    const SQLRETURN rc =
        SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, 12345, 0, 0, &v, 0, &ind);
    expect_error(rc, stmt, "HY004");
}

TEST_CASE("SQL_C_SBIGINT 5e9 into an SQL_INTEGER parameter: 22003") {
    Connection c;
    make_table(c.dbc, "it_par_err", "i int4");
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_err (i) VALUES (?)");
    SQLBIGINT v = 5000000000LL;
    SQLLEN ind = 0;
    bind(stmt, 1, SQL_C_SBIGINT, SQL_INTEGER, 0, 0, &v, 0, &ind);
    // Appendix D, C to SQL, "C to SQL: Numeric": "Data converted with truncation of whole digits
    // [...] 22003".
    expect_error(SQLExecute(stmt), stmt, "22003");
    CHECK(count_rows(c.dbc, "it_par_err") == 0);
}

TEST_CASE("SQL_C_SLONG into an SQL_SMALLINT parameter out of range: 22003" * psqlodbc_deviates()) {
    Connection c;
    make_table(c.dbc, "it_par_err", "i int8");  // the column could hold it: the driver must refuse
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_err (i) VALUES (?)");
    SQLINTEGER v = 70000;
    SQLLEN ind = 0;
    bind(stmt, 1, SQL_C_SLONG, SQL_SMALLINT, 0, 0, &v, 0, &ind);
    expect_error(SQLExecute(stmt), stmt, "22003");
    CHECK(count_rows(c.dbc, "it_par_err") == 0);
}

// Appendix D, "C to SQL: Date" and "C to SQL: Timestamp": an invalid date struct is 22007 for an
// SQL_TYPE_DATE/SQL_TYPE_TIMESTAMP target, 22008 for a character target. psqlODBC sends the text
// and passes on the server's 22008.
TEST_CASE("a date struct with month 13 for an SQL_TYPE_DATE parameter: 22007"
          * psqlodbc_deviates()) {
    Connection c;
    make_table(c.dbc, "it_par_err", "d date");
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_err (d) VALUES (?)");
    SQL_DATE_STRUCT d = {2024, 13, 1};
    SQLLEN ind = 0;
    bind(stmt, 1, SQL_C_TYPE_DATE, SQL_TYPE_DATE, 10, 0, &d, 0, &ind);
    expect_error(SQLExecute(stmt), stmt, "22007");
    CHECK(count_rows(c.dbc, "it_par_err") == 0);
}

TEST_CASE("a date struct with month 13 for an SQL_VARCHAR parameter: 22008") {
    Connection c;
    make_table(c.dbc, "it_par_err", "d date");
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_err (d) VALUES (?)");
    SQL_DATE_STRUCT d = {2024, 13, 1};
    SQLLEN ind = 0;
    bind(stmt, 1, SQL_C_TYPE_DATE, SQL_VARCHAR, 10, 0, &d, 0, &ind);
    expect_error(SQLExecute(stmt), stmt, "22008");
    CHECK(count_rows(c.dbc, "it_par_err") == 0);
}

TEST_CASE("a timestamp struct with February 30 for an SQL_TYPE_TIMESTAMP parameter: 22007"
          * psqlodbc_deviates()) {
    Connection c;
    make_table(c.dbc, "it_par_err", "t timestamp");
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_err (t) VALUES (?)");
    SQL_TIMESTAMP_STRUCT ts = {2023, 2, 30, 1, 2, 3, 0};
    SQLLEN ind = 0;
    bind(stmt, 1, SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, 19, 0, &ts, 0, &ind);
    expect_error(SQLExecute(stmt), stmt, "22007");
    CHECK(count_rows(c.dbc, "it_par_err") == 0);
}

TEST_CASE("a string longer than the column size of an SQL_VARCHAR(5) parameter: 22001"
          * psqlodbc_deviates()) {
    Connection c;
    // A text column: only the parameter's declared size (5) can refuse the value.
    make_table(c.dbc, "it_par_err", "s text");
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_err (s) VALUES (?)");
    char s[] = "abcdefgh";
    SQLLEN ind = SQL_NTS;
    bind(stmt, 1, SQL_C_CHAR, SQL_VARCHAR, 5, 0, s, sizeof s, &ind);
    // Appendix D, "C to SQL: Character": SQL_VARCHAR, "Byte length of data > Column length:
    // String data, right truncated, 22001".
    expect_error(SQLExecute(stmt), stmt, "22001");
    CHECK(count_rows(c.dbc, "it_par_err") == 0);

    // Exactly 5 fits.
    std::strcpy(s, "abcde");
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(query_string(c.dbc, "SELECT s FROM it_par_err") == "abcde");
}

TEST_CASE("a non-number string bound as SQL_C_CHAR to an SQL_INTEGER parameter: 22018") {
    Connection c;
    make_table(c.dbc, "it_par_err", "i int4");
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_err (i) VALUES (?)");
    char s[] = "12abc";
    SQLLEN ind = SQL_NTS;
    bind(stmt, 1, SQL_C_CHAR, SQL_INTEGER, 0, 0, s, sizeof s, &ind);
    // Appendix D, "C to SQL: Character", SQL_INTEGER: "Data value is not a numeric-literal: 22018".
    const SQLRETURN rc = SQLExecute(stmt);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK((has_state(SQL_HANDLE_STMT, stmt, "22018") || has_state(SQL_HANDLE_STMT, stmt, "22P02")));
    CHECK(count_rows(c.dbc, "it_par_err") == 0);
}

TEST_CASE("after a failed SQLExecute the statement executes again with good values") {
    Connection c;
    make_table(c.dbc, "it_par_err", "i int4 PRIMARY KEY");
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_err (i) VALUES (?)");
    SQLINTEGER v = 1;
    SQLLEN ind = 0;
    bind(stmt, 1, SQL_C_SLONG, SQL_INTEGER, 0, 0, &v, 0, &ind);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    const SQLRETURN rc = SQLExecute(stmt);  // a duplicate key
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    // Integrity constraint violation: ODBC's 23000, or the server's 23505 passed through.
    CHECK((has_state(SQL_HANDLE_STMT, stmt, "23000") || has_state(SQL_HANDLE_STMT, stmt, "23505")));
    v = 2;
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(count_rows(c.dbc, "it_par_err") == 2);
}

// ---------------------------------------------------------------------------------------------
// Data at execution
// ---------------------------------------------------------------------------------------------

TEST_CASE(
    "data at execution: SQL_NEED_DATA, the token back from SQLParamData, SQLPutData in "
    "pieces") {
    Connection c;
    make_table(c.dbc, "it_par_dae", "id int4, t text, b bytea, n text");
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_dae (id, t, b, n) VALUES (?, ?, ?, ?)");

    // A 1 MB text in 10 pieces, 300 KB of binary in 3 pieces, a NULL through SQLPutData.
    std::string text;
    for (int i = 0; text.size() < (1 << 20); ++i) {
        text += "line " + std::to_string(i) + " ¤\n";
    }
    std::vector<unsigned char> bin(300 * 1024);
    for (std::size_t i = 0; i < bin.size(); ++i) {
        bin[i] = static_cast<unsigned char>((i * 7) ^ (i >> 8));
    }
    SQLINTEGER id = 7;
    SQLLEN id_ind = 0;
    bind(stmt, 1, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0, &id_ind);
    // ParameterValuePtr of a data-at-execution parameter is an application token returned by
    // SQLParamData (SQLBindParameter, "ParameterValuePtr Argument").
    int token_t = 0;
    int token_b = 0;
    int token_n = 0;
    SQLLEN ind_t = SQL_LEN_DATA_AT_EXEC(0);
    SQLLEN ind_b = SQL_LEN_DATA_AT_EXEC(static_cast<SQLLEN>(bin.size()));
    SQLLEN ind_n = SQL_DATA_AT_EXEC;
    bind(stmt, 2, SQL_C_CHAR, SQL_LONGVARCHAR, text.size(), 0, &token_t, 0, &ind_t);
    bind(stmt, 3, SQL_C_BINARY, SQL_LONGVARBINARY, bin.size(), 0, &token_b, 0, &ind_b);
    bind(stmt, 4, SQL_C_CHAR, SQL_LONGVARCHAR, 10, 0, &token_n, 0, &ind_n);

    SQLRETURN rc = SQLExecute(stmt);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    REQUIRE(rc == SQL_NEED_DATA);
    int seen = 0;
    for (;;) {
        SQLPOINTER token = nullptr;
        rc = SQLParamData(stmt, &token);
        if (rc != SQL_NEED_DATA) {
            break;
        }
        ++seen;
        if (token == &token_t) {
            const std::size_t piece = text.size() / 10 + 1;
            for (std::size_t off = 0; off < text.size(); off += piece) {
                const std::size_t n = std::min(piece, text.size() - off);
                check(
                    SQLPutData(stmt, const_cast<char*>(text.data() + off), static_cast<SQLLEN>(n)),
                    SQL_HANDLE_STMT, stmt);
            }
        } else if (token == &token_b) {
            const std::size_t piece = 100 * 1024;
            for (std::size_t off = 0; off < bin.size(); off += piece) {
                check(SQLPutData(stmt, bin.data() + off, static_cast<SQLLEN>(piece)),
                      SQL_HANDLE_STMT, stmt);
            }
        } else if (token == &token_n) {
            check(SQLPutData(stmt, nullptr, SQL_NULL_DATA), SQL_HANDLE_STMT, stmt);
        } else {
            FAIL("SQLParamData returned an unknown token " << token);
        }
    }
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_SUCCESS);
    CHECK(seen == 3);
    CHECK(query_string(c.dbc, "SELECT id FROM it_par_dae") == "7");
    CHECK(query_string(c.dbc, "SELECT octet_length(t) FROM it_par_dae")
          == std::to_string(text.size()));
    {
        Stmt sel(c.dbc);
        exec(sel, "SELECT t FROM it_par_dae");
        check(SQLFetch(sel), SQL_HANDLE_STMT, sel);
        CHECK(fetch_string(sel, 1) == text);
    }
    CHECK(query_string(c.dbc, "SELECT octet_length(b) FROM it_par_dae")
          == std::to_string(bin.size()));
    CHECK(query_string(c.dbc,
                       "SELECT encode(substr(b, 1, 8), 'hex') || encode(substr(b, 300000, "
                       "4), 'hex') FROM it_par_dae")
          == hex(bin.data(), 8) + hex(bin.data() + 299999, 4));
    CHECK(query_string(c.dbc, "SELECT n IS NULL FROM it_par_dae") == "1");
}

TEST_CASE("data at execution with SQLExecDirect, and a canceled SQL_NEED_DATA") {
    Connection c;
    make_table(c.dbc, "it_par_dae", "id int4, t text");
    Stmt stmt(c.dbc);
    SQLINTEGER id = 1;
    SQLLEN id_ind = 0;
    int token = 0;
    SQLLEN ind = SQL_DATA_AT_EXEC;
    bind(stmt, 1, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0, &id_ind);
    bind(stmt, 2, SQL_C_CHAR, SQL_LONGVARCHAR, 100, 0, &token, 0, &ind);
    SQLRETURN rc =
        SQLExecDirect(stmt, sqlc("INSERT INTO it_par_dae (id, t) VALUES (?, ?)"), SQL_NTS);
    REQUIRE(rc == SQL_NEED_DATA);
    SQLPOINTER got = nullptr;
    REQUIRE(SQLParamData(stmt, &got) == SQL_NEED_DATA);
    CHECK(got == &token);
    char part1[] = "first,";
    char part2[] = "second";
    check(SQLPutData(stmt, part1, SQL_NTS), SQL_HANDLE_STMT, stmt);
    check(SQLPutData(stmt, part2, SQL_NTS), SQL_HANDLE_STMT, stmt);
    check(SQLParamData(stmt, &got), SQL_HANDLE_STMT, stmt);
    CHECK(query_string(c.dbc, "SELECT t FROM it_par_dae WHERE id = 1") == "first,second");

    // SQLCancel during a need-data sequence ends it: nothing is inserted and the statement is
    // usable again (SQLCancel, "Canceling Functions that Need Data").
    id = 2;
    rc = SQLExecDirect(stmt, sqlc("INSERT INTO it_par_dae (id, t) VALUES (?, ?)"), SQL_NTS);
    REQUIRE(rc == SQL_NEED_DATA);
    REQUIRE(SQLParamData(stmt, &got) == SQL_NEED_DATA);
    check(SQLCancel(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(count_rows(c.dbc, "it_par_dae") == 1);
    ind = SQL_NTS;
    char plain[] = "plain";
    bind(stmt, 2, SQL_C_CHAR, SQL_VARCHAR, 10, 0, plain, sizeof plain, &ind);
    id = 3;
    check(SQLExecDirect(stmt, sqlc("INSERT INTO it_par_dae (id, t) VALUES (?, ?)"), SQL_NTS),
          SQL_HANDLE_STMT, stmt);
    CHECK(query_string(c.dbc, "SELECT string_agg(id || t, ',' ORDER BY id) FROM it_par_dae")
          == "1first,second,3plain");
}

TEST_CASE("SQLPutData for a fixed-size type: one call, the length is ignored") {
    Connection c;
    make_table(c.dbc, "it_par_dae", "v int8");
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_dae (v) VALUES (?)");
    int token = 0;
    SQLLEN ind = SQL_DATA_AT_EXEC;
    bind(stmt, 1, SQL_C_SBIGINT, SQL_BIGINT, 0, 0, &token, 0, &ind);
    REQUIRE(SQLExecute(stmt) == SQL_NEED_DATA);
    SQLPOINTER got = nullptr;
    REQUIRE(SQLParamData(stmt, &got) == SQL_NEED_DATA);
    SQLBIGINT v = 1234567890123LL;
    check(SQLPutData(stmt, &v, 0), SQL_HANDLE_STMT, stmt);
    check(SQLParamData(stmt, &got), SQL_HANDLE_STMT, stmt);
    CHECK(query_string(c.dbc, "SELECT v FROM it_par_dae") == "1234567890123");
}

// ---------------------------------------------------------------------------------------------
// Large values and the W functions
// ---------------------------------------------------------------------------------------------

TEST_CASE("values larger than 1 MB through a normal bind") {
    Connection c;
    make_table(c.dbc, "it_par_big", "t text, b bytea");
    Stmt stmt(c.dbc);
    prepare(stmt, "INSERT INTO it_par_big (t, b) VALUES (?, ?)");
    std::string text(3 * 1024 * 1024 + 17, 'x');
    for (std::size_t i = 0; i < text.size(); i += 1000) {
        text[i] = static_cast<char>('a' + (i / 1000) % 26);
    }
    std::vector<unsigned char> bin(2 * 1024 * 1024 + 3);
    for (std::size_t i = 0; i < bin.size(); ++i) {
        bin[i] = static_cast<unsigned char>(i % 251);
    }
    SQLLEN ind[2] = {static_cast<SQLLEN>(text.size()), static_cast<SQLLEN>(bin.size())};
    bind(stmt, 1, SQL_C_CHAR, SQL_LONGVARCHAR, text.size(), 0, text.data(),
         static_cast<SQLLEN>(text.size()), &ind[0]);
    bind(stmt, 2, SQL_C_BINARY, SQL_LONGVARBINARY, bin.size(), 0, bin.data(),
         static_cast<SQLLEN>(bin.size()), &ind[1]);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(query_string(c.dbc, "SELECT length(t) || '/' || octet_length(b) FROM it_par_big")
          == std::to_string(text.size()) + "/" + std::to_string(bin.size()));
    CHECK(query_string(c.dbc, "SELECT substr(t, 2000001, 3) FROM it_par_big")
          == text.substr(2000000, 3));
    CHECK(query_string(c.dbc, "SELECT get_byte(b, 2097151) FROM it_par_big")
          == std::to_string(bin[2097151]));

    // And the text comes back whole.
    Stmt sel(c.dbc);
    exec(sel, "SELECT t FROM it_par_big");
    check(SQLFetch(sel), SQL_HANDLE_STMT, sel);
    CHECK(fetch_string(sel, 1) == text);
}

TEST_CASE("SQLPrepareW and SQLExecDirectW with ? markers and SQL_C_WCHAR parameters") {
    Connection c;
    make_table(c.dbc, "it_par_w", "id int4, s text");
    Stmt stmt(c.dbc);
    WStr sql(u"INSERT INTO it_par_w (id, s) VALUES (?, ?) -- ünïcode ?");
    check(SQLPrepareW(stmt, sql.get(), SQL_NTS), SQL_HANDLE_STMT, stmt);
    SQLSMALLINT n = -1;
    check(SQLNumParams(stmt, &n), SQL_HANDLE_STMT, stmt);
    CHECK(n == 2);
    SQLINTEGER id = 1;
    WStr value(u"Grüße 😀");
    SQLLEN ind[2] = {0, SQL_NTS};
    bind(stmt, 1, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0, &ind[0]);
    bind(stmt, 2, SQL_C_WCHAR, SQL_WVARCHAR, 20, 0, value.get(),
         (value.length() + 1) * sizeof(SQLWCHAR), &ind[1]);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);

    Stmt sel(c.dbc);
    WStr query(u"SELECT s FROM it_par_w WHERE s = ? AND id = ?");
    bind(sel, 1, SQL_C_WCHAR, SQL_WVARCHAR, 20, 0, value.get(),
         (value.length() + 1) * sizeof(SQLWCHAR), &ind[1]);
    bind(sel, 2, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0, &ind[0]);
    check(SQLExecDirectW(sel, query.get(), SQL_NTS), SQL_HANDLE_STMT, sel);
    check(SQLFetch(sel), SQL_HANDLE_STMT, sel);
    CHECK(fetch_wstring(sel, 1) == u"Grüße 😀");
    CHECK(SQLFetch(sel) == SQL_NO_DATA);
}
