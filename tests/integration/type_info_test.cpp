// SQLGetTypeInfo: the ODBC result shape, one DATA_TYPE at a time or all of them in order.
#include "odbc_test.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace odbc_test;  // NOLINT(google-build-using-namespace): test vocabulary

TEST_CASE("SQLGetTypeInfo(SQL_ALL_TYPES): 19 columns named as ODBC says, ordered by DATA_TYPE") {
    Connection c;
    Stmt stmt(c.dbc);
    check(SQLGetTypeInfo(stmt, SQL_ALL_TYPES), SQL_HANDLE_STMT, stmt);
    SQLSMALLINT columns = 0;
    check(SQLNumResultCols(stmt, &columns), SQL_HANDLE_STMT, stmt);
    CHECK(columns == 19);
    SQLCHAR name[64] = {};
    check(SQLDescribeCol(stmt, 2, name, sizeof name, nullptr, nullptr, nullptr, nullptr, nullptr),
          SQL_HANDLE_STMT, stmt);
    CHECK(std::string(reinterpret_cast<char*>(name)) == "DATA_TYPE");
    check(SQLDescribeCol(stmt, 19, name, sizeof name, nullptr, nullptr, nullptr, nullptr, nullptr),
          SQL_HANDLE_STMT, stmt);
    CHECK(std::string(reinterpret_cast<char*>(name)) == "INTERVAL_PRECISION");
    std::vector<SQLSMALLINT> data_types;
    while (SQLFetch(stmt) == SQL_SUCCESS) {
        SQLSMALLINT type = 0;
        check(SQLGetData(stmt, 2, SQL_C_SSHORT, &type, 0, nullptr), SQL_HANDLE_STMT, stmt);
        data_types.push_back(type);
    }
    REQUIRE(data_types.size() >= 10);
    CHECK(std::is_sorted(data_types.begin(), data_types.end()));
}

TEST_CASE("SQLGetTypeInfo(SQL_TYPE_TIMESTAMP): microsecond precision (26 characters)") {
    Connection c;
    Stmt stmt(c.dbc);
    check(SQLGetTypeInfo(stmt, SQL_TYPE_TIMESTAMP), SQL_HANDLE_STMT, stmt);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    SQLINTEGER size = 0;
    check(SQLGetData(stmt, 3, SQL_C_SLONG, &size, 0, nullptr), SQL_HANDLE_STMT, stmt);
    CHECK(size == 26);
    SQLSMALLINT sub = 0;
    check(SQLGetData(stmt, 17, SQL_C_SSHORT, &sub, 0, nullptr), SQL_HANDLE_STMT, stmt);
    CHECK(sub == SQL_CODE_TIMESTAMP);
}

TEST_CASE("SQLGetTypeInfo with ServerFlavor=redshift lists SUPER and VARBYTE" * only_our_driver()) {
    Connection c(conn_str() + ";ServerFlavor=redshift");
    Stmt stmt(c.dbc);
    check(SQLGetTypeInfo(stmt, SQL_ALL_TYPES), SQL_HANDLE_STMT, stmt);
    std::vector<std::string> names;
    while (SQLFetch(stmt) == SQL_SUCCESS) {
        names.push_back(fetch_string(stmt, 1).value_or(""));
    }
    CHECK(std::find(names.begin(), names.end(), "super") != names.end());
    CHECK(std::find(names.begin(), names.end(), "varbyte") != names.end());
    CHECK(std::find(names.begin(), names.end(), "bytea") == names.end());
}
