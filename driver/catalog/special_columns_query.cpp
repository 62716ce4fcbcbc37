#include "catalog/special_columns_query.h"

#include "catalog/catalog_error.h"
#include "catalog/column_shape.h"
#include "catalog/key_positions.h"
#include "catalog/name_filter.h"

namespace rsodbc::catalog {

namespace {

void validate(const SpecialColumnsArgs& args) {
    if (args.identifier_type != SQL_BEST_ROWID && args.identifier_type != SQL_ROWVER) {
        throw CatalogError("HY097",
                           "column type out of range: IdentifierType must be "
                           "SQL_BEST_ROWID or SQL_ROWVER");
    }
    if (!args.table) {
        throw CatalogError("HY009", "invalid use of null pointer: TableName must not be NULL");
    }
    if (args.scope != SQL_SCOPE_CURROW && args.scope != SQL_SCOPE_TRANSACTION
        && args.scope != SQL_SCOPE_SESSION) {
        throw CatalogError("HY098",
                           "scope type out of range: Scope must be SQL_SCOPE_CURROW, "
                           "SQL_SCOPE_TRANSACTION or SQL_SCOPE_SESSION");
    }
    if (args.nullable != SQL_NO_NULLS && args.nullable != SQL_NULLABLE) {
        throw CatalogError("HY099",
                           "nullable type out of range: Nullable must be SQL_NO_NULLS "
                           "or SQL_NULLABLE");
    }
}

}  // namespace

Plan special_columns_plan(const SpecialColumnsArgs& args, const Context& context) {
    validate(args);
    Plan plan;
    plan.shape = special_columns_shape();
    const int scope = context.redshift ? SQL_SCOPE_CURROW : SQL_SCOPE_SESSION;
    if (args.identifier_type == SQL_ROWVER || args.scope > scope) {
        return plan;  // empty: no such column, or none valid for as long as asked
    }
    const auto ordinary = ArgumentKind::ordinary;
    const bool id = context.metadata_id;
    QueryParameters p;
    plan.sql =
        "SELECT a.attname::varchar, "
        "CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END::int8, "
        "CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END::int4 "
        "FROM pg_catalog.pg_constraint con "
        "JOIN pg_catalog.pg_class c ON c.oid = con.conrelid "
        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace CROSS JOIN "
        + key_positions(1, max_key_columns, "k")
        + " JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid "
          "AND a.attnum = con.conkey[k.i] "
          "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
          "WHERE con.contype = 'p' AND "
        + name_predicate("current_database()", args.catalog, ordinary, id, p) + " AND "
        + name_predicate("n.nspname", args.schema, ordinary, id, p) + " AND "
        + name_predicate("c.relname", args.table, ordinary, id, p);
    if (args.nullable == SQL_NO_NULLS) {
        plan.sql += " AND a.attnotnull";
    }
    plan.sql += " ORDER BY k.i";
    plan.parameters = p.values();
    plan.shape_rows = [scope, reporting = context.reporting](Rows rows) {
        Rows out;
        for (wire::BuiltRow& row : rows) {
            TypeColumns t = type_columns(static_cast<unsigned>(std::stoul(row[1].value_or("25"))),
                                         std::stoi(row[2].value_or("-1")), reporting);
            out.push_back({std::to_string(scope), std::move(row[0]), std::move(t.data_type),
                           std::move(t.type_name), std::move(t.column_size),
                           std::move(t.buffer_length), std::move(t.decimal_digits),
                           std::to_string(SQL_PC_NOT_PSEUDO)});
        }
        return out;
    };
    return plan;
}

}  // namespace rsodbc::catalog
