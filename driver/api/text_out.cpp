#include "api/text_out.h"

#include "odbc/odbc_error.h"
#include "types/utf.h"

#include <cstring>
#include <string>

namespace rsodbc::api {

namespace {

void check_capacity(SQLLEN capacity) {
    if (capacity < 0) {
        throw odbc::OdbcError(sqlstate::invalid_string_or_buffer_length,
                              "invalid string or buffer length: BufferLength is negative");
    }
}

void post_truncation(odbc::Diagnostics& diagnostics) {
    diagnostics.add_warning(sqlstate::string_data_right_truncated,
                            "string data, right truncated: the buffer was too small");
}

}  // namespace

SQLLEN write_text(std::string_view text, SQLCHAR* buffer, SQLLEN capacity, Units /*units*/,
                  odbc::Diagnostics& diagnostics) {
    check_capacity(capacity);
    const auto length = static_cast<SQLLEN>(text.size());
    if (buffer == nullptr) {
        return length;  // the caller only asked for the length
    }
    if (capacity == 0) {
        if (length > 0) {
            post_truncation(diagnostics);
        }
        return length;
    }
    const auto room = static_cast<std::size_t>(capacity - 1);
    const std::size_t count =
        text.size() <= room ? text.size() : types::utf8_prefix_within(text, room);
    std::memcpy(buffer, text.data(), count);
    buffer[count] = '\0';
    if (count < text.size()) {
        post_truncation(diagnostics);
    }
    return length;
}

SQLLEN write_text(std::string_view text, SQLWCHAR* buffer, SQLLEN capacity, Units units,
                  odbc::Diagnostics& diagnostics) {
    check_capacity(capacity);
    const std::u16string wide = types::to_utf16(text);
    const SQLLEN unit_size = units == Units::bytes ? static_cast<SQLLEN>(sizeof(SQLWCHAR)) : 1;
    const auto length = static_cast<SQLLEN>(wide.size()) * unit_size;
    if (buffer == nullptr) {
        return length;
    }
    const SQLLEN capacity_units = capacity / unit_size;
    if (capacity_units == 0) {
        if (!wide.empty()) {
            post_truncation(diagnostics);
        }
        return length;
    }
    const auto room = static_cast<std::size_t>(capacity_units - 1);
    const std::size_t count =
        wide.size() <= room ? wide.size() : types::utf16_prefix_within(wide, room);
    // Copy bytes: a buffer passed through SQLPOINTER may not be 2-byte aligned.
    const char16_t terminator = 0;
    std::memcpy(buffer, wide.data(), count * sizeof(SQLWCHAR));
    std::memcpy(reinterpret_cast<char*>(buffer) + count * sizeof(SQLWCHAR), &terminator,  // NOLINT
                sizeof terminator);
    if (count < wide.size()) {
        post_truncation(diagnostics);
    }
    return length;
}

}  // namespace rsodbc::api
