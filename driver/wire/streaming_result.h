#pragma once
// A ResultStream over libpq single-row mode: rows are read from the server as the application
// fetches them, so a result of any size takes the memory of one row (DESIGN.md, "Results").
// The wire is the session's: when another statement needs it while rows are still coming, the
// rest is read into a RowSpool first (release_wire) and this stream serves it from there.
#include "wire/pg_ptr.h"
#include "wire/row_spool.h"
#include "wire/wire_result.h"

#include <memory>

namespace rsodbc::wire {

class StreamingResult final : public WireResult {
public:
    // Called right after the query was sent and single-row mode set; reads the first row (or the
    // end) to learn the columns. Throws ServerError when the statement failed.
    explicit StreamingResult(Session& session);
    ~StreamingResult() override;
    StreamingResult(const StreamingResult&) = delete;
    StreamingResult& operator=(const StreamingResult&) = delete;
    StreamingResult(StreamingResult&&) = delete;
    StreamingResult& operator=(StreamingResult&&) = delete;

    bool next_row() override;
    [[nodiscard]] Cell cell(std::size_t column) const override;

    // Reads every remaining row into the spool and gives the wire back to the session.
    void release_wire() override;

    void read_ahead(std::size_t max_rows, std::size_t max_bytes) override;

private:
    // The next result for this statement: from memory after a drain, else from the wire.
    PgResultPtr next_result();
    // Takes a result that ends the rows (TUPLES_OK) or fails them; false when it is a row.
    bool take_end(PgResultPtr& result);
    void finish_wire() noexcept;

    std::unique_ptr<RowSpool> ahead_;  // the rows read ahead at execution (read_ahead)
    bool from_ahead_ = false;          // the current row is ahead_'s
    std::unique_ptr<RowSpool> spool_;  // the rows read ahead when the wire was released
    std::int64_t rows_received_ = 0;   // the row count when the command tag has none
    PgResultPtr drained_end_;          // the result that ended them (or the error)
    bool from_spool_ = false;          // the current row is the spool's
    std::string lost_rows_;            // why rows read ahead could not be kept
    PgResultPtr pending_;              // read ahead to learn the columns
    PgResultPtr current_;
    bool ended_ = false;
};

}  // namespace rsodbc::wire
