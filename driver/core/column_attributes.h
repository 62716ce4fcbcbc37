#pragma once
// SQLColAttribute fields (SQL_DESC_* and the ODBC 2 SQL_COLUMN_* aliases) of a result column.
#include "core/statement.h"

#include <sql.h>
#include <sqlext.h>

#include <optional>
#include <string>

namespace rsodbc::core {

struct ColumnAttribute {
    SQLLEN number = 0;
    std::optional<std::string> text;  // set for string-valued fields
};

// Throws odbc::OdbcError HY091 for a field identifier that is not a column attribute.
ColumnAttribute column_attribute(const ColumnDescription& column, SQLUSMALLINT field);

// SQLDescribeCol's ColumnSize and DecimalDigits (the spec defines them per type).
SQLULEN described_size(const ColumnDescription& column);

}  // namespace rsodbc::core
