#pragma once
// Server text -> C buffer converters, one family per file. Character and binary targets can be
// read in pieces: `offset` is where the previous piece ended, in source units.
#include "types/c_types.h"
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

// SQL_C_BIT.
Written write_bit(std::string_view text, void* data);

// True for targets whose values can be returned in pieces by SQLGetData.
[[nodiscard]] bool is_piecewise_c_type(SQLSMALLINT c_type);

// A boolean column's text ("t"/"f") as the digit ODBC's bit type converts to.
[[nodiscard]] std::string_view bit_text(std::string_view server_text);

// --- Binary, GUID, SQL_NUMERIC_STRUCT and interval targets ---

// SQL_C_BINARY from a binary column, decoded piece by piece (no NUL; 01004 when it does not fit;
// length = decoded bytes left before this call). Text starting "\x" is bytea hex; otherwise
// `hex_encoded` (Redshift VARBYTE, GEOMETRY) means bare hex digits and false means bytea's legacy
// escape format. `offset` is a position in `server_text`. Odd or non-hex digits: 22018.
Written write_binary(std::string_view server_text, bool hex_encoded, void* data, SQLLEN capacity,
                     std::size_t& offset);
// SQL_C_BINARY from a character (or any non-binary) column: the text's bytes as they are.
Written write_binary_from_text(std::string_view text, void* data, SQLLEN capacity,
                               std::size_t& offset);

// SQL_C_GUID from uuid text (8-4-4-4-12, optional braces, any case, or 32 bare hex digits).
Written write_guid(std::string_view text, void* data);
// SQL_C_BINARY from a uuid column: the SQLGUID's 16 bytes; 22003 when `capacity` < 16.
Written write_guid_binary(std::string_view text, void* data, SQLLEN capacity);

// SQL_C_NUMERIC with the ARD's precision and scale (ODBC defaults: driver precision 38, scale
// 0; precision 0 is read as 38). Extra fractional digits are cut: 01S07; too many digits: 22003.
Written write_numeric(std::string_view text, SQLCHAR precision, SQLSCHAR scale, void* data);

// The thirteen SQL_C_INTERVAL_* types from PostgreSQL/Redshift interval text. out_of_range here
// means 22015 (interval field overflow); months into a day-time type: unsupported (07006).
Written write_interval(std::string_view text, SQLSMALLINT c_type, void* data);

}  // namespace rsodbc::types
