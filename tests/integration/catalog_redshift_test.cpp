// The Redshift variant of the catalog functions (ServerFlavor=redshift) against
// tests/fixtures/redshift_catalog.sql: Redshift's documented catalog views imitated in a database
// of their own, so the driver's Redshift queries run for real — local tables and views,
// late-binding views, Spectrum external tables, other databases and datashares, sort and
// distribution keys.
#include "catalog_support.h"
#include "odbc_test.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace odbc_test;     // NOLINT(google-build-using-namespace): test vocabulary
using namespace catalog_test;  // NOLINT(google-build-using-namespace)

namespace {

constexpr const char* database = "rsodbc_rs_catalog";

std::string fixture_text() {
    std::ifstream in(std::string(RSODBC_FIXTURES_DIR) + "/redshift_catalog.sql");
    REQUIRE(in.good());
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The first occurrence of a keyword wins, so a leading Database= overrides the test string's.
std::string redshift_conn_str(const std::string& keys = "") {
    return std::string("Database=") + database + ";" + conn_str() + ";ServerFlavor=redshift" + keys;
}

void create_database() {
    {
        Connection admin;
        exec(admin.dbc, std::string("DROP DATABASE IF EXISTS ") + database + " WITH (FORCE)");
        exec(admin.dbc, std::string("CREATE DATABASE ") + database);
    }
    Connection c(std::string("Database=") + database + ";" + conn_str());
    exec(c.dbc, fixture_text());
    exec(c.dbc,
         "CREATE SCHEMA rs_local; "
         "CREATE TABLE rs_local.sales (id int PRIMARY KEY, name varchar(20) NOT NULL, "
         "amount numeric(10,2), sold timestamp); "
         "CREATE TABLE rs_local.sale_items (item_id int PRIMARY KEY, "
         "sale_id int REFERENCES rs_local.sales (id)); "
         "CREATE VIEW rs_local.v_sales AS SELECT id, name FROM rs_local.sales; "
         // A late-binding view: in pg_class, but its columns only in the function.
         "CREATE VIEW rs_local.lbv AS SELECT; "
         "INSERT INTO rs_system.fixture_late_binding_columns VALUES "
         "('rs_local', 'lbv', 'id', 'integer', 1), "
         "('rs_local', 'lbv', 'label', 'character varying(30)', 2); "
         "INSERT INTO rs_system.fixture_external_schemas VALUES ('spectrum', 'glue_db'); "
         "INSERT INTO rs_system.fixture_external_tables VALUES "
         "('spectrum', 'clicks', 's3://bucket/clicks/'); "
         "INSERT INTO rs_system.fixture_external_columns VALUES "
         "('spectrum', 'clicks', 'url', 'string', 1, 0, 'true'), "
         "('spectrum', 'clicks', 'price', 'decimal(10,2)', 2, 0, 'true'), "
         "('spectrum', 'clicks', 'day', 'date', 3, 1, 'false'); "
         "INSERT INTO rs_system.fixture_column_keys VALUES "
         "('rs_local', 'sales', 'id', 'az64', true, 0), "
         "('rs_local', 'sales', 'sold', 'raw', false, 1), "
         "('rs_local', 'sales', 'name', 'lzo', false, 2); "
         "INSERT INTO rs_system.fixture_other_databases VALUES ('shared_db', 'shared'); "
         "INSERT INTO rs_system.fixture_other_columns VALUES "
         "('shared_db', 'public', 'remote_t', 'TABLE', 'rid', 1, 'bigint', 'NO'), "
         "('shared_db', 'public', 'remote_t', 'TABLE', 'label', 2, 'character varying(50)', "
         "'YES'); "
         "CREATE PROCEDURE rs_local.refresh_sales(IN since date, INOUT n int) "
         "LANGUAGE plpgsql AS $$ BEGIN n := 0; END $$");
}

void ensure_database() {
    static bool created = false;
    if (!created) {
        create_database();
        created = true;
    }
}

struct Redshift {
    Connection c;
    Stmt stmt{c.dbc};

    explicit Redshift(const std::string& keys = "")
        : c((ensure_database(), redshift_conn_str(keys))) {}
};

}  // namespace

TEST_CASE("Redshift SQLTables: local tables, views and late-binding views; Spectrum tables"
          * only_our_driver()) {
    Redshift r;
    check(SQLTables(r.stmt, nullptr, 0, arg("rs\\_local"), SQL_NTS, nullptr, 0, nullptr, 0),
          SQL_HANDLE_STMT, r.stmt);
    auto rows = fetch_all(r.stmt);
    CHECK(column_values(rows, 3)
          == std::vector<std::string>{"sale_items", "sales", "lbv", "v_sales"});
    CHECK(column_values(rows, 4) == std::vector<std::string>{"TABLE", "TABLE", "VIEW", "VIEW"});
    check(SQLTables(r.stmt, nullptr, 0, nullptr, 0, nullptr, 0, arg("'EXTERNAL TABLE'"), SQL_NTS),
          SQL_HANDLE_STMT, r.stmt);
    rows = fetch_all(r.stmt);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0] == Row{database, "spectrum", "clicks", "EXTERNAL TABLE", std::nullopt});
}

