// SQLNativeSql, SQLNativeSqlW: the text the driver would send for a statement, ODBC escapes
// translated (Connection::native_sql, the same code statements run). `?` markers are left as
// they are: numbering them is part of executing, not of the SQL grammar.
#include "api/entry.h"
#include "api/text_in.h"
#include "api/text_out.h"
#include "core/call_trace.h"
#include "core/connection.h"
#include "odbc/odbc_error.h"

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

using rsodbc::api::entry;
using rsodbc::api::required_text_in;
using rsodbc::api::text_out;
using rsodbc::api::Units;
using rsodbc::core::Connection;
using rsodbc::odbc::OdbcError;
namespace sqlstate = rsodbc::sqlstate;

namespace {

// BufferLength and *TextLength2Ptr count characters in both forms (bytes for ANSI, UTF-16 code
// units for W); a NULL OutStatementText only asks for the length, whatever BufferLength says.
template <class Char>
SQLRETURN native_sql(SQLHDBC dbc, Char* in, SQLINTEGER in_length, Char* out, SQLINTEGER capacity,
                     SQLINTEGER* out_length) {
    return entry<Connection>(dbc, [&](Connection& c) {
        if (!c.connected()) {
            throw OdbcError(sqlstate::connection_not_open, "connection not open");
        }
        const std::string sql = required_text_in(in, in_length, "InStatementText");
        text_out(c.native_sql(sql), out, out == nullptr ? 0 : capacity, out_length,
                 Units::characters, c.diagnostics());
    });
}

}  // namespace

extern "C" {

SQLRETURN SQL_API SQLNativeSql(SQLHDBC dbc, SQLCHAR* in, SQLINTEGER in_length, SQLCHAR* out,
                               SQLINTEGER capacity, SQLINTEGER* out_length) {
    RSODBC_API_CALL(dbc, in, in_length, out, capacity, out_length);
    return native_sql(dbc, in, in_length, out, capacity, out_length);
}

SQLRETURN SQL_API SQLNativeSqlW(SQLHDBC dbc, SQLWCHAR* in, SQLINTEGER in_length, SQLWCHAR* out,
                                SQLINTEGER capacity, SQLINTEGER* out_length) {
    RSODBC_API_CALL(dbc, in, in_length, out, capacity, out_length);
    return native_sql(dbc, in, in_length, out, capacity, out_length);
}

}  // extern "C"
