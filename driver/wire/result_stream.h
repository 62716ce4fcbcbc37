#pragma once
// Everything that yields rows is a ResultStream: results read whole, driver-built results,
// single-row-mode streams and server-side cursors. Cells are text-format data, valid until the
// next next_row().
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rsodbc::wire {

struct ColumnDesc {
    std::string name;
    unsigned type_oid = 0;
    int type_modifier = -1;
    int type_size = 0;
    unsigned table_oid = 0;
    int table_column = 0;
};

struct Cell {
    std::string_view text;
    bool is_null = true;
};

class ResultStream {
public:
    ResultStream() = default;
    ResultStream(const ResultStream&) = delete;
    ResultStream& operator=(const ResultStream&) = delete;
    ResultStream(ResultStream&&) = delete;
    ResultStream& operator=(ResultStream&&) = delete;
    virtual ~ResultStream() = default;

    // True for a row-returning result (possibly with zero rows), false for a command.
    [[nodiscard]] virtual bool returns_rows() const = 0;
    [[nodiscard]] virtual const std::vector<ColumnDesc>& columns() const = 0;
    // Moves to the next row; false when there is none.
    virtual bool next_row() = 0;
    [[nodiscard]] virtual Cell cell(std::size_t column) const = 0;
    // Rows affected by a command, or the row count of a query where known; -1 when unknown.
    [[nodiscard]] virtual std::int64_t affected_rows() const = 0;
    // The command's tag ("UPDATE 3", "SELECT 2"...); empty for driver-built results.
    [[nodiscard]] virtual std::string_view command_tag() const = 0;

    // True while rows are still arriving on the connection (a streaming result).
    [[nodiscard]] virtual bool holds_wire() const { return false; }

    // Another statement needs the connection: read the rest of the rows off the wire (into a
    // RowSpool) and hand it back to the session; fetching then continues from the spool.
    virtual void release_wire() {}

    // A result held whole can be positioned on any row (static, scrollable cursors): its row
    // count, or -1 for a result read as it arrives, which only moves forward.
    [[nodiscard]] virtual std::int64_t row_count() const { return -1; }

    // Makes row `row` (0-based) current; only for a result whose row_count() is known.
    virtual void seek(std::int64_t /*row*/) {}

    // A result still arriving reads up to `max_rows` rows or `max_bytes` bytes ahead into memory,
    // so a small result is complete (its row count known, the wire free) when execution returns.
    // Throws ServerError when the statement fails within them.
    virtual void read_ahead(std::size_t /*max_rows*/, std::size_t /*max_bytes*/) {}
};

// Every result of one execution, in order (several statements in one text give several).
using Results = std::vector<std::unique_ptr<ResultStream>>;

}  // namespace rsodbc::wire
