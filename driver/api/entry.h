#pragma once
// The one wrapper every exported function goes through: validate the handle (SQL_INVALID_HANDLE
// otherwise), lock it, clear its diagnostics, run the body, turn exceptions into diagnostic
// records, and derive the return code from the records.
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
        return SQL_INVALID_HANDLE;
    }
    constexpr bool returns_void = std::is_void_v<std::invoke_result_t<Body, H&>>;
    try {
        const auto guard = handle->lock();
        if constexpr (!returns_void) {
            if (options.reads_diagnostics) {
                return body(*handle);
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
        if (rc == SQL_ERROR) {
            handle->after_failed_call();
        }
        return rc;
    } catch (...) {
        return SQL_ERROR;  // the lock itself failed (system error): nothing else is safe
    }
}

}  // namespace rsodbc::api
