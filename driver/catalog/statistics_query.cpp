#include "catalog/statistics_query.h"

#include "catalog/key_positions.h"
#include "catalog/name_filter.h"
#include "odbc/odbc_error.h"

namespace rsodbc::catalog {

namespace {

std::string filters(const StatisticsArgs& args, const Context& context, QueryParameters& p,
                    const char* catalog, const char* schema, const char* table) {
    const auto ordinary = ArgumentKind::ordinary;
    const bool id = context.metadata_id;
    return name_predicate(catalog, args.catalog, ordinary, id, p) + " AND "
           + name_predicate(schema, args.schema, ordinary, id, p) + " AND "
           + name_predicate(table, args.table, ordinary, id, p);
}

std::string postgresql_statistics(const StatisticsArgs& args, const Context& context,
                                  QueryParameters& p) {
    const std::string table_stat =
        "SELECT current_database()::varchar AS cat, n.nspname::varchar AS schem, "
        "c.relname::varchar AS tab, NULL::int2 AS non_unique, NULL::varchar AS qualifier, "
        "NULL::varchar AS index_name, 0::int2 AS type, NULL::int2 AS position, "
        "NULL::varchar AS col, NULL::varchar AS asc_or_desc, "
        "CASE WHEN c.reltuples < 0 THEN NULL "
        "ELSE LEAST(c.reltuples, 2147483647) END::int4 AS cardinality, "
        "c.relpages::int4 AS pages, NULL::varchar AS filter "
        "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'm', 'p', 'f') AND "
        + filters(args, context, p, "current_database()", "n.nspname", "c.relname");
    // SQL_INDEX_HASHED (2) for hash indexes, SQL_INDEX_OTHER (3) for the rest; expression
    // columns are reported by their expression, as ODBC asks.
    std::string indexes =
        "SELECT current_database()::varchar, n.nspname::varchar, c.relname::varchar, "
        "CASE WHEN x.indisunique THEN 0 ELSE 1 END::int2, n.nspname::varchar, "
        "ic.relname::varchar, CASE WHEN am.amname = 'hash' THEN 2 ELSE 3 END::int2, k.i::int2, "
        "CASE WHEN x.indkey[k.i - 1] <> 0 THEN a.attname::varchar "
        "ELSE pg_catalog.pg_get_indexdef(x.indexrelid, k.i, true)::varchar END, "
        "CASE WHEN am.amname <> 'btree' THEN NULL WHEN (x.indoption[k.i - 1] & 1) = 1 THEN 'D' "
        "ELSE 'A' END::varchar, NULL::int4, ic.relpages::int4, "
        "pg_catalog.pg_get_expr(x.indpred, x.indrelid)::varchar "
        "FROM pg_catalog.pg_index x "
        "JOIN pg_catalog.pg_class c ON c.oid = x.indrelid "
        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid "
        "JOIN pg_catalog.pg_am am ON am.oid = ic.relam CROSS JOIN "
        + key_positions(1, max_key_columns, "k")
        + " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid "
          "AND a.attnum = x.indkey[k.i - 1] "
          "WHERE k.i <= x.indnkeyatts AND "
        + filters(args, context, p, "current_database()", "n.nspname", "c.relname");
    if (args.unique == SQL_INDEX_UNIQUE) {
        indexes += " AND x.indisunique";
    }
    return table_stat + " UNION ALL " + indexes;
}

// Sort and distribution keys from svv_redshift_columns (sortkey: position in the sort key,
// negative for interleaved keys; distkey: true for the distribution column).
std::string redshift_keys(const StatisticsArgs& args, const Context& context, QueryParameters& p) {
    const std::string where =
        filters(args, context, p, "database_name", "schema_name", "table_name");
    const std::string columns =
        "database_name::varchar AS cat, schema_name::varchar AS schem, "
        "table_name::varchar AS tab, 1::int2 AS non_unique, schema_name::varchar AS qualifier, ";
    return "SELECT " + columns
           + "'SORTKEY'::varchar AS index_name, 3::int2 AS type, abs(sortkey)::int2 AS position, "
             "column_name::varchar AS col, 'A'::varchar AS asc_or_desc, NULL::int4 AS "
             "cardinality, NULL::int4 AS pages, NULL::varchar AS filter "
             "FROM svv_redshift_columns WHERE sortkey <> 0 AND database_name = "
             "current_database() AND "
           + where + " UNION ALL SELECT " + columns
           + "'DISTKEY'::varchar, 3::int2, 1::int2, column_name::varchar, NULL::varchar, "
             "NULL::int4, NULL::int4, NULL::varchar FROM svv_redshift_columns WHERE distkey "
             "AND database_name = current_database() AND "
           + filters(args, context, p, "database_name", "schema_name", "table_name");
}

}  // namespace

Plan statistics_plan(const StatisticsArgs& args, const Context& context) {
    if (!args.table) {
        throw odbc::OdbcError(sqlstate::invalid_use_of_null_pointer,
                              "invalid use of null pointer: TableName must not be NULL");
    }
    if (args.unique != SQL_INDEX_UNIQUE && args.unique != SQL_INDEX_ALL) {
        throw odbc::OdbcError(sqlstate::uniqueness_option_out_of_range,
                              "uniqueness option type out of range: Unique must be "
                              "SQL_INDEX_UNIQUE or SQL_INDEX_ALL");
    }
    if (args.reserved != SQL_ENSURE && args.reserved != SQL_QUICK) {
        throw odbc::OdbcError(sqlstate::accuracy_option_out_of_range,
                              "accuracy option type out of range: Reserved must be "
                              "SQL_ENSURE or SQL_QUICK");
    }
    Plan plan;
    plan.shape = statistics_shape();
    QueryParameters parameters;
    if (!context.redshift) {
        plan.sql = postgresql_statistics(args, context, parameters);
    } else if (context.sort_keys_as_statistics && args.unique == SQL_INDEX_ALL) {
        plan.sql = redshift_keys(args, context, parameters);
    } else {
        return plan;  // no indexes, and the keys are not asked for: nothing to ask the server
    }
    // ODBC: ordered by NON_UNIQUE, TYPE, INDEX_QUALIFIER, INDEX_NAME, ORDINAL_POSITION; the
    // SQL_TABLE_STAT row (NON_UNIQUE NULL) comes first.
    plan.sql = "SELECT * FROM (" + plan.sql + ") s ORDER BY 4 NULLS FIRST, 7, 5, 6, 8";
    plan.parameters = parameters.values();
    return plan;
}

}  // namespace rsodbc::catalog
