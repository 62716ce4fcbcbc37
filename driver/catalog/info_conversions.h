#pragma once
// SQL_CONVERT_*: which target types CAST (and {fn CONVERT}) reaches from each source SQL type,
// per server flavour. Claims only casts the server really performs.
#include <sql.h>
#include <sqlext.h>

#include <optional>

namespace rsodbc::catalog {

// The SQL_CVT_* mask for the SQL_CONVERT_<type> InfoType, or nullopt when `info_type` is not a
// conversion InfoType.
std::optional<SQLUINTEGER> conversion_targets(SQLUSMALLINT info_type, bool redshift);

}  // namespace rsodbc::catalog
