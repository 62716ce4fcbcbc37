#include "catalog/columns_query.h"

#include "catalog/column_shape.h"
#include "catalog/name_filter.h"
#include "catalog/type_names.h"

namespace rsodbc::catalog {

namespace {

struct Filters {
    std::string catalog;
    std::string schema;
    std::string table;
    std::string column;
};

// One branch's predicates: the catalog is an ordinary argument, the rest are patterns.
Filters filters(const ColumnsArgs& args, const Context& context, QueryParameters& parameters,
                const char* catalog, const char* schema, const char* table, const char* column) {
    const bool id = context.metadata_id;
    return {name_predicate(catalog, args.catalog, ArgumentKind::ordinary, id, parameters),
            name_predicate(schema, args.schema, ArgumentKind::pattern, id, parameters),
            name_predicate(table, args.table, ArgumentKind::pattern, id, parameters),
            name_predicate(column, args.column, ArgumentKind::pattern, id, parameters)};
}

std::string where(const Filters& f) {
    return f.catalog + " AND " + f.schema + " AND " + f.table + " AND " + f.column;
}

// ODBC numbers columns 1, 2, 3... as SELECT * does, also after a column was dropped. The query
// returns attnum; on PostgreSQL the rows, ordered by table and attnum, are renumbered here
// (number_columns) rather than by a row_number() window, whose planning and extra sort cost
// the server more than the rest of a one-table SQLColumns. Redshift's attnum stands (a gap only
// after ALTER TABLE DROP COLUMN), as its leader node runs no window functions over the catalog.
constexpr std::size_t ordinal_cell = 10;

void number_columns(Rows& rows) {
    int position = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const bool same_table = i > 0 && rows[i][0] == rows[i - 1][0]
                                && rows[i][1] == rows[i - 1][1] && rows[i][2] == rows[i - 1][2];
        position = same_table ? position + 1 : 1;
        rows[i][ordinal_cell] = std::to_string(position);
    }
}

// Columns of local tables and views from pg_attribute; a domain is reported as its base type,
// as the server describes result columns. Defaults and comments come from a scalar subquery and
// col_description() rather than two more joins: planning the joins cost the server more than
// running the whole query (SQLColumns is called once per table by BI tools).
std::string local_columns(const ColumnsArgs& args, const Context& context,
                          QueryParameters& parameters) {
    return "SELECT current_database()::varchar, n.nspname::varchar, c.relname::varchar, "
           "a.attname::varchar, "
           "CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END::int8, "
           "CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END::int4, "
           "NULL::varchar, CASE WHEN a.attnotnull OR t.typnotnull THEN 'NO' ELSE 'YES' END, "
           "CASE WHEN a.atthasdef THEN (SELECT pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) "
           "FROM pg_catalog.pg_attrdef ad WHERE ad.adrelid = a.attrelid AND ad.adnum = a.attnum) "
           "END::varchar, pg_catalog.col_description(a.attrelid, a.attnum)::varchar, "
           "a.attnum::int4 "
           "FROM pg_catalog.pg_attribute a "
           "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
           "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
           "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
           "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'v', 'm', 'f', 'p') "
           "AND "
           + where(filters(args, context, parameters, "current_database()", "n.nspname",
                           "c.relname", "a.attname"));
}

// Late-binding views have no pg_attribute rows: Redshift describes their columns through
// pg_get_late_binding_view_cols(), by type name.
std::string late_binding_columns(const ColumnsArgs& args, const Context& context,
                                 QueryParameters& parameters) {
    return "SELECT current_database()::varchar, view_schema::varchar, view_name::varchar, "
           "col_name::varchar, NULL::int8, NULL::int4, col_type::varchar, ''::varchar, "
           "NULL::varchar, NULL::varchar, col_num::int4 "
           "FROM pg_get_late_binding_view_cols() "
           "lbv(view_schema name, view_name name, col_name name, col_type varchar, col_num int) "
           "WHERE "
           + where(filters(args, context, parameters, "current_database()", "view_schema",
                           "view_name", "col_name"));
}

// Spectrum columns: Hive type names; partition columns come last, as SELECT * returns them.
std::string external_columns(const ColumnsArgs& args, const Context& context,
                             QueryParameters& parameters) {
    return "SELECT current_database()::varchar, schemaname::varchar, tablename::varchar, "
           "columnname::varchar, NULL::int8, NULL::int4, external_type::varchar, "
           "CASE WHEN lower(is_nullable) IN ('false', 'no') THEN 'NO' ELSE 'YES' END::varchar, "
           "NULL::varchar, NULL::varchar, columnnum::int4 FROM svv_external_columns WHERE "
           + where(filters(args, context, parameters, "current_database()", "schemaname",
                           "tablename", "columnname"));
}

// Other databases of the cluster and datashares (DatabaseMetadataCurrentDbOnly=0).
std::string other_database_columns(const ColumnsArgs& args, const Context& context,
                                   QueryParameters& parameters) {
    return "SELECT database_name::varchar, schema_name::varchar, table_name::varchar, "
           "column_name::varchar, NULL::int8, NULL::int4, data_type::varchar, "
           "upper(is_nullable)::varchar, column_default::varchar, remarks::varchar, "
           "ordinal_position::int4 FROM svv_all_columns "
           "WHERE database_name <> current_database() AND "
           + where(filters(args, context, parameters, "database_name", "schema_name", "table_name",
                           "column_name"));
}

std::optional<std::string> cell(const wire::BuiltRow& row, std::size_t index) {
    return index < row.size() ? row[index] : std::nullopt;
}

}  // namespace

