#include "catalog/info_table.h"

#include "catalog/functions.h"
#include "info_types.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <regex>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

using odbc_test::InfoForm;
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

TEST_CASE("odbc_version_string keeps a Redshift build number after the ##.##.#### form") {
    // padb_version "1.0.77467": the build number has five digits, more than the four the form
    // has room for, so the form carries 0000 and the product's own version follows.
    CHECK(odbc_version_string("1.0.77467") == "01.00.0000 1.0.77467");
    CHECK(odbc_version_string("1.0.9999") == "01.00.9999");
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
    CHECK(mask_of(SQL_SCROLL_OPTIONS, redshift_context()) == (SQL_SO_FORWARD_ONLY | SQL_SO_STATIC));
}

TEST_CASE("every ODBC 3.8 InfoType answers, in the form SQLGetInfo documents for it") {
    for (const auto& context : {postgres_context(), redshift_context()}) {
        for (const auto& spec : odbc_test::all_info_types) {
            INFO(spec.name << (context.redshift ? " (Redshift)" : " (PostgreSQL)"));
            const auto value = info_value(spec.type, context);
            REQUIRE(value.has_value());
            switch (spec.form) {
                case InfoForm::text:
                    CHECK(std::holds_alternative<std::string>(*value));
                    break;
                case InfoForm::yes_no: {
                    REQUIRE(std::holds_alternative<std::string>(*value));
                    const auto& flag = std::get<std::string>(*value);
                    CHECK((flag == "Y" || flag == "N"));
                    break;
                }
                case InfoForm::u16:
                    CHECK(std::holds_alternative<SQLUSMALLINT>(*value));
                    break;
                case InfoForm::u32:
                    CHECK(std::holds_alternative<SQLUINTEGER>(*value));
                    break;
            }
        }
    }
}

TEST_CASE("InfoTypes outside ODBC and the driver manager's own are refused, not guessed") {
    for (const SQLUSMALLINT info_type : odbc_test::driver_manager_info_types) {
        CAPTURE(info_type);
        CHECK_FALSE(info_value(info_type, postgres_context()).has_value());
    }
    for (const SQLUSMALLINT info_type : {SQLUSMALLINT{9999}, SQLUSMALLINT{65535}}) {
        CAPTURE(info_type);
        CHECK_FALSE(info_value(info_type, redshift_context()).has_value());
        CHECK_FALSE(info_value(info_type, postgres_context()).has_value());
    }
}

