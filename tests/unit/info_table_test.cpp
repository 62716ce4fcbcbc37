#include "catalog/info_table.h"

#include "catalog/functions.h"

#include <doctest/doctest.h>

#include <array>
#include <regex>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

using rsodbc::catalog::fill_odbc2_array;
using rsodbc::catalog::fill_odbc3_bitmap;
using rsodbc::catalog::function_supported;
using rsodbc::catalog::info_value;
using rsodbc::catalog::InfoContext;
using rsodbc::catalog::InfoValue;
using rsodbc::catalog::odbc_version_string;

namespace {

InfoContext redshift_context() {
    InfoContext context;
    context.redshift = true;
    context.server_version = "8.0.2";
    context.redshift_version = "1.0.77467";
    context.data_source_name = "rs-dsn";
    context.server_name = "cluster.example.com";
    context.database = "dev";
    context.user = "awsuser";
    return context;
}

InfoContext postgres_context() {
    InfoContext context;
    context.redshift = false;
    context.server_version = "15.18";
    context.data_source_name = "pg-dsn";
    context.server_name = "localhost";
    context.database = "postgres";
    context.user = "alice";
    return context;
}

std::string text_of(SQLUSMALLINT info_type, const InfoContext& context) {
    const auto value = info_value(info_type, context);
    REQUIRE(value.has_value());
    REQUIRE(std::holds_alternative<std::string>(*value));
    return std::get<std::string>(*value);
}

SQLUSMALLINT small_of(SQLUSMALLINT info_type, const InfoContext& context) {
    const auto value = info_value(info_type, context);
    REQUIRE(value.has_value());
    REQUIRE(std::holds_alternative<SQLUSMALLINT>(*value));
    return std::get<SQLUSMALLINT>(*value);
}

SQLUINTEGER mask_of(SQLUSMALLINT info_type, const InfoContext& context) {
    const auto value = info_value(info_type, context);
    REQUIRE(value.has_value());
    REQUIRE(std::holds_alternative<SQLUINTEGER>(*value));
    return std::get<SQLUINTEGER>(*value);
}

}  // namespace

TEST_CASE("odbc_version_string renders ##.##.####") {
    struct Case {
        std::string_view dotted;
        std::string_view expected;
    };

    const std::vector<Case> cases{
        {"15.18", "15.18.0000"},
        {"8.0.2", "08.00.0002"},
        {"", "00.00.0000"},
        {"15", "15.00.0000"},
        {"0.1.0", "00.01.0000"},
        {"1.2.3.4", "01.02.0003"},
        {"15.4 (Debian 15.4-1.pgdg120+1)", "15.04.0000"},
        {"16beta1", "16.00.0000"},
        {"abc", "00.00.0000"},
        {"12.", "12.00.0000"},
    };
    for (const auto& c : cases) {
        INFO("\"" << c.dotted << "\"");
        CHECK(odbc_version_string(c.dotted) == c.expected);
    }
}

TEST_CASE("odbc_version_string keeps a Redshift build number") {
    // padb_version "1.0.77467": the build number has five digits, more than the four the
    // ##.##.#### form has room for; major and minor are still in place.
    const std::string rendered = odbc_version_string("1.0.77467");
    INFO(rendered);
    CHECK(rendered.rfind("01.00.", 0) == 0);
    CHECK(rendered.find("7746") != std::string::npos);
}

TEST_CASE("SQL_DBMS_NAME and SQL_DBMS_VER follow the server flavour") {
    CHECK(text_of(SQL_DBMS_NAME, redshift_context()) == "Redshift");
    CHECK(text_of(SQL_DBMS_NAME, postgres_context()) == "PostgreSQL");
    CHECK(text_of(SQL_DBMS_VER, postgres_context()) == "15.18.0000");
    CHECK(text_of(SQL_DBMS_VER, redshift_context()) == odbc_version_string("1.0.77467"));

    // Redshift without padb_version falls back to server_version.
    InfoContext no_padb = redshift_context();
    no_padb.redshift_version.clear();
    CHECK(text_of(SQL_DBMS_VER, no_padb) == "08.00.0002");

    // PostgreSQL never reports padb_version, even if one were set.
    InfoContext pg = postgres_context();
    pg.redshift_version = "1.0.77467";
    CHECK(text_of(SQL_DBMS_VER, pg) == "15.18.0000");
}

