// Date, time and timestamp: the SQL_C_TYPE_DATE/TIME/TIMESTAMP structs (and their ODBC 2
// twins) and character data in ODBC literal form bound to datetime targets. ODBC appendix D,
// "C to SQL: Date", "Time", "Timestamp" and the datetime rows of "C to SQL: Character".
#include "types/from_c/detail.h"
#include "types/text_cursor.h"

#include <charconv>
#include <chrono>
#include <cstring>
#include <optional>

namespace rsodbc::types::from_c {

namespace {

enum class StampKind { date, time, timestamp };
enum class StampOrigin { structure, text };

struct Stamp {
    StampKind kind = StampKind::timestamp;
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    unsigned hour = 0;
    unsigned minute = 0;
    unsigned second = 0;
    std::uint32_t fraction = 0;  // nanoseconds
    bool beyond_nanos = false;   // text only: non-zero digits past the ninth
};

bool is_leap(int year) {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

unsigned days_in(int year, unsigned month) {
    constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

// Years 1 to 9999: the four-digit years of ODBC's date literal, all of them Redshift dates.
bool valid_date(const Stamp& s) {
    return s.year >= 1 && s.year <= 9999 && s.month >= 1 && s.month <= 12 && s.day >= 1
           && s.day <= days_in(s.year, s.month);
}

bool valid_time(const Stamp& s) {
    return s.hour <= 23 && s.minute <= 59 && s.second <= 59 && s.fraction <= 999'999'999;
}

// Writes `value` with at least `width` digits (leading zeros) ending just before `end`; returns
// where the digits start.
char* put_padded(unsigned value, std::size_t width, char* end) {
    char* at = end;
    do {
        *--at = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value != 0);
    while (static_cast<std::size_t>(end - at) < width) {
        *--at = '0';
    }
    return at;
}

void append_date(const Stamp& s, std::string& out) {
    char buffer[24];  // a SQLSMALLINT year has at most five digits
    char* const end = buffer + sizeof buffer;
    char* at = put_padded(s.day, 2, end);
    *--at = '-';
    at = put_padded(s.month, 2, at);
    *--at = '-';
    at = put_padded(static_cast<unsigned>(s.year), 4, at);
    out.append(at, end);
}

// hh:mm:ss, then the fraction without trailing zeros (".12", not ".120000000").
void append_time(const Stamp& s, std::string& out) {
    char buffer[40];
    char* const end = buffer + sizeof buffer;
    char* digits_end = end;
    if (s.fraction != 0) {
        std::uint32_t fraction = s.fraction;
        std::size_t width = 9;
        for (; fraction % 10 == 0; fraction /= 10) {
            --width;
        }
        digits_end = put_padded(fraction, width, end) - 1;
        *digits_end = '.';
    }
    char* at = put_padded(s.second, 2, digits_end);
    *--at = ':';
    at = put_padded(s.minute, 2, at);
    *--at = ':';
    at = put_padded(s.hour, 2, at);
    out.append(at, end);
}

// Digits of fraction the target keeps: SQL_DESC_PRECISION (decimal digits) 1-5 narrows it;
// 0, which most applications pass without meaning "whole seconds", and 6 or more mean the
// server's microseconds.
std::uint32_t kept_unit(const ParamTarget& target) {
    const int digits =
        target.decimal_digits >= 1 && target.decimal_digits <= 5 ? target.decimal_digits : 6;
    std::uint32_t unit = 1;
    for (int i = digits; i < 9; ++i) {
        unit *= 10;
    }
    return unit;
}

void set_today(Stamp& s) {
    // "The date portion ... is set to the current date": UTC, as the SQL -> C direction does.
    const std::chrono::year_month_day today(
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
    s.year = static_cast<int>(today.year());
    s.month = static_cast<unsigned>(today.month());
    s.day = static_cast<unsigned>(today.day());
}

// The pairs appendix D lists: character and timestamp targets take any stamp; a date target
// needs a date part, a time target a time part.
bool pair_exists(SqlFamily kind, StampKind stamp) {
    return is_character(kind) || kind == SqlFamily::timestamp
           || (kind == SqlFamily::date && stamp != StampKind::time)
           || (kind == SqlFamily::time && stamp != StampKind::date);
}

bool valid_stamp(const Stamp& s) {
    return (s.kind == StampKind::time || valid_date(s))
           && (s.kind == StampKind::date || valid_time(s));
}

Outcome write_date(const Stamp& s, std::string& out) {
    // "Time portion is nonzero": 22008, never a silently dropped time.
    if (s.kind == StampKind::timestamp
        && (s.hour != 0 || s.minute != 0 || s.second != 0 || s.fraction != 0 || s.beyond_nanos)) {
        return Outcome::datetime_overflow;
    }
    append_date(s, out);
    return Outcome::ok;
}

Outcome write_time(const Stamp& s, std::string& out) {
    // ODBC's time has no fractional seconds: a timestamp's must be zero. A time literal
    // may carry them (Redshift's TIME keeps microseconds), to microseconds.
    if (s.kind == StampKind::timestamp && (s.fraction != 0 || s.beyond_nanos)) {
        return Outcome::datetime_overflow;
    }
    if (s.fraction % 1000 != 0 || s.beyond_nanos) {
        return Outcome::datetime_overflow;
    }
    append_time(s, out);
    return Outcome::ok;
}

Outcome write_timestamp(Stamp s, StampOrigin origin, const ParamTarget& target, std::string& out) {
    if (s.kind == StampKind::time) {
        set_today(s);
        if (origin == StampOrigin::structure) {
            s.fraction = 0;
        }
    }
    // "Fractional seconds fields are truncated": 22008.
    if (s.fraction % kept_unit(target) != 0 || s.beyond_nanos) {
        return Outcome::datetime_overflow;
    }
    append_date(s, out);
    out += ' ';
    append_time(s, out);
    return Outcome::ok;
}

// Character targets: the literal's own form.
Outcome write_literal(const Stamp& s, const ParamTarget& target, std::string& out) {
    if (s.kind != StampKind::time) {
        append_date(s, out);
    }
    if (s.kind == StampKind::timestamp) {
        out += ' ';
    }
    if (s.kind != StampKind::date) {
        append_time(s, out);
    }
    if (!fits_column(out, target)) {
        return Outcome::string_right_truncated;
    }
    return Outcome::ok;
}

Outcome write_stamp(const Stamp& s, StampOrigin origin, SqlFamily kind, const ParamTarget& target,
                    std::string& out) {
    switch (kind) {
        case SqlFamily::date:
            return write_date(s, out);
        case SqlFamily::time:
            return write_time(s, out);
        case SqlFamily::timestamp:
            return write_timestamp(s, origin, target, out);
        default:
            return write_literal(s, target, out);
    }
}

Encoded encode_stamp(const Stamp& s, StampOrigin origin, const ParamTarget& target,
                     std::string& out) {
    out.clear();
    const SqlFamily kind = sql_family(target.sql_type);
    if (!pair_exists(kind, s.kind)) {
        // Struct: a pair appendix D does not list (07006). Text: "not a valid date-literal or
        // timestamp-literal" for this target (22018).
        return fail(
            origin == StampOrigin::structure ? Outcome::unsupported : Outcome::invalid_character,
            out);
    }
    if (!valid_stamp(s)) {
        // A struct that is not a valid date is 22008 into character targets and 22007 into
        // datetime targets (appendix D). Text that reads as a literal but names a day or time
        // that does not exist (month 13, February 30, hour 24) is a field overflow: 22008.
        return fail(origin == StampOrigin::structure && !is_character(kind)
                        ? Outcome::invalid_datetime_format
                        : Outcome::datetime_overflow,
                    out);
    }
    const Outcome outcome = write_stamp(s, origin, kind, target, out);
    if (outcome != Outcome::ok) {
        return fail(outcome, out);
    }
    return finish(Outcome::ok, target, out);
}

bool read_date(TextCursor& in, Stamp& s) {
    unsigned year = 0;
    if (!in.digits(4, 4, year) || !in.accept('-') || !in.digits(1, 2, s.month) || !in.accept('-')
        || !in.digits(1, 2, s.day)) {
        return false;
    }
    s.year = static_cast<int>(year);
    return true;
}

bool read_time(TextCursor& in, Stamp& s) {
    if (!in.digits(1, 2, s.hour) || !in.accept(':') || !in.digits(1, 2, s.minute) || !in.accept(':')
        || !in.digits(1, 2, s.second)) {
        return false;
    }
    if (in.accept('.')) {
        const TextCursor::Fraction fraction = in.fraction(9);
        s.fraction = fraction.value;
        s.beyond_nanos = fraction.lost;
        return fraction.count > 0;
    }
    return true;
}

// date-literal, time-literal or timestamp-literal values (appendix C), with 'T' also accepted
// between date and time (ISO 8601).
std::optional<Stamp> parse_value(std::string_view text) {
    Stamp s;
    TextCursor in(text);
    if (text.size() > 4 && text[4] == '-') {
        if (!read_date(in, s)) {
            return std::nullopt;
        }
        if (in.done()) {
            s.kind = StampKind::date;
            return s;
        }
        if (!in.accept(' ') && !in.accept('T')) {
            return std::nullopt;
        }
        s.kind = StampKind::timestamp;
    } else {
        s.kind = StampKind::time;
    }
    if (!read_time(in, s) || !in.done()) {
        return std::nullopt;
    }
    return s;
}

// The ODBC escape forms {d '...'}, {t '...'} and {ts '...'}; the keyword must match the value.
std::optional<Stamp> parse_literal(std::string_view text) {
    if (text.empty() || text.front() != '{') {
        return parse_value(text);
    }
    if (text.back() != '}') {
        return std::nullopt;
    }
    std::string_view body = trim_blanks(text.substr(1, text.size() - 2));
    const std::size_t quote = body.find('\'');
    if (quote == std::string_view::npos || body.size() < quote + 2 || body.back() != '\'') {
        return std::nullopt;
    }
    std::string_view keyword = trim_blanks(body.substr(0, quote));
    StampKind expected{};
    auto is = [&keyword](std::string_view lower) {
        if (keyword.size() != lower.size()) {
            return false;
        }
        for (std::size_t i = 0; i < lower.size(); ++i) {
            if ((keyword[i] | 0x20) != lower[i]) {
                return false;
            }
        }
        return true;
    };
    if (is("d")) {
        expected = StampKind::date;
    } else if (is("t")) {
        expected = StampKind::time;
    } else if (is("ts")) {
        expected = StampKind::timestamp;
    } else {
        return std::nullopt;
    }
    auto value = parse_value(body.substr(quote + 1, body.size() - quote - 2));
    if (!value || value->kind != expected) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

Encoded encode_datetime(const ParamSource& source, const ParamTarget& target, std::string& out) {
    Stamp s;
    switch (source.c_type) {
        case SQL_C_TYPE_DATE:
        case SQL_C_DATE: {
            SQL_DATE_STRUCT date{};
            std::memcpy(&date, source.data, sizeof date);
            s.kind = StampKind::date;
            s.year = date.year;
            s.month = date.month;
            s.day = date.day;
            break;
        }
        case SQL_C_TYPE_TIME:
        case SQL_C_TIME: {
            SQL_TIME_STRUCT time{};
            std::memcpy(&time, source.data, sizeof time);
            s.kind = StampKind::time;
            s.hour = time.hour;
            s.minute = time.minute;
            s.second = time.second;
            break;
        }
        default: {
            SQL_TIMESTAMP_STRUCT stamp{};
            std::memcpy(&stamp, source.data, sizeof stamp);
            s.kind = StampKind::timestamp;
            s.year = stamp.year;
            s.month = stamp.month;
            s.day = stamp.day;
            s.hour = stamp.hour;
            s.minute = stamp.minute;
            s.second = stamp.second;
            s.fraction = stamp.fraction;
            break;
        }
    }
    return encode_stamp(s, StampOrigin::structure, target, out);
}

Encoded encode_datetime_text(std::string_view text, const ParamTarget& target, std::string& out) {
    const auto stamp = parse_literal(text);
    if (!stamp) {
        return fail(Outcome::invalid_character, out);
    }
    return encode_stamp(*stamp, StampOrigin::text, target, out);
}

}  // namespace rsodbc::types::from_c
