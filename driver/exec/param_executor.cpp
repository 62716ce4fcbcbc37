#include "exec/param_executor.h"

#include "core/odbc_error.h"
#include "core/record_numbers.h"
#include "sql/insert_values.h"
#include "sql/placeholders.h"
#include "types/from_c/encode.h"
#include "wire/server_error.h"

#include <algorithm>

namespace rsodbc::exec {

namespace {

// The server replans a prepared statement when a table it reads changed; when the result shape
// changed it refuses instead ("cached plan must not change result type"). Preparing again is the
// fix. Recognised by SQLSTATE and the raising function, never by the message, which the server
// translates (lc_messages); a server that does not name the function is trusted on the state.
bool is_stale_plan(const wire::ServerError& error) {
    return error.server_state() == "0A000"
           && (error.source_function().empty()
               || error.source_function() == "RevalidateCachedQuery");
}

constexpr std::string_view rollback_note =
    "The transaction is aborted: no further statement runs until it is rolled back "
    "(SQLEndTran with SQL_ROLLBACK). Rows of the failed batch are SQL_PARAM_DIAG_UNAVAILABLE; rows "
    "never sent are SQL_PARAM_UNUSED.";
// TransactionErrorBehavior 1 or 2: the record after this one says what the driver rolled back.
constexpr std::string_view rolled_back_note =
    "Nothing of this execution is applied. Rows of the failed batch are "
    "SQL_PARAM_DIAG_UNAVAILABLE; rows never sent are SQL_PARAM_UNUSED.";

}  // namespace

std::string_view ParamExecutor::abort_note() const {
    return context_.driver_rolls_back ? rolled_back_note : rollback_note;
}

struct ParamExecutor::Batch {
    std::vector<SQLULEN> rows;  // application rows, in order
    wire::ParamValues values;   // every row's values, row after row
    wire::PipelineOutcome outcome;
    std::vector<wire::PipelineOutcome> row_outcomes;  // after a retry row by row
};

ArrayShape::ArrayShape(const std::string& sql, std::size_t batch_size)
    : sql_(sql), batch_size_(batch_size), insert_(sql::plan_insert_values(sql)) {
    sql::PreparedText numbered = sql::number_markers(sql);
    count_ = static_cast<SQLUSMALLINT>(numbered.marker_count);
    numbered_ = std::move(numbered.text);
    rows_per_statement_ = insert_ ? sql::rows_per_statement(*insert_, batch_size) : 1;
}

const std::string& ArrayShape::text(std::size_t rows) {
    if (!insert_) {
        return numbered_;
    }
    auto known = texts_.find(rows);
    if (known == texts_.end()) {
        known = texts_.emplace(rows, insert_->batch_text(rows)).first;
    }
    return known->second;
}

std::vector<unsigned> ParamExecutor::parameter_types(SQLUSMALLINT count, bool declared) const {
    std::vector<unsigned> types;
    types.reserve(count);
    for (const SQLUSMALLINT number : core::record_numbers(count)) {
        const core::DescriptorRecord* ipd = context_.ipd.bound_record(number);
        if (ipd == nullptr) {
            types.push_back(0U);
        } else {
            types.push_back(declared ? types::parameter_type_oid(ipd->concise_type)
                                     : types::loose_parameter_type_oid(ipd->concise_type));
        }
    }
    return types;
}

namespace {

std::vector<unsigned> repeated(const std::vector<unsigned>& row_types, std::size_t rows) {
    std::vector<unsigned> all_types;
    all_types.reserve(row_types.size() * rows);
    for (std::size_t row = 0; row < rows; ++row) {
        all_types.insert(all_types.end(), row_types.begin(), row_types.end());
    }
    return all_types;
}

// The server could not give an unspecified parameter a type (SELECT ?, ? + ?, abs(?)): the
// declared SQL types settle it.
bool needs_declared_types(const wire::ServerError& error) {
    const std::string& state = error.server_state();
    return state == "42P18" || state == "42725" || state == "42883";
}

constexpr std::string_view types_savepoint = "rsodbc_parameter_types";

}  // namespace

// Numbers and bits go with their type unspecified first, so the server reads them as it would a
// literal in that position (issue 13: a bit into an integer column, a double into money). Where it
// cannot infer a type the statement is prepared again with the declared types. Inside a
// transaction block a failed prepare would abort the transaction, so on PostgreSQL the first
// prepare of such a statement runs under a savepoint; Redshift has none, and there the loose form
// is the only one tried (as the Amazon driver does).
const CachedStatement& ParamExecutor::prepare(const std::string& text, SQLUSMALLINT count,
                                              std::size_t rows) {
    StatementCache& cache = context_.cache;
    wire::Session& session = context_.session;
    const std::vector<unsigned> declared = repeated(parameter_types(count, true), rows);
    const std::vector<unsigned> loose = repeated(parameter_types(count, false), rows);
    if (loose == declared || cache.needs_declared_types(text, loose)) {
        return cache.prepare(session, text, declared);
    }
    const bool in_block = session.transaction_status() == wire::TransactionStatus::in_transaction;
    if (cache.contains(text, loose) || (in_block && !context_.savepoints)) {
        return cache.prepare(session, text, loose);
    }
    if (in_block) {
        session.run("SAVEPOINT " + std::string(types_savepoint));
    }
    try {
        const CachedStatement& statement = cache.prepare(session, text, loose);
        if (in_block) {
            session.run("RELEASE SAVEPOINT " + std::string(types_savepoint));
        }
        return statement;
    } catch (const wire::ServerError& error) {
        if (!needs_declared_types(error)) {
            throw;
        }
        if (in_block) {
            session.run("ROLLBACK TO SAVEPOINT " + std::string(types_savepoint)
                        + "; RELEASE SAVEPOINT " + std::string(types_savepoint));
        } else if (session.transaction_status() != wire::TransactionStatus::idle) {
            throw;
        }
    }
    cache.mark_needs_declared_types(text, loose);
    return cache.prepare(session, text, declared);
}

wire::Results ParamExecutor::execute_one(const std::string& sql, bool stream) {
    const sql::PreparedText numbered = sql::number_markers(sql);
    const auto count = static_cast<SQLUSMALLINT>(numbered.marker_count);
    ParamEncoder encoder(context_.apd, context_.ipd);
    wire::ParamValues values;
    encoder.encode_row(count, 0, values, context_.diagnostics, context_.supplied);
    context_.cache.begin_execution();
    for (int attempt = 0;; ++attempt) {
        const CachedStatement& statement = prepare(numbered.text, count);
        try {
            wire::Results results =
                context_.session.execute_prepared(statement.name, values, stream);
            context_.cache.end_execution(context_.session);
            return results;
        } catch (const wire::ServerError& error) {
            const bool can_retry =
                attempt == 0 && is_stale_plan(error)
                && context_.session.transaction_status() != wire::TransactionStatus::in_error;
            if (!can_retry) {
                throw;
            }
            context_.cache.forget(context_.session, numbered.text, parameter_types(count, false));
            context_.cache.forget(context_.session, numbered.text, parameter_types(count, true));
        }
    }
}

wire::Results ParamExecutor::execute_cursor(const std::string& sql, int fetch_rows) {
    const sql::PreparedText numbered = sql::number_markers(sql);
    const auto count = static_cast<SQLUSMALLINT>(numbered.marker_count);
    ParamEncoder encoder(context_.apd, context_.ipd);
    wire::ParamValues values;
    encoder.encode_row(count, 0, values, context_.diagnostics, context_.supplied);
    // As prepare(): loose types first, the declared ones where the server cannot infer a type.
    // The cursor's DECLARE runs in one round trip, so a failure inside a transaction block is
    // retried only under a savepoint (PostgreSQL); outside one the session rolled its own
    // transaction back and is idle again.
    wire::Session& session = context_.session;
    const std::vector<unsigned> declared = parameter_types(count, true);
    const std::vector<unsigned> loose = parameter_types(count, false);
    const bool in_block = session.transaction_status() == wire::TransactionStatus::in_transaction;
    if (loose == declared || (in_block && !context_.savepoints)) {
        return session.execute_cursor(numbered.text, values, loose, fetch_rows);
    }
    if (in_block) {
        session.run("SAVEPOINT " + std::string(types_savepoint));
    }
    try {
        wire::Results results = session.execute_cursor(numbered.text, values, loose, fetch_rows);
        if (in_block) {
            session.run("RELEASE SAVEPOINT " + std::string(types_savepoint));
        }
        return results;
    } catch (const wire::ServerError& error) {
        if (!needs_declared_types(error)) {
            throw;
        }
        if (in_block) {
            session.run("ROLLBACK TO SAVEPOINT " + std::string(types_savepoint)
                        + "; RELEASE SAVEPOINT " + std::string(types_savepoint));
        } else if (session.transaction_status() != wire::TransactionStatus::idle) {
            throw;
        }
    }
    return session.execute_cursor(numbered.text, values, declared, fetch_rows);
}

// Fills the next batch with up to rows_per_statement encoded rows, starting at `next_row`.
// Returns false when no row is left to send.
bool ParamExecutor::encode_batch(const ArrayShape& shape, ParamEncoder& encoder, SQLULEN& next_row,
                                 Batch& batch, std::vector<SQLUSMALLINT>& status) {
    const SQLUSMALLINT* operations = context_.apd.header().array_operation_ptr;
    for (; next_row < status.size() && batch.rows.size() < shape.rows_per_statement(); ++next_row) {
        const SQLULEN row = next_row;
        if (operations != nullptr && operations[row] == SQL_PARAM_IGNORE) {
            continue;  // stays SQL_PARAM_UNUSED
        }
        const int before = batch.values.count();
        try {
            encoder.encode_row(shape.count(), row, batch.values, context_.diagnostics);
        } catch (const core::OdbcError& error) {
            // A value that cannot be sent fails its own row only; it never reaches the server.
            batch.values.truncate(before);
            status[row] = SQL_PARAM_ERROR;
            context_.diagnostics.add(core::DiagRecord{std::string(error.state()),
                                                      core::driver_message(error.what()), 0,
                                                      static_cast<SQLLEN>(row + 1)});
            continue;
        }
        batch.rows.push_back(row);
    }
    return !batch.rows.empty();
}

namespace {

// Runs prepared statements in order, pipelined or one at a time, with the same outcomes.
std::vector<wire::PipelineOutcome> run_items(wire::Session& session, bool pipelined,
                                             const wire::PipelineSource& next) {
    if (pipelined) {
        return session.run_pipeline(next);
    }
    std::vector<wire::PipelineOutcome> outcomes;
    bool segment_failed = false;
    while (const wire::PipelineItem* item = next()) {
        wire::PipelineOutcome& outcome = outcomes.emplace_back();
        if (!segment_failed) {
            try {
                const wire::Results results =
                    session.execute_prepared(*item->statement_name, *item->parameters);
                outcome.kind = wire::PipelineOutcome::Kind::ok;
                outcome.affected_rows = std::max<std::int64_t>(0, results.front()->affected_rows());
            } catch (const wire::ServerError& error) {
                outcome.kind = wire::PipelineOutcome::Kind::failed;
                outcome.error = error;
                segment_failed = true;
            }
        }
        if (item->sync_after) {
            segment_failed = false;  // a sync point: the server runs what follows
        }
    }
    return outcomes;
}

std::vector<wire::PipelineOutcome> run_items(wire::Session& session, bool pipelined,
                                             const std::vector<wire::PipelineItem>& items) {
    std::size_t next = 0;
    return run_items(session, pipelined, [&]() -> const wire::PipelineItem* {
        return next < items.size() ? &items[next++] : nullptr;
    });
}

}  // namespace

// Statements cannot be prepared inside the pipeline: the two sizes the batches have when every
// value encodes (full, and the last partial one) are prepared first; a batch made shorter by
// values that cannot be sent waits for its own statement after the run (run_short_batch).
ParamExecutor::BatchNames ParamExecutor::prepare_batch_statements(ArrayShape& shape,
                                                                  std::size_t sendable) {
    BatchNames names;
    auto add = [&](std::size_t rows) {
        names.emplace_back(rows,
                           &prepare(shape.text(rows), shape.count(), shape.sets_in(rows)).name);
    };
    if (sendable >= shape.rows_per_statement()) {
        add(shape.rows_per_statement());
    }
    if (sendable % shape.rows_per_statement() != 0) {
        add(sendable % shape.rows_per_statement());
    }
    return names;
}

namespace {

const std::string* name_for(const std::vector<std::pair<std::size_t, const std::string*>>& names,
                            std::size_t rows) {
    const auto known = std::find_if(names.begin(), names.end(),
                                    [&](const auto& entry) { return entry.first == rows; });
    return known == names.end() ? nullptr : known->second;
}

}  // namespace

// Rows are encoded a batch at a time while the batches before are already on their way, so the
// server inserts while the driver encodes (both sides busy, instead of one waiting for the other).
std::vector<ParamExecutor::Batch> ParamExecutor::run_batches(ArrayShape& shape,
                                                             std::vector<SQLUSMALLINT>& status) {
    const SQLUSMALLINT* operations = context_.apd.header().array_operation_ptr;
    const auto sendable = static_cast<std::size_t>(
        operations == nullptr
            ? status.size()
            : std::count_if(operations, operations + status.size(),
                            [](SQLUSMALLINT op) { return op != SQL_PARAM_IGNORE; }));
    std::vector<Batch> batches;
    if (sendable == 0) {
        return batches;
    }
    const BatchNames names = prepare_batch_statements(shape, sendable);
    // One spare for the last call, which finds no row left.
    batches.reserve((sendable + shape.rows_per_statement() - 1) / shape.rows_per_statement() + 1);
    ParamEncoder encoder(context_.apd, context_.ipd);
    SQLULEN next_row = 0;
    bool waiting = false;  // the last batch has no statement yet
    wire::PipelineItem item;
    auto next = [&]() -> const wire::PipelineItem* {
        if (waiting) {
            return nullptr;
        }
        Batch& batch = batches.emplace_back();
        if (!encode_batch(shape, encoder, next_row, batch, status)) {
            batches.pop_back();
            return nullptr;
        }
        const std::string* name = name_for(names, batch.rows.size());
        if (name == nullptr) {
            waiting = true;
            return nullptr;
        }
        // Autocommit: a sync per batch makes each batch its own implicit transaction. Manual
        // commit: one sync at the end; after a failure the server skips the rest.
        item = {name, &batch.values, context_.autocommit};
        return &item;
    };
    std::vector<wire::PipelineOutcome> outcomes =
        run_items(context_.session, context_.pipeline, next);
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        batches[i].outcome = std::move(outcomes[i]);
    }
    if (waiting) {
        run_short_batch(shape, batches);
    }
    retry_rows_one_by_one(shape, batches);
    return batches;
}