// The facts of ../shared/REDSHIFT.md (sections 1.8, 5.2-5.6) as SQLGetInfo values: where the
// official driver over-claims or gets limits wrong, this driver must not.
TEST_CASE("Redshift answers: limits, dialect and no over-claims") {
    const InfoContext rs = redshift_context();
    CHECK(small_of(SQL_MAX_IDENTIFIER_LEN, rs) == 127);
    CHECK(mask_of(SQL_MAX_STATEMENT_LEN, rs) == 16U * 1024U * 1024U);
    CHECK(small_of(SQL_MAX_COLUMNS_IN_TABLE, rs) == 1600);
    CHECK(small_of(SQL_MAX_COLUMNS_IN_SELECT, rs) == 1600);
    CHECK(mask_of(SQL_MAX_CHAR_LITERAL_LEN, rs) == 65535);
    CHECK(small_of(SQL_IDENTIFIER_CASE, rs) == SQL_IC_LOWER);
    CHECK(text_of(SQL_INTEGRITY, rs) == "N");  // constraints are informational only
    // No indexes, no domains, no FK actions, no positioned statements.
    CHECK(mask_of(SQL_DDL_INDEX, rs) == 0);
    CHECK(mask_of(SQL_INDEX_KEYWORDS, rs) == SQL_IK_NONE);
    CHECK(small_of(SQL_MAX_COLUMNS_IN_INDEX, rs) == 0);
    CHECK(mask_of(SQL_CREATE_DOMAIN, rs) == 0);
    CHECK(mask_of(SQL_SQL92_FOREIGN_KEY_DELETE_RULE, rs) == 0);
    CHECK(mask_of(SQL_SQL92_FOREIGN_KEY_UPDATE_RULE, rs) == 0);
    CHECK(mask_of(SQL_POSITIONED_STATEMENTS, rs) == 0);
    CHECK((mask_of(SQL_STATIC_CURSOR_ATTRIBUTES1, rs)
           & (SQL_CA1_POSITIONED_UPDATE | SQL_CA1_POSITIONED_DELETE | SQL_CA1_SELECT_FOR_UPDATE
              | SQL_CA1_POS_UPDATE | SQL_CA1_POS_DELETE | SQL_CA1_BULK_ADD))
          == 0);
    // UNION JOIN and the EXCEPT/INTERSECT joins do not exist.
    CHECK((mask_of(SQL_SQL92_RELATIONAL_JOIN_OPERATORS, rs)
           & (SQL_SRJO_UNION_JOIN | SQL_SRJO_EXCEPT_JOIN | SQL_SRJO_INTERSECT_JOIN
              | SQL_SRJO_CORRESPONDING_CLAUSE))
          == 0);
    CHECK((mask_of(SQL_SQL92_PREDICATES, rs) & (SQL_SP_UNIQUE | SQL_SP_OVERLAPS)) == 0);
    // Serializable only; CURRENT_TIME/CURRENT_TIMESTAMP are leader-node only.
    CHECK(mask_of(SQL_TXN_ISOLATION_OPTION, rs) == SQL_TXN_SERIALIZABLE);
    CHECK(mask_of(SQL_SQL92_DATETIME_FUNCTIONS, rs) == SQL_SDF_CURRENT_DATE);
    CHECK(mask_of(SQL_PARAM_ARRAY_ROW_COUNTS, rs) == SQL_PARC_NO_BATCH);
    // No UUID type, and BOOLEAN cannot be cast to text.
    CHECK(mask_of(SQL_CONVERT_GUID, rs) == 0);
    CHECK((mask_of(SQL_CONVERT_BIT, rs) & SQL_CVT_VARCHAR) == 0);
    CHECK((mask_of(SQL_CONVERT_VARCHAR, rs) & SQL_CVT_GUID) == 0);
}

TEST_CASE("SQL_KEYWORDS: the server's reserved words that ODBC does not reserve") {
    const auto words_of = [](const std::string& list) {
        std::vector<std::string> words;
        std::size_t start = 0;
        while (start < list.size()) {
            const auto comma = std::min(list.find(',', start), list.size());
            words.push_back(list.substr(start, comma - start));
            start = comma + 1;
        }
        return words;
    };
    const auto contains = [](const std::vector<std::string>& words, std::string_view word) {
        return std::find(words.begin(), words.end(), word) != words.end();
    };
    const auto redshift = words_of(text_of(SQL_KEYWORDS, redshift_context()));
    // Redshift-only words from its reserved list (REDSHIFT.md 5.6)...
    for (const auto* word :
         {"AES128", "AZ64", "BLANKSASNULL", "CREDENTIALS", "ENCODE", "ILIKE", "LIMIT", "MINUS",
          "OFFSET", "PIVOT", "SYSDATE", "TOP", "UNPIVOT", "WALLET", "WITHOUT"}) {
        CAPTURE(word);
        CHECK(contains(redshift, word));
    }
    // ...but none that ODBC reserves already.
    for (const auto* word : {"SELECT", "FROM", "TABLE", "CURRENT_DATE", "TIMESTAMP", "NULL"}) {
        CAPTURE(word);
        CHECK_FALSE(contains(redshift, word));
    }
    CHECK(redshift.size() > 60);  // the official driver's 22-word list is what not to do
    const auto postgres = words_of(text_of(SQL_KEYWORDS, postgres_context()));
    CHECK(contains(postgres, "LATERAL"));
    CHECK(contains(postgres, "RETURNING"));
    CHECK_FALSE(contains(postgres, "SYSDATE"));
    CHECK_FALSE(contains(postgres, "SELECT"));
}

