#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace rsodbc::types {

// Invalid input. `offset` is where the offending sequence starts: a byte index into UTF-8 input,
// a code unit index into UTF-16 input.
struct EncodingError : std::runtime_error {
    EncodingError(const std::string& message, std::size_t at)
        : std::runtime_error(message), offset(at) {}

    std::size_t offset;
};

// Conversions are strict (Unicode 15, §3.9): overlong forms, encoded surrogates, code points
// above U+10FFFF, truncated sequences and unpaired surrogates throw EncodingError instead of
// being replaced, because silently altered text in SQL or in a password is worse than an error.
// On error `out` is left as it was.
void append_utf16(std::string_view utf8, std::u16string& out);
std::u16string to_utf16(std::string_view utf8);
void append_utf8(std::u16string_view utf16, std::string& out);
std::string to_utf8(std::u16string_view utf16);

// Longest prefix of at most max_bytes that ends on a character boundary, for truncating output
// into a caller's buffer. Expects valid UTF-8; on invalid input it never backs up more than the
// three continuation bytes a valid sequence can have.
std::size_t utf8_prefix_within(std::string_view utf8, std::size_t max_bytes);

// Same for UTF-16 code units: a surrogate pair is never split.
std::size_t utf16_prefix_within(std::u16string_view utf16, std::size_t max_units);

}  // namespace rsodbc::types