TEST_CASE("connection-specific strings come from the context") {
    const InfoContext context = redshift_context();
    CHECK(text_of(SQL_DATA_SOURCE_NAME, context) == "rs-dsn");
    CHECK(text_of(SQL_SERVER_NAME, context) == "cluster.example.com");
    CHECK(text_of(SQL_DATABASE_NAME, context) == "dev");
    CHECK(text_of(SQL_USER_NAME, context) == "awsuser");
    CHECK(text_of(SQL_USER_NAME, postgres_context()) == "alice");
}

TEST_CASE("driver version strings") {
    const std::string driver_ver = text_of(SQL_DRIVER_VER, redshift_context());
    INFO(driver_ver);
    CHECK(std::regex_match(driver_ver, std::regex(R"(\d\d\.\d\d\.\d{4})")));
    CHECK(text_of(SQL_DRIVER_ODBC_VER, redshift_context()) == "03.80");
    CHECK(text_of(SQL_IDENTIFIER_QUOTE_CHAR, redshift_context()) == "\"");
    CHECK(text_of(SQL_SEARCH_PATTERN_ESCAPE, redshift_context()) == "\\");
}

TEST_CASE("identifier length limits: Redshift 127, PostgreSQL 63") {
    for (const SQLUSMALLINT info_type :
         {SQL_MAX_TABLE_NAME_LEN, SQL_MAX_COLUMN_NAME_LEN, SQL_MAX_SCHEMA_NAME_LEN,
          SQL_MAX_CATALOG_NAME_LEN, SQL_MAX_CURSOR_NAME_LEN, SQL_MAX_PROCEDURE_NAME_LEN,
          SQL_MAX_USER_NAME_LEN}) {
        CAPTURE(info_type);
        CHECK(small_of(info_type, redshift_context()) == 127);
        CHECK(small_of(info_type, postgres_context()) == 63);
    }
}

TEST_CASE("transaction isolation differs by flavour") {
    CHECK(mask_of(SQL_DEFAULT_TXN_ISOLATION, redshift_context()) == SQL_TXN_SERIALIZABLE);
    CHECK(mask_of(SQL_DEFAULT_TXN_ISOLATION, postgres_context()) == SQL_TXN_READ_COMMITTED);
    CHECK(mask_of(SQL_TXN_ISOLATION_OPTION, redshift_context()) == SQL_TXN_SERIALIZABLE);
    const SQLUINTEGER pg_options = mask_of(SQL_TXN_ISOLATION_OPTION, postgres_context());
    // The default must be one of the options.
    CHECK((pg_options & SQL_TXN_READ_COMMITTED) != 0);
    CHECK((pg_options & SQL_TXN_SERIALIZABLE) != 0);
}

TEST_CASE("parameter arrays and batches") {
    CHECK(mask_of(SQL_PARAM_ARRAY_ROW_COUNTS, redshift_context()) == SQL_PARC_NO_BATCH);
    CHECK(mask_of(SQL_PARAM_ARRAY_ROW_COUNTS, postgres_context()) == SQL_PARC_NO_BATCH);
    CHECK(mask_of(SQL_PARAM_ARRAY_SELECTS, redshift_context()) == SQL_PAS_NO_SELECT);
    CHECK(mask_of(SQL_GETDATA_EXTENSIONS, redshift_context())
          == (SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER | SQL_GD_BOUND));
    CHECK(mask_of(SQL_SCROLL_OPTIONS, redshift_context()) == SQL_SO_FORWARD_ONLY);
}

