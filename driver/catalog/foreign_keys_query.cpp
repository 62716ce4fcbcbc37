#include "catalog/foreign_keys_query.h"

#include "catalog/key_positions.h"
#include "catalog/name_filter.h"
#include "odbc/odbc_error.h"

namespace rsodbc::catalog {

namespace {

// pg_constraint's action codes -> SQL_CASCADE (0), SQL_RESTRICT (1), SQL_SET_NULL (2),
// SQL_NO_ACTION (3), SQL_SET_DEFAULT (4).
std::string rule(const char* column) {
    return std::string("CASE ") + column
           + " WHEN 'c' THEN 0 WHEN 'r' THEN 1 WHEN 'n' THEN 2 WHEN 'd' THEN 4 ELSE 3 END::int2";
}

}  // namespace

Plan foreign_keys_plan(const ForeignKeysArgs& args, const Context& context) {
    if (!args.pk_table && !args.fk_table) {
        throw odbc::OdbcError(sqlstate::invalid_use_of_null_pointer,
                              "invalid use of null pointer: PKTableName and FKTableName must not "
                              "both be NULL");
    }
    const auto ordinary = ArgumentKind::ordinary;
    const bool id = context.metadata_id;
    QueryParameters p;
    std::string sql =
        "SELECT current_database()::varchar, pn.nspname::varchar, pc.relname::varchar, "
        "pa.attname::varchar, current_database()::varchar, fn.nspname::varchar, "
        "fc.relname::varchar, fa.attname::varchar, k.i::int2, "
        + rule("con.confupdtype") + ", " + rule("con.confdeltype")
        + ", con.conname::varchar, COALESCE(pk.conname, uk.conname)::varchar, "
          // SQL_INITIALLY_DEFERRED (5), SQL_INITIALLY_IMMEDIATE (6), SQL_NOT_DEFERRABLE (7)
          "CASE WHEN con.condeferrable AND con.condeferred THEN 5 "
          "WHEN con.condeferrable THEN 6 ELSE 7 END::int2 "
          "FROM pg_catalog.pg_constraint con "
          "JOIN pg_catalog.pg_class fc ON fc.oid = con.conrelid "
          "JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace "
          "JOIN pg_catalog.pg_class pc ON pc.oid = con.confrelid "
          "JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace CROSS JOIN "
        + key_positions(1, max_key_columns, "k")
        + " JOIN pg_catalog.pg_attribute fa ON fa.attrelid = con.conrelid "
          "AND fa.attnum = con.conkey[k.i] "
          "JOIN pg_catalog.pg_attribute pa ON pa.attrelid = con.confrelid "
          "AND pa.attnum = con.confkey[k.i] "
          // PK_NAME: the primary key or unique constraint the foreign key refers to.
          "LEFT JOIN pg_catalog.pg_constraint pk ON pk.conrelid = con.confrelid "
          "AND pk.contype = 'p' AND pk.conkey = con.confkey "
          "LEFT JOIN pg_catalog.pg_constraint uk ON pk.conname IS NULL "
          "AND uk.conrelid = con.confrelid AND uk.contype = 'u' AND uk.conkey = con.confkey "
          "WHERE con.contype = 'f'";
    if (args.pk_table) {
        sql += " AND " + name_predicate("current_database()", args.pk_catalog, ordinary, id, p)
               + " AND " + name_predicate("pn.nspname", args.pk_schema, ordinary, id, p) + " AND "
               + name_predicate("pc.relname", args.pk_table, ordinary, id, p);
    }
    if (args.fk_table) {
        sql += " AND " + name_predicate("current_database()", args.fk_catalog, ordinary, id, p)
               + " AND " + name_predicate("fn.nspname", args.fk_schema, ordinary, id, p) + " AND "
               + name_predicate("fc.relname", args.fk_table, ordinary, id, p);
    }
    // ODBC: exported keys (PKTableName given) by FKTABLE_CAT, FKTABLE_SCHEM, FKTABLE_NAME,
    // KEY_SEQ; imported keys by PKTABLE_CAT, PKTABLE_SCHEM, PKTABLE_NAME, KEY_SEQ. The
    // constraint name keeps the columns of two keys between the same tables apart.
    sql += args.pk_table ? " ORDER BY 5, 6, 7, 12, 9" : " ORDER BY 1, 2, 3, 12, 9";
    Plan plan;
    plan.sql = std::move(sql);
    plan.parameters = p.values();
    plan.shape = foreign_keys_shape();
    return plan;
}

}  // namespace rsodbc::catalog
