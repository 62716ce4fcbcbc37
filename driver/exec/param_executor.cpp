#include "exec/param_executor.h"

#include "odbc/odbc_error.h"
#include "odbc/record_numbers.h"
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
    return error.server_state() == sqlstate::server::feature_not_supported
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

ParamExecutor::ParamExecutor(ExecutionContext& context) : context_(context) {
    if (context_.query_timeout > 0) {
        deadline_ = std::chrono::steady_clock::now()
                    + std::chrono::seconds(static_cast<std::int64_t>(
                        std::min<SQLULEN>(context_.query_timeout, SQLULEN{365} * 24 * 3600)));
    }
}

std::string_view ParamExecutor::abort_note() const {
    return context_.driver_rolls_back ? rolled_back_note : rollback_note;
}

struct ParamExecutor::Batch {
    std::vector<SQLULEN> rows;  // application rows, in order
    wire::ParamValues values;   // every row's values, row after row
    wire::PipelineOutcome outcome;
    std::vector<wire::PipelineOutcome> row_outcomes;  // after a retry row by row
};

ArrayShape::ArrayShape(const sql::AnalysedStatement& statement, std::size_t batch_size)
    : sql_(statement.text()),
      batch_size_(batch_size),
      numbered_(statement.numbered_text()),
      count_(static_cast<SQLUSMALLINT>(statement.parameter_count())) {
    insert_ = statement.insert();
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
    for (const SQLUSMALLINT number : odbc::record_numbers(count)) {
        const odbc::DescriptorRecord* ipd = context_.ipd.bound_record(number);
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
    return state == sqlstate::server::indeterminate_datatype
           || state == sqlstate::server::ambiguous_function
           || state == sqlstate::server::undefined_function;
}

constexpr std::string_view types_savepoint = "rsodbc_parameter_types";

// Runs `with_loose_types` (the server infers the parameter types); where the server cannot infer
// one, runs `with_declared_types` instead. Inside a transaction block the first attempt runs under
// a savepoint, so its failure does not abort the application's transaction; outside one a failed
// attempt leaves the session idle (the server rolled back its implicit transaction).
template <class LooseAttempt, class DeclaredAttempt>
auto loose_types_first(wire::Session& session, LooseAttempt&& with_loose_types,
                       DeclaredAttempt&& with_declared_types) {
    const bool in_block = session.transaction_status() == wire::TransactionStatus::in_transaction;
    const std::string savepoint(types_savepoint);
    if (in_block) {
        session.run("SAVEPOINT " + savepoint);
    }
    try {
        auto result = with_loose_types();
        if (in_block) {
            session.run("RELEASE SAVEPOINT " + savepoint);
        }
        return result;
    } catch (const wire::ServerError& error) {
        if (!needs_declared_types(error)) {
            throw;
        }
        if (in_block) {
            session.run("ROLLBACK TO SAVEPOINT " + savepoint + "; RELEASE SAVEPOINT " + savepoint);
        } else if (session.transaction_status() != wire::TransactionStatus::idle) {
            throw;
        }
    }
    return with_declared_types();
}

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
    return *loose_types_first(
        session, [&] { return &cache.prepare(session, text, loose); },
        [&] {
            cache.mark_needs_declared_types(text, loose);
            return &cache.prepare(session, text, declared);
        });
}

wire::Results ParamExecutor::execute_one(const sql::AnalysedStatement& sql, bool stream) {
    const std::string& numbered = sql.numbered_text();
    const auto count = static_cast<SQLUSMALLINT>(sql.parameter_count());
    ParamEncoder encoder(context_.apd, context_.ipd);
    wire::ParamValues values;
    encoder.encode_row(count, 0, values, context_.diagnostics, context_.supplied);
    context_.cache.begin_execution();
    for (int attempt = 0;; ++attempt) {
        const CachedStatement& statement = prepare(numbered, count);
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
            context_.cache.forget(context_.session, numbered, parameter_types(count, false));
            context_.cache.forget(context_.session, numbered, parameter_types(count, true));
        }
    }
}

