#pragma once

// The shape of interval parameter text, checked for fuzz_param_text. The driver sends
// PostgreSQL's own output style ("1 year 2 mons", "-3 days -04:05:06.5"), which the server reads
// back exactly; this reads that text apart and checks it against the target's fields (ODBC
// appendix D, interval rows of "C to SQL: Character"): nothing below the trailing field, nothing
// that PostgreSQL's 32-bit months and days or 64-bit microseconds cannot hold.

#include "param_text_case.h"
#include "param_text_numbers.h"
#include "property_failure.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rsodbc::fuzz {

struct IntervalParts {
    bool negative = false;  // every part carries the same sign
    std::optional<std::uint64_t> years;
    std::optional<std::uint64_t> months;
    std::optional<std::uint64_t> days;
    bool has_clock = false;
    std::uint64_t hours = 0;
    std::uint64_t minutes = 0;
    std::uint64_t seconds = 0;
    std::uint64_t micros = 0;  // the fraction, in microseconds

    [[nodiscard]] bool clock_is_zero() const {
        return hours == 0 && minutes == 0 && seconds == 0 && micros == 0;
    }
};

inline std::vector<std::string_view> split_blanks(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ' ') {
            words.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    return words;
}

// Unsigned digits without leading zeros beyond `min_width` (PostgreSQL pads hours to two).
inline std::uint64_t interval_number(std::string_view digits, std::size_t min_width = 1) {
    require(!digits.empty() && digits.size() <= 19, "interval fields are 1 to 19 digits");
    require(digits.size() <= min_width || digits.front() != '0',
            "interval fields have no extra leading zeros");
    std::uint64_t value = 0;
    for (const char c : digits) {
        require(c >= '0' && c <= '9', "interval fields are digits");
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return value;
}

// The sign of one part: the first part decides, the others must agree.
inline std::string_view interval_sign(std::string_view word, bool first, IntervalParts& parts) {
    const bool negative = !word.empty() && word.front() == '-';
    require(first || negative == parts.negative, "every interval part has the same sign");
    parts.negative = negative;
    return negative ? word.substr(1) : word;
}

// HH:MM:SS[.ffffff]
inline void read_clock(std::string_view clock, IntervalParts& parts) {
    const std::size_t colon = clock.find(':');
    require(colon != std::string_view::npos && clock.size() >= colon + 6 && clock[colon + 3] == ':',
            "interval time is HH:MM:SS");
    parts.has_clock = true;
    parts.hours = interval_number(clock.substr(0, colon), 2);
    require(colon >= 2, "interval hours have two digits at least");
    parts.minutes = interval_number(clock.substr(colon + 1, 2), 2);
    parts.seconds = interval_number(clock.substr(colon + 4, 2), 2);
    require(parts.minutes <= 59 && parts.seconds <= 59, "interval minutes and seconds below 60");
    const std::string_view fraction = clock.substr(colon + 6);
    if (fraction.empty()) {
        return;
    }
    require(fraction.size() >= 2 && fraction.size() <= 7 && fraction.front() == '.'
                && fraction.back() != '0',
            "interval fractions are 1 to 6 digits without trailing zeros");
    parts.micros = interval_number(fraction.substr(1), 6);
    for (std::size_t i = fraction.size() - 1; i < 6; ++i) {
        parts.micros *= 10;
    }
}

// `value unit` with the unit singular exactly when PostgreSQL prints it so (1, not -1).
inline void read_unit(std::uint64_t value, std::string_view unit, IntervalParts& parts) {
    const bool plural = value != 1 || parts.negative;
    std::optional<std::uint64_t>* slot = nullptr;
    std::string_view singular;
    if (unit.starts_with("year")) {
        slot = &parts.years, singular = "year";
    } else if (unit.starts_with("mon")) {
        slot = &parts.months, singular = "mon";
    } else {
        slot = &parts.days, singular = "day";
    }
    require(unit.size() == singular.size() + (plural ? 1 : 0) && unit.starts_with(singular)
                && (!plural || unit.back() == 's'),
            "interval units are year(s), mon(s) or day(s), plural but for 1");
    require(!slot->has_value() && !parts.has_clock, "interval parts come once, in order");
    require(slot != &parts.years || (!parts.months && !parts.days), "years come first");
    require(slot != &parts.months || !parts.days, "months come before days");
    *slot = value;
}

inline IntervalParts read_interval_text(std::string_view text) {
    IntervalParts parts;
    const std::vector<std::string_view> words = split_blanks(text);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string_view word = interval_sign(words[i], i == 0, parts);
        const bool unit_follows = i + 1 < words.size() && !words[i + 1].empty()
                                  && words[i + 1].front() >= 'a' && words[i + 1].front() <= 'z';
        if (unit_follows) {
            read_unit(interval_number(word), words[i + 1], parts);
            ++i;
            continue;
        }
        require(!parts.has_clock && i + 1 == words.size(), "the interval time comes last, once");
        read_clock(word, parts);
    }
    return parts;
}

