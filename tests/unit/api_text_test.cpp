// api/text_in and api/text_out: the length rules of every ANSI and W function's string arguments
// (SQL_NTS, byte vs character units, truncation on a whole character with 01004, NULL vs "").
#include "api/text_in.h"
#include "api/text_out.h"
#include "odbc/diagnostics.h"
#include "odbc/odbc_error.h"

#include <doctest/doctest.h>

#include <array>
#include <string>
#include <vector>

using rsodbc::api::required_text_in;
using rsodbc::api::text_in;
using rsodbc::api::text_out;
using rsodbc::api::Units;
using rsodbc::api::write_text;
using rsodbc::odbc::Diagnostics;
using rsodbc::odbc::OdbcError;

namespace {

std::vector<SQLWCHAR> wide(std::u16string_view text) {
    return {text.begin(), text.end()};
}

std::string state_of(auto&& call) {
    try {
        call();
    } catch (const OdbcError& error) {
        return std::string(error.state());
    }
    return "none";
}

bool truncated(const Diagnostics& diagnostics) {
    for (const auto& record : diagnostics.records()) {
        if (record.sqlstate == "01004") {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("text_in: SQL_NTS, explicit lengths, NULL versus empty") {
    const auto* abc = reinterpret_cast<const SQLCHAR*>("abc\0def");  // NOLINT
    CHECK(text_in(abc, SQL_NTS) == "abc");
    CHECK(text_in(abc, 7) == std::string("abc\0def", 7));  // a length counts bytes, NULs included
    CHECK(text_in(abc, 0) == "");
    CHECK_FALSE(text_in(static_cast<const SQLCHAR*>(nullptr), SQL_NTS).has_value());
    CHECK(state_of([&] { text_in(abc, -5); }) == "HY090");
    CHECK(state_of([&] { text_in(abc, SQL_NULL_DATA); }) == "HY090");

    const auto hello = wide(u"h\u00e9\U0001F600!");  // é is 2 UTF-8 bytes, 😀 a surrogate pair
    CHECK(text_in(hello.data(), 5) == "h\xC3\xA9\xF0\x9F\x98\x80!");  // length in code units
    CHECK(text_in(hello.data(), 2) == "h\xC3\xA9");
    auto terminated = hello;
    terminated.push_back(0);
    CHECK(text_in(terminated.data(), SQL_NTS) == "h\xC3\xA9\xF0\x9F\x98\x80!");
    CHECK_FALSE(text_in(static_cast<const SQLWCHAR*>(nullptr), 3).has_value());
    // A length that cuts a surrogate pair in half, and a lone low surrogate: 22018, not mojibake.
    CHECK(state_of([&] { text_in(hello.data(), 3); }) == "22018");
    const auto lone = wide(u"a\xDC00");
    CHECK(state_of([&] { text_in(lone.data(), 2); }) == "22018");
}

TEST_CASE("required_text_in: a NULL pointer is HY009 naming the argument") {
    try {
        required_text_in(static_cast<const SQLCHAR*>(nullptr), SQL_NTS, "StatementText");
        FAIL("no error");
    } catch (const OdbcError& error) {
        CHECK(error.state() == "HY009");
        CHECK(std::string(error.what()).find("StatementText") != std::string::npos);
    }
    const auto* empty = reinterpret_cast<const SQLCHAR*>("");  // NOLINT
    CHECK(required_text_in(empty, SQL_NTS, "x").empty());
}

TEST_CASE("write_text, ANSI: byte lengths, whole UTF-8 characters, 01004") {
    const std::string text = "a\xC3\xA9z";  // 4 bytes, é in the middle
    std::array<SQLCHAR, 8> buffer{};
    Diagnostics d;
    CHECK(write_text(text, buffer.data(), buffer.size(), Units::bytes, d) == 4);
    CHECK(std::string(reinterpret_cast<char*>(buffer.data())) == text);  // NOLINT
    CHECK_FALSE(truncated(d));

    Diagnostics cut;
    buffer.fill('#');
    // Room for 2 bytes + NUL: "a" and half of é would fit, so only "a" is written.
    CHECK(write_text(text, buffer.data(), 3, Units::bytes, cut) == 4);  // the full length
    CHECK(std::string(reinterpret_cast<char*>(buffer.data())) == "a");  // NOLINT
    CHECK(truncated(cut));

    Diagnostics zero;
    buffer.fill('#');
    CHECK(write_text(text, buffer.data(), 0, Units::bytes, zero) == 4);
    CHECK(buffer[0] == '#');  // nothing written, not even the NUL
    CHECK(truncated(zero));

    Diagnostics length_only;
    CHECK(write_text(text, static_cast<SQLCHAR*>(nullptr), 0, Units::bytes, length_only) == 4);
    CHECK_FALSE(truncated(length_only));  // NULL buffer: only the length was asked for

    Diagnostics negative;
    CHECK(state_of([&] { write_text(text, buffer.data(), -1, Units::bytes, negative); })
          == "HY090");
}

TEST_CASE("write_text, W: characters or bytes as the function says, never half a pair") {
    const std::string text = "x\xF0\x9F\x98\x80y";  // x 😀 y: 4 UTF-16 code units
    std::array<SQLWCHAR, 8> buffer{};

    Diagnostics chars;
    CHECK(write_text(text, buffer.data(), 8, Units::characters, chars) == 4);
    CHECK(buffer[0] == u'x');
    CHECK(buffer[3] == u'y');
    CHECK(buffer[4] == 0);
    CHECK_FALSE(truncated(chars));

    Diagnostics bytes;
    CHECK(write_text(text, buffer.data(), 16, Units::bytes, bytes) == 8);  // lengths in bytes
    CHECK_FALSE(truncated(bytes));

    // Capacity for 2 code units + NUL: x and the high surrogate would fit, so only x is written.
    Diagnostics cut;
    buffer.fill(u'#');
    CHECK(write_text(text, buffer.data(), 3, Units::characters, cut) == 4);
    CHECK(buffer[0] == u'x');
    CHECK(buffer[1] == 0);
    CHECK(truncated(cut));

    // In bytes an odd capacity rounds down to whole code units: 9 bytes hold 4 units (x, the
    // pair, NUL), so y is cut.
    Diagnostics odd;
    buffer.fill(u'#');
    CHECK(write_text(text, buffer.data(), 9, Units::bytes, odd) == 8);
    CHECK(buffer[0] == u'x');
    CHECK(buffer[1] == 0xD83D);
    CHECK(buffer[2] == 0xDE00);
    CHECK(buffer[3] == 0);
    CHECK(truncated(odd));
}

TEST_CASE("text_out stores the full length in the caller's integer type") {
    std::array<SQLCHAR, 4> buffer{};
    SQLSMALLINT length = -1;
    Diagnostics d;
    text_out("abcdef", buffer.data(), buffer.size(), &length, Units::bytes, d);
    CHECK(length == 6);
    CHECK(std::string(reinterpret_cast<char*>(buffer.data())) == "abc");  // NOLINT
    CHECK(truncated(d));
    Diagnostics none;
    text_out("ab", buffer.data(), buffer.size(), static_cast<SQLINTEGER*>(nullptr), Units::bytes,
             none);
    CHECK_FALSE(truncated(none));
}
