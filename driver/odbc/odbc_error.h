#pragma once
// The one exception type handle code throws for a driver-detected error. The entry wrapper turns it
// into a diagnostic record; nothing ever crosses the C boundary as an exception.
#include "odbc/sqlstate.h"

#include <stdexcept>
#include <string>

namespace rsodbc::odbc {

class OdbcError : public std::runtime_error {
public:
    OdbcError(sqlstate::Code state, const std::string& message)
        : std::runtime_error(message), state_(state) {}

    [[nodiscard]] sqlstate::Code state() const { return state_; }

private:
    sqlstate::Code state_;
};

}  // namespace rsodbc::odbc
