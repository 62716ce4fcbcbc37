#include "catalog/primary_keys_query.h"

#include "catalog/key_positions.h"
#include "catalog/name_filter.h"
#include "odbc/odbc_error.h"

namespace rsodbc::catalog {

Plan primary_keys_plan(const PrimaryKeysArgs& args, const Context& context) {
    if (!args.table) {
        throw odbc::OdbcError(sqlstate::invalid_use_of_null_pointer,
                              "invalid use of null pointer: TableName must not be NULL");
    }
    const auto ordinary = ArgumentKind::ordinary;
    QueryParameters parameters;
    Plan plan;
    plan.sql =
        "SELECT current_database()::varchar, n.nspname::varchar, c.relname::varchar, "
        "a.attname::varchar, k.i::int2, con.conname::varchar "
        "FROM pg_catalog.pg_constraint con "
        "JOIN pg_catalog.pg_class c ON c.oid = con.conrelid "
        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace CROSS JOIN "
        + key_positions(1, max_key_columns, "k")
        + " JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid "
          "AND a.attnum = con.conkey[k.i] "
          "WHERE con.contype = 'p' AND "
        + name_predicate("current_database()", args.catalog, ordinary, context.metadata_id,
                         parameters)
        + " AND "
        + name_predicate("n.nspname", args.schema, ordinary, context.metadata_id, parameters)
        + " AND "
        + name_predicate("c.relname", args.table, ordinary, context.metadata_id, parameters)
        + " ORDER BY 1, 2, 3, 5";
    plan.parameters = parameters.values();
    plan.shape = primary_keys_shape();
    return plan;
}

}  // namespace rsodbc::catalog
