#include "types/to_c/convert.h"
#include "types/utf.h"

#include <algorithm>
#include <cstring>

namespace rsodbc::types {

Written write_wchar(std::u16string_view utf16, void* data, SQLLEN capacity, std::size_t& offset) {
    const std::u16string_view rest = utf16.substr(std::min(offset, utf16.size()));
    const auto available = static_cast<SQLLEN>(rest.size() * sizeof(char16_t));
    const SQLLEN room_units = capacity / static_cast<SQLLEN>(sizeof(char16_t)) - 1;
    if (data == nullptr || room_units < 0) {
        return {rest.empty() ? Outcome::ok : Outcome::truncated, available};
    }
    const auto room = static_cast<std::size_t>(room_units);
    std::size_t count = rest.size() <= room ? rest.size() : utf16_prefix_within(rest, room);
    if (count == 0 && room > 0) {
        count = std::min(room, rest.size());  // a surrogate pair wider than the buffer
    }
    // The application's buffer need not be 2-byte aligned: copy bytes, never store through
    // char16_t*.
    auto* out = static_cast<unsigned char*>(data);
    std::memcpy(out, rest.data(), count * sizeof(char16_t));
    const char16_t terminator = u'\0';
    std::memcpy(out + count * sizeof(char16_t), &terminator, sizeof terminator);
    offset += count;
    return {count < rest.size() ? Outcome::truncated : Outcome::ok, available};
}

}  // namespace rsodbc::types
