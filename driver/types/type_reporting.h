#pragma once
// Compatibility switches that change how result types are reported, with the keyword names
// other Redshift and PostgreSQL drivers use; applied in this one place to every column the
// driver describes (SQLDescribeCol, SQLColAttribute, descriptors).
#include "types/type_table.h"

namespace rsodbc::types {

struct ReportingOptions {
    bool bools_as_char = false;         // BoolsAsChar: boolean as SQL_VARCHAR "1"/"0" (Power BI)
    SQLULEN max_varchar_size = 0;       // MaxVarcharSize: wider VARCHAR -> LONGVARCHAR; 0 = never
    SQLULEN max_long_varchar_size = 0;  // MaxLongVarcharSize: cap on reported LONGVARCHAR size
    bool text_as_long_varchar = false;  // TextAsLongVarchar: text -> SQL_LONGVARCHAR
    // The size reported for text as SQL_LONGVARCHAR: PostgreSQL stores up to 1 GB per value.
    SQLULEN long_text_bytes = max_varchar_bytes;
    bool use_unicode = false;  // UseUnicode: character types reported as SQL_W* types
};

SqlTypeInfo apply_reporting(SqlTypeInfo info, const ReportingOptions& options);

}  // namespace rsodbc::types