TEST_CASE("SQL_QUOTED_IDENTIFIER_CASE follows enable_case_sensitive_identifier") {
    InfoContext rs = redshift_context();
    rs.case_sensitive_identifiers = false;
    CHECK(small_of(SQL_QUOTED_IDENTIFIER_CASE, rs) == SQL_IC_LOWER);
    rs.case_sensitive_identifiers = true;
    CHECK(small_of(SQL_QUOTED_IDENTIFIER_CASE, rs) == SQL_IC_SENSITIVE);
    CHECK(small_of(SQL_QUOTED_IDENTIFIER_CASE, postgres_context()) == SQL_IC_SENSITIVE);
}

TEST_CASE("cursors: forward-only and static, read-only, no bookmarks") {
    for (const auto& context : {postgres_context(), redshift_context()}) {
        CHECK(small_of(SQL_CURSOR_COMMIT_BEHAVIOR, context) == SQL_CB_PRESERVE);
        CHECK(small_of(SQL_CURSOR_ROLLBACK_BEHAVIOR, context) == SQL_CB_PRESERVE);
        CHECK(mask_of(SQL_SCROLL_OPTIONS, context) == (SQL_SO_FORWARD_ONLY | SQL_SO_STATIC));
        CHECK(mask_of(SQL_KEYSET_CURSOR_ATTRIBUTES1, context) == 0);
        CHECK(mask_of(SQL_DYNAMIC_CURSOR_ATTRIBUTES1, context) == 0);
        CHECK((mask_of(SQL_STATIC_CURSOR_ATTRIBUTES1, context) & SQL_CA1_BOOKMARK) == 0);
        CHECK(mask_of(SQL_BOOKMARK_PERSISTENCE, context) == 0);
        CHECK(mask_of(SQL_POS_OPERATIONS, context) == SQL_POS_POSITION);
    }
}

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
    CHECK(supported == 55);  // 43 + 8 catalog functions + SQLSetPos, SQLNativeSql, cursor names
}

TEST_CASE("implemented functions are reported; unimplemented ones are not") {
    for (const SQLUSMALLINT id :
         {SQL_API_SQLALLOCHANDLE, SQL_API_SQLFREEHANDLE, SQL_API_SQLDRIVERCONNECT,
          SQL_API_SQLEXECDIRECT, SQL_API_SQLPREPARE, SQL_API_SQLEXECUTE, SQL_API_SQLFETCH,
          SQL_API_SQLGETDATA, SQL_API_SQLBINDCOL, SQL_API_SQLGETINFO, SQL_API_SQLGETFUNCTIONS,
          SQL_API_SQLGETDIAGREC, SQL_API_SQLMORERESULTS, SQL_API_SQLCOLATTRIBUTE,
          SQL_API_SQLBINDPARAMETER, SQL_API_SQLCANCEL, SQL_API_SQLPARAMDATA, SQL_API_SQLPUTDATA,
          SQL_API_SQLSETPOS}) {
        CAPTURE(id);
        CHECK(function_supported(id));
    }
    for (const SQLUSMALLINT id :
         {SQLUSMALLINT{0}, SQLUSMALLINT{SQL_API_SQLTABLEPRIVILEGES},
          SQLUSMALLINT{SQL_API_SQLCOLUMNPRIVILEGES}, SQLUSMALLINT{SQL_API_SQLBULKOPERATIONS},
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
    CHECK(array[SQL_API_SQLTABLES] == SQL_TRUE);
    CHECK(array[SQL_API_SQLTABLEPRIVILEGES] == SQL_FALSE);
}
