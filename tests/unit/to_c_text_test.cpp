#include "types/to_c/convert.h"

#include <doctest/doctest.h>

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

using rsodbc::types::Outcome;
using rsodbc::types::write_char;
using rsodbc::types::write_wchar;
using rsodbc::types::Written;

namespace {

constexpr char canary = '\x5A';

struct Piece {
    Outcome outcome;
    SQLLEN length;      // what the indicator reports
    std::string bytes;  // what the buffer holds up to (not including) the NUL
};

// Reads `value` with SQLGetData-style repeated calls into a buffer of `capacity` bytes until
// everything has been returned; checks the NUL and that nothing past `capacity` is touched.
std::vector<Piece> read_char_pieces(std::string_view value, SQLLEN capacity) {
    std::vector<Piece> pieces;
    std::size_t offset = 0;
    for (int guard = 0; guard < 100; ++guard) {
        std::vector<char> buffer(static_cast<std::size_t>(capacity) + 8, canary);
        const std::size_t before = offset;
        const Written written = write_char(value, buffer.data(), capacity, offset);
        const std::size_t count = offset - before;
        REQUIRE(count < static_cast<std::size_t>(capacity));
        CHECK(buffer[count] == '\0');
        for (std::size_t i = static_cast<std::size_t>(capacity); i < buffer.size(); ++i) {
            CHECK(buffer[i] == canary);
        }
        pieces.push_back({written.outcome, written.length, std::string(buffer.data(), count)});
        if (written.outcome != Outcome::truncated) {
            break;
        }
    }
    return pieces;
}

std::string joined(const std::vector<Piece>& pieces) {
    std::string all;
    for (const auto& piece : pieces) {
        all += piece.bytes;
    }
    return all;
}

}  // namespace

TEST_CASE("write_char: a value that fits is copied whole with a NUL") {
    for (const std::string_view value : {"", "a", "hello", "日本語", "😀!"}) {
        INFO("value \"" << value << "\"");
        const auto capacity = static_cast<SQLLEN>(value.size() + 1);
        const auto pieces = read_char_pieces(value, capacity);
        REQUIRE(pieces.size() == 1);
        CHECK(pieces[0].outcome == Outcome::ok);
        CHECK(pieces[0].length == static_cast<SQLLEN>(value.size()));
        CHECK(pieces[0].bytes == value);
    }
}

TEST_CASE("write_char: one byte short truncates and reports the full length") {
    const std::string_view value = "hello";
    std::vector<char> buffer(8, canary);
    std::size_t offset = 0;
    const Written written = write_char(value, buffer.data(), 5, offset);
    CHECK(written.outcome == Outcome::truncated);
    CHECK(written.length == 5);
    CHECK(offset == 4);
    CHECK(std::string(buffer.data()) == "hell");
    CHECK(buffer[5] == canary);
}

TEST_CASE("write_char: piecewise reads reassemble the value; each reports what was left") {
    const std::string value = "The quick brown fox jumps over the lazy dog";
    for (const SQLLEN capacity : {2, 3, 4, 7, 16, 43, 44}) {
        CAPTURE(capacity);
        const auto pieces = read_char_pieces(value, capacity);
        CHECK(joined(pieces) == value);
        std::size_t remaining = value.size();
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            CAPTURE(i);
            CHECK(pieces[i].length == static_cast<SQLLEN>(remaining));
            remaining -= pieces[i].bytes.size();
            const bool last = i + 1 == pieces.size();
            CHECK(pieces[i].outcome == (last ? Outcome::ok : Outcome::truncated));
            if (!last) {
                CHECK(pieces[i].bytes.size() == static_cast<std::size_t>(capacity - 1));
            }
        }
        CHECK(remaining == 0);
    }
}

