// What a BI tool (Tableau, Power BI, Excel, DBeaver) does when it connects, in order, through the
// driver manager: an SQLGetInfo sweep, SQLGetFunctions, SQLGetTypeInfo, the catalog enumerations,
// SQLColumns, SQLPrepare + SQLDescribeCol without executing, and an {fn}-heavy generated query.
#include "info_types.h"
#include "odbc_test.h"

#include <array>
#include <set>
#include <string>
#include <vector>

using namespace odbc_test;

namespace {

// Every row of an open result, column 1..`columns` as text ("<null>" for NULL).
std::vector<std::vector<std::string>> all_rows(const Stmt& stmt) {
    SQLSMALLINT columns = 0;
    check(SQLNumResultCols(stmt.get(), &columns), SQL_HANDLE_STMT, stmt.get());
    std::vector<std::vector<std::string>> rows;
    for (;;) {
        const SQLRETURN rc = SQLFetch(stmt.get());
        if (rc == SQL_NO_DATA) {
            break;
        }
        check(rc, SQL_HANDLE_STMT, stmt.get());
        std::vector<std::string> row;
        for (SQLUSMALLINT column = 1; column <= columns; ++column) {
            row.push_back(fetch_string(stmt, column).value_or("<null>"));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

void info_sweep(const Dbc& dbc) {
    for (const auto& spec : all_info_types) {
        INFO(spec.name);
        std::array<char, 8192> buffer{};
        SQLSMALLINT length = 0;
        CHECK(SQLGetInfo(dbc.get(), spec.type, buffer.data(),
                         static_cast<SQLSMALLINT>(buffer.size()), &length)
              == SQL_SUCCESS);
    }
}

}  // namespace

TEST_CASE("a BI tool's connect-time conversation" * only_our_driver()) {
    Connection c;
    exec(c.dbc,
         "DROP VIEW IF EXISTS bi_order_totals; DROP TABLE IF EXISTS bi_orders;"
         "CREATE TABLE bi_orders (id integer PRIMARY KEY, customer varchar(40) NOT NULL,"
         " amount numeric(12,2), placed timestamp, shipped boolean);"
         "INSERT INTO bi_orders VALUES (1, ' alice ', 12.50, '2024-03-01 10:00:00', true),"
         " (2, 'bob', NULL, '2024-12-31 23:59:59', false);"
         "CREATE VIEW bi_order_totals AS SELECT customer, sum(amount) AS total FROM bi_orders"
         " GROUP BY customer");

    info_sweep(c.dbc);

    std::array<SQLUSMALLINT, SQL_API_ODBC3_ALL_FUNCTIONS_SIZE> functions{};
    check(SQLGetFunctions(c.dbc, SQL_API_ODBC3_ALL_FUNCTIONS, functions.data()), SQL_HANDLE_DBC,
          c.dbc);
    for (const SQLUSMALLINT id : {SQL_API_SQLTABLES, SQL_API_SQLCOLUMNS, SQL_API_SQLGETTYPEINFO,
                                  SQL_API_SQLPRIMARYKEYS, SQL_API_SQLNATIVESQL}) {
        CAPTURE(id);
        CHECK(SQL_FUNC_EXISTS(functions.data(), id) == SQL_TRUE);
    }

    {
        Stmt stmt(c.dbc);
        check(SQLGetTypeInfo(stmt.get(), SQL_ALL_TYPES), SQL_HANDLE_STMT, stmt.get());
        const auto types = all_rows(stmt);
        std::set<std::string> names;
        for (const auto& row : types) {
            names.insert(row[0]);
        }
        for (const char* name : {"int4", "varchar", "numeric", "timestamp", "bool"}) {
            CAPTURE(name);
            CHECK(names.count(name) == 1);
        }
    }

    {
        Stmt stmt(c.dbc);
        check(SQLTables(stmt.get(), sqlc(SQL_ALL_CATALOGS), SQL_NTS, sqlc(""), SQL_NTS, sqlc(""),
                        SQL_NTS, nullptr, 0),
              SQL_HANDLE_STMT, stmt.get());
        const auto catalogs = all_rows(stmt);
        REQUIRE_FALSE(catalogs.empty());
        bool found = false;
        for (const auto& row : catalogs) {
            found = found || row[0] == require_env("RSODBC_TEST_DATABASE");
        }
        CHECK(found);
    }
    {
        Stmt stmt(c.dbc);
        check(SQLTables(stmt.get(), sqlc(""), SQL_NTS, sqlc(SQL_ALL_SCHEMAS), SQL_NTS, sqlc(""),
                        SQL_NTS, nullptr, 0),
              SQL_HANDLE_STMT, stmt.get());
        bool found = false;
        for (const auto& row : all_rows(stmt)) {
            found = found || row[1] == "public";
        }
        CHECK(found);
    }
    {
        Stmt stmt(c.dbc);
        check(SQLTables(stmt.get(), nullptr, 0, sqlc("public"), SQL_NTS, sqlc("bi\\_%"), SQL_NTS,
                        sqlc("TABLE,VIEW"), SQL_NTS),
              SQL_HANDLE_STMT, stmt.get());
        const auto tables = all_rows(stmt);
        REQUIRE(tables.size() == 2);
        // Ordered by TABLE_TYPE first, as SQLTables specifies.
        CHECK(tables[0][2] == "bi_orders");
        CHECK(tables[0][3] == "TABLE");
        CHECK(tables[1][2] == "bi_order_totals");
        CHECK(tables[1][3] == "VIEW");
    }
    {
        Stmt stmt(c.dbc);
        check(SQLColumns(stmt.get(), nullptr, 0, sqlc("public"), SQL_NTS, sqlc("bi\\_orders"),
                         SQL_NTS, sqlc("%"), SQL_NTS),
              SQL_HANDLE_STMT, stmt.get());
        const auto columns = all_rows(stmt);
        REQUIRE(columns.size() == 5);
        CHECK(columns[0][3] == "id");
        CHECK(columns[1][3] == "customer");
        CHECK(columns[1][4] == std::to_string(SQL_VARCHAR));
        CHECK(columns[1][6] == "40");
        CHECK(columns[2][4] == std::to_string(SQL_NUMERIC));
        CHECK(columns[2][6] == "12");
        CHECK(columns[2][8] == "2");
        CHECK(columns[3][4] == std::to_string(SQL_TYPE_TIMESTAMP));
    }

    // Tableau prepares the generated query and reads its shape before running anything.
    const std::string generated =
        "SELECT {fn UCASE({fn LTRIM({fn RTRIM(o.customer)})})} AS who,"
        " {fn LENGTH(o.customer)} AS len,"
        " {fn YEAR(o.placed)} AS y, {fn MONTH(o.placed)} AS m,"
        " {fn TIMESTAMPADD(SQL_TSI_DAY, 1, o.placed)} AS next_day,"
        " {fn IFNULL(o.amount, 0)} AS amount,"
        " {fn CONVERT(o.id, SQL_VARCHAR)} AS id_text,"
        " {fn CONCAT(o.customer, '!')} AS shout"
        " FROM {oj bi_orders o LEFT OUTER JOIN bi_order_totals t ON o.customer = t.customer}"
        " WHERE o.placed >= {ts '2024-01-01 00:00:00'} AND o.placed < {d '2025-01-01'}"
        " ORDER BY o.id";
    Stmt stmt(c.dbc);
    check(SQLPrepare(stmt.get(), sqlc(generated), SQL_NTS), SQL_HANDLE_STMT, stmt.get());
    SQLSMALLINT columns = 0;
    check(SQLNumResultCols(stmt.get(), &columns), SQL_HANDLE_STMT, stmt.get());
    CHECK(columns == 8);
    std::array<SQLCHAR, 64> name{};
    SQLSMALLINT name_length = 0;
    SQLSMALLINT type = 0;
    SQLULEN size = 0;
    SQLSMALLINT digits = 0;
    SQLSMALLINT nullable = 0;
    check(SQLDescribeCol(stmt.get(), 3, name.data(), static_cast<SQLSMALLINT>(name.size()),
                         &name_length, &type, &size, &digits, &nullable),
          SQL_HANDLE_STMT, stmt.get());
    CHECK(std::string(reinterpret_cast<char*>(name.data())) == "y");
    check(SQLExecute(stmt.get()), SQL_HANDLE_STMT, stmt.get());
    const auto rows = all_rows(stmt);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0][0] == "ALICE");
    CHECK(rows[0][1] == "6");  // ODBC LENGTH leaves trailing blanks out
    CHECK(rows[0][2] == "2024");
    CHECK(rows[0][3] == "3");
    CHECK(rows[0][4] == "2024-03-02 10:00:00");
    CHECK(rows[0][5] == "12.50");
    CHECK(rows[0][6] == "1");
    CHECK(rows[0][7] == " alice !");
    CHECK(rows[1][5] == "0");
    CHECK(rows[1][2] == "2024");
}

TEST_CASE("the same conversation in Redshift mode answers what does not need Redshift's views"
          * only_our_driver()) {
    Connection c(conn_str() + ";ServerFlavor=redshift");
    info_sweep(c.dbc);
    Stmt stmt(c.dbc);
    check(SQLGetTypeInfo(stmt.get(), SQL_ALL_TYPES), SQL_HANDLE_STMT, stmt.get());
    std::set<std::string> names;
    for (const auto& row : all_rows(stmt)) {
        names.insert(row[0]);
    }
    for (const char* name : {"super", "varbyte", "geometry", "geography", "timestamptz"}) {
        CAPTURE(name);
        CHECK(names.count(name) == 1);
    }
}
