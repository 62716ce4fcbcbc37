// Session::run_pipeline. libpq pipeline mode in non-blocking mode: results are read while
// statements are still being sent, so neither side can fill its socket buffer and wait forever
// for the other (libpq docs, "Pipeline Mode": interleave sending and receiving).
#include "log/logger.h"
#include "odbc/sqlstate.h"
#include "wire/session.h"

#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <exception>
#include <functional>
#include <poll.h>

namespace rsodbc::wire {

namespace {

std::int64_t affected_rows_of(pg_result* result) {
    const char* text = PQcmdTuples(result);
    std::int64_t rows = 0;
    for (; text != nullptr && *text >= '0' && *text <= '9'; ++text) {
        rows = rows * 10 + (*text - '0');
    }
    return rows;
}

using Clock = std::chrono::steady_clock;

// With a deadline, at most this many sync points may be unanswered: statements that each end
// with a sync (autocommit, one transaction each) run one after another even after one of them
// was cancelled, so only these few can still run past the deadline.
constexpr std::size_t max_segments_ahead = 4;
// After the deadline the cancel is sent again at this interval while statements are still
// unanswered: a cancel that reaches the server between two statements stops nothing.
constexpr std::chrono::milliseconds cancel_interval{100};

class PipelineRun {
public:
    PipelineRun(pg_conn* conn, const PipelineSource& next, bool& broken,
                std::optional<Clock::time_point> deadline, std::function<void()> cancel,
                std::function<ServerError(const pg_result*)> error_of)
        : conn_(conn),
          next_(next),
          broken_(broken),
          deadline_(deadline),
          cancel_(std::move(cancel)),
          error_of_(std::move(error_of)) {}

    // The deadline stopped the run: items were left unsent or a cancel went to the server.
    [[nodiscard]] bool cut_by_deadline() const { return cut_by_deadline_; }

    std::vector<PipelineOutcome> run() {
        std::vector<const char*> values;
        std::vector<int> lengths;
        bool synced = true;
        // Each statement is flushed as soon as it is queued, so the server runs it while the
        // source builds the next one.
        while (true) {
            if (deadline_passed()) {
                cut_by_deadline_ = true;  // the source still had items (or was not asked)
                break;
            }
            if (deadline_ && syncs_sent_ - syncs_seen_ >= max_segments_ahead) {
                if (!pump(true)) {
                    return fail();
                }
                continue;
            }
            const PipelineItem* item = next_item();
            if (item == nullptr) {
                break;
            }
            if (!send(*item, values, lengths)) {
                return fail();
            }
            outcomes_.emplace_back();
            ++items_sent_;
            synced = item->sync_after;
            if (synced && !sync()) {
                return fail();
            }
            if (!pump(false)) {
                return fail();
            }
        }
        if (!synced && !sync()) {
            return fail();
        }
        sending_done_ = true;
        while (!finished()) {
            if (!pump(true)) {
                return fail();
            }
        }
        return std::move(outcomes_);
    }

    [[nodiscard]] std::exception_ptr source_error() const { return source_error_; }

    // When the source fails (out of memory), what was sent is still answered and the
    // connection leaves pipeline mode cleanly before the error is passed on (source_error).
    const PipelineItem* next_item() {
        try {
            return next_();
        } catch (...) {
            source_error_ = std::current_exception();
            return nullptr;
        }
    }

private:
    bool send(const PipelineItem& item, std::vector<const char*>& values,
              std::vector<int>& lengths) {
        if (item.command != nullptr) {
            return PQsendQueryParams(conn_, item.command->c_str(), 0, nullptr, nullptr, nullptr,
                                     nullptr, 0)
                   != 0;
        }
        item.parameters->fill_pointers(values, lengths);
        return PQsendQueryPrepared(conn_, item.statement_name->c_str(), item.parameters->count(),
                                   values.data(), lengths.data(), nullptr, 0)
               != 0;
    }

    [[nodiscard]] bool finished() const {
        return sending_done_ && next_outcome_ == items_sent_ && syncs_seen_ == syncs_sent_;
    }

    bool sync() {
        if (PQpipelineSync(conn_) == 0) {
            return false;
        }
        ++syncs_sent_;
        return true;
    }

    // Flushes what can be sent and takes in every result that has arrived. With `wait`, blocks
    // until the socket has something for us.
    bool pump(bool wait) {
        const int flushed = PQflush(conn_);
        if (flushed < 0) {
            return false;
        }
        if (wait || flushed > 0) {
            pollfd socket{PQsocket(conn_), static_cast<short>(POLLIN | (flushed > 0 ? POLLOUT : 0)),
                          0};
            const int ready = poll(&socket, 1, wait ? wait_ms() : 0);
            if (ready < 0) {
                return false;
            }
            if (wait) {
                cancel_if_late();
            }
        }
        if (PQconsumeInput(conn_) == 0) {
            return false;
        }
        bool previous_was_end = false;
        while (PQisBusy(conn_) == 0 && !finished()) {
            PgResultPtr result(PQgetResult(conn_));
            if (result == nullptr) {
                // NULL ends one statement's results. Twice in a row, or with every statement
                // sent so far answered, it means nothing more has arrived yet.
                if (previous_was_end
                    || (next_outcome_ >= items_sent_ && syncs_seen_ >= syncs_sent_)) {
                    break;
                }
                previous_was_end = true;
                continue;
            }
            previous_was_end = false;
            take(result.get());
        }
        return true;
    }

