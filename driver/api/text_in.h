#pragma once
// Application strings in: SQLCHAR* (UTF-8 bytes) or SQLWCHAR* (UTF-16 code units) with a length
// that may be SQL_NTS. The only code that reads SQLCHAR*/SQLWCHAR* arguments. NULL stays distinct
// from "" (ODBC gives them different meanings).
#include <sql.h>
#include <sqlucode.h>

#include <optional>
#include <string>

namespace rsodbc::api {

std::optional<std::string> text_in(const SQLCHAR* text, SQLINTEGER length);
std::optional<std::string> text_in(const SQLWCHAR* text, SQLINTEGER length);
// Where the length counts bytes also for the wide function (SQLSetConnectAttrW, SQLSetDescFieldW):
// an odd byte count would split a UTF-16 unit and is refused (HY090), never rounded down.
std::optional<std::string> text_in_bytes(const SQLCHAR* text, SQLINTEGER bytes);
std::optional<std::string> text_in_bytes(const SQLWCHAR* text, SQLINTEGER bytes);

// Like text_in, but a NULL pointer is an error (HY009) naming the argument.
template <class Char>
std::string required_text_in(const Char* text, SQLINTEGER length, const char* argument);

}  // namespace rsodbc::api