wire::Results ParamExecutor::execute_cursor(const sql::AnalysedStatement& sql, int fetch_rows) {
    const std::string& numbered = sql.numbered_text();
    const auto count = static_cast<SQLUSMALLINT>(sql.parameter_count());
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
        return session.execute_cursor(numbered, values, loose, fetch_rows);
    }
    return loose_types_first(
        session, [&] { return session.execute_cursor(numbered, values, loose, fetch_rows); },
        [&] { return session.execute_cursor(numbered, values, declared, fetch_rows); });
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
        } catch (const odbc::OdbcError& error) {
            // A value that cannot be sent fails its own row only; it never reaches the server.
            batch.values.truncate(before);
            status[row] = SQL_PARAM_ERROR;
            context_.diagnostics.add(odbc::DiagRecord{std::string(error.state()),
                                                      odbc::driver_message(error.what()), 0,
                                                      static_cast<SQLLEN>(row + 1)});
            continue;
        }
        batch.rows.push_back(row);
    }
    return !batch.rows.empty();
}

namespace {

using Kind = wire::PipelineOutcome::Kind;

const std::string& begin_command() {
    static const std::string text = "BEGIN";
    return text;
}

const std::string& commit_command() {
    static const std::string text = "COMMIT";
    return text;
}

// SQLCancel and the query timeout both reach the server as a cancel of what it runs (57014).
bool was_cancelled(const wire::PipelineOutcome& outcome) {
    return outcome.kind == Kind::failed && outcome.error
           && outcome.error->server_state() == sqlstate::server::query_canceled;
}

}  // namespace

bool ParamExecutor::cancel_requested() const {
    return context_.cancel_requested != nullptr && context_.cancel_requested->load();
}

bool ParamExecutor::deadline_passed() {
    if (timed_out_) {
        return true;
    }
    if (!deadline_ || std::chrono::steady_clock::now() < *deadline_) {
        return false;
    }
    timed_out_ = true;
    cancelled_ = true;
    return true;
}

// Runs statements in order, pipelined or one at a time, with the same outcomes. Nothing more is
// sent once the application cancelled; a lost connection ends the run with what was answered.
std::vector<wire::PipelineOutcome> ParamExecutor::run_items(const wire::PipelineSource& next) {
    // Without the pipeline the statement running at the deadline is stopped by the server's
    // statement_timeout (set to the query timeout), and nothing starts after the deadline.
    auto guarded = [&]() -> const wire::PipelineItem* {
        if (cancel_requested()) {
            cancelled_ = true;
            return nullptr;
        }
        if (deadline_passed()) {
            return nullptr;
        }
        return next();
    };
    std::vector<wire::PipelineOutcome> outcomes;
    if (context_.pipeline) {
        wire::PipelineReport report = context_.session.run_pipeline(guarded, deadline_);
        outcomes = std::move(report.outcomes);
        if (report.connection_lost) {
            lost_ = std::move(report.connection_lost);
        }
        if (report.cut_by_deadline) {
            timed_out_ = true;
            cancelled_ = true;
        }
    } else {
        bool segment_failed = false;
        while (const wire::PipelineItem* item = guarded()) {
            wire::PipelineOutcome& outcome = outcomes.emplace_back();
            if (!segment_failed) {
                try {
                    const wire::Results results = item->command != nullptr
                                                      ? context_.session.execute(*item->command)
                                                      : context_.session.execute_prepared(
                                                          *item->statement_name, *item->parameters);
                    outcome.kind = Kind::ok;
                    outcome.affected_rows =
                        std::max<std::int64_t>(0, results.front()->affected_rows());
                } catch (const wire::ServerError& error) {
                    if (!context_.session.healthy()) {
                        outcome.kind = Kind::unanswered;
                        lost_ = error;
                        break;
                    }
                    outcome.kind = Kind::failed;
                    outcome.error = error;
                    segment_failed = true;
                }
            }
            if (item->sync_after) {
                segment_failed = false;  // a sync point: the server runs what follows
            }
        }
    }
    for (const wire::PipelineOutcome& outcome : outcomes) {
        if (was_cancelled(outcome)) {
            cancelled_ = true;
            if (!cancel_error_) {
                cancel_error_ = *outcome.error;
            }
        }
    }
    return outcomes;
}

std::vector<wire::PipelineOutcome> ParamExecutor::run_items(
    const std::vector<wire::PipelineItem>& items) {
    std::size_t next = 0;
    return run_items([&]() -> const wire::PipelineItem* {
        return next < items.size() ? &items[next++] : nullptr;
    });
}

