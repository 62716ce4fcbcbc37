#pragma once
// What the log sees of one ODBC call: at trace level the call with its arguments on entry and its
// return code on exit; at warn and error level (log_diagnostics) every record a call posted, named
// after the call. Every exported function opens one CallTrace (RSODBC_API_CALL) and the entry
// wrapper reports the return code and records to the innermost one of its thread.
#include "odbc/diagnostics.h"

#include <sql.h>

#include <charconv>
#include <concepts>
#include <string>
#include <type_traits>

namespace rsodbc::core {

class CallTrace {
public:
    template <class... Args>
    explicit CallTrace(const char* name, const Args&... args) noexcept
        : name_(name), outer_(current_) {
        current_ = this;
        if (trace_on()) {
            std::string text;
            (append_argument(text, args), ...);
            log_enter(text);
        }
    }

    CallTrace(const CallTrace&) = delete;
    CallTrace& operator=(const CallTrace&) = delete;
    CallTrace(CallTrace&&) = delete;
    CallTrace& operator=(CallTrace&&) = delete;

    ~CallTrace();

    // The entry wrapper's return code for the innermost call of this thread.
    static void note_result(SQLRETURN rc) noexcept;
    // The innermost ODBC call of this thread ("SQLExecDirect"), or "an ODBC call" outside one.
    [[nodiscard]] static const char* current_name() noexcept;

private:
    static bool trace_on() noexcept;
    void log_enter(const std::string& arguments) const noexcept;

    template <class T>
    static void append_argument(std::string& out, const T& value) {
        out += out.empty() ? "" : ", ";
        char buffer[32];
        if constexpr (std::is_pointer_v<T>) {
            if (value == nullptr) {
                out += "NULL";
                return;
            }
            out += "0x";
            const auto address = reinterpret_cast<std::uintptr_t>(value);
            out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, address, 16).ptr);
        } else if constexpr (std::is_integral_v<T>) {
            out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
        } else {
            out += "?";
        }
    }

    static thread_local CallTrace* current_;
    const char* name_;
    CallTrace* outer_;
    SQLRETURN rc_ = SQL_SUCCESS;
    bool has_rc_ = false;
};

// Logs the records a call posted on `handle`: errors at error level, warnings at warn level, each
// with its SQLSTATE, message (the server's, for server errors) and the call's name.
void log_diagnostics(const void* handle, const odbc::Diagnostics& diagnostics,
                     SQLRETURN rc) noexcept;

// The name of a return code (SQL_SUCCESS_WITH_INFO...) for log lines.
const char* return_code_name(SQLRETURN rc) noexcept;

}  // namespace rsodbc::core

// Opens the CallTrace of an exported function; the arguments are logged (integers and addresses,
// never what pointers point to) only at trace level.
#define RSODBC_API_CALL(...) \
    const ::rsodbc::core::CallTrace rsodbc_call_trace_(__func__ __VA_OPT__(, ) __VA_ARGS__)
