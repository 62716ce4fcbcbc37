// Catalog functions (SQLTables, SQLColumns...): one set-based query with bound parameters, read
// whole (so it can run while another statement streams: the session drains that stream first),
// shaped by catalog/ and served as a driver-built result like SQLGetTypeInfo's.
#include "core/connection.h"
#include "core/environment.h"
#include "core/statement.h"
#include "odbc/odbc_error.h"
#include "wire/buffered_result.h"

namespace rsodbc::core {

namespace {

catalog::Rows read_rows(wire::ResultStream& result) {
    catalog::Rows rows;
    const std::size_t width = result.columns().size();
    while (result.next_row()) {
        wire::BuiltRow row;
        row.reserve(width);
        for (std::size_t i = 0; i < width; ++i) {
            const wire::Cell cell = result.cell(i);
            row.push_back(cell.is_null ? std::nullopt : std::optional<std::string>(cell.text));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace

catalog::Context Statement::catalog_context() {
    const config::Settings& settings = connection_.settings();
    catalog::Context context;
    context.redshift = connection_.is_redshift();
    context.odbc2 = connection_.environment().odbc_version() == SQL_OV_ODBC2;
    context.metadata_id = metadata_id == SQL_TRUE;
    context.reporting = connection_.reporting();
    context.database = connection_.session().database();
    context.current_db_only = settings.current_db_only;
    context.include_external = !settings.exclude_external_schemas;
    context.sort_keys_as_statistics = settings.sort_keys_as_statistics;
    return context;
}

void Statement::catalog(const catalog::Request& request) {
    if (data_at_execution_) {
        throw odbc::OdbcError(
            sqlstate::function_sequence_error,
            "function sequence error: SQLParamData/SQLPutData are still collecting "
            "data-at-execution parameters");
    }
    require_no_cursor();
    const catalog::Context context = catalog_context();
    catalog::Plan plan = catalog::plan(request, context);
    prepared_.reset();
    reset_results();
    const ExecutingGuard executing(*this);
    catalog::Rows rows;
    if (!plan.sql.empty()) {
        wire::Results found = connection_.catalog_query(plan.sql, plan.parameters);
        rows = read_rows(*found.front());
    }
    if (plan.shape_rows) {
        rows = plan.shape_rows(std::move(rows));
    }
    wire::Results results;
    results.push_back(std::make_unique<wire::BufferedResult>(
        wire::build_result(catalog::built_columns(plan.shape, context.odbc2), rows)));
    adopt_results(std::move(results));
}

}  // namespace rsodbc::core
