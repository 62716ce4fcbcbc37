// SQLExecDirect, SQLPrepare, SQLExecute, SQLRowCount, SQLMoreResults, SQLCloseCursor,
// SQLSetStmtAttr, SQLGetStmtAttr.
#include "api/entry.h"
#include "api/text_in.h"
#include "api/value_out.h"
#include "core/call_trace.h"
#include "core/statement.h"
#include "odbc/odbc_error.h"

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

using rsodbc::api::entry;
using rsodbc::api::required_text_in;
using rsodbc::api::value_out;
using rsodbc::core::Statement;
using rsodbc::odbc::OdbcError;
namespace sqlstate = rsodbc::sqlstate;

namespace {

template <class Char>
SQLRETURN exec_direct(SQLHSTMT statement, Char* text, SQLINTEGER length) {
    return entry<Statement>(statement, [&](Statement& s) {
        return s.exec_direct(required_text_in(text, length, "StatementText"));
    });
}

template <class Char>
SQLRETURN prepare(SQLHSTMT statement, Char* text, SQLINTEGER length) {
    return entry<Statement>(statement, [&](Statement& s) {
        s.prepare(required_text_in(text, length, "StatementText"));
    });
}

SQLRETURN set_stmt_attr(SQLHSTMT statement, SQLINTEGER attribute, SQLPOINTER value) {
    return entry<Statement>(statement, [&](Statement& s) { s.set_attribute(attribute, value); });
}

SQLRETURN get_stmt_attr(SQLHSTMT statement, SQLINTEGER attribute, SQLPOINTER value,
                        SQLINTEGER* length) {
    return entry<Statement>(statement, [&](Statement& s) {
        if (value == nullptr) {
            throw OdbcError(sqlstate::invalid_use_of_null_pointer,
                            "invalid use of null pointer: ValuePtr must not be NULL");
        }
        // Every statement attribute implemented is an SQLULEN or a pointer of the same size.
        value_out(s.get_attribute(attribute), value, length);
    });
}

}  // namespace

extern "C" {

SQLRETURN SQL_API SQLExecDirect(SQLHSTMT statement, SQLCHAR* text, SQLINTEGER length) {
    RSODBC_API_CALL(statement, text, length);
    return exec_direct(statement, text, length);
}

SQLRETURN SQL_API SQLExecDirectW(SQLHSTMT statement, SQLWCHAR* text, SQLINTEGER length) {
    RSODBC_API_CALL(statement, text, length);
    return exec_direct(statement, text, length);
}

SQLRETURN SQL_API SQLPrepare(SQLHSTMT statement, SQLCHAR* text, SQLINTEGER length) {
    RSODBC_API_CALL(statement, text, length);
    return prepare(statement, text, length);
}

SQLRETURN SQL_API SQLPrepareW(SQLHSTMT statement, SQLWCHAR* text, SQLINTEGER length) {
    RSODBC_API_CALL(statement, text, length);
    return prepare(statement, text, length);
}

SQLRETURN SQL_API SQLExecute(SQLHSTMT statement) {
    RSODBC_API_CALL(statement);
    return entry<Statement>(statement, [](Statement& s) { return s.execute(); });
}

SQLRETURN SQL_API SQLParamData(SQLHSTMT statement, SQLPOINTER* token) {
    RSODBC_API_CALL(statement, token);
    return entry<Statement>(statement, [&](Statement& s) { return s.param_data(token); });
}

SQLRETURN SQL_API SQLPutData(SQLHSTMT statement, SQLPOINTER data, SQLLEN length) {
    RSODBC_API_CALL(statement, data, length);
    return entry<Statement>(statement, [&](Statement& s) { s.put_data(data, length); });
}

SQLRETURN SQL_API SQLRowCount(SQLHSTMT statement, SQLLEN* count) {
    RSODBC_API_CALL(statement, count);
    return entry<Statement>(statement, [&](Statement& s) {
        if (count == nullptr) {
            throw OdbcError(sqlstate::invalid_use_of_null_pointer,
                            "invalid use of null pointer: RowCountPtr must not be NULL");
        }
        *count = s.row_count();
    });
}

SQLRETURN SQL_API SQLMoreResults(SQLHSTMT statement) {
    RSODBC_API_CALL(statement);
    return entry<Statement>(statement, [](Statement& s) { return s.more_results(); });
}

SQLRETURN SQL_API SQLCloseCursor(SQLHSTMT statement) {
    RSODBC_API_CALL(statement);
    return entry<Statement>(statement, [](Statement& s) { s.close_cursor(); });
}

SQLRETURN SQL_API SQLSetStmtAttr(SQLHSTMT statement, SQLINTEGER attribute, SQLPOINTER value,
                                 SQLINTEGER /*length*/) {
    RSODBC_API_CALL(statement, attribute, value);
    return set_stmt_attr(statement, attribute, value);
}

SQLRETURN SQL_API SQLSetStmtAttrW(SQLHSTMT statement, SQLINTEGER attribute, SQLPOINTER value,
                                  SQLINTEGER /*length*/) {
    RSODBC_API_CALL(statement, attribute, value);
    return set_stmt_attr(statement, attribute, value);
}

SQLRETURN SQL_API SQLGetStmtAttr(SQLHSTMT statement, SQLINTEGER attribute, SQLPOINTER value,
                                 SQLINTEGER /*capacity*/, SQLINTEGER* length) {
    RSODBC_API_CALL(statement, attribute, value, length);
    return get_stmt_attr(statement, attribute, value, length);
}

SQLRETURN SQL_API SQLGetStmtAttrW(SQLHSTMT statement, SQLINTEGER attribute, SQLPOINTER value,
                                  SQLINTEGER /*capacity*/, SQLINTEGER* length) {
    RSODBC_API_CALL(statement, attribute, value, length);
    return get_stmt_attr(statement, attribute, value, length);
}

}  // extern "C"
