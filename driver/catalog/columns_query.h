#pragma once
// SQLColumns: the query returns raw facts per column (type OID and modifier, or the type's name
// where Redshift reports only that; NOT NULL; default; comment; position) and the driver shapes
// the 18 ODBC columns from its type table, so SQLColumns agrees with SQLDescribeCol.
#include "catalog/catalog_call.h"

namespace rsodbc::catalog {

Plan columns_plan(const ColumnsArgs& args, const Context& context);

// Shapes rows of (cat, schema, table, column, type oid, typmod, type name, not null, default,
// remarks, position) into SQLColumns rows.
Rows shape_column_rows(Rows rows, const types::ReportingOptions& reporting);

}  // namespace rsodbc::catalog
