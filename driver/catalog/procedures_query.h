#pragma once
// SQLProcedures: stored procedures (PROCEDURE_TYPE SQL_PT_PROCEDURE) and functions
// (SQL_PT_FUNCTION) from pg_proc, or Redshift's pg_proc_info, which adds prokind.
#include "catalog/catalog_call.h"

namespace rsodbc::catalog {

Plan procedures_plan(const ProceduresArgs& args, const Context& context);

// The procedure catalog table: pg_proc on PostgreSQL, pg_proc_info (oid as prooid) on Redshift.
std::string procedure_source(bool redshift);

}  // namespace rsodbc::catalog