TEST_CASE("write_char: multibyte characters are never split") {
    const std::string value = "日本語";  // three 3-byte characters
    SUBCASE("capacity 5 holds one character per call") {
        const auto pieces = read_char_pieces(value, 5);
        REQUIRE(pieces.size() == 3);
        CHECK(pieces[0].bytes == "日");
        CHECK(pieces[0].length == 9);
        CHECK(pieces[0].outcome == Outcome::truncated);
        CHECK(pieces[1].bytes == "本");
        CHECK(pieces[1].length == 6);
        CHECK(pieces[2].bytes == "語");
        CHECK(pieces[2].length == 3);
        CHECK(pieces[2].outcome == Outcome::ok);
    }
    SUBCASE("every capacity that holds a character reassembles whole characters") {
        for (SQLLEN capacity = 4; capacity <= 11; ++capacity) {
            CAPTURE(capacity);
            const auto pieces = read_char_pieces(value, capacity);
            CHECK(joined(pieces) == value);
            for (const auto& piece : pieces) {
                CHECK(piece.bytes.size() % 3 == 0);
            }
        }
    }
    SUBCASE("mixed widths") {
        const std::string mixed = "aé日😀b";  // 1 + 2 + 3 + 4 + 1 bytes
        for (SQLLEN capacity = 5; capacity <= 12; ++capacity) {
            CAPTURE(capacity);
            const auto pieces = read_char_pieces(mixed, capacity);
            CHECK(joined(pieces) == mixed);
            for (const auto& piece : pieces) {
                // Each piece is valid UTF-8 on its own: it never ends inside a character.
                CHECK((piece.bytes.empty()
                       || (static_cast<unsigned char>(piece.bytes.back()) & 0xC0U) != 0xC0U));
                if (!piece.bytes.empty()) {
                    CHECK((static_cast<unsigned char>(piece.bytes.front()) & 0xC0U) != 0x80U);
                }
            }
        }
    }
}

TEST_CASE("write_char: a character wider than the buffer is cut so reading progresses") {
    const std::string value = "😀";  // F0 9F 98 80
    const auto pieces = read_char_pieces(value, 3);
    REQUIRE(pieces.size() == 2);
    CHECK(pieces[0].outcome == Outcome::truncated);
    CHECK(pieces[0].length == 4);
    CHECK(pieces[0].bytes.size() == 2);
    CHECK(pieces[1].outcome == Outcome::ok);
    CHECK(pieces[1].length == 2);
    CHECK(joined(pieces) == value);
}

TEST_CASE("write_char: capacity 1 only terminates") {
    std::vector<char> buffer(4, canary);
    std::size_t offset = 0;
    const Written written = write_char("abc", buffer.data(), 1, offset);
    CHECK(written.outcome == Outcome::truncated);
    CHECK(written.length == 3);
    CHECK(offset == 0);
    CHECK(buffer[0] == '\0');
    CHECK(buffer[1] == canary);
}

TEST_CASE("write_char: capacity 0 or no buffer reports only the length") {
    std::vector<char> buffer(4, canary);
    std::size_t offset = 0;
    Written written = write_char("abc", buffer.data(), 0, offset);
    CHECK(written.outcome == Outcome::truncated);
    CHECK(written.length == 3);
    CHECK(offset == 0);
    CHECK(buffer[0] == canary);

    written = write_char("abc", nullptr, 100, offset);
    CHECK(written.outcome == Outcome::truncated);
    CHECK(written.length == 3);
    CHECK(offset == 0);

    written = write_char("", nullptr, 0, offset);
    CHECK(written.outcome == Outcome::ok);
    CHECK(written.length == 0);

    // Midway: the length is what is left after the offset.
    offset = 1;
    written = write_char("abc", nullptr, 0, offset);
    CHECK(written.length == 2);
    CHECK(offset == 1);
}

TEST_CASE("write_char: an offset past the end returns an empty, complete value") {
    std::vector<char> buffer(4, canary);
    std::size_t offset = 10;
    const Written written = write_char("abc", buffer.data(), 4, offset);
    CHECK(written.outcome == Outcome::ok);
    CHECK(written.length == 0);
    CHECK(buffer[0] == '\0');
}

// ---------------------------------------------------------------------------------------------
// SQL_C_WCHAR: capacity in bytes, UTF-16 code units, the buffer may be unaligned

