// Server text -> SQL_C_BINARY, SQL_C_GUID, SQL_C_NUMERIC and the SQL_C_INTERVAL_* types.
#include "types/to_c/convert.h"

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

using rsodbc::types::Outcome;
using rsodbc::types::Written;
namespace types = rsodbc::types;

namespace {

constexpr unsigned char canary = 0x5A;

std::string bytes_of(std::initializer_list<int> values) {
    std::string out;
    for (const int v : values) {
        out += static_cast<char>(v);
    }
    return out;
}

struct BinaryRead {
    std::vector<Written> calls;
    std::string bytes;
};

// Reads a binary value SQLGetData-style in pieces of `capacity` bytes (at an odd address, to
// catch typed stores), checking that nothing past `capacity` is touched.
template <class Write>
BinaryRead read_pieces(Write write, SQLLEN capacity) {
    BinaryRead read;
    std::size_t offset = 0;
    for (int guard = 0; guard < 1000; ++guard) {
        std::vector<unsigned char> buffer(static_cast<std::size_t>(capacity) + 9, canary);
        unsigned char* data = buffer.data() + 1;
        const Written written = write(data, capacity, offset);
        read.calls.push_back(written);
        CHECK(buffer[0] == canary);
        for (std::size_t i = static_cast<std::size_t>(capacity) + 1; i < buffer.size(); ++i) {
            CHECK(buffer[i] == canary);
        }
        if (written.outcome != Outcome::ok && written.outcome != Outcome::truncated) {
            break;
        }
        const auto count =
            std::min(static_cast<std::size_t>(written.length), static_cast<std::size_t>(capacity));
        read.bytes.append(reinterpret_cast<const char*>(data), count);
        if (written.outcome != Outcome::truncated) {
            break;
        }
    }
    return read;
}

BinaryRead read_binary(std::string_view text, bool hex, SQLLEN capacity) {
    return read_pieces(
        [&](void* data, SQLLEN room, std::size_t& offset) {
            return types::write_binary(text, hex, data, room, offset);
        },
        capacity);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Binary

TEST_CASE("to_c more: binary values decode whole when they fit") {
    struct Row {
        std::string_view text;
        bool hex;
        std::string bytes;
    };

    const Row rows[] = {
        {"\\x0a1bff", false, bytes_of({0x0a, 0x1b, 0xff})},  // bytea hex
        {"\\x", false, ""},
        {"DEADbeef00", true, bytes_of({0xde, 0xad, 0xbe, 0xef, 0x00})},  // VARBYTE
        {"", true, ""},
        {"\\x00ff", true, bytes_of({0x00, 0xff})},  // a prefix is read in hex mode too
        {"0101000020E6100000", true, bytes_of({1, 1, 0, 0, 0x20, 0xe6, 0x10, 0, 0})},  // GEOMETRY
        // Legacy escape format: printable bytes, "\\" for a backslash, "\ooo" octal.
        {R"(ab\\c\001\377)", false, bytes_of({'a', 'b', '\\', 'c', 1, 0xff})},
        {R"(\000)", false, bytes_of({0})},
        {"", false, ""},
    };
    for (const Row& row : rows) {
        INFO("text \"" << row.text << "\" hex " << row.hex);
        const auto read = read_binary(row.text, row.hex, 32);
        REQUIRE(read.calls.size() == 1);
        CHECK(read.calls[0].outcome == Outcome::ok);
        CHECK(read.calls[0].length == static_cast<SQLLEN>(row.bytes.size()));
        CHECK(read.bytes == row.bytes);
    }
}

TEST_CASE("to_c more: malformed binary text is 22018 before any byte is returned") {
    struct Row {
        std::string_view text;
        bool hex;
    };

    const Row rows[] = {
        {"\\x0a1", false},                                         // odd digit count
        {"abc", true},     {"\\x0g", false},                       // not a hex digit
        {"00zz", true},    {"00 1", true},    {R"(\9)", false},    // bad escape
        {R"(ab\)", false}, {R"(\12)", false}, {R"(\777)", false},  // beyond a byte
    };
    for (const Row& row : rows) {
        INFO("text \"" << row.text << "\"");
        unsigned char buffer[8];
        std::memset(buffer, canary, sizeof buffer);
        std::size_t offset = 0;
        const Written written = types::write_binary(row.text, row.hex, buffer, 8, offset);
        CHECK(written.outcome == Outcome::invalid_character);
        CHECK(offset == 0);
    }
}

TEST_CASE("to_c more: binary pieces of 1, 3 and 7 bytes reassemble the value") {
    std::string hex;
    std::string escaped;
    std::string expected;
    for (int i = 0; i < 20; ++i) {
        const int byte = (i * 37 + 5) & 0xff;
        const char digits[] = "0123456789abcdef";
        hex += digits[byte >> 4];
        hex += digits[byte & 15];
        escaped += '\\';
        escaped += static_cast<char>('0' + (byte >> 6));
        escaped += static_cast<char>('0' + ((byte >> 3) & 7));
        escaped += static_cast<char>('0' + (byte & 7));
        if (i % 4 == 0) {
            escaped += "x\\\\";  // mix in plain bytes and escaped backslashes
            expected += static_cast<char>(byte);
            expected += "x\\";
        } else {
            expected += static_cast<char>(byte);
        }
    }
    std::string hex_expected;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        hex_expected += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    }

    struct Source {
        std::string text;
        bool hex;
        std::string bytes;
    };

    const Source sources[] = {
        {"\\x" + hex, false, hex_expected},
        {hex, true, hex_expected},
        {escaped, false, expected},
    };
    for (const Source& source : sources) {
        for (const SQLLEN piece : {1, 3, 7}) {
            INFO("source \"" << source.text << "\" piece " << piece);
            const auto read = read_binary(source.text, source.hex, piece);
            CHECK(read.bytes == source.bytes);
            const auto total = static_cast<SQLLEN>(source.bytes.size());
            const auto expected_calls = static_cast<std::size_t>((total + piece - 1) / piece);
            REQUIRE(read.calls.size() == expected_calls);
            for (std::size_t i = 0; i < read.calls.size(); ++i) {
                // Each call reports what was left before it.
                CHECK(read.calls[i].length == total - static_cast<SQLLEN>(i) * piece);
                CHECK(read.calls[i].outcome
                      == (i + 1 < read.calls.size() ? Outcome::truncated : Outcome::ok));
            }
        }
    }
}

TEST_CASE("to_c more: a binary length-only call writes nothing and keeps the position") {
    for (const bool hex : {false, true}) {
        const std::string_view text = hex ? "0a0b0c" : "\\x0a0b0c";
        std::size_t offset = 0;
        Written written = types::write_binary(text, hex, nullptr, 0, offset);
        CHECK(written.outcome == Outcome::truncated);
        CHECK(written.length == 3);
        CHECK(offset == 0);
        unsigned char byte = canary;
        written = types::write_binary(text, hex, &byte, 0, offset);  // capacity 0, real buffer
        CHECK(written.outcome == Outcome::truncated);
        CHECK(byte == canary);
        written = types::write_binary(text, hex, nullptr, 100, offset);  // no buffer
        CHECK(written.length == 3);
        CHECK(offset == 0);
        unsigned char all[3];
        written = types::write_binary(text, hex, all, 3, offset);
        CHECK(written.outcome == Outcome::ok);
        CHECK(written.length == 3);
        CHECK(all[2] == 0x0c);
        // Everything returned: nothing left.
        written = types::write_binary(text, hex, nullptr, 0, offset);
        CHECK(written.outcome == Outcome::ok);
        CHECK(written.length == 0);
    }
    std::size_t offset = 0;
    const Written escaped = types::write_binary(R"(a\\b)", false, nullptr, 0, offset);
    CHECK(escaped.outcome == Outcome::truncated);
    CHECK(escaped.length == 3);
}

TEST_CASE("to_c more: character data to SQL_C_BINARY is its bytes, in pieces") {
    const std::string_view text = "h\xc3\xa9llo, world";  // UTF-8 bytes are copied as they are
    for (const SQLLEN piece : {1, 3, 7, 64}) {
        INFO("piece " << piece);
        const auto read = read_pieces(
            [&](void* data, SQLLEN room, std::size_t& offset) {
                return types::write_binary_from_text(text, data, room, offset);
            },
            piece);
        CHECK(read.bytes == text);
        CHECK(read.calls.front().length == static_cast<SQLLEN>(text.size()));
        CHECK(read.calls.back().outcome == Outcome::ok);
    }
    std::size_t offset = 0;
    const Written length_only = types::write_binary_from_text(text, nullptr, 0, offset);
    CHECK(length_only.outcome == Outcome::truncated);
    CHECK(length_only.length == static_cast<SQLLEN>(text.size()));
    CHECK(offset == 0);
    const Written empty = types::write_binary_from_text("", nullptr, 0, offset);
    CHECK(empty.outcome == Outcome::ok);
    CHECK(empty.length == 0);
}

// ---------------------------------------------------------------------------------------------
// GUID

TEST_CASE("to_c more: uuid text to SQLGUID") {
    const std::string_view forms[] = {
        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",     "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
        "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}",   "a0eebc999c0b4ef8bb6d6bb9bd380a11",
        "  a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11  ",  // a padded char column
    };
    for (const std::string_view text : forms) {
        INFO("text \"" << text << "\"");
        unsigned char buffer[18];
        std::memset(buffer, canary, sizeof buffer);
        const Written written = types::write_guid(text, buffer + 1);
        CHECK(written.outcome == Outcome::ok);
        CHECK(written.length == 16);
        CHECK(buffer[0] == canary);
        CHECK(buffer[17] == canary);
        SQLGUID guid{};
        std::memcpy(&guid, buffer + 1, sizeof guid);
        CHECK(guid.Data1 == 0xa0eebc99U);
        CHECK(guid.Data2 == 0x9c0b);
        CHECK(guid.Data3 == 0x4ef8);
        const unsigned char data4[8] = {0xbb, 0x6d, 0x6b, 0xb9, 0xbd, 0x38, 0x0a, 0x11};
        CHECK(std::memcmp(guid.Data4, data4, 8) == 0);
    }
}

TEST_CASE("to_c more: text that is not a uuid is 22018") {
    const std::string_view bad[] = {
        "",
        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1",    // one digit short
        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111",  // one too many
        "g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
        "a0eebc999-c0b-4ef8-bb6d-6bb9bd380a11",  // misplaced hyphen
        "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}",
        "a0eebc99 9c0b 4ef8 bb6d 6bb9bd380a11",
    };
    for (const std::string_view text : bad) {
        INFO("text \"" << text << "\"");
        SQLGUID guid{};
        CHECK(types::write_guid(text, &guid).outcome == Outcome::invalid_character);
    }
}

TEST_CASE("to_c more: a uuid to SQL_C_BINARY is 16 bytes or 22003") {
    const std::string_view text = "00010203-0405-0607-0809-0a0b0c0d0e0f";
    unsigned char buffer[16];
    const Written written = types::write_guid_binary(text, buffer, 16);
    CHECK(written.outcome == Outcome::ok);
    CHECK(written.length == 16);
    SQLGUID direct{};
    types::write_guid(text, &direct);
    CHECK(std::memcmp(buffer, &direct, 16) == 0);
    CHECK(types::write_guid_binary(text, buffer, 15).outcome == Outcome::out_of_range);
    CHECK(types::write_guid_binary("nope", buffer, 16).outcome == Outcome::invalid_character);
}

// ---------------------------------------------------------------------------------------------
// SQL_NUMERIC_STRUCT

namespace {

std::string decimal_of(const SQL_NUMERIC_STRUCT& value) {
    unsigned __int128 magnitude = 0;
    for (int i = SQL_MAX_NUMERIC_LEN - 1; i >= 0; --i) {
        magnitude = (magnitude << 8) | value.val[i];
    }
    if (magnitude == 0) {
        return "0";
    }
    std::string digits;
    while (magnitude != 0) {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
        magnitude /= 10;
    }
    return digits;
}

}  // namespace

TEST_CASE("to_c more: number text to SQL_NUMERIC_STRUCT") {
    struct Row {
        std::string_view text;
        int precision;
        int scale;
        Outcome outcome;
        int sign;  // 1 positive, 0 negative
        std::string_view val;
    };

    const Row rows[] = {
        {"0", 38, 0, Outcome::ok, 1, "0"},
        {"-0", 38, 0, Outcome::ok, 1, "0"},
        {"-0.5", 38, 0, Outcome::fractional_truncation, 1, "0"},  // cut to zero: no sign
        {"-0.5", 38, 1, Outcome::ok, 0, "5"},
        {"-0.5", 38, 3, Outcome::ok, 0, "500"},
        {"12345678901234567890123456789012345678", 38, 0, Outcome::ok, 1,
         "12345678901234567890123456789012345678"},
        {"-12345678901234567890123456789012345678", 38, 0, Outcome::ok, 0,
         "12345678901234567890123456789012345678"},
        {"99999999999999999999999999999999999999", 38, 0, Outcome::ok, 1,
         "99999999999999999999999999999999999999"},
        {"0.12345678901234567890123456789012345678", 38, 38, Outcome::ok, 1,
         "12345678901234567890123456789012345678"},
        {"-123.4500", 10, 4, Outcome::ok, 0, "1234500"},
        {"-123.4500", 10, 2, Outcome::ok, 0, "12345"},                   // only zeros dropped
        {"123.456", 10, 2, Outcome::fractional_truncation, 1, "12345"},  // cut, not rounded
        {"123.459", 10, 0, Outcome::fractional_truncation, 1, "123"},
        {"  42  ", 38, 0, Outcome::ok, 1, "42"},
        {"+7", 5, 0, Outcome::ok, 1, "7"},
        {".5", 5, 1, Outcome::ok, 1, "5"},
        {"5.", 5, 0, Outcome::ok, 1, "5"},
        {"000000000000000000000000000000000000000000123", 3, 0, Outcome::ok, 1, "123"},
        // Exponent forms from real/double precision columns.
        {"1e5", 38, 0, Outcome::ok, 1, "100000"},
        {"1e+20", 38, 0, Outcome::ok, 1, "100000000000000000000"},
        {"1.5e-07", 38, 8, Outcome::ok, 1, "15"},
        {"1.5e-07", 38, 0, Outcome::fractional_truncation, 1, "0"},
        {"-2.5E3", 38, 2, Outcome::ok, 0, "250000"},
        {"1.23457e+06", 38, 0, Outcome::ok, 1, "1234570"},
        // Negative scale: val counts hundreds.
        {"12300", 38, -2, Outcome::ok, 1, "123"},
        {"0.5", 38, -1, Outcome::fractional_truncation, 1, "0"},
        // The largest magnitude 128 bits hold, with a precision that allows it.
        {"340282366920938463463374607431768211455", 39, 0, Outcome::ok, 1,
         "340282366920938463463374607431768211455"},
        // Precision 0 (no ARD value) reads as 38.
        {"12345678901234567890123456789012345678", 0, 0, Outcome::ok, 1,
         "12345678901234567890123456789012345678"},
    };
    for (const Row& row : rows) {
        INFO("text \"" << row.text << "\" precision " << row.precision << " scale " << row.scale);
        unsigned char buffer[sizeof(SQL_NUMERIC_STRUCT) + 2];
        std::memset(buffer, canary, sizeof buffer);
        const Written written = types::write_numeric(row.text, static_cast<SQLCHAR>(row.precision),
                                                     static_cast<SQLSCHAR>(row.scale), buffer + 1);
        CHECK(written.outcome == row.outcome);
        CHECK(written.length == static_cast<SQLLEN>(sizeof(SQL_NUMERIC_STRUCT)));
        CHECK(buffer[0] == canary);
        CHECK(buffer[sizeof buffer - 1] == canary);
        SQL_NUMERIC_STRUCT value{};
        std::memcpy(&value, buffer + 1, sizeof value);
        CHECK(value.precision == (row.precision == 0 ? 38 : row.precision));
        CHECK(value.scale == row.scale);
        CHECK(value.sign == row.sign);
        CHECK(decimal_of(value) == row.val);
    }
}

TEST_CASE("to_c more: numerics that do not fit are 22003; non-numbers 22018") {
    struct Row {
        std::string_view text;
        int precision;
        int scale;
        Outcome outcome;
    };

    const Row rows[] = {
        {"123456789012345678901234567890123456789", 38, 0, Outcome::out_of_range},  // 39 digits
        {"-123456789012345678901234567890123456789", 38, 0, Outcome::out_of_range},
        {"123456789012345678901234567890123456789", 39, 0, Outcome::ok},
        {"340282366920938463463374607431768211456", 39, 0, Outcome::out_of_range},  // 2^128
        {"99999999999999999999999999999999999999", 38, 1, Outcome::out_of_range},   // 39 with scale
        {"123.456", 4, 2, Outcome::out_of_range},  // 12345 is 5 digits
        {"1e40", 38, 0, Outcome::out_of_range},
        {"1e99999999999", 38, 0, Outcome::out_of_range},
        {"12345", 38, -2, Outcome::out_of_range},  // whole digits below the hundreds
        {"Infinity", 38, 0, Outcome::out_of_range},
        {"-Infinity", 38, 0, Outcome::out_of_range},
        {"NaN", 38, 0, Outcome::invalid_character},
        {"nan", 38, 0, Outcome::invalid_character},
        {"", 38, 0, Outcome::invalid_character},
        {"abc", 38, 0, Outcome::invalid_character},
        {"1.2.3", 38, 0, Outcome::invalid_character},
        {"1e", 38, 0, Outcome::invalid_character},
        {"--1", 38, 0, Outcome::invalid_character},
        {".", 38, 0, Outcome::invalid_character},
        {"1 2", 38, 0, Outcome::invalid_character},
        {"0x10", 38, 0, Outcome::invalid_character},
    };
    for (const Row& row : rows) {
        INFO("text \"" << row.text << "\" precision " << row.precision << " scale " << row.scale);
        SQL_NUMERIC_STRUCT value{};
        const Written written = types::write_numeric(row.text, static_cast<SQLCHAR>(row.precision),
                                                     static_cast<SQLSCHAR>(row.scale), &value);
        CHECK(written.outcome == row.outcome);
    }
}

// ---------------------------------------------------------------------------------------------
// Intervals

namespace {

struct IntervalRow {
    std::string_view text;
    SQLSMALLINT c_type;
    Outcome outcome;
    bool negative;
    // year, month for year-month types; day, hour, minute, second, fraction for day-time types.
    std::uint32_t f[5];
};

void check_interval(const IntervalRow& row) {
    INFO("text \"" << row.text << "\" C type " << row.c_type);
    unsigned char buffer[sizeof(SQL_INTERVAL_STRUCT) + 2];
    std::memset(buffer, canary, sizeof buffer);
    const Written written = types::write_interval(row.text, row.c_type, buffer + 1);
    REQUIRE(written.outcome == row.outcome);
    CHECK(buffer[0] == canary);
    CHECK(buffer[sizeof buffer - 1] == canary);
    if (row.outcome != Outcome::ok && row.outcome != Outcome::fractional_truncation) {
        return;
    }
    CHECK(written.length == static_cast<SQLLEN>(sizeof(SQL_INTERVAL_STRUCT)));
    SQL_INTERVAL_STRUCT value{};
    std::memcpy(&value, buffer + 1, sizeof value);
    CHECK(static_cast<int>(value.interval_type) == row.c_type - 100);
    CHECK(value.interval_sign == (row.negative ? SQL_TRUE : SQL_FALSE));
    const bool year_month = row.c_type == SQL_C_INTERVAL_YEAR || row.c_type == SQL_C_INTERVAL_MONTH
                            || row.c_type == SQL_C_INTERVAL_YEAR_TO_MONTH;
    if (year_month) {
        CHECK(value.intval.year_month.year == row.f[0]);
        CHECK(value.intval.year_month.month == row.f[1]);
    } else {
        CHECK(value.intval.day_second.day == row.f[0]);
        CHECK(value.intval.day_second.hour == row.f[1]);
        CHECK(value.intval.day_second.minute == row.f[2]);
        CHECK(value.intval.day_second.second == row.f[3]);
        CHECK(value.intval.day_second.fraction == row.f[4]);
    }
}

constexpr Outcome ok = Outcome::ok;
constexpr Outcome cut = Outcome::fractional_truncation;

}  // namespace

TEST_CASE("to_c more: year-month intervals") {
    const IntervalRow rows[] = {
        {"1 year 2 mons", SQL_C_INTERVAL_YEAR_TO_MONTH, ok, false, {1, 2}},
        {"1 year 2 mons", SQL_C_INTERVAL_YEAR, cut, false, {1, 0}},
        {"1 year 2 mons", SQL_C_INTERVAL_MONTH, ok, false, {0, 14}},
        {"2 years", SQL_C_INTERVAL_YEAR, ok, false, {2, 0}},
        {"3 mons", SQL_C_INTERVAL_YEAR_TO_MONTH, ok, false, {0, 3}},
        {"3 mons", SQL_C_INTERVAL_YEAR, cut, false, {0, 0}},
        {"-1 years -2 mons", SQL_C_INTERVAL_YEAR_TO_MONTH, ok, true, {1, 2}},
        {"-1 years -2 mons", SQL_C_INTERVAL_MONTH, ok, true, {0, 14}},
        {"1 year -2 mons", SQL_C_INTERVAL_YEAR_TO_MONTH, ok, false, {0, 10}},  // mixed signs
        {"-1 years 2 mons", SQL_C_INTERVAL_MONTH, ok, true, {0, 10}},
        {"1 year 2 mons 3 days 04:05:06.789", SQL_C_INTERVAL_YEAR_TO_MONTH, cut, false, {1, 2}},
        {"00:00:00", SQL_C_INTERVAL_YEAR_TO_MONTH, ok, false, {0, 0}},
        {"178956970 years 7 mons", SQL_C_INTERVAL_MONTH, ok, false, {0, 2147483647U}},
        {"@ 1 year 1 mon ago", SQL_C_INTERVAL_YEAR_TO_MONTH, ok, true, {1, 1}},
        {"  1 year  ", SQL_C_INTERVAL_YEAR, ok, false, {1, 0}},
    };
    for (const IntervalRow& row : rows) {
        check_interval(row);
    }
}

TEST_CASE("to_c more: day-time intervals, one value in every day-time type") {
    const std::string_view text = "3 days 04:05:06.789";
    const IntervalRow rows[] = {
        {text, SQL_C_INTERVAL_DAY, cut, false, {3, 0, 0, 0, 0}},
        {text, SQL_C_INTERVAL_HOUR, cut, false, {0, 76, 0, 0, 0}},
        {text, SQL_C_INTERVAL_MINUTE, cut, false, {0, 0, 4565, 0, 0}},
        {text, SQL_C_INTERVAL_SECOND, ok, false, {0, 0, 0, 273906, 789000}},
        {text, SQL_C_INTERVAL_DAY_TO_HOUR, cut, false, {3, 4, 0, 0, 0}},
        {text, SQL_C_INTERVAL_DAY_TO_MINUTE, cut, false, {3, 4, 5, 0, 0}},
        {text, SQL_C_INTERVAL_DAY_TO_SECOND, ok, false, {3, 4, 5, 6, 789000}},
        {text, SQL_C_INTERVAL_HOUR_TO_MINUTE, cut, false, {0, 76, 5, 0, 0}},
        {text, SQL_C_INTERVAL_HOUR_TO_SECOND, ok, false, {0, 76, 5, 6, 789000}},
        {text, SQL_C_INTERVAL_MINUTE_TO_SECOND, ok, false, {0, 0, 4565, 6, 789000}},
    };
    for (const IntervalRow& row : rows) {
        check_interval(row);
    }
}

TEST_CASE("to_c more: day-time intervals: signs, fractions, normalisation") {
    const IntervalRow rows[] = {
        // -1 day + 2:03 is -21:57.
        {"-1 days +02:03:00", SQL_C_INTERVAL_DAY_TO_SECOND, ok, true, {0, 21, 57, 0, 0}},
        {"-1 days +02:03:00", SQL_C_INTERVAL_HOUR_TO_MINUTE, ok, true, {0, 21, 57, 0, 0}},
        {"-1 days -02:03:00", SQL_C_INTERVAL_DAY_TO_MINUTE, ok, true, {1, 2, 3, 0, 0}},
        {"1 day -00:00:01", SQL_C_INTERVAL_HOUR_TO_SECOND, ok, false, {0, 23, 59, 59, 0}},
        {"00:00:01", SQL_C_INTERVAL_SECOND, ok, false, {0, 0, 0, 1, 0}},
        {"-00:00:00.5", SQL_C_INTERVAL_SECOND, ok, true, {0, 0, 0, 0, 500000}},
        {"-00:00:00.5", SQL_C_INTERVAL_MINUTE, cut, false, {0, 0, 0, 0, 0}},  // no minus zero
        {"00:00:00.000001", SQL_C_INTERVAL_MINUTE_TO_SECOND, ok, false, {0, 0, 0, 0, 1}},
        {"00:00:00.1234567", SQL_C_INTERVAL_SECOND, cut, false, {0, 0, 0, 0, 123456}},
        {"00:00:00.1234560", SQL_C_INTERVAL_SECOND, ok, false, {0, 0, 0, 0, 123456}},
        {"36:00:00", SQL_C_INTERVAL_DAY_TO_HOUR, ok, false, {1, 12, 0, 0, 0}},
        {"36:00:00", SQL_C_INTERVAL_HOUR, ok, false, {0, 36, 0, 0, 0}},
        {"00:00:00", SQL_C_INTERVAL_DAY_TO_SECOND, ok, false, {0, 0, 0, 0, 0}},
        {"1 day", SQL_C_INTERVAL_DAY, ok, false, {1, 0, 0, 0, 0}},
        {"-2 days", SQL_C_INTERVAL_HOUR, ok, true, {0, 48, 0, 0, 0}},
        {"1 day 10:00:00", SQL_C_INTERVAL_DAY_TO_HOUR, ok, false, {1, 10, 0, 0, 0}},
        {"-1 day", SQL_C_INTERVAL_DAY, ok, true, {1, 0, 0, 0, 0}},
        {"00:01", SQL_C_INTERVAL_MINUTE, ok, false, {0, 0, 1, 0, 0}},  // seconds omitted
        // postgres_verbose words, "ago" negates.
        {"@ 1 hour 30 mins ago", SQL_C_INTERVAL_HOUR_TO_MINUTE, ok, true, {0, 1, 30, 0, 0}},
        {"@ 1 day 2 hours 3 mins 4.5 secs",
         SQL_C_INTERVAL_DAY_TO_SECOND,
         ok,
         false,
         {1, 2, 3, 4, 500000}},
        // Leading field limits: SQLUINTEGER.
        {"2147483647 days", SQL_C_INTERVAL_DAY, ok, false, {2147483647U, 0, 0, 0, 0}},
        {"49710 days", SQL_C_INTERVAL_SECOND, ok, false, {0, 0, 0, 4294944000U, 0}},
        {"49711 days", SQL_C_INTERVAL_SECOND, Outcome::interval_field_overflow, false, {}},
        {"2562047788:00:54.775807",
         SQL_C_INTERVAL_SECOND,
         Outcome::interval_field_overflow,
         false,
         {}},
        {"2562047788:00:54.775807",
         SQL_C_INTERVAL_HOUR_TO_SECOND,
         ok,
         false,
         {0, 2562047788U, 0, 54, 775807}},
    };
    for (const IntervalRow& row : rows) {
        check_interval(row);
    }
}

TEST_CASE("to_c more: interval families that do not mix, and text that is not an interval") {
    const IntervalRow rows[] = {
        // Months have no fixed length: no day-time type can take them (07006).
        {"1 mon", SQL_C_INTERVAL_DAY, Outcome::unsupported, false, {}},
        {"1 year 2 mons 3 days 04:05:06.789",
         SQL_C_INTERVAL_DAY_TO_SECOND,
         Outcome::unsupported,
         false,
         {}},
        {"-1 years", SQL_C_INTERVAL_SECOND, Outcome::unsupported, false, {}},
        // A day-time value as year-month: the whole value is below a month.
        {"3 days", SQL_C_INTERVAL_MONTH, cut, false, {0, 0}},
        {"04:05:06", SQL_C_INTERVAL_YEAR, cut, false, {0, 0}},
        // Not an interval target at all.
        {"1 day", SQL_C_CHAR, Outcome::unsupported, false, {}},
        {"1 day", SQL_C_TYPE_TIMESTAMP, Outcome::unsupported, false, {}},
    };
    for (const IntervalRow& row : rows) {
        check_interval(row);
    }
    const std::string_view bad[] = {
        "",
        "   ",
        "abc",
        "1 fortnight",
        "1 year 2",
        "12:3x:00",
        "1:60:00",
        "00:00:61",
        "1.5 days",
        "@ 1 day ago 2 hours",
        "1 day ago",
        "00:00:00.",
        "--1 days",
        "1days2",
        "P1Y2M",
        "+ 1 day",
        "1 year, 2 mons",
    };
    for (const std::string_view text : bad) {
        INFO("text \"" << text << "\"");
        SQL_INTERVAL_STRUCT value{};
        CHECK(types::write_interval(text, SQL_C_INTERVAL_DAY_TO_SECOND, &value).outcome
              == Outcome::invalid_character);
        CHECK(types::write_interval(text, SQL_C_INTERVAL_YEAR_TO_MONTH, &value).outcome
              == Outcome::invalid_character);
    }
}

TEST_CASE("to_c more: interval C types are recognised") {
    for (SQLSMALLINT c_type = SQL_C_INTERVAL_YEAR; c_type <= SQL_C_INTERVAL_MINUTE_TO_SECOND;
         ++c_type) {
        CHECK(types::is_interval_c_type(c_type));
    }
    CHECK_FALSE(types::is_interval_c_type(SQL_C_CHAR));
    CHECK_FALSE(types::is_interval_c_type(SQL_C_INTERVAL_YEAR - 1));
    CHECK_FALSE(types::is_interval_c_type(SQL_C_INTERVAL_MINUTE_TO_SECOND + 1));
}
