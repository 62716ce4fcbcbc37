#include "wire/streaming_result.h"

#include "odbc/sqlstate.h"
#include "wire/buffered_result.h"
#include "wire/server_error.h"
#include "wire/session.h"

#include <libpq-fe.h>

namespace rsodbc::wire {

StreamingResult::StreamingResult(Session& session) : WireResult(session) {
    session.adopt_stream(this);
    try {
        PgResultPtr first = next_result();
        if (first == nullptr) {
            throw ServerError(sqlstate::server::connection_failure,
                              "the server ended the statement without a result");
        }
        columns_ = BufferedResult::describe_columns(first.get());
        if (!take_end(first)) {
            pending_ = std::move(first);
        }
    } catch (...) {
        finish_wire();  // no destructor runs for a constructor that throws
        throw;
    }
}

StreamingResult::~StreamingResult() {
    if (session_ != nullptr && !ended_) {
        // Closed or freed before its end: the rest is not read (Session::abandon_stream).
        Session* session = session_;
        session_ = nullptr;
        session->abandon_stream(this);
        return;
    }
    finish_wire();
}

PgResultPtr StreamingResult::next_result() {
    if (drained_end_ != nullptr) {
        return std::move(drained_end_);
    }
    if (session_ == nullptr) {
        return nullptr;
    }
    return session_->next_stream_result();
}

bool StreamingResult::take_end(PgResultPtr& result) {
    const ExecStatusType status = PQresultStatus(result.get());
    if (status == PGRES_SINGLE_TUPLE) {
        ++rows_received_;
        return false;
    }
    ended_ = true;
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
        const char* rows = PQcmdTuples(result.get());
        affected_rows_ = rows != nullptr && *rows != '\0' ? std::stoll(rows) : rows_received_;
        command_tag_ = PQcmdStatus(result.get());
        finish_wire();
        return true;
    }
    ServerError error = session_ != nullptr ? session_->error_of(result.get())
                                            : error_from_result(result.get(), false);
    finish_wire();
    throw error;
}

bool StreamingResult::next_row() {
    current_.reset();
    from_spool_ = false;
    from_ahead_ = false;
    if (pending_ != nullptr) {
        current_ = std::move(pending_);
        return true;
    }
    if (ahead_ != nullptr) {
        if (ahead_->next()) {
            from_ahead_ = true;
            return true;
        }
        ahead_.reset();
    }
    if (ended_) {
        return false;
    }
    if (spool_ != nullptr && spool_->next()) {
        from_spool_ = true;
        return true;
    }
    if (!lost_rows_.empty()) {
        ended_ = true;
        throw ServerError(sqlstate::server::io_error, lost_rows_);
    }
    PgResultPtr result = next_result();
    if (result == nullptr) {
        ended_ = true;
        finish_wire();
        return false;
    }
    if (take_end(result)) {
        return false;
    }
    current_ = std::move(result);
    return true;
}

Cell StreamingResult::cell(std::size_t column) const {
    if (from_ahead_) {
        return ahead_->cell(column);
    }
    if (from_spool_) {
        return spool_->cell(column);
    }
    const int col = static_cast<int>(column);
    if (current_ == nullptr || PQgetisnull(current_.get(), 0, col) != 0) {
        return Cell{};
    }
    const char* text = PQgetvalue(current_.get(), 0, col);
    return Cell{
        std::string_view(text, static_cast<std::size_t>(PQgetlength(current_.get(), 0, col))),
        false};
}

void StreamingResult::release_wire() {
    if (session_ == nullptr) {
        return;
    }
    spool_ = std::make_unique<RowSpool>(columns_.size(), session_->spill_threshold());
    try {
        while (PgResultPtr result = session_->next_stream_result()) {
            if (PQresultStatus(result.get()) == PGRES_SINGLE_TUPLE) {
                spool_->append(result.get(), 0);
                ++rows_received_;
            } else if (drained_end_ == nullptr) {
                drained_end_ = std::move(result);  // TUPLES_OK with the row count, or the error
            }
        }
    } catch (const ServerError& error) {
        // The rows that could not be kept are lost: the application must hear so when it
        // reaches them, never see a shorter result as if it were complete.
        lost_rows_ = error.what();
        drained_end_.reset();
    }
    if (drained_end_ != nullptr && PQresultStatus(drained_end_.get()) == PGRES_TUPLES_OK) {
        // Every row is here: the row count is known before the application reaches the end.
        const char* rows = PQcmdTuples(drained_end_.get());
        affected_rows_ = rows != nullptr && *rows != '\0' ? std::stoll(rows) : rows_received_;
    }
    finish_wire();
}

void StreamingResult::read_ahead(std::size_t max_rows, std::size_t max_bytes) {
    if (session_ == nullptr || ended_ || max_rows == 0) {
        return;
    }
    // Never spills: max_bytes is what it may keep, checked row by row.
    ahead_ = std::make_unique<RowSpool>(columns_.size(), 0);
    while (ahead_->rows() < max_rows && ahead_->memory_bytes() < max_bytes) {
        PgResultPtr result = session_->next_stream_result();
        if (result == nullptr) {
            ended_ = true;
            finish_wire();
            return;
        }
        if (take_end(result)) {
            return;
        }
        ahead_->append(result.get(), 0);
    }
}

// Reads the statement's results to their end (the NULL result) so the connection is ready for
// the next command, and hands the wire back. Unread rows are discarded.
void StreamingResult::finish_wire() noexcept {
    if (session_ == nullptr) {
        return;
    }
    Session* session = session_;
    session_ = nullptr;
    session->end_stream(this);
}

}  // namespace rsodbc::wire
