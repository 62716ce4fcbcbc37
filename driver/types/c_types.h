#pragma once
// Facts about ODBC C types that binding needs: the size of fixed-size types (for column-wise
// arrays, the stride between elements) and whether a type code is a C type at all.
#include <sql.h>
#include <sqlext.h>

#include <cstddef>

namespace rsodbc::types {

// Size in bytes of a fixed-size C type; 0 for character and binary types (their stride is the
// bound buffer length) and for unknown codes.
std::size_t fixed_c_type_size(SQLSMALLINT c_type);

[[nodiscard]] bool is_known_c_type(SQLSMALLINT c_type);
// Every integer C type, signed and unsigned, 8 to 64 bits.
[[nodiscard]] bool is_integer_c_type(SQLSMALLINT c_type);
// SQL_C_TYPE_DATE/TIME/TIMESTAMP and their ODBC 2 codes.
[[nodiscard]] bool is_datetime_c_type(SQLSMALLINT c_type);
// The 13 SQL_C_INTERVAL_* types.
[[nodiscard]] bool is_interval_c_type(SQLSMALLINT c_type);

}  // namespace rsodbc::types
