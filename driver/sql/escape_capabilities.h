#pragma once
// What SQLGetInfo reports about ODBC escapes, derived from the tables the translator uses
// (escape_functions.h), so the answers cannot drift from what is translated. The values are the
// SQL_FN_* bitmasks of ODBC's sqlext.h; escape_capabilities.cpp is the one file in sql/ that
// includes it, for those constants only.
#include <cstdint>
#include <string_view>

namespace rsodbc::sql {

struct EscapeCapabilities {
    std::uint32_t string_functions = 0;         // SQL_STRING_FUNCTIONS (SQL_FN_STR_*)
    std::uint32_t numeric_functions = 0;        // SQL_NUMERIC_FUNCTIONS (SQL_FN_NUM_*)
    std::uint32_t timedate_functions = 0;       // SQL_TIMEDATE_FUNCTIONS (SQL_FN_TD_*)
    std::uint32_t system_functions = 0;         // SQL_SYSTEM_FUNCTIONS (SQL_FN_SYS_*)
    std::uint32_t timedate_add_intervals = 0;   // SQL_TIMEDATE_ADD_INTERVALS (SQL_FN_TSI_*)
    std::uint32_t timedate_diff_intervals = 0;  // SQL_TIMEDATE_DIFF_INTERVALS (SQL_FN_TSI_*)
    std::uint32_t convert_functions = 0;        // SQL_CONVERT_FUNCTIONS (SQL_FN_CVT_*)
};

// The same on Redshift and PostgreSQL: every claimed function translates for both.
EscapeCapabilities escape_capabilities();

// The SQL_FN_* bit of an ODBC scalar function name (upper case) with `arity` arguments, or 0 when
// ODBC defines no such bit. LOCATE has two: SQL_FN_STR_LOCATE_2 for two arguments,
// SQL_FN_STR_LOCATE for three. Exposed so a test can check every claimed row has its bit.
std::uint32_t function_bit(std::string_view name, int arity);

}  // namespace rsodbc::sql
