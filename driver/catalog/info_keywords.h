#pragma once
// SQL_KEYWORDS: the server's reserved words that ODBC does not already reserve (SQLGetInfo asks
// for "data source-specific" keywords only).
#include <string>

namespace rsodbc::catalog {

std::string data_source_keywords(bool redshift);

}  // namespace rsodbc::catalog
