#pragma once
// SQLGetTypeInfo: one row per type the server offers, built from the same type table the result
// columns use, in the ODBC result shape (19 columns, ordered by DATA_TYPE).
#include "types/type_reporting.h"
#include "wire/built_result.h"

#include <sql.h>
#include <sqlext.h>

#include <vector>

namespace rsodbc::catalog {

struct TypeInfoResult {
    std::vector<wire::BuiltColumn> columns;
    std::vector<wire::BuiltRow> rows;
};

// `sql_type` SQL_ALL_TYPES for every row.
TypeInfoResult type_info(SQLSMALLINT sql_type, bool redshift,
                         const types::ReportingOptions& reporting);

}  // namespace rsodbc::catalog
