#pragma once
// A statement handle: its state (ODBC state table, simplified to what is implemented), its four
// descriptors, and the result it is reading.
#include "catalog/catalog_call.h"
#include "core/descriptor.h"
#include "core/handle.h"
#include "types/to_c/cell.h"
#include "types/type_table.h"
#include "wire/result_stream.h"

#include <sql.h>
#include <sqlext.h>

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>

namespace rsodbc::sql {
class AnalysedStatement;
}  // namespace rsodbc::sql

namespace rsodbc::exec {
class Executor;
struct Plan;
struct Settings;
}  // namespace rsodbc::exec

namespace rsodbc::core {

class Connection;

struct ColumnDescription {
    std::string name;
    types::SqlTypeInfo type;
    SQLSMALLINT nullable = SQL_NULLABLE_UNKNOWN;
    // SQL_DESC_AUTO_UNIQUE_VALUE: an identity or serial column (catalog/auto_unique.h), from the
    // same catalog lookup as nullability.
    bool auto_unique = false;
    unsigned table_oid = 0;
    // Where a column read straight from a table comes from (catalog lookup, on request).
    std::string base_table;
    std::string base_schema;
    std::string base_column;
    std::string base_catalog;
};

struct ParameterBinding {
    SQLUSMALLINT number = 0;
    SQLSMALLINT io_type = SQL_PARAM_INPUT;
    SQLSMALLINT c_type = SQL_C_DEFAULT;
    SQLSMALLINT sql_type = SQL_VARCHAR;
    SQLULEN column_size = 0;
    SQLSMALLINT decimal_digits = 0;
    SQLPOINTER data = nullptr;
    SQLLEN buffer_length = 0;
    SQLLEN* indicator = nullptr;
};

struct ParameterDescription {
    SQLSMALLINT sql_type = SQL_VARCHAR;
    SQLULEN size = 0;
    SQLSMALLINT decimal_digits = 0;
    SQLSMALLINT nullable = SQL_NULLABLE_UNKNOWN;
};

struct GetDataRequest {
    SQLUSMALLINT column = 0;
    SQLSMALLINT c_type = SQL_C_CHAR;
    SQLPOINTER data = nullptr;
    SQLLEN capacity = 0;
    SQLLEN* indicator = nullptr;
};

class Statement final : public Handle {
public:
    static constexpr HandleKind handle_kind = HandleKind::statement;

    Statement(Connection& connection, std::recursive_mutex& lock);
    ~Statement() override;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&&) = delete;
    Statement& operator=(Statement&&) = delete;

    Connection& connection() { return connection_; }

    // SQLSetCursorName/SQLGetCursorName (statement_cursor_name.cpp). The name is reported, not
    // used: positioned UPDATE/DELETE (WHERE CURRENT OF) is not supported. A statement the
    // application named none gets SQL_CUR<n> on first request.
    void set_cursor_name(std::string name);
    [[nodiscard]] const std::string& cursor_name();

    [[nodiscard]] bool named(std::string_view name) const { return cursor_name_ == name; }

    // TransactionErrorBehavior: a call that failed the application's transaction.
    void after_failed_call() noexcept override;

    // Both return SQL_NO_DATA for a searched UPDATE/DELETE that touched no row (ODBC 3).
    SQLRETURN exec_direct(const std::string& sql);
    void prepare(const std::string& sql);
    SQLRETURN execute();

    SQLSMALLINT column_count();
    const ColumnDescription& column(SQLUSMALLINT number);
    // Like column(), with SQL_DESC_NULLABLE and the base table, schema and column names looked up
    // in the catalog for columns read straight from a table.
    const ColumnDescription& column_with_nullability(SQLUSMALLINT number);
    SQLRETURN fetch();
    SQLRETURN fetch_scroll(SQLSMALLINT orientation, SQLLEN offset);
    SQLRETURN extended_fetch(SQLUSMALLINT orientation, SQLLEN offset, SQLULEN* rows_fetched,
                             SQLUSMALLINT* row_status);
    // SQLSetPos: SQL_POSITION within the rowset of a static cursor; the rest is refused.
    void set_position(SQLSETPOSIROW row, SQLUSMALLINT operation, SQLUSMALLINT lock);
    SQLRETURN get_data(const GetDataRequest& request);
    void bind_column(SQLUSMALLINT number, SQLSMALLINT c_type, SQLPOINTER data, SQLLEN capacity,
                     SQLLEN* indicator);

    // SQLRowCount and SQL_DIAG_CURSOR_ROW_COUNT: for a result set, its exact row count once the
    // driver knows it (read whole or ahead, or fetched to the end), -1 while rows are unread.
    [[nodiscard]] SQLLEN row_count() const;

    // Parameters (statement_params.cpp).
    void bind_parameter(const ParameterBinding& binding);
    SQLSMALLINT parameter_count();
    ParameterDescription describe_parameter(SQLUSMALLINT number);
    SQLRETURN param_data(SQLPOINTER* token);
    // SQLCancel: ends a data-at-execution sequence.
    void cancel();

