#pragma once
// SQLPrimaryKeys from pg_constraint (Redshift keeps its informational, unenforced primary keys
// there too). Ordered by TABLE_CAT, TABLE_SCHEM, TABLE_NAME, KEY_SEQ.
#include "catalog/catalog_call.h"

namespace rsodbc::catalog {

Plan primary_keys_plan(const PrimaryKeysArgs& args, const Context& context);

}  // namespace rsodbc::catalog
