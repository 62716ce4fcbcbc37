#pragma once
// One bound parameter value (ODBC C type) -> the text sent out of band to the server (libpq text
// format) plus the parameter's type OID: ODBC appendix D, "Converting Data from C to SQL Data
// Types". Pure: no handles, no libpq.
#include "types/outcome.h"

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include <optional>
#include <string>
#include <string_view>

namespace rsodbc::types {

struct ParamSource {
    SQLSMALLINT c_type = 0;      // already resolved: SQL_C_DEFAULT mapped by the caller
    const void* data = nullptr;  // never null here (NULL values are handled by the caller)
    SQLLEN length = 0;  // octet length for char/wchar/binary (SQL_NTS allowed for char/wchar);
                        // ignored for fixed-size types
    // SQL_C_NUMERIC: the APD's SQL_DESC_SCALE. ODBC ignores the scale (and precision) inside an
    // input SQL_NUMERIC_STRUCT and uses the descriptor's; unset, the struct's own scale is used.
    std::optional<SQLSMALLINT> numeric_scale = std::nullopt;
};

struct ParamTarget {
    SQLSMALLINT sql_type;  // the IPD's concise SQL type (SQL_INTEGER, SQL_VARCHAR, ...)
    SQLULEN column_size;   // IPD column size (0 = unspecified)
    SQLSMALLINT decimal_digits;
};

struct Encoded {
    Outcome outcome = Outcome::ok;
    unsigned type_oid = 0;  // 0: unspecified, the server infers the type from context
};

// Replaces `out` with the parameter's text. On an error outcome `out` is empty and nothing may be
// sent; on ok or fractional_truncation (01S07, an exact numeric target lost fractional digits)
// `out` holds the value to send. type_oid is chosen by the target SQL type alone, so a value's OID
// never depends on its content.
namespace from_c {
// The type OID a parameter bound with this SQL type is sent with (0: the server infers it). Every
// row of a parameter array uses it, so one prepared statement fits them all.
unsigned parameter_type_oid(SQLSMALLINT sql_type);
// The type OID sent first: unspecified (0) but for binary values, so the server reads the value as
// it would read a literal in that position (a bit into an integer column, a double into money, a
// timestamp into timetz), as psqlODBC does. When the server cannot infer
// a type (SELECT ?), exec/param_executor prepares again with parameter_type_oid.
unsigned loose_parameter_type_oid(SQLSMALLINT sql_type);
}  // namespace from_c

using from_c::loose_parameter_type_oid;
using from_c::parameter_type_oid;

Encoded encode_parameter(const ParamSource& source, const ParamTarget& target, std::string& out);

}  // namespace rsodbc::types
