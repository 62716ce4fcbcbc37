// SQLGetDiagRec, SQLGetDiagField.
#include "api/entry.h"
#include "api/text_out.h"
#include "api/value_out.h"
#include "core/call_trace.h"
#include "core/connection.h"
#include "core/descriptor.h"
#include "core/environment.h"
#include "core/statement.h"
#include "odbc/sqlstate.h"

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include <cstring>
#include <string>

using rsodbc::api::entry;
using rsodbc::api::EntryOptions;
using rsodbc::api::text_out;
using rsodbc::api::Units;
using rsodbc::api::value_out;
using rsodbc::core::Handle;
using rsodbc::odbc::Diagnostics;
using rsodbc::odbc::DiagRecord;

namespace {

// Runs `body` on whichever kind of handle `raw` is, without clearing its diagnostics.
template <class Body>
SQLRETURN with_handle(SQLSMALLINT type, SQLHANDLE raw, Body&& body) {
    constexpr EntryOptions reads{true};
    switch (type) {
        case SQL_HANDLE_ENV:
            return entry<rsodbc::core::Environment>(raw, body, reads);
        case SQL_HANDLE_DBC:
            return entry<rsodbc::core::Connection>(raw, body, reads);
        case SQL_HANDLE_STMT:
            return entry<rsodbc::core::Statement>(raw, body, reads);
        case SQL_HANDLE_DESC:
            return entry<rsodbc::core::Descriptor>(raw, body, reads);
        default:
            return SQL_INVALID_HANDLE;
    }
}

// Truncation is reported by the return code only: these functions post no records of their own.
template <class Char, class Length>
SQLRETURN write_diag_text(const std::string& text, SQLPOINTER buffer, SQLLEN capacity,
                          Length* length, Units units) {
    if (capacity < 0) {
        return SQL_ERROR;
    }
    Diagnostics scratch;
    text_out(text, static_cast<Char*>(buffer), capacity, length, units, scratch);
    return scratch.records().empty() ? SQL_SUCCESS : SQL_SUCCESS_WITH_INFO;
}

template <class Char>
SQLRETURN get_diag_rec(SQLSMALLINT type, SQLHANDLE raw, SQLSMALLINT number, Char* state,
                       SQLINTEGER* native, Char* message, SQLSMALLINT capacity,
                       SQLSMALLINT* length) {
    return with_handle(type, raw, [&](Handle& handle) -> SQLRETURN {
        const auto& records = handle.diagnostics().records();
        if (number <= 0 || capacity < 0) {
            return SQL_ERROR;
        }
        if (static_cast<std::size_t>(number) > records.size()) {
            return SQL_NO_DATA;
        }
        const DiagRecord& record = records[static_cast<std::size_t>(number) - 1];
        if (state != nullptr) {
            write_diag_text<Char, SQLSMALLINT>(record.sqlstate, state, 6, nullptr,
                                               Units::characters);
        }
        if (native != nullptr) {
            *native = record.native_error;
        }
        return write_diag_text<Char>(record.message, message, capacity, length, Units::characters);
    });
}

std::string class_origin(const std::string& state) {
    return state.rfind("IM", 0) == 0 ? "ODBC 3.0" : "ISO 9075";
}

std::string subclass_origin(const std::string& state) {
    return rsodbc::sqlstate::subclass_defined_by_odbc(state) ? "ODBC 3.0" : "ISO 9075";
}

template <class Char>
SQLRETURN record_field(const DiagRecord& record, SQLSMALLINT field, SQLPOINTER value,
                       SQLSMALLINT capacity, SQLSMALLINT* length) {
    auto text = [&](const std::string& s) {
        return write_diag_text<Char>(s, value, capacity, length, Units::bytes);
    };
    switch (field) {
        case SQL_DIAG_SQLSTATE:
            return text(record.sqlstate);
        case SQL_DIAG_MESSAGE_TEXT:
            return text(record.message);
        case SQL_DIAG_CLASS_ORIGIN:
            return text(class_origin(record.sqlstate));
        case SQL_DIAG_SUBCLASS_ORIGIN:
            return text(subclass_origin(record.sqlstate));
        case SQL_DIAG_CONNECTION_NAME:
        case SQL_DIAG_SERVER_NAME:
            return text("");
        case SQL_DIAG_NATIVE:
            value_out(record.native_error, value);
            return SQL_SUCCESS;
        case SQL_DIAG_ROW_NUMBER:
            value_out(record.row_number, value);
            return SQL_SUCCESS;
        case SQL_DIAG_COLUMN_NUMBER:
            value_out(record.column_number, value);
            return SQL_SUCCESS;
        default:
            return SQL_ERROR;
    }
}

template <class Char>
SQLRETURN get_diag_field(SQLSMALLINT type, SQLHANDLE raw, SQLSMALLINT number, SQLSMALLINT field,
                         SQLPOINTER value, SQLSMALLINT capacity, SQLSMALLINT* length) {
    return with_handle(type, raw, [&](Handle& handle) -> SQLRETURN {
        const Diagnostics& diagnostics = handle.diagnostics();
        switch (field) {
            case SQL_DIAG_NUMBER:
                value_out(static_cast<SQLINTEGER>(diagnostics.records().size()), value);
                return SQL_SUCCESS;
            case SQL_DIAG_RETURNCODE:
                value_out(diagnostics.return_code(), value);
                return SQL_SUCCESS;
            case SQL_DIAG_ROW_COUNT:
            case SQL_DIAG_CURSOR_ROW_COUNT:
                if (type != SQL_HANDLE_STMT) {
                    return SQL_ERROR;
                }
                value_out(static_cast<rsodbc::core::Statement&>(handle).row_count(), value);
                return SQL_SUCCESS;
            case SQL_DIAG_DYNAMIC_FUNCTION:
                return write_diag_text<Char>("", value, capacity, length, Units::bytes);
            case SQL_DIAG_DYNAMIC_FUNCTION_CODE:
                value_out(SQLINTEGER{SQL_DIAG_UNKNOWN_STATEMENT}, value);
                return SQL_SUCCESS;
            default:
                break;
        }
        if (number <= 0) {
            return SQL_ERROR;
        }
        if (static_cast<std::size_t>(number) > diagnostics.records().size()) {
            return SQL_NO_DATA;
        }
        return record_field<Char>(diagnostics.records()[static_cast<std::size_t>(number) - 1],
                                  field, value, capacity, length);
    });
}

}  // namespace

