// SQLConnect, SQLDriverConnect, SQLDisconnect, SQLEndTran, SQLSetConnectAttr, SQLGetConnectAttr.
#include "api/entry.h"
#include "api/text_in.h"
#include "api/text_out.h"
#include "api/value_out.h"
#include "core/call_trace.h"
#include "core/connection.h"
#include "core/environment.h"
#include "odbc/odbc_error.h"

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

using rsodbc::api::entry;
using rsodbc::api::required_text_in;
using rsodbc::api::text_in;
using rsodbc::api::text_in_bytes;
using rsodbc::api::text_out;
using rsodbc::api::Units;
using rsodbc::api::value_out;
using rsodbc::core::AttributeValue;
using rsodbc::core::Connection;
using rsodbc::core::Environment;
using rsodbc::odbc::OdbcError;
namespace sqlstate = rsodbc::sqlstate;

namespace {

template <class Char>
SQLRETURN connect(SQLHDBC dbc, Char* dsn, SQLSMALLINT dsn_length, Char* user,
                  SQLSMALLINT user_length, Char* password, SQLSMALLINT password_length) {
    return entry<Connection>(dbc, [&](Connection& c) {
        c.connect(required_text_in(dsn, dsn_length, "ServerName"), text_in(user, user_length),
                  text_in(password, password_length));
    });
}

void check_completion(SQLUSMALLINT completion) {
    switch (completion) {
        case SQL_DRIVER_NOPROMPT:
        case SQL_DRIVER_COMPLETE:
        case SQL_DRIVER_COMPLETE_REQUIRED:
        case SQL_DRIVER_PROMPT:
            return;  // the driver has no dialog: every mode connects with what it was given
        default:
            throw OdbcError(sqlstate::invalid_driver_completion,
                            "invalid driver completion: " + std::to_string(completion));
    }
}

template <class Char>
SQLRETURN driver_connect(SQLHDBC dbc, Char* in, SQLSMALLINT in_length, Char* out,
                         SQLSMALLINT out_capacity, SQLSMALLINT* out_length,
                         SQLUSMALLINT completion) {
    return entry<Connection>(dbc, [&](Connection& c) {
        check_completion(completion);
        const std::string completed =
            c.driver_connect(required_text_in(in, in_length, "InConnectionString"));
        text_out(completed, out, out_capacity, out_length, Units::characters, c.diagnostics());
    });
}

// String-valued connection attributes; every other attribute is an integer in the pointer.
bool is_text_attribute(SQLINTEGER attribute) {
    return attribute == SQL_ATTR_CURRENT_CATALOG || attribute == SQL_ATTR_TRACEFILE
           || attribute == SQL_ATTR_TRANSLATE_LIB;
}

template <class Char>
SQLRETURN set_connect_attr(SQLHDBC dbc, SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER length) {
    return entry<Connection>(dbc, [&](Connection& c) {
        AttributeValue converted;
        if (is_text_attribute(attribute)) {
            // StringLength counts bytes, also for the wide function.
            converted.text = text_in_bytes(static_cast<const Char*>(value), length);
        } else {
            converted.number = reinterpret_cast<SQLULEN>(value);  // NOLINT: integer in a pointer
        }
        c.set_attribute(attribute, converted);
    });
}

template <class Char>
SQLRETURN get_connect_attr(SQLHDBC dbc, SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER capacity,
                           SQLINTEGER* length) {
    return entry<Connection>(dbc, [&](Connection& c) {
        const AttributeValue result = c.get_attribute(attribute);
        if (result.text) {
            text_out(*result.text, static_cast<Char*>(value), capacity, length, Units::bytes,
                     c.diagnostics());
        } else {
            value_out(static_cast<SQLUINTEGER>(result.number), value, length);
        }
    });
}

}  // namespace

