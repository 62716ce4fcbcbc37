#pragma once
// The column positions of a multi-column key, as a set to join with pg_constraint.conkey or
// pg_index.indkey: generate_series runs on PostgreSQL and on Redshift's leader node (where catalog
// queries run), and unnest() does not exist on Redshift.
#include <string>

namespace rsodbc::catalog {

// "(SELECT generate_series(first, last) AS i) alias"
std::string key_positions(int first, int last, const char* alias);

// PostgreSQL's INDEX_MAX_KEYS (columns per key or index) and FUNC_MAX_ARGS.
inline constexpr int max_key_columns = 32;
inline constexpr int max_function_arguments = 100;

}  // namespace rsodbc::catalog
