#include "core/statement.h"

#include "catalog/auto_unique.h"
#include "catalog/type_info.h"
#include "core/column_attributes.h"
#include "core/connection.h"
#include "core/descriptor_fields.h"
#include "core/environment.h"
#include "exec/cell_writer.h"
#include "exec/executor.h"
#include "log/logger.h"
#include "odbc/odbc_error.h"
#include "sql/analysed_statement.h"
#include "sql/escapes.h"
#include "sql/scanner.h"
#include "types/to_c/convert.h"
#include "wire/buffered_result.h"
#include "wire/server_error.h"

#include <chrono>
#include <cstring>

namespace rsodbc::core {

Statement::Statement(Connection& connection, std::recursive_mutex& lock)
    : Handle(HandleKind::statement, lock),
      connection_(connection),
      ard_(DescriptorKind::ard, lock),
      apd_(DescriptorKind::apd, lock),
      ird_(DescriptorKind::ird, lock),
      ipd_(DescriptorKind::ipd, lock),
      executor_(std::make_unique<exec::Executor>()) {
    ird_.set_refresh([this](Descriptor& ird) { fill_ird(ird); });
    // QueryTimeout is the connection's default for SQL_ATTR_QUERY_TIMEOUT.
    query_timeout = static_cast<SQLULEN>(connection.settings().query_timeout);
}

Statement::~Statement() = default;

Statement::ExecutingGuard::ExecutingGuard(Statement& statement)
    : connection_(statement.connection_), previous_(connection_.set_executing(&statement)) {}

Statement::ExecutingGuard::~ExecutingGuard() {
    connection_.set_executing(previous_);
}

Statement::ScanTally::ScanTally(Statement& statement)
    : total_(statement.text_scans_), start_(sql::scans_on_this_thread) {}

Statement::ScanTally::~ScanTally() {
    total_ += sql::scans_on_this_thread - start_;
}

// Every text path (SQLExecDirect, SQLPrepare; parameter arrays run the prepared text) translates
// ODBC escapes here, before `?` numbering. Text without `{` is used as it is, with no copy.
bool Statement::translates(const std::string& sql) const {
    return no_scan == SQL_NOSCAN_OFF && sql::may_contain_escapes(sql);
}

Statement::Analysed Statement::analyse(const std::string& sql) const {
    return std::make_shared<const sql::AnalysedStatement>(
        translates(sql) ? connection_.native_sql(sql) : sql);
}

SQLRETURN Statement::exec_direct(const std::string& sql) {
    const ScanTally tally(*this);
    require_no_cursor();
    prepared_.reset();
    return run(analyse(sql), 0);
}

void Statement::require_no_cursor() const {
    if (cursor_open()) {
        throw odbc::OdbcError(sqlstate::invalid_cursor_state,
                              "invalid cursor state: close the open cursor (SQLCloseCursor or "
                              "SQLFreeStmt SQL_CLOSE) before executing again");
    }
}

void Statement::prepare(const std::string& sql) {
    const ScanTally tally(*this);
    require_no_cursor();
    reset_results();
    prepared_.reset();  // a text that fails to translate leaves nothing prepared
    prepared_ = analyse(sql);
    prepared_runs_ = 0;
}

SQLRETURN Statement::execute() {
    if (!prepared_) {
        throw odbc::OdbcError(sqlstate::function_sequence_error,
                              "function sequence error: SQLExecute needs a statement prepared with "
                              "SQLPrepare");
    }
    const ScanTally tally(*this);
    require_no_cursor();
    return run(prepared_, prepared_runs_++);
}

namespace {

// ReadAheadRows rows are read at execution only while they take at most this much memory.
constexpr std::size_t read_ahead_bytes = std::size_t{1} << 20;

bool is_searched_update_or_delete(std::string_view tag) {
    return tag.starts_with("UPDATE ") || tag.starts_with("DELETE ");
}

}  // namespace

SQLRETURN Statement::run(const Analysed& statement, std::size_t runs) {
    if (!log::enabled(spdlog::level::err)) {
        return run_path(statement, runs, nullptr);
    }
    const std::string& sql = statement->text();
    // At debug level every statement, how it ran, its rows and its time; at error level the
    // statement that failed (its SQLSTATE follows from the entry wrapper).
    const auto started = std::chrono::steady_clock::now();
    const auto elapsed_ms = [&started] {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    };
    std::string path = "simple query";
    try {
        const SQLRETURN rc = run_path(statement, runs, &path);
        RSODBC_LOG(debug, "statement {} ran ({}) in {:.3f} ms, {} rows{}: {}",
                   static_cast<const void*>(this), path, elapsed_ms(), row_count(),
                   cursor_.result != nullptr && cursor_.result->holds_wire() ? " read so far" : "",
                   sql);
        return rc;
    } catch (const std::exception& error) {
        RSODBC_LOG(err, "statement {} failed ({}) after {:.3f} ms: {}: {}",
                   static_cast<const void*>(this), path, elapsed_ms(), error.what(), sql);
        throw;
    }
}

exec::Settings Statement::execution_settings() const {
    const config::Settings& settings = connection_.settings();
    exec::Settings execution;
    execution.query_timeout = query_timeout;
    execution.forward_only = cursor_type_ == SQL_CURSOR_FORWARD_ONLY;
    execution.use_declare_fetch = settings.use_declare_fetch;
    execution.fetch_rows = settings.fetch_rows;
    execution.batch_size = static_cast<std::size_t>(settings.batch_size);
    execution.autocommit = connection_.autocommit();
    execution.pipeline = settings.pipeline;
    execution.driver_rolls_back =
        !connection_.autocommit() && settings.transaction_error_behavior != 0;
    execution.savepoints = !connection_.is_redshift();
    execution.statement_cache = settings.statement_cache_size > 0;
    return execution;
}

SQLRETURN Statement::run_path(const Analysed& statement, std::size_t runs, std::string* path) {
    const ExecutingGuard executing(*this);
    reset_results();
    data_at_execution_.reset();
    awaiting_data_ = false;
    const exec::Settings settings = execution_settings();
    const exec::Plan plan = exec::choose(*statement, apd_, ipd_, settings, runs);
    if (path != nullptr) {
        *path = exec::describe(plan, settings);
    }
    if (plan.has_parameters()) {
        return run_with_parameters(statement, plan);
    }
    return run_plan(*statement, plan, settings);
}

namespace {

// The connection as exec/ sees it: the handle keeps the transaction rules.
class ConnectionLink final : public exec::Link {
public:
    explicit ConnectionLink(Connection& connection) : connection_(connection) {}

