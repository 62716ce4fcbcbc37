#pragma once

#include "config/connection_string.h"

#include <string_view>

namespace rsodbc::config {

// Adds every key of the odbc.ini section `dsn` (user and system files, as the driver manager's
// config mode says) to `into` with add_if_absent, so keys already there — from the connection
// string — win over the DSN. A missing DSN or file adds nothing.
void read_dsn(std::string_view dsn, AttributeMap& into);

// The logging keys (LogLevel, LogPath, LogMaxSize, LogFileCount, LogParameters and their aliases)
// of odbc.ini's [ODBC] section, where the Amazon driver reads them on Linux, added with
// add_if_absent: the connection string and the DSN win.
void read_odbc_section_logging(AttributeMap& into);

}  // namespace rsodbc::config
