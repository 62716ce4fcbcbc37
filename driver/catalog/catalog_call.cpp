#include "catalog/catalog_call.h"

#include "catalog/columns_query.h"
#include "catalog/foreign_keys_query.h"
#include "catalog/primary_keys_query.h"
#include "catalog/procedure_columns_query.h"
#include "catalog/procedures_query.h"
#include "catalog/special_columns_query.h"
#include "catalog/statistics_query.h"
#include "catalog/tables_query.h"
#include "odbc/odbc_error.h"

namespace rsodbc::catalog {

namespace {

template <class... Fs>
struct Overloaded : Fs... {
    using Fs::operator()...;
};

// C++20 deduces this from the aggregate initialiser (g++ does); clang 14 does not implement
// aggregate CTAD yet, so the guide spells it out for both.
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

// With SQL_ATTR_METADATA_ID true every name argument is an identifier, and a null pointer is
// HY009 (ODBC: catalog function arguments). SQLTables' TableType is a value list, never an
// identifier; SQLForeignKeys checks only the side whose table is named, since one side may be
// left out.
void require_identifiers(const Request& request) {
    const auto require = [](const Name& name, const char* argument) {
        if (!name) {
            throw odbc::OdbcError(sqlstate::invalid_use_of_null_pointer, std::string("invalid use of null pointer: ") + argument
                                            + " must not be NULL when SQL_ATTR_METADATA_ID is "
                                              "SQL_TRUE");
        }
    };
    std::visit(Overloaded{
                   [&](const ForeignKeysArgs& a) {
                       if (a.pk_table) {
                           require(a.pk_catalog, "PKCatalogName");
                           require(a.pk_schema, "PKSchemaName");
                       }
                       if (a.fk_table) {
                           require(a.fk_catalog, "FKCatalogName");
                           require(a.fk_schema, "FKSchemaName");
                       }
                   },
                   [&](const TablesArgs& a) {
                       require(a.catalog, "CatalogName");
                       require(a.schema, "SchemaName");
                       require(a.table, "TableName");
                   },
                   [&](const ColumnsArgs& a) {
                       require(a.catalog, "CatalogName");
                       require(a.schema, "SchemaName");
                       require(a.table, "TableName");
                       require(a.column, "ColumnName");
                   },
                   [&](const ProceduresArgs& a) {
                       require(a.catalog, "CatalogName");
                       require(a.schema, "SchemaName");
                       require(a.procedure, "ProcName");
                   },
                   [&](const ProcedureColumnsArgs& a) {
                       require(a.catalog, "CatalogName");
                       require(a.schema, "SchemaName");
                       require(a.procedure, "ProcName");
                       require(a.column, "ColumnName");
                   },
                   [&](const auto& a) {  // primary keys, statistics, special columns
                       require(a.catalog, "CatalogName");
                       require(a.schema, "SchemaName");
                   },
               },
               request);
}

}  // namespace

Plan plan(const Request& request, const Context& context) {
    if (context.metadata_id) {
        require_identifiers(request);
    }
    return std::visit(
        Overloaded{
            [&](const TablesArgs& args) { return tables_plan(args, context); },
            [&](const ColumnsArgs& args) { return columns_plan(args, context); },
            [&](const PrimaryKeysArgs& args) { return primary_keys_plan(args, context); },
            [&](const ForeignKeysArgs& args) { return foreign_keys_plan(args, context); },
            [&](const StatisticsArgs& args) { return statistics_plan(args, context); },
            [&](const SpecialColumnsArgs& args) { return special_columns_plan(args, context); },
            [&](const ProceduresArgs& args) { return procedures_plan(args, context); },
            [&](const ProcedureColumnsArgs& args) { return procedure_columns_plan(args, context); },
        },
        request);
}

}  // namespace rsodbc::catalog
