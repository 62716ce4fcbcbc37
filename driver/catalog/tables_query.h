#pragma once
// SQLTables: the three enumerations (catalogs, schemas, table types) and the table list, for
// PostgreSQL (pg_class) and Redshift (pg_class + Spectrum's svv_external_tables + other
// databases through svv_redshift_tables when DatabaseMetadataCurrentDbOnly=0).
#include "catalog/catalog_call.h"

namespace rsodbc::catalog {

Plan tables_plan(const TablesArgs& args, const Context& context);

}  // namespace rsodbc::catalog
