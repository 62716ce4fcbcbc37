#pragma once

#include <string>
#include <string_view>

namespace rsodbc::cli {

// Why a connection failed, in words a person can act on. `cause` is a stable token for --json
// (unknown_driver, driver_load, dns, refused, timeout, tls, password, database, invalid_value,
// other, and for IAM failures iam_settings, iam_credentials, iam_expired, iam_keys,
// iam_permission, iam_not_found, iam_throttled, iam_endpoint, iam_login, iam); `text` is the
// advice.
struct Hint {
    std::string cause;
    std::string text;
};

struct HintContext {
    std::string host;
    std::string port;
    std::string database;
    std::string user;
};

// From the SQLSTATE the driver (or driver manager) reported and its message: libpq gives no
// SQLSTATE for a failed connection attempt, so the network causes are told apart by the message
// text, which libpq writes in English in this program (it never calls setlocale).
Hint hint_for(std::string_view sqlstate, std::string_view message, const HintContext& context);

}  // namespace rsodbc::cli
