#include "catalog/info_table.h"

#include "catalog/info_conversions.h"
#include "catalog/info_keywords.h"
#include "sql/escape_capabilities.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <string_view>
#include <vector>

namespace rsodbc::catalog {

namespace {

using Computed = InfoValue (*)(const InfoContext&);
using Answer = std::variant<std::string_view, SQLUSMALLINT, SQLUINTEGER, Computed>;

struct Row {
    SQLUSMALLINT info_type;
    Answer postgres;
    Answer redshift;
};

// The variant cannot tell a 16-bit from a 32-bit literal: these say which one the specification
// gives each InfoType.
constexpr Answer u16(unsigned value) {
    return Answer{static_cast<SQLUSMALLINT>(value)};
}

constexpr Answer u32(unsigned long value) {
    return Answer{static_cast<SQLUINTEGER>(value)};
}

constexpr Answer text(std::string_view value) {
    return Answer{value};
}

Row same(SQLUSMALLINT info_type, Answer answer) {
    return Row{info_type, answer, answer};
}

Row per_flavour(SQLUSMALLINT info_type, Answer postgres, Answer redshift) {
    return Row{info_type, postgres, redshift};
}

// Identifier limits: Redshift allows 127 bytes, PostgreSQL 63 (NAMEDATALEN - 1).
constexpr unsigned redshift_identifier = 127;
constexpr unsigned postgres_identifier = 63;

// Redshift's CURRENT_TIME and CURRENT_TIMESTAMP run on the leader node only (deprecated there), so
// only CURRENT_DATE is claimed for it.
constexpr SQLUINTEGER postgres_datetime_functions =
    SQL_SDF_CURRENT_DATE | SQL_SDF_CURRENT_TIME | SQL_SDF_CURRENT_TIMESTAMP;

constexpr SQLUINTEGER all_interval_literals =
    SQL_DL_SQL92_INTERVAL_YEAR | SQL_DL_SQL92_INTERVAL_MONTH | SQL_DL_SQL92_INTERVAL_DAY
    | SQL_DL_SQL92_INTERVAL_HOUR | SQL_DL_SQL92_INTERVAL_MINUTE | SQL_DL_SQL92_INTERVAL_SECOND
    | SQL_DL_SQL92_INTERVAL_YEAR_TO_MONTH | SQL_DL_SQL92_INTERVAL_DAY_TO_HOUR
    | SQL_DL_SQL92_INTERVAL_DAY_TO_MINUTE | SQL_DL_SQL92_INTERVAL_DAY_TO_SECOND
    | SQL_DL_SQL92_INTERVAL_HOUR_TO_MINUTE | SQL_DL_SQL92_INTERVAL_HOUR_TO_SECOND
    | SQL_DL_SQL92_INTERVAL_MINUTE_TO_SECOND;

constexpr SQLUINTEGER redshift_alter_table =
    SQL_AT_ADD_COLUMN_SINGLE | SQL_AT_ADD_COLUMN_DEFAULT | SQL_AT_ADD_TABLE_CONSTRAINT
    | SQL_AT_CONSTRAINT_NAME_DEFINITION | SQL_AT_DROP_COLUMN_CASCADE | SQL_AT_DROP_COLUMN_RESTRICT
    | SQL_AT_DROP_TABLE_CONSTRAINT_CASCADE | SQL_AT_DROP_TABLE_CONSTRAINT_RESTRICT;

constexpr SQLUINTEGER constraint_timing =
    SQL_CT_CONSTRAINT_INITIALLY_DEFERRED | SQL_CT_CONSTRAINT_INITIALLY_IMMEDIATE
    | SQL_CT_CONSTRAINT_DEFERRABLE | SQL_CT_CONSTRAINT_NON_DEFERRABLE;

constexpr SQLUINTEGER redshift_create_table =
    SQL_CT_CREATE_TABLE | SQL_CT_TABLE_CONSTRAINT | SQL_CT_CONSTRAINT_NAME_DEFINITION
    | SQL_CT_COLUMN_CONSTRAINT | SQL_CT_COLUMN_DEFAULT | SQL_CT_LOCAL_TEMPORARY;

constexpr SQLUINTEGER common_predicates = SQL_SP_BETWEEN | SQL_SP_COMPARISON | SQL_SP_EXISTS
                                          | SQL_SP_IN | SQL_SP_ISNOTNULL | SQL_SP_ISNULL
                                          | SQL_SP_LIKE | SQL_SP_QUANTIFIED_COMPARISON;

constexpr SQLUINTEGER join_operators = SQL_SRJO_CROSS_JOIN | SQL_SRJO_FULL_OUTER_JOIN
                                       | SQL_SRJO_INNER_JOIN | SQL_SRJO_LEFT_OUTER_JOIN
                                       | SQL_SRJO_NATURAL_JOIN | SQL_SRJO_RIGHT_OUTER_JOIN;

constexpr SQLUINTEGER redshift_grant =
    SQL_SG_DELETE_TABLE | SQL_SG_INSERT_TABLE | SQL_SG_REFERENCES_TABLE | SQL_SG_SELECT_TABLE
    | SQL_SG_UPDATE_TABLE | SQL_SG_UPDATE_COLUMN | SQL_SG_WITH_GRANT_OPTION;

constexpr SQLUINTEGER redshift_revoke =
    SQL_SR_DELETE_TABLE | SQL_SR_INSERT_TABLE | SQL_SR_REFERENCES_TABLE | SQL_SR_SELECT_TABLE
    | SQL_SR_UPDATE_TABLE | SQL_SR_UPDATE_COLUMN | SQL_SR_GRANT_OPTION_FOR | SQL_SR_CASCADE
    | SQL_SR_RESTRICT;

constexpr SQLUINTEGER redshift_info_schema =
    SQL_ISV_TABLES | SQL_ISV_COLUMNS | SQL_ISV_VIEWS | SQL_ISV_SCHEMATA | SQL_ISV_TABLE_CONSTRAINTS
    | SQL_ISV_KEY_COLUMN_USAGE | SQL_ISV_REFERENTIAL_CONSTRAINTS | SQL_ISV_CHECK_CONSTRAINTS
    | SQL_ISV_TABLE_PRIVILEGES | SQL_ISV_COLUMN_PRIVILEGES | SQL_ISV_CONSTRAINT_COLUMN_USAGE
    | SQL_ISV_CONSTRAINT_TABLE_USAGE | SQL_ISV_VIEW_COLUMN_USAGE | SQL_ISV_VIEW_TABLE_USAGE;

InfoValue dbms_version(const InfoContext& context) {
    return odbc_version_string(context.redshift && !context.redshift_version.empty()
                                   ? context.redshift_version
                                   : context.server_version);
}

InfoValue quoted_identifier_case(const InfoContext& context) {
    return static_cast<SQLUSMALLINT>(context.case_sensitive_identifiers ? SQL_IC_SENSITIVE
                                                                        : SQL_IC_LOWER);
}

// One row per InfoType: a table is long by nature.
// NOLINTNEXTLINE(readability-function-size)
std::vector<Row> build_table() {
    const sql::EscapeCapabilities escapes = sql::escape_capabilities();
    std::vector<Row> rows = {
        // Driver
        same(SQL_ACTIVE_ENVIRONMENTS, u16(0)),
        same(SQL_ASYNC_DBC_FUNCTIONS, u32(SQL_ASYNC_DBC_NOT_CAPABLE)),
        same(SQL_ASYNC_MODE, u32(SQL_AM_NONE)),
        same(SQL_ASYNC_NOTIFICATION, u32(SQL_ASYNC_NOTIFICATION_NOT_CAPABLE)),
        same(SQL_BATCH_ROW_COUNT, u32(SQL_BRC_EXPLICIT)),
        same(SQL_BATCH_SUPPORT, u32(SQL_BS_SELECT_EXPLICIT | SQL_BS_ROW_COUNT_EXPLICIT)),
        same(SQL_DATA_SOURCE_NAME,
             [](const InfoContext& c) { return InfoValue{c.data_source_name}; }),
        same(SQL_DRIVER_AWARE_POOLING_SUPPORTED, u32(SQL_DRIVER_AWARE_POOLING_NOT_CAPABLE)),
        same(SQL_DRIVER_NAME, text("libredshiftodbc.so")),
        same(SQL_DTC_TRANSITION_COST, u32(0)),
        same(SQL_DRIVER_ODBC_VER, text("03.80")),
        same(SQL_DRIVER_VER,
             [](const InfoContext&) { return InfoValue{odbc_version_string(RSODBC_VERSION)}; }),
        same(SQL_DYNAMIC_CURSOR_ATTRIBUTES1, u32(0)),
        same(SQL_DYNAMIC_CURSOR_ATTRIBUTES2, u32(0)),
        same(SQL_KEYSET_CURSOR_ATTRIBUTES1, u32(0)),
        same(SQL_KEYSET_CURSOR_ATTRIBUTES2, u32(0)),
        same(SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1, u32(SQL_CA1_NEXT)),
        same(SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES2,
             u32(SQL_CA2_READ_ONLY_CONCURRENCY | SQL_CA2_MAX_ROWS_SELECT)),
        // Static cursors: a result held whole, every orientation but bookmarks, SQLSetPos only to
        // position within the rowset (Redshift has no positioned update or delete).
        same(SQL_STATIC_CURSOR_ATTRIBUTES1, u32(SQL_CA1_NEXT | SQL_CA1_ABSOLUTE | SQL_CA1_RELATIVE
                                                | SQL_CA1_LOCK_NO_CHANGE | SQL_CA1_POS_POSITION)),
        same(SQL_STATIC_CURSOR_ATTRIBUTES2,
             u32(SQL_CA2_READ_ONLY_CONCURRENCY | SQL_CA2_MAX_ROWS_SELECT)),
        same(SQL_FILE_USAGE, u16(SQL_FILE_NOT_SUPPORTED)),
        // Each row is held whole while positioned on it, so any column in any order works, bound
        // or not.
        same(SQL_GETDATA_EXTENSIONS, u32(SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER | SQL_GD_BOUND)),
        per_flavour(SQL_INFO_SCHEMA_VIEWS,
                    u32(redshift_info_schema | SQL_ISV_DOMAINS | SQL_ISV_COLUMN_DOMAIN_USAGE
                        | SQL_ISV_DOMAIN_CONSTRAINTS | SQL_ISV_USAGE_PRIVILEGES
                        | SQL_ISV_CHARACTER_SETS | SQL_ISV_COLLATIONS),
                    u32(redshift_info_schema)),
        same(SQL_MAX_ASYNC_CONCURRENT_STATEMENTS, u32(0)),
        // A second statement drains the first one's result to the client: no limit.
        same(SQL_MAX_CONCURRENT_ACTIVITIES, u16(0)),
        same(SQL_MAX_DRIVER_CONNECTIONS, u16(0)),
        same(SQL_ODBC_INTERFACE_CONFORMANCE, u32(SQL_OIC_CORE)),
        same(SQL_STANDARD_CLI_CONFORMANCE, u32(SQL_SCC_XOPEN_CLI_VERSION1)),
        same(SQL_PARAM_ARRAY_ROW_COUNTS, u32(SQL_PARC_NO_BATCH)),
        same(SQL_PARAM_ARRAY_SELECTS, u32(SQL_PAS_NO_SELECT)),
        same(SQL_ROW_UPDATES, text("N")),
        same(SQL_SEARCH_PATTERN_ESCAPE, text("\\")),
        same(SQL_SERVER_NAME, [](const InfoContext& c) { return InfoValue{c.server_name}; }),
        // DBMS product
        same(SQL_DATABASE_NAME, [](const InfoContext& c) { return InfoValue{c.database}; }),
        per_flavour(SQL_DBMS_NAME, text("PostgreSQL"), text("Redshift")),
        same(SQL_DBMS_VER, dbms_version),
        // Data source
        same(SQL_ACCESSIBLE_PROCEDURES, text("N")),
        same(SQL_ACCESSIBLE_TABLES, text("N")),
        same(SQL_BOOKMARK_PERSISTENCE, u32(0)),
        same(SQL_CATALOG_TERM, text("database")),
        same(SQL_COLLATION_SEQ, text("")),
        same(SQL_CONCAT_NULL_BEHAVIOR, u16(SQL_CB_NULL)),
        // An open result (streaming, or a UseDeclareFetch server cursor) is read ahead to the
        // client before SQLEndTran ends the transaction, so cursors survive COMMIT and ROLLBACK.
        same(SQL_CURSOR_COMMIT_BEHAVIOR, u16(SQL_CB_PRESERVE)),
        same(SQL_CURSOR_ROLLBACK_BEHAVIOR, u16(SQL_CB_PRESERVE)),
        same(SQL_CURSOR_SENSITIVITY, u32(SQL_INSENSITIVE)),
        same(SQL_DATA_SOURCE_READ_ONLY, text("N")),
        per_flavour(SQL_DEFAULT_TXN_ISOLATION, u32(SQL_TXN_READ_COMMITTED),
                    u32(SQL_TXN_SERIALIZABLE)),
        same(SQL_DESCRIBE_PARAMETER, text("N")),
        same(SQL_MULT_RESULT_SETS, text("Y")),
        same(SQL_MULTIPLE_ACTIVE_TXN, text("Y")),
        same(SQL_NEED_LONG_DATA_LEN, text("N")),
        same(SQL_NULL_COLLATION, u16(SQL_NC_HIGH)),
        same(SQL_PROCEDURE_TERM, text("procedure")),
        same(SQL_SCHEMA_TERM, text("schema")),
        same(SQL_SCROLL_OPTIONS, u32(SQL_SO_FORWARD_ONLY | SQL_SO_STATIC)),
        same(SQL_TABLE_TERM, text("table")),
        same(SQL_TXN_CAPABLE, u16(SQL_TC_ALL)),
        // Redshift accepts every level name but runs all of them as SERIALIZABLE.
        per_flavour(SQL_TXN_ISOLATION_OPTION,
                    u32(SQL_TXN_READ_COMMITTED | SQL_TXN_REPEATABLE_READ | SQL_TXN_SERIALIZABLE),
                    u32(SQL_TXN_SERIALIZABLE)),
        same(SQL_USER_NAME, [](const InfoContext& c) { return InfoValue{c.user}; }),
        // Supported SQL
        same(SQL_AGGREGATE_FUNCTIONS, u32(SQL_AF_ALL | SQL_AF_AVG | SQL_AF_COUNT | SQL_AF_DISTINCT
                                          | SQL_AF_MAX | SQL_AF_MIN | SQL_AF_SUM)),
        per_flavour(SQL_ALTER_DOMAIN,
                    u32(SQL_AD_ADD_DOMAIN_CONSTRAINT | SQL_AD_ADD_DOMAIN_DEFAULT
                        | SQL_AD_CONSTRAINT_NAME_DEFINITION | SQL_AD_DROP_DOMAIN_CONSTRAINT
                        | SQL_AD_DROP_DOMAIN_DEFAULT),
                    u32(0)),
        per_flavour(
            SQL_ALTER_TABLE,
            u32(redshift_alter_table | SQL_AT_ADD_COLUMN_COLLATION | SQL_AT_SET_COLUMN_DEFAULT
                | SQL_AT_DROP_COLUMN_DEFAULT | SQL_AT_CONSTRAINT_INITIALLY_DEFERRED
                | SQL_AT_CONSTRAINT_INITIALLY_IMMEDIATE | SQL_AT_CONSTRAINT_DEFERRABLE
                | SQL_AT_CONSTRAINT_NON_DEFERRABLE),
            u32(redshift_alter_table)),
        same(SQL_CATALOG_LOCATION, u16(SQL_CL_START)),
        same(SQL_CATALOG_NAME, text("Y")),
        same(SQL_CATALOG_NAME_SEPARATOR, text(".")),
        same(SQL_CATALOG_USAGE, u32(SQL_CU_DML_STATEMENTS)),
        same(SQL_COLUMN_ALIAS, text("Y")),
        same(SQL_CORRELATION_NAME, u16(SQL_CN_ANY)),
        same(SQL_CREATE_ASSERTION, u32(0)),
        same(SQL_CREATE_CHARACTER_SET, u32(0)),
        per_flavour(SQL_CREATE_COLLATION, u32(SQL_CCOL_CREATE_COLLATION), u32(0)),
        per_flavour(SQL_CREATE_DOMAIN,
                    u32(SQL_CDO_CREATE_DOMAIN | SQL_CDO_DEFAULT | SQL_CDO_CONSTRAINT
                        | SQL_CDO_COLLATION | SQL_CDO_CONSTRAINT_NAME_DEFINITION),
                    u32(0)),
        same(SQL_CREATE_SCHEMA, u32(SQL_CS_CREATE_SCHEMA | SQL_CS_AUTHORIZATION)),
        per_flavour(SQL_CREATE_TABLE,
                    u32(redshift_create_table | SQL_CT_COMMIT_DELETE | SQL_CT_COMMIT_PRESERVE
                        | SQL_CT_COLUMN_COLLATION | constraint_timing),
                    u32(redshift_create_table)),
        same(SQL_CREATE_TRANSLATION, u32(0)),
        per_flavour(SQL_CREATE_VIEW,
                    u32(SQL_CV_CREATE_VIEW | SQL_CV_CHECK_OPTION | SQL_CV_CASCADED | SQL_CV_LOCAL),
                    u32(SQL_CV_CREATE_VIEW)),
        same(SQL_DATETIME_LITERALS, u32(SQL_DL_SQL92_DATE | SQL_DL_SQL92_TIME
                                        | SQL_DL_SQL92_TIMESTAMP | all_interval_literals)),
        per_flavour(SQL_DDL_INDEX, u32(SQL_DI_CREATE_INDEX | SQL_DI_DROP_INDEX), u32(0)),
        same(SQL_DROP_ASSERTION, u32(0)),
        same(SQL_DROP_CHARACTER_SET, u32(0)),
        per_flavour(SQL_DROP_COLLATION, u32(SQL_DC_DROP_COLLATION), u32(0)),
        per_flavour(SQL_DROP_DOMAIN, u32(SQL_DD_DROP_DOMAIN | SQL_DD_CASCADE | SQL_DD_RESTRICT),
                    u32(0)),
        same(SQL_DROP_SCHEMA, u32(SQL_DS_DROP_SCHEMA | SQL_DS_CASCADE | SQL_DS_RESTRICT)),
        same(SQL_DROP_TABLE, u32(SQL_DT_DROP_TABLE | SQL_DT_CASCADE | SQL_DT_RESTRICT)),
        same(SQL_DROP_TRANSLATION, u32(0)),
        same(SQL_DROP_VIEW, u32(SQL_DV_DROP_VIEW | SQL_DV_CASCADE | SQL_DV_RESTRICT)),
        same(SQL_EXPRESSIONS_IN_ORDERBY, text("Y")),
        // Every non-aggregated select-list column must be grouped; more columns may be.
        same(SQL_GROUP_BY, u16(SQL_GB_GROUP_BY_CONTAINS_SELECT)),
        same(SQL_IDENTIFIER_CASE, u16(SQL_IC_LOWER)),
        same(SQL_IDENTIFIER_QUOTE_CHAR, text("\"")),
        per_flavour(SQL_INDEX_KEYWORDS, u32(SQL_IK_ASC | SQL_IK_DESC), u32(SQL_IK_NONE)),
        same(SQL_INSERT_STATEMENT,
             u32(SQL_IS_INSERT_LITERALS | SQL_IS_INSERT_SEARCHED | SQL_IS_SELECT_INTO)),
        // Redshift accepts key constraints but does not enforce them.
        per_flavour(SQL_INTEGRITY, text("Y"), text("N")),
        same(SQL_KEYWORDS,
             [](const InfoContext& c) { return InfoValue{data_source_keywords(c.redshift)}; }),
        same(SQL_LIKE_ESCAPE_CLAUSE, text("Y")),
        same(SQL_NON_NULLABLE_COLUMNS, u16(SQL_NNC_NON_NULL)),
        same(SQL_SQL_CONFORMANCE, u32(SQL_SC_SQL92_ENTRY)),
        same(SQL_OJ_CAPABILITIES,
             u32(SQL_OJ_LEFT | SQL_OJ_RIGHT | SQL_OJ_FULL | SQL_OJ_NESTED | SQL_OJ_NOT_ORDERED
                 | SQL_OJ_INNER | SQL_OJ_ALL_COMPARISON_OPS)),
        same(SQL_ORDER_BY_COLUMNS_IN_SELECT, text("N")),
        same(SQL_OUTER_JOINS, text("Y")),
        same(SQL_PROCEDURES, text("Y")),  // {call} translates to CALL
        same(SQL_QUOTED_IDENTIFIER_CASE, quoted_identifier_case),
        per_flavour(
            SQL_SCHEMA_USAGE,
            u32(SQL_SU_DML_STATEMENTS | SQL_SU_PROCEDURE_INVOCATION | SQL_SU_TABLE_DEFINITION
                | SQL_SU_INDEX_DEFINITION | SQL_SU_PRIVILEGE_DEFINITION),
            u32(SQL_SU_DML_STATEMENTS | SQL_SU_PROCEDURE_INVOCATION | SQL_SU_TABLE_DEFINITION
                | SQL_SU_PRIVILEGE_DEFINITION)),
        same(SQL_SPECIAL_CHARACTERS, text("$")),
        per_flavour(SQL_SQL92_DATETIME_FUNCTIONS, u32(postgres_datetime_functions),
                    u32(SQL_SDF_CURRENT_DATE)),
        per_flavour(
            SQL_SQL92_FOREIGN_KEY_DELETE_RULE,
            u32(SQL_SFKD_CASCADE | SQL_SFKD_NO_ACTION | SQL_SFKD_SET_DEFAULT | SQL_SFKD_SET_NULL),
            u32(0)),
        per_flavour(
            SQL_SQL92_FOREIGN_KEY_UPDATE_RULE,
            u32(SQL_SFKU_CASCADE | SQL_SFKU_NO_ACTION | SQL_SFKU_SET_DEFAULT | SQL_SFKU_SET_NULL),
            u32(0)),
        per_flavour(SQL_SQL92_GRANT,
                    u32(redshift_grant | SQL_SG_INSERT_COLUMN | SQL_SG_REFERENCES_COLUMN
                        | SQL_SG_USAGE_ON_DOMAIN),
                    u32(redshift_grant)),
        per_flavour(SQL_SQL92_NUMERIC_VALUE_FUNCTIONS,
                    u32(SQL_SNVF_BIT_LENGTH | SQL_SNVF_CHAR_LENGTH | SQL_SNVF_CHARACTER_LENGTH
                        | SQL_SNVF_EXTRACT | SQL_SNVF_OCTET_LENGTH | SQL_SNVF_POSITION),
                    u32(SQL_SNVF_CHAR_LENGTH | SQL_SNVF_CHARACTER_LENGTH | SQL_SNVF_EXTRACT
                        | SQL_SNVF_OCTET_LENGTH | SQL_SNVF_POSITION)),
        per_flavour(SQL_SQL92_PREDICATES, u32(common_predicates | SQL_SP_OVERLAPS),
                    u32(common_predicates)),
        same(SQL_SQL92_RELATIONAL_JOIN_OPERATORS, u32(join_operators)),
        per_flavour(SQL_SQL92_REVOKE,
                    u32(redshift_revoke | SQL_SR_INSERT_COLUMN | SQL_SR_REFERENCES_COLUMN
                        | SQL_SR_USAGE_ON_DOMAIN),
                    u32(redshift_revoke)),
        per_flavour(SQL_SQL92_ROW_VALUE_CONSTRUCTOR,
                    u32(SQL_SRVC_VALUE_EXPRESSION | SQL_SRVC_NULL | SQL_SRVC_DEFAULT
                        | SQL_SRVC_ROW_SUBQUERY),
                    u32(SQL_SRVC_VALUE_EXPRESSION | SQL_SRVC_NULL | SQL_SRVC_DEFAULT)),
        same(SQL_SQL92_STRING_FUNCTIONS,
             u32(SQL_SSF_LOWER | SQL_SSF_UPPER | SQL_SSF_SUBSTRING | SQL_SSF_TRIM_BOTH
                 | SQL_SSF_TRIM_LEADING | SQL_SSF_TRIM_TRAILING)),
        same(SQL_SQL92_VALUE_EXPRESSIONS,
             u32(SQL_SVE_CASE | SQL_SVE_CAST | SQL_SVE_COALESCE | SQL_SVE_NULLIF)),
        same(SQL_SUBQUERIES, u32(SQL_SQ_CORRELATED_SUBQUERIES | SQL_SQ_COMPARISON | SQL_SQ_EXISTS
                                 | SQL_SQ_IN | SQL_SQ_QUANTIFIED)),
        same(SQL_UNION, u32(SQL_U_UNION | SQL_U_UNION_ALL)),
        // SQL limits (0: no limit, or none the server documents)
        same(SQL_MAX_BINARY_LITERAL_LEN, u32(0)),
        per_flavour(SQL_MAX_CATALOG_NAME_LEN, u16(postgres_identifier), u16(redshift_identifier)),
        per_flavour(SQL_MAX_CHAR_LITERAL_LEN, u32(0), u32(65535)),
        per_flavour(SQL_MAX_COLUMN_NAME_LEN, u16(postgres_identifier), u16(redshift_identifier)),
        same(SQL_MAX_COLUMNS_IN_GROUP_BY, u16(0)),
        per_flavour(SQL_MAX_COLUMNS_IN_INDEX, u16(32), u16(0)),
        same(SQL_MAX_COLUMNS_IN_ORDER_BY, u16(0)),
        per_flavour(SQL_MAX_COLUMNS_IN_SELECT, u16(1664), u16(1600)),
        same(SQL_MAX_COLUMNS_IN_TABLE, u16(1600)),
        per_flavour(SQL_MAX_CURSOR_NAME_LEN, u16(postgres_identifier), u16(redshift_identifier)),
        per_flavour(SQL_MAX_IDENTIFIER_LEN, u16(postgres_identifier), u16(redshift_identifier)),
        same(SQL_MAX_INDEX_SIZE, u32(0)),
        per_flavour(SQL_MAX_PROCEDURE_NAME_LEN, u16(postgres_identifier), u16(redshift_identifier)),
        same(SQL_MAX_ROW_SIZE, u32(0)),
        same(SQL_MAX_ROW_SIZE_INCLUDES_LONG, text("Y")),
        per_flavour(SQL_MAX_SCHEMA_NAME_LEN, u16(postgres_identifier), u16(redshift_identifier)),
        per_flavour(SQL_MAX_STATEMENT_LEN, u32(0), u32(16UL * 1024UL * 1024UL)),
        per_flavour(SQL_MAX_TABLE_NAME_LEN, u16(postgres_identifier), u16(redshift_identifier)),
        same(SQL_MAX_TABLES_IN_SELECT, u16(0)),
        per_flavour(SQL_MAX_USER_NAME_LEN, u16(postgres_identifier), u16(redshift_identifier)),
        // Scalar functions: exactly the {fn} escapes the translator's table handles (CAST needs
        // no escape).
        same(SQL_CONVERT_FUNCTIONS, u32(SQL_FN_CVT_CAST | escapes.convert_functions)),
        same(SQL_NUMERIC_FUNCTIONS, u32(escapes.numeric_functions)),
        same(SQL_STRING_FUNCTIONS, u32(escapes.string_functions)),
        same(SQL_SYSTEM_FUNCTIONS, u32(escapes.system_functions)),
        same(SQL_TIMEDATE_ADD_INTERVALS, u32(escapes.timedate_add_intervals)),
        same(SQL_TIMEDATE_DIFF_INTERVALS, u32(escapes.timedate_diff_intervals)),
        same(SQL_TIMEDATE_FUNCTIONS, u32(escapes.timedate_functions)),
        // ODBC 2 InfoTypes still asked by older applications
        same(SQL_FETCH_DIRECTION,
             u32(SQL_FD_FETCH_NEXT | SQL_FD_FETCH_FIRST | SQL_FD_FETCH_LAST | SQL_FD_FETCH_PRIOR
                 | SQL_FD_FETCH_ABSOLUTE | SQL_FD_FETCH_RELATIVE)),
        same(SQL_LOCK_TYPES, u32(SQL_LCK_NO_CHANGE)),
        same(SQL_ODBC_API_CONFORMANCE, u16(SQL_OAC_LEVEL1)),
        same(SQL_ODBC_SQL_CONFORMANCE, u16(SQL_OSC_CORE)),
        same(SQL_ODBC_SAG_CLI_CONFORMANCE, u16(SQL_OSCC_COMPLIANT)),
        same(SQL_POS_OPERATIONS, u32(SQL_POS_POSITION)),
        same(SQL_POSITIONED_STATEMENTS, u32(0)),
        same(SQL_SCROLL_CONCURRENCY, u32(SQL_SCCO_READ_ONLY)),
        same(SQL_STATIC_SENSITIVITY, u32(0)),
    };
    constexpr std::array conversion_types = {
        SQL_CONVERT_BIGINT,
        SQL_CONVERT_BINARY,
        SQL_CONVERT_BIT,
        SQL_CONVERT_CHAR,
        SQL_CONVERT_DATE,
        SQL_CONVERT_DECIMAL,
        SQL_CONVERT_DOUBLE,
        SQL_CONVERT_FLOAT,
        SQL_CONVERT_INTEGER,
        SQL_CONVERT_INTERVAL_DAY_TIME,
        SQL_CONVERT_INTERVAL_YEAR_MONTH,
        SQL_CONVERT_LONGVARBINARY,
        SQL_CONVERT_LONGVARCHAR,
        SQL_CONVERT_NUMERIC,
        SQL_CONVERT_REAL,
        SQL_CONVERT_SMALLINT,
        SQL_CONVERT_TIME,
        SQL_CONVERT_TIMESTAMP,
        SQL_CONVERT_TINYINT,
        SQL_CONVERT_VARBINARY,
        SQL_CONVERT_VARCHAR,
        SQL_CONVERT_WCHAR,
        SQL_CONVERT_WLONGVARCHAR,
        SQL_CONVERT_WVARCHAR,
        SQL_CONVERT_GUID,
    };
    for (const auto info_type : conversion_types) {
        const auto type = static_cast<SQLUSMALLINT>(info_type);
        rows.push_back(per_flavour(type, u32(*conversion_targets(type, false)),
                                   u32(*conversion_targets(type, true))));
    }
    std::sort(rows.begin(), rows.end(),
              [](const Row& a, const Row& b) { return a.info_type < b.info_type; });
    return rows;
}

const std::vector<Row>& table() {
    static const std::vector<Row> rows = build_table();
    return rows;
}

InfoValue resolve(const Answer& answer, const InfoContext& context) {
    return std::visit(
        [&](const auto& value) -> InfoValue {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, Computed>) {
                return value(context);
            } else if constexpr (std::is_same_v<T, std::string_view>) {
                return std::string(value);
            } else {
                return value;
            }
        },
        answer);
}

}  // namespace

