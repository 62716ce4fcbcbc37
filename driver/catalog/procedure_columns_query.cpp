#include "catalog/procedure_columns_query.h"

#include "catalog/column_shape.h"
#include "catalog/key_positions.h"
#include "catalog/name_filter.h"
#include "catalog/procedures_query.h"

namespace rsodbc::catalog {

namespace {

constexpr unsigned void_oid = 2278;

std::string predicates(const ProcedureColumnsArgs& args, const Context& context, QueryParameters& p,
                       const char* column) {
    const bool id = context.metadata_id;
    return name_predicate("current_database()", args.catalog, ArgumentKind::ordinary, id, p)
           + " AND " + name_predicate("n.nspname", args.schema, ArgumentKind::pattern, id, p)
           + " AND " + name_predicate("pr.proname", args.procedure, ArgumentKind::pattern, id, p)
           + " AND " + name_predicate(column, args.column, ArgumentKind::pattern, id, p);
}

// Server row: cat, schema, name, procedure oid, column name, mode, type oid, position.
std::string arguments(const ProcedureColumnsArgs& args, const Context& context,
                      QueryParameters& p) {
    const std::string name = "COALESCE(pr.proargnames[k.i], '')";
    return "SELECT current_database()::varchar AS cat, n.nspname::varchar AS schem, "
           "pr.proname::varchar AS proc, pr.oid::int8 AS proc_oid, "
           + name
           + "::varchar AS col, COALESCE(pr.proargmodes[k.i], 'i')::varchar AS mode, "
             "COALESCE(pr.proallargtypes[k.i], pr.proargtypes[k.i - 1])::int8 AS type_oid, "
             "k.i::int4 AS position FROM "
           + procedure_source(context.redshift)
           + " pr JOIN pg_catalog.pg_namespace n ON n.oid = pr.pronamespace CROSS JOIN "
           + key_positions(1, max_function_arguments, "k")
           + " WHERE pr.prokind IN ('f', 'p') "
             "AND k.i <= COALESCE(array_upper(pr.proallargtypes, 1), pr.pronargs) AND "
           + predicates(args, context, p, name.c_str());
}

// A function's return value, unless OUT parameters or a result table describe it.
std::string return_value(const ProcedureColumnsArgs& args, const Context& context,
                         QueryParameters& p) {
    return "SELECT current_database()::varchar, n.nspname::varchar, pr.proname::varchar, "
           "pr.oid::int8, ''::varchar, 'r'::varchar, pr.prorettype::int8, 0::int4 FROM "
           + procedure_source(context.redshift)
           + " pr JOIN pg_catalog.pg_namespace n ON n.oid = pr.pronamespace "
             "WHERE pr.prokind = 'f' AND pr.prorettype <> "
           + std::to_string(void_oid) + " AND pr.proallargtypes IS NULL AND "
           + predicates(args, context, p, "''");
}

// SQL_PARAM_INPUT (1), SQL_PARAM_INPUT_OUTPUT (2), SQL_RESULT_COL (3), SQL_PARAM_OUTPUT (4),
// SQL_RETURN_VALUE (5); variadic arguments are inputs.
SQLSMALLINT column_type(const std::string& mode) {
    if (mode == "b") {
        return SQL_PARAM_INPUT_OUTPUT;
    }
    if (mode == "t") {
        return SQL_RESULT_COL;
    }
    if (mode == "o") {
        return SQL_PARAM_OUTPUT;
    }
    if (mode == "r") {
        return SQL_RETURN_VALUE;
    }
    return SQL_PARAM_INPUT;
}

Rows shape(Rows rows, const types::ReportingOptions& reporting) {
    Rows out;
    out.reserve(rows.size());
    for (wire::BuiltRow& row : rows) {
        TypeColumns t =
            type_columns(static_cast<unsigned>(std::stoul(row[6].value_or("25"))), -1, reporting);
        out.push_back({std::move(row[0]), std::move(row[1]), std::move(row[2]), std::move(row[4]),
                       std::to_string(column_type(row[5].value_or("i"))), std::move(t.data_type),
                       std::move(t.type_name), std::move(t.column_size), std::move(t.buffer_length),
                       std::move(t.decimal_digits), std::move(t.num_prec_radix),
                       std::to_string(SQL_NULLABLE_UNKNOWN), std::nullopt, std::nullopt,
                       std::move(t.sql_data_type), std::move(t.datetime_sub),
                       std::move(t.char_octet_length), std::move(row[7]), std::string()});
    }
    return out;
}

}  // namespace

Plan procedure_columns_plan(const ProcedureColumnsArgs& args, const Context& context) {
    QueryParameters p;
    Plan plan;
    plan.sql = "SELECT * FROM (" + arguments(args, context, p) + " UNION ALL "
               + return_value(args, context, p)
               // ODBC: by catalog, schema and name, and within a procedure (an overload is its
               // own) the return value, the parameters in call order, then the result columns.
               + ") c ORDER BY 1, 2, 3, 4, 8";
    plan.parameters = p.values();
    plan.shape = procedure_columns_shape();
    plan.shape_rows = [reporting = context.reporting](Rows rows) {
        return shape(std::move(rows), reporting);
    };
    return plan;
}

}  // namespace rsodbc::catalog
