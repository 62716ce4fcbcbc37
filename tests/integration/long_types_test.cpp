// Long types (issue 13): SQLGetTypeInfo offers a usable SQL_LONGVARCHAR and SQL_LONGVARBINARY in
// both flavours, text is SQL_LONGVARCHAR on PostgreSQL (TextAsLongVarchar's default by flavour),
// and an unbounded text parameter is described as long so text of any length goes in.
#include "odbc_test.h"

#include <string>
#include <vector>

using namespace odbc_test;

namespace {

struct TypeRow {
    std::string name;
    SQLLEN column_size = 0;
    std::string create_params;
};

std::vector<TypeRow> type_rows(const Dbc& dbc, SQLSMALLINT sql_type) {
    Stmt stmt(dbc);
    check(SQLGetTypeInfo(stmt, sql_type), SQL_HANDLE_STMT, stmt);
    std::vector<TypeRow> rows;
    while (SQLFetch(stmt) == SQL_SUCCESS) {
        rows.push_back({fetch_string(stmt, 1).value_or(""),
                        std::stol(fetch_string(stmt, 3).value_or("0")),
                        fetch_string(stmt, 6).value_or("")});
    }
    return rows;
}

// The DDL type an application builds from the first row: NAME or NAME(COLUMN_SIZE).
std::string ddl_type(const TypeRow& row) {
    return row.create_params.empty() ? row.name
                                     : row.name + "(" + std::to_string(row.column_size) + ")";
}

SQLSMALLINT described(const Stmt& stmt, SQLUSMALLINT column, SQLULEN* size) {
    SQLSMALLINT type = 0;
    check(SQLDescribeCol(stmt, column, nullptr, 0, nullptr, &type, size, nullptr, nullptr),
          SQL_HANDLE_STMT, stmt);
    return type;
}

}  // namespace

TEST_CASE(
    "SQLGetTypeInfo: the first SQL_LONGVARCHAR and SQL_LONGVARBINARY rows create usable "
    "columns"
    * only_our_driver()) {
    for (const char* flavour : {"postgresql", "redshift"}) {
        CAPTURE(flavour);
        const bool redshift = std::string(flavour) == "redshift";
        Connection c(conn_str() + ";ServerFlavor=" + flavour);
        const std::vector<TypeRow> text = type_rows(c.dbc, SQL_LONGVARCHAR);
        const std::vector<TypeRow> binary = type_rows(c.dbc, SQL_LONGVARBINARY);
        REQUIRE_FALSE(text.empty());
        REQUIRE_FALSE(binary.empty());
        CHECK(text[0].name == (redshift ? "varchar" : "text"));
        CHECK(text[0].column_size == (redshift ? 65535 : 1073741823));
        CHECK(binary[0].name == (redshift ? "varbyte" : "bytea"));
        CHECK(binary[0].column_size == (redshift ? 1024000 : 1073741823));
        if (redshift) {
            continue;  // the test server is PostgreSQL: Redshift's DDL is checked by its names
        }
        exec(c.dbc, "DROP TABLE IF EXISTS it_long_types");
        exec(c.dbc, "CREATE TABLE it_long_types (t " + ddl_type(text[0]) + ", b "
                        + ddl_type(binary[0]) + ")");
        const std::string big(200000, 'x');
        Stmt stmt(c.dbc);
        SQLLEN length = static_cast<SQLLEN>(big.size());
        check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_LONGVARCHAR, big.size(), 0,
                               const_cast<char*>(big.data()), length, &length),
              SQL_HANDLE_STMT, stmt);
        check(SQLExecDirect(stmt, sqlc("INSERT INTO it_long_types (t) VALUES (?)"), SQL_NTS),
              SQL_HANDLE_STMT, stmt);
        CHECK(query_string(c.dbc, "SELECT length(t) FROM it_long_types") == "200000");
    }
}

TEST_CASE(
    "text is SQL_LONGVARCHAR on PostgreSQL, SQL_VARCHAR on Redshift, unless "
    "TextAsLongVarchar says otherwise"
    * only_our_driver()) {
    struct Case {
        const char* extra;
        SQLSMALLINT type;
        SQLULEN size;
    };

    for (const Case& k :
         {Case{";ServerFlavor=postgresql", SQL_LONGVARCHAR, 1073741823},
          Case{";ServerFlavor=redshift", SQL_VARCHAR, 65535},
          Case{";ServerFlavor=postgresql;TextAsLongVarchar=0", SQL_VARCHAR, 65535},
          Case{";ServerFlavor=redshift;TextAsLongVarchar=1", SQL_LONGVARCHAR, 65535},
          Case{";ServerFlavor=postgresql;MaxLongVarcharSize=8190", SQL_LONGVARCHAR, 8190}}) {
        CAPTURE(k.extra);
        Connection c(conn_str() + k.extra);
        Stmt stmt(c.dbc);
        exec(stmt, "SELECT 'abc'::text, 'd'::varchar(5), '{1}'::int4[]");
        SQLULEN size = 0;
        CHECK(described(stmt, 1, &size) == k.type);
        CHECK(size == k.size);
        CHECK(described(stmt, 2, &size) == SQL_VARCHAR);
        // Types the driver does not know stay SQL_VARCHAR (not long: DBD::ODBC truncates long
        // columns at LongReadLen).
        CHECK(described(stmt, 3, &size) == SQL_VARCHAR);
    }
}

TEST_CASE("SQLDescribeParam: an unbounded text target is long, so long text goes in"
          * only_our_driver()) {
    Connection c(conn_str() + ";ServerFlavor=postgresql");
    exec(c.dbc, "DROP TABLE IF EXISTS it_long_param");
    exec(c.dbc, "CREATE TABLE it_long_param (t text, v varchar(10))");
    Stmt stmt(c.dbc);
    check(SQLPrepare(stmt, sqlc("INSERT INTO it_long_param (t, v) VALUES (?, ?)"), SQL_NTS),
          SQL_HANDLE_STMT, stmt);
    SQLSMALLINT type = 0;
    SQLULEN size = 0;
    check(SQLDescribeParam(stmt, 1, &type, &size, nullptr, nullptr), SQL_HANDLE_STMT, stmt);
    CHECK(type == SQL_LONGVARCHAR);
    CHECK(size == 1073741823);
    check(SQLDescribeParam(stmt, 2, &type, &size, nullptr, nullptr), SQL_HANDLE_STMT, stmt);
    CHECK(type == SQL_VARCHAR);
    CHECK(size == 10);
    // What PHP does: bind with the described size, then send 100,000 characters.
    const std::string big(100000, 'y');
    SQLLEN length = static_cast<SQLLEN>(big.size());
    SQLLEN short_length = 2;
    check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_LONGVARCHAR, 1073741823, 0,
                           const_cast<char*>(big.data()), length, &length),
          SQL_HANDLE_STMT, stmt);
    check(SQLBindParameter(stmt, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 10, 0,
                           const_cast<char*>("ab"), 2, &short_length),
          SQL_HANDLE_STMT, stmt);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(query_string(c.dbc, "SELECT length(t) FROM it_long_param") == "100000");
}
