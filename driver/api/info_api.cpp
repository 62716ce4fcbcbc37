// SQLGetInfo, SQLGetTypeInfo, SQLGetFunctions.
#include "api/entry.h"
#include "api/text_out.h"
#include "api/value_out.h"
#include "catalog/functions.h"
#include "catalog/info_table.h"
#include "core/call_trace.h"
#include "core/connection.h"
#include "core/statement.h"
#include "odbc/odbc_error.h"

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include <variant>

using rsodbc::api::entry;
using rsodbc::api::text_out;
using rsodbc::api::Units;
using rsodbc::api::value_out;
using rsodbc::core::Connection;
using rsodbc::odbc::OdbcError;
namespace sqlstate = rsodbc::sqlstate;

namespace {

template <class Char>
SQLRETURN get_info(SQLHDBC dbc, SQLUSMALLINT info_type, SQLPOINTER value, SQLSMALLINT capacity,
                   SQLSMALLINT* length) {
    return entry<Connection>(dbc, [&](Connection& c) {
        const auto info = rsodbc::catalog::info_value(info_type, c.info_context(info_type));
        if (!info) {
            throw OdbcError(sqlstate::invalid_information_type,
                            "invalid information type: SQLGetInfo InfoType "
                                + std::to_string(info_type) + " is not supported");
        }
        std::visit(
            [&](const auto& answer) {
                using T = std::decay_t<decltype(answer)>;
                if constexpr (std::is_same_v<T, std::string>) {
                    // SQLGetInfoW counts bytes.
                    text_out(answer, static_cast<Char*>(value), capacity, length, Units::bytes,
                             c.diagnostics());
                } else {
                    value_out(answer, value, length);
                }
            },
            *info);
    });
}

// SQLGetTypeInfo and SQLGetTypeInfoW (no text arguments: one body).
SQLRETURN get_type_info(SQLHSTMT statement, SQLSMALLINT sql_type) {
    return entry<rsodbc::core::Statement>(
        statement, [&](rsodbc::core::Statement& s) { s.type_info(sql_type); });
}

}  // namespace

extern "C" {

SQLRETURN SQL_API SQLGetInfo(SQLHDBC dbc, SQLUSMALLINT info_type, SQLPOINTER value,
                             SQLSMALLINT capacity, SQLSMALLINT* length) {
    RSODBC_API_CALL(dbc, info_type, value, capacity, length);
    return get_info<SQLCHAR>(dbc, info_type, value, capacity, length);
}

SQLRETURN SQL_API SQLGetInfoW(SQLHDBC dbc, SQLUSMALLINT info_type, SQLPOINTER value,
                              SQLSMALLINT capacity, SQLSMALLINT* length) {
    RSODBC_API_CALL(dbc, info_type, value, capacity, length);
    return get_info<SQLWCHAR>(dbc, info_type, value, capacity, length);
}

SQLRETURN SQL_API SQLGetTypeInfo(SQLHSTMT statement, SQLSMALLINT sql_type) {
    RSODBC_API_CALL(statement, sql_type);
    return get_type_info(statement, sql_type);
}

// Never SQLGetTypeInfo by name: in a program linked with -lodbc that name is the driver
// manager's own function, which would be handed our statement handle (issue 11).
SQLRETURN SQL_API SQLGetTypeInfoW(SQLHSTMT statement, SQLSMALLINT sql_type) {
    RSODBC_API_CALL(statement, sql_type);
    return get_type_info(statement, sql_type);
}

SQLRETURN SQL_API SQLGetFunctions(SQLHDBC dbc, SQLUSMALLINT function_id, SQLUSMALLINT* supported) {
    RSODBC_API_CALL(dbc, function_id, supported);
    return entry<Connection>(dbc, [&](Connection&) {
        if (supported == nullptr) {
            throw OdbcError(sqlstate::invalid_use_of_null_pointer,
                            "invalid use of null pointer: SupportedPtr must not be NULL");
        }
        if (function_id == SQL_API_ODBC3_ALL_FUNCTIONS) {
            rsodbc::catalog::fill_odbc3_bitmap(supported);
        } else if (function_id == SQL_API_ALL_FUNCTIONS) {
            rsodbc::catalog::fill_odbc2_array(supported);
        } else {
            *supported = rsodbc::catalog::function_supported(function_id) ? SQL_TRUE : SQL_FALSE;
        }
    });
}

}  // extern "C"
