#include "wire/buffered_result.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>

namespace rsodbc::wire {

namespace {

std::int64_t parse_affected_rows(const char* text) {
    std::int64_t value = -1;
    if (text != nullptr && *text != '\0') {
        std::from_chars(text, text + std::strlen(text), value);
    }
    return value;
}

}  // namespace

BufferedResult::BufferedResult(PgResultPtr result) : result_(std::move(result)) {
    pg_result* res = result_.get();
    returns_rows_ = PQresultStatus(res) == PGRES_TUPLES_OK;
    row_count_ = PQntuples(res);
    affected_rows_ = parse_affected_rows(PQcmdTuples(res));
    command_tag_ = PQcmdStatus(res);
    columns_ = describe_columns(res);
}

std::vector<ColumnDesc> BufferedResult::describe_columns(const pg_result* result) {
    std::vector<ColumnDesc> columns;
    const int count = PQnfields(result);
    columns.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        columns.push_back(ColumnDesc{PQfname(result, i), PQftype(result, i), PQfmod(result, i),
                                     PQfsize(result, i), PQftable(result, i),
                                     PQftablecol(result, i)});
    }
    return columns;
}

bool BufferedResult::next_row() {
    if (current_row_ < row_count_) {
        ++current_row_;
    }
    return current_row_ < row_count_;
}

Cell BufferedResult::cell(std::size_t column) const {
    const int col = static_cast<int>(column);
    if (PQgetisnull(result_.get(), current_row_, col) != 0) {
        return Cell{};
    }
    const char* text = PQgetvalue(result_.get(), current_row_, col);
    const auto length = static_cast<std::size_t>(PQgetlength(result_.get(), current_row_, col));
    return Cell{std::string_view(text, length), false};
}

}  // namespace rsodbc::wire
