#pragma once
// A ResultStream over one complete PGresult: small results, commands, catalog results.
#include "wire/pg_ptr.h"
#include "wire/result_stream.h"

namespace rsodbc::wire {

class BufferedResult final : public ResultStream {
public:
    explicit BufferedResult(PgResultPtr result);

    // Column descriptions of any PGresult (also a statement description).
    static std::vector<ColumnDesc> describe_columns(const pg_result* result);

    [[nodiscard]] bool returns_rows() const override { return returns_rows_; }

    [[nodiscard]] const std::vector<ColumnDesc>& columns() const override { return columns_; }

    bool next_row() override;

    [[nodiscard]] std::int64_t row_count() const override {
        return returns_rows_ ? row_count_ : -1;
    }

    void seek(std::int64_t row) override { current_row_ = static_cast<int>(row); }

    [[nodiscard]] Cell cell(std::size_t column) const override;

    [[nodiscard]] std::int64_t affected_rows() const override { return affected_rows_; }

    [[nodiscard]] std::string_view command_tag() const override { return command_tag_; }

private:
    PgResultPtr result_;
    std::vector<ColumnDesc> columns_;
    int row_count_ = 0;
    int current_row_ = -1;
    bool returns_rows_ = false;
    std::int64_t affected_rows_ = -1;
    std::string command_tag_;
};

}  // namespace rsodbc::wire
