#include "odbc/diagnostics.h"

#include "odbc/odbc_error.h"
#include "wire/server_error.h"
#include "wire/sqlstate_map.h"

#include <new>

namespace rsodbc::odbc {

std::string driver_message(std::string_view text) {
    std::string message = "[redshift-odbc] ";
    message += text;
    return message;
}

void Diagnostics::clear() {
    records_.clear();
    return_code_ = SQL_SUCCESS;
    row_count_ = 0;
    out_of_memory_ = false;
}

void Diagnostics::add(DiagRecord record) {
    records_.push_back(std::move(record));
}

void Diagnostics::add_error(std::string_view state, std::string_view message, SQLINTEGER native) {
    add(DiagRecord{std::string(state), std::string(message), native});
}

void Diagnostics::add_warning(std::string_view state, std::string_view message) {
    add(DiagRecord{std::string(state), driver_message(message)});
}

SQLRETURN Diagnostics::finish(SQLRETURN rc) {
    if (rc == SQL_SUCCESS && !records_.empty()) {
        rc = SQL_SUCCESS_WITH_INFO;
    }
    return_code_ = rc;
    return rc;
}

namespace {

// The server reports a cancel and a statement_timeout with the same code (57014); ODBC tells them
// apart: HY008 for SQLCancel, HYT00 for a timeout. The wire layer marks the errors of a call the
// application cancelled (ServerError::cancel_requested); any other 57014 is the server stopping
// the statement on its own: SQL_ATTR_QUERY_TIMEOUT, or a statement_timeout the application set.
// The message text is never read: it is translated by the server's lc_messages.
std::string_view odbc_state_of(const wire::ServerError& error) {
    if (error.server_state() == sqlstate::server::query_canceled && !error.cancel_requested()) {
        return sqlstate::timeout_expired;
    }
    return wire::odbc_sqlstate_for(error.server_state());
}

std::string server_message(const wire::ServerError& error) {
    std::string message = "[redshift-odbc][server] ";
    message += error.what();
    if (!error.server_state().empty()) {
        message += " (server SQLSTATE ";
        message += error.server_state();
        message += ")";
    }
    if (!error.detail().empty()) {
        message += "\nDETAIL: ";
        message += error.detail();
    }
    if (!error.hint().empty()) {
        message += "\nHINT: ";
        message += error.hint();
    }
    return message;
}

}  // namespace

void Diagnostics::add_server_error(const wire::ServerError& error, SQLLEN row_number,
                                   std::string_view note) {
    std::string message = server_message(error);
    if (!note.empty()) {
        message += "\n";
        message += note;
    }
    add(DiagRecord{std::string(odbc_state_of(error)), std::move(message), 0, row_number});
}

SQLRETURN Diagnostics::record_current_exception() noexcept {
    return_code_ = SQL_ERROR;
    try {
        throw;
    } catch (const std::bad_alloc&) {
        out_of_memory_ = true;
    } catch (const OdbcError& error) {
        try {
            add_error(error.state(), driver_message(error.what()));
        } catch (...) {
            out_of_memory_ = true;
        }
    } catch (const wire::ServerError& error) {
        try {
            add_error(odbc_state_of(error), server_message(error));
        } catch (...) {
            out_of_memory_ = true;
        }
    } catch (const std::exception& error) {
        try {
            add_error(sqlstate::general_error, driver_message(error.what()));
        } catch (...) {
            out_of_memory_ = true;
        }
    } catch (...) {
        try {
            add_error(sqlstate::general_error, driver_message("unknown internal error"));
        } catch (...) {
            out_of_memory_ = true;
        }
    }
    if (out_of_memory_) {
        // Keep whatever records fit; the HY001 record reuses capacity reserved below when it can.
        try {
            records_.reserve(records_.size() + 1);
            records_.push_back(DiagRecord{std::string(sqlstate::memory_allocation_error),
                                          "[redshift-odbc] memory allocation error"});
        } catch (...) {
            records_.clear();  // no memory even for one record: SQL_ERROR without a record
        }
    }
    return SQL_ERROR;
}

}  // namespace rsodbc::odbc
