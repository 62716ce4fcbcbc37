#pragma once

#include "config/connection_string.h"

#include <string_view>

namespace rsodbc::config {

// Adds every key of the odbc.ini section `dsn` (user and system files, as the driver manager's
// config mode says) to `into` with add_if_absent, so keys already there — from the connection
// string — win over the DSN. A missing DSN or file adds nothing.
void read_dsn(std::string_view dsn, AttributeMap& into);

}  // namespace rsodbc::config
