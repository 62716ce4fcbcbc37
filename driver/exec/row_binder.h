#pragma once
// Writes the current row of a result into the application's bound columns (the ARD), at position
// `index` of a block cursor: column-wise arrays step by each column's element size, row-wise ones
// by SQL_ATTR_ROW_BIND_TYPE; the bind offset pointer shifts everything (ODBC: "Block Cursors",
// "Column-Wise Binding", "Row-Wise Binding").
#include "odbc/descriptor_records.h"
#include "odbc/diagnostics.h"
#include "types/type_table.h"
#include "wire/result_stream.h"

#include <sql.h>
#include <sqlext.h>

#include <vector>

namespace rsodbc::exec {

// Throws OdbcError for a value that cannot be converted (the row's status becomes SQL_ROW_ERROR);
// posts 01004/01S07 with the row number.
void bind_row(const wire::ResultStream& result, const std::vector<types::SqlTypeInfo>& column_types,
              odbc::DescriptorRecords& ard, SQLULEN index, odbc::Diagnostics& diagnostics,
              SQLLEN row_number);

}  // namespace rsodbc::exec
