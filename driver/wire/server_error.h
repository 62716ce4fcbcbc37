#pragma once
// An error reported by the server (or by libpq about the server connection), with the server's own
// SQLSTATE. odbc/diagnostics maps the state to ODBC's and keeps the server's text.
#include <stdexcept>
#include <string>
#include <string_view>

struct pg_result;

namespace rsodbc::wire {

class ServerError : public std::runtime_error {
public:
    // `server_state` is a PostgreSQL code: the server's, or one of sqlstate::server for failures
    // libpq reports without one.
    ServerError(std::string_view server_state, const std::string& message, std::string detail = {},
                std::string hint = {}, std::string source_function = {})
        : std::runtime_error(message),
          server_state_(server_state),
          detail_(std::move(detail)),
          hint_(std::move(hint)),
          source_function_(std::move(source_function)) {}

    [[nodiscard]] const std::string& server_state() const { return server_state_; }

    [[nodiscard]] const std::string& detail() const { return detail_; }

    [[nodiscard]] const std::string& hint() const { return hint_; }

    // The server function that raised the error (PG_DIAG_SOURCE_FUNCTION): never translated, so it
    // tells errors of one SQLSTATE apart whatever the server's lc_messages. Empty when not sent.
    [[nodiscard]] const std::string& source_function() const { return source_function_; }

    // The driver asked the server to stop this statement on the application's behalf (SQLCancel):
    // a query_canceled (57014) error is then the cancel (HY008); without the mark it is a timeout
    // (HYT00). Decided by what the driver did, never by the server's message text (lc_messages).
    [[nodiscard]] bool cancel_requested() const { return cancel_requested_; }

    void mark_cancel_requested() { cancel_requested_ = true; }

private:
    std::string server_state_;
    std::string detail_;
    std::string hint_;
    std::string source_function_;
    bool cancel_requested_ = false;
};

// Builds the error from a failed PGresult; `connection_broken` picks 08006 when the server sent no
// SQLSTATE because the connection itself failed.
ServerError error_from_result(const pg_result* result, bool connection_broken);

}  // namespace rsodbc::wire
