#pragma once
// SQLForeignKeys in both directions: keys of FKTableName (imported keys), keys referring to
// PKTableName (exported keys), or the keys of one table referring to the other. Rules come from
// the catalog; Redshift stores its informational keys with NO ACTION and never enforces them.
#include "catalog/catalog_call.h"

namespace rsodbc::catalog {

Plan foreign_keys_plan(const ForeignKeysArgs& args, const Context& context);

}  // namespace rsodbc::catalog
