// SQLGetInfo(W): driver and DBMS identification, versions, capabilities.
#include "odbc_test.h"

#include <regex>
#include <string>

using namespace odbc_test;

TEST_CASE("SQL_DRIVER_NAME names our library" * only_our_driver()) {
    Connection c;
    const std::string name = info_string(c.dbc, SQL_DRIVER_NAME);
    INFO("SQL_DRIVER_NAME: " << name);
    CHECK(contains_nocase(name, "redshiftodbc"));
}

TEST_CASE("SQL_DRIVER_ODBC_VER is 03.80" * only_our_driver()) {
    Connection c;
    CHECK(info_string(c.dbc, SQL_DRIVER_ODBC_VER) == "03.80");
}

TEST_CASE("SQL_DRIVER_ODBC_VER and SQL_DRIVER_VER have the ##.## / ##.##.#### forms") {
    Connection c;
    CHECK(std::regex_match(info_string(c.dbc, SQL_DRIVER_ODBC_VER), std::regex(R"(\d\d\.\d\d)")));
    const std::string ver = info_string(c.dbc, SQL_DRIVER_VER);
    INFO("SQL_DRIVER_VER: " << ver);
    CHECK(std::regex_match(ver, std::regex(R"(\d\d\.\d\d\.\d{4}.*)")));
}

TEST_CASE("SQL_DBMS_NAME is PostgreSQL on the local server") {
    Connection c;
    CHECK(info_string(c.dbc, SQL_DBMS_NAME) == "PostgreSQL");
}

TEST_CASE("SQL_DBMS_NAME follows ServerFlavor" * only_our_driver()) {
    SUBCASE("forced redshift") {
        Connection c(conn_str() + ";ServerFlavor=redshift");
        CHECK(info_string(c.dbc, SQL_DBMS_NAME) == "Redshift");
    }
    SUBCASE("forced postgresql") {
        Connection c(conn_str() + ";ServerFlavor=postgresql");
        CHECK(info_string(c.dbc, SQL_DBMS_NAME) == "PostgreSQL");
    }
}

// SQLGetInfo: SQL_DBMS_VER is "##.##.####" (major.minor.release), optionally followed by a
// product-specific version. psqlODBC reports "15.0.18".
TEST_CASE("SQL_DBMS_VER has the ##.##.#### form" * psqlodbc_deviates()) {
    Connection c;
    const std::string ver = info_string(c.dbc, SQL_DBMS_VER);
    INFO("SQL_DBMS_VER: " << ver);
    REQUIRE(!ver.empty());
    CHECK(std::regex_match(ver, std::regex(R"(\d\d\.\d\d\.\d{4}.*)")));
    // The local server is PostgreSQL 15.
    CHECK(ver.substr(0, 3) == "15.");
}

TEST_CASE("SQL_DBMS_VER is not empty") {
    Connection c;
    CHECK(!info_string(c.dbc, SQL_DBMS_VER).empty());
}

TEST_CASE("SQL_GETDATA_EXTENSIONS") {
    Connection c;
    SQLUINTEGER value = 0;
    SQLSMALLINT len = 0;
    check(SQLGetInfo(c.dbc, SQL_GETDATA_EXTENSIONS, &value, sizeof value, &len), SQL_HANDLE_DBC,
          c.dbc);
    CHECK(value != 0);
    // getdata_test reads columns out of order and after bound columns.
    CHECK((value & SQL_GD_ANY_ORDER) != 0);
    CHECK((value & SQL_GD_ANY_COLUMN) != 0);
}

TEST_CASE("numeric info items") {
    Connection c;
    SQLUSMALLINT txn = 0;
    check(SQLGetInfo(c.dbc, SQL_TXN_CAPABLE, &txn, sizeof txn, nullptr), SQL_HANDLE_DBC, c.dbc);
    CHECK(txn != SQL_TC_NONE);

    SQLUINTEGER isolation = 0;
    check(SQLGetInfo(c.dbc, SQL_DEFAULT_TXN_ISOLATION, &isolation, sizeof isolation, nullptr),
          SQL_HANDLE_DBC, c.dbc);
    CHECK(isolation != 0);

    SQLUSMALLINT max_col_name = 0;
    check(SQLGetInfo(c.dbc, SQL_MAX_COLUMN_NAME_LEN, &max_col_name, sizeof max_col_name, nullptr),
          SQL_HANDLE_DBC, c.dbc);
    CHECK(max_col_name >= 63);

    // Answered by the driver manager.
    CHECK(info_string(c.dbc, SQL_ODBC_VER).size() >= 5);
}

