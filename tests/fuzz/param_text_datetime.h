#pragma once

// The shape of date, time and timestamp parameter text the driver sends, checked field by field
// for fuzz_param_text: whatever literal the application wrote, the server must get one
// unambiguous form it reads the same way under any DateStyle.

#include "property_failure.h"

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace rsodbc::fuzz {

// The unsigned number in `text[at, at + width)`, or -1 when those are not all digits.
inline long digits_at(std::string_view text, std::size_t at, std::size_t width) {
    if (at + width > text.size()) {
        return -1;
    }
    long value = 0;
    for (std::size_t i = at; i < at + width; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return -1;
        }
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

inline bool is_leap_year(long year) {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

// YYYY-MM-DD, a day that exists, years 1 to 9999 (ODBC's four-digit years).
inline void check_date_text(std::string_view text) {
    require(text.size() == 10 && text[4] == '-' && text[7] == '-', "a date is sent as YYYY-MM-DD");
    const long year = digits_at(text, 0, 4);
    const long month = digits_at(text, 5, 2);
    const long day = digits_at(text, 8, 2);
    require(year >= 1 && month >= 1 && month <= 12 && day >= 1, "a date's fields are in range");
    constexpr long month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const long last = month == 2 && is_leap_year(year) ? 29 : month_days[month - 1];
    require(day <= last, "a date sent exists in the calendar");
}

// HH:MM:SS, then at most `max_fraction` fractional digits without trailing zeros.
inline void check_time_text(std::string_view text, std::size_t max_fraction) {
    require(text.size() >= 8 && text[2] == ':' && text[5] == ':', "a time is sent as HH:MM:SS");
    const long hour = digits_at(text, 0, 2);
    const long minute = digits_at(text, 3, 2);
    const long second = digits_at(text, 6, 2);
    require(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59,
            "a time's fields are in range");
    if (text.size() == 8) {
        return;
    }
    const std::size_t fraction = text.size() - 9;
    require(text[8] == '.' && fraction >= 1 && digits_at(text, 9, fraction) >= 0,
            "fractional seconds follow a point");
    require(fraction <= max_fraction, "no more fractional digits than the target keeps");
    require(text.back() != '0', "fractional seconds are sent without trailing zeros");
}

// Fractional digits a timestamp parameter keeps: its decimal digits when 1 to 5, else the
// server's microseconds (0 is what most applications pass without meaning "whole seconds").
inline std::size_t kept_fraction_digits(int decimal_digits) {
    return decimal_digits >= 1 && decimal_digits <= 5 ? static_cast<std::size_t>(decimal_digits)
                                                      : 6;
}

inline void check_timestamp_text(std::string_view text, int decimal_digits) {
    require(text.size() >= 19 && text[10] == ' ', "a timestamp is sent as date, blank, time");
    check_date_text(text.substr(0, 10));
    check_time_text(text.substr(11), kept_fraction_digits(decimal_digits));
}

inline std::string date_text(std::chrono::sys_days day) {
    const std::chrono::year_month_day ymd(day);
    const auto two = [](unsigned value) {
        return (value < 10 ? "0" : "") + std::to_string(value);
    };
    return std::to_string(static_cast<int>(ymd.year())) + '-'
           + two(static_cast<unsigned>(ymd.month())) + '-' + two(static_cast<unsigned>(ymd.day()));
}

// A time literal bound to a timestamp target takes today's date (UTC, appendix D), so two
// encodings of it a moment apart may differ there, once a day: today's or yesterday's date.
inline bool is_recent_date(std::string_view date) {
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return date == date_text(today) || date == date_text(today - std::chrono::days{1});
}

// Two timestamp texts that are the same but for a date that turned over between the calls.
inline bool same_but_today(std::string_view a, std::string_view b) {
    return a.size() >= 19 && b.size() >= 19 && a.substr(10) == b.substr(10)
           && is_recent_date(a.substr(0, 10)) && is_recent_date(b.substr(0, 10));
}

}  // namespace rsodbc::fuzz