    wire::Results execute(const sql::AnalysedStatement& statement,
                          SQLULEN timeout_seconds) override {
        return connection_.execute(statement, timeout_seconds);
    }

    wire::Results execute_streaming(const std::string& sql, SQLULEN timeout_seconds) override {
        return connection_.execute_streaming(sql, timeout_seconds);
    }

    wire::Results execute_cursor(const std::string& sql, SQLULEN timeout_seconds) override {
        return connection_.execute_cursor(sql, timeout_seconds);
    }

    wire::Session& begin_work(SQLULEN timeout_seconds) override {
        return connection_.begin_work(timeout_seconds);
    }

    exec::StatementCache& statement_cache() override { return connection_.statement_cache(); }

private:
    Connection& connection_;
};

}  // namespace

SQLRETURN Statement::run_plan(const sql::AnalysedStatement& statement, const exec::Plan& plan,
                              const exec::Settings& settings) {
    ConnectionLink link(connection_);
    const exec::Bindings bindings{apd_, ipd_, diagnostics(),
                                  data_at_execution_ ? &data_at_execution_->supplied : nullptr,
                                  &cancel_requested_};
    exec::Outcome outcome = executor_->run(plan, statement, link, bindings, settings);
    if (plan.path == exec::Path::parameter_array) {
        row_count_ = outcome.rows_applied;
        return outcome.rc;
    }
    const SQLRETURN rc = adopt_results(std::move(outcome.results));
    if (plan.has_parameters()) {
        exec::Executor::single_set_adopted(ipd_);
    }
    return rc;
}

SQLLEN Statement::row_count() const {
    if (cursor_.result == nullptr || !cursor_.result->returns_rows()) {
        return row_count_;
    }
    const std::int64_t known = cursor_.result->affected_rows();
    return static_cast<SQLLEN>(known >= 0 ? known : cursor_.result->row_count());
}

SQLRETURN Statement::adopt_results(wire::Results results) {
    for (auto& result : results) {
        pending_results_.push_back(std::move(result));
    }
    adopt_next_result();
    if (cursor_.result != nullptr && cursor_.result->holds_wire()) {
        // A small result is read whole now, so its row count is known (psqlODBC reads every
        // result whole); a large one keeps streaming in constant memory.
        try {
            cursor_.result->read_ahead(
                static_cast<std::size_t>(connection_.settings().read_ahead_rows), read_ahead_bytes);
        } catch (...) {
            reset_results();
            throw;
        }
    }
    collect_notices();
    const bool odbc3 = connection_.environment().odbc_version() != SQL_OV_ODBC2;
    if (odbc3 && cursor_.result != nullptr && !cursor_.result->returns_rows()
        && cursor_.result->affected_rows() == 0
        && is_searched_update_or_delete(cursor_.result->command_tag())) {
        return SQL_NO_DATA;
    }
    return SQL_SUCCESS;
}

// Server notices (NOTICE, WARNING, INFO: RAISE INFO in a procedure, DROP ... IF EXISTS) become
// 01000 records of the call that received them, so it returns SQL_SUCCESS_WITH_INFO.
void Statement::collect_notices() {
    std::size_t dropped = 0;
    for (const wire::Notice& notice : connection_.take_notices(dropped)) {
        diagnostics().add(odbc::DiagRecord{
            std::string(sqlstate::general_warning),
            "[redshift-odbc][server] " + notice.severity + ": " + notice.message
                + (notice.sqlstate.empty() ? "" : " (server SQLSTATE " + notice.sqlstate + ")")});
    }
    if (dropped != 0) {
        diagnostics().add(odbc::DiagRecord{
            std::string(sqlstate::general_warning),
            odbc::driver_message(std::to_string(dropped) + " more server notices were not kept")});
    }
}

void Statement::fresh_cursor() {
    std::vector<ColumnDescription> columns = std::move(cursor_.columns);
    std::vector<types::SqlTypeInfo> column_types = std::move(cursor_.column_types);
    columns.clear();
    column_types.clear();
    cursor_ = CursorState{};
    cursor_.columns = std::move(columns);
    cursor_.column_types = std::move(column_types);
}

void Statement::reset_results() {
    fresh_cursor();
    pending_results_.clear();
    row_count_ = -1;
    described_ = false;
}

void Statement::adopt_next_result() {
    fresh_cursor();
    if (pending_results_.empty()) {
        return;
    }
    cursor_.result = std::move(pending_results_.front());
    pending_results_.pop_front();
    row_count_ = cursor_.result->affected_rows();
    describe_columns();
}

void Statement::describe_columns() {
    append_columns(cursor_.result->columns());
}

void Statement::append_columns(const std::vector<wire::ColumnDesc>& described) {
    const types::ReportingOptions reporting = connection_.reporting();
    for (const auto& column : described) {
        ColumnDescription description;
        description.name = column.name;
        description.type = types::apply_reporting(
            types::describe_server_type(column.type_oid, column.type_modifier), reporting);
        description.table_oid = column.table_oid;
        cursor_.columns.push_back(std::move(description));
        cursor_.column_types.push_back(cursor_.columns.back().type);
    }
}

bool Statement::cursor_open() const {
    return cursor_.result != nullptr && cursor_.result->returns_rows();
}

// Describe before execute (SQLPrepare then SQLNumResultCols/SQLDescribeCol, as Tableau does): the
// server prepares the text without running it.
void Statement::describe_prepared() {
    if (cursor_.result != nullptr || !prepared_ || described_) {
        return;
    }
    try {
        append_columns(connection_.describe(prepared_->numbered_text()));
    } catch (const wire::ServerError& error) {
        // Several statements in one text cannot be prepared; their shape is known after running.
        if (std::string_view(error.what()).find("multiple commands") == std::string_view::npos) {
            throw;
        }
    }
    described_ = true;
}

SQLSMALLINT Statement::column_count() {
    describe_prepared();
    return static_cast<SQLSMALLINT>(cursor_.columns.size());
}

const ColumnDescription& Statement::column_with_nullability(SQLUSMALLINT number) {
    const ColumnDescription& described = column(number);
    look_up_nullability();
    return described;
}

// SQL_DESC_NULLABLE of a column read straight from a table is the table column's NOT NULL flag:
// one catalog query for all such columns of the result, only when an application asks.
void Statement::look_up_nullability() {
    // A catalog query needs the connection; while rows are streaming it would pull the whole
    // result into memory, so nullability stays unknown (ODBC allows it) until the rows are read.
    if (cursor_.nullability_known || (cursor_.result != nullptr && cursor_.result->holds_wire())) {
        return;
    }
    cursor_.nullability_known = true;
    const auto& wire_columns =
        cursor_.result != nullptr ? cursor_.result->columns() : std::vector<wire::ColumnDesc>{};
    std::string sql =
        "SELECT a.attrelid, a.attnum, a.attnotnull, c.relname, n.nspname, a.attname, "
        + catalog::auto_unique_expression(connection_.is_redshift())
        + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
          "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
          "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
          "WHERE false";
    std::vector<std::string> parameters;
    for (const auto& column : wire_columns) {
        if (column.table_oid != 0 && column.table_column > 0) {
            sql += " OR (a.attrelid = $" + std::to_string(parameters.size() + 1)
                   + "::oid AND a.attnum = $" + std::to_string(parameters.size() + 2) + "::int2)";
            parameters.push_back(std::to_string(column.table_oid));
            parameters.push_back(std::to_string(column.table_column));
        }
    }
    if (parameters.empty()) {
        return;
    }
    wire::Results found;
    try {
        found = connection_.catalog_query(sql, parameters);
    } catch (const wire::ServerError&) {
        return;  // nullability stays unknown; the application's statement is not affected
    }
    wire::ResultStream& rows = *found.front();
    while (rows.next_row()) {
        const std::string_view table = rows.cell(0).text;
        const std::string_view attnum = rows.cell(1).text;
        const bool not_null = rows.cell(2).text == "t";
        for (std::size_t i = 0; i < wire_columns.size() && i < cursor_.columns.size(); ++i) {
            if (std::to_string(wire_columns[i].table_oid) == table
                && std::to_string(wire_columns[i].table_column) == attnum) {
                ColumnDescription& column = cursor_.columns[i];
                column.nullable = not_null ? SQL_NO_NULLS : SQL_NULLABLE;
                column.base_table = rows.cell(3).text;
                column.base_schema = rows.cell(4).text;
                column.base_column = rows.cell(5).text;
                column.base_catalog = connection_.session().database();
                column.auto_unique = rows.cell(6).text == "t";
            }
        }
    }
}

const ColumnDescription& Statement::column(SQLUSMALLINT number) {
    describe_prepared();
    if (number == 0) {
        throw odbc::OdbcError(
            sqlstate::invalid_descriptor_index,
            "invalid descriptor index: column 0 is the bookmark column and bookmarks "
            "are not supported");
    }
    if (number > cursor_.columns.size()) {
        throw odbc::OdbcError(sqlstate::invalid_descriptor_index,
                              "invalid descriptor index: column " + std::to_string(number)
                                  + " does not exist (the result has "
                                  + std::to_string(cursor_.columns.size()) + " columns)");
    }
    return cursor_.columns[number - 1];
}

SQLRETURN Statement::get_data(const GetDataRequest& request) {
    if (ard_.header().array_size > 1 && cursor_open() && !scrollable()) {
        throw odbc::OdbcError(
            sqlstate::optional_feature_not_implemented,
            "optional feature not implemented: SQLGetData on a forward-only block "
            "cursor (rowset size above 1): its rows are not kept; bind the columns, "
            "fetch one row at a time, or use SQL_CURSOR_STATIC and SQLSetPos");
    }
    if (!cursor_.on_row) {
        throw odbc::OdbcError(sqlstate::invalid_cursor_state,
                              "invalid cursor state: the cursor is not positioned on a row (call "
                              "SQLFetch first)");
    }
    const ColumnDescription& column = this->column(request.column);
    const odbc::DescriptorRecord* ard =
        request.c_type == SQL_ARD_TYPE ? &ard_.record(request.column) : nullptr;
    const SQLSMALLINT c_type = ard != nullptr ? ard->concise_type : request.c_type;
    const exec::Target target{
        exec::effective_c_type(c_type, column.type), request.data, request.capacity,
        static_cast<SQLCHAR>(ard != nullptr ? ard->precision : default_numeric_precision),
        static_cast<SQLSCHAR>(ard != nullptr ? ard->scale : 0)};
    if (types::is_piecewise_c_type(target.c_type) && request.capacity < 0) {
        throw odbc::OdbcError(sqlstate::invalid_string_or_buffer_length,
                              "invalid string or buffer length: BufferLength is negative");
    }
    if (request.column != cursor_.get_data_column) {
        cursor_.get_data_column = request.column;
        get_data_done_ = false;
        piece_ = exec::PieceState{};
    }
    if (get_data_done_) {
        return SQL_NO_DATA;  // every piece of this column has been returned
    }
    const wire::Cell cell = cursor_.result->cell(request.column - 1);
    if (cell.is_null) {
        if (request.indicator == nullptr) {
            throw odbc::OdbcError(sqlstate::indicator_variable_required,
                                  "indicator variable required but not supplied: column "
                                      + std::to_string(request.column) + " is NULL");
        }
        *request.indicator = SQL_NULL_DATA;
        get_data_done_ = true;
        return SQL_SUCCESS;
    }
    const types::Written written = exec::write_cell(
        cell, column.type, target, piece_, diagnostics(), SQL_NO_ROW_NUMBER, request.column);
    if (request.indicator != nullptr) {
        *request.indicator = written.length;
    }
    get_data_done_ = written.outcome != types::Outcome::truncated;
    return SQL_SUCCESS;
}

void Statement::bind_column(SQLUSMALLINT number, SQLSMALLINT c_type, SQLPOINTER data,
                            SQLLEN capacity, SQLLEN* indicator) {
    if (number == 0) {
        throw odbc::OdbcError(sqlstate::invalid_descriptor_index,
                              "invalid descriptor index: bookmark column 0 is not supported");
    }
    if (capacity < 0) {
        throw odbc::OdbcError(sqlstate::invalid_string_or_buffer_length,
                              "invalid string or buffer length: BufferLength is negative");
    }
    if (data == nullptr && indicator == nullptr) {
        ard_.unbind(number);
        return;
    }
    odbc::DescriptorRecord& record = ard_.record(number);
    assign_concise_type(record, c_type);  // SQL_C_NUMERIC: precision 38, scale 0
    record.data_ptr = data;
    record.octet_length = capacity;
    record.indicator_ptr = indicator;
    record.octet_length_ptr = indicator;
}

void Statement::type_info(SQLSMALLINT sql_type) {
    require_no_cursor();
    prepared_.reset();
    reset_results();
    catalog::TypeInfoResult built =
        catalog::type_info(sql_type, connection_.is_redshift(), connection_.reporting());
    wire::Results results;
    results.push_back(
        std::make_unique<wire::BufferedResult>(wire::build_result(built.columns, built.rows)));
    adopt_results(std::move(results));
}

SQLRETURN Statement::more_results() {
    if (pending_results_.empty()) {
        reset_results();
        return SQL_NO_DATA;
    }
    adopt_next_result();
    return SQL_SUCCESS;
}

void Statement::close_cursor() {
    if (!cursor_open()) {
        throw odbc::OdbcError(sqlstate::invalid_cursor_state,
                              "invalid cursor state: no cursor is open on this statement");
    }
    reset_results();
}

void Statement::free_statement(SQLUSMALLINT option) {
    switch (option) {
        case SQL_CLOSE:
            reset_results();
            break;
        case SQL_UNBIND:
            ard_.unbind_all();
            break;
        case SQL_RESET_PARAMS:
            apd_.unbind_all();
            ipd_.unbind_all();
            break;
        default:
            throw odbc::OdbcError(sqlstate::invalid_attribute_identifier,
                                  "invalid attribute/option identifier: SQLFreeStmt option "
                                      + std::to_string(option));
    }
}

void Statement::after_failed_call() noexcept {
    connection_.after_failed_statement(diagnostics());
}

}  // namespace rsodbc::core