// The last batch, shortened by rows whose values could not be sent, runs after the others
// with its own statement. In manual-commit mode it is not sent after a failure: the
// transaction is already aborted.
void ParamExecutor::run_short_batch(ArrayShape& shape, std::vector<Batch>& batches) {
    Batch& last = batches.back();
    const bool aborted = !context_.autocommit
                         && std::any_of(batches.begin(), batches.end() - 1, [](const Batch& batch) {
                                return batch.outcome.kind != wire::PipelineOutcome::Kind::ok;
                            });
    if (aborted) {
        return;  // stays skipped
    }
    const std::size_t rows = last.rows.size();
    const std::string& name = prepare(shape.text(rows), shape.count(), shape.sets_in(rows)).name;
    std::vector<wire::PipelineOutcome> outcomes =
        run_items(context_.session, context_.pipeline,
                  std::vector<wire::PipelineItem>{{&name, &last.values, true}});
    last.outcome = std::move(outcomes.front());
}

// Autocommit: a failed batch was rolled back as a whole; its rows run again one per statement
// (each its own transaction) so the good ones are applied and every bad one is named.
void ParamExecutor::retry_rows_one_by_one(ArrayShape& shape, std::vector<Batch>& batches) {
    std::vector<Batch*> failed;
    for (Batch& batch : batches) {
        if (batch.outcome.kind == wire::PipelineOutcome::Kind::failed && batch.rows.size() > 1
            && context_.autocommit) {
            failed.push_back(&batch);
        }
    }
    if (failed.empty()) {
        return;
    }
    const CachedStatement& single = prepare(shape.text(1), shape.count());
    std::vector<wire::ParamValues> rows;
    for (const Batch* batch : failed) {
        for (std::size_t i = 0; i < batch->rows.size(); ++i) {
            rows.push_back(batch->values.slice(static_cast<int>(i) * shape.count(), shape.count()));
        }
    }
    std::vector<wire::PipelineItem> items;
    items.reserve(rows.size());
    for (const auto& values : rows) {
        items.push_back({&single.name, &values, true});
    }
    std::vector<wire::PipelineOutcome> outcomes =
        run_items(context_.session, context_.pipeline, items);
    std::size_t next = 0;
    for (Batch* batch : failed) {
        for (std::size_t i = 0; i < batch->rows.size(); ++i) {
            batch->row_outcomes.push_back(std::move(outcomes[next++]));
        }
    }
}