    [[nodiscard]] bool deadline_passed() const { return deadline_ && Clock::now() >= *deadline_; }

    // How long a blocking poll may wait: until the deadline, then until the next cancel.
    [[nodiscard]] int wait_ms() const {
        if (!deadline_) {
            return -1;
        }
        const Clock::time_point now = Clock::now();
        Clock::time_point until = *deadline_;
        if (last_cancel_) {
            until = *last_cancel_ + cancel_interval;
        } else if (now >= *deadline_ && next_outcome_ >= items_sent_) {
            until = now + cancel_interval;  // only the sync is awaited: nothing to cancel
        }
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(until - now).count();
        return static_cast<int>(std::clamp<long long>(left, 0, 60'000));
    }

    // Past the deadline with statements unanswered: the server stops the one it runs.
    void cancel_if_late() {
        if (!deadline_passed() || next_outcome_ >= items_sent_) {
            return;
        }
        const Clock::time_point now = Clock::now();
        if (!last_cancel_ || now - *last_cancel_ >= cancel_interval) {
            RSODBC_LOG(debug, "query timeout: cancelling the pipeline at statement {} of {}",
                       next_outcome_ + 1, items_sent_);
            cancel_();
            last_cancel_ = now;
            cut_by_deadline_ = true;
        }
    }

    void take(pg_result* result) {
        const ExecStatusType status = PQresultStatus(result);
        if (status == PGRES_PIPELINE_SYNC) {
            ++syncs_seen_;
            confirmed_ = next_outcome_;
            return;
        }
        if (next_outcome_ >= outcomes_.size()) {
            return;
        }
        PipelineOutcome& outcome = outcomes_[next_outcome_++];
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
            outcome.kind = PipelineOutcome::Kind::ok;
            outcome.affected_rows = affected_rows_of(result);
        } else if (status == PGRES_PIPELINE_ABORTED) {
            outcome.kind = PipelineOutcome::Kind::skipped;
        } else {
            outcome.kind = PipelineOutcome::Kind::failed;
            outcome.error = error_of_(result);
        }
    }

    std::vector<PipelineOutcome> fail() {
        RSODBC_LOG(err, "pipeline failed after {} statements: {}", items_sent_,
                   PQerrorMessage(conn_));
        broken_ = true;
        // What was sent after the last sync point the server confirmed may or may not have run
        // and been committed (an autocommit transaction commits at its sync point).
        for (std::size_t i = confirmed_; i < outcomes_.size(); ++i) {
            if (outcomes_[i].kind != PipelineOutcome::Kind::skipped || i >= next_outcome_) {
                outcomes_[i].kind = PipelineOutcome::Kind::unanswered;
            }
        }
        return std::move(outcomes_);
    }

    pg_conn* conn_;
    const PipelineSource& next_;
    std::vector<PipelineOutcome> outcomes_;
    bool& broken_;
    bool sending_done_ = false;
    std::exception_ptr source_error_;
    std::size_t next_outcome_ = 0;
    std::size_t confirmed_ = 0;  // outcomes before this one are followed by a confirmed sync
    std::size_t items_sent_ = 0;
    std::size_t syncs_sent_ = 0;
    std::size_t syncs_seen_ = 0;
    std::optional<Clock::time_point> deadline_;
    std::optional<Clock::time_point> last_cancel_;
    bool cut_by_deadline_ = false;
    std::function<void()> cancel_;
    std::function<ServerError(const pg_result*)> error_of_;
};

}  // namespace

PipelineReport Session::run_pipeline(
    const PipelineSource& next, std::optional<std::chrono::steady_clock::time_point> deadline) {
    require_open();
    take_wire();
    if (PQenterPipelineMode(conn_.get()) == 0 || PQsetnonblocking(conn_.get(), 1) != 0) {
        throw_connection_error(sqlstate::server::connection_failure);
    }
    bool broken = false;
    PipelineRun run(
        conn_.get(), next, broken, deadline,
        [this] {
            const std::lock_guard guard(cancel_mutex_);
            send_cancel();
        },
        [this](const pg_result* result) { return error_of(result); });
    PipelineReport report{run.run(), std::nullopt};
    report.cut_by_deadline = run.cut_by_deadline();
    RSODBC_LOG(debug, "pipeline of {} statements done, connection {}", report.outcomes.size(),
               PQstatus(conn_.get()) == CONNECTION_OK ? "ok" : "broken");
    PQsetnonblocking(conn_.get(), 0);
    if (broken || PQexitPipelineMode(conn_.get()) == 0) {
        try {
            throw_connection_error(sqlstate::server::connection_failure);
        } catch (const ServerError& error) {
            report.connection_lost = error;
        }
        return report;
    }
    if (run.source_error()) {
        std::rethrow_exception(run.source_error());
    }
    return report;
}

}  // namespace rsodbc::wire
