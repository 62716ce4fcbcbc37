// SQLNumResultCols, SQLDescribeCol, SQLColAttribute, SQLFetch(Scroll), SQLExtendedFetch,
// SQLSetPos, SQLGetData, SQLBindCol.
#include "api/entry.h"
#include "api/text_out.h"
#include "api/value_out.h"
#include "core/call_trace.h"
#include "core/column_attributes.h"
#include "core/statement.h"
#include "odbc/odbc_error.h"

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

using rsodbc::api::entry;
using rsodbc::api::store;
using rsodbc::api::text_out;
using rsodbc::api::Units;
using rsodbc::core::ColumnDescription;
using rsodbc::core::Statement;
using rsodbc::odbc::OdbcError;
namespace sqlstate = rsodbc::sqlstate;

namespace {

template <class Char>
SQLRETURN describe_col(SQLHSTMT statement, SQLUSMALLINT number, Char* name,
                       SQLSMALLINT name_capacity, SQLSMALLINT* name_length, SQLSMALLINT* sql_type,
                       SQLULEN* column_size, SQLSMALLINT* decimal_digits, SQLSMALLINT* nullable) {
    return entry<Statement>(statement, [&](Statement& s) {
        const ColumnDescription& column = s.column_with_nullability(number);
        text_out(column.name, name, name_capacity, name_length, Units::characters, s.diagnostics());
        store(sql_type, column.type.sql_type);
        store(column_size, rsodbc::core::described_size(column));
        store(decimal_digits, column.type.decimal_digits);
        store(nullable, column.nullable);
    });
}

template <class Char>
SQLRETURN col_attribute(SQLHSTMT statement, SQLUSMALLINT number, SQLUSMALLINT field,
                        SQLPOINTER text, SQLSMALLINT text_capacity, SQLSMALLINT* text_length,
                        SQLLEN* numeric) {
    return entry<Statement>(statement, [&](Statement& s) {
        if (field == SQL_DESC_COUNT || field == SQL_COLUMN_COUNT) {
            store(numeric, static_cast<SQLLEN>(s.column_count()));
            return;
        }
        const bool needs_nullability =
            field == SQL_DESC_NULLABLE || field == SQL_COLUMN_NULLABLE
            || field == SQL_DESC_BASE_TABLE_NAME || field == SQL_DESC_TABLE_NAME
            || field == SQL_DESC_SCHEMA_NAME || field == SQL_DESC_CATALOG_NAME
            || field == SQL_DESC_BASE_COLUMN_NAME
            || field == SQL_DESC_AUTO_UNIQUE_VALUE;  // = SQL_COLUMN_AUTO_INCREMENT
        const auto attribute = rsodbc::core::column_attribute(
            needs_nullability ? s.column_with_nullability(number) : s.column(number), field);
        if (attribute.text) {
            // SQLColAttributeW counts bytes, unlike SQLDescribeColW.
            text_out(*attribute.text, static_cast<Char*>(text), text_capacity, text_length,
                     Units::bytes, s.diagnostics());
        } else {
            store(numeric, attribute.number);
        }
    });
}

}  // namespace

