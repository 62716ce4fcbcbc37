// Binary server values -> SQL_C_BINARY (ODBC appendix D, "SQL to C: Binary" and the binary row of
// "SQL to C: Character"). bytea arrives as "\x0a1b..." (bytea_output=hex, the default) or in the
// legacy escape form ("ab\\\001"); Redshift VARBYTE and GEOMETRY arrive as bare hex digits. Values
// are decoded piece by piece straight into the application's buffer: nothing is allocated, and
// `offset` is a position in the server text (source units, as convert.h says).
#include "types/hex.h"
#include "types/to_c/convert.h"

#include <algorithm>
#include <cstring>

namespace rsodbc::types {

namespace {

bool is_octal(char c) {
    return c >= '0' && c <= '7';
}

bool has_hex_prefix(std::string_view text) {
    return text.size() >= 2 && text[0] == '\\' && text[1] == 'x';
}

// Hex digits, two per byte; `offset` counts characters after the "\x" prefix (if any).
Written write_hex(std::string_view digits, void* data, SQLLEN capacity, std::size_t& offset) {
    if (digits.size() % 2 != 0) {
        return {Outcome::invalid_character, 0};
    }
    if (offset == 0) {
        // Checked once, on the first call, so that a bad digit is reported before any byte is
        // handed out; later pieces only decode.
        const bool all_hex = std::ranges::all_of(digits, [](char c) { return hex_value(c) >= 0; });
        if (!all_hex) {
            return {Outcome::invalid_character, 0};
        }
    }
    const std::size_t start = std::min(offset, digits.size()) & ~static_cast<std::size_t>(1);
    const std::size_t available = (digits.size() - start) / 2;
    if (data == nullptr || capacity <= 0) {
        return {available == 0 ? Outcome::ok : Outcome::truncated, static_cast<SQLLEN>(available)};
    }
    const std::size_t count = std::min(available, static_cast<std::size_t>(capacity));
    auto* out = static_cast<unsigned char*>(data);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t at = start + 2 * i;
        out[i] = static_cast<unsigned char>(hex_value(digits[at]) * 16 + hex_value(digits[at + 1]));
    }
    offset = start + 2 * count;
    return {count < available ? Outcome::truncated : Outcome::ok, static_cast<SQLLEN>(available)};
}

// One byte of escape-format bytea at `at`: "\\" is a backslash, "\ooo" an octal byte, anything
// else the byte itself. Returns the characters consumed, 0 when malformed.
std::size_t escape_unit(std::string_view text, std::size_t at, unsigned char& byte) {
    if (text[at] != '\\') {
        byte = static_cast<unsigned char>(text[at]);
        return 1;
    }
    if (at + 1 < text.size() && text[at + 1] == '\\') {
        byte = '\\';
        return 2;
    }
    if (at + 3 < text.size() && is_octal(text[at + 1]) && is_octal(text[at + 2])
        && is_octal(text[at + 3])) {
        const int value =
            (text[at + 1] - '0') * 64 + (text[at + 2] - '0') * 8 + (text[at + 3] - '0');
        if (value > 255) {
            return 0;
        }
        byte = static_cast<unsigned char>(value);
        return 4;
    }
    return 0;
}

Written write_escaped(std::string_view text, void* data, SQLLEN capacity, std::size_t& offset) {
    const std::size_t start = std::min(offset, text.size());
    // The decoded length of the rest needs one pass over it (escape format is the legacy
    // output; hex needs none).
    std::size_t available = 0;
    for (std::size_t at = start; at < text.size(); ++available) {
        unsigned char byte = 0;
        const std::size_t used = escape_unit(text, at, byte);
        if (used == 0) {
            return {Outcome::invalid_character, 0};
        }
        at += used;
    }
    if (data == nullptr || capacity <= 0) {
        return {available == 0 ? Outcome::ok : Outcome::truncated, static_cast<SQLLEN>(available)};
    }
    const std::size_t count = std::min(available, static_cast<std::size_t>(capacity));
    auto* out = static_cast<unsigned char*>(data);
    std::size_t at = start;
    for (std::size_t i = 0; i < count; ++i) {
        at += escape_unit(text, at, out[i]);
    }
    offset = at;
    return {count < available ? Outcome::truncated : Outcome::ok, static_cast<SQLLEN>(available)};
}

}  // namespace

Written write_binary(std::string_view server_text, bool hex_encoded, void* data, SQLLEN capacity,
                     std::size_t& offset) {
    if (has_hex_prefix(server_text)) {
        return write_hex(server_text.substr(2), data, capacity, offset);
    }
    if (hex_encoded) {
        return write_hex(server_text, data, capacity, offset);
    }
    return write_escaped(server_text, data, capacity, offset);
}

Written write_binary_from_text(std::string_view text, void* data, SQLLEN capacity,
                               std::size_t& offset) {
    const std::string_view rest = text.substr(std::min(offset, text.size()));
    const auto available = static_cast<SQLLEN>(rest.size());
    if (data == nullptr || capacity <= 0) {
        return {rest.empty() ? Outcome::ok : Outcome::truncated, available};
    }
    const std::size_t count = std::min(rest.size(), static_cast<std::size_t>(capacity));
    std::memcpy(data, rest.data(), count);
    offset += count;
    return {count < rest.size() ? Outcome::truncated : Outcome::ok, available};
}

}  // namespace rsodbc::types
