#pragma once
// What every result read from the server as the application fetches (single-row streaming, a
// server-side cursor) holds alike: its columns, how it ended (row count, command tag) and the
// session while it still holds the wire.
#include "wire/result_stream.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rsodbc::wire {

class Session;

class WireResult : public ResultStream {
public:
    [[nodiscard]] bool returns_rows() const final { return true; }

    [[nodiscard]] const std::vector<ColumnDesc>& columns() const final { return columns_; }

    [[nodiscard]] std::int64_t affected_rows() const final { return affected_rows_; }

    [[nodiscard]] std::string_view command_tag() const final { return command_tag_; }

    [[nodiscard]] bool holds_wire() const final { return session_ != nullptr; }

protected:
    explicit WireResult(Session& session) : session_(&session) {}

    Session* session_;  // null once the wire is given back
    std::vector<ColumnDesc> columns_;
    std::int64_t affected_rows_ = -1;
    std::string command_tag_;
};

}  // namespace rsodbc::wire
