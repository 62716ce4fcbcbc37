#include "types/to_c/convert.h"

#include <doctest/doctest.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

using rsodbc::types::name_of;
using rsodbc::types::Outcome;
using rsodbc::types::write_datetime;
using rsodbc::types::Written;

namespace {

constexpr unsigned char canary = 0xCD;
using Buffer = std::array<unsigned char, 32>;

Buffer fresh_buffer() {
    Buffer buffer{};
    buffer.fill(canary);
    return buffer;
}

bool untouched_from(const Buffer& buffer, std::size_t from) {
    for (std::size_t i = from; i < buffer.size(); ++i) {
        if (buffer[i] != canary) {
            return false;
        }
    }
    return true;
}

// Every field of every struct as one comparable string: "Y-M-D h:m:s.f".
std::string date_text(const SQL_DATE_STRUCT& d) {
    return std::to_string(d.year) + "-" + std::to_string(d.month) + "-" + std::to_string(d.day);
}

std::string time_text(const SQL_TIME_STRUCT& t) {
    return std::to_string(t.hour) + ":" + std::to_string(t.minute) + ":" + std::to_string(t.second);
}

std::string timestamp_text(const SQL_TIMESTAMP_STRUCT& ts) {
    return std::to_string(ts.year) + "-" + std::to_string(ts.month) + "-" + std::to_string(ts.day)
           + " " + std::to_string(ts.hour) + ":" + std::to_string(ts.minute) + ":"
           + std::to_string(ts.second) + "." + std::to_string(ts.fraction);
}

struct Case {
    std::string_view text;
    SQLSMALLINT c_type;
    Outcome outcome;
    std::string_view fields;  // in the *_text form above, when a value is stored
};

std::size_t struct_size(SQLSMALLINT c_type) {
    switch (c_type) {
        case SQL_C_TYPE_DATE:
        case SQL_C_DATE:
            return sizeof(SQL_DATE_STRUCT);
        case SQL_C_TYPE_TIME:
        case SQL_C_TIME:
            return sizeof(SQL_TIME_STRUCT);
        default:
            return sizeof(SQL_TIMESTAMP_STRUCT);
    }
}

std::string stored_fields(SQLSMALLINT c_type, const unsigned char* bytes) {
    switch (c_type) {
        case SQL_C_TYPE_DATE:
        case SQL_C_DATE: {
            SQL_DATE_STRUCT value{};
            std::memcpy(&value, bytes, sizeof value);
            return date_text(value);
        }
        case SQL_C_TYPE_TIME:
        case SQL_C_TIME: {
            SQL_TIME_STRUCT value{};
            std::memcpy(&value, bytes, sizeof value);
            return time_text(value);
        }
        default: {
            SQL_TIMESTAMP_STRUCT value{};
            std::memcpy(&value, bytes, sizeof value);
            return timestamp_text(value);
        }
    }
}

void check_cases(const std::vector<Case>& cases) {
    for (const auto& c : cases) {
        INFO("text \"" << c.text << "\" into C type " << c.c_type);
        auto buffer = fresh_buffer();
        const Written written = write_datetime(c.text, c.c_type, buffer.data());
        CHECK(name_of(written.outcome) == name_of(c.outcome));
        if (c.outcome == Outcome::ok || c.outcome == Outcome::fractional_truncation) {
            const std::size_t size = struct_size(c.c_type);
            CHECK(written.length == static_cast<SQLLEN>(size));
            CHECK(stored_fields(c.c_type, buffer.data()) == c.fields);
            CHECK(untouched_from(buffer, size));
        } else {
            CHECK(untouched_from(buffer, 0));
        }
    }
}

}  // namespace

TEST_CASE("dates into date and timestamp structs") {
    check_cases({
        {"2024-02-29", SQL_C_TYPE_DATE, Outcome::ok, "2024-2-29"},
        {"2024-02-29", SQL_C_TYPE_TIMESTAMP, Outcome::ok, "2024-2-29 0:0:0.0"},
        {"0001-01-01", SQL_C_TYPE_DATE, Outcome::ok, "1-1-1"},
        {"9999-12-31", SQL_C_TYPE_DATE, Outcome::ok, "9999-12-31"},
        {"2024-02-29", SQL_C_DATE, Outcome::ok, "2024-2-29"},
        {"2024-02-29", SQL_C_TIMESTAMP, Outcome::ok, "2024-2-29 0:0:0.0"},
    });
}