TEST_CASE("string info items: quote char, data source read-only, user name") {
    Connection c;
    CHECK(info_string(c.dbc, SQL_IDENTIFIER_QUOTE_CHAR) == "\"");
    CHECK(info_string(c.dbc, SQL_DATA_SOURCE_READ_ONLY) == "N");
    CHECK(info_string(c.dbc, SQL_USER_NAME) == require_env("RSODBC_TEST_USER"));
    CHECK(info_string(c.dbc, SQL_DATABASE_NAME) == require_env("RSODBC_TEST_DATABASE"));
}

TEST_CASE("SQLGetInfo string truncation: 01004 and the full length") {
    Connection c;
    const std::string full = info_string(c.dbc, SQL_DBMS_NAME);
    REQUIRE(full.size() > 4);
    char small[4] = {};
    SQLSMALLINT len = -1;
    const SQLRETURN rc = SQLGetInfo(c.dbc, SQL_DBMS_NAME, small, sizeof small, &len);
    INFO(outcome(rc, SQL_HANDLE_DBC, c.dbc));
    CHECK(rc == SQL_SUCCESS_WITH_INFO);
    CHECK(has_state(SQL_HANDLE_DBC, c.dbc, "01004"));
    CHECK(len == static_cast<SQLSMALLINT>(full.size()));
    CHECK(std::string(small) == full.substr(0, 3));
}

TEST_CASE("SQLGetInfoW: string lengths in bytes") {
    Connection c;
    const std::string ansi = info_string(c.dbc, SQL_DBMS_NAME);
    SQLWCHAR buf[128] = {};
    SQLSMALLINT len = -1;
    check(SQLGetInfoW(c.dbc, SQL_DBMS_NAME, buf, sizeof buf, &len), SQL_HANDLE_DBC, c.dbc);
    CHECK(from_sqlw(buf) == utf8_to_utf16(ansi));
    CHECK(len == static_cast<SQLSMALLINT>(ansi.size() * sizeof(SQLWCHAR)));

    // NULL value pointer: still the length, in bytes.
    SQLSMALLINT null_len = -1;
    CHECK(SQL_SUCCEEDED(SQLGetInfoW(c.dbc, SQL_DBMS_NAME, nullptr, 0, &null_len)));
    CHECK(null_len == len);
}

// SQLGetInfoW truncation: BufferLength in bytes, the value cut to BufferLength less the
// null-termination character. psqlODBC fills the whole buffer and leaves no terminator.
TEST_CASE("SQLGetInfoW: truncation keeps the terminator" * psqlodbc_deviates()) {
    Connection c;
    const std::string ansi = info_string(c.dbc, SQL_DBMS_NAME);
    const SQLSMALLINT len = static_cast<SQLSMALLINT>(ansi.size() * sizeof(SQLWCHAR));
    SQLWCHAR small[4] = {};
    SQLSMALLINT small_len = -1;
    const SQLRETURN rc = SQLGetInfoW(c.dbc, SQL_DBMS_NAME, small, sizeof small, &small_len);
    CHECK(rc == SQL_SUCCESS_WITH_INFO);
    CHECK(small_len == len);
    INFO("truncated: " << utf16_to_utf8(from_sqlw(small, 4)));
    CHECK(from_sqlw(small) == utf8_to_utf16(ansi).substr(0, 3));
}

TEST_CASE("SQLGetInfo before connecting is 08003") {
    Env env;
    Dbc dbc(env);
    char buf[64];
    SQLSMALLINT len = 0;
    const SQLRETURN rc = SQLGetInfo(dbc, SQL_DBMS_NAME, buf, sizeof buf, &len);
    INFO(outcome(rc, SQL_HANDLE_DBC, dbc));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, dbc, "08003"));
}
