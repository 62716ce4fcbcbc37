#pragma once
// Rows read off the wire ahead of the application, kept until it fetches them: when another
// statement needs the connection while a result is still arriving, the rest of that result is
// read into a spool (DESIGN.md, "Results"). Rows go to memory up to a byte limit, then to an
// unnamed temporary file that disappears when the spool (or the process) ends, so draining a
// huge result does not exhaust memory. Rows are read back once, in order.
#include "wire/result_stream.h"

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

struct pg_result;

namespace rsodbc::wire {

class RowSpool {
public:
    // memory_limit: bytes of row data kept in memory before spilling; 0 never spills.
    RowSpool(std::size_t columns, std::size_t memory_limit);

    // Appends row `row` of a text-format PGresult. Throws ServerError when the temporary file
    // cannot be created or written (disk full).
    void append(const pg_result* result, int row);
    // Moves to the next stored row; false when every row has been read.
    bool next();

    // A cell of the current row, valid until the next next().
    [[nodiscard]] Cell cell(std::size_t column) const { return current_[column]; }

    [[nodiscard]] std::size_t rows() const { return memory_rows_ + file_rows_; }

    [[nodiscard]] std::size_t spilled_rows() const { return file_rows_; }

    // Bytes of row data held in memory.
    [[nodiscard]] std::size_t memory_bytes() const { return memory_.size(); }

private:
    struct FileCloser {
        void operator()(std::FILE* file) const noexcept { std::fclose(file); }
    };

    void encode(const pg_result* result, int row, std::string& out) const;
    bool next_from_file();

    std::size_t columns_;
    std::size_t memory_limit_;
    std::string memory_;  // rows as (int32 length or -1 for NULL, bytes) per cell
    std::size_t memory_rows_ = 0;
    std::size_t read_offset_ = 0;
    std::size_t rows_read_ = 0;
    std::unique_ptr<std::FILE, FileCloser> file_;
    std::size_t file_rows_ = 0;
    bool file_rewound_ = false;
    std::string row_buffer_;  // the current row when it came from the file
    std::string encoded_;     // scratch for one row on its way to the file
    std::vector<Cell> current_;
};

}  // namespace rsodbc::wire
