// Catalog functions against the real PostgreSQL server: shapes (names and SQL types), values,
// ordering, patterns and their escape, SQL_ATTR_METADATA_ID, enumerations and argument errors.
#include "catalog_support.h"
#include "odbc_test.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace odbc_test;     // NOLINT(google-build-using-namespace): test vocabulary
using namespace catalog_test;  // NOLINT(google-build-using-namespace)

namespace {

// Odd names on purpose: '_' and '%' inside names (escapes), mixed case and blanks (quoting).
void create_catalog_objects(const Dbc& dbc) {
    exec(dbc,
         "DROP SCHEMA IF EXISTS catq_one CASCADE; DROP SCHEMA IF EXISTS \"catqXone\" CASCADE; "
         "DROP SCHEMA IF EXISTS \"CatQ Mixed\" CASCADE; "
         "CREATE SCHEMA catq_one; CREATE SCHEMA \"catqXone\"; CREATE SCHEMA \"CatQ Mixed\"; "
         "CREATE TABLE catq_one.parent (id int PRIMARY KEY, code varchar(10) UNIQUE); "
         "COMMENT ON TABLE catq_one.parent IS 'the parents'; "
         "CREATE TABLE catq_one.\"Child%Table\" (id bigint PRIMARY KEY, "
         "parent_id int REFERENCES catq_one.parent (id) ON DELETE CASCADE, note text, "
         "amount numeric(12,3) DEFAULT 0, created timestamp(3) NOT NULL, flag boolean); "
         "COMMENT ON COLUMN catq_one.\"Child%Table\".note IS 'free text'; "
         "ALTER TABLE catq_one.\"Child%Table\" DROP COLUMN flag; "
         "ALTER TABLE catq_one.\"Child%Table\" ADD COLUMN flag boolean; "
         "CREATE INDEX child_note_idx ON catq_one.\"Child%Table\" (note DESC); "
         "CREATE TABLE catq_one.\"a%b\" (x int); CREATE TABLE catq_one.axb (x int); "
         "CREATE VIEW catq_one.v_parent AS SELECT id, code FROM catq_one.parent; "
         "CREATE TABLE \"catqXone\".parent (id int); "
         "CREATE TABLE \"catqXone\".uniq_only (a int UNIQUE, code varchar(5) NOT NULL UNIQUE); "
         "CREATE TABLE \"CatQ Mixed\".\"Tab\" (\"Col\" int); "
         "CREATE PROCEDURE catq_one.do_it(IN a int, INOUT b text) LANGUAGE sql AS "
         "'SELECT 1'; "
         "CREATE FUNCTION catq_one.add_one(x integer) RETURNS integer LANGUAGE sql AS "
         "'SELECT x + 1'");
}

void ensure_catalog_objects(const Dbc& dbc) {
    static bool created = false;
    if (!created) {
        create_catalog_objects(dbc);
        created = true;
    }
}

struct Fixture {
    Connection c;
    Stmt stmt{c.dbc};

    Fixture() { ensure_catalog_objects(c.dbc); }
};

}  // namespace

TEST_CASE("SQLTables: ODBC column names and types; escaped pattern; TABLE before VIEW"
          * psqlodbc_deviates()) {
    Fixture f;
    check(SQLTables(f.stmt, nullptr, 0, arg("catq\\_one"), SQL_NTS, arg("%"), SQL_NTS, nullptr, 0),
          SQL_HANDLE_STMT, f.stmt);
    const auto described = describe(f.stmt);
    CHECK(names(described)
          == std::vector<std::string>{"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE",
                                      "REMARKS"});
    CHECK(described[0].type == SQL_VARCHAR);
    CHECK(described[4].type == SQL_VARCHAR);
    const auto rows = fetch_all(f.stmt);
    CHECK(column_values(rows, 3)
          == std::vector<std::string>{"Child%Table", "a%b", "axb", "parent", "v_parent"});
    CHECK(column_values(rows, 4)
          == std::vector<std::string>{"TABLE", "TABLE", "TABLE", "TABLE", "VIEW"});
    CHECK(column_values(rows, 1)
          == std::vector<std::string>(5, require_env("RSODBC_TEST_DATABASE")));
    CHECK(column_values(rows, 2) == std::vector<std::string>(5, "catq_one"));
    CHECK(rows[3][4] == std::optional<std::string>("the parents"));
}

