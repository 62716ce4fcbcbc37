#pragma once
// SQLProcedureColumns: the parameters of procedures and functions (pg_proc's argument arrays),
// result columns of table functions (mode 't') and a function's return value (ordinal 0), with
// the type columns shaped from the type table. Argument types carry no modifier in the catalog,
// so sizes are the types' widest.
#include "catalog/catalog_call.h"

namespace rsodbc::catalog {

Plan procedure_columns_plan(const ProcedureColumnsArgs& args, const Context& context);

}  // namespace rsodbc::catalog
