#pragma once
// SQLSpecialColumns. SQL_BEST_ROWID: the primary key's columns, or without one the smallest
// unique constraint (NOT NULL columns preferred; nullable ones only when Nullable allows) — valid
// for the session on
// PostgreSQL (the key is enforced), only for the current row on Redshift (its keys are
// informational, so duplicates are possible). SQL_ROWVER: no column changes automatically on
// update on either server: the empty set.
#include "catalog/catalog_call.h"

namespace rsodbc::catalog {

Plan special_columns_plan(const SpecialColumnsArgs& args, const Context& context);

}  // namespace rsodbc::catalog