// The status of row i of a batch, from what the server answered; records its diagnostics.
SQLUSMALLINT ParamExecutor::settle_row(const Batch& batch, std::size_t i, ArrayResult& result) {
    using Kind = wire::PipelineOutcome::Kind;
    const auto row_number = static_cast<SQLLEN>(batch.rows[i] + 1);
    switch (batch.outcome.kind) {
        case Kind::ok:
            return SQL_PARAM_SUCCESS;
        case Kind::skipped:
            return SQL_PARAM_UNUSED;
        case Kind::failed:
            break;
    }
    if (!batch.row_outcomes.empty()) {  // retried row by row (autocommit)
        const wire::PipelineOutcome& own = batch.row_outcomes[i];
        if (own.kind == Kind::ok) {
            result.rows_applied += own.affected_rows;
            return SQL_PARAM_SUCCESS;
        }
        if (own.error) {
            context_.diagnostics.add_server_error(*own.error, row_number);
        }
        return own.kind == Kind::skipped ? SQL_PARAM_UNUSED : SQL_PARAM_ERROR;
    }
    result.transaction_aborted = result.transaction_aborted || !context_.autocommit;
    if (batch.rows.size() == 1) {
        context_.diagnostics.add_server_error(
            *batch.outcome.error, row_number,
            context_.autocommit ? std::string_view() : abort_note());
        return SQL_PARAM_ERROR;
    }
    if (i == 0) {  // one record for the batch: the server does not say which row failed
        context_.diagnostics.add_server_error(*batch.outcome.error, SQL_ROW_NUMBER_UNKNOWN,
                                              abort_note());
    }
    return SQL_PARAM_DIAG_UNAVAILABLE;
}