void ParamExecutor::roll_back_open_transaction() {
    if (lost_) {
        return;  // the server rolled it back when the connection ended
    }
    try {
        if (context_.session.transaction_status() != wire::TransactionStatus::idle) {
            context_.session.run("ROLLBACK");
        }
    } catch (const wire::ServerError& error) {
        if (!context_.session.healthy()) {
            lost_ = error;
            return;
        }
        throw;
    }
}

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

struct ParamExecutor::Transaction {
    // Autocommit with more than one statement: BEGIN, the batches, COMMIT, one sync — one
    // commit per execution (Redshift serializes commits and each costs tens of milliseconds).
    bool used = false;
    std::optional<wire::PipelineOutcome> begin;
    std::optional<wire::PipelineOutcome> commit;
};

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
    Transaction transaction;
    transaction.used = context_.autocommit && sendable > shape.rows_per_statement();
    ParamEncoder encoder(context_.apd, context_.ipd);
    SQLULEN next_row = 0;
    bool waiting = false;  // the last batch has no statement yet
    bool encoded_all = false;
    constexpr std::ptrdiff_t begin_item = -1;
    constexpr std::ptrdiff_t commit_item = -2;
    std::vector<std::ptrdiff_t> sent;  // per item sent: its batch, or begin_item / commit_item
    wire::PipelineItem item;
    auto next = [&]() -> const wire::PipelineItem* {
        if (transaction.used && sent.empty()) {
            sent.push_back(begin_item);
            item = {nullptr, nullptr, false, &begin_command()};
            return &item;
        }
        if (!encoded_all && !waiting) {
            Batch& batch = batches.emplace_back();
            if (!encode_batch(shape, encoder, next_row, batch, status)) {
                batches.pop_back();
                encoded_all = true;
            } else if (const std::string* name = name_for(names, batch.rows.size())) {
                sent.push_back(static_cast<std::ptrdiff_t>(batches.size() - 1));
                // Autocommit without the one transaction: a sync per batch makes each batch its
                // own implicit transaction. Otherwise one sync at the end; after a failure the
                // server skips the rest.
                item = {name, &batch.values, context_.autocommit && !transaction.used};
                return &item;
            } else {
                waiting = true;
            }
        }
        if (transaction.used && encoded_all && sent.back() != commit_item) {
            sent.push_back(commit_item);
            item = {nullptr, nullptr, true, &commit_command()};
            return &item;
        }
        return nullptr;
    };
    std::vector<wire::PipelineOutcome> outcomes = run_items(next);
    for (std::size_t i = 0; i < sent.size(); ++i) {
        // An item the connection failed to send has no outcome: whether it ran is unknown.
        wire::PipelineOutcome outcome;
        outcome.kind = Kind::unanswered;
        if (i < outcomes.size()) {
            outcome = std::move(outcomes[i]);
        }
        if (sent[i] == begin_item) {
            transaction.begin = std::move(outcome);
        } else if (sent[i] == commit_item) {
            transaction.commit = std::move(outcome);
        } else {
            batches[static_cast<std::size_t>(sent[i])].outcome = std::move(outcome);
        }
    }
    if (waiting && !lost_ && !cancelled_) {
        const bool all_ok = std::all_of(batches.begin(), batches.end() - 1,
                                        [](const Batch& b) { return b.outcome.kind == Kind::ok; });
        if (!transaction.used) {
            run_short_batch(shape, batches, false);
        } else if (all_ok && transaction.begin && transaction.begin->kind == Kind::ok) {
            transaction.commit = run_short_batch(shape, batches, true);
        }
    }
    if (transaction.used) {
        if (transaction.commit && transaction.commit->kind == Kind::ok) {
            return batches;  // every batch applied, one commit
        }
        settle_transaction(transaction, batches);
        if (lost_ || cancelled_) {
            return batches;
        }
        rerun_batches_one_by_one(shape, batches);
    }
    if (!lost_ && !cancelled_) {
        retry_rows_one_by_one(shape, batches);
    }
    return batches;
}