TEST_CASE("Redshift SQLTables: ExcludeExternalSchemas=1 leaves Spectrum out" * only_our_driver()) {
    Redshift r(";ExcludeExternalSchemas=1");
    check(SQLTables(r.stmt, nullptr, 0, arg("spectrum"), SQL_NTS, nullptr, 0, nullptr, 0),
          SQL_HANDLE_STMT, r.stmt);
    CHECK(fetch_all(r.stmt).empty());
    check(SQLColumns(r.stmt, nullptr, 0, arg("spectrum"), SQL_NTS, nullptr, 0, nullptr, 0),
          SQL_HANDLE_STMT, r.stmt);
    CHECK(fetch_all(r.stmt).empty());
    check(SQLTables(r.stmt, arg(""), SQL_NTS, arg(SQL_ALL_SCHEMAS), SQL_NTS, arg(""), SQL_NTS,
                    nullptr, 0),
          SQL_HANDLE_STMT, r.stmt);
    auto schemas = column_values(fetch_all(r.stmt), 2);
    CHECK(std::count(schemas.begin(), schemas.end(), "spectrum") == 0);
    CHECK(std::count(schemas.begin(), schemas.end(), "rs_local") == 1);
    Redshift all(";ExcludeExternalSchemas=1;DatabaseMetadataCurrentDbOnly=0");
    check(SQLTables(all.stmt, arg(""), SQL_NTS, arg(SQL_ALL_SCHEMAS), SQL_NTS, arg(""), SQL_NTS,
                    nullptr, 0),
          SQL_HANDLE_STMT, all.stmt);
    schemas = column_values(fetch_all(all.stmt), 2);
    CHECK(std::count(schemas.begin(), schemas.end(), "spectrum") == 0);
    CHECK(std::count(schemas.begin(), schemas.end(), "public") == 1);  // local and shared_db's
    check(SQLTables(all.stmt, nullptr, 0, nullptr, 0, nullptr, 0, arg("EXTERNAL TABLE"), SQL_NTS),
          SQL_HANDLE_STMT, all.stmt);
    CHECK(fetch_all(all.stmt).empty());
}

