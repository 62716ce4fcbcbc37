// uuid text -> SQL_C_GUID (SQLGUID) and SQL_C_BINARY (its 16 bytes); ODBC appendix D, "SQL to C:
// GUID". The server prints "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"; character columns may also hold
// the braced form, upper case, or 32 bare hex digits. Leading and trailing spaces are ignored
// (appendix D, character to non-character conversions).
#include "types/hex.h"
#include "types/to_c/convert.h"

#include <cstdint>
#include <cstring>
#include <optional>

namespace rsodbc::types {

namespace {

static_assert(sizeof(SQLGUID) == 16, "SQLGUID is 4 + 2 + 2 + 8 bytes");

std::string_view trim_spaces(std::string_view text) {
    const std::size_t first = text.find_first_not_of(' ');
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

// The 16 bytes of the uuid in text order, or nullopt when the text is not a uuid.
std::optional<SQLGUID> parse_guid(std::string_view text) {
    text = trim_spaces(text);
    if (text.size() >= 2 && text.front() == '{' && text.back() == '}') {
        text = text.substr(1, text.size() - 2);
    }
    const bool hyphenated = text.size() == 36;
    if (!hyphenated && text.size() != 32) {
        return std::nullopt;
    }
    unsigned char bytes[16] = {};
    std::size_t at = 0;
    for (std::size_t i = 0; i < 16; ++i) {
        if (hyphenated && (i == 4 || i == 6 || i == 8 || i == 10)) {
            if (text[at] != '-') {
                return std::nullopt;
            }
            ++at;
        }
        const int high = hex_value(text[at]);
        const int low = hex_value(text[at + 1]);
        if (high < 0 || low < 0) {
            return std::nullopt;
        }
        bytes[i] = static_cast<unsigned char>(high * 16 + low);
        at += 2;
    }
    // Data1..Data3 are integers in the host's byte order; Data4 is the last 8 bytes as written.
    SQLGUID guid{};
    guid.Data1 = static_cast<decltype(guid.Data1)>(
        (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16)
        | (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]});
    guid.Data2 = static_cast<decltype(guid.Data2)>((bytes[4] << 8) | bytes[5]);
    guid.Data3 = static_cast<decltype(guid.Data3)>((bytes[6] << 8) | bytes[7]);
    std::memcpy(guid.Data4, bytes + 8, 8);
    return guid;
}

}  // namespace

Written write_guid(std::string_view text, void* data) {
    const auto guid = parse_guid(text);
    if (!guid) {
        return {Outcome::invalid_character, 0};
    }
    if (data != nullptr) {
        std::memcpy(data, &*guid, sizeof(SQLGUID));
    }
    return {Outcome::ok, static_cast<SQLLEN>(sizeof(SQLGUID))};
}

Written write_guid_binary(std::string_view text, void* data, SQLLEN capacity) {
    const auto guid = parse_guid(text);
    if (!guid) {
        return {Outcome::invalid_character, 0};
    }
    if (data != nullptr && capacity < static_cast<SQLLEN>(sizeof(SQLGUID))) {
        return {Outcome::out_of_range, 0};  // appendix D: GUID to binary that does not fit
    }
    if (data != nullptr) {
        std::memcpy(data, &*guid, sizeof(SQLGUID));
    }
    return {Outcome::ok, static_cast<SQLLEN>(sizeof(SQLGUID))};
}

}  // namespace rsodbc::types