inline void check_year_month(const IntervalParts& parts, const TargetType& type) {
    require(!parts.days && !parts.has_clock, "a year-month interval has no days or time");
    require(parts.years || parts.months, "a year-month interval has years or months");
    require(!parts.years || *parts.years != 0, "zero years are not printed");
    require(!parts.months || *parts.months <= 11, "months beyond 11 are printed as years");
    require(!(parts.years && parts.months) || *parts.months != 0, "zero months follow no years");
    require(type.trailing != Field::year || !parts.months || *parts.months == 0,
            "an interval with trailing YEAR has no months");
    const std::uint64_t total = parts.years.value_or(0) * 12 + parts.months.value_or(0);
    require(total <= static_cast<std::uint64_t>(std::numeric_limits<std::int32_t>::max()),
            "PostgreSQL holds the months in 32 bits");
    require(!parts.negative || total != 0, "zero has no sign");
}

inline void check_day_time(const IntervalParts& parts, const TargetType& type) {
    require(!parts.years && !parts.months, "a day-time interval has no years or months");
    require(!parts.days || *parts.days != 0, "zero days are not printed");
    require(parts.has_clock != (parts.days && parts.clock_is_zero()),
            "the time is printed unless it is zero after days");
    require(type.leading == Field::day || !parts.days,
            "days fold into hours below a leading DAY field");
    require(type.leading != Field::day || parts.hours <= 23,
            "with a DAY field, hours stay below 24");
    require(type.trailing != Field::day || parts.clock_is_zero(),
            "an interval with trailing DAY has no time");
    require(type.trailing != Field::hour
                || (parts.minutes == 0 && parts.seconds == 0 && parts.micros == 0),
            "an interval with trailing HOUR has no minutes or seconds");
    require(type.trailing != Field::minute || (parts.seconds == 0 && parts.micros == 0),
            "an interval with trailing MINUTE has no seconds");
    require(parts.days.value_or(0)
                <= static_cast<std::uint64_t>(std::numeric_limits<std::int32_t>::max()),
            "PostgreSQL holds the days in 32 bits");
    const unsigned __int128 micros =
        ((static_cast<unsigned __int128>(parts.hours) * 60 + parts.minutes) * 60 + parts.seconds)
            * 1'000'000
        + parts.micros;
    require(micros <= static_cast<unsigned __int128>(std::numeric_limits<std::int64_t>::max()),
            "PostgreSQL holds the time in 64-bit microseconds");
    require(!parts.negative || parts.days || micros != 0, "zero has no sign");
}

inline std::string_view field_name(Field field) {
    switch (field) {
        case Field::year:
            return "YEAR";
        case Field::month:
            return "MONTH";
        case Field::day:
            return "DAY";
        case Field::hour:
            return "HOUR";
        case Field::minute:
            return "MINUTE";
        default:
            return "SECOND";
    }
}

// The words after an interval literal's closing quote, upper case, single blanks, precisions
// ("(3)", "(2, 6)") left out.
inline std::string qualifier_words(std::string_view text) {
    std::string words;
    int depth = 0;
    for (const char c : text) {
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        if (depth != 0 || c == ')') {
            words += ' ';
        } else {
            words += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        }
    }
    std::string single;
    for (const char c : words) {
        const bool blank =
            c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (!blank) {
            single += c;
        } else if (!single.empty() && single.back() != ' ') {
            single += ' ';
        }
    }
    if (!single.empty() && single.back() == ' ') {
        single.pop_back();
    }
    return single;
}

// ODBC's interval literal, INTERVAL [sign] 'value' qualifier (appendix C), says which fields its
// value holds: one the driver sends for a target must name the target's fields, or text it
// cannot be without: '3' YEAR sent as 3 days would be silently wrong data.
inline void check_interval_qualifier(std::string_view chars, const TargetType& type) {
    std::string_view body = without_blanks(chars);
    if (body.size() >= 2 && body.front() == '{' && body.back() == '}') {
        body = without_blanks(body.substr(1, body.size() - 2));
    }
    if (body.size() < 8 || !same_ignoring_case(body.substr(0, 8), "interval")) {
        return;
    }
    const std::size_t open = body.find('\'');
    const std::size_t close = open == std::string_view::npos ? open : body.find('\'', open + 1);
    if (close == std::string_view::npos) {
        return;
    }
    std::string expected(field_name(type.leading));
    if (type.trailing != type.leading) {
        expected += " TO ";
        expected += field_name(type.trailing);
    }
    const std::string words = qualifier_words(body.substr(close + 1));
    require(words.empty() || words == expected,
            "an interval literal is sent only when its qualifier names the target's fields");
}

inline void check_interval_text(std::string_view text, const TargetType& type) {
    const IntervalParts parts = read_interval_text(text);
    if (type.leading == Field::year || type.leading == Field::month) {
        check_year_month(parts, type);
    } else {
        check_day_time(parts, type);
    }
}

}  // namespace rsodbc::fuzz