namespace {

struct WPiece {
    Outcome outcome;
    SQLLEN length;
    std::u16string units;
};

// Like read_char_pieces; `misalign` shifts the destination by that many bytes.
std::vector<WPiece> read_wchar_pieces(std::u16string_view value, SQLLEN capacity,
                                      std::size_t misalign) {
    std::vector<WPiece> pieces;
    std::size_t offset = 0;
    for (int guard = 0; guard < 100; ++guard) {
        std::vector<unsigned char> storage(static_cast<std::size_t>(capacity) + 8 + misalign,
                                           static_cast<unsigned char>(canary));
        unsigned char* out = storage.data() + misalign;
        const std::size_t before = offset;
        const Written written = write_wchar(value, out, capacity, offset);
        const std::size_t count = offset - before;
        REQUIRE((count + 1) * sizeof(char16_t) <= static_cast<std::size_t>(capacity));
        std::u16string units(count, u'\0');
        std::memcpy(units.data(), out, count * sizeof(char16_t));
        char16_t terminator = u'x';
        std::memcpy(&terminator, out + count * sizeof(char16_t), sizeof terminator);
        CHECK(terminator == u'\0');
        for (std::size_t i = static_cast<std::size_t>(capacity); i < storage.size() - misalign;
             ++i) {
            CHECK(out[i] == static_cast<unsigned char>(canary));
        }
        pieces.push_back({written.outcome, written.length, units});
        if (written.outcome != Outcome::truncated) {
            break;
        }
    }
    return pieces;
}

std::u16string joined(const std::vector<WPiece>& pieces) {
    std::u16string all;
    for (const auto& piece : pieces) {
        all += piece.units;
    }
    return all;
}

bool is_high_surrogate(char16_t unit) {
    return unit >= 0xD800 && unit <= 0xDBFF;
}

bool is_low_surrogate(char16_t unit) {
    return unit >= 0xDC00 && unit <= 0xDFFF;
}

}  // namespace

TEST_CASE("write_wchar: a value that fits is copied whole with a NUL") {
    for (const std::u16string_view value : {u"", u"a", u"hello", u"日本語", u"😀!"}) {
        CAPTURE(value.size());
        const auto capacity = static_cast<SQLLEN>((value.size() + 1) * sizeof(char16_t));
        const auto pieces = read_wchar_pieces(value, capacity, 0);
        REQUIRE(pieces.size() == 1);
        CHECK(pieces[0].outcome == Outcome::ok);
        CHECK(pieces[0].length == static_cast<SQLLEN>(value.size() * sizeof(char16_t)));
        CHECK(pieces[0].units == value);
    }
}

TEST_CASE("write_wchar: piecewise reads reassemble; each reports the bytes left") {
    const std::u16string value = u"The quick brown fox jumps over the lazy dog";
    for (const std::size_t misalign : {0U, 1U}) {
        for (const SQLLEN capacity : {4, 5, 6, 7, 9, 20, 88}) {
            CAPTURE(misalign);
            CAPTURE(capacity);
            const auto pieces = read_wchar_pieces(value, capacity, misalign);
            CHECK(joined(pieces) == value);
            std::size_t remaining = value.size();
            for (std::size_t i = 0; i < pieces.size(); ++i) {
                CAPTURE(i);
                CHECK(pieces[i].length == static_cast<SQLLEN>(remaining * sizeof(char16_t)));
                remaining -= pieces[i].units.size();
                const bool last = i + 1 == pieces.size();
                CHECK(pieces[i].outcome == (last ? Outcome::ok : Outcome::truncated));
                if (!last) {
                    // An odd byte count leaves the last byte unused.
                    CHECK(pieces[i].units.size()
                          == static_cast<std::size_t>(capacity) / sizeof(char16_t) - 1);
                }
            }
            CHECK(remaining == 0);
        }
    }
}

TEST_CASE("write_wchar: an odd byte capacity rounds down to whole units") {
    std::vector<unsigned char> buffer(12, static_cast<unsigned char>(canary));
    std::size_t offset = 0;
    const Written written = write_wchar(u"abcdef", buffer.data(), 7, offset);
    CHECK(written.outcome == Outcome::truncated);
    CHECK(written.length == 12);
    CHECK(offset == 2);  // two units and the terminator fill six of the seven bytes
    CHECK(buffer[4] == 0);
    CHECK(buffer[5] == 0);
    CHECK(buffer[6] == static_cast<unsigned char>(canary));

    // One byte cannot hold the terminator: nothing is written.
    offset = 0;
    std::vector<unsigned char> tiny(4, static_cast<unsigned char>(canary));
    const Written one = write_wchar(u"abc", tiny.data(), 1, offset);
    CHECK(one.outcome == Outcome::truncated);
    CHECK(one.length == 6);
    CHECK(offset == 0);
    CHECK(tiny[0] == static_cast<unsigned char>(canary));
}

