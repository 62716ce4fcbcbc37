// SQLGetTypeInfo: the ODBC result shape, one DATA_TYPE at a time or all of them in order.
#include "odbc_test.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace odbc_test;  // NOLINT(google-build-using-namespace): test vocabulary

// Differential: psqlODBC does not order SQLGetTypeInfo by DATA_TYPE.
TEST_CASE("SQLGetTypeInfo(SQL_ALL_TYPES): 19 columns named as ODBC says, ordered by DATA_TYPE"
          * psqlodbc_deviates()) {
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
    CHECK(std::find(names.begin(), names.end(), "hllsketch") != names.end());
}

TEST_CASE("SQLGetTypeInfo offers the names BI tools look for, each usable in DDL"
          * only_our_driver()) {
    for (const char* flavour : {"postgresql", "redshift"}) {
        CAPTURE(flavour);
        Connection c(conn_str() + ";ServerFlavor=" + flavour);
        Stmt stmt(c.dbc);
        check(SQLGetTypeInfo(stmt, SQL_ALL_TYPES), SQL_HANDLE_STMT, stmt);
        std::vector<std::pair<std::string, std::string>> rows;  // TYPE_NAME, DATA_TYPE
        while (SQLFetch(stmt) == SQL_SUCCESS) {
            rows.emplace_back(fetch_string(stmt, 1).value_or(""),
                              fetch_string(stmt, 2).value_or(""));
        }
        const auto data_type_of = [&](const std::string& name) {
            for (const auto& [type_name, data_type] : rows) {
                if (type_name == name) {
                    return data_type;
                }
            }
            return std::string("missing");
        };
        CHECK(data_type_of("float") == std::to_string(SQL_DOUBLE));
        CHECK(data_type_of("float8") == std::to_string(SQL_DOUBLE));
        CHECK(data_type_of("bpchar") == std::to_string(SQL_CHAR));
        // text: SQL_LONGVARCHAR on PostgreSQL (as psqlODBC), SQL_VARCHAR on Redshift.
        CHECK(
            data_type_of("text")
            == std::to_string(std::string(flavour) == "redshift" ? SQL_VARCHAR : SQL_LONGVARCHAR));
        CHECK(data_type_of("int2") == std::to_string(SQL_SMALLINT));
        CHECK(data_type_of("int4") == std::to_string(SQL_INTEGER));
        CHECK(data_type_of("int8") == std::to_string(SQL_BIGINT));
    }
    // A tool creates tables with these names: the server must accept them.
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_type_names");
    exec(c.dbc,
         "CREATE TABLE it_type_names (a float, b bpchar(3), c text, d int2, e int4, f int8)");
    exec(c.dbc, "DROP TABLE it_type_names");
}
