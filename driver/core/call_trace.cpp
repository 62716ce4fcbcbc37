#include "core/call_trace.h"

#include "log/logger.h"

namespace rsodbc::core {

thread_local CallTrace* CallTrace::current_ = nullptr;

CallTrace::~CallTrace() {
    current_ = outer_;
    if (trace_on()) {
        if (has_rc_) {
            RSODBC_LOG(trace, "{} returned {}", name_, return_code_name(rc_));
        } else {
            RSODBC_LOG(trace, "{} returned", name_);
        }
    }
}

void CallTrace::note_result(SQLRETURN rc) noexcept {
    if (current_ != nullptr) {
        current_->rc_ = rc;
        current_->has_rc_ = true;
    }
}

const char* CallTrace::current_name() noexcept {
    return current_ == nullptr ? "an ODBC call" : current_->name_;
}

bool CallTrace::trace_on() noexcept {
    return log::enabled(spdlog::level::trace);
}

void CallTrace::log_enter(const std::string& arguments) const noexcept {
    try {
        log::logger().trace("{}({})", name_, arguments);
    } catch (...) {
        // A log line is never worth failing the call for.
    }
}

const char* return_code_name(SQLRETURN rc) noexcept {
    switch (rc) {
        case SQL_SUCCESS:
            return "SQL_SUCCESS";
        case SQL_SUCCESS_WITH_INFO:
            return "SQL_SUCCESS_WITH_INFO";
        case SQL_ERROR:
            return "SQL_ERROR";
        case SQL_INVALID_HANDLE:
            return "SQL_INVALID_HANDLE";
        case SQL_NO_DATA:
            return "SQL_NO_DATA";
        case SQL_NEED_DATA:
            return "SQL_NEED_DATA";
        case SQL_STILL_EXECUTING:
            return "SQL_STILL_EXECUTING";
        case SQL_PARAM_DATA_AVAILABLE:
            return "SQL_PARAM_DATA_AVAILABLE";
        default:
            return "an unknown return code";
    }
}

void log_diagnostics(const void* handle, const odbc::Diagnostics& diagnostics,
                     SQLRETURN rc) noexcept {
    if (diagnostics.records().empty() || !log::enabled(spdlog::level::err)) {
        return;
    }
    try {
        const char* call = CallTrace::current_name();
        for (const odbc::DiagRecord& record : diagnostics.records()) {
            // Only a failed call's records are errors; SQLSTATE class 01 is always a warning.
            const bool error = rc == SQL_ERROR && !record.sqlstate.starts_with("01");
            const std::string row =
                record.row_number > 0 ? " (row " + std::to_string(record.row_number) + ")" : "";
            log::logger().log(error ? spdlog::level::err : spdlog::level::warn,
                              "{} on handle {} returned {}: SQLSTATE {}{}: {}", call, handle,
                              return_code_name(rc), record.sqlstate, row, record.message);
        }
    } catch (...) {
        // A log line is never worth failing the call for.
    }
}

}  // namespace rsodbc::core
