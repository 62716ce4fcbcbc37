#include "types/to_c/convert.h"
#include "types/utf.h"

#include <algorithm>
#include <cstring>

namespace rsodbc::types {

bool is_piecewise_c_type(SQLSMALLINT c_type) {
    return c_type == SQL_C_CHAR || c_type == SQL_C_WCHAR || c_type == SQL_C_BINARY;
}

Written write_char(std::string_view utf8, void* data, SQLLEN capacity, std::size_t& offset) {
    const std::string_view rest = utf8.substr(std::min(offset, utf8.size()));
    const auto available = static_cast<SQLLEN>(rest.size());
    if (data == nullptr || capacity <= 0) {
        return {rest.empty() ? Outcome::ok : Outcome::truncated, available};
    }
    const auto room = static_cast<std::size_t>(capacity - 1);
    std::size_t count = rest.size() <= room ? rest.size() : utf8_prefix_within(rest, room);
    if (count == 0 && room > 0) {
        count = std::min(room, rest.size());  // a character wider than the buffer: cut bytes
    }
    auto* out = static_cast<char*>(data);
    std::memcpy(out, rest.data(), count);
    out[count] = '\0';
    offset += count;
    return {count < rest.size() ? Outcome::truncated : Outcome::ok, available};
}

}  // namespace rsodbc::types
