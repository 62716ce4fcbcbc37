#pragma once
// Redshift reports some column types only as text: late-binding view columns
// (pg_get_late_binding_view_cols), Spectrum columns (svv_external_columns, Hive names such as
// "string" or "decimal(10,2)") and columns of other databases (svv_redshift_columns). This maps
// such a name to the server type and modifier the type table knows, so these columns are
// reported like any other.
#include <string_view>

namespace rsodbc::catalog {

struct ServerType {
    unsigned type_oid = 0;
    int type_modifier = -1;
};

ServerType server_type_from_name(std::string_view name);

}  // namespace rsodbc::catalog
