#include "types/c_types.h"

#include <sqlucode.h>

namespace rsodbc::types {

std::size_t fixed_c_type_size(SQLSMALLINT c_type) {
    switch (c_type) {
        case SQL_C_STINYINT:
        case SQL_C_UTINYINT:
        case SQL_C_TINYINT:
        case SQL_C_BIT:
            return 1;
        case SQL_C_SSHORT:
        case SQL_C_USHORT:
        case SQL_C_SHORT:
            return sizeof(SQLSMALLINT);
        case SQL_C_SLONG:
        case SQL_C_ULONG:
        case SQL_C_LONG:
            return sizeof(SQLINTEGER);
        case SQL_C_SBIGINT:
        case SQL_C_UBIGINT:
            return sizeof(SQLBIGINT);
        case SQL_C_FLOAT:
            return sizeof(SQLREAL);
        case SQL_C_DOUBLE:
            return sizeof(SQLDOUBLE);
        case SQL_C_NUMERIC:
            return sizeof(SQL_NUMERIC_STRUCT);
        case SQL_C_TYPE_DATE:
        case SQL_C_DATE:
            return sizeof(SQL_DATE_STRUCT);
        case SQL_C_TYPE_TIME:
        case SQL_C_TIME:
            return sizeof(SQL_TIME_STRUCT);
        case SQL_C_TYPE_TIMESTAMP:
        case SQL_C_TIMESTAMP:
            return sizeof(SQL_TIMESTAMP_STRUCT);
        case SQL_C_GUID:
            return sizeof(SQLGUID);
        case SQL_C_INTERVAL_YEAR:
        case SQL_C_INTERVAL_MONTH:
        case SQL_C_INTERVAL_DAY:
        case SQL_C_INTERVAL_HOUR:
        case SQL_C_INTERVAL_MINUTE:
        case SQL_C_INTERVAL_SECOND:
        case SQL_C_INTERVAL_YEAR_TO_MONTH:
        case SQL_C_INTERVAL_DAY_TO_HOUR:
        case SQL_C_INTERVAL_DAY_TO_MINUTE:
        case SQL_C_INTERVAL_DAY_TO_SECOND:
        case SQL_C_INTERVAL_HOUR_TO_MINUTE:
        case SQL_C_INTERVAL_HOUR_TO_SECOND:
        case SQL_C_INTERVAL_MINUTE_TO_SECOND:
            return sizeof(SQL_INTERVAL_STRUCT);
        default:
            return 0;
    }
}

bool is_integer_c_type(SQLSMALLINT c_type) {
    switch (c_type) {
        case SQL_C_STINYINT:
        case SQL_C_TINYINT:
        case SQL_C_UTINYINT:
        case SQL_C_SSHORT:
        case SQL_C_SHORT:
        case SQL_C_USHORT:
        case SQL_C_SLONG:
        case SQL_C_LONG:
        case SQL_C_ULONG:
        case SQL_C_SBIGINT:
        case SQL_C_UBIGINT:
            return true;
        default:
            return false;
    }
}

bool is_datetime_c_type(SQLSMALLINT c_type) {
    switch (c_type) {
        case SQL_C_TYPE_DATE:
        case SQL_C_TYPE_TIME:
        case SQL_C_TYPE_TIMESTAMP:
        case SQL_C_DATE:
        case SQL_C_TIME:
        case SQL_C_TIMESTAMP:
            return true;
        default:
            return false;
    }
}

bool is_interval_c_type(SQLSMALLINT c_type) {
    return c_type >= SQL_C_INTERVAL_YEAR && c_type <= SQL_C_INTERVAL_MINUTE_TO_SECOND;
}

bool is_known_c_type(SQLSMALLINT c_type) {
    return fixed_c_type_size(c_type) != 0 || c_type == SQL_C_CHAR || c_type == SQL_C_WCHAR
           || c_type == SQL_C_BINARY || c_type == SQL_C_DEFAULT;
}

}  // namespace rsodbc::types
