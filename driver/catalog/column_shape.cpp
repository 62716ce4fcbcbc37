#include "catalog/column_shape.h"

#include "types/sql_types.h"
#include "types/type_table.h"

namespace rsodbc::catalog {

namespace {

std::string number(long long value) {
    return std::to_string(value);
}

bool is_text_or_binary(SQLSMALLINT sql_type) {
    return types::is_character_sql_type(sql_type)
           || types::sql_family(sql_type) == types::SqlFamily::binary;
}

bool has_decimal_digits(SQLSMALLINT sql_type) {
    switch (sql_type) {
        case SQL_NUMERIC:
        case SQL_DECIMAL:
        case SQL_SMALLINT:
        case SQL_INTEGER:
        case SQL_BIGINT:
        case SQL_BIT:
        case SQL_TYPE_TIME:
        case SQL_TYPE_TIMESTAMP:
        case SQL_INTERVAL_DAY_TO_SECOND:
            return true;
        default:
            return false;  // ODBC: NULL where decimal digits are not applicable
    }
}

std::optional<std::string> datetime_sub(SQLSMALLINT sql_type) {
    const SQLSMALLINT code = types::datetime_interval_code(sql_type);
    return code != 0 ? std::optional<std::string>(number(code)) : std::nullopt;
}

}  // namespace

TypeColumns type_columns(unsigned type_oid, int type_modifier,
                         const types::ReportingOptions& reporting) {
    const types::SqlTypeInfo info =
        types::apply_reporting(types::describe_server_type(type_oid, type_modifier), reporting);
    TypeColumns out;
    out.data_type = number(info.sql_type);
    out.type_name = std::string(info.type_name);
    out.column_size = number(static_cast<long long>(info.column_size));
    out.buffer_length = number(info.octet_length);
    if (has_decimal_digits(info.sql_type)) {
        out.decimal_digits = number(info.decimal_digits);
    }
    if (info.num_prec_radix != 0) {
        out.num_prec_radix = number(info.num_prec_radix);
    }
    out.sql_data_type = number(types::verbose_type(info.sql_type));
    out.datetime_sub = datetime_sub(info.sql_type);
    if (is_text_or_binary(info.sql_type)) {
        out.char_octet_length = number(info.octet_length);
    }
    return out;
}

}  // namespace rsodbc::catalog
