#include "types/utf.h"

#include <cstdint>
#include <cstring>

namespace rsodbc::types {

namespace {

// Eight bytes (or four UTF-16 units) are tested for non-ASCII with one mask, because result text
// from the server is mostly ASCII and this loop runs for every fetched character.
constexpr std::uint64_t ascii_mask8 = 0x8080808080808080ULL;
constexpr std::uint64_t ascii_mask16 = 0xFF80FF80FF80FF80ULL;

bool is_continuation(unsigned char byte) {
    return (byte & 0xC0U) == 0x80U;
}

bool is_high_surrogate(char16_t unit) {
    return unit >= 0xD800 && unit <= 0xDBFF;
}

bool is_low_surrogate(char16_t unit) {
    return unit >= 0xDC00 && unit <= 0xDFFF;
}

[[noreturn]] void fail(const char* what, std::size_t offset) {
    throw EncodingError(std::string(what) + " at offset " + std::to_string(offset), offset);
}

unsigned char byte_at(std::string_view text, std::size_t i) {
    return static_cast<unsigned char>(text[i]);
}

struct Decoded {
    char32_t code_point;
    std::size_t length;
};

// Decodes the non-ASCII sequence starting at `at`. The allowed range of the second byte encodes
// the well-formedness rules of Unicode Table 3-7: it is what rejects overlong forms (E0, F0),
// surrogates (ED) and code points above U+10FFFF (F4) without computing the code point first.
Decoded decode_sequence(std::string_view utf8, std::size_t at) {
    const unsigned char lead = byte_at(utf8, at);
    std::size_t length = 0;
    char32_t code_point = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    const char* out_of_range = "invalid UTF-8: overlong encoding";
    if (lead < 0xC0) {
        fail("invalid UTF-8: unexpected continuation byte", at);
    } else if (lead < 0xC2) {
        fail("invalid UTF-8: overlong encoding", at);
    } else if (lead < 0xE0) {
        length = 2;
        code_point = lead & 0x1FU;
    } else if (lead < 0xF0) {
        length = 3;
        code_point = lead & 0x0FU;
        if (lead == 0xE0) {
            low = 0xA0;
        } else if (lead == 0xED) {
            high = 0x9F;
            out_of_range = "invalid UTF-8: encoded surrogate";
        }
    } else if (lead < 0xF5) {
        length = 4;
        code_point = lead & 0x07U;
        if (lead == 0xF0) {
            low = 0x90;
        } else if (lead == 0xF4) {
            high = 0x8F;
            out_of_range = "invalid UTF-8: code point above U+10FFFF";
        }
    } else if (lead < 0xF8) {
        fail("invalid UTF-8: code point above U+10FFFF", at);
    } else {
        fail("invalid UTF-8: byte that never occurs in UTF-8", at);
    }
    for (std::size_t k = 1; k < length; ++k) {
        if (at + k >= utf8.size() || !is_continuation(byte_at(utf8, at + k))) {
            fail("invalid UTF-8: truncated sequence", at);
        }
        const unsigned char byte = byte_at(utf8, at + k);
        if (k == 1 && (byte < low || byte > high)) {
            fail(out_of_range, at);
        }
        code_point = (code_point << 6U) | (byte & 0x3FU);
    }
    return Decoded{code_point, length};
}

}  // namespace

void append_utf16(std::string_view utf8, std::u16string& out) {
    const std::size_t base = out.size();
    // A byte never yields more than one UTF-16 unit, so one resize covers the worst case.
    out.resize(base + utf8.size());
    std::size_t written = base;
    std::size_t i = 0;
    try {
        while (i < utf8.size()) {
            while (i + 8 <= utf8.size()) {
                std::uint64_t word = 0;
                std::memcpy(&word, utf8.data() + i, sizeof word);
                if ((word & ascii_mask8) != 0) {
                    break;
                }
                for (std::size_t k = 0; k < 8; ++k) {
                    out[written++] = byte_at(utf8, i + k);
                }
                i += 8;
            }
            if (i >= utf8.size()) {
                break;
            }
            if (byte_at(utf8, i) < 0x80) {
                out[written++] = byte_at(utf8, i++);
                continue;
            }
            const Decoded decoded = decode_sequence(utf8, i);
            i += decoded.length;
            if (decoded.code_point >= 0x10000) {
                const char32_t offset = decoded.code_point - 0x10000;
                out[written++] = static_cast<char16_t>(0xD800 + (offset >> 10U));
                out[written++] = static_cast<char16_t>(0xDC00 + (offset & 0x3FFU));
            } else {
                out[written++] = static_cast<char16_t>(decoded.code_point);
            }
        }
    } catch (...) {
        out.resize(base);
        throw;
    }
    out.resize(written);
}

std::u16string to_utf16(std::string_view utf8) {
    std::u16string out;
    append_utf16(utf8, out);
    return out;
}

void append_utf8(std::u16string_view utf16, std::string& out) {
    const std::size_t base = out.size();
    // At most three bytes per unit: BMP characters take up to 3, a pair takes 4 for 2 units.
    out.resize(base + 3 * utf16.size());
    std::size_t written = base;
    std::size_t i = 0;
    const auto put = [&](unsigned value) {
        out[written++] = static_cast<char>(value);
    };
    while (i < utf16.size()) {
        while (i + 4 <= utf16.size()) {
            std::uint64_t word = 0;
            std::memcpy(&word, utf16.data() + i, sizeof word);
            if ((word & ascii_mask16) != 0) {
                break;
            }
            for (std::size_t k = 0; k < 4; ++k) {
                put(utf16[i + k]);
            }
            i += 4;
        }
        if (i >= utf16.size()) {
            break;
        }
        const char16_t unit = utf16[i];
        if (unit < 0x80) {
            put(unit);
            ++i;
        } else if (unit < 0x800) {
            put(0xC0U | (unit >> 6U));
            put(0x80U | (unit & 0x3FU));
            ++i;
        } else if (!is_high_surrogate(unit) && !is_low_surrogate(unit)) {
            put(0xE0U | (unit >> 12U));
            put(0x80U | ((unit >> 6U) & 0x3FU));
            put(0x80U | (unit & 0x3FU));
            ++i;
        } else if (is_high_surrogate(unit) && i + 1 < utf16.size()
                   && is_low_surrogate(utf16[i + 1])) {
            const char32_t code_point =
                0x10000 + ((char32_t{unit} - 0xD800) << 10U) + (char32_t{utf16[i + 1]} - 0xDC00);
            put(0xF0U | (code_point >> 18U));
            put(0x80U | ((code_point >> 12U) & 0x3FU));
            put(0x80U | ((code_point >> 6U) & 0x3FU));
            put(0x80U | (code_point & 0x3FU));
            i += 2;
        } else {
            out.resize(base);
            fail(is_high_surrogate(unit) ? "invalid UTF-16: high surrogate without a low surrogate"
                                         : "invalid UTF-16: low surrogate without a high surrogate",
                 i);
        }
    }
    out.resize(written);
}

std::string to_utf8(std::u16string_view utf16) {
    std::string out;
    append_utf8(utf16, out);
    return out;
}

std::size_t utf8_prefix_within(std::string_view utf8, std::size_t max_bytes) {
    if (max_bytes >= utf8.size()) {
        return utf8.size();
    }
    // A continuation byte just past the limit means the limit falls inside a character: back up
    // to that character's lead byte and drop the character whole.
    std::size_t end = max_bytes;
    for (int k = 0; k < 3 && end > 0 && is_continuation(byte_at(utf8, end)); ++k) {
        --end;
    }
    return is_continuation(byte_at(utf8, end)) ? max_bytes : end;
}

std::size_t utf16_prefix_within(std::u16string_view utf16, std::size_t max_units) {
    if (max_units >= utf16.size()) {
        return utf16.size();
    }
    if (max_units > 0 && is_high_surrogate(utf16[max_units - 1])
        && is_low_surrogate(utf16[max_units])) {
        return max_units - 1;
    }
    return max_units;
}

}  // namespace rsodbc::types
