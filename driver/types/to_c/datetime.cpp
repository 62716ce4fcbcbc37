// Server date/time text ("2024-02-29", "13:05:09.123456", "2024-02-29 13:05:09.5+01",
// "0044-03-15 BC", "infinity") -> ODBC date, time and timestamp structs. Hand-written and
// locale-free: the server's ISO output is fixed by client DateStyle ISO (the default).
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

class Reader {
public:
    explicit Reader(std::string_view text) : text_(text) {}

    [[nodiscard]] bool done() const { return position_ >= text_.size(); }

    [[nodiscard]] char peek() const { return done() ? '\0' : text_[position_]; }

    bool accept(char c) {
        if (peek() != c) {
            return false;
        }
        ++position_;
        return true;
    }

    // Reads at least `min_digits` decimal digits (and at most 9).
    std::optional<unsigned> number(std::size_t min_digits, std::size_t* count = nullptr) {
        unsigned value = 0;
        std::size_t digits = 0;
        while (!done() && digits < 9 && peek() >= '0' && peek() <= '9') {
            value = value * 10 + static_cast<unsigned>(peek() - '0');
            ++position_;
            ++digits;
        }
        if (count != nullptr) {
            *count = digits;
        }
        return digits >= min_digits ? std::optional<unsigned>(value) : std::nullopt;
    }

    [[nodiscard]] std::string_view rest() const { return text_.substr(position_); }

private:
    std::string_view text_;
    std::size_t position_ = 0;
};

bool read_time(Reader& in, DateTimeParts& parts) {
    const auto hour = in.number(2);
    if (!hour || !in.accept(':')) {
        return false;
    }
    const auto minute = in.number(2);
    if (!minute || !in.accept(':')) {
        return false;
    }
    const auto second = in.number(2);
    if (!second) {
        return false;
    }
    parts.has_time = true;
    parts.hour = *hour;
    parts.minute = *minute;
    parts.second = *second;
    if (in.accept('.')) {
        std::size_t digits = 0;
        auto fraction = in.number(1, &digits);
        if (!fraction) {
            return false;
        }
        while (digits++ < 9) {
            *fraction *= 10;
        }
        parts.fraction_ns = *fraction;
        while (in.peek() >= '0' && in.peek() <= '9') {
            in.accept(in.peek());  // digits past nanoseconds carry nothing ODBC can hold
        }
    }
    return true;
}

// A trailing zone ("+01", "-05:30") is read past: timestamptz arrives in the session's time zone,
// so its local time is the value; a timetz's offset has no place in a struct (has_zone: 01S07).
bool skip_zone(Reader& in, DateTimeParts& parts) {
    if (in.peek() != '+' && in.peek() != '-') {
        return true;
    }
    parts.has_zone = true;
    in.accept(in.peek());
    if (!in.number(2)) {
        return false;
    }
    while (in.accept(':')) {
        if (!in.number(2)) {
            return false;
        }
    }
    return true;
}

std::optional<DateTimeParts> parse(std::string_view text) {
    DateTimeParts parts;
    Reader in(text);
    const bool starts_as_time = text.size() > 2 && text[2] == ':';
    if (!starts_as_time) {
        const auto year = in.number(4);
        if (!year || !in.accept('-')) {
            return std::nullopt;
        }
        const auto month = in.number(2);
        if (!month || !in.accept('-')) {
            return std::nullopt;
        }
        const auto day = in.number(2);
        if (!day) {
            return std::nullopt;
        }
        parts.has_date = true;
        parts.year = static_cast<int>(*year);
        parts.month = *month;
        parts.day = *day;
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
