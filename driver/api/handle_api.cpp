// SQLAllocHandle, SQLFreeHandle, SQLFreeStmt.
#include "api/entry.h"
#include "core/call_trace.h"
#include "core/connection.h"
#include "core/descriptor.h"
#include "core/environment.h"
#include "core/statement.h"
#include "odbc/odbc_error.h"

#include <sql.h>
#include <sqlext.h>

#include <memory>

using rsodbc::api::entry;
using rsodbc::api::freeing_entry;
using rsodbc::core::Connection;
using rsodbc::core::Descriptor;
using rsodbc::core::Environment;
using rsodbc::core::Handle;
using rsodbc::core::Statement;
using rsodbc::odbc::OdbcError;
namespace sqlstate = rsodbc::sqlstate;

namespace {

void require_output(const SQLHANDLE* output) {
    if (output == nullptr) {
        throw OdbcError(sqlstate::invalid_use_of_null_pointer,
                        "invalid use of null pointer: OutputHandlePtr must not be NULL");
    }
}

SQLRETURN allocate_environment(SQLHANDLE* output) {
    if (output == nullptr) {
        return SQL_ERROR;  // no handle exists yet to carry a diagnostic
    }
    try {
        // The application owns the environment until SQLFreeHandle: ownership crosses the C
        // boundary here and comes back in SQLFreeHandle.
        *output = std::make_unique<Environment>().release()->as_raw();
        return SQL_SUCCESS;
    } catch (...) {
        *output = SQL_NULL_HENV;
        return SQL_ERROR;
    }
}

SQLRETURN free_environment(Environment& environment) {
    const auto guard = environment.lock();
    environment.diagnostics().clear();
    if (environment.has_connections()) {
        environment.diagnostics().add_error(
            sqlstate::function_sequence_error,
            "[redshift-odbc] function sequence error: free the connections of this environment "
            "first");
        return SQL_ERROR;
    }
    // SQLFreeHandle destroys it once this guard has released the environment's own lock.
    return SQL_SUCCESS;
}

SQLRETURN free_connection(Connection& connection) {
    // The connection's own lock dies with it, so its parent's lock guards the removal.
    Environment& environment = connection.environment();
    const auto guard = environment.lock();
    connection.diagnostics().clear();
    if (connection.connected()) {
        connection.diagnostics().add_error(
            sqlstate::function_sequence_error,
            "[redshift-odbc] function sequence error: disconnect before freeing the connection");
        return SQL_ERROR;
    }
    environment.free_connection(connection);
    return SQL_SUCCESS;
}

SQLRETURN free_statement_handle(Statement& statement) {
    const auto guard = statement.lock();  // the connection's lock, which outlives the statement
    statement.connection().free_statement(statement);
    return SQL_SUCCESS;
}

// Explicitly allocated descriptors only: implicit ones are freed with their statement (HY017).
SQLRETURN free_descriptor(Descriptor& descriptor) {
    const auto guard = descriptor.lock();  // the connection's lock, which outlives it
    descriptor.diagnostics().clear();
    if (!descriptor.explicitly_allocated()) {
        descriptor.diagnostics().add_error(
            rsodbc::sqlstate::invalid_use_of_automatic_descriptor,
            "[redshift-odbc] invalid use of an automatically allocated descriptor handle");
        return SQL_ERROR;
    }
    descriptor.owner()->free_descriptor(descriptor);
    return SQL_SUCCESS;
}

}  // namespace

extern "C" {

SQLRETURN SQL_API SQLAllocHandle(SQLSMALLINT type, SQLHANDLE input, SQLHANDLE* output) {
    RSODBC_API_CALL(type, input, output);
    switch (type) {
        case SQL_HANDLE_ENV: {
            const SQLRETURN rc = allocate_environment(output);
            rsodbc::core::CallTrace::note_result(rc);
            return rc;
        }
        case SQL_HANDLE_DBC:
            return entry<Environment>(input, [&](Environment& environment) {
                require_output(output);
                *output = SQL_NULL_HDBC;
                *output = environment.allocate_connection().as_raw();
            });
        case SQL_HANDLE_STMT:
            return entry<Connection>(input, [&](Connection& connection) {
                require_output(output);
                *output = SQL_NULL_HSTMT;
                *output = connection.allocate_statement().as_raw();
            });
        case SQL_HANDLE_DESC:
            return entry<Connection>(input, [&](Connection& connection) {
                require_output(output);
                *output = SQL_NULL_HDESC;
                *output = connection.allocate_descriptor().as_raw();
            });
        default:
            // HY092 belongs to the driver manager; there is no handle to carry it.
            rsodbc::core::CallTrace::note_result(SQL_ERROR);
            return SQL_ERROR;
    }
}

SQLRETURN SQL_API SQLFreeHandle(SQLSMALLINT type, SQLHANDLE handle) {
    RSODBC_API_CALL(type, handle);
    switch (type) {
        case SQL_HANDLE_ENV:
            return freeing_entry<Environment>(handle, [](Environment& environment) {
                const SQLRETURN rc = free_environment(environment);
                if (rc == SQL_SUCCESS) {
                    // The application owned it since SQLAllocHandle (allocate_environment).
                    const std::unique_ptr<Environment> owned(&environment);
                }
                return rc;
            });
        case SQL_HANDLE_DBC:
            return freeing_entry<Connection>(handle, free_connection);
        case SQL_HANDLE_STMT:
            return freeing_entry<Statement>(handle, free_statement_handle);
        case SQL_HANDLE_DESC:
            return freeing_entry<Descriptor>(handle, free_descriptor);
        default:
            rsodbc::core::CallTrace::note_result(SQL_INVALID_HANDLE);
            return SQL_INVALID_HANDLE;
    }
}

SQLRETURN SQL_API SQLCancel(SQLHSTMT statement) {
    RSODBC_API_CALL(statement);
    auto* target = Handle::from<Statement>(statement);
    if (target == nullptr) {
        return SQL_INVALID_HANDLE;
    }
    // Executing on another thread, which holds the connection's lock: the server is asked to stop
    // it without the lock (that call then fails with HY008). Only this statement's own query: on
    // a connection shared by several statements another one may be the one running.
    if (target->request_cancel()) {
        return SQL_SUCCESS;
    }
    // Not executing. ODBC 3: no effect, except ending a data-at-execution sequence. Nothing is
    // touched otherwise, not even the statement's diagnostics, which another thread may be about
    // to read, and the lock is not waited for (another statement's call may hold it for long).
    if (!target->awaiting_data()) {
        return SQL_SUCCESS;
    }
    return entry<Statement>(statement, [](Statement& s) { s.cancel(); });
}

SQLRETURN SQL_API SQLFreeStmt(SQLHSTMT statement, SQLUSMALLINT option) {
    RSODBC_API_CALL(statement, option);
    if (option == SQL_DROP) {
        return freeing_entry<Statement>(statement, free_statement_handle);
    }
    return entry<Statement>(statement, [&](Statement& s) { s.free_statement(option); });
}

}  // extern "C"