    // In a data-at-execution sequence (SQLCancel ends it, taking the lock).
    [[nodiscard]] bool awaiting_data() const { return awaiting_data_.load(); }

    // SQLCancel on another thread while this statement executes: asks the server to stop what
    // runs, and tells a parameter-array execution to send nothing more (thread-safe). False, doing
    // nothing, when this statement is not the one executing on the connection.
    bool request_cancel();

    void put_data(SQLPOINTER data, SQLLEN length);

    SQLRETURN more_results();
    // SQLGetTypeInfo: a driver-built result set.
    void type_info(SQLSMALLINT sql_type);
    // SQLTables, SQLColumns and the other catalog functions (statement_catalog.cpp).
    void catalog(const catalog::Request& request);
    void close_cursor();  // SQLCloseCursor: 24000 when no cursor is open
    void free_statement(SQLUSMALLINT option);

    Descriptor& ard() { return ard_.get(); }

    Descriptor& apd() { return apd_.get(); }

    Descriptor& ird() { return ird_; }

    Descriptor& ipd() { return ipd_; }

    // SQLSetStmtAttr/SQLGetStmtAttr (statement_attributes.cpp). Values that ODBC passes as
    // pointers-or-integers travel as SQLPOINTER / SQLULEN.
    void set_attribute(SQLINTEGER attribute, SQLPOINTER value);
    bool set_descriptor_attribute(SQLINTEGER attribute, SQLPOINTER value);
    // SQLFreeHandle of an explicitly allocated descriptor: the implicit one takes over again.
    void forget_descriptor(const Descriptor& descriptor);
    [[nodiscard]] SQLULEN get_attribute(SQLINTEGER attribute);

    // SQL_ATTR_RSODBC_TEXT_SCANS: scanner passes over SQL text made by this statement's
    // SQLPrepare, SQLExecDirect, SQLExecute and SQLParamData calls so far.
    [[nodiscard]] std::size_t text_scans() const { return text_scans_; }

    // Statement attributes with plain values; pointer attributes live in the descriptors.
    SQLULEN max_rows = 0;
    SQLULEN query_timeout = 0;
    SQLULEN max_length = 0;
    SQLULEN no_scan = SQL_NOSCAN_OFF;
    SQLULEN metadata_id = SQL_FALSE;
    SQLULEN retrieve_data = SQL_RD_ON;

private:
    using Analysed = std::shared_ptr<const sql::AnalysedStatement>;

    [[nodiscard]] bool translates(const std::string& sql) const;

    // The application's text analysed once (escapes translated first unless SQL_NOSCAN_ON).
    [[nodiscard]] Analysed analyse(const std::string& sql) const;
    // `runs`: earlier executions of the prepared text (0 for SQLExecDirect), see exec::choose.
    SQLRETURN run(const Analysed& statement, std::size_t runs);
    // Asks exec/ how the statement runs and has it run; `path` (when not null) says how, for the
    // log.
    SQLRETURN run_path(const Analysed& statement, std::size_t runs, std::string* path);
    // What the execution path depends on: this statement's attributes and its connection's
    // settings.
    [[nodiscard]] exec::Settings execution_settings() const;
    void log_parameter_values(const sql::AnalysedStatement& statement) noexcept;
    SQLRETURN adopt_results(wire::Results results);
    SQLRETURN run_with_parameters(const Analysed& statement, const exec::Plan& plan);
    // Has exec/ run `plan` and adopts what it returns.
    SQLRETURN run_plan(const sql::AnalysedStatement& statement, const exec::Plan& plan,
                       const exec::Settings& settings);
    // Refuses (54023) a statement with more markers than the server accepts, before anything is
    // sent; a parameter array's status entries say no set was used.
    void check_parameter_limit(std::size_t marker_count);
    std::size_t prepared_marker_count();
    SQLRETURN execute_parameters(const sql::AnalysedStatement& statement, const exec::Plan& plan);
    void require_no_cursor() const;
    void describe_prepared();
    int target_type_modifier(SQLUSMALLINT number);
    void look_up_nullability();
    void adopt_next_result();
    void reset_results();
    // cursor_ starts afresh, keeping the memory of its column vectors: a statement executed again
    // describes its columns without allocating.
    void fresh_cursor();
    void collect_notices();
    [[nodiscard]] bool cursor_open() const;
    void describe_columns();
    void append_columns(const std::vector<wire::ColumnDesc>& described);
    void require_cursor() const;

    struct FetchRequest {
        SQLSMALLINT orientation = SQL_FETCH_NEXT;
        SQLLEN offset = 0;
    };