TEST_CASE("SQLTables: '_' and '%' are wildcards unless escaped" * psqlodbc_deviates()) {
    Fixture f;
    check(
        SQLTables(f.stmt, nullptr, 0, arg("catq_one"), SQL_NTS, arg("parent"), SQL_NTS, nullptr, 0),
        SQL_HANDLE_STMT, f.stmt);
    CHECK(column_values(fetch_all(f.stmt), 2) == std::vector<std::string>{"catqXone", "catq_one"});
    check(SQLTables(f.stmt, nullptr, 0, arg("catq\\_one"), SQL_NTS, arg("a\\%b"), SQL_NTS, nullptr,
                    0),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(column_values(fetch_all(f.stmt), 3) == std::vector<std::string>{"a%b"});
    check(
        SQLTables(f.stmt, nullptr, 0, arg("catq\\_one"), SQL_NTS, arg("a%b"), SQL_NTS, nullptr, 0),
        SQL_HANDLE_STMT, f.stmt);
    CHECK(column_values(fetch_all(f.stmt), 3) == std::vector<std::string>{"a%b", "axb"});
    // An empty pattern matches only the empty name: nothing.
    check(SQLTables(f.stmt, nullptr, 0, arg("catq\\_one"), SQL_NTS, arg(""), SQL_NTS, nullptr, 0),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(fetch_all(f.stmt).empty());
}

TEST_CASE("SQLTables: table type lists, quoted or not") {
    Fixture f;
    check(SQLTables(f.stmt, nullptr, 0, arg("catq\\_one"), SQL_NTS, nullptr, 0, arg("'VIEW'"),
                    SQL_NTS),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(column_values(fetch_all(f.stmt), 3) == std::vector<std::string>{"v_parent"});
    check(SQLTables(f.stmt, nullptr, 0, arg("catq\\_one"), SQL_NTS, arg("%"), SQL_NTS,
                    arg("table, view"), SQL_NTS),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(fetch_all(f.stmt).size() == 5);
    check(SQLTables(f.stmt, nullptr, 0, arg("catq\\_one"), SQL_NTS, arg("%"), SQL_NTS,
                    arg("'SYSTEM TABLE'"), SQL_NTS),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(fetch_all(f.stmt).empty());
}

TEST_CASE("SQLTables enumerations: catalogs, schemas, table types" * psqlodbc_deviates()) {
    Fixture f;
    check(SQLTables(f.stmt, arg(SQL_ALL_CATALOGS), SQL_NTS, arg(""), SQL_NTS, arg(""), SQL_NTS,
                    nullptr, 0),
          SQL_HANDLE_STMT, f.stmt);
    auto rows = fetch_all(f.stmt);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]
          == Row{require_env("RSODBC_TEST_DATABASE"), std::nullopt, std::nullopt, std::nullopt,
                 std::nullopt});
    check(SQLTables(f.stmt, arg(""), SQL_NTS, arg(SQL_ALL_SCHEMAS), SQL_NTS, arg(""), SQL_NTS,
                    nullptr, 0),
          SQL_HANDLE_STMT, f.stmt);
    rows = fetch_all(f.stmt);
    const auto schemas = column_values(rows, 2);
    CHECK(std::is_sorted(schemas.begin(), schemas.end()));
    CHECK(std::count(schemas.begin(), schemas.end(), "CatQ Mixed") == 1);
    CHECK(std::count(schemas.begin(), schemas.end(), "catq_one") == 1);
    CHECK(std::count(schemas.begin(), schemas.end(), "pg_toast") == 0);
    CHECK(!rows[0][0].has_value());
    CHECK(!rows[0][2].has_value());
    check(SQLTables(f.stmt, arg(""), SQL_NTS, arg(""), SQL_NTS, arg(""), SQL_NTS,
                    arg(SQL_ALL_TABLE_TYPES), SQL_NTS),
          SQL_HANDLE_STMT, f.stmt);
    rows = fetch_all(f.stmt);
    const auto types = column_values(rows, 4);
    CHECK(std::is_sorted(types.begin(), types.end()));
    CHECK(std::count(types.begin(), types.end(), "TABLE") == 1);
    CHECK(std::count(types.begin(), types.end(), "VIEW") == 1);
    CHECK(std::count(types.begin(), types.end(), "EXTERNAL TABLE") == 0);
    CHECK(!rows[0][0].has_value());
}

TEST_CASE("SQLColumns: 18 columns with ODBC names and types" * psqlodbc_deviates()) {
    Fixture f;
    check(SQLColumns(f.stmt, nullptr, 0, arg("catq\\_one"), SQL_NTS, arg("parent"), SQL_NTS,
                     nullptr, 0),
          SQL_HANDLE_STMT, f.stmt);
    const auto described = describe(f.stmt);
    CHECK(names(described)
          == std::vector<std::string>{"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
                                      "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH",
                                      "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS",
                                      "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB",
                                      "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE"});
    const std::vector<SQLSMALLINT> types{
        SQL_VARCHAR, SQL_VARCHAR,  SQL_VARCHAR,  SQL_VARCHAR,  SQL_SMALLINT, SQL_VARCHAR,
        SQL_INTEGER, SQL_INTEGER,  SQL_SMALLINT, SQL_SMALLINT, SQL_SMALLINT, SQL_VARCHAR,
        SQL_VARCHAR, SQL_SMALLINT, SQL_SMALLINT, SQL_INTEGER,  SQL_INTEGER,  SQL_VARCHAR};
    for (std::size_t i = 0; i < types.size(); ++i) {
        CAPTURE(described[i].name);
        CHECK(described[i].type == types[i]);
    }
    CHECK(column_values(fetch_all(f.stmt), 4) == std::vector<std::string>{"id", "code"});
}

TEST_CASE("SQLColumns: values per column, ordinal positions without gaps after DROP COLUMN"
          * only_our_driver()) {
    Fixture f;
    check(SQLColumns(f.stmt, nullptr, 0, arg("catq\\_one"), SQL_NTS, arg("Child\\%Table"), SQL_NTS,
                     nullptr, 0),
          SQL_HANDLE_STMT, f.stmt);
    const auto rows = fetch_all(f.stmt);
    REQUIRE(rows.size() == 6);
    CHECK(column_values(rows, 4)
          == std::vector<std::string>{"id", "parent_id", "note", "amount", "created", "flag"});
    CHECK(column_values(rows, 17) == std::vector<std::string>{"1", "2", "3", "4", "5", "6"});
    // id bigint NOT NULL (primary key)
    CHECK(rows[0]
          == Row{require_env("RSODBC_TEST_DATABASE"), "catq_one", "Child%Table", "id",
                 std::to_string(SQL_BIGINT), "int8", "19", "8", "0", "10", "0", std::nullopt,
                 std::nullopt, std::to_string(SQL_BIGINT), std::nullopt, std::nullopt, "1", "NO"});
    // note text, commented: SQL_LONGVARCHAR on PostgreSQL (TextAsLongVarchar's default, as
    // psqlODBC)
    CHECK(rows[2][4] == std::to_string(SQL_LONGVARCHAR));
    CHECK(rows[2][5] == "text");
    CHECK(rows[2][8] == std::nullopt);  // DECIMAL_DIGITS not applicable
    CHECK(rows[2][9] == std::nullopt);  // NUM_PREC_RADIX not applicable
    CHECK(rows[2][10] == "1");          // SQL_NULLABLE
    CHECK(rows[2][11] == "free text");
    CHECK(rows[2][15] == rows[2][7]);  // CHAR_OCTET_LENGTH = BUFFER_LENGTH for text
    CHECK(rows[2][17] == "YES");
    // amount numeric(12,3) DEFAULT 0
    CHECK(rows[3][4] == std::to_string(SQL_NUMERIC));
    CHECK(rows[3][6] == "12");
    CHECK(rows[3][8] == "3");
    CHECK(rows[3][12] == "0");
    // created timestamp(3) NOT NULL
    CHECK(rows[4][4] == std::to_string(SQL_TYPE_TIMESTAMP));
    CHECK(rows[4][6] == "23");
    CHECK(rows[4][8] == "3");
    CHECK(rows[4][13] == std::to_string(SQL_DATETIME));
    CHECK(rows[4][14] == std::to_string(SQL_CODE_TIMESTAMP));
    CHECK(rows[4][10] == "0");
    CHECK(rows[5][4] == std::to_string(SQL_BIT));
}

TEST_CASE("SQLColumns agrees with SQLDescribeCol, also under BoolsAsChar and UseUnicode"
          * only_our_driver()) {
    for (const char* keys : {"", ";BoolsAsChar=1;UseUnicode=1;MaxVarcharSize=5"}) {
        CAPTURE(keys);
        Connection c(conn_str() + keys);
        ensure_catalog_objects(c.dbc);
        Stmt stmt(c.dbc);
        check(SQLColumns(stmt, nullptr, 0, arg("catq\\_one"), SQL_NTS, arg("Child\\%Table"),
                         SQL_NTS, nullptr, 0),
              SQL_HANDLE_STMT, stmt);
        const auto rows = fetch_all(stmt);
        check(SQLPrepare(stmt, sqlc("SELECT * FROM catq_one.\"Child%Table\""), SQL_NTS),
              SQL_HANDLE_STMT, stmt);
        for (SQLUSMALLINT i = 1; i <= rows.size(); ++i) {
            SQLSMALLINT type = 0;
            SQLULEN size = 0;
            SQLSMALLINT digits = 0;
            SQLCHAR name[64] = {};
            check(
                SQLDescribeCol(stmt, i, name, sizeof name, nullptr, &type, &size, &digits, nullptr),
                SQL_HANDLE_STMT, stmt);
            CAPTURE(reinterpret_cast<char*>(name));
            CHECK(rows[i - 1][4] == std::to_string(type));
            CHECK(rows[i - 1][6] == std::to_string(size));
        }
    }
}

TEST_CASE("SQLColumns: SQL_ATTR_METADATA_ID makes arguments identifiers" * psqlodbc_deviates()) {
    Fixture f;
    check(SQLSetStmtAttr(f.stmt, SQL_ATTR_METADATA_ID, reinterpret_cast<SQLPOINTER>(SQL_TRUE), 0),
          SQL_HANDLE_STMT, f.stmt);
    const std::string db = require_env("RSODBC_TEST_DATABASE");
    // Quoted: literal, case kept.
    check(SQLColumns(f.stmt, sqlc(db), SQL_NTS, arg("\"CatQ Mixed\""), SQL_NTS, arg("\"Tab\""),
                     SQL_NTS, arg("\"Col\""), SQL_NTS),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(column_values(fetch_all(f.stmt), 4) == std::vector<std::string>{"Col"});
    // Unquoted: folded to lower case, trailing blanks dropped; '_' is no wildcard.
    check(SQLColumns(f.stmt, sqlc(db), SQL_NTS, arg("CATQ_ONE  "), SQL_NTS, arg("PARENT"), SQL_NTS,
                     arg("ID"), SQL_NTS),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(fetch_all(f.stmt).size() == 1);
    // '%' is a character, not a pattern.
    check(SQLColumns(f.stmt, sqlc(db), SQL_NTS, arg("catq_one"), SQL_NTS, arg("%"), SQL_NTS,
                     arg("%"), SQL_NTS),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(fetch_all(f.stmt).empty());
    // Null pointers are not allowed for identifiers.
    CHECK(SQLColumns(f.stmt, sqlc(db), SQL_NTS, nullptr, 0, arg("parent"), SQL_NTS, arg("id"),
                     SQL_NTS)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, f.stmt, "HY009"));
}

TEST_CASE("SQLPrimaryKeys and SQLForeignKeys in both directions") {
    Fixture f;
    check(SQLPrimaryKeys(f.stmt, nullptr, 0, arg("catq_one"), SQL_NTS, arg("parent"), SQL_NTS),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(names(describe(f.stmt))
          == std::vector<std::string>{"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
                                      "KEY_SEQ", "PK_NAME"});
    auto rows = fetch_all(f.stmt);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][3] == "id");
    CHECK(rows[0][4] == "1");
    CHECK(rows[0][5] == "parent_pkey");

    // Exported keys of parent.
    check(SQLForeignKeys(f.stmt, nullptr, 0, arg("catq_one"), SQL_NTS, arg("parent"), SQL_NTS,
                         nullptr, 0, nullptr, 0, nullptr, 0),
          SQL_HANDLE_STMT, f.stmt);
    const auto described = describe(f.stmt);
    CHECK(names(described)
          == std::vector<std::string>{"PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME",
                                      "PKCOLUMN_NAME", "FKTABLE_CAT", "FKTABLE_SCHEM",
                                      "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE",
                                      "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY"});
    CHECK(described[9].type == SQL_SMALLINT);
    rows = fetch_all(f.stmt);
    REQUIRE(rows.size() == 1);
    const std::string db = require_env("RSODBC_TEST_DATABASE");
    CHECK(rows[0]
          == Row{db, "catq_one", "parent", "id", db, "catq_one", "Child%Table", "parent_id", "1",
                 std::to_string(SQL_NO_ACTION), std::to_string(SQL_CASCADE),
                 "Child%Table_parent_id_fkey", "parent_pkey", std::to_string(SQL_NOT_DEFERRABLE)});
    // Imported keys of the child: the same row.
    check(SQLForeignKeys(f.stmt, nullptr, 0, nullptr, 0, nullptr, 0, nullptr, 0, arg("catq_one"),
                         SQL_NTS, arg("Child%Table"), SQL_NTS),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(fetch_all(f.stmt) == rows);
    // Both tables named: the child's keys referring to the parent.
    check(SQLForeignKeys(f.stmt, nullptr, 0, arg("catq_one"), SQL_NTS, arg("parent"), SQL_NTS,
                         nullptr, 0, arg("catq_one"), SQL_NTS, arg("Child%Table"), SQL_NTS),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(fetch_all(f.stmt) == rows);
    // Both tables named, but not related that way round: nothing.
    check(SQLForeignKeys(f.stmt, nullptr, 0, arg("catq_one"), SQL_NTS, arg("Child%Table"), SQL_NTS,
                         nullptr, 0, arg("catq_one"), SQL_NTS, arg("parent"), SQL_NTS),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(fetch_all(f.stmt).empty());
    CHECK(SQLForeignKeys(f.stmt, nullptr, 0, nullptr, 0, nullptr, 0, nullptr, 0, nullptr, 0,
                         nullptr, 0)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, f.stmt, "HY009"));
}

TEST_CASE("SQLStatistics: the table row first, then index columns; SQL_INDEX_UNIQUE filters"
          * only_our_driver()) {
    Fixture f;
    check(SQLStatistics(f.stmt, nullptr, 0, arg("catq_one"), SQL_NTS, arg("Child%Table"), SQL_NTS,
                        SQL_INDEX_ALL, SQL_QUICK),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(names(describe(f.stmt))
          == std::vector<std::string>{"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE",
                                      "INDEX_QUALIFIER", "INDEX_NAME", "TYPE", "ORDINAL_POSITION",
                                      "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY", "PAGES",
                                      "FILTER_CONDITION"});
    auto rows = fetch_all(f.stmt);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0][6] == std::to_string(SQL_TABLE_STAT));
    CHECK(rows[0][3] == std::nullopt);
    CHECK(rows[1][3] == "0");  // the unique primary key index before the non-unique one
    CHECK(rows[1][5] == "Child%Table_pkey");
    CHECK(rows[1][8] == "id");
    CHECK(rows[1][9] == "A");
    CHECK(rows[2][3] == "1");
    CHECK(rows[2][5] == "child_note_idx");
    CHECK(rows[2][6] == std::to_string(SQL_INDEX_OTHER));
    CHECK(rows[2][8] == "note");
    CHECK(rows[2][9] == "D");
    check(SQLStatistics(f.stmt, nullptr, 0, arg("catq_one"), SQL_NTS, arg("Child%Table"), SQL_NTS,
                        SQL_INDEX_UNIQUE, SQL_ENSURE),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(fetch_all(f.stmt).size() == 2);
    CHECK(SQLStatistics(f.stmt, nullptr, 0, nullptr, 0, arg("parent"), SQL_NTS, 7, SQL_QUICK)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, f.stmt, "HY100"));
    CHECK(SQLStatistics(f.stmt, nullptr, 0, nullptr, 0, arg("parent"), SQL_NTS, SQL_INDEX_ALL, 9)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, f.stmt, "HY101"));
    CHECK(SQLStatistics(f.stmt, nullptr, 0, nullptr, 0, nullptr, 0, SQL_INDEX_ALL, SQL_QUICK)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, f.stmt, "HY009"));
}

TEST_CASE("SQLSpecialColumns: best row id from the primary key, no row version columns"
          * only_our_driver()) {
    Fixture f;
    check(SQLSpecialColumns(f.stmt, SQL_BEST_ROWID, nullptr, 0, arg("catq_one"), SQL_NTS,
                            arg("parent"), SQL_NTS, SQL_SCOPE_SESSION, SQL_NO_NULLS),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(names(describe(f.stmt))
          == std::vector<std::string>{"SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME",
                                      "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS",
                                      "PSEUDO_COLUMN"});
    auto rows = fetch_all(f.stmt);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]
          == Row{std::to_string(SQL_SCOPE_SESSION), "id", std::to_string(SQL_INTEGER), "int4", "10",
                 "4", "0", std::to_string(SQL_PC_NOT_PSEUDO)});
    check(SQLSpecialColumns(f.stmt, SQL_ROWVER, nullptr, 0, arg("catq_one"), SQL_NTS, arg("parent"),
                            SQL_NTS, SQL_SCOPE_CURROW, SQL_NULLABLE),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(describe(f.stmt).size() == 8);
    CHECK(fetch_all(f.stmt).empty());
    CHECK(SQLSpecialColumns(f.stmt, 99, nullptr, 0, nullptr, 0, arg("parent"), SQL_NTS,
                            SQL_SCOPE_CURROW, SQL_NULLABLE)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, f.stmt, "HY097"));
    CHECK(SQLSpecialColumns(f.stmt, SQL_BEST_ROWID, nullptr, 0, nullptr, 0, arg("parent"), SQL_NTS,
                            9, SQL_NULLABLE)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, f.stmt, "HY098"));
    CHECK(SQLSpecialColumns(f.stmt, SQL_BEST_ROWID, nullptr, 0, nullptr, 0, arg("parent"), SQL_NTS,
                            SQL_SCOPE_CURROW, 9)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, f.stmt, "HY099"));
}