TEST_CASE("Redshift SQLTables enumerations, current database only and all databases"
          * only_our_driver()) {
    {
        Redshift r;
        check(SQLTables(r.stmt, arg(SQL_ALL_CATALOGS), SQL_NTS, arg(""), SQL_NTS, arg(""), SQL_NTS,
                        nullptr, 0),
              SQL_HANDLE_STMT, r.stmt);
        CHECK(column_values(fetch_all(r.stmt), 1) == std::vector<std::string>{database});
        check(SQLTables(r.stmt, arg(""), SQL_NTS, arg(SQL_ALL_SCHEMAS), SQL_NTS, arg(""), SQL_NTS,
                        nullptr, 0),
              SQL_HANDLE_STMT, r.stmt);
        const auto schemas = column_values(fetch_all(r.stmt), 2);
        CHECK(std::count(schemas.begin(), schemas.end(), "spectrum") == 1);
        CHECK(std::count(schemas.begin(), schemas.end(), "rs_local") == 1);
        check(SQLTables(r.stmt, arg(""), SQL_NTS, arg(""), SQL_NTS, arg(""), SQL_NTS,
                        arg(SQL_ALL_TABLE_TYPES), SQL_NTS),
              SQL_HANDLE_STMT, r.stmt);
        const auto types = column_values(fetch_all(r.stmt), 4);
        CHECK(std::count(types.begin(), types.end(), "EXTERNAL TABLE") == 1);
        CHECK(std::count(types.begin(), types.end(), "MATERIALIZED VIEW") == 0);
        // Another database is not reported in this mode.
        check(SQLTables(r.stmt, arg("shared_db"), SQL_NTS, nullptr, 0, nullptr, 0, nullptr, 0),
              SQL_HANDLE_STMT, r.stmt);
        CHECK(fetch_all(r.stmt).empty());
    }
    Redshift all(";DatabaseMetadataCurrentDbOnly=0");
    check(SQLTables(all.stmt, arg(SQL_ALL_CATALOGS), SQL_NTS, arg(""), SQL_NTS, arg(""), SQL_NTS,
                    nullptr, 0),
          SQL_HANDLE_STMT, all.stmt);
    CHECK(column_values(fetch_all(all.stmt), 1) == std::vector<std::string>{database, "shared_db"});
    check(SQLTables(all.stmt, arg("shared\\_db"), SQL_NTS, nullptr, 0, nullptr, 0, nullptr, 0),
          SQL_HANDLE_STMT, all.stmt);
    auto rows = fetch_all(all.stmt);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0] == Row{"shared_db", "public", "remote_t", "TABLE", std::nullopt});
    check(SQLColumns(all.stmt, arg("shared_db"), SQL_NTS, nullptr, 0, arg("remote\\_t"), SQL_NTS,
                     nullptr, 0),
          SQL_HANDLE_STMT, all.stmt);
    rows = fetch_all(all.stmt);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0][3] == "rid");
    CHECK(rows[0][4] == std::to_string(SQL_BIGINT));
    CHECK(rows[0][10] == std::to_string(SQL_NO_NULLS));
    CHECK(rows[1][4] == std::to_string(SQL_VARCHAR));
    CHECK(rows[1][6] == "50");
}

TEST_CASE("Redshift SQLColumns: late-binding view and Spectrum columns, typed by name"
          * only_our_driver()) {
    Redshift r;
    check(
        SQLColumns(r.stmt, nullptr, 0, arg("rs\\_local"), SQL_NTS, arg("lbv"), SQL_NTS, nullptr, 0),
        SQL_HANDLE_STMT, r.stmt);
    CHECK(describe(r.stmt).size() == 18);
    auto rows = fetch_all(r.stmt);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0][3] == "id");
    CHECK(rows[0][4] == std::to_string(SQL_INTEGER));
    CHECK(rows[1][3] == "label");
    CHECK(rows[1][4] == std::to_string(SQL_VARCHAR));
    CHECK(rows[1][6] == "30");
    CHECK(rows[1][10] == std::to_string(SQL_NULLABLE_UNKNOWN));
    CHECK(rows[1][16] == "2");
    check(SQLColumns(r.stmt, nullptr, 0, arg("spectrum"), SQL_NTS, arg("clicks"), SQL_NTS, nullptr,
                     0),
          SQL_HANDLE_STMT, r.stmt);
    rows = fetch_all(r.stmt);
    REQUIRE(rows.size() == 3);
    CHECK(column_values(rows, 4) == std::vector<std::string>{"url", "price", "day"});
    CHECK(rows[0][4] == std::to_string(SQL_VARCHAR));  // Hive string
    CHECK(rows[1][4] == std::to_string(SQL_NUMERIC));
    CHECK(rows[1][6] == "10");
    CHECK(rows[1][8] == "2");
    CHECK(rows[2][4] == std::to_string(SQL_TYPE_DATE));
    CHECK(rows[2][17] == "NO");
    // Local tables come from pg_attribute, exactly as on PostgreSQL.
    check(SQLColumns(r.stmt, nullptr, 0, arg("rs\\_local"), SQL_NTS, arg("sales"), SQL_NTS,
                     arg("name"), SQL_NTS),
          SQL_HANDLE_STMT, r.stmt);
    rows = fetch_all(r.stmt);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][6] == "20");
    CHECK(rows[0][17] == "NO");
}