extern "C" {

SQLRETURN SQL_API SQLConnect(SQLHDBC dbc, SQLCHAR* dsn, SQLSMALLINT dsn_length, SQLCHAR* user,
                             SQLSMALLINT user_length, SQLCHAR* password,
                             SQLSMALLINT password_length) {
    RSODBC_API_CALL(dbc, dsn, dsn_length, user, user_length, password, password_length);
    return connect(dbc, dsn, dsn_length, user, user_length, password, password_length);
}

SQLRETURN SQL_API SQLConnectW(SQLHDBC dbc, SQLWCHAR* dsn, SQLSMALLINT dsn_length, SQLWCHAR* user,
                              SQLSMALLINT user_length, SQLWCHAR* password,
                              SQLSMALLINT password_length) {
    RSODBC_API_CALL(dbc, dsn, dsn_length, user, user_length, password, password_length);
    return connect(dbc, dsn, dsn_length, user, user_length, password, password_length);
}

SQLRETURN SQL_API SQLDriverConnect(SQLHDBC dbc, SQLHWND /*window*/, SQLCHAR* in,
                                   SQLSMALLINT in_length, SQLCHAR* out, SQLSMALLINT out_capacity,
                                   SQLSMALLINT* out_length, SQLUSMALLINT completion) {
    RSODBC_API_CALL(dbc, in, in_length, out, out_capacity, out_length, completion);
    return driver_connect(dbc, in, in_length, out, out_capacity, out_length, completion);
}

SQLRETURN SQL_API SQLDriverConnectW(SQLHDBC dbc, SQLHWND /*window*/, SQLWCHAR* in,
                                    SQLSMALLINT in_length, SQLWCHAR* out, SQLSMALLINT out_capacity,
                                    SQLSMALLINT* out_length, SQLUSMALLINT completion) {
    RSODBC_API_CALL(dbc, in, in_length, out, out_capacity, out_length, completion);
    return driver_connect(dbc, in, in_length, out, out_capacity, out_length, completion);
}

SQLRETURN SQL_API SQLDisconnect(SQLHDBC dbc) {
    RSODBC_API_CALL(dbc);
    return entry<Connection>(dbc, [](Connection& c) { c.disconnect(); });
}

SQLRETURN SQL_API SQLEndTran(SQLSMALLINT handle_type, SQLHANDLE handle, SQLSMALLINT completion) {
    RSODBC_API_CALL(handle_type, handle, completion);
    if (handle_type == SQL_HANDLE_ENV) {
        return entry<Environment>(handle, [&](Environment& e) { e.end_transaction(completion); });
    }
    if (handle_type == SQL_HANDLE_DBC) {
        return entry<Connection>(handle, [&](Connection& c) { c.end_transaction(completion); });
    }
    return SQL_INVALID_HANDLE;
}

SQLRETURN SQL_API SQLSetConnectAttr(SQLHDBC dbc, SQLINTEGER attribute, SQLPOINTER value,
                                    SQLINTEGER length) {
    RSODBC_API_CALL(dbc, attribute, value, length);
    return set_connect_attr<SQLCHAR>(dbc, attribute, value, length);
}

SQLRETURN SQL_API SQLSetConnectAttrW(SQLHDBC dbc, SQLINTEGER attribute, SQLPOINTER value,
                                     SQLINTEGER length) {
    RSODBC_API_CALL(dbc, attribute, value, length);
    return set_connect_attr<SQLWCHAR>(dbc, attribute, value, length);
}

SQLRETURN SQL_API SQLGetConnectAttr(SQLHDBC dbc, SQLINTEGER attribute, SQLPOINTER value,
                                    SQLINTEGER capacity, SQLINTEGER* length) {
    RSODBC_API_CALL(dbc, attribute, value, capacity, length);
    return get_connect_attr<SQLCHAR>(dbc, attribute, value, capacity, length);
}

SQLRETURN SQL_API SQLGetConnectAttrW(SQLHDBC dbc, SQLINTEGER attribute, SQLPOINTER value,
                                     SQLINTEGER capacity, SQLINTEGER* length) {
    RSODBC_API_CALL(dbc, attribute, value, capacity, length);
    return get_connect_attr<SQLWCHAR>(dbc, attribute, value, capacity, length);
}

}  // extern "C"
