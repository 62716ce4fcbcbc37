#include "exec/param_executor.h"

#include "core/odbc_error.h"
#include "sql/insert_values.h"
#include "sql/placeholders.h"
#include "types/from_c/encode.h"
#include "wire/server_error.h"

#include <algorithm>

namespace rsodbc::exec {

namespace {

// The server replans a prepared statement when a table it reads changed; when the result shape
// changed it refuses instead. Preparing again is the fix.
bool is_stale_plan(const wire::ServerError& error) {
    return std::string_view(error.what()).find("cached plan must not change result type")
           != std::string_view::npos;
}

constexpr std::string_view rollback_note =
    "The transaction is aborted: no further statement runs until it is rolled back "
    "(SQLEndTran with SQL_ROLLBACK). Rows of the failed batch are SQL_PARAM_DIAG_UNAVAILABLE; rows "
    "never sent are SQL_PARAM_UNUSED.";

}  // namespace

struct ParamExecutor::Batch {
    std::vector<SQLULEN> rows;  // application rows, in order
    wire::ParamValues values;   // every row's values, row after row
    wire::PipelineOutcome outcome;
    std::vector<wire::PipelineOutcome> row_outcomes;  // after a retry row by row
};

// What one SQLExecute of an array sends: the statement for k rows, built once per distinct k.
struct ParamExecutor::Shape {
    std::optional<sql::InsertPlan> insert;
    std::string numbered;  // the statement for one set when it is not a rewritable INSERT
    SQLUSMALLINT count = 0;
    std::size_t rows_per_statement = 1;

    [[nodiscard]] std::string text(std::size_t rows) const {
        return insert ? insert->batch_text(rows) : numbered;
    }
};

std::vector<unsigned> ParamExecutor::parameter_types(SQLUSMALLINT count) const {
    std::vector<unsigned> types;
    types.reserve(count);
    for (SQLUSMALLINT number = 1; number <= count; ++number) {
        const core::DescriptorRecord* ipd = context_.ipd.bound_record(number);
        types.push_back(ipd == nullptr ? 0U : types::parameter_type_oid(ipd->concise_type));
    }
    return types;
}

const CachedStatement& ParamExecutor::prepare(const std::string& text, SQLUSMALLINT count,
                                              std::size_t rows) {
    const std::vector<unsigned> row_types = parameter_types(count);
    std::vector<unsigned> all_types;
    all_types.reserve(row_types.size() * rows);
    for (std::size_t row = 0; row < rows; ++row) {
        all_types.insert(all_types.end(), row_types.begin(), row_types.end());
    }
    return context_.cache.prepare(context_.session, text, all_types);
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
            context_.cache.forget(context_.session, numbered.text, parameter_types(count));
        }
    }
}

wire::Results ParamExecutor::execute_cursor(const std::string& sql, int fetch_rows) {
    const sql::PreparedText numbered = sql::number_markers(sql);
    const auto count = static_cast<SQLUSMALLINT>(numbered.marker_count);
    ParamEncoder encoder(context_.apd, context_.ipd);
    wire::ParamValues values;
    encoder.encode_row(count, 0, values, context_.diagnostics, context_.supplied);
    return context_.session.execute_cursor(numbered.text, values, parameter_types(count),
                                           fetch_rows);
}

std::vector<ParamExecutor::Batch> ParamExecutor::plan_batches(const Shape& shape,
                                                              std::vector<SQLUSMALLINT>& status) {
    const SQLUSMALLINT* operations = context_.apd.header().array_operation_ptr;
    ParamEncoder encoder(context_.apd, context_.ipd);
    std::vector<Batch> batches;
    for (SQLULEN row = 0; row < status.size(); ++row) {
        if (operations != nullptr && operations[row] == SQL_PARAM_IGNORE) {
            continue;  // stays SQL_PARAM_UNUSED
        }
        if (batches.empty() || batches.back().rows.size() >= shape.rows_per_statement) {
            batches.emplace_back();
        }
        Batch& batch = batches.back();
        const int before = batch.values.count();
        try {
            encoder.encode_row(shape.count, row, batch.values, context_.diagnostics);
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
    std::erase_if(batches, [](const Batch& batch) { return batch.rows.empty(); });
    return batches;
}

namespace {

// Runs prepared statements in order, pipelined or one at a time, with the same outcomes.
std::vector<wire::PipelineOutcome> run_items(wire::Session& session, bool pipelined,
                                             const std::vector<wire::PipelineItem>& items) {
    if (pipelined) {
        return session.run_pipeline(items);
    }
    std::vector<wire::PipelineOutcome> outcomes(items.size());
    bool segment_failed = false;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!segment_failed) {
            try {
                const wire::Results results =
                    session.execute_prepared(*items[i].statement_name, *items[i].parameters);
                outcomes[i].kind = wire::PipelineOutcome::Kind::ok;
                outcomes[i].affected_rows =
                    std::max<std::int64_t>(0, results.front()->affected_rows());
            } catch (const wire::ServerError& error) {
                outcomes[i].kind = wire::PipelineOutcome::Kind::failed;
                outcomes[i].error = error;
                segment_failed = true;
            }
        }
        if (items[i].sync_after) {
            segment_failed = false;  // a sync point: the server runs what follows
        }
    }
    return outcomes;
}

}  // namespace

