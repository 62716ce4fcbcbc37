#pragma once

#include <iosfwd>
#include <string>

namespace rsodbc::cli {

struct CheckOptions {
    std::string target;  // a DSN name, or a connection string (anything with '=')
    bool json = false;
    int timeout_seconds = 10;  // ConnectTimeout when neither the string nor the DSN sets one
};

// Resolves the keywords as the driver will, connects through the driver manager (libodbc), asks
// for the server, TLS state and a SELECT 1, and prints the report. Returns the exit code.
int check(const CheckOptions& options, std::ostream& out, std::ostream& err);

}  // namespace rsodbc::cli
