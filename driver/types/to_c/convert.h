#pragma once
// Server text -> C buffer converters, one family per file. Character and binary targets can be
// read in pieces: `offset` is where the previous piece ended, in source units.
#include "types/outcome.h"

#include <sql.h>
#include <sqlext.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace rsodbc::types {

// SQL_C_CHAR: UTF-8 bytes, NUL-terminated, cut on a character boundary where possible.
Written write_char(std::string_view utf8, void* data, SQLLEN capacity, std::size_t& offset);
// SQL_C_WCHAR: UTF-16 code units, NUL-terminated; `capacity` is in bytes.
Written write_wchar(std::u16string_view utf16, void* data, SQLLEN capacity, std::size_t& offset);

// Every integer C type (signed and unsigned, 8 to 64 bits).
Written write_integer(std::string_view text, SQLSMALLINT c_type, void* data);
// SQL_C_DOUBLE and SQL_C_FLOAT.
Written write_floating(std::string_view text, SQLSMALLINT c_type, void* data);
// SQL_C_TYPE_DATE/TIME/TIMESTAMP (and the ODBC 2 SQL_C_DATE/TIME/TIMESTAMP).
Written write_datetime(std::string_view text, SQLSMALLINT c_type, void* data);
[[nodiscard]] bool is_datetime_c_type(SQLSMALLINT c_type);

// SQL_C_BIT.
Written write_bit(std::string_view text, void* data);

[[nodiscard]] bool is_integer_c_type(SQLSMALLINT c_type);
// True for targets whose values can be returned in pieces by SQLGetData.
[[nodiscard]] bool is_piecewise_c_type(SQLSMALLINT c_type);

// A boolean column's text ("t"/"f") as the digit ODBC's bit type converts to.
[[nodiscard]] std::string_view bit_text(std::string_view server_text);

}  // namespace rsodbc::types
