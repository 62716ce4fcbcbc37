// SQLTables SQLColumns SQLPrimaryKeys SQLForeignKeys SQLStatistics SQLSpecialColumns
// SQLProcedures SQLProcedureColumns SQLTablePrivileges SQLColumnPrivileges, ANSI and W through one
// template each.
#include "api/entry.h"
#include "api/text_in.h"
#include "catalog/catalog_call.h"
#include "core/call_trace.h"
#include "core/statement.h"
#include "odbc/odbc_error.h"

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

using rsodbc::api::entry;
using rsodbc::api::text_in;
using rsodbc::core::Statement;
using rsodbc::odbc::OdbcError;
namespace catalog = rsodbc::catalog;

namespace {

// The arguments are read inside the entry wrapper, so a bad length is a diagnostic (HY090).
SQLRETURN run(SQLHSTMT stmt, const auto& make_request) {
    return entry<Statement>(stmt, [&](Statement& s) { s.catalog(make_request()); });
}

template <class Char>
SQLRETURN tables(SQLHSTMT stmt, Char* catalog, SQLSMALLINT catalog_length, Char* schema,
                 SQLSMALLINT schema_length, Char* table, SQLSMALLINT table_length, Char* types,
                 SQLSMALLINT types_length) {
    return run(stmt, [&] {
        return catalog::TablesArgs{text_in(catalog, catalog_length), text_in(schema, schema_length),
                                   text_in(table, table_length), text_in(types, types_length)};
    });
}

template <class Char>
SQLRETURN columns(SQLHSTMT stmt, Char* catalog, SQLSMALLINT catalog_length, Char* schema,
                  SQLSMALLINT schema_length, Char* table, SQLSMALLINT table_length, Char* column,
                  SQLSMALLINT column_length) {
    return run(stmt, [&] {
        return catalog::ColumnsArgs{text_in(catalog, catalog_length),
                                    text_in(schema, schema_length), text_in(table, table_length),
                                    text_in(column, column_length)};
    });
}

template <class Char>
SQLRETURN primary_keys(SQLHSTMT stmt, Char* catalog, SQLSMALLINT catalog_length, Char* schema,
                       SQLSMALLINT schema_length, Char* table, SQLSMALLINT table_length) {
    return run(stmt, [&] {
        return catalog::PrimaryKeysArgs{text_in(catalog, catalog_length),
                                        text_in(schema, schema_length),
                                        text_in(table, table_length)};
    });
}

template <class Char>
SQLRETURN foreign_keys(SQLHSTMT stmt, Char* pk_catalog, SQLSMALLINT pk_catalog_length,
                       Char* pk_schema, SQLSMALLINT pk_schema_length, Char* pk_table,
                       SQLSMALLINT pk_table_length, Char* fk_catalog, SQLSMALLINT fk_catalog_length,
                       Char* fk_schema, SQLSMALLINT fk_schema_length, Char* fk_table,
                       SQLSMALLINT fk_table_length) {
    return run(stmt, [&] {
        return catalog::ForeignKeysArgs{
            text_in(pk_catalog, pk_catalog_length), text_in(pk_schema, pk_schema_length),
            text_in(pk_table, pk_table_length),     text_in(fk_catalog, fk_catalog_length),
            text_in(fk_schema, fk_schema_length),   text_in(fk_table, fk_table_length)};
    });
}

template <class Char>
SQLRETURN statistics(SQLHSTMT stmt, Char* catalog, SQLSMALLINT catalog_length, Char* schema,
                     SQLSMALLINT schema_length, Char* table, SQLSMALLINT table_length,
                     SQLUSMALLINT unique, SQLUSMALLINT reserved) {
    return run(stmt, [&] {
        return catalog::StatisticsArgs{text_in(catalog, catalog_length),
                                       text_in(schema, schema_length), text_in(table, table_length),
                                       unique, reserved};
    });
}

template <class Char>
SQLRETURN special_columns(SQLHSTMT stmt, SQLUSMALLINT identifier_type, Char* catalog,
                          SQLSMALLINT catalog_length, Char* schema, SQLSMALLINT schema_length,
                          Char* table, SQLSMALLINT table_length, SQLUSMALLINT scope,
                          SQLUSMALLINT nullable) {
    return run(stmt, [&] {
        return catalog::SpecialColumnsArgs{identifier_type,
                                           text_in(catalog, catalog_length),
                                           text_in(schema, schema_length),
                                           text_in(table, table_length),
                                           scope,
                                           nullable};
    });
}

template <class Char>
SQLRETURN procedures(SQLHSTMT stmt, Char* catalog, SQLSMALLINT catalog_length, Char* schema,
                     SQLSMALLINT schema_length, Char* procedure, SQLSMALLINT procedure_length) {
    return run(stmt, [&] {
        return catalog::ProceduresArgs{text_in(catalog, catalog_length),
                                       text_in(schema, schema_length),
                                       text_in(procedure, procedure_length)};
    });
}

template <class Char>
SQLRETURN procedure_columns(SQLHSTMT stmt, Char* catalog, SQLSMALLINT catalog_length, Char* schema,
                            SQLSMALLINT schema_length, Char* procedure,
                            SQLSMALLINT procedure_length, Char* column, SQLSMALLINT column_length) {
    return run(stmt, [&] {
        return catalog::ProcedureColumnsArgs{
            text_in(catalog, catalog_length), text_in(schema, schema_length),
            text_in(procedure, procedure_length), text_in(column, column_length)};
    });
}

// Privileges are refused rather than guessed: Redshift grants reach tables through users,
// groups, roles, datashares and Spectrum (Lake Formation) permissions, and PostgreSQL's ACLs
// through role membership; an ACL reading that misses any of them would tell the application it
// may do what the server then refuses. SQLGetFunctions reports both as unsupported.
SQLRETURN privileges(SQLHSTMT stmt, const char* function) {
    return entry<Statement>(stmt, [&](Statement&) {
        throw OdbcError(rsodbc::sqlstate::optional_feature_not_implemented,
                        std::string("optional feature not implemented: ") + function
                            + " is not supported: privileges on Redshift come from users, groups, "
                              "roles, datashares and Lake Formation, which no catalog query "
                              "reports completely; try the table with a query instead");
    });
}

}  // namespace

