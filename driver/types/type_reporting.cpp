#include "types/type_reporting.h"

#include <algorithm>

namespace rsodbc::types {

namespace {

SQLSMALLINT wide(SQLSMALLINT sql_type) {
    switch (sql_type) {
        case SQL_CHAR:
            return SQL_WCHAR;
        case SQL_VARCHAR:
            return SQL_WVARCHAR;
        case SQL_LONGVARCHAR:
            return SQL_WLONGVARCHAR;
        default:
            return sql_type;
    }
}

}  // namespace

SqlTypeInfo apply_reporting(SqlTypeInfo info, const ReportingOptions& options) {
    if (options.bools_as_char && info.sql_type == SQL_BIT) {
        info.sql_type = SQL_VARCHAR;  // the value arrives as "1" or "0"
        info.case_sensitive = false;
        info.searchable = SQL_SEARCHABLE;
    }
    if (options.text_as_long_varchar && info.unbounded_text) {
        info.sql_type = SQL_LONGVARCHAR;
        info.column_size = options.long_text_bytes;
        info.octet_length = static_cast<SQLLEN>(options.long_text_bytes);
        info.display_size = static_cast<SQLLEN>(options.long_text_bytes);
    }
    if (options.max_varchar_size != 0 && info.sql_type == SQL_VARCHAR
        && info.column_size > options.max_varchar_size) {
        info.sql_type = SQL_LONGVARCHAR;
    }
    if (options.max_long_varchar_size != 0 && info.sql_type == SQL_LONGVARCHAR
        && info.column_size > options.max_long_varchar_size) {
        info.column_size = options.max_long_varchar_size;
        info.octet_length =
            std::min<SQLLEN>(info.octet_length, static_cast<SQLLEN>(options.max_long_varchar_size));
        info.display_size = static_cast<SQLLEN>(options.max_long_varchar_size);
    }
    if (options.use_unicode) {
        info.sql_type = wide(info.sql_type);
    }
    return info;
}

}  // namespace rsodbc::types
