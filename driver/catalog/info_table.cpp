#include "catalog/info_table.h"

#include <array>
#include <charconv>
#include <cstdio>

namespace rsodbc::catalog {

// The switches below are lookup tables: many InfoTypes share a value, which bugprone-branch-clone
// flags, and a table is long by nature. The full SQLGetInfo table will be data, not code.
// NOLINTBEGIN(bugprone-branch-clone,readability-function-size)
namespace {

// Identifier limits: Redshift allows 127 bytes, PostgreSQL 63 (NAMEDATALEN - 1).
SQLUSMALLINT identifier_limit(const InfoContext& context) {
    return context.redshift ? 127 : 63;
}

std::optional<InfoValue> text_info(SQLUSMALLINT info_type, const InfoContext& context) {
    switch (info_type) {
        case SQL_DRIVER_NAME:
            return InfoValue{std::string("libredshiftodbc.so")};
        case SQL_DRIVER_VER:
            return InfoValue{odbc_version_string(RSODBC_VERSION)};
        case SQL_DRIVER_ODBC_VER:
            return InfoValue{std::string("03.80")};
        case SQL_DBMS_NAME:
            return InfoValue{std::string(context.redshift ? "Redshift" : "PostgreSQL")};
        case SQL_DBMS_VER:
            return InfoValue{odbc_version_string(
                context.redshift && !context.redshift_version.empty() ? context.redshift_version
                                                                      : context.server_version)};
        case SQL_DATA_SOURCE_NAME:
            return InfoValue{context.data_source_name};
        case SQL_SERVER_NAME:
            return InfoValue{context.server_name};
        case SQL_DATABASE_NAME:
            return InfoValue{context.database};
        case SQL_USER_NAME:
            return InfoValue{context.user};
        case SQL_IDENTIFIER_QUOTE_CHAR:
            return InfoValue{std::string("\"")};
        case SQL_CATALOG_NAME_SEPARATOR:
            return InfoValue{std::string(".")};
        case SQL_CATALOG_TERM:
            return InfoValue{std::string("database")};
        case SQL_SCHEMA_TERM:
            return InfoValue{std::string("schema")};
        case SQL_TABLE_TERM:
            return InfoValue{std::string("table")};
        case SQL_PROCEDURE_TERM:
            return InfoValue{std::string("procedure")};
        case SQL_SEARCH_PATTERN_ESCAPE:
            return InfoValue{std::string("\\")};
        case SQL_DATA_SOURCE_READ_ONLY:
        case SQL_NEED_LONG_DATA_LEN:
        case SQL_ACCESSIBLE_PROCEDURES:
        case SQL_ORDER_BY_COLUMNS_IN_SELECT:
        case SQL_PROCEDURES:
        case SQL_ROW_UPDATES:
        case SQL_DESCRIBE_PARAMETER:
            return InfoValue{std::string("N")};
        case SQL_ACCESSIBLE_TABLES:
        case SQL_MULT_RESULT_SETS:
        case SQL_MULTIPLE_ACTIVE_TXN:
        case SQL_EXPRESSIONS_IN_ORDERBY:
        case SQL_LIKE_ESCAPE_CLAUSE:
        case SQL_COLUMN_ALIAS:
        case SQL_OUTER_JOINS:
        case SQL_MAX_ROW_SIZE_INCLUDES_LONG:
            return InfoValue{std::string("Y")};
        case SQL_SPECIAL_CHARACTERS:
        case SQL_KEYWORDS:
            return InfoValue{std::string()};
        default:
            return std::nullopt;
    }
}

std::optional<InfoValue> small_info(SQLUSMALLINT info_type, const InfoContext& context) {
    switch (info_type) {
        case SQL_MAX_DRIVER_CONNECTIONS:
        case SQL_MAX_CONCURRENT_ACTIVITIES:
            return InfoValue{SQLUSMALLINT{0}};  // no driver limit
        case SQL_MAX_COLUMN_NAME_LEN:
        case SQL_MAX_CURSOR_NAME_LEN:
        case SQL_MAX_SCHEMA_NAME_LEN:
        case SQL_MAX_CATALOG_NAME_LEN:
        case SQL_MAX_TABLE_NAME_LEN:
        case SQL_MAX_PROCEDURE_NAME_LEN:
        case SQL_MAX_USER_NAME_LEN:
            return InfoValue{identifier_limit(context)};
        case SQL_MAX_COLUMNS_IN_TABLE:
        case SQL_MAX_COLUMNS_IN_SELECT:
            return InfoValue{SQLUSMALLINT{1600}};
        case SQL_TXN_CAPABLE:
            return InfoValue{SQLUSMALLINT{SQL_TC_ALL}};
        case SQL_CURSOR_COMMIT_BEHAVIOR:
        case SQL_CURSOR_ROLLBACK_BEHAVIOR:
            // Results are read to the client before the call returns, so they survive the end of
            // the transaction.
            return InfoValue{SQLUSMALLINT{SQL_CB_PRESERVE}};
        case SQL_IDENTIFIER_CASE:
            return InfoValue{SQLUSMALLINT{SQL_IC_LOWER}};
        case SQL_QUOTED_IDENTIFIER_CASE:
            return InfoValue{SQLUSMALLINT{SQL_IC_SENSITIVE}};
        case SQL_CONCAT_NULL_BEHAVIOR:
            return InfoValue{SQLUSMALLINT{SQL_CB_NULL}};
        case SQL_NULL_COLLATION:
            return InfoValue{SQLUSMALLINT{SQL_NC_HIGH}};
        case SQL_CORRELATION_NAME:
            return InfoValue{SQLUSMALLINT{SQL_CN_ANY}};
        case SQL_NON_NULLABLE_COLUMNS:
            return InfoValue{SQLUSMALLINT{SQL_NNC_NON_NULL}};
        case SQL_GROUP_BY:
            return InfoValue{SQLUSMALLINT{SQL_GB_GROUP_BY_CONTAINS_SELECT}};
        case SQL_FILE_USAGE:
            return InfoValue{SQLUSMALLINT{SQL_FILE_NOT_SUPPORTED}};
        case SQL_ODBC_API_CONFORMANCE:
            return InfoValue{SQLUSMALLINT{SQL_OAC_LEVEL1}};
        case SQL_ODBC_SQL_CONFORMANCE:
            return InfoValue{SQLUSMALLINT{SQL_OSC_CORE}};
        default:
            return std::nullopt;
    }
}

std::optional<InfoValue> mask_info(SQLUSMALLINT info_type, const InfoContext& context) {
    switch (info_type) {
        case SQL_GETDATA_EXTENSIONS:
            // Each row is held whole while positioned on it, so any column in any order works,
            // bound or not.
            return InfoValue{SQLUINTEGER{SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER | SQL_GD_BOUND}};
        case SQL_DEFAULT_TXN_ISOLATION:
            return InfoValue{static_cast<SQLUINTEGER>(context.redshift ? SQL_TXN_SERIALIZABLE
                                                                       : SQL_TXN_READ_COMMITTED)};
        case SQL_TXN_ISOLATION_OPTION:
            return InfoValue{static_cast<SQLUINTEGER>(
                context.redshift
                    ? SQL_TXN_SERIALIZABLE
                    : SQL_TXN_READ_COMMITTED | SQL_TXN_REPEATABLE_READ | SQL_TXN_SERIALIZABLE)};
        case SQL_SCROLL_OPTIONS:
            return InfoValue{SQLUINTEGER{SQL_SO_FORWARD_ONLY}};
        case SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1:
            return InfoValue{SQLUINTEGER{SQL_CA1_NEXT}};  // block cursors included
        case SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES2:
            return InfoValue{SQLUINTEGER{SQL_CA2_READ_ONLY_CONCURRENCY | SQL_CA2_MAX_ROWS_SELECT}};
        case SQL_STATIC_CURSOR_ATTRIBUTES1:
        case SQL_STATIC_CURSOR_ATTRIBUTES2:
        case SQL_DYNAMIC_CURSOR_ATTRIBUTES1:
        case SQL_DYNAMIC_CURSOR_ATTRIBUTES2:
        case SQL_KEYSET_CURSOR_ATTRIBUTES1:
        case SQL_KEYSET_CURSOR_ATTRIBUTES2:
        case SQL_POS_OPERATIONS:
        case SQL_POSITIONED_STATEMENTS:
        case SQL_STATIC_SENSITIVITY:
        case SQL_LOCK_TYPES:
        case SQL_BOOKMARK_PERSISTENCE:
        case SQL_ASYNC_DBC_FUNCTIONS:
        case SQL_ASYNC_NOTIFICATION:
        case SQL_DRIVER_AWARE_POOLING_SUPPORTED:
            return InfoValue{SQLUINTEGER{0}};
        case SQL_ASYNC_MODE:
            return InfoValue{SQLUINTEGER{SQL_AM_NONE}};
        case SQL_CURSOR_SENSITIVITY:
            return InfoValue{SQLUINTEGER{SQL_INSENSITIVE}};
        case SQL_PARAM_ARRAY_ROW_COUNTS:
            return InfoValue{SQLUINTEGER{SQL_PARC_NO_BATCH}};
        case SQL_PARAM_ARRAY_SELECTS:
            return InfoValue{SQLUINTEGER{SQL_PAS_NO_SELECT}};
        case SQL_BATCH_SUPPORT:
            return InfoValue{SQLUINTEGER{SQL_BS_SELECT_EXPLICIT | SQL_BS_ROW_COUNT_EXPLICIT}};
        case SQL_BATCH_ROW_COUNT:
            return InfoValue{SQLUINTEGER{SQL_BRC_EXPLICIT}};
        case SQL_ODBC_INTERFACE_CONFORMANCE:
            return InfoValue{SQLUINTEGER{SQL_OIC_CORE}};
        case SQL_SQL_CONFORMANCE:
            return InfoValue{SQLUINTEGER{SQL_SC_SQL92_ENTRY}};
        case SQL_MAX_STATEMENT_LEN:
            return InfoValue{SQLUINTEGER{16U * 1024U * 1024U}};  // Redshift: 16 MB of SQL text
        case SQL_MAX_ASYNC_CONCURRENT_STATEMENTS:
            return InfoValue{SQLUINTEGER{0}};
        case SQL_OJ_CAPABILITIES:
            return InfoValue{SQLUINTEGER{SQL_OJ_LEFT | SQL_OJ_RIGHT | SQL_OJ_FULL | SQL_OJ_NESTED
                                         | SQL_OJ_NOT_ORDERED | SQL_OJ_INNER
                                         | SQL_OJ_ALL_COMPARISON_OPS}};
        default:
            return std::nullopt;
    }
}

}  // namespace

// NOLINTEND(bugprone-branch-clone,readability-function-size)

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
    std::array<char, 32> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%02u.%02u.%04u", parts[0], parts[1], parts[2]);
    return buffer.data();
}

std::optional<InfoValue> info_value(SQLUSMALLINT info_type, const InfoContext& context) {
    if (auto value = text_info(info_type, context)) {
        return value;
    }
    if (auto value = small_info(info_type, context)) {
        return value;
    }
    return mask_info(info_type, context);
}

}  // namespace rsodbc::catalog