TEST_CASE("write_wchar: capacity 0 or no buffer reports only the length") {
    std::size_t offset = 0;
    std::vector<unsigned char> buffer(4, static_cast<unsigned char>(canary));
    Written written = write_wchar(u"abc", buffer.data(), 0, offset);
    CHECK(written.outcome == Outcome::truncated);
    CHECK(written.length == 6);
    CHECK(offset == 0);
    CHECK(buffer[0] == static_cast<unsigned char>(canary));

    written = write_wchar(u"abc", nullptr, 100, offset);
    CHECK(written.outcome == Outcome::truncated);
    CHECK(written.length == 6);
    CHECK(offset == 0);

    written = write_wchar(u"", nullptr, 0, offset);
    CHECK(written.outcome == Outcome::ok);
    CHECK(written.length == 0);
}

TEST_CASE("write_wchar: surrogate pairs are not split") {
    const std::u16string value = u"a😀b😀";  // a, pair, b, pair: 6 units
    REQUIRE(value.size() == 6);
    for (const std::size_t misalign : {0U, 1U}) {
        for (SQLLEN capacity = 6; capacity <= 14; ++capacity) {
            CAPTURE(misalign);
            CAPTURE(capacity);
            const auto pieces = read_wchar_pieces(value, capacity, misalign);
            CHECK(joined(pieces) == value);
            for (const auto& piece : pieces) {
                if (!piece.units.empty()) {
                    CHECK_FALSE(is_high_surrogate(piece.units.back()));
                    CHECK_FALSE(is_low_surrogate(piece.units.front()));
                }
            }
        }
    }
    SUBCASE("exact example: room for two units after 'a' stops before the pair") {
        std::vector<unsigned char> buffer(8, static_cast<unsigned char>(canary));
        std::size_t offset = 0;
        // 6 bytes: two units and a terminator; the second unit would be half of the pair.
        const Written written = write_wchar(value, buffer.data(), 6, offset);
        CHECK(written.outcome == Outcome::truncated);
        CHECK(offset == 1);
    }
}

TEST_CASE("write_wchar: a pair wider than the buffer is cut so reading progresses") {
    const std::u16string value = u"😀";
    const auto pieces = read_wchar_pieces(value, 4, 0);
    REQUIRE(pieces.size() == 2);
    CHECK(pieces[0].outcome == Outcome::truncated);
    CHECK(pieces[0].length == 4);
    CHECK(pieces[0].units.size() == 1);
    CHECK(pieces[1].outcome == Outcome::ok);
    CHECK(pieces[1].length == 2);
    CHECK(joined(pieces) == value);
}

TEST_CASE("write_wchar: an unaligned destination holds the exact bytes") {
    const std::u16string value = u"Zé日";
    std::vector<unsigned char> storage(16, static_cast<unsigned char>(canary));
    std::size_t offset = 0;
    const Written written = write_wchar(value, storage.data() + 1, 12, offset);
    CHECK(written.outcome == Outcome::ok);
    CHECK(written.length == 6);
    std::u16string back(3, u'\0');
    std::memcpy(back.data(), storage.data() + 1, 6);
    CHECK(back == value);
    CHECK(storage[0] == static_cast<unsigned char>(canary));
    CHECK(storage[7] == 0);
    CHECK(storage[8] == 0);
    CHECK(storage[9] == static_cast<unsigned char>(canary));
}

TEST_CASE("is_piecewise_c_type") {
    CHECK(rsodbc::types::is_piecewise_c_type(SQL_C_CHAR));
    CHECK(rsodbc::types::is_piecewise_c_type(SQL_C_WCHAR));
    CHECK(rsodbc::types::is_piecewise_c_type(SQL_C_BINARY));
    CHECK_FALSE(rsodbc::types::is_piecewise_c_type(SQL_C_SLONG));
    CHECK_FALSE(rsodbc::types::is_piecewise_c_type(SQL_C_TYPE_TIMESTAMP));
}