extern "C" {

SQLRETURN SQL_API SQLNumResultCols(SQLHSTMT statement, SQLSMALLINT* count) {
    RSODBC_API_CALL(statement, count);
    return entry<Statement>(statement, [&](Statement& s) {
        if (count == nullptr) {
            throw OdbcError(sqlstate::invalid_use_of_null_pointer,
                            "invalid use of null pointer: ColumnCountPtr must not be NULL");
        }
        *count = s.column_count();
    });
}

SQLRETURN SQL_API SQLDescribeCol(SQLHSTMT statement, SQLUSMALLINT number, SQLCHAR* name,
                                 SQLSMALLINT name_capacity, SQLSMALLINT* name_length,
                                 SQLSMALLINT* sql_type, SQLULEN* column_size,
                                 SQLSMALLINT* decimal_digits, SQLSMALLINT* nullable) {
    RSODBC_API_CALL(statement, number, name, name_capacity, name_length, sql_type, column_size,
                    decimal_digits, nullable);
    return describe_col(statement, number, name, name_capacity, name_length, sql_type, column_size,
                        decimal_digits, nullable);
}

SQLRETURN SQL_API SQLDescribeColW(SQLHSTMT statement, SQLUSMALLINT number, SQLWCHAR* name,
                                  SQLSMALLINT name_capacity, SQLSMALLINT* name_length,
                                  SQLSMALLINT* sql_type, SQLULEN* column_size,
                                  SQLSMALLINT* decimal_digits, SQLSMALLINT* nullable) {
    RSODBC_API_CALL(statement, number, name, name_capacity, name_length, sql_type, column_size,
                    decimal_digits, nullable);
    return describe_col(statement, number, name, name_capacity, name_length, sql_type, column_size,
                        decimal_digits, nullable);
}

SQLRETURN SQL_API SQLColAttribute(SQLHSTMT statement, SQLUSMALLINT number, SQLUSMALLINT field,
                                  SQLPOINTER text, SQLSMALLINT text_capacity,
                                  SQLSMALLINT* text_length, SQLLEN* numeric) {
    RSODBC_API_CALL(statement, number, field, text, text_capacity, text_length, numeric);
    return col_attribute<SQLCHAR>(statement, number, field, text, text_capacity, text_length,
                                  numeric);
}

SQLRETURN SQL_API SQLColAttributeW(SQLHSTMT statement, SQLUSMALLINT number, SQLUSMALLINT field,
                                   SQLPOINTER text, SQLSMALLINT text_capacity,
                                   SQLSMALLINT* text_length, SQLLEN* numeric) {
    RSODBC_API_CALL(statement, number, field, text, text_capacity, text_length, numeric);
    return col_attribute<SQLWCHAR>(statement, number, field, text, text_capacity, text_length,
                                   numeric);
}

SQLRETURN SQL_API SQLFetch(SQLHSTMT statement) {
    RSODBC_API_CALL(statement);
    return entry<Statement>(statement, [](Statement& s) { return s.fetch(); });
}

SQLRETURN SQL_API SQLFetchScroll(SQLHSTMT statement, SQLSMALLINT orientation, SQLLEN offset) {
    RSODBC_API_CALL(statement, orientation, offset);
    return entry<Statement>(statement,
                            [&](Statement& s) { return s.fetch_scroll(orientation, offset); });
}

SQLRETURN SQL_API SQLExtendedFetch(SQLHSTMT statement, SQLUSMALLINT orientation, SQLLEN offset,
                                   SQLULEN* rows_fetched, SQLUSMALLINT* row_status) {
    RSODBC_API_CALL(statement, orientation, offset, rows_fetched, row_status);
    return entry<Statement>(statement, [&](Statement& s) {
        return s.extended_fetch(orientation, offset, rows_fetched, row_status);
    });
}

SQLRETURN SQL_API SQLSetPos(SQLHSTMT statement, SQLSETPOSIROW row, SQLUSMALLINT operation,
                            SQLUSMALLINT lock) {
    RSODBC_API_CALL(statement, row, operation, lock);
    return entry<Statement>(statement, [&](Statement& s) {
        s.set_position(row, operation, lock);
        return SQL_SUCCESS;
    });
}

SQLRETURN SQL_API SQLGetData(SQLHSTMT statement, SQLUSMALLINT number, SQLSMALLINT c_type,
                             SQLPOINTER data, SQLLEN capacity, SQLLEN* indicator) {
    RSODBC_API_CALL(statement, number, c_type, data, capacity, indicator);
    return entry<Statement>(statement, [&](Statement& s) {
        return s.get_data({number, c_type, data, capacity, indicator});
    });
}

SQLRETURN SQL_API SQLBindCol(SQLHSTMT statement, SQLUSMALLINT number, SQLSMALLINT c_type,
                             SQLPOINTER data, SQLLEN capacity, SQLLEN* indicator) {
    RSODBC_API_CALL(statement, number, c_type, data, capacity, indicator);
    return entry<Statement>(
        statement, [&](Statement& s) { s.bind_column(number, c_type, data, capacity, indicator); });
}

}  // extern "C"