void ParamExecutor::run_batches(const Shape& shape, std::vector<Batch>& batches) {
    if (batches.empty()) {
        return;
    }
    // Every full batch shares one prepared statement; the last partial batch has its own.
    std::vector<std::pair<std::size_t, const std::string*>> names;
    auto name_for = [&](std::size_t rows) -> const std::string* {
        for (const auto& [size, name] : names) {
            if (size == rows) {
                return name;
            }
        }
        // A rewritten INSERT holds `rows` sets; any other statement holds one.
        names.emplace_back(rows,
                           &prepare(shape.text(rows), shape.count, shape.insert ? rows : 1).name);
        return names.back().second;
    };
    std::vector<wire::PipelineItem> items;
    items.reserve(batches.size());
    for (Batch& batch : batches) {
        // Autocommit: a sync per batch makes each batch its own implicit transaction. Manual
        // commit: one sync at the end; after a failure the server skips the rest.
        items.push_back({name_for(batch.rows.size()), &batch.values, context_.autocommit});
    }
    items.back().sync_after = true;
    std::vector<wire::PipelineOutcome> outcomes =
        run_items(context_.session, context_.pipeline, items);
    std::vector<Batch*> failed;
    for (std::size_t i = 0; i < batches.size(); ++i) {
        batches[i].outcome = std::move(outcomes[i]);
        if (batches[i].outcome.kind == wire::PipelineOutcome::Kind::failed
            && batches[i].rows.size() > 1 && context_.autocommit) {
            failed.push_back(&batches[i]);
        }
    }
    retry_rows_one_by_one(shape, failed);
}

// Autocommit: the failed batch was rolled back as a whole; its rows run again one per statement
// (each its own transaction) so the good ones are applied and every bad one is named.
void ParamExecutor::retry_rows_one_by_one(const Shape& shape, const std::vector<Batch*>& failed) {
    if (failed.empty()) {
        return;
    }
    const CachedStatement& single = prepare(shape.text(1), shape.count);
    std::vector<wire::ParamValues> rows;
    for (const Batch* batch : failed) {
        for (std::size_t i = 0; i < batch->rows.size(); ++i) {
            rows.push_back(batch->values.slice(static_cast<int>(i) * shape.count, shape.count));
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
            context_.autocommit ? std::string_view() : rollback_note);
        return SQL_PARAM_ERROR;
    }
    if (i == 0) {  // one record for the batch: the server does not say which row failed
        context_.diagnostics.add_server_error(*batch.outcome.error, SQL_ROW_NUMBER_UNKNOWN,
                                              rollback_note);
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
    Shape shape;
    const sql::PreparedText numbered = sql::number_markers(sql);
    shape.count = static_cast<SQLUSMALLINT>(numbered.marker_count);
    shape.insert = sql::plan_insert_values(sql);
    shape.numbered = numbered.text;
    shape.rows_per_statement =
        shape.insert ? sql::rows_per_statement(*shape.insert, context_.batch_size) : 1;

    std::vector<SQLUSMALLINT> status(context_.apd.header().array_size, SQL_PARAM_UNUSED);
    context_.cache.begin_execution();
    std::vector<Batch> batches = plan_batches(shape, status);
    run_batches(shape, batches);
    ArrayResult result = finish(batches, status);
    context_.cache.end_execution(context_.session);
    if (SQLUSMALLINT* status_ptr = context_.ipd.header().array_status_ptr) {
        std::copy(status.begin(), status.end(), status_ptr);
    }
    return result;
}

}  // namespace rsodbc::exec
