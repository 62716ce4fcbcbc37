// SQLBindParameter, SQLNumParams, SQLDescribeParam.
#include "api/entry.h"
#include "api/value_out.h"
#include "core/call_trace.h"
#include "core/statement.h"
#include "odbc/odbc_error.h"

#include <sql.h>
#include <sqlext.h>

using rsodbc::api::entry;
using rsodbc::api::store;
using rsodbc::core::Statement;

namespace {}  // namespace

extern "C" {

SQLRETURN SQL_API SQLBindParameter(SQLHSTMT statement, SQLUSMALLINT number, SQLSMALLINT io_type,
                                   SQLSMALLINT c_type, SQLSMALLINT sql_type, SQLULEN column_size,
                                   SQLSMALLINT decimal_digits, SQLPOINTER data,
                                   SQLLEN buffer_length, SQLLEN* indicator) {
    RSODBC_API_CALL(statement, number, io_type, c_type, sql_type, column_size, decimal_digits, data,
                    buffer_length, indicator);
    return entry<Statement>(statement, [&](Statement& s) {
        s.bind_parameter({number, io_type, c_type, sql_type, column_size, decimal_digits, data,
                          buffer_length, indicator});
    });
}

SQLRETURN SQL_API SQLNumParams(SQLHSTMT statement, SQLSMALLINT* count) {
    RSODBC_API_CALL(statement, count);
    return entry<Statement>(statement, [&](Statement& s) { store(count, s.parameter_count()); });
}

SQLRETURN SQL_API SQLDescribeParam(SQLHSTMT statement, SQLUSMALLINT number, SQLSMALLINT* sql_type,
                                   SQLULEN* size, SQLSMALLINT* decimal_digits,
                                   SQLSMALLINT* nullable) {
    RSODBC_API_CALL(statement, number, sql_type, size, decimal_digits, nullable);
    return entry<Statement>(statement, [&](Statement& s) {
        const rsodbc::core::ParameterDescription description = s.describe_parameter(number);
        store(sql_type, description.sql_type);
        store(size, description.size);
        store(decimal_digits, description.decimal_digits);
        store(nullable, description.nullable);
    });
}

}  // extern "C"
