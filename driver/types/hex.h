#pragma once

// Hexadecimal digits, shared by the binary and GUID conversions in both directions.

namespace rsodbc::types {

// The value of a hex digit (either case), or -1 for any other character.
constexpr int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

}  // namespace rsodbc::types
