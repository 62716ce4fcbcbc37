#pragma once
// What `{fn ...}` escapes become: ODBC scalar functions (ODBC appendix E), TIMESTAMPADD/DIFF
// units and CONVERT target types, each mapped to SQL that Redshift and PostgreSQL both run. The
// translator (escapes.cpp) and the SQLGetInfo masks (escape_capabilities.cpp) read these tables
// and nothing else, so what the driver claims is what it translates.
#include <span>
#include <string_view>

namespace rsodbc::sql {

enum class FunctionFamily { string, numeric, timedate, system };

// A template names the arguments %1..%9 and the whole text between the parentheses %*.
// `redshift` is empty when the PostgreSQL template serves both servers.
struct ScalarFunction {
    std::string_view name;  // ODBC spelling, upper case
    int arity;              // -1: the argument text is kept whole (EXTRACT(x FROM y), POSITION)
    std::string_view postgresql;
    std::string_view redshift;
    FunctionFamily family;
    // Reported to SQLGetInfo. A claimed row uses each argument at most once and in order, so a
    // `?` marker anywhere in its arguments keeps its number; rows that repeat or reorder
    // arguments still translate, but refuse a marker in such an argument.
    bool claimed;
};

// SQL_TSI_* units of TIMESTAMPADD (%2 = count, %3 = timestamp) and TIMESTAMPDIFF (%2, %3 = the
// two timestamps). Redshift has DATEADD/DATEDIFF with the same argument order.
struct IntervalUnit {
    std::string_view name;  // SQL_TSI_DAY ...
    std::string_view add_postgresql;
    std::string_view diff_postgresql;
    std::string_view redshift_datepart;
};

// CONVERT(value, SQL_xxx) -> CAST(value AS type); `redshift` empty = same name.
struct ConvertTarget {
    std::string_view name;  // SQL_INTEGER ...
    std::string_view postgresql;
    std::string_view redshift;
};

std::span<const ScalarFunction> scalar_functions();
std::span<const IntervalUnit> interval_units();
std::span<const ConvertTarget> convert_targets();

// Case-insensitive lookups; nullptr when the driver does not translate it.
const ScalarFunction* find_scalar_function(std::string_view name, int arity);
const IntervalUnit* find_interval_unit(std::string_view name);
const ConvertTarget* find_convert_target(std::string_view name);

// True when `a` equals `upper` ignoring ASCII case; `upper` is upper case.
bool equals_upper(std::string_view a, std::string_view upper);

}  // namespace rsodbc::sql
