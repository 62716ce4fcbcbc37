#include "wire/server_error.h"

#include "odbc/sqlstate.h"

#include <libpq-fe.h>

#include <string_view>

namespace rsodbc::wire {

namespace {

std::string field(const pg_result* result, int code) {
    const char* value = PQresultErrorField(result, code);
    return value == nullptr ? std::string() : std::string(value);
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
        text.pop_back();
    }
    return text;
}

}  // namespace

ServerError error_from_result(const pg_result* result, bool connection_broken) {
    std::string state = field(result, PG_DIAG_SQLSTATE);
    std::string primary = field(result, PG_DIAG_MESSAGE_PRIMARY);
    std::string severity = field(result, PG_DIAG_SEVERITY_NONLOCALIZED);
    std::string message;
    if (primary.empty()) {
        message = trimmed(PQresultErrorMessage(result));
    } else {
        message = (severity.empty() ? std::string("ERROR") : severity) + ": " + primary;
    }
    if (state.empty()) {
        state = connection_broken ? sqlstate::server::connection_failure
                                  : sqlstate::server::internal_error;
    }
    if (message.empty()) {
        message = "the server reported an error without a message";
    }
    return {state, message, field(result, PG_DIAG_MESSAGE_DETAIL),
            field(result, PG_DIAG_MESSAGE_HINT), field(result, PG_DIAG_SOURCE_FUNCTION)};
}

}  // namespace rsodbc::wire
