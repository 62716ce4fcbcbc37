#pragma once
// The one wrapper every exported function goes through: validate the handle (SQL_INVALID_HANDLE
// otherwise), lock it, clear its diagnostics, run the body, turn exceptions into diagnostic
// records, derive the return code from the records, and log the records and the return code
// (core/call_trace.h: the exported function opened the call's trace with RSODBC_API_CALL).
#include "core/call_trace.h"
#include "core/handle.h"

#include <sql.h>

#include <type_traits>

namespace rsodbc::api {

struct EntryOptions {
    // SQLGetDiagRec/SQLGetDiagField read the records of the previous call: they neither clear
    // them nor let them change their own return code.
    bool reads_diagnostics = false;
};

template <class H, class Body>
SQLRETURN entry(SQLHANDLE raw, Body&& body, EntryOptions options = {}) noexcept {
    H* handle = core::Handle::from<H>(raw);
    if (handle == nullptr) {
        core::CallTrace::note_result(SQL_INVALID_HANDLE);
        return SQL_INVALID_HANDLE;
    }
    constexpr bool returns_void = std::is_void_v<std::invoke_result_t<Body, H&>>;
    try {
        const auto guard = handle->lock();
        if constexpr (!returns_void) {
            if (options.reads_diagnostics) {
                const SQLRETURN rc = body(*handle);
                core::CallTrace::note_result(rc);
                return rc;
            }
        }
        handle->diagnostics().clear();
        SQLRETURN rc = SQL_SUCCESS;
        try {
            if constexpr (returns_void) {
                body(*handle);
                rc = handle->diagnostics().finish(SQL_SUCCESS);
            } else {
                rc = handle->diagnostics().finish(body(*handle));
            }
        } catch (...) {
            rc = handle->diagnostics().record_current_exception();
        }
        core::log_diagnostics(handle, handle->diagnostics(), rc);
        if (rc == SQL_ERROR) {
            handle->after_failed_call();
        }
        core::CallTrace::note_result(rc);
        return rc;
    } catch (...) {
        return SQL_ERROR;  // the lock itself failed (system error): nothing else is safe
    }
}

// The wrapper for the calls that free the handle they are given (SQLFreeHandle, SQLFreeStmt with
// SQL_DROP): `entry` cannot serve, because it locks the handle and reads its diagnostics after the
// body, when the handle is gone. `body` takes its own lock (a freed handle's lock may die with it),
// clears and posts diagnostics itself, and frees the handle only on success; so on SQL_ERROR the
// handle is still alive and its records are logged like any call's.
template <class H, class Body>
SQLRETURN freeing_entry(SQLHANDLE raw, Body&& body) noexcept {
    H* handle = core::Handle::from<H>(raw);
    SQLRETURN rc = SQL_INVALID_HANDLE;
    if (handle != nullptr) {
        try {
            rc = body(*handle);
            if (rc == SQL_ERROR) {
                core::log_diagnostics(handle, handle->diagnostics(), rc);
            }
        } catch (...) {
            rc = SQL_ERROR;  // a failed lock (system error): the handle was not freed
        }
    }
    core::CallTrace::note_result(rc);
    return rc;
}

}  // namespace rsodbc::api
