#pragma once
// Every failure of the IAM flow, classified so the connection can give the right SQLSTATE
// (28000 for credentials and permissions, 08001 for the network, HY024 for settings). Messages
// never contain a secret: they name keywords, files, URLs, AWS error codes and request ids.
#include <stdexcept>
#include <string>

namespace rsodbc::auth {

enum class AuthFailure : unsigned char {
    settings,     // a keyword is missing or contradicts another: nothing was sent
    credentials,  // AWS refused the credentials or the permission, or none could be found
    network,      // the endpoint could not be reached, timed out or answered garbage
    service,      // any other AWS error (throttling, internal error, cluster not found)
};

class AuthError : public std::runtime_error {
public:
    AuthError(AuthFailure failure, const std::string& message)
        : std::runtime_error(message), failure_(failure) {}

    AuthFailure failure() const noexcept { return failure_; }

private:
    AuthFailure failure_;
};

}  // namespace rsodbc::auth