TEST_CASE("timestamps with fractions") {
    check_cases({
        {"2024-02-29 13:05:09.123456", SQL_C_TYPE_TIMESTAMP, Outcome::ok,
         "2024-2-29 13:5:9.123456000"},
        {"2024-02-29 13:05:09.5", SQL_C_TYPE_TIMESTAMP, Outcome::ok, "2024-2-29 13:5:9.500000000"},
        {"2024-02-29 13:05:09.000000001", SQL_C_TYPE_TIMESTAMP, Outcome::ok, "2024-2-29 13:5:9.1"},
        // Digits past nanoseconds are dropped.
        {"2024-02-29 13:05:09.1234567891", SQL_C_TYPE_TIMESTAMP, Outcome::ok,
         "2024-2-29 13:5:9.123456789"},
        {"2024-02-29 13:05:09", SQL_C_TYPE_TIMESTAMP, Outcome::ok, "2024-2-29 13:5:9.0"},
        {"2024-02-29T13:05:09", SQL_C_TYPE_TIMESTAMP, Outcome::ok, "2024-2-29 13:5:9.0"},
        {"2024-02-29 13:05:09.123456", SQL_C_TIMESTAMP, Outcome::ok, "2024-2-29 13:5:9.123456000"},
    });
}

TEST_CASE("a timestamp into a date loses its time (01S07); into a time, its fraction") {
    check_cases({
        {"2024-02-29 13:05:09.123456", SQL_C_TYPE_DATE, Outcome::fractional_truncation,
         "2024-2-29"},
        {"2024-02-29 13:05:09", SQL_C_TYPE_DATE, Outcome::fractional_truncation, "2024-2-29"},
        {"2024-02-29 00:00:00.000001", SQL_C_TYPE_DATE, Outcome::fractional_truncation,
         "2024-2-29"},
        {"2024-02-29 00:00:00", SQL_C_TYPE_DATE, Outcome::ok, "2024-2-29"},
        {"2024-02-29 13:05:09.123456", SQL_C_DATE, Outcome::fractional_truncation, "2024-2-29"},
        {"2024-02-29 13:05:09.123456", SQL_C_TYPE_TIME, Outcome::fractional_truncation, "13:5:9"},
        {"2024-02-29 13:05:09", SQL_C_TYPE_TIME, Outcome::ok, "13:5:9"},
    });
}

TEST_CASE("times, including 24:00:00 and a leap second") {
    check_cases({
        {"13:05:09", SQL_C_TYPE_TIME, Outcome::ok, "13:5:9"},
        {"13:05:09", SQL_C_TIME, Outcome::ok, "13:5:9"},
        {"00:00:00", SQL_C_TYPE_TIME, Outcome::ok, "0:0:0"},
        {"13:05:09.25", SQL_C_TYPE_TIME, Outcome::fractional_truncation, "13:5:9"},
        // PostgreSQL's time allows 24:00:00; it is passed through as written.
        {"24:00:00", SQL_C_TYPE_TIME, Outcome::ok, "24:0:0"},
        {"23:59:60", SQL_C_TYPE_TIME, Outcome::ok, "23:59:60"},
        {"2016-12-31 23:59:60", SQL_C_TYPE_TIMESTAMP, Outcome::ok, "2016-12-31 23:59:60.0"},
        {"25:00:00", SQL_C_TYPE_TIME, Outcome::invalid_character, ""},
        {"23:60:00", SQL_C_TYPE_TIME, Outcome::invalid_character, ""},
        {"23:59:61", SQL_C_TYPE_TIME, Outcome::invalid_character, ""},
        // timetz: the zone is dropped, never silently; timestamptz is already local time.
        {"13:05:09+02", SQL_C_TYPE_TIME, Outcome::fractional_truncation, "13:5:9"},
        {"2024-01-02 13:05:09+02", SQL_C_TYPE_TIMESTAMP, Outcome::ok, "2024-1-2 13:5:9.0"},
        {"13:05:09.5-05:30", SQL_C_TYPE_TIME, Outcome::fractional_truncation, "13:5:9"},
    });
}

