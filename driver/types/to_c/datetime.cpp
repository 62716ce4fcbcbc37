// Server date/time text ("2024-02-29", "13:05:09.123456", "2024-02-29 13:05:09.5+01",
// "0044-03-15 BC", "infinity") -> ODBC date, time and timestamp structs. Hand-written and
// locale-free: the server's ISO output is fixed by client DateStyle ISO (the default).
#include "types/text_cursor.h"
#include "types/to_c/convert.h"

#include <chrono>
#include <cstring>
#include <optional>

namespace rsodbc::types {

namespace {

struct DateTimeParts {
    bool has_date = false;
    bool has_time = false;
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    unsigned hour = 0;
    unsigned minute = 0;
    unsigned second = 0;
    unsigned fraction_ns = 0;
    bool has_zone = false;
};

bool read_time(TextCursor& in, DateTimeParts& parts) {
    // Two digits or more (up to nine), as the server prints them.
    if (!in.digits(2, 9, parts.hour) || !in.accept(':') || !in.digits(2, 9, parts.minute)
        || !in.accept(':') || !in.digits(2, 9, parts.second)) {
        return false;
    }
    parts.has_time = true;
    if (in.accept('.')) {
        // Digits past nanoseconds carry nothing ODBC can hold.
        const TextCursor::Fraction fraction = in.fraction(9);
        if (fraction.count == 0) {
            return false;
        }
        parts.fraction_ns = fraction.value;
    }
    return true;
}

// A trailing zone ("+01", "-05:30") is read past: timestamptz arrives in the session's time zone,
// so its local time is the value; a timetz's offset has no place in a struct (has_zone: 01S07).
bool skip_zone(TextCursor& in, DateTimeParts& parts) {
    if (in.peek() != '+' && in.peek() != '-') {
        return true;
    }
    parts.has_zone = true;
    in.accept(in.peek());
    unsigned ignored = 0;
    if (!in.digits(2, 9, ignored)) {
        return false;
    }
    while (in.accept(':')) {
        if (!in.digits(2, 9, ignored)) {
            return false;
        }
    }
    return true;
}

std::optional<DateTimeParts> parse(std::string_view text) {
    DateTimeParts parts;
    TextCursor in(text);
    const bool starts_as_time = text.size() > 2 && text[2] == ':';
    if (!starts_as_time) {
        unsigned year = 0;
        if (!in.digits(4, 9, year) || !in.accept('-') || !in.digits(2, 9, parts.month)
            || !in.accept('-') || !in.digits(2, 9, parts.day)) {
            return std::nullopt;
        }
        parts.has_date = true;
        parts.year = static_cast<int>(year);
        // A date-only BC value ("0044-03-15 BC") has no time: leave " BC" for the check below.
        if (in.rest() != " BC" && !in.accept(' ') && !in.accept('T')) {
            if (in.done()) {
                return parts;
            }
        }
    }
    if (!in.done() && in.peek() != ' ') {
        if (!read_time(in, parts) || !skip_zone(in, parts)) {
            return std::nullopt;
        }
    }
    if (in.rest() == " BC") {
        parts.year = 1 - parts.year;  // 1 BC is year 0 in ISO 8601 numbering
    } else if (!in.done()) {
        return std::nullopt;
    }
    return parts;
}

bool valid(const DateTimeParts& parts) {
    const bool date_ok = !parts.has_date
                         || (parts.month >= 1 && parts.month <= 12 && parts.day >= 1
                             && parts.day <= 31 && parts.year >= -32768 && parts.year <= 32767);
    // 24:00:00 is a valid PostgreSQL time; leap second 60 is accepted as written.
    const bool time_ok =
        !parts.has_time || (parts.hour <= 24 && parts.minute <= 59 && parts.second <= 60);
    return date_ok && time_ok;
}

void fill_today(DateTimeParts& parts) {
    // ODBC: a time converted to a timestamp takes the current date.
    const auto today = std::chrono::year_month_day(
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
    parts.year = static_cast<int>(today.year());
    parts.month = static_cast<unsigned>(today.month());
    parts.day = static_cast<unsigned>(today.day());
}

template <class Struct>
Written store(const Struct& value, void* data, Outcome outcome) {
    if (data != nullptr) {
        std::memcpy(data, &value, sizeof value);
    }
    return {outcome, static_cast<SQLLEN>(sizeof value)};
}

}  // namespace

Written write_datetime(std::string_view text, SQLSMALLINT c_type, void* data) {
    if (text == "infinity" || text == "-infinity") {
        return {Outcome::datetime_overflow, 0};
    }
    auto parts = parse(text);
    if (!parts || !valid(*parts)) {
        return {Outcome::invalid_character, 0};
    }
    switch (c_type) {
        case SQL_C_TYPE_DATE:
        case SQL_C_DATE: {
            if (!parts->has_date) {
                return {Outcome::invalid_character, 0};
            }
            const bool time_lost = parts->hour != 0 || parts->minute != 0 || parts->second != 0
                                   || parts->fraction_ns != 0;
            const SQL_DATE_STRUCT value{static_cast<SQLSMALLINT>(parts->year),
                                        static_cast<SQLUSMALLINT>(parts->month),
                                        static_cast<SQLUSMALLINT>(parts->day)};
            return store(value, data, time_lost ? Outcome::fractional_truncation : Outcome::ok);
        }
        case SQL_C_TYPE_TIME:
        case SQL_C_TIME: {
            const SQL_TIME_STRUCT value{static_cast<SQLUSMALLINT>(parts->hour),
                                        static_cast<SQLUSMALLINT>(parts->minute),
                                        static_cast<SQLUSMALLINT>(parts->second)};
            // A timetz offset is lost in the struct: never silently (01S07).
            const bool zone_lost = parts->has_zone && !parts->has_date;
            return store(value, data,
                         parts->fraction_ns != 0 || zone_lost ? Outcome::fractional_truncation
                                                              : Outcome::ok);
        }
        default: {
            const bool zone_lost = parts->has_zone && !parts->has_date;
            if (!parts->has_date) {
                fill_today(*parts);
            }
            const SQL_TIMESTAMP_STRUCT value{static_cast<SQLSMALLINT>(parts->year),
                                             static_cast<SQLUSMALLINT>(parts->month),
                                             static_cast<SQLUSMALLINT>(parts->day),
                                             static_cast<SQLUSMALLINT>(parts->hour),
                                             static_cast<SQLUSMALLINT>(parts->minute),
                                             static_cast<SQLUSMALLINT>(parts->second),
                                             parts->fraction_ns};
            return store(value, data, zone_lost ? Outcome::fractional_truncation : Outcome::ok);
        }
    }
}

}  // namespace rsodbc::types
