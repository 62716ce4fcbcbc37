#include "wire/cursor_result.h"

#include "wire/buffered_result.h"
#include "wire/server_error.h"
#include "wire/session.h"

#include <libpq-fe.h>

#include <algorithm>
#include <utility>

namespace rsodbc::wire {

namespace {

// Single-node Redshift clusters refuse FETCH FORWARD above 1000 rows and FETCH ALL.
constexpr int drain_rows = 1000;

}  // namespace

CursorResult::CursorResult(Session& session, std::string name, int fetch_rows,
                           bool owns_transaction)
    : WireResult(session),
      name_(std::move(name)),
      fetch_rows_(fetch_rows),
      owns_transaction_(owns_transaction) {
    session.adopt_stream(this);
    try {
        fetch_block(fetch_rows_);
        columns_ = BufferedResult::describe_columns(block_.get());
    } catch (...) {
        close_quietly();  // no destructor runs for a constructor that throws
        throw;
    }
}

CursorResult::~CursorResult() {
    close_quietly();
}

bool CursorResult::fetch_block(int rows) {
    // The cursor name is the driver's own (rsodbc_cursor_<n>), never application text.
    block_ = session_->fetch_cursor("FETCH FORWARD " + std::to_string(rows) + " FROM " + name_);
    block_rows_ = PQntuples(block_.get());
    block_row_ = -1;
    rows_seen_ += block_rows_;
    if (block_rows_ < rows) {
        close();  // the last block: end the cursor (and its transaction) now, not at the end
    }
    return block_rows_ > 0;
}

bool CursorResult::next_row() {
    from_spool_ = false;
    if (block_row_ + 1 < block_rows_) {
        ++block_row_;
        return true;
    }
    if (spool_ != nullptr) {
        from_spool_ = spool_->next();
        if (!from_spool_ && lost_rows_) {
            ServerError error = *lost_rows_;
            lost_rows_.reset();
            throw ServerError(std::move(error));
        }
        return from_spool_;
    }
    if (session_ == nullptr || !fetch_block(fetch_rows_)) {
        return false;
    }
    block_row_ = 0;
    return true;
}

Cell CursorResult::cell(std::size_t column) const {
    if (from_spool_) {
        return spool_->cell(column);
    }
    const int col = static_cast<int>(column);
    if (block_row_ < 0 || PQgetisnull(block_.get(), block_row_, col) != 0) {
        return Cell{};
    }
    const char* text = PQgetvalue(block_.get(), block_row_, col);
    return Cell{std::string_view(
                    text, static_cast<std::size_t>(PQgetlength(block_.get(), block_row_, col))),
                false};
}

// The rows of the current block stay where they are; the rest of the cursor goes to the spool.
void CursorResult::release_wire() {
    if (session_ == nullptr) {
        return;
    }
    spool_ = std::make_unique<RowSpool>(columns_.size(), session_->spill_threshold());
    const int rows = std::min(fetch_rows_, drain_rows);
    try {
        for (;;) {
            PgResultPtr more =
                session_->fetch_cursor("FETCH FORWARD " + std::to_string(rows) + " FROM " + name_);
            const int count = PQntuples(more.get());
            for (int row = 0; row < count; ++row) {
                spool_->append(more.get(), row);
            }
            rows_seen_ += count;
            if (count < rows) {
                break;
            }
        }
        close();
    } catch (const ServerError& error) {
        // The failure belongs to this cursor's rows, not to the statement that needs the wire:
        // the cursor ends here and the application hears of it when it fetches that far.
        lost_rows_ = error;
        close_quietly();
    }
}

void CursorResult::close() {
    Session* session = session_;
    session_ = nullptr;
    session->end_stream(this);
    affected_rows_ = rows_seen_;
    command_tag_ = "SELECT " + std::to_string(rows_seen_);
    // COMMIT closes the cursor with the transaction the driver opened for it.
    session->run(owns_transaction_ ? std::string("COMMIT") : "CLOSE " + name_);
}

// Closing early (the application closed the cursor, or the cursor failed): a transaction the
// driver opened is rolled back, which also closes the cursor; errors are of no use to anyone.
void CursorResult::close_quietly() noexcept {
    if (session_ == nullptr) {
        return;
    }
    Session* session = session_;
    session_ = nullptr;
    if (!session->holds(this)) {
        return;  // disconnected: the server closed everything
    }
    session->end_stream(this);
    try {
        if (owns_transaction_) {
            session->run("ROLLBACK");
        } else if (session->transaction_status() != TransactionStatus::in_error) {
            session->run("CLOSE " + name_);
        }
    } catch (...) {  // NOLINT(bugprone-empty-catch): the connection reports its own state
    }
}

}  // namespace rsodbc::wire
