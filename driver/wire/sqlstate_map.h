#pragma once

#include <string_view>

namespace rsodbc::wire {

// The ODBC 3 SQLSTATE to report for an error the server raised with `server_sqlstate`
// (PostgreSQL/Redshift error codes). The server's own code belongs in the message text, since
// this mapping loses detail. Codes ODBC does not define fall back by class, then to HY000.
//
// This table is about errors during statements. Connection set-up has its own rules (a failed
// login or an unknown database is a failure to connect, 08001/28000), which the caller applies.
// Notices and warnings of class 00/01 map to 01000 unless ODBC names the exact warning.
std::string_view odbc_sqlstate_for(std::string_view server_sqlstate);

}  // namespace rsodbc::wire
