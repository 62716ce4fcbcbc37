#include "catalog/tables_query.h"

#include "catalog/name_filter.h"
#include "catalog/table_types.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace rsodbc::catalog {

namespace {

// The table types each server offers, in the order SQLTables(SQL_ALL_TABLE_TYPES) sorts them.
constexpr std::array<std::string_view, 7> postgresql_types{
    "FOREIGN TABLE", "LOCAL TEMPORARY", "MATERIALIZED VIEW", "SYSTEM TABLE", "SYSTEM VIEW", "TABLE",
    "VIEW"};
constexpr std::array<std::string_view, 6> redshift_types{
    "EXTERNAL TABLE", "LOCAL TEMPORARY", "SYSTEM TABLE", "SYSTEM VIEW", "TABLE", "VIEW"};

// System schemas: their relations are SYSTEM TABLE / SYSTEM VIEW. pg_internal and pg_automv are
// Redshift's own.
constexpr std::string_view system_schemas =
    "('pg_catalog', 'information_schema', 'pg_internal', 'pg_automv')";

// Other sessions' temporary schemas are useless to the application; its own one holds LOCAL
// TEMPORARY tables. Redshift (PostgreSQL 8.0 based) has no pg_my_temp_schema(): there every
// temporary schema counts as the session's own.
std::string own_temp_schema(bool redshift) {
    return redshift ? "n.nspname ~ '^pg_temp_'" : "n.oid = pg_catalog.pg_my_temp_schema()";
}

std::string visible_schema(bool redshift) {
    return "(n.nspname !~ '^pg_(toast_)?temp_' OR " + own_temp_schema(redshift)
           + ") AND n.nspname <> 'pg_toast'";
}

std::string relation_type(bool redshift) {
    return "CASE WHEN n.nspname IN " + std::string(system_schemas)
           + " THEN CASE WHEN c.relkind = 'v' THEN 'SYSTEM VIEW' ELSE 'SYSTEM TABLE' END WHEN "
           + own_temp_schema(redshift)
           + " THEN 'LOCAL TEMPORARY' WHEN c.relkind IN ('r', 'p') THEN 'TABLE' "
             "WHEN c.relkind = 'v' THEN 'VIEW' WHEN c.relkind = 'm' THEN 'MATERIALIZED VIEW' "
             "ELSE 'FOREIGN TABLE' END";
}

bool is_empty(const Name& name) {
    return name && name->empty();
}

Plan catalogs_plan(const Context& context) {
    Plan plan;
    plan.shape = tables_shape();
    if (context.redshift && !context.current_db_only) {
        plan.sql =
            "SELECT database_name::varchar, NULL::varchar, NULL::varchar, NULL::varchar, "
            "NULL::varchar FROM svv_redshift_databases ORDER BY 1";
    } else {
        // The only catalog is the session's database, which the driver knows: no round trip
        // (a BI tool asks this first, on a backend whose caches are still cold).
        plan.shape_rows = [database = context.database](const Rows& /*server_rows*/) {
            return Rows{{database, std::nullopt, std::nullopt, std::nullopt, std::nullopt}};
        };
    }
    return plan;
}

Plan schemas_plan(const Context& context) {
    Plan plan;
    plan.shape = tables_shape();
    if (context.redshift && !context.current_db_only) {
        // svv_all_schemas: local, external and datashare schemas of every database.
        plan.sql =
            "SELECT DISTINCT NULL::varchar AS c, schema_name::varchar AS s, NULL::varchar, "
            "NULL::varchar, NULL::varchar FROM svv_all_schemas";
        if (!context.include_external) {
            plan.sql += " WHERE schema_type <> 'external'";
        }
        plan.sql += " ORDER BY 2";
        return plan;
    }
    plan.sql =
        "SELECT NULL::varchar, n.nspname::varchar, NULL::varchar, NULL::varchar, NULL::varchar "
        "FROM pg_catalog.pg_namespace n WHERE "
        + visible_schema(context.redshift);
    if (context.redshift && !context.include_external) {
        // An external schema also has its pg_namespace row (svv_external_schemas.esoid).
        plan.sql += " AND n.nspname NOT IN (SELECT schemaname FROM svv_external_schemas)";
    } else if (context.redshift) {
        // External schemas are in pg_namespace on Redshift already; the UNION removes doubles.
        plan.sql +=
            " UNION SELECT NULL::varchar, schemaname::varchar, NULL::varchar, NULL::varchar, "
            "NULL::varchar FROM svv_external_schemas";
    }
    plan.sql += " ORDER BY 2";
    return plan;
}

Plan table_types_plan(const Context& context) {
    Plan plan;
    plan.shape = tables_shape();
    plan.shape_rows = [redshift = context.redshift](const Rows& /*server_rows*/) {
        Rows rows;
        const auto add = [&rows](std::string_view type) {
            rows.push_back(
                {std::nullopt, std::nullopt, std::nullopt, std::string(type), std::nullopt});
        };
        if (redshift) {
            std::for_each(redshift_types.begin(), redshift_types.end(), add);
        } else {
            std::for_each(postgresql_types.begin(), postgresql_types.end(), add);
        }
        return rows;
    };
    return plan;
}

// The local relations (pg_class): tables, views (late-binding ones included), materialized and
// foreign tables.
std::string local_tables(const TablesArgs& args, const Context& context,
                         QueryParameters& parameters) {
    const auto pattern = ArgumentKind::pattern;
    return "SELECT current_database()::varchar AS table_cat, n.nspname::varchar AS table_schem, "
           "c.relname::varchar AS table_name, ("
           + relation_type(context.redshift)
           + ")::varchar AS table_type, d.description::varchar AS remarks "
             "FROM pg_catalog.pg_class c "
             "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
             "LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = 0 "
             "AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass "
             "WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p') AND "
           + visible_schema(context.redshift) + " AND "
           + name_predicate("current_database()", args.catalog, pattern, context.metadata_id,
                            parameters)
           + " AND "
           + name_predicate("n.nspname", args.schema, pattern, context.metadata_id, parameters)
           + " AND "
           + name_predicate("c.relname", args.table, pattern, context.metadata_id, parameters);
}

std::string external_tables(const TablesArgs& args, const Context& context,
                            QueryParameters& parameters) {
    const auto pattern = ArgumentKind::pattern;
    return "SELECT current_database()::varchar, schemaname::varchar, tablename::varchar, "
           "'EXTERNAL TABLE'::varchar, NULL::varchar FROM svv_external_tables WHERE "
           + name_predicate("current_database()", args.catalog, pattern, context.metadata_id,
                            parameters)
           + " AND "
           + name_predicate("schemaname", args.schema, pattern, context.metadata_id, parameters)
           + " AND "
           + name_predicate("tablename", args.table, pattern, context.metadata_id, parameters);
}

// Tables and views of the other databases of the cluster (and of datashares), which pg_class
// does not show; their own external tables are left to svv_all_tables' EXTERNAL TABLE rows.
std::string other_database_tables(const TablesArgs& args, const Context& context,
                                  QueryParameters& parameters) {
    const auto pattern = ArgumentKind::pattern;
    return "SELECT database_name::varchar, schema_name::varchar, table_name::varchar, "
           "CASE WHEN table_type = 'VIEW' THEN 'VIEW' WHEN table_type = 'EXTERNAL TABLE' THEN "
           "'EXTERNAL TABLE' ELSE 'TABLE' END::varchar, remarks::varchar FROM svv_all_tables "
           "WHERE database_name <> current_database() AND "
           + name_predicate("database_name", args.catalog, pattern, context.metadata_id, parameters)
           + " AND "
           + name_predicate("schema_name", args.schema, pattern, context.metadata_id, parameters)
           + " AND "
           + name_predicate("table_name", args.table, pattern, context.metadata_id, parameters)
           + (context.include_external ? "" : " AND table_type <> 'EXTERNAL TABLE'");
}

Plan list_plan(const TablesArgs& args, const Context& context) {
    QueryParameters parameters;
    std::string sql = "SELECT * FROM (" + local_tables(args, context, parameters);
    if (context.redshift && context.include_external) {
        sql += " UNION ALL " + external_tables(args, context, parameters);
    }
    if (context.redshift && !context.current_db_only) {
        sql += " UNION ALL " + other_database_tables(args, context, parameters);
    }
    sql += ") t";
    const std::vector<std::string> types = parse_table_types(args.table_types);
    if (!types.empty()) {
        sql += " WHERE table_type IN (";
        for (std::size_t i = 0; i < types.size(); ++i) {
            sql += (i == 0 ? "" : ", ") + parameters.add(types[i]);
        }
        sql += ")";
    }
    // ODBC: ordered by TABLE_TYPE, TABLE_CAT, TABLE_SCHEM and TABLE_NAME.
    sql += " ORDER BY 4, 1, 2, 3";
    Plan plan;
    plan.sql = std::move(sql);
    plan.parameters = parameters.values();
    plan.shape = tables_shape();
    return plan;
}

}  // namespace

Plan tables_plan(const TablesArgs& args, const Context& context) {
    // The enumerations of SQLTables: exactly one argument is the "all" value and the names the
    // reference requires are empty strings (not null pointers).
    if (args.catalog == SQL_ALL_CATALOGS && is_empty(args.schema) && is_empty(args.table)) {
        return catalogs_plan(context);
    }
    if (args.schema == SQL_ALL_SCHEMAS && is_empty(args.catalog) && is_empty(args.table)) {
        return schemas_plan(context);
    }
    if (args.table_types == SQL_ALL_TABLE_TYPES && is_empty(args.catalog) && is_empty(args.schema)
        && is_empty(args.table)) {
        return table_types_plan(context);
    }
    return list_plan(args, context);
}

}  // namespace rsodbc::catalog
