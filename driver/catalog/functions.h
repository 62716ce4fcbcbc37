#pragma once
// SQLGetFunctions: TRUE only for functions the driver implements for real.
#include <sql.h>
#include <sqlext.h>

namespace rsodbc::catalog {

[[nodiscard]] bool function_supported(SQLUSMALLINT function_id);
// SQL_API_ODBC3_ALL_FUNCTIONS: a bitmap of SQL_API_ODBC3_ALL_FUNCTIONS_SIZE words.
void fill_odbc3_bitmap(SQLUSMALLINT* bitmap);
// SQL_API_ALL_FUNCTIONS (ODBC 2): an array of 100 booleans.
void fill_odbc2_array(SQLUSMALLINT* array);

}  // namespace rsodbc::catalog
