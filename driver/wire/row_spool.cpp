#include "wire/row_spool.h"

#include "odbc/sqlstate.h"
#include "wire/server_error.h"

#include <libpq-fe.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace rsodbc::wire {

namespace {

void put_length(std::string& out, std::int32_t length) {
    char bytes[sizeof length];
    std::memcpy(bytes, &length, sizeof length);
    out.append(bytes, sizeof length);
}

[[noreturn]] void file_error(const char* what) {
    const int error = errno;
    // strerror_r, not strerror: several connections may spool at once. g++ and clang define
    // _GNU_SOURCE for C++, so this is the GNU form that returns the message.
    char buffer[256];
    const char* message = strerror_r(error, buffer, sizeof buffer);
    // 58030: PostgreSQL's own code for an I/O error.
    throw ServerError(
        sqlstate::server::io_error,
        std::string("cannot ") + what + " the temporary file holding rows read ahead: " + message);
}

}  // namespace

RowSpool::RowSpool(std::size_t columns, std::size_t memory_limit)
    : columns_(columns), memory_limit_(memory_limit), current_(columns) {}

void RowSpool::encode(const pg_result* result, int row, std::string& out) const {
    for (std::size_t column = 0; column < columns_; ++column) {
        const int col = static_cast<int>(column);
        if (PQgetisnull(result, row, col) != 0) {
            put_length(out, -1);
            continue;
        }
        const int length = PQgetlength(result, row, col);
        put_length(out, length);
        out.append(PQgetvalue(result, row, col), static_cast<std::size_t>(length));
    }
}

void RowSpool::append(const pg_result* result, int row) {
    if (file_ == nullptr && (memory_limit_ == 0 || memory_.size() < memory_limit_)) {
        encode(result, row, memory_);
        ++memory_rows_;
        return;
    }
    if (file_ == nullptr) {
        // tmpfile(): created unlinked, so nothing is left behind even if the process dies.
        file_.reset(std::tmpfile());
        if (file_ == nullptr) {
            file_error("create");
        }
    }
    encoded_.clear();
    encode(result, row, encoded_);
    if (std::fwrite(encoded_.data(), 1, encoded_.size(), file_.get()) != encoded_.size()) {
        file_error("write");
    }
    ++file_rows_;
}

bool RowSpool::next() {
    if (rows_read_ >= memory_rows_) {
        return next_from_file();
    }
    // Cells point into memory_, which no longer grows once reading has begun.
    for (std::size_t column = 0; column < columns_; ++column) {
        std::int32_t length = 0;
        std::memcpy(&length, memory_.data() + read_offset_, sizeof length);
        read_offset_ += sizeof length;
        if (length < 0) {
            current_[column] = Cell{};
            continue;
        }
        const auto size = static_cast<std::size_t>(length);
        current_[column] = Cell{std::string_view(memory_.data() + read_offset_, size), false};
        read_offset_ += size;
    }
    ++rows_read_;
    return true;
}

bool RowSpool::next_from_file() {
    if (rows_read_ >= memory_rows_ + file_rows_) {
        return false;
    }
    if (!file_rewound_) {
        if (std::fflush(file_.get()) != 0 || std::fseek(file_.get(), 0, SEEK_SET) != 0) {
            file_error("read back");
        }
        file_rewound_ = true;
    }
    row_buffer_.clear();
    std::vector<std::int32_t> lengths(columns_);
    for (std::size_t column = 0; column < columns_; ++column) {
        std::int32_t& length = lengths[column];
        if (std::fread(&length, sizeof length, 1, file_.get()) != 1) {
            file_error("read");
        }
        if (length > 0) {
            const std::size_t at = row_buffer_.size();
            row_buffer_.resize(at + static_cast<std::size_t>(length));
            if (std::fread(row_buffer_.data() + at, 1, static_cast<std::size_t>(length),
                           file_.get())
                != static_cast<std::size_t>(length)) {
                file_error("read");
            }
        }
    }
    // Views are made once the row is whole: row_buffer_ may move while it grows.
    std::size_t at = 0;
    for (std::size_t column = 0; column < columns_; ++column) {
        if (lengths[column] < 0) {
            current_[column] = Cell{};
            continue;
        }
        const auto size = static_cast<std::size_t>(lengths[column]);
        current_[column] = Cell{std::string_view(row_buffer_.data() + at, size), false};
        at += size;
    }
    ++rows_read_;
    return true;
}

}  // namespace rsodbc::wire
