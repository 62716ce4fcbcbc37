#pragma once
// One catalog function call: its arguments, what the driver knows about the connection, and the
// plan that answers it — one set-based query with bound parameters, then a shaping step that
// turns the server's raw facts (type OIDs, typmods, flags) into the ODBC columns.
#include "catalog/result_shapes.h"
#include "types/type_reporting.h"
#include "wire/built_result.h"

#include <sql.h>
#include <sqlext.h>

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace rsodbc::catalog {

using Name = std::optional<std::string>;  // nullopt: the application passed a null pointer

struct TablesArgs {
    Name catalog, schema, table, table_types;
};

struct ColumnsArgs {
    Name catalog, schema, table, column;
};

struct PrimaryKeysArgs {
    Name catalog, schema, table;
};

struct ForeignKeysArgs {
    Name pk_catalog, pk_schema, pk_table, fk_catalog, fk_schema, fk_table;
};

struct StatisticsArgs {
    Name catalog, schema, table;
    SQLUSMALLINT unique = SQL_INDEX_ALL;
    SQLUSMALLINT reserved = SQL_QUICK;
};

struct SpecialColumnsArgs {
    SQLUSMALLINT identifier_type = SQL_BEST_ROWID;
    Name catalog, schema, table;
    SQLUSMALLINT scope = SQL_SCOPE_CURROW;
    SQLUSMALLINT nullable = SQL_NULLABLE;
};

struct ProceduresArgs {
    Name catalog, schema, procedure;
};

struct ProcedureColumnsArgs {
    Name catalog, schema, procedure, column;
};

using Request =
    std::variant<TablesArgs, ColumnsArgs, PrimaryKeysArgs, ForeignKeysArgs, StatisticsArgs,
                 SpecialColumnsArgs, ProceduresArgs, ProcedureColumnsArgs>;

struct Context {
    bool redshift = false;
    bool odbc2 = false;        // SQL_ATTR_ODBC_VERSION 2: ODBC 2 column names
    bool metadata_id = false;  // SQL_ATTR_METADATA_ID: arguments are identifiers
    types::ReportingOptions reporting;
    std::string database;  // the current database: the only catalog unless told otherwise
    // Redshift keys (DatabaseMetadataCurrentDbOnly, ExcludeExternalSchemas, SortKeysAsStatistics).
    bool current_db_only = true;
    bool include_external = true;
    bool sort_keys_as_statistics = false;
};

using Rows = std::vector<wire::BuiltRow>;

struct Plan {
    std::string sql;  // empty: nothing to ask the server (the answer is known to be empty)
    std::vector<std::string> parameters;
    std::span<const ResultColumn> shape;
    // Server rows -> result rows; nullptr: the query already returns the result's columns.
    std::function<Rows(Rows)> shape_rows;
};

// Validates the arguments (odbc::OdbcError) and plans the answer for the server flavour.
Plan plan(const Request& request, const Context& context);

}  // namespace rsodbc::catalog