TEST_CASE("each InfoType answers with the type SQLGetInfo documents for it") {
    const InfoContext context = postgres_context();
    // Character-string answers.
    for (const SQLUSMALLINT info_type :
         {SQL_DRIVER_NAME, SQL_DRIVER_VER, SQL_DRIVER_ODBC_VER, SQL_DBMS_NAME, SQL_DBMS_VER,
          SQL_DATA_SOURCE_NAME, SQL_SERVER_NAME, SQL_DATABASE_NAME, SQL_USER_NAME,
          SQL_IDENTIFIER_QUOTE_CHAR, SQL_CATALOG_NAME_SEPARATOR, SQL_CATALOG_TERM, SQL_SCHEMA_TERM,
          SQL_TABLE_TERM, SQL_PROCEDURE_TERM, SQL_SEARCH_PATTERN_ESCAPE, SQL_SPECIAL_CHARACTERS,
          SQL_KEYWORDS}) {
        CAPTURE(info_type);
        const auto value = info_value(info_type, context);
        REQUIRE(value.has_value());
        CHECK(std::holds_alternative<std::string>(*value));
    }
    // "Y"/"N" answers.
    for (const SQLUSMALLINT info_type :
         {SQL_DATA_SOURCE_READ_ONLY, SQL_NEED_LONG_DATA_LEN, SQL_ACCESSIBLE_PROCEDURES,
          SQL_ORDER_BY_COLUMNS_IN_SELECT, SQL_PROCEDURES, SQL_ROW_UPDATES, SQL_DESCRIBE_PARAMETER,
          SQL_ACCESSIBLE_TABLES, SQL_MULT_RESULT_SETS, SQL_MULTIPLE_ACTIVE_TXN,
          SQL_EXPRESSIONS_IN_ORDERBY, SQL_LIKE_ESCAPE_CLAUSE, SQL_COLUMN_ALIAS, SQL_OUTER_JOINS,
          SQL_MAX_ROW_SIZE_INCLUDES_LONG}) {
        CAPTURE(info_type);
        const std::string flag = text_of(info_type, context);
        CHECK((flag == "Y" || flag == "N"));
    }
    // SQLUSMALLINT answers.
    for (const SQLUSMALLINT info_type :
         {SQL_MAX_DRIVER_CONNECTIONS, SQL_MAX_CONCURRENT_ACTIVITIES, SQL_MAX_COLUMNS_IN_TABLE,
          SQL_MAX_COLUMNS_IN_SELECT, SQL_TXN_CAPABLE, SQL_CURSOR_COMMIT_BEHAVIOR,
          SQL_CURSOR_ROLLBACK_BEHAVIOR, SQL_IDENTIFIER_CASE, SQL_QUOTED_IDENTIFIER_CASE,
          SQL_CONCAT_NULL_BEHAVIOR, SQL_NULL_COLLATION, SQL_CORRELATION_NAME,
          SQL_NON_NULLABLE_COLUMNS, SQL_GROUP_BY, SQL_FILE_USAGE, SQL_ODBC_API_CONFORMANCE,
          SQL_ODBC_SQL_CONFORMANCE}) {
        CAPTURE(info_type);
        const auto value = info_value(info_type, context);
        REQUIRE(value.has_value());
        CHECK(std::holds_alternative<SQLUSMALLINT>(*value));
    }
    // SQLUINTEGER answers.
    for (const SQLUSMALLINT info_type : {SQL_GETDATA_EXTENSIONS,
                                         SQL_DEFAULT_TXN_ISOLATION,
                                         SQL_TXN_ISOLATION_OPTION,
                                         SQL_SCROLL_OPTIONS,
                                         SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1,
                                         SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES2,
                                         SQL_STATIC_CURSOR_ATTRIBUTES1,
                                         SQL_KEYSET_CURSOR_ATTRIBUTES2,
                                         SQL_POS_OPERATIONS,
                                         SQL_LOCK_TYPES,
                                         SQL_BOOKMARK_PERSISTENCE,
                                         SQL_ASYNC_MODE,
                                         SQL_CURSOR_SENSITIVITY,
                                         SQL_PARAM_ARRAY_ROW_COUNTS,
                                         SQL_PARAM_ARRAY_SELECTS,
                                         SQL_BATCH_SUPPORT,
                                         SQL_BATCH_ROW_COUNT,
                                         SQL_ODBC_INTERFACE_CONFORMANCE,
                                         SQL_SQL_CONFORMANCE,
                                         SQL_MAX_STATEMENT_LEN,
                                         SQL_OJ_CAPABILITIES}) {
        CAPTURE(info_type);
        const auto value = info_value(info_type, context);
        REQUIRE(value.has_value());
        CHECK(std::holds_alternative<SQLUINTEGER>(*value));
    }
}

TEST_CASE("InfoTypes not in the table are refused, not guessed") {
    for (const SQLUSMALLINT info_type :
         {SQLUSMALLINT{SQL_CONVERT_FUNCTIONS}, SQLUSMALLINT{SQL_STRING_FUNCTIONS},
          SQLUSMALLINT{SQL_SQL92_PREDICATES}, SQLUSMALLINT{SQL_MAX_INDEX_SIZE},
          SQLUSMALLINT{SQL_CONVERT_INTEGER}, SQLUSMALLINT{9999}, SQLUSMALLINT{65535}}) {
        CAPTURE(info_type);
        CHECK_FALSE(info_value(info_type, redshift_context()).has_value());
        CHECK_FALSE(info_value(info_type, postgres_context()).has_value());
    }
}

