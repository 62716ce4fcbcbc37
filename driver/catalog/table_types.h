#pragma once
// SQLTables' TableType argument: a comma-separated list of types, each quoted with single quotes
// or not ("'TABLE','VIEW'" or "TABLE, VIEW"). ODBC's type names are upper case; the list is
// compared without regard to case.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rsodbc::catalog {

// The requested types, upper-cased, without quotes or blanks; empty when every type is wanted
// (a NULL or empty argument, or "%").
std::vector<std::string> parse_table_types(const std::optional<std::string>& argument);

}  // namespace rsodbc::catalog