TEST_CASE("SQLSpecialColumns without a primary key: the unique key whose columns are NOT NULL"
          * only_our_driver()) {
    Fixture f;
    for (const SQLUSMALLINT nullable : {SQLUSMALLINT{SQL_NO_NULLS}, SQLUSMALLINT{SQL_NULLABLE}}) {
        CAPTURE(nullable);
        check(SQLSpecialColumns(f.stmt, SQL_BEST_ROWID, nullptr, 0, arg("catqXone"), SQL_NTS,
                                arg("uniq_only"), SQL_NTS, SQL_SCOPE_CURROW, nullable),
              SQL_HANDLE_STMT, f.stmt);
        const auto rows = fetch_all(f.stmt);
        REQUIRE(rows.size() == 1);
        CHECK(rows[0][1] == "code");
        CHECK(rows[0][2] == std::to_string(SQL_VARCHAR));
        CHECK(rows[0][4] == "5");
    }
    // No key at all: nothing.
    check(SQLSpecialColumns(f.stmt, SQL_BEST_ROWID, nullptr, 0, arg("catqXone"), SQL_NTS,
                            arg("parent"), SQL_NTS, SQL_SCOPE_CURROW, SQL_NULLABLE),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(fetch_all(f.stmt).empty());
}

TEST_CASE("SQLProcedures and SQLProcedureColumns" * only_our_driver()) {
    Fixture f;
    check(SQLProcedures(f.stmt, nullptr, 0, arg("catq\\_one"), SQL_NTS, arg("%"), SQL_NTS),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(names(describe(f.stmt))
          == std::vector<std::string>{"PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME",
                                      "NUM_INPUT_PARAMS", "NUM_OUTPUT_PARAMS", "NUM_RESULT_SETS",
                                      "REMARKS", "PROCEDURE_TYPE"});
    auto rows = fetch_all(f.stmt);
    CHECK(column_values(rows, 3) == std::vector<std::string>{"add_one", "do_it"});
    CHECK(column_values(rows, 8)
          == std::vector<std::string>{std::to_string(SQL_PT_FUNCTION),
                                      std::to_string(SQL_PT_PROCEDURE)});
    check(SQLProcedureColumns(f.stmt, nullptr, 0, arg("catq\\_one"), SQL_NTS, arg("%"), SQL_NTS,
                              nullptr, 0),
          SQL_HANDLE_STMT, f.stmt);
    const auto described = describe(f.stmt);
    REQUIRE(described.size() == 19);
    CHECK(described[4].name == "COLUMN_TYPE");
    CHECK(described[17].name == "ORDINAL_POSITION");
    rows = fetch_all(f.stmt);
    REQUIRE(rows.size() == 4);
    // add_one: the return value (ordinal 0), then x.
    CHECK(rows[0][2] == "add_one");
    CHECK(rows[0][4] == std::to_string(SQL_RETURN_VALUE));
    CHECK(rows[0][17] == "0");
    CHECK(rows[1][3] == "x");
    CHECK(rows[1][4] == std::to_string(SQL_PARAM_INPUT));
    CHECK(rows[1][5] == std::to_string(SQL_INTEGER));
    // do_it(IN a int, INOUT b text)
    CHECK(rows[2][3] == "a");
    CHECK(rows[3][3] == "b");
    CHECK(rows[3][4] == std::to_string(SQL_PARAM_INPUT_OUTPUT));
    CHECK(rows[3][5] == std::to_string(SQL_LONGVARCHAR));  // text on PostgreSQL
    check(SQLProcedureColumns(f.stmt, nullptr, 0, arg("catq\\_one"), SQL_NTS, arg("do\\_it"),
                              SQL_NTS, arg("b"), SQL_NTS),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(fetch_all(f.stmt).size() == 1);
}

TEST_CASE("Catalog argument errors: HY090, HY009, 24000; privileges are refused"
          * only_our_driver()) {
    Fixture f;
    CHECK(SQLTables(f.stmt, nullptr, 0, arg("x"), -5, nullptr, 0, nullptr, 0) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, f.stmt, "HY090"));
    CHECK(SQLPrimaryKeys(f.stmt, nullptr, 0, nullptr, 0, nullptr, 0) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, f.stmt, "HY009"));
    check(SQLTables(f.stmt, nullptr, 0, arg("catq\\_one"), SQL_NTS, nullptr, 0, nullptr, 0),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(SQLColumns(f.stmt, nullptr, 0, nullptr, 0, nullptr, 0, nullptr, 0) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, f.stmt, "24000"));
    SQLFreeStmt(f.stmt, SQL_CLOSE);
    // unixODBC asks SQLGetFunctions first and answers IM001 itself for functions reported
    // unsupported; a driver manager that calls through gets the driver's HYC00.
    CHECK(SQLTablePrivileges(f.stmt, nullptr, 0, nullptr, 0, arg("parent"), SQL_NTS) == SQL_ERROR);
    CHECK((has_state(SQL_HANDLE_STMT, f.stmt, "HYC00")
           || has_state(SQL_HANDLE_STMT, f.stmt, "IM001")));
    CHECK(SQLColumnPrivileges(f.stmt, nullptr, 0, nullptr, 0, arg("parent"), SQL_NTS, nullptr, 0)
          == SQL_ERROR);
    CHECK((has_state(SQL_HANDLE_STMT, f.stmt, "HYC00")
           || has_state(SQL_HANDLE_STMT, f.stmt, "IM001")));
}

TEST_CASE("SQLGetFunctions: TRUE exactly for the catalog functions that work" * only_our_driver()) {
    Connection c;
    for (const SQLUSMALLINT function :
         {SQL_API_SQLTABLES, SQL_API_SQLCOLUMNS, SQL_API_SQLPRIMARYKEYS, SQL_API_SQLFOREIGNKEYS,
          SQL_API_SQLSTATISTICS, SQL_API_SQLSPECIALCOLUMNS, SQL_API_SQLPROCEDURES,
          SQL_API_SQLPROCEDURECOLUMNS}) {
        SQLUSMALLINT supported = SQL_FALSE;
        check(SQLGetFunctions(c.dbc, function, &supported), SQL_HANDLE_DBC, c.dbc);
        CAPTURE(function);
        CHECK(supported == SQL_TRUE);
    }
    for (const SQLUSMALLINT function : {SQL_API_SQLTABLEPRIVILEGES, SQL_API_SQLCOLUMNPRIVILEGES}) {
        SQLUSMALLINT supported = SQL_TRUE;
        check(SQLGetFunctions(c.dbc, function, &supported), SQL_HANDLE_DBC, c.dbc);
        CHECK(supported == SQL_FALSE);
    }
}

TEST_CASE("A catalog call while another statement streams rows: both complete") {
    Fixture f;
    Stmt streaming(f.c.dbc);
    check(SQLExecDirect(streaming, sqlc("SELECT g FROM generate_series(1, 50000) g"), SQL_NTS),
          SQL_HANDLE_STMT, streaming);
    check(SQLFetch(streaming), SQL_HANDLE_STMT, streaming);
    check(SQLTables(f.stmt, nullptr, 0, arg("catq\\_one"), SQL_NTS, arg("parent"), SQL_NTS, nullptr,
                    0),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(fetch_all(f.stmt).size() == 1);
    long rows = 1;
    while (SQLFetch(streaming) == SQL_SUCCESS) {
        ++rows;
    }
    CHECK(rows == 50000);
}

TEST_CASE("SQLColumnsW: wide arguments and results") {
    Fixture f;
    WStr schema(u"CatQ Mixed");
    WStr table(u"Tab");
    check(SQLColumnsW(f.stmt, nullptr, 0, schema.get(), SQL_NTS, table.get(), SQL_NTS, nullptr, 0),
          SQL_HANDLE_STMT, f.stmt);
    check(SQLFetch(f.stmt), SQL_HANDLE_STMT, f.stmt);
    CHECK(fetch_wstring(f.stmt, 4) == std::u16string(u"Col"));
    CHECK(SQLFetch(f.stmt) == SQL_NO_DATA);
}

TEST_CASE("ODBC 2 applications get the ODBC 2 column names" * only_our_driver()) {
    SQLHENV env = SQL_NULL_HENV;
    REQUIRE(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env) == SQL_SUCCESS);
    check(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC2), 0),
          SQL_HANDLE_ENV, env);
    SQLHDBC dbc = SQL_NULL_HDBC;
    check(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc), SQL_HANDLE_ENV, env);
    check(SQLDriverConnect(dbc, nullptr, sqlc(conn_str()), SQL_NTS, nullptr, 0, nullptr,
                           SQL_DRIVER_NOPROMPT),
          SQL_HANDLE_DBC, dbc);
    SQLHSTMT stmt = SQL_NULL_HSTMT;
    check(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt), SQL_HANDLE_DBC, dbc);
    check(SQLColumns(stmt, nullptr, 0, arg("catq\\_one"), SQL_NTS, arg("parent"), SQL_NTS, nullptr,
                     0),
          SQL_HANDLE_STMT, stmt);
    SQLCHAR name[64] = {};
    check(SQLDescribeCol(stmt, 1, name, sizeof name, nullptr, nullptr, nullptr, nullptr, nullptr),
          SQL_HANDLE_STMT, stmt);
    CHECK(std::string(reinterpret_cast<char*>(name)) == "TABLE_QUALIFIER");
    check(SQLDescribeCol(stmt, 7, name, sizeof name, nullptr, nullptr, nullptr, nullptr, nullptr),
          SQL_HANDLE_STMT, stmt);
    CHECK(std::string(reinterpret_cast<char*>(name)) == "PRECISION");
    SQLFreeHandle(SQL_HANDLE_STMT, stmt);
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
}

