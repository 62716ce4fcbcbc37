#pragma once
// Executes a statement with parameters: one parameter set through a cached server-side prepared
// statement, or a parameter array either rewritten into multi-row INSERT ... VALUES batches or run
// one set per statement, pipelined. Per-row truth: status array entries and the row count come
// from what the server answered, never from what was sent (DESIGN.md, "Execution").
#include "exec/param_encoder.h"
#include "exec/statement_cache.h"
#include "odbc/descriptor_records.h"
#include "odbc/diagnostics.h"
#include "sql/analysed_statement.h"
#include "sql/insert_values.h"
#include "wire/session.h"

#include <sql.h>
#include <sqlext.h>

#include <atomic>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rsodbc::exec {

// What one SQL text sends when it runs with a parameter array: a multi-row INSERT for k rows, or
// the statement for one set. The statement handle keeps it between executions of the same
// prepared text, so a 100-row batch's text is built once, not on every SQLExecute.
class ArrayShape {
public:
    ArrayShape(const sql::AnalysedStatement& statement, std::size_t batch_size);

    [[nodiscard]] bool fits(const sql::AnalysedStatement& statement, std::size_t batch_size) const {
        return batch_size == batch_size_ && statement.text() == sql_;
    }

    // The statement text for a batch of `rows` sets (one set when the INSERT is not rewritten).
    const std::string& text(std::size_t rows);

    // A rewritten INSERT holds `rows` sets; any other statement holds one.
    [[nodiscard]] std::size_t sets_in(std::size_t rows) const { return insert_ ? rows : 1; }

    [[nodiscard]] SQLUSMALLINT count() const { return count_; }

    [[nodiscard]] std::size_t rows_per_statement() const { return rows_per_statement_; }

private:
    std::string sql_;
    std::size_t batch_size_;
    std::optional<sql::InsertPlan> insert_;
    std::string numbered_;  // the statement for one set when it is not a rewritable INSERT
    SQLUSMALLINT count_ = 0;
    std::size_t rows_per_statement_ = 1;
    std::map<std::size_t, std::string> texts_;  // by rows; nodes keep references valid
};

struct ExecutionContext {
    wire::Session& session;
    StatementCache& cache;
    odbc::Diagnostics& diagnostics;
    odbc::DescriptorRecords& apd;
    odbc::DescriptorRecords& ipd;
    bool autocommit = true;
    bool pipeline = true;
    std::size_t batch_size = 100;
    // Values collected by SQLPutData for data-at-execution parameters (index = number - 1).
    const std::vector<std::optional<std::string>>* supplied = nullptr;
    // Kept by the statement handle between array executions (may be null: built per call).
    std::optional<ArrayShape>* array_shape = nullptr;
    // Manual commit, TransactionErrorBehavior 1 or 2: the driver rolls back after a failure, so
    // the diagnostics do not tell the application to.
    bool driver_rolls_back = false;
    // The server has savepoints (PostgreSQL, not Redshift): a loosely typed prepare inside a
    // transaction block can be retried with the declared types without losing the transaction.
    bool savepoints = true;
    // Set by SQLCancel from another thread: an array execution sends no further statement.
    const std::atomic<bool>* cancel_requested = nullptr;
    // SQL_ATTR_QUERY_TIMEOUT in seconds (0: none): a deadline for the whole execution, batches
    // and retries included, counted from the start of the execution.
    SQLULEN query_timeout = 0;
};

struct ArrayResult {
    SQLRETURN rc = SQL_SUCCESS;
    SQLLEN rows_applied = 0;
    bool transaction_aborted = false;  // manual commit: a batch failed inside the transaction
};

class ParamExecutor {
public:
    explicit ParamExecutor(ExecutionContext& context);

    // One parameter set. Returns the server's results, streamed (single-row mode) when `stream`.
    wire::Results execute_one(const sql::AnalysedStatement& statement, bool stream = false);
    // One parameter set of a query run through a server-side cursor (UseDeclareFetch).
    wire::Results execute_cursor(const sql::AnalysedStatement& statement, int fetch_rows);
    // SQL_ATTR_PARAMSET_SIZE > 1.
    ArrayResult execute_array(const sql::AnalysedStatement& statement);

private:
    struct Batch;
    // How the items of one array execution's pipeline map to its batches.
    struct Transaction;

    // `text` holds `rows` parameter sets of `count` markers each (a multi-row INSERT batch, or
    // one set): the parameter types repeat per set.
    const CachedStatement& prepare(const std::string& text, SQLUSMALLINT count,
                                   std::size_t rows = 1);
    // The parameters' type OIDs: as declared (SQLBindParameter's SQL type), or loose (numbers and
    // bits unspecified, types::loose_parameter_type_oid).
    [[nodiscard]] std::vector<unsigned> parameter_types(SQLUSMALLINT count, bool declared) const;
    SQLUSMALLINT settle_row(const Batch& batch, std::size_t i, ArrayResult& result);
    bool encode_batch(const ArrayShape& shape, ParamEncoder& encoder, SQLULEN& next_row,
                      Batch& batch, std::vector<SQLUSMALLINT>& status);
    // Prepared statement names by rows per statement.
    using BatchNames = std::vector<std::pair<std::size_t, const std::string*>>;
    BatchNames prepare_batch_statements(ArrayShape& shape, std::size_t sendable);
    std::vector<Batch> run_batches(ArrayShape& shape, std::vector<SQLUSMALLINT>& status);
    // Autocommit: after the one transaction failed (nothing applied), every batch again in its
    // own transaction.
    void rerun_batches_one_by_one(ArrayShape& shape, std::vector<Batch>& batches);
    std::optional<wire::PipelineOutcome> run_short_batch(ArrayShape& shape,
                                                         std::vector<Batch>& batches, bool commit);
    void retry_rows_one_by_one(ArrayShape& shape, std::vector<Batch>& batches);
    void settle_transaction(const Transaction& transaction, std::vector<Batch>& batches);
    ArrayResult finish(const std::vector<Batch>& batches, std::vector<SQLUSMALLINT>& status);
    [[nodiscard]] std::string_view abort_note() const;
    [[nodiscard]] bool cancel_requested() const;
    // The query timeout's deadline has passed: notes it (cancelled_, timed_out_).
    bool deadline_passed();
    // The execution was stopped by the deadline before every row it would send was answered.
    [[nodiscard]] bool cut_short(const std::vector<SQLUSMALLINT>& status) const;
    // Runs pipeline items (or one at a time without Pipeline); notes a lost connection and a
    // cancel.
    std::vector<wire::PipelineOutcome> run_items(const wire::PipelineSource& next);
    std::vector<wire::PipelineOutcome> run_items(const std::vector<wire::PipelineItem>& items);
    // Ends the transaction the execution opened when it did not commit (autocommit).
    void roll_back_open_transaction();

    ExecutionContext& context_;
    // The connection was lost during the execution: nothing more is sent.
    std::optional<wire::ServerError> lost_;
    // The execution was cancelled (SQLCancel or the query timeout): nothing more is sent. Holds
    // the server's error when a statement was stopped by it.
    bool cancelled_ = false;
    std::optional<wire::ServerError> cancel_error_;
    // The query timeout's deadline stopped the execution (HYT00 instead of HY008).
    bool timed_out_ = false;
    std::optional<std::chrono::steady_clock::time_point> deadline_;
};

}  // namespace rsodbc::exec