TEST_CASE("Redshift SQLPrimaryKeys, SQLForeignKeys, SQLSpecialColumns" * only_our_driver()) {
    Redshift r;
    check(SQLPrimaryKeys(r.stmt, nullptr, 0, arg("rs_local"), SQL_NTS, arg("sales"), SQL_NTS),
          SQL_HANDLE_STMT, r.stmt);
    CHECK(column_values(fetch_all(r.stmt), 4) == std::vector<std::string>{"id"});
    check(SQLForeignKeys(r.stmt, nullptr, 0, arg("rs_local"), SQL_NTS, arg("sales"), SQL_NTS,
                         nullptr, 0, nullptr, 0, nullptr, 0),
          SQL_HANDLE_STMT, r.stmt);
    auto rows = fetch_all(r.stmt);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][6] == "sale_items");
    CHECK(rows[0][7] == "sale_id");
    CHECK(rows[0][9] == std::to_string(SQL_NO_ACTION));
    CHECK(rows[0][10] == std::to_string(SQL_NO_ACTION));
    // Informational keys: the row id is only as good as the current row.
    check(SQLSpecialColumns(r.stmt, SQL_BEST_ROWID, nullptr, 0, arg("rs_local"), SQL_NTS,
                            arg("sales"), SQL_NTS, SQL_SCOPE_CURROW, SQL_NULLABLE),
          SQL_HANDLE_STMT, r.stmt);
    rows = fetch_all(r.stmt);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][0] == std::to_string(SQL_SCOPE_CURROW));
    CHECK(rows[0][1] == "id");
    check(SQLSpecialColumns(r.stmt, SQL_BEST_ROWID, nullptr, 0, arg("rs_local"), SQL_NTS,
                            arg("sales"), SQL_NTS, SQL_SCOPE_SESSION, SQL_NULLABLE),
          SQL_HANDLE_STMT, r.stmt);
    CHECK(fetch_all(r.stmt).empty());
}

TEST_CASE("Redshift SQLStatistics: no indexes; sort and dist keys behind SortKeysAsStatistics"
          * only_our_driver()) {
    {
        Redshift r;
        check(SQLStatistics(r.stmt, nullptr, 0, arg("rs_local"), SQL_NTS, arg("sales"), SQL_NTS,
                            SQL_INDEX_ALL, SQL_QUICK),
              SQL_HANDLE_STMT, r.stmt);
        CHECK(describe(r.stmt).size() == 13);
        CHECK(fetch_all(r.stmt).empty());
    }
    Redshift r(";SortKeysAsStatistics=1");
    check(SQLStatistics(r.stmt, nullptr, 0, arg("rs_local"), SQL_NTS, arg("sales"), SQL_NTS,
                        SQL_INDEX_ALL, SQL_QUICK),
          SQL_HANDLE_STMT, r.stmt);
    const auto rows = fetch_all(r.stmt);
    REQUIRE(rows.size() == 3);
    CHECK(column_values(rows, 6) == std::vector<std::string>{"DISTKEY", "SORTKEY", "SORTKEY"});
    CHECK(column_values(rows, 9) == std::vector<std::string>{"id", "sold", "name"});
    CHECK(column_values(rows, 8) == std::vector<std::string>{"1", "1", "2"});
    CHECK(column_values(rows, 7) == std::vector<std::string>(3, std::to_string(SQL_INDEX_OTHER)));
    CHECK(column_values(rows, 4) == std::vector<std::string>(3, "1"));
    // Sort keys are no unique index.
    check(SQLStatistics(r.stmt, nullptr, 0, arg("rs_local"), SQL_NTS, arg("sales"), SQL_NTS,
                        SQL_INDEX_UNIQUE, SQL_QUICK),
          SQL_HANDLE_STMT, r.stmt);
    CHECK(fetch_all(r.stmt).empty());
}

TEST_CASE("Redshift SQLProcedures and SQLProcedureColumns over pg_proc_info" * only_our_driver()) {
    Redshift r;
    check(SQLProcedures(r.stmt, nullptr, 0, arg("rs\\_local"), SQL_NTS, nullptr, 0),
          SQL_HANDLE_STMT, r.stmt);
    auto rows = fetch_all(r.stmt);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][2] == "refresh_sales");
    CHECK(rows[0][7] == std::to_string(SQL_PT_PROCEDURE));
    check(SQLProcedureColumns(r.stmt, nullptr, 0, arg("rs\\_local"), SQL_NTS, arg("refresh%"),
                              SQL_NTS, nullptr, 0),
          SQL_HANDLE_STMT, r.stmt);
    rows = fetch_all(r.stmt);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0][3] == "since");
    CHECK(rows[0][5] == std::to_string(SQL_TYPE_DATE));
    CHECK(rows[1][3] == "n");
    CHECK(rows[1][4] == std::to_string(SQL_PARAM_INPUT_OUTPUT));
}