// ---------------------------------------------------------------------------------------------
// SQLGetFunctions

TEST_CASE("the ODBC 3 bitmap agrees with function_supported for every function id") {
    // One word more than the bitmap, as a sentinel: the fill must stay inside its 250 words and
    // clear all of them.
    std::array<SQLUSMALLINT, SQL_API_ODBC3_ALL_FUNCTIONS_SIZE + 1> bitmap{};
    bitmap.fill(0xFFFF);
    constexpr SQLUSMALLINT sentinel = 0x5A5A;  // bit 0 clear: id 4000 reads as absent
    bitmap[SQL_API_ODBC3_ALL_FUNCTIONS_SIZE] = sentinel;
    fill_odbc3_bitmap(bitmap.data());
    CHECK(bitmap[SQL_API_ODBC3_ALL_FUNCTIONS_SIZE] == sentinel);

    int supported = 0;
    int mismatches = 0;
    for (unsigned id = 0; id <= 4000; ++id) {
        const auto function_id = static_cast<SQLUSMALLINT>(id);
        const bool in_bitmap = SQL_FUNC_EXISTS(bitmap.data(), function_id) == SQL_TRUE;
        if (in_bitmap != function_supported(function_id)) {
            ++mismatches;
            INFO("function id " << id);
            CHECK(in_bitmap == function_supported(function_id));
        }
        supported += in_bitmap ? 1 : 0;
    }
    CHECK(mismatches == 0);
    CHECK(supported == 44);
}

TEST_CASE("implemented functions are reported; unimplemented ones are not") {
    for (const SQLUSMALLINT id :
         {SQL_API_SQLALLOCHANDLE, SQL_API_SQLFREEHANDLE, SQL_API_SQLDRIVERCONNECT,
          SQL_API_SQLEXECDIRECT, SQL_API_SQLPREPARE, SQL_API_SQLEXECUTE, SQL_API_SQLFETCH,
          SQL_API_SQLGETDATA, SQL_API_SQLBINDCOL, SQL_API_SQLGETINFO, SQL_API_SQLGETFUNCTIONS,
          SQL_API_SQLGETDIAGREC, SQL_API_SQLMORERESULTS, SQL_API_SQLCOLATTRIBUTE,
          SQL_API_SQLBINDPARAMETER, SQL_API_SQLCANCEL, SQL_API_SQLPARAMDATA, SQL_API_SQLPUTDATA}) {
        CAPTURE(id);
        CHECK(function_supported(id));
    }
    for (const SQLUSMALLINT id :
         {SQLUSMALLINT{0}, SQLUSMALLINT{SQL_API_SQLTABLES}, SQLUSMALLINT{SQL_API_SQLCOLUMNS},
          SQLUSMALLINT{SQL_API_SQLSETPOS}, SQLUSMALLINT{SQL_API_SQLBULKOPERATIONS},
          SQLUSMALLINT{SQL_API_ODBC3_ALL_FUNCTIONS}, SQLUSMALLINT{SQL_API_ALL_FUNCTIONS}}) {
        CAPTURE(id);
        CHECK_FALSE(function_supported(id));
    }
}

TEST_CASE("the ODBC 2 array agrees with function_supported below 100") {
    std::array<SQLUSMALLINT, 101> array{};
    array.fill(0xFFFF);
    array[100] = 0x5A5A;
    fill_odbc2_array(array.data());
    CHECK(array[100] == 0x5A5A);
    int supported = 0;
    for (SQLUSMALLINT id = 0; id < 100; ++id) {
        CAPTURE(id);
        CHECK(array[id] == (function_supported(id) ? SQL_TRUE : SQL_FALSE));
        supported += array[id] == SQL_TRUE ? 1 : 0;
    }
    // The ODBC 2 ids among the implemented ones (SQLExecDirect, SQLFetch, SQLGetData, ...).
    CHECK(supported > 10);
    CHECK(array[SQL_API_SQLGETDATA] == SQL_TRUE);
    CHECK(array[SQL_API_SQLTABLES] == SQL_FALSE);
}
