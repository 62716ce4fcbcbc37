// Intervals: the thirteen SQL_C_INTERVAL_* types (SQL_INTERVAL_STRUCT), exact numbers bound to
// single-field interval targets, and character data in ODBC interval-literal form. ODBC appendix
// D, "C to SQL: Year-Month Intervals", "Day-Time Intervals" and the interval rows of "Numeric"
// and "Character". Sent as PostgreSQL interval text ("1 year 2 mons", "-3 days -04:05:06.5").
#include "types/from_c/detail.h"
#include "types/interval_fields.h"
#include "types/text_cursor.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>

namespace rsodbc::types::from_c {

namespace {

using interval::Field;
using interval::Fields;
using enum interval::Field;

// Callers have checked that `type` is an interval type.
Fields fields_of(SQLSMALLINT type) {
    return interval::fields_of(type).value_or(Fields{SQL_IS_MINUTE_TO_SECOND, minute, second});
}

constexpr std::uint64_t micros_per_second = 1'000'000;
constexpr std::uint64_t micros_per_minute = 60 * micros_per_second;
constexpr std::uint64_t micros_per_hour = 60 * micros_per_minute;
constexpr std::uint64_t micros_per_day = 24 * micros_per_hour;

// An interval as PostgreSQL stores one: months, days and microseconds, one sign for all.
struct Span {
    bool negative = false;
    bool year_month = false;
    unsigned __int128 months = 0;
    unsigned __int128 days = 0;
    unsigned __int128 micros = 0;
};

void append_number(unsigned __int128 value, std::string& out) {
    char buffer[48];
    auto* const end =
        std::to_chars(buffer, buffer + sizeof buffer, static_cast<std::uint64_t>(value)).ptr;
    out.append(buffer, end);
}

void append_two(std::uint64_t value, std::string& out) {
    if (value < 10) {
        out += '0';
    }
    append_number(value, out);
}

void append_unit(unsigned __int128 value, bool negative, std::string_view unit, std::string& out) {
    if (!out.empty()) {
        out += ' ';
    }
    if (negative) {
        out += '-';
    }
    append_number(value, out);
    out += ' ';
    out += unit;
    if (value != 1 || negative) {
        out += 's';
    }
}

// PostgreSQL's own output style, which its input reads back exactly: "1 year 2 mons",
// "3 days 04:05:06.5", "-26:00:00".
void append_span(const Span& span, std::string& out) {
    const bool negative = span.negative && (span.months != 0 || span.days != 0 || span.micros != 0);
    if (span.year_month) {
        if (span.months / 12 != 0) {
            append_unit(span.months / 12, negative, "year", out);
        }
        if (span.months % 12 != 0 || span.months == 0) {
            append_unit(span.months % 12, negative, "mon", out);
        }
        return;
    }
    if (span.days != 0) {
        append_unit(span.days, negative, "day", out);
    }
    if (span.micros != 0 || span.days == 0) {
        if (!out.empty()) {
            out += ' ';
        }
        if (negative) {
            out += '-';
        }
        const auto total = static_cast<std::uint64_t>(span.micros);
        const std::uint64_t hours = total / micros_per_hour;
        append_two(hours, out);
        out += ':';
        append_two(total % micros_per_hour / micros_per_minute, out);
        out += ':';
        append_two(total % micros_per_minute / micros_per_second, out);
        if (const std::uint64_t fraction = total % micros_per_second; fraction != 0) {
            char digits[7] = {'0', '0', '0', '0', '0', '0', '\0'};
            std::uint64_t rest = fraction;
            for (int i = 5; i >= 0; --i, rest /= 10) {
                digits[i] = static_cast<char>('0' + rest % 10);
            }
            std::string_view text(digits, 6);
            out += '.';
            out += text.substr(0, text.find_last_not_of('0') + 1);
        }
    }
}

// The struct's fields between its leading and trailing field; non-leading fields must be
// within their natural range, the fraction in microseconds (ODBC's default interval seconds
// precision, 6). Anything else is not a valid interval: 22015.
bool span_of(const SQL_INTERVAL_STRUCT& value, SQLSMALLINT c_type, Span& span) {
    if (static_cast<int>(value.interval_type) != c_type - 100) {
        return false;  // the struct's type field must name the bound C type
    }
    const Fields f = fields_of(c_type);
    span.negative = value.interval_sign != SQL_FALSE;
    if (f.leading <= month) {
        span.year_month = true;
        const auto& ym = value.intval.year_month;
        if (f.trailing == month && f.leading == year && ym.month > 11) {
            return false;
        }
        span.months = (f.leading == year ? static_cast<unsigned __int128>(ym.year) * 12 : 0)
                      + (f.trailing == month ? ym.month : 0);
        return true;
    }
    const auto& ds = value.intval.day_second;
    auto in = [&f](Field field) {
        return field >= f.leading && field <= f.trailing;
    };
    auto bounded = [&f](Field field, std::uint32_t v, std::uint32_t limit) {
        return field == f.leading || v <= limit;
    };
    if (!bounded(hour, ds.hour, 23) || !bounded(minute, ds.minute, 59)
        || !bounded(second, ds.second, 59) || (in(second) && ds.fraction > 999'999)) {
        return false;
    }
    span.days = in(day) ? ds.day : 0;
    span.micros =
        (in(hour) ? static_cast<unsigned __int128>(ds.hour) * micros_per_hour : 0)
        + (in(minute) ? static_cast<unsigned __int128>(ds.minute) * micros_per_minute : 0)
        + (in(second) ? static_cast<unsigned __int128>(ds.second) * micros_per_second + ds.fraction
                      : 0);
    return true;
}

// Moves the value into the target's fields: fields above the target's leading one fold into it,
// fields below its trailing one must be zero (else "one or more fields ... truncated": 22015).
bool reshape(Span& span, Fields target) {
    if (span.year_month) {
        return target.trailing != year || span.months % 12 == 0;
    }
    if (target.leading > day) {
        span.micros += span.days * micros_per_day;
        span.days = 0;
    }
    switch (target.trailing) {
        case day:
            return span.micros == 0;
        case hour:
            return span.micros % micros_per_hour == 0;
        case minute:
            return span.micros % micros_per_minute == 0;
        default:
            return true;
    }
}

// PostgreSQL keeps months and days in 32 bits and microseconds in 64.
bool fits_server(const Span& span) {
    constexpr auto int32_max =
        static_cast<unsigned __int128>(std::numeric_limits<std::int32_t>::max());
    return span.months <= int32_max && span.days <= int32_max
           && span.micros
                  <= static_cast<unsigned __int128>(std::numeric_limits<std::int64_t>::max());
}

}  // namespace

Encoded encode_interval(const SQL_INTERVAL_STRUCT& value, SQLSMALLINT c_type,
                        const ParamTarget& target, std::string& out) {
    out.clear();
    const SqlFamily kind = sql_family(target.sql_type);
    const Fields source_fields = fields_of(c_type);
    const bool source_year_month = source_fields.leading <= month;
    const bool interval_target =
        kind == SqlFamily::interval_year_month || kind == SqlFamily::interval_day_time;
    const bool exact_target = kind == SqlFamily::exact_integer || kind == SqlFamily::decimal;
    // Year-month and day-time intervals do not mix; only single-field intervals become
    // numbers (note [b]); nothing else is in the tables.
    if ((interval_target && (kind == SqlFamily::interval_year_month) != source_year_month)
        || (exact_target && source_fields.leading != source_fields.trailing)
        || !(interval_target || exact_target || is_character(kind))) {
        return fail(Outcome::unsupported, out);
    }
    Span span;
    if (!span_of(value, c_type, span)) {
        return fail(Outcome::interval_field_overflow, out);
    }
    if (exact_target) {
        const auto& ds = value.intval.day_second;
        std::uint64_t whole = 0;
        switch (source_fields.leading) {
            case year:
                whole = value.intval.year_month.year;
                break;
            case month:
                whole = value.intval.year_month.month;
                break;
            case day:
                whole = ds.day;
                break;
            case hour:
                whole = ds.hour;
                break;
            case minute:
                whole = ds.minute;
                break;
            default:
                whole = std::uint64_t{ds.second} * micros_per_second + ds.fraction;
                return encode_decimal(decimal_from(span.negative, whole, -6), target,
                                      NumberOrigin::numeric, out);
        }
        return encode_decimal(decimal_from(span.negative, whole), target, NumberOrigin::numeric,
                              out);
    }
    if (interval_target && !reshape(span, fields_of(target.sql_type))) {
        return fail(Outcome::interval_field_overflow, out);
    }
    if (!fits_server(span)) {
        return fail(Outcome::interval_field_overflow, out);
    }
    append_span(span, out);
    if (is_character(kind) && !fits_column(out, target)) {
        return fail(Outcome::string_right_truncated, out);
    }
    return finish(Outcome::ok, target, out);
}

Encoded encode_interval_number(const Decimal& value, const ParamTarget& target, std::string& out) {
    out.clear();
    const Fields f = fields_of(target.sql_type);
    if (f.leading != f.trailing) {
        return fail(Outcome::unsupported, out);  // "a single field" only (note [a])
    }
    // Whole units, or microseconds for SECOND; anything finer is a truncated field: 22015.
    Decimal scaled = value;
    if (f.leading == second && !scaled.is_zero()) {
        scaled.exponent += 6;
    }
    if (!scaled.is_zero() && scaled.exponent < 0) {
        return fail(Outcome::interval_field_overflow, out);
    }
    std::uint64_t magnitude = 0;
    if (scaled.whole_digits() > 19) {
        return fail(Outcome::interval_field_overflow, out);
    }
    for (const char c : scaled.digits) {
        magnitude = magnitude * 10 + static_cast<std::uint64_t>(c - '0');
    }
    for (std::int64_t i = 0; i < scaled.exponent && !scaled.is_zero(); ++i) {
        magnitude *= 10;
    }
    SQL_INTERVAL_STRUCT interval{};
    interval.interval_type = static_cast<SQLINTERVAL>(target.sql_type - 100);
    interval.interval_sign = value.negative ? SQL_TRUE : SQL_FALSE;
    const std::uint64_t leading = f.leading == second ? magnitude / micros_per_second : magnitude;
    if (leading > std::numeric_limits<SQLUINTEGER>::max()) {
        return fail(Outcome::interval_field_overflow, out);
    }
    const auto field = static_cast<SQLUINTEGER>(leading);
    switch (f.leading) {
        case year:
            interval.intval.year_month.year = field;
            break;
        case month:
            interval.intval.year_month.month = field;
            break;
        case day:
            interval.intval.day_second.day = field;
            break;
        case hour:
            interval.intval.day_second.hour = field;
            break;
        case minute:
            interval.intval.day_second.minute = field;
            break;
        default:
            interval.intval.day_second.second = field;
            interval.intval.day_second.fraction =
                static_cast<SQLUINTEGER>(magnitude % micros_per_second);
            break;
    }
    return encode_interval(interval, target.sql_type, target, out);
}

namespace {

bool starts_with_word(std::string_view text, std::string_view upper) {
    if (text.size() < upper.size()) {
        return false;
    }
    for (std::size_t i = 0; i < upper.size(); ++i) {
        const char c = text[i];
        if ((c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c) != upper[i]) {
            return false;
        }
    }
    return true;
}

// Reads a field's digits, saturating above 32 bits (the caller reports 22015); false when there
// are none.
bool read_field(TextCursor& in, std::uint64_t& value) {
    value = 0;
    bool any = false;
    while (TextCursor::is_digit(in.peek())) {
        value = std::min<std::uint64_t>(value * 10 + static_cast<std::uint64_t>(in.peek() - '0'),
                                        std::uint64_t{1} << 40U);
        in.accept(in.peek());
        any = true;
    }
    return any;
}

void skip_blanks(std::string_view text, std::size_t& i) {
    i = std::min(text.find_first_not_of(blanks, i), text.size());
}

// The letters at text[i] (a qualifier word), moving past them.
std::string_view read_word(std::string_view text, std::size_t& i) {
    const std::size_t start = i;
    while (i < text.size()
           && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z'))) {
        ++i;
    }
    return text.substr(start, i - start);
}

bool is_word(std::string_view word, std::string_view upper) {
    return word.size() == upper.size() && starts_with_word(word, upper);
}

// The field a qualifier word names, in any case.
std::optional<Field> field_named(std::string_view word) {
    constexpr std::pair<std::string_view, Field> names[] = {{"YEAR", year},     {"MONTH", month},
                                                            {"DAY", day},       {"HOUR", hour},
                                                            {"MINUTE", minute}, {"SECOND", second}};
    for (const auto& [name, field] : names) {
        if (is_word(word, name)) {
            return field;
        }
    }
    return std::nullopt;
}

// An optional "(n)", or "(n, m)" when two are allowed, after a field word.
bool skip_precision(std::string_view text, std::size_t& i, int most) {
    skip_blanks(text, i);
    if (i == text.size() || text[i] != '(') {
        return true;
    }
    for (int count = 0; count < most; ++count) {
        ++i;  // past '(' or ','
        skip_blanks(text, i);
        const std::size_t start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            ++i;
        }
        skip_blanks(text, i);
        if (i == start || i == text.size() || (text[i] != ',' && text[i] != ')')) {
            return false;
        }
        if (text[i] == ')') {
            ++i;
            return true;
        }
    }
    return false;
}

// The interval-qualifier after a literal's value (appendix C): it names the fields the value
// holds, so it must name the target's: '3' YEAR sent to a DAY target as 3 days would be wrong
// data, not a conversion. Converting between qualifiers is left undone (22018). Precisions are
// read but not enforced; the server applies the column's own. No qualifier at all reads the value
// in the target's fields, as a bare value is.
bool qualifier_matches(std::string_view text, const Fields& f) {
    std::size_t i = 0;
    skip_blanks(text, i);
    if (i == text.size()) {
        return true;
    }
    if (field_named(read_word(text, i)) != f.leading) {
        return false;
    }
    const bool single = f.leading == f.trailing;
    if (!skip_precision(text, i, single && f.leading == second ? 2 : 1)) {
        return false;
    }
    if (!single) {
        skip_blanks(text, i);
        if (!is_word(read_word(text, i), "TO")) {
            return false;
        }
        skip_blanks(text, i);
        if (field_named(read_word(text, i)) != f.trailing
            || !skip_precision(text, i, f.trailing == second ? 1 : 0)) {
            return false;
        }
    }
    skip_blanks(text, i);
    return i == text.size();
}

// The value inside an interval literal ("INTERVAL -'1-2' YEAR TO MONTH", "{INTERVAL '3' DAY}"),
// or the text itself when it is a bare value, with any leading sign folded into `negative`.
// False when the literal is malformed or its qualifier is not the target's.
bool interval_value_text(std::string_view text, const Fields& f, std::string_view& body,
                         bool& negative) {
    body = text;
    if (body.size() >= 2 && body.front() == '{' && body.back() == '}') {
        body = trim_blanks(body.substr(1, body.size() - 2));
    }
    negative = false;
    if (starts_with_word(body, "INTERVAL")) {
        body = trim_blanks(body.substr(8));
        if (!body.empty() && (body.front() == '-' || body.front() == '+')) {
            negative = body.front() == '-';
            body = trim_blanks(body.substr(1));
        }
        const std::size_t close = body.size() > 1 ? body.find('\'', 1) : std::string_view::npos;
        if (body.empty() || body.front() != '\'' || close == std::string_view::npos
            || !qualifier_matches(body.substr(close + 1), f)) {
            return false;
        }
        body = trim_blanks(body.substr(1, close - 1));
    }
    if (!body.empty() && (body.front() == '-' || body.front() == '+')) {
        negative = negative != (body.front() == '-');
        body = body.substr(1);
    }
    return true;
}

// The target's fields from leading to trailing, each after its separator ("1-2", "3 4:5:6").
bool read_interval_fields(TextCursor& in, const Fields& f, std::uint64_t (&values)[7]) {
    for (int field = f.leading; field <= f.trailing; ++field) {
        if (field != f.leading) {
            const char separator = field == month ? '-' : field == hour ? ' ' : ':';
            if (!in.accept(separator)) {
                return false;
            }
        }
        if (!read_field(in, values[field])) {
            return false;
        }
    }
    return true;
}

// Fractional seconds after the '.' just read, in microseconds; nonzero digits below a
// microsecond are an interval field overflow.
Outcome read_interval_fraction(TextCursor& in, std::uint64_t& fraction) {
    const TextCursor::Fraction read = in.fraction(6);
    if (read.lost) {
        return Outcome::interval_field_overflow;  // below microseconds
    }
    fraction = read.value;
    return Outcome::ok;
}

SQL_INTERVAL_STRUCT interval_struct(const ParamTarget& target, const Fields& f, bool negative,
                                    const std::uint64_t (&values)[7], std::uint64_t fraction) {
    SQL_INTERVAL_STRUCT interval{};
    interval.interval_type = static_cast<SQLINTERVAL>(target.sql_type - 100);
    interval.interval_sign = negative ? SQL_TRUE : SQL_FALSE;
    if (f.leading <= month) {
        interval.intval.year_month.year = static_cast<SQLUINTEGER>(values[year]);
        interval.intval.year_month.month = static_cast<SQLUINTEGER>(values[month]);
    } else {
        auto& ds = interval.intval.day_second;
        ds.day = static_cast<SQLUINTEGER>(values[day]);
        ds.hour = static_cast<SQLUINTEGER>(values[hour]);
        ds.minute = static_cast<SQLUINTEGER>(values[minute]);
        ds.second = static_cast<SQLUINTEGER>(values[second]);
        ds.fraction = static_cast<SQLUINTEGER>(fraction);
    }
    return interval;
}

}  // namespace

Encoded encode_interval_text(std::string_view text, const ParamTarget& target, std::string& out) {
    out.clear();
    // Accepted: the bare value ("154 22:44:10", "-1-2"), or an interval literal
    // ("INTERVAL -'1-2' YEAR TO MONTH", "{INTERVAL '3' DAY}"), whose qualifier is the target's.
    const Fields f = fields_of(target.sql_type);
    std::string_view body;
    bool negative = false;
    if (!interval_value_text(text, f, body, negative)) {
        return fail(Outcome::invalid_character, out);
    }
    std::uint64_t values[7] = {};
    TextCursor in(body);
    if (!read_interval_fields(in, f, values)) {
        return fail(Outcome::invalid_character, out);
    }
    std::uint64_t fraction = 0;
    if (f.trailing == second && in.accept('.')) {
        const Outcome outcome = read_interval_fraction(in, fraction);
        if (outcome != Outcome::ok) {
            return fail(outcome, out);
        }
    }
    if (!in.done()) {
        return fail(Outcome::invalid_character, out);
    }
    for (const std::uint64_t v : values) {
        if (v > std::numeric_limits<SQLUINTEGER>::max()) {
            return fail(Outcome::interval_field_overflow, out);
        }
    }
    return encode_interval(interval_struct(target, f, negative, values, fraction), target.sql_type,
                           target, out);
}

}  // namespace rsodbc::types::from_c