extern "C" {

SQLRETURN SQL_API SQLTables(SQLHSTMT stmt, SQLCHAR* catalog, SQLSMALLINT catalog_length,
                            SQLCHAR* schema, SQLSMALLINT schema_length, SQLCHAR* table,
                            SQLSMALLINT table_length, SQLCHAR* types, SQLSMALLINT types_length) {
    RSODBC_API_CALL(stmt, catalog, catalog_length, schema, schema_length, table, table_length,
                    types, types_length);
    return tables(stmt, catalog, catalog_length, schema, schema_length, table, table_length, types,
                  types_length);
}

SQLRETURN SQL_API SQLTablesW(SQLHSTMT stmt, SQLWCHAR* catalog, SQLSMALLINT catalog_length,
                             SQLWCHAR* schema, SQLSMALLINT schema_length, SQLWCHAR* table,
                             SQLSMALLINT table_length, SQLWCHAR* types, SQLSMALLINT types_length) {
    RSODBC_API_CALL(stmt, catalog, catalog_length, schema, schema_length, table, table_length,
                    types, types_length);
    return tables(stmt, catalog, catalog_length, schema, schema_length, table, table_length, types,
                  types_length);
}

SQLRETURN SQL_API SQLColumns(SQLHSTMT stmt, SQLCHAR* catalog, SQLSMALLINT catalog_length,
                             SQLCHAR* schema, SQLSMALLINT schema_length, SQLCHAR* table,
                             SQLSMALLINT table_length, SQLCHAR* column, SQLSMALLINT column_length) {
    RSODBC_API_CALL(stmt, catalog, catalog_length, schema, schema_length, table, table_length,
                    column, column_length);
    return columns(stmt, catalog, catalog_length, schema, schema_length, table, table_length,
                   column, column_length);
}

SQLRETURN SQL_API SQLColumnsW(SQLHSTMT stmt, SQLWCHAR* catalog, SQLSMALLINT catalog_length,
                              SQLWCHAR* schema, SQLSMALLINT schema_length, SQLWCHAR* table,
                              SQLSMALLINT table_length, SQLWCHAR* column,
                              SQLSMALLINT column_length) {
    RSODBC_API_CALL(stmt, catalog, catalog_length, schema, schema_length, table, table_length,
                    column, column_length);
    return columns(stmt, catalog, catalog_length, schema, schema_length, table, table_length,
                   column, column_length);
}

SQLRETURN SQL_API SQLPrimaryKeys(SQLHSTMT stmt, SQLCHAR* catalog, SQLSMALLINT catalog_length,
                                 SQLCHAR* schema, SQLSMALLINT schema_length, SQLCHAR* table,
                                 SQLSMALLINT table_length) {
    RSODBC_API_CALL(stmt, catalog, catalog_length, schema, schema_length, table, table_length);
    return primary_keys(stmt, catalog, catalog_length, schema, schema_length, table, table_length);
}

SQLRETURN SQL_API SQLPrimaryKeysW(SQLHSTMT stmt, SQLWCHAR* catalog, SQLSMALLINT catalog_length,
                                  SQLWCHAR* schema, SQLSMALLINT schema_length, SQLWCHAR* table,
                                  SQLSMALLINT table_length) {
    RSODBC_API_CALL(stmt, catalog, catalog_length, schema, schema_length, table, table_length);
    return primary_keys(stmt, catalog, catalog_length, schema, schema_length, table, table_length);
}

SQLRETURN SQL_API SQLForeignKeys(SQLHSTMT stmt, SQLCHAR* pk_catalog, SQLSMALLINT pk_catalog_length,
                                 SQLCHAR* pk_schema, SQLSMALLINT pk_schema_length,
                                 SQLCHAR* pk_table, SQLSMALLINT pk_table_length,
                                 SQLCHAR* fk_catalog, SQLSMALLINT fk_catalog_length,
                                 SQLCHAR* fk_schema, SQLSMALLINT fk_schema_length,
                                 SQLCHAR* fk_table, SQLSMALLINT fk_table_length) {
    RSODBC_API_CALL(stmt, pk_catalog, pk_catalog_length, pk_schema, pk_schema_length, pk_table,
                    pk_table_length, fk_catalog, fk_catalog_length, fk_schema, fk_schema_length,
                    fk_table, fk_table_length);
    return foreign_keys(stmt, pk_catalog, pk_catalog_length, pk_schema, pk_schema_length, pk_table,
                        pk_table_length, fk_catalog, fk_catalog_length, fk_schema, fk_schema_length,
                        fk_table, fk_table_length);
}

SQLRETURN SQL_API SQLForeignKeysW(SQLHSTMT stmt, SQLWCHAR* pk_catalog,
                                  SQLSMALLINT pk_catalog_length, SQLWCHAR* pk_schema,
                                  SQLSMALLINT pk_schema_length, SQLWCHAR* pk_table,
                                  SQLSMALLINT pk_table_length, SQLWCHAR* fk_catalog,
                                  SQLSMALLINT fk_catalog_length, SQLWCHAR* fk_schema,
                                  SQLSMALLINT fk_schema_length, SQLWCHAR* fk_table,
                                  SQLSMALLINT fk_table_length) {
    RSODBC_API_CALL(stmt, pk_catalog, pk_catalog_length, pk_schema, pk_schema_length, pk_table,
                    pk_table_length, fk_catalog, fk_catalog_length, fk_schema, fk_schema_length,
                    fk_table, fk_table_length);
    return foreign_keys(stmt, pk_catalog, pk_catalog_length, pk_schema, pk_schema_length, pk_table,
                        pk_table_length, fk_catalog, fk_catalog_length, fk_schema, fk_schema_length,
                        fk_table, fk_table_length);
}

SQLRETURN SQL_API SQLStatistics(SQLHSTMT stmt, SQLCHAR* catalog, SQLSMALLINT catalog_length,
                                SQLCHAR* schema, SQLSMALLINT schema_length, SQLCHAR* table,
                                SQLSMALLINT table_length, SQLUSMALLINT unique,
                                SQLUSMALLINT reserved) {
    RSODBC_API_CALL(stmt, catalog, catalog_length, schema, schema_length, table, table_length,
                    unique, reserved);
    return statistics(stmt, catalog, catalog_length, schema, schema_length, table, table_length,
                      unique, reserved);
}

SQLRETURN SQL_API SQLStatisticsW(SQLHSTMT stmt, SQLWCHAR* catalog, SQLSMALLINT catalog_length,
                                 SQLWCHAR* schema, SQLSMALLINT schema_length, SQLWCHAR* table,
                                 SQLSMALLINT table_length, SQLUSMALLINT unique,
                                 SQLUSMALLINT reserved) {
    RSODBC_API_CALL(stmt, catalog, catalog_length, schema, schema_length, table, table_length,
                    unique, reserved);
    return statistics(stmt, catalog, catalog_length, schema, schema_length, table, table_length,
                      unique, reserved);
}

SQLRETURN SQL_API SQLSpecialColumns(SQLHSTMT stmt, SQLUSMALLINT identifier_type, SQLCHAR* catalog,
                                    SQLSMALLINT catalog_length, SQLCHAR* schema,
                                    SQLSMALLINT schema_length, SQLCHAR* table,
                                    SQLSMALLINT table_length, SQLUSMALLINT scope,
                                    SQLUSMALLINT nullable) {
    RSODBC_API_CALL(stmt, identifier_type, catalog, catalog_length, schema, schema_length, table,
                    table_length, scope, nullable);
    return special_columns(stmt, identifier_type, catalog, catalog_length, schema, schema_length,
                           table, table_length, scope, nullable);
}

SQLRETURN SQL_API SQLSpecialColumnsW(SQLHSTMT stmt, SQLUSMALLINT identifier_type, SQLWCHAR* catalog,
                                     SQLSMALLINT catalog_length, SQLWCHAR* schema,
                                     SQLSMALLINT schema_length, SQLWCHAR* table,
                                     SQLSMALLINT table_length, SQLUSMALLINT scope,
                                     SQLUSMALLINT nullable) {
    RSODBC_API_CALL(stmt, identifier_type, catalog, catalog_length, schema, schema_length, table,
                    table_length, scope, nullable);
    return special_columns(stmt, identifier_type, catalog, catalog_length, schema, schema_length,
                           table, table_length, scope, nullable);
}

SQLRETURN SQL_API SQLProcedures(SQLHSTMT stmt, SQLCHAR* catalog, SQLSMALLINT catalog_length,
                                SQLCHAR* schema, SQLSMALLINT schema_length, SQLCHAR* procedure,
                                SQLSMALLINT procedure_length) {
    RSODBC_API_CALL(stmt, catalog, catalog_length, schema, schema_length, procedure,
                    procedure_length);
    return procedures(stmt, catalog, catalog_length, schema, schema_length, procedure,
                      procedure_length);
}

SQLRETURN SQL_API SQLProceduresW(SQLHSTMT stmt, SQLWCHAR* catalog, SQLSMALLINT catalog_length,
                                 SQLWCHAR* schema, SQLSMALLINT schema_length, SQLWCHAR* procedure,
                                 SQLSMALLINT procedure_length) {
    RSODBC_API_CALL(stmt, catalog, catalog_length, schema, schema_length, procedure,
                    procedure_length);
    return procedures(stmt, catalog, catalog_length, schema, schema_length, procedure,
                      procedure_length);
}

SQLRETURN SQL_API SQLProcedureColumns(SQLHSTMT stmt, SQLCHAR* catalog, SQLSMALLINT catalog_length,
                                      SQLCHAR* schema, SQLSMALLINT schema_length,
                                      SQLCHAR* procedure, SQLSMALLINT procedure_length,
                                      SQLCHAR* column, SQLSMALLINT column_length) {
    RSODBC_API_CALL(stmt, catalog, catalog_length, schema, schema_length, procedure,
                    procedure_length, column, column_length);
    return procedure_columns(stmt, catalog, catalog_length, schema, schema_length, procedure,
                             procedure_length, column, column_length);
}

SQLRETURN SQL_API SQLProcedureColumnsW(SQLHSTMT stmt, SQLWCHAR* catalog, SQLSMALLINT catalog_length,
                                       SQLWCHAR* schema, SQLSMALLINT schema_length,
                                       SQLWCHAR* procedure, SQLSMALLINT procedure_length,
                                       SQLWCHAR* column, SQLSMALLINT column_length) {
    RSODBC_API_CALL(stmt, catalog, catalog_length, schema, schema_length, procedure,
                    procedure_length, column, column_length);
    return procedure_columns(stmt, catalog, catalog_length, schema, schema_length, procedure,
                             procedure_length, column, column_length);
}

SQLRETURN SQL_API SQLTablePrivileges(SQLHSTMT stmt, SQLCHAR* /*catalog*/,
                                     SQLSMALLINT /*catalog_length*/, SQLCHAR* /*schema*/,
                                     SQLSMALLINT /*schema_length*/, SQLCHAR* /*table*/,
                                     SQLSMALLINT /*table_length*/) {
    RSODBC_API_CALL(stmt);
    return privileges(stmt, "SQLTablePrivileges");
}

SQLRETURN SQL_API SQLTablePrivilegesW(SQLHSTMT stmt, SQLWCHAR* /*catalog*/,
                                      SQLSMALLINT /*catalog_length*/, SQLWCHAR* /*schema*/,
                                      SQLSMALLINT /*schema_length*/, SQLWCHAR* /*table*/,
                                      SQLSMALLINT /*table_length*/) {
    RSODBC_API_CALL(stmt);
    return privileges(stmt, "SQLTablePrivileges");
}

SQLRETURN SQL_API SQLColumnPrivileges(SQLHSTMT stmt, SQLCHAR* /*catalog*/,
                                      SQLSMALLINT /*catalog_length*/, SQLCHAR* /*schema*/,
                                      SQLSMALLINT /*schema_length*/, SQLCHAR* /*table*/,
                                      SQLSMALLINT /*table_length*/, SQLCHAR* /*column*/,
                                      SQLSMALLINT /*column_length*/) {
    RSODBC_API_CALL(stmt);
    return privileges(stmt, "SQLColumnPrivileges");
}

SQLRETURN SQL_API SQLColumnPrivilegesW(SQLHSTMT stmt, SQLWCHAR* /*catalog*/,
                                       SQLSMALLINT /*catalog_length*/, SQLWCHAR* /*schema*/,
                                       SQLSMALLINT /*schema_length*/, SQLWCHAR* /*table*/,
                                       SQLSMALLINT /*table_length*/, SQLWCHAR* /*column*/,
                                       SQLSMALLINT /*column_length*/) {
    RSODBC_API_CALL(stmt);
    return privileges(stmt, "SQLColumnPrivileges");
}

}  // extern "C"
