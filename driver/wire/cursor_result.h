#pragma once
// A ResultStream over a server-side cursor (UseDeclareFetch): the query was declared as a cursor
// and rows come FETCH FORWARD n at a time, so the driver holds at most n rows (DESIGN.md,
// "Results"). Redshift keeps one open cursor per session and declares cursors only inside a
// transaction: the cursor holds the wire like a streaming result, and when another statement
// needs the connection, the rest is fetched into a RowSpool and the cursor closed first. A
// transaction the driver opened for the cursor (autocommit mode) ends when the cursor closes.
#include "wire/pg_ptr.h"
#include "wire/row_spool.h"
#include "wire/server_error.h"
#include "wire/wire_result.h"

#include <memory>
#include <optional>
#include <string>

namespace rsodbc::wire {

class CursorResult final : public WireResult {
public:
    // Called right after DECLARE succeeded; fetches the first block (to learn the columns).
    // Throws ServerError when that fails, after closing the cursor.
    CursorResult(Session& session, std::string name, int fetch_rows, bool owns_transaction);
    ~CursorResult() override;
    CursorResult(const CursorResult&) = delete;
    CursorResult& operator=(const CursorResult&) = delete;
    CursorResult(CursorResult&&) = delete;
    CursorResult& operator=(CursorResult&&) = delete;

    bool next_row() override;
    [[nodiscard]] Cell cell(std::size_t column) const override;

    void release_wire() override;

private:
    // FETCH FORWARD `rows` into block_; false when the cursor had no more rows.
    bool fetch_block(int rows);
    // CLOSE, and COMMIT when the driver opened the transaction; gives the wire back.
    void close();
    void close_quietly() noexcept;

    std::string name_;
    int fetch_rows_;
    bool owns_transaction_;
    PgResultPtr block_;
    int block_rows_ = 0;
    int block_row_ = -1;
    std::unique_ptr<RowSpool> spool_;
    std::optional<ServerError> lost_rows_;  // why reading ahead stopped early
    bool from_spool_ = false;
    std::int64_t rows_seen_ = 0;
};

}  // namespace rsodbc::wire