extern "C" {

SQLRETURN SQL_API SQLGetDiagRec(SQLSMALLINT type, SQLHANDLE handle, SQLSMALLINT number,
                                SQLCHAR* state, SQLINTEGER* native, SQLCHAR* message,
                                SQLSMALLINT capacity, SQLSMALLINT* length) {
    RSODBC_API_CALL(type, handle, number, state, native, message, capacity, length);
    return get_diag_rec(type, handle, number, state, native, message, capacity, length);
}

SQLRETURN SQL_API SQLGetDiagRecW(SQLSMALLINT type, SQLHANDLE handle, SQLSMALLINT number,
                                 SQLWCHAR* state, SQLINTEGER* native, SQLWCHAR* message,
                                 SQLSMALLINT capacity, SQLSMALLINT* length) {
    RSODBC_API_CALL(type, handle, number, state, native, message, capacity, length);
    return get_diag_rec(type, handle, number, state, native, message, capacity, length);
}

SQLRETURN SQL_API SQLGetDiagField(SQLSMALLINT type, SQLHANDLE handle, SQLSMALLINT number,
                                  SQLSMALLINT field, SQLPOINTER value, SQLSMALLINT capacity,
                                  SQLSMALLINT* length) {
    RSODBC_API_CALL(type, handle, number, field, value, capacity, length);
    return get_diag_field<SQLCHAR>(type, handle, number, field, value, capacity, length);
}

SQLRETURN SQL_API SQLGetDiagFieldW(SQLSMALLINT type, SQLHANDLE handle, SQLSMALLINT number,
                                   SQLSMALLINT field, SQLPOINTER value, SQLSMALLINT capacity,
                                   SQLSMALLINT* length) {
    RSODBC_API_CALL(type, handle, number, field, value, capacity, length);
    return get_diag_field<SQLWCHAR>(type, handle, number, field, value, capacity, length);
}

}  // extern "C"