TEST_CASE("a time into a timestamp takes today's date") {
    const auto today = [] {
        const std::chrono::year_month_day ymd(
            std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
        return std::to_string(static_cast<int>(ymd.year())) + "-"
               + std::to_string(static_cast<unsigned>(ymd.month())) + "-"
               + std::to_string(static_cast<unsigned>(ymd.day()));
    };
    const std::string before = today();
    auto buffer = fresh_buffer();
    const Written written = write_datetime("13:05:09.5", SQL_C_TYPE_TIMESTAMP, buffer.data());
    const std::string after = today();
    CHECK(written.outcome == Outcome::ok);
    CHECK(written.length == static_cast<SQLLEN>(sizeof(SQL_TIMESTAMP_STRUCT)));
    const std::string fields = stored_fields(SQL_C_TYPE_TIMESTAMP, buffer.data());
    CHECK((fields == before + " 13:5:9.500000000" || fields == after + " 13:5:9.500000000"));
}

TEST_CASE("timestamptz: the zone offset is dropped, the local fields kept") {
    check_cases({
        {"2024-01-01 10:00:00+01", SQL_C_TYPE_TIMESTAMP, Outcome::ok, "2024-1-1 10:0:0.0"},
        {"2024-01-01 10:00:00+05:30", SQL_C_TYPE_TIMESTAMP, Outcome::ok, "2024-1-1 10:0:0.0"},
        {"2024-01-01 10:00:00-08", SQL_C_TYPE_TIMESTAMP, Outcome::ok, "2024-1-1 10:0:0.0"},
        {"2024-01-01 10:00:00.75+00:53:28", SQL_C_TYPE_TIMESTAMP, Outcome::ok,
         "2024-1-1 10:0:0.750000000"},
        {"2024-01-01 10:00:00+01", SQL_C_TYPE_DATE, Outcome::fractional_truncation, "2024-1-1"},
        {"2024-01-01 10:00:00+", SQL_C_TYPE_TIMESTAMP, Outcome::invalid_character, ""},
        {"2024-01-01 10:00:00+05:", SQL_C_TYPE_TIMESTAMP, Outcome::invalid_character, ""},
    });
}

TEST_CASE("BC dates count 1 BC as year 0") {
    check_cases({
        {"0044-03-15 BC", SQL_C_TYPE_DATE, Outcome::ok, "-43-3-15"},
        {"0044-03-15 BC", SQL_C_TYPE_TIMESTAMP, Outcome::ok, "-43-3-15 0:0:0.0"},
        {"0001-01-01 BC", SQL_C_TYPE_DATE, Outcome::ok, "0-1-1"},
        {"0044-03-15 12:30:00 BC", SQL_C_TYPE_TIMESTAMP, Outcome::ok, "-43-3-15 12:30:0.0"},
        {"0044-03-15 12:30:00.5+00:53:28 BC", SQL_C_TYPE_TIMESTAMP, Outcome::ok,
         "-43-3-15 12:30:0.500000000"},
        {"0044-03-15 BC", SQL_C_DATE, Outcome::ok, "-43-3-15"},
        {"0044-03-15 AD", SQL_C_TYPE_DATE, Outcome::invalid_character, ""},
        {"0044-03-15 BCE", SQL_C_TYPE_DATE, Outcome::invalid_character, ""},
    });
}

TEST_CASE("infinite values overflow every datetime type") {
    for (const std::string_view text : {"infinity", "-infinity"}) {
        for (const SQLSMALLINT c_type : {SQL_C_TYPE_DATE, SQL_C_TYPE_TIME, SQL_C_TYPE_TIMESTAMP,
                                         SQL_C_DATE, SQL_C_TIME, SQL_C_TIMESTAMP}) {
            INFO(text << " into " << c_type);
            auto buffer = fresh_buffer();
            const Written written = write_datetime(text, c_type, buffer.data());
            CHECK(written.outcome == Outcome::datetime_overflow);
            CHECK(untouched_from(buffer, 0));
        }
    }
}

TEST_CASE("text that is not a date, time or timestamp is invalid (22018)") {
    std::vector<Case> cases;
    for (const std::string_view text : {"",
                                        "hello",
                                        "2024",
                                        "2024-",
                                        "2024-02",
                                        "2024-02-",
                                        "2024/02/29",
                                        "2024-2-29",
                                        "2024-02-9",
                                        "2024-13-01",
                                        "2024-00-10",
                                        "2024-01-00",
                                        "2024-01-32",
                                        "2024-02-29x",
                                        "2024-02-29 13:05",
                                        "2024-02-29 13:05:09.",
                                        "2024-02-29 13:05:09 x",
                                        "13:05",
                                        "1:05:09",
                                        "13:5:09",
                                        "ab:cd:ef",
                                        "Infinity",
                                        "now"}) {
        cases.push_back({text, SQL_C_TYPE_TIMESTAMP, Outcome::invalid_character, ""});
    }
    // A time has no date to give a date struct.
    cases.push_back({"13:05:09", SQL_C_TYPE_DATE, Outcome::invalid_character, ""});
    check_cases(cases);
}

TEST_CASE("years past 9999 are kept while they fit SQLSMALLINT") {
    // PostgreSQL prints years above 9999 with more digits; the struct's year field takes them.
    check_cases({
        {"12345-01-01", SQL_C_TYPE_DATE, Outcome::ok, "12345-1-1"},
        {"12345-01-01 00:00:00", SQL_C_TYPE_TIMESTAMP, Outcome::ok, "12345-1-1 0:0:0.0"},
        {"32767-12-31", SQL_C_TYPE_DATE, Outcome::ok, "32767-12-31"},
        {"32768-12-31 BC", SQL_C_TYPE_DATE, Outcome::ok, "-32767-12-31"},
    });
    // Beyond SQLSMALLINT nothing is stored (the outcome is an error, never a wrapped year).
    for (const std::string_view text : {"32768-01-01", "294276-12-31", "40000-01-01 BC"}) {
        INFO(text);
        auto buffer = fresh_buffer();
        const Written written = write_datetime(text, SQL_C_TYPE_DATE, buffer.data());
        CHECK(written.outcome != Outcome::ok);
        CHECK(written.outcome != Outcome::fractional_truncation);
        CHECK(untouched_from(buffer, 0));
    }
}

TEST_CASE("a null target still reports the struct size") {
    CHECK(write_datetime("2024-02-29", SQL_C_TYPE_DATE, nullptr).length
          == static_cast<SQLLEN>(sizeof(SQL_DATE_STRUCT)));
    CHECK(write_datetime("13:05:09", SQL_C_TYPE_TIME, nullptr).length
          == static_cast<SQLLEN>(sizeof(SQL_TIME_STRUCT)));
    CHECK(write_datetime("2024-02-29 13:05:09", SQL_C_TYPE_TIMESTAMP, nullptr).length
          == static_cast<SQLLEN>(sizeof(SQL_TIMESTAMP_STRUCT)));
}

TEST_CASE("is_datetime_c_type") {
    for (const SQLSMALLINT c_type : {SQL_C_TYPE_DATE, SQL_C_TYPE_TIME, SQL_C_TYPE_TIMESTAMP,
                                     SQL_C_DATE, SQL_C_TIME, SQL_C_TIMESTAMP}) {
        CAPTURE(c_type);
        CHECK(rsodbc::types::is_datetime_c_type(c_type));
    }
    for (const SQLSMALLINT c_type :
         {SQL_C_CHAR, SQL_C_WCHAR, SQL_C_SLONG, SQL_C_DOUBLE, SQL_C_BINARY, SQL_C_INTERVAL_DAY}) {
        CAPTURE(c_type);
        CHECK_FALSE(rsodbc::types::is_datetime_c_type(c_type));
    }
}
