#pragma once

// The exit status of every redshift-odbc command (README "Command line tool"): scripts branch on
// these, so a value never changes meaning.
namespace rsodbc::cli::exit_code {
inline constexpr int ok = 0;
inline constexpr int connect_failed = 1;  // check: no connection, or SELECT 1 failed on it
inline constexpr int usage = 2;           // unknown command or option, missing argument
inline constexpr int invalid = 3;         // a keyword or value the driver would not accept
inline constexpr int odbcinst = 4;        // odbcinst refused: no permission, not registered, ...
}  // namespace rsodbc::cli::exit_code