std::string odbc_version_string(std::string_view dotted) {
    std::array<unsigned, 3> parts{};
    std::size_t index = 0;
    const char* cursor = dotted.data();
    const char* end = dotted.data() + dotted.size();
    while (cursor < end && index < parts.size()) {
        const auto result = std::from_chars(cursor, end, parts[index]);
        if (result.ec != std::errc{}) {
            break;
        }
        ++index;
        cursor = result.ptr;
        if (cursor < end && *cursor == '.') {
            ++cursor;
        } else {
            break;
        }
    }
    constexpr unsigned widest_release = 9999;
    const bool release_fits = parts[2] <= widest_release;
    std::array<char, 32> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%02u.%02u.%04u", parts[0] % 100, parts[1] % 100,
                  release_fits ? parts[2] : 0U);
    std::string version = buffer.data();
    if (!release_fits) {
        version += ' ';
        version += dotted;
    }
    return version;
}

std::optional<InfoValue> info_value(SQLUSMALLINT info_type, const InfoContext& context) {
    const auto& rows = table();
    const auto row = std::lower_bound(
        rows.begin(), rows.end(), info_type,
        [](const Row& candidate, SQLUSMALLINT wanted) { return candidate.info_type < wanted; });
    if (row == rows.end() || row->info_type != info_type) {
        return std::nullopt;
    }
    return resolve(context.redshift ? row->redshift : row->postgres, context);
}

}  // namespace rsodbc::catalog