// The one transaction did not commit: nothing of it is applied. After a failure (a bad row),
// every batch runs again in its own transaction so good rows are applied and bad ones named;
// after a cancel or a lost connection nothing more runs.
void ParamExecutor::settle_transaction(const Transaction& transaction,
                                       std::vector<Batch>& batches) {
    roll_back_open_transaction();
    // Known not applied, except when the COMMIT went out and its answer was lost.
    const bool unknown =
        lost_ && transaction.commit && transaction.commit->kind == Kind::unanswered;
    for (Batch& batch : batches) {
        batch.outcome = wire::PipelineOutcome{};  // skipped: SQL_PARAM_UNUSED
        if (unknown) {
            batch.outcome.kind = Kind::unanswered;
        }
    }
}

// The last batch, shortened by rows whose values could not be sent, runs after the others
// with its own statement. In manual-commit mode it is not sent after a failure: the
// transaction is already aborted. With `commit` it ends the one transaction and the COMMIT's
// outcome is returned.
std::optional<wire::PipelineOutcome> ParamExecutor::run_short_batch(ArrayShape& shape,
                                                                    std::vector<Batch>& batches,
                                                                    bool commit) {
    Batch& last = batches.back();
    const bool aborted = !context_.autocommit
                         && std::any_of(batches.begin(), batches.end() - 1, [](const Batch& batch) {
                                return batch.outcome.kind != Kind::ok;
                            });
    if (aborted) {
        return std::nullopt;  // stays skipped
    }
    const std::size_t rows = last.rows.size();
    const std::string& name = prepare(shape.text(rows), shape.count(), shape.sets_in(rows)).name;
    std::vector<wire::PipelineItem> items{{&name, &last.values, !commit}};
    if (commit) {
        items.push_back({nullptr, nullptr, true, &commit_command()});
    }
    std::vector<wire::PipelineOutcome> outcomes = run_items(items);
    if (!outcomes.empty()) {
        last.outcome = std::move(outcomes.front());
    } else if (lost_) {
        last.outcome.kind = Kind::unanswered;
    }
    if (!commit) {
        return std::nullopt;
    }
    wire::PipelineOutcome ended;  // not sent (cancelled): skipped
    if (outcomes.size() > 1) {
        ended = std::move(outcomes[1]);
    } else if (lost_) {
        ended.kind = Kind::unanswered;
    }
    return ended;
}

// Autocommit: the one transaction failed and nothing of it is applied: every batch runs again
// in its own transaction (a sync each), as the path without it does.
void ParamExecutor::rerun_batches_one_by_one(ArrayShape& shape, std::vector<Batch>& batches) {
    std::vector<wire::PipelineItem> items;
    items.reserve(batches.size());
    for (Batch& batch : batches) {
        const std::size_t rows = batch.rows.size();
        const std::string& name =
            prepare(shape.text(rows), shape.count(), shape.sets_in(rows)).name;
        items.push_back({&name, &batch.values, true});
    }
    std::vector<wire::PipelineOutcome> outcomes = run_items(items);
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        batches[i].outcome = std::move(outcomes[i]);
    }
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
    std::vector<wire::PipelineOutcome> outcomes = run_items(items);
    std::size_t next = 0;
    for (Batch* batch : failed) {
        for (std::size_t i = 0; i < batch->rows.size(); ++i, ++next) {
            // Rows not sent (cancelled) stay skipped.
            batch->row_outcomes.push_back(next < outcomes.size() ? std::move(outcomes[next])
                                                                 : wire::PipelineOutcome{});
        }
    }
}

