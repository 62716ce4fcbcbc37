#include "catalog/special_columns_query.h"

#include "catalog/column_shape.h"
#include "catalog/key_positions.h"
#include "catalog/name_filter.h"
#include "odbc/odbc_error.h"

#include <algorithm>

namespace rsodbc::catalog {

namespace {

void validate(const SpecialColumnsArgs& args) {
    if (args.identifier_type != SQL_BEST_ROWID && args.identifier_type != SQL_ROWVER) {
        throw odbc::OdbcError(sqlstate::column_type_out_of_range,
                              "column type out of range: IdentifierType must be "
                              "SQL_BEST_ROWID or SQL_ROWVER");
    }
    if (!args.table) {
        throw odbc::OdbcError(sqlstate::invalid_use_of_null_pointer,
                              "invalid use of null pointer: TableName must not be NULL");
    }
    if (args.scope != SQL_SCOPE_CURROW && args.scope != SQL_SCOPE_TRANSACTION
        && args.scope != SQL_SCOPE_SESSION) {
        throw odbc::OdbcError(sqlstate::scope_type_out_of_range,
                              "scope type out of range: Scope must be SQL_SCOPE_CURROW, "
                              "SQL_SCOPE_TRANSACTION or SQL_SCOPE_SESSION");
    }
    if (args.nullable != SQL_NO_NULLS && args.nullable != SQL_NULLABLE) {
        throw odbc::OdbcError(sqlstate::nullable_type_out_of_range,
                              "nullable type out of range: Nullable must be SQL_NO_NULLS "
                              "or SQL_NULLABLE");
    }
}

// Server rows: key name, rank (0 primary key, 1 unique), key columns, column, type oid, typmod,
// not null (1/0), ordered best key first. The first key whose columns are all NOT NULL wins; a
// key with nullable columns only when the application accepts them (Nullable = SQL_NULLABLE),
// and after every NOT NULL key.
Rows best_key(Rows rows, int scope, bool accept_nullable,
              const types::ReportingOptions& reporting) {
    std::optional<std::string> chosen;
    for (int pass = 0; pass < (accept_nullable ? 2 : 1) && !chosen; ++pass) {
        for (std::size_t i = 0; i < rows.size() && !chosen; ++i) {
            const std::optional<std::string>& key = rows[i][0];
            const bool all_not_null = std::none_of(rows.begin(), rows.end(), [&](const auto& row) {
                return row[0] == key && row[6] == "0";
            });
            if (pass == 1 || all_not_null) {
                chosen = key;
            }
        }
    }
    Rows out;
    for (wire::BuiltRow& row : rows) {
        if (!chosen || row[0] != chosen) {
            continue;
        }
        TypeColumns t = type_columns(static_cast<unsigned>(std::stoul(row[4].value_or("25"))),
                                     std::stoi(row[5].value_or("-1")), reporting);
        out.push_back({std::to_string(scope), std::move(row[3]), std::move(t.data_type),
                       std::move(t.type_name), std::move(t.column_size), std::move(t.buffer_length),
                       std::move(t.decimal_digits), std::to_string(SQL_PC_NOT_PSEUDO)});
    }
    return out;
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
    // Every candidate key (the primary key, then unique constraints) with its columns; the
    // driver keeps the best one, so the query needs no window function (Redshift's leader node
    // has none over the catalog).
    plan.sql =
        "SELECT con.conname::varchar, CASE WHEN con.contype = 'p' THEN 0 ELSE 1 END::int4, "
        "array_upper(con.conkey, 1)::int4, a.attname::varchar, "
        "CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END::int8, "
        "CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END::int4, "
        "CASE WHEN a.attnotnull THEN 1 ELSE 0 END::int4 "
        "FROM pg_catalog.pg_constraint con "
        "JOIN pg_catalog.pg_class c ON c.oid = con.conrelid "
        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace CROSS JOIN "
        + key_positions(1, max_key_columns, "k")
        + " JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid "
          "AND a.attnum = con.conkey[k.i] "
          "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
          "WHERE con.contype IN ('p', 'u') AND "
        + name_predicate("current_database()", args.catalog, ordinary, id, p) + " AND "
        + name_predicate("n.nspname", args.schema, ordinary, id, p) + " AND "
        + name_predicate("c.relname", args.table, ordinary, id, p) + " ORDER BY 2, 3, 1, k.i";
    plan.parameters = p.values();
    plan.shape_rows = [scope, nullable = args.nullable, reporting = context.reporting](Rows rows) {
        return best_key(std::move(rows), scope, nullable == SQL_NULLABLE, reporting);
    };
    return plan;
}

}  // namespace rsodbc::catalog
