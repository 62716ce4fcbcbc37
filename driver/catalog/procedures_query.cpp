#include "catalog/procedures_query.h"

#include "catalog/name_filter.h"

namespace rsodbc::catalog {

std::string procedure_source(bool redshift) {
    return redshift ? "(SELECT prooid AS oid, proname, pronamespace, prokind, prorettype, "
                      "pronargs, proargtypes, proallargtypes, proargmodes, proargnames "
                      "FROM pg_proc_info)"
                    : "pg_catalog.pg_proc";
}

Plan procedures_plan(const ProceduresArgs& args, const Context& context) {
    const bool id = context.metadata_id;
    QueryParameters p;
    Plan plan;
    plan.sql =
        "SELECT current_database()::varchar, n.nspname::varchar, pr.proname::varchar, "
        "NULL::int4, NULL::int4, NULL::int4, d.description::varchar, "
        // SQL_PT_PROCEDURE (1), SQL_PT_FUNCTION (2)
        "CASE WHEN pr.prokind = 'p' THEN 1 ELSE 2 END::int2 FROM "
        + procedure_source(context.redshift)
        + " pr JOIN pg_catalog.pg_namespace n ON n.oid = pr.pronamespace "
          "LEFT JOIN pg_catalog.pg_description d ON d.objoid = pr.oid AND d.objsubid = 0 "
          "AND d.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass "
          "WHERE pr.prokind IN ('f', 'p') AND "
        + name_predicate("current_database()", args.catalog, ArgumentKind::ordinary, id, p)
        + " AND " + name_predicate("n.nspname", args.schema, ArgumentKind::pattern, id, p)
        + " AND " + name_predicate("pr.proname", args.procedure, ArgumentKind::pattern, id, p)
        // ODBC: ordered by PROCEDURE_CAT, PROCEDURE_SCHEM and PROCEDURE_NAME.
        + " ORDER BY 1, 2, 3";
    plan.parameters = p.values();
    plan.shape = procedures_shape();
    return plan;
}

}  // namespace rsodbc::catalog
