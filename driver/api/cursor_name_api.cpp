// SQLSetCursorName(W), SQLGetCursorName(W): core/statement_cursor_name.cpp. BufferLength and
// NameLength count characters in both forms (bytes for ANSI, UTF-16 code units for W).
#include "api/entry.h"
#include "api/text_in.h"
#include "api/text_out.h"
#include "core/call_trace.h"
#include "core/statement.h"
#include "odbc/odbc_error.h"

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

using rsodbc::api::entry;
using rsodbc::api::required_text_in;
using rsodbc::api::text_out;
using rsodbc::api::Units;
using rsodbc::core::Statement;
using rsodbc::odbc::OdbcError;
namespace sqlstate = rsodbc::sqlstate;

namespace {

template <class Char>
SQLRETURN set_cursor_name(SQLHSTMT statement, Char* name, SQLSMALLINT length) {
    return entry<Statement>(statement, [&](Statement& s) {
        s.set_cursor_name(required_text_in(name, length, "CursorName"));
    });
}

template <class Char>
SQLRETURN get_cursor_name(SQLHSTMT statement, Char* name, SQLSMALLINT capacity,
                          SQLSMALLINT* length) {
    return entry<Statement>(statement, [&](Statement& s) {
        if (capacity < 0) {
            throw OdbcError(sqlstate::invalid_string_or_buffer_length,
                            "invalid string or buffer length: BufferLength is negative");
        }
        text_out(s.cursor_name(), name, name == nullptr ? 0 : capacity, length, Units::characters,
                 s.diagnostics());
    });
}

}  // namespace

extern "C" {

SQLRETURN SQL_API SQLSetCursorName(SQLHSTMT statement, SQLCHAR* name, SQLSMALLINT length) {
    RSODBC_API_CALL(statement, name, length);
    return set_cursor_name(statement, name, length);
}

SQLRETURN SQL_API SQLSetCursorNameW(SQLHSTMT statement, SQLWCHAR* name, SQLSMALLINT length) {
    RSODBC_API_CALL(statement, name, length);
    return set_cursor_name(statement, name, length);
}

SQLRETURN SQL_API SQLGetCursorName(SQLHSTMT statement, SQLCHAR* name, SQLSMALLINT capacity,
                                   SQLSMALLINT* length) {
    RSODBC_API_CALL(statement, name, capacity, length);
    return get_cursor_name(statement, name, capacity, length);
}

SQLRETURN SQL_API SQLGetCursorNameW(SQLHSTMT statement, SQLWCHAR* name, SQLSMALLINT capacity,
                                    SQLSMALLINT* length) {
    RSODBC_API_CALL(statement, name, capacity, length);
    return get_cursor_name(statement, name, capacity, length);
}

}  // extern "C"
