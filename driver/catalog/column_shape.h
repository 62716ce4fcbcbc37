#pragma once
// The type columns of SQLColumns, SQLSpecialColumns and SQLProcedureColumns, computed from the
// same type table (and compatibility switches) as SQLDescribeCol and SQLGetTypeInfo, so every
// function reports a column alike.
#include "types/type_reporting.h"

#include <optional>
#include <string>

namespace rsodbc::catalog {

struct TypeColumns {
    std::optional<std::string> data_type;
    std::optional<std::string> type_name;
    std::optional<std::string> column_size;
    std::optional<std::string> buffer_length;
    std::optional<std::string> decimal_digits;
    std::optional<std::string> num_prec_radix;
    std::optional<std::string> sql_data_type;
    std::optional<std::string> datetime_sub;
    std::optional<std::string> char_octet_length;
};

TypeColumns type_columns(unsigned type_oid, int type_modifier,
                         const types::ReportingOptions& reporting);

}  // namespace rsodbc::catalog
