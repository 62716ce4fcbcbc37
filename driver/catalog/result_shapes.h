#pragma once
// The columns of every catalog result set, as the ODBC reference defines them (names, order, SQL
// types), with the ODBC 2 names where they differ (TABLE_QUALIFIER...), declared once.
#include "wire/built_result.h"

#include <span>
#include <vector>

namespace rsodbc::catalog {

struct ResultColumn {
    const char* name;
    const char* odbc2_name;  // nullptr: the same in ODBC 2
    unsigned type_oid;       // name (VARCHAR(127)), text, int2 (SMALLINT) or int4 (INTEGER)
};

std::span<const ResultColumn> tables_shape();
std::span<const ResultColumn> columns_shape();
std::span<const ResultColumn> primary_keys_shape();
std::span<const ResultColumn> foreign_keys_shape();
std::span<const ResultColumn> statistics_shape();
std::span<const ResultColumn> special_columns_shape();
std::span<const ResultColumn> procedures_shape();
std::span<const ResultColumn> procedure_columns_shape();

std::vector<wire::BuiltColumn> built_columns(std::span<const ResultColumn> shape, bool odbc2);

}  // namespace rsodbc::catalog