// The status of row i of a batch, from what the server answered; records its diagnostics.
SQLUSMALLINT ParamExecutor::settle_row(const Batch& batch, std::size_t i, ArrayResult& result) {
    const auto row_number = static_cast<SQLLEN>(batch.rows[i] + 1);
    switch (batch.outcome.kind) {
        case Kind::ok:
            return SQL_PARAM_SUCCESS;
        case Kind::skipped:
            return SQL_PARAM_UNUSED;
        case Kind::unanswered:  // the connection was lost: applied or not is unknown
            return SQL_PARAM_DIAG_UNAVAILABLE;
        case Kind::failed:
            break;
    }
    // Autocommit: a batch stopped by a cancel was rolled back and is reported as not run (the
    // cancel's own record is added once, by finish).
    if (context_.autocommit && was_cancelled(batch.outcome)) {
        return SQL_PARAM_UNUSED;
    }
    if (!batch.row_outcomes.empty()) {  // retried row by row (autocommit)
        const wire::PipelineOutcome& own = batch.row_outcomes[i];
        if (own.kind == Kind::ok) {
            result.rows_applied += own.affected_rows;
            return SQL_PARAM_SUCCESS;
        }
        if (own.kind == Kind::unanswered) {
            return SQL_PARAM_DIAG_UNAVAILABLE;
        }
        if (was_cancelled(own)) {
            return SQL_PARAM_UNUSED;
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

bool ParamExecutor::cut_short(const std::vector<SQLUSMALLINT>& status) const {
    const SQLUSMALLINT* operations = context_.apd.header().array_operation_ptr;
    for (std::size_t row = 0; row < status.size(); ++row) {
        const bool ignored = operations != nullptr && operations[row] == SQL_PARAM_IGNORE;
        if (status[row] == SQL_PARAM_UNUSED && !ignored) {
            return true;
        }
    }
    return false;
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
    // Manual commit: a lost connection took the application's transaction with it.
    const bool rolled_back = (result.transaction_aborted && context_.driver_rolls_back)
                             || (lost_ && !context_.autocommit);
    if (rolled_back) {
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
    // A deadline that passed once every row was answered stopped nothing.
    const bool stopped = cancelled_ && (!timed_out_ || cancel_error_ || cut_short(status));
    if (lost_) {
        result.rc = SQL_ERROR;  // execute_array throws the connection's error after the statuses
    } else if (stopped) {
        // Rows the server applied before the cancel stay SQL_PARAM_SUCCESS; nothing else ran.
        if (cancel_error_) {
            if (context_.autocommit) {  // manual commit: settle_row reported the stopped batch
                context_.diagnostics.add_server_error(*cancel_error_, SQL_ROW_NUMBER_UNKNOWN);
            }
        } else if (timed_out_) {
            context_.diagnostics.add(odbc::DiagRecord{
                std::string(sqlstate::timeout_expired),
                odbc::driver_message("timeout expired: the query timeout of "
                                     + std::to_string(context_.query_timeout)
                                     + " s passed; the rest of the parameter array was not sent"),
                0, SQL_ROW_NUMBER_UNKNOWN});
        } else {
            context_.diagnostics.add(odbc::DiagRecord{
                std::string(sqlstate::operation_canceled),
                odbc::driver_message("operation canceled: the rest of the parameter "
                                     "array was not sent"),
                0, SQL_ROW_NUMBER_UNKNOWN});
        }
        result.rc = SQL_ERROR;
    } else if (result.transaction_aborted || (failed > 0 && failed == processed)) {
        result.rc = SQL_ERROR;
    } else if (failed > 0) {
        result.rc = SQL_SUCCESS_WITH_INFO;
    }
    if (SQLULEN* processed_ptr = context_.ipd.header().rows_processed_ptr) {
        *processed_ptr = processed;
    }
    return result;
}

ArrayResult ParamExecutor::execute_array(const sql::AnalysedStatement& sql) {
    std::optional<ArrayShape> own;
    std::optional<ArrayShape>& kept = context_.array_shape != nullptr ? *context_.array_shape : own;
    if (!kept || !kept->fits(sql, context_.batch_size)) {
        kept.emplace(sql, context_.batch_size);
    }
    ArrayShape& shape = *kept;
    std::vector<SQLUSMALLINT> status(context_.apd.header().array_size, SQL_PARAM_UNUSED);
    context_.cache.begin_execution();
    std::vector<Batch> batches;
    try {
        batches = run_batches(shape, status);
    } catch (...) {
        if (context_.autocommit && !lost_) {
            roll_back_open_transaction();  // never leave the one transaction open
        }
        throw;
    }
    ArrayResult result = finish(batches, status);
    if (SQLUSMALLINT* status_ptr = context_.ipd.header().array_status_ptr) {
        std::copy(status.begin(), status.end(), status_ptr);
    }
    if (lost_) {
        throw *lost_;  // 08S01, after the status array says what the server confirmed
    }
    context_.cache.end_execution(context_.session);
    return result;
}

}  // namespace rsodbc::exec