TEST_CASE("SQL_SEARCH_PATTERN_ESCAPE is the backslash the catalog functions honour") {
    Connection c;
    CHECK(info_string(c.dbc, SQL_SEARCH_PATTERN_ESCAPE) == "\\");
}

TEST_CASE("A catalog call during data-at-execution is a function sequence error (HY010)") {
    Fixture f;
    SQLLEN indicator = SQL_DATA_AT_EXEC;
    SQLINTEGER value = 0;
    check(SQLBindParameter(f.stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &value, 0,
                           &indicator),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(SQLExecDirect(f.stmt, sqlc("SELECT ?::int"), SQL_NTS) == SQL_NEED_DATA);
    CHECK(SQLTables(f.stmt, nullptr, 0, nullptr, 0, nullptr, 0, nullptr, 0) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, f.stmt, "HY010"));
    check(SQLCancel(f.stmt), SQL_HANDLE_STMT, f.stmt);
}

TEST_CASE("Manual commit: catalog calls see the transaction's own uncommitted tables") {
    Fixture f;
    check(SQLSetConnectAttr(f.c.dbc, SQL_ATTR_AUTOCOMMIT,
                            reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), 0),
          SQL_HANDLE_DBC, f.c.dbc);
    exec(f.stmt, "CREATE TABLE catq_one.in_flight (x int)");
    check(SQLTables(f.stmt, nullptr, 0, arg("catq\\_one"), SQL_NTS, arg("in\\_flight"), SQL_NTS,
                    nullptr, 0),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(fetch_all(f.stmt).size() == 1);
    check(SQLEndTran(SQL_HANDLE_DBC, f.c.dbc, SQL_ROLLBACK), SQL_HANDLE_DBC, f.c.dbc);
    check(SQLTables(f.stmt, nullptr, 0, arg("catq\\_one"), SQL_NTS, arg("in\\_flight"), SQL_NTS,
                    nullptr, 0),
          SQL_HANDLE_STMT, f.stmt);
    CHECK(fetch_all(f.stmt).empty());
    check(SQLSetConnectAttr(f.c.dbc, SQL_ATTR_AUTOCOMMIT,
                            reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_ON), 0),
          SQL_HANDLE_DBC, f.c.dbc);
}