Plan columns_plan(const ColumnsArgs& args, const Context& context) {
    QueryParameters parameters;
    std::string sql = "SELECT * FROM (" + local_columns(args, context, parameters);
    if (context.redshift) {
        sql += " UNION ALL " + late_binding_columns(args, context, parameters);
        if (context.include_external) {
            sql += " UNION ALL " + external_columns(args, context, parameters);
        }
        if (!context.current_db_only) {
            sql += " UNION ALL " + other_database_columns(args, context, parameters);
        }
    }
    // ODBC: ordered by TABLE_CAT, TABLE_SCHEM, TABLE_NAME and ORDINAL_POSITION.
    sql += ") c ORDER BY 1, 2, 3, 11";
    Plan plan;
    plan.sql = std::move(sql);
    plan.parameters = parameters.values();
    plan.shape = columns_shape();
    plan.shape_rows = [reporting = context.reporting, redshift = context.redshift](Rows rows) {
        if (!redshift) {
            number_columns(rows);
        }
        return shape_column_rows(std::move(rows), reporting);
    };
    return plan;
}

Rows shape_column_rows(Rows rows, const types::ReportingOptions& reporting) {
    Rows out;
    out.reserve(rows.size());
    for (wire::BuiltRow& row : rows) {
        ServerType type;
        if (const auto oid = cell(row, 4)) {
            type.type_oid = static_cast<unsigned>(std::stoul(*oid));
            type.type_modifier = std::stoi(cell(row, 5).value_or("-1"));
        } else {
            type = server_type_from_name(cell(row, 6).value_or(""));
        }
        TypeColumns t = type_columns(type.type_oid, type.type_modifier, reporting);
        const std::string is_nullable = cell(row, 7).value_or("");
        const int nullable = is_nullable == "NO"    ? SQL_NO_NULLS
                             : is_nullable == "YES" ? SQL_NULLABLE
                                                    : SQL_NULLABLE_UNKNOWN;
        out.push_back({std::move(row[0]), std::move(row[1]), std::move(row[2]), std::move(row[3]),
                       std::move(t.data_type), std::move(t.type_name), std::move(t.column_size),
                       std::move(t.buffer_length), std::move(t.decimal_digits),
                       std::move(t.num_prec_radix), std::to_string(nullable), std::move(row[9]),
                       std::move(row[8]), std::move(t.sql_data_type), std::move(t.datetime_sub),
                       std::move(t.char_octet_length), std::move(row[10]), is_nullable});
    }
    return out;
}

}  // namespace rsodbc::catalog