// Redshift has no attidentity: an IDENTITY column is known by its default, a call of
// "identity"(table oid, column index, 'seed,step') (default_identity for GENERATED BY DEFAULT AS
// IDENTITY), which the fixture reproduces (issue 13).
TEST_CASE("Redshift SQL_DESC_AUTO_UNIQUE_VALUE: IDENTITY columns by their default expression"
          * only_our_driver()) {
    Redshift r;
    Connection admin(std::string("Database=") + database + ";" + conn_str());
    exec(admin.dbc,
         "DROP SCHEMA IF EXISTS rs_ids CASCADE; CREATE SCHEMA rs_ids; "
         "CREATE TABLE rs_ids.events (id bigint NOT NULL, by_default bigint, plain int, "
         "note varchar(60) DEFAULT '\"identity\"(1, 0, ''1,1''::text)', "
         "stamped timestamp DEFAULT now()); "
         "SELECT rs_system.fixture_make_identity('rs_ids.events', 'id', '1,1'); "
         "SELECT rs_system.fixture_make_identity('rs_ids.events', 'by_default', '5,3', true); "
         "INSERT INTO rs_ids.events (plain) VALUES (1), (2)");
    // The defaults read as Redshift's do, the call first (PostgreSQL leaves the word identity,
    // unreserved there, unquoted).
    const std::string oid =
        query_string(admin.dbc, "SELECT 'rs_ids.events'::regclass::oid").value_or("?");
    CHECK(query_string(r.c.dbc,
                       "SELECT string_agg(pg_get_expr(adbin, adrelid), ' | ' ORDER BY adnum) "
                       "FROM pg_attrdef WHERE adrelid = 'rs_ids.events'::regclass AND adnum < 3")
              .value_or("")
          == "identity(" + oid + ", 0, '1,1'::text) | default_identity(" + oid
                 + ", 1, '5,3'::text)");
    CHECK(query_string(admin.dbc, "SELECT count(DISTINCT id) FROM rs_ids.events") == "2");

    exec(r.stmt,
         "SELECT id, by_default, plain, note, stamped, id + 0 AS computed "
         "FROM rs_ids.events ORDER BY id");
    const auto auto_unique = [&](SQLUSMALLINT column) {
        SQLLEN value = -1;
        check(SQLColAttribute(r.stmt, column, SQL_DESC_AUTO_UNIQUE_VALUE, nullptr, 0, nullptr,
                              &value),
              SQL_HANDLE_STMT, r.stmt);
        return value;
    };
    CHECK(auto_unique(1) == SQL_TRUE);   // IDENTITY(1,1)
    CHECK(auto_unique(2) == SQL_TRUE);   // GENERATED BY DEFAULT AS IDENTITY(5,3)
    CHECK(auto_unique(3) == SQL_FALSE);  // no default
    CHECK(auto_unique(4) == SQL_FALSE);  // a string default that only mentions "identity"(
    CHECK(auto_unique(5) == SQL_FALSE);  // another function call
    CHECK(auto_unique(6) == SQL_FALSE);  // computed
    SQLHDESC ird = nullptr;
    check(SQLGetStmtAttr(r.stmt, SQL_ATTR_IMP_ROW_DESC, &ird, 0, nullptr), SQL_HANDLE_STMT, r.stmt);
    SQLINTEGER value = -1;
    check(SQLGetDescField(ird, 1, SQL_DESC_AUTO_UNIQUE_VALUE, &value, 0, nullptr), SQL_HANDLE_DESC,
          ird);
    CHECK(value == SQL_TRUE);
    SQLCloseCursor(r.stmt);
    // The same table seen as PostgreSQL: such a default is no PostgreSQL identity or serial.
    Connection postgres(std::string("Database=") + database + ";" + conn_str());
    Stmt stmt(postgres.dbc);
    exec(stmt, "SELECT id, plain FROM rs_ids.events");
    SQLLEN pg_value = -1;
    check(SQLColAttribute(stmt, 1, SQL_DESC_AUTO_UNIQUE_VALUE, nullptr, 0, nullptr, &pg_value),
          SQL_HANDLE_STMT, stmt);
    CHECK(pg_value == SQL_FALSE);
}