ArrayResult ParamExecutor::finish(const std::vector<Batch>& batches,
                                  std::vector<SQLUSMALLINT>& status) {
    ArrayResult result;
    for (const Batch& batch : batches) {
        for (std::size_t i = 0; i < batch.rows.size(); ++i) {
            status[batch.rows[i]] = settle_row(batch, i, result);
        }
        if (batch.outcome.kind == wire::PipelineOutcome::Kind::ok) {
            result.rows_applied += batch.outcome.affected_rows;
        }
    }
    if (result.transaction_aborted && context_.driver_rolls_back) {
        // The driver rolls the execution back (TransactionErrorBehavior 1 or 2): rows the server
        // had applied are not applied any more.
        std::replace(status.begin(), status.end(), static_cast<SQLUSMALLINT>(SQL_PARAM_SUCCESS),
                     static_cast<SQLUSMALLINT>(SQL_PARAM_DIAG_UNAVAILABLE));
        result.rows_applied = 0;
    }
    const auto processed = static_cast<std::size_t>(std::count_if(
        status.begin(), status.end(), [](SQLUSMALLINT s) { return s != SQL_PARAM_UNUSED; }));
    const auto failed =
        static_cast<std::size_t>(std::count_if(status.begin(), status.end(), [](SQLUSMALLINT s) {
            return s == SQL_PARAM_ERROR || s == SQL_PARAM_DIAG_UNAVAILABLE;
        }));
    if (result.transaction_aborted || (failed > 0 && failed == processed)) {
        result.rc = SQL_ERROR;
    } else if (failed > 0) {
        result.rc = SQL_SUCCESS_WITH_INFO;
    }
    if (SQLULEN* processed_ptr = context_.ipd.header().rows_processed_ptr) {
        *processed_ptr = processed;
    }
    return result;
}

ArrayResult ParamExecutor::execute_array(const std::string& sql) {
    std::optional<ArrayShape> own;
    std::optional<ArrayShape>& kept = context_.array_shape != nullptr ? *context_.array_shape : own;
    if (!kept || !kept->fits(sql, context_.batch_size)) {
        kept.emplace(sql, context_.batch_size);
    }
    ArrayShape& shape = *kept;
    std::vector<SQLUSMALLINT> status(context_.apd.header().array_size, SQL_PARAM_UNUSED);
    context_.cache.begin_execution();
    std::vector<Batch> batches = run_batches(shape, status);
    ArrayResult result = finish(batches, status);
    context_.cache.end_execution(context_.session);
    if (SQLUSMALLINT* status_ptr = context_.ipd.header().array_status_ptr) {
        std::copy(status.begin(), status.end(), status_ptr);
    }
    return result;
}

}  // namespace rsodbc::exec