    SQLRETURN fetch_rowset(FetchRequest request, SQLULEN size, SQLULEN* rows_fetched,
                           SQLUSMALLINT* row_status);
    SQLRETURN fetch_positioned(FetchRequest request, SQLULEN size, SQLULEN* rows_fetched,
                               SQLUSMALLINT* row_status);
    void bind_fetched_row(SQLULEN index, SQLULEN size, SQLUSMALLINT* row_status);
    SQLRETURN finish_rowset(SQLULEN fetched, SQLULEN size, SQLULEN* rows_fetched,
                            SQLUSMALLINT* row_status);
    void check_orientation(SQLSMALLINT orientation) const;
    // The result is held whole and can be positioned (a static cursor).
    [[nodiscard]] bool scrollable() const;
    // SQL_ATTR_CURSOR_TYPE, SQL_ATTR_CURSOR_SCROLLABLE and the attributes tied to them.
    void set_cursor_attribute(SQLINTEGER attribute, SQLULEN value);

    Connection& connection_;
    void use_descriptor(DescriptorSlot& slot, SQLPOINTER handle);
    void fill_ird(Descriptor& ird);  // the IRD's records from the result columns
    catalog::Context catalog_context();

    DescriptorSlot ard_;
    DescriptorSlot apd_;
    Descriptor ird_;
    Descriptor ipd_;

    // Marks the statement as the one executing on its connection for the duration of a call, so
    // that SQLCancel aimed at it (and only then) reaches the server.
    class ExecutingGuard {
    public:
        explicit ExecutingGuard(Statement& statement);
        ~ExecutingGuard();

        ExecutingGuard(const ExecutingGuard&) = delete;
        ExecutingGuard& operator=(const ExecutingGuard&) = delete;
        ExecutingGuard(ExecutingGuard&&) = delete;
        ExecutingGuard& operator=(ExecutingGuard&&) = delete;

    private:
        Connection& connection_;
        const Statement* previous_;  // guards nest: run() calls execute_parameters()
    };

    // Adds the scanner passes made during one call to text_scans_.
    class ScanTally {
    public:
        explicit ScanTally(Statement& statement);
        ~ScanTally();

        ScanTally(const ScanTally&) = delete;
        ScanTally& operator=(const ScanTally&) = delete;
        ScanTally(ScanTally&&) = delete;
        ScanTally& operator=(ScanTally&&) = delete;

    private:
        std::size_t& total_;
        std::size_t start_;
    };

    std::atomic<bool> cancel_requested_{false};  // by request_cancel, for the current execution
    // data_at_execution_ is set, readable without the lock (SQLCancel).
    std::atomic<bool> awaiting_data_{false};
    Analysed prepared_;              // SQLPrepare's text, analysed once for all its executions
    std::size_t text_scans_ = 0;     // see text_scans()
    std::size_t prepared_runs_ = 0;  // SQLExecutes of prepared_ so far
    std::string cursor_name_;        // empty until set or first asked for
    // Chooses and drives the execution paths; keeps the batch statements of the last array
    // execution, reused while the SQL stays the same.
    std::unique_ptr<exec::Executor> executor_;

    // Where the application stands in the current result. Ending the results and moving to the
    // next one both start from a fresh value, so a new member cannot be forgotten in one of them.
    struct CursorState {
        std::unique_ptr<wire::ResultStream> result;
        std::vector<ColumnDescription> columns;
        std::vector<types::SqlTypeInfo> column_types;  // columns[i].type, as bind_row wants them
        bool on_row = false;
        bool nullability_known = false;
        SQLULEN rows_fetched = 0;
        // Static cursors: the first row of the current rowset (0 before start, rows + 1 after
        // end), the rowset size of the last fetch (SQL_FETCH_NEXT steps by it) and the rows it
        // returned.
        std::int64_t rowset_start = 0;
        SQLULEN last_rowset_size = 0;
        SQLULEN rowset_rows = 0;
        // SQL_ATTR_ROW_NUMBER: the current row's number in the result, 0 when there is none.
        SQLULEN current_row_number = 0;
        SQLUSMALLINT get_data_column = 0;  // the column SQLGetData read last
    };

    CursorState cursor_;
    std::deque<std::unique_ptr<wire::ResultStream>> pending_results_;
    bool described_ = false;   // cursor_.columns came from describing the prepared text
    SQLULEN rowset_size_ = 1;  // SQL_ROWSET_SIZE, used by SQLExtendedFetch only
    // SQL_CURSOR_FORWARD_ONLY or SQL_CURSOR_STATIC (KEYSET/DYNAMIC requests become STATIC).
    SQLULEN cursor_type_ = SQL_CURSOR_FORWARD_ONLY;
    SQLLEN row_count_ = -1;

    // Data at execution: SQLExecute returned SQL_NEED_DATA and SQLParamData/SQLPutData are
    // collecting the values.
    struct DataAtExecution {
        Analysed statement;
        std::vector<SQLUSMALLINT> parameters;  // the numbers still to come, in order
        std::size_t current = 0;               // index into parameters; size() before the first
        std::vector<std::optional<std::string>> supplied;
    };

    std::optional<DataAtExecution> data_at_execution_;

    bool get_data_done_ = false;
    types::PieceState piece_;
};

}  // namespace rsodbc::core
