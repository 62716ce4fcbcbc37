#include "types/utf.h"

#include <doctest/doctest.h>

#include <string>

using rsodbc::types::EncodingError;
using rsodbc::types::to_utf16;
using rsodbc::types::to_utf8;
using rsodbc::types::utf16_prefix_within;
using rsodbc::types::utf8_prefix_within;

namespace {

// Offset of the EncodingError `convert` throws, or npos when it does not throw.
template <class F>
std::size_t error_offset(F convert) {
    try {
        convert();
    } catch (const EncodingError& error) {
        return error.offset;
    }
    return std::string::npos;
}

std::string error_message(std::string_view utf8) {
    try {
        to_utf16(utf8);
    } catch (const EncodingError& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("ASCII, including runs longer than the 8-byte fast path") {
    const std::string text = "SELECT * FROM orders WHERE id = 42;";
    const std::u16string wide = to_utf16(text);
    CHECK(wide == u"SELECT * FROM orders WHERE id = 42;");
    CHECK(to_utf8(wide) == text);
    CHECK(to_utf16("").empty());
    CHECK(to_utf8(u"").empty());
    CHECK(to_utf16(std::string_view("a\0b", 3)) == std::u16string(u"a\0b", 3));
}

TEST_CASE("2-, 3- and 4-byte sequences") {
    CHECK(to_utf16("\xC3\xA9") == u"\u00E9");                // é
    CHECK(to_utf16("\xE2\x82\xAC") == u"\u20AC");            // €
    CHECK(to_utf16("\xF0\x9F\x98\x80") == u"\xD83D\xDE00");  // U+1F600
    CHECK(to_utf16("\xF4\x8F\xBF\xBF") == u"\xDBFF\xDFFF");  // U+10FFFF
    CHECK(to_utf16("\xEF\xBF\xBF") == u"\uFFFF");
    CHECK(to_utf8(u"\u00E9") == "\xC3\xA9");
    CHECK(to_utf8(u"\u07FF") == "\xDF\xBF");
    CHECK(to_utf8(u"\u0800") == "\xE0\xA0\x80");
    CHECK(to_utf8(u"\xD83D\xDE00") == "\xF0\x9F\x98\x80");
    CHECK(to_utf8(u"\xD800\xDC00") == "\xF0\x90\x80\x80");  // U+10000
}

TEST_CASE("mixed text round-trips, ASCII runs between non-ASCII") {
    const std::string text =
        "abcdefgh\xC3\xA9ijklmnopqrstuvwx\xF0\x9F\x98\x80yz0123456789\xE2\x82\xAC!";
    const std::u16string wide = to_utf16(text);
    CHECK(wide.size() == text.size() - 1 - 2 - 2);
    CHECK(to_utf8(wide) == text);
}

TEST_CASE("append keeps existing content") {
    std::u16string wide = u"x";
    rsodbc::types::append_utf16("\xC3\xA9", wide);
    CHECK(wide == u"x\u00E9");
    std::string narrow = "y";
    rsodbc::types::append_utf8(u"\u20AC", narrow);
    CHECK(narrow == "y\xE2\x82\xAC");
}

TEST_CASE("invalid UTF-8 is rejected with the sequence's offset") {
    const auto offset = [](std::string_view s) {
        return error_offset([&] { to_utf16(s); });
    };
    CHECK(offset("abc\x80") == 3);                  // stray continuation byte
    CHECK(offset("ab\xC0\xAF") == 2);               // overlong 2-byte
    CHECK(offset("\xC1\xBF") == 0);                 // overlong 2-byte
    CHECK(offset("0123456789\xE0\x80\xAF") == 10);  // overlong 3-byte
    CHECK(offset("\xF0\x8F\xBF\xBF") == 0);         // overlong 4-byte
    CHECK(offset("a\xED\xA0\x80") == 1);            // encoded high surrogate
    CHECK(offset("\xED\xBF\xBF") == 0);             // encoded low surrogate
    CHECK(offset("\xF4\x90\x80\x80") == 0);         // U+110000
    CHECK(offset("\xF5\x80\x80\x80") == 0);         // lead beyond U+10FFFF
    CHECK(offset("\xFF") == 0);                     // never valid
    CHECK(offset("ab\xE2\x82") == 2);               // truncated at end
    CHECK(offset("ab\xF0\x9F\x98") == 2);           // truncated at end
    CHECK(offset("\xC3"
                 "A")
          == 0);  // cut by an ASCII byte
    CHECK(offset("\xE2\x82"
                 "abcdefghij")
          == 0);                                         // cut before a fast-path run
    CHECK(offset("\xED\x9F\xBF") == std::string::npos);  // U+D7FF is fine
    CHECK(offset("\xEE\x80\x80") == std::string::npos);  // U+E000 is fine
}

TEST_CASE("error messages say what is wrong") {
    CHECK(error_message("\xC0\x80").find("overlong") != std::string::npos);
    CHECK(error_message("\xED\xA0\x80").find("surrogate") != std::string::npos);
    CHECK(error_message("\xF4\x90\x80\x80").find("U+10FFFF") != std::string::npos);
    CHECK(error_message("\xE2\x82").find("truncated") != std::string::npos);
    CHECK(error_message("\x80").find("continuation") != std::string::npos);
}

TEST_CASE("invalid UTF-16 is rejected with the unit's offset") {
    const auto offset = [](std::u16string_view s) {
        return error_offset([&] { to_utf8(s); });
    };
    CHECK(offset(u"ab\xD83D") == 2);            // high surrogate at end
    CHECK(offset(u"\xD83Dx") == 0);             // high surrogate followed by a non-surrogate
    CHECK(offset(u"abcd\xDE00") == 4);          // lone low surrogate
    CHECK(offset(u"\xD83D\xD83D\xDE00") == 0);  // two highs in a row
    CHECK(offset(u"\xDE00\xD83D") == 0);        // reversed pair
}

TEST_CASE("a failed append leaves the output unchanged") {
    std::u16string wide = u"keep";
    CHECK_THROWS_AS(rsodbc::types::append_utf16("abcdefghijk\xFF", wide), EncodingError);
    CHECK(wide == u"keep");
    std::string narrow = "keep";
    CHECK_THROWS_AS(rsodbc::types::append_utf8(u"abcdefgh\xDC00", narrow), EncodingError);
    CHECK(narrow == "keep");
}

TEST_CASE("utf8_prefix_within never splits a character") {
    const std::string_view text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // a é € 😀: 1+2+3+4
    CHECK(utf8_prefix_within(text, 100) == 10);
    CHECK(utf8_prefix_within(text, 10) == 10);
    CHECK(utf8_prefix_within(text, 9) == 6);
    CHECK(utf8_prefix_within(text, 8) == 6);
    CHECK(utf8_prefix_within(text, 7) == 6);
    CHECK(utf8_prefix_within(text, 6) == 6);
    CHECK(utf8_prefix_within(text, 5) == 3);
    CHECK(utf8_prefix_within(text, 4) == 3);
    CHECK(utf8_prefix_within(text, 3) == 3);
    CHECK(utf8_prefix_within(text, 2) == 1);
    CHECK(utf8_prefix_within(text, 1) == 1);
    CHECK(utf8_prefix_within(text, 0) == 0);
    CHECK(utf8_prefix_within("\xC3\xA9", 1) == 0);
}

TEST_CASE("utf16_prefix_within never splits a surrogate pair") {
    const std::u16string_view text =
        u"a\xD83D\xDE00"
        u"b";
    CHECK(utf16_prefix_within(text, 4) == 4);
    CHECK(utf16_prefix_within(text, 3) == 3);
    CHECK(utf16_prefix_within(text, 2) == 1);
    CHECK(utf16_prefix_within(text, 1) == 1);
    CHECK(utf16_prefix_within(text, 0) == 0);
    CHECK(utf16_prefix_within(text, 9) == 4);
}
