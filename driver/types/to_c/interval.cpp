// Interval text -> the thirteen SQL_C_INTERVAL_* types (SQL_INTERVAL_STRUCT); ODBC appendix D,
// "SQL to C: Year-Month Intervals", "Day-Time Intervals" and the interval row of "Character".
//
// Input: PostgreSQL's default IntervalStyle `postgres` ("1 year 2 mons 3 days 04:05:06.789",
// "-1 days +02:03:00", "-00:00:00.5", "36:00:00"), which Redshift also prints, plus the
// `postgres_verbose` words ("@ 1 hour 30 mins ago") that character columns may hold. Each field
// carries its own sign; the value is months plus days plus microseconds.
//
// Output rules (one sign for the whole struct, fields unsigned):
// - year-month targets take the months; days or time below them are cut: 01S07;
// - day-time targets take days * 24 h + time, normalised into the target's fields; the leading
//   field absorbs everything above it ("3 days 04:00:00" as HOUR is 76 hours); fields below the
//   trailing one are cut: 01S07; seconds' fraction is in microseconds (ODBC's default interval
//   seconds precision, 6);
// - a day-time target for a value with non-zero months: 07006 (a month has no fixed length);
// - a leading field beyond SQLUINTEGER: interval_field_overflow (22015). The ARD's leading
//   precision is not applied.
// - text that is not an interval: 22018.
#include "types/interval_fields.h"
#include "types/text_cursor.h"
#include "types/to_c/convert.h"

#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>

namespace rsodbc::types {

namespace {

using I128 = __int128;

constexpr std::int64_t micros_per_second = 1'000'000;
constexpr std::int64_t micros_per_minute = 60 * micros_per_second;
constexpr std::int64_t micros_per_hour = 60 * micros_per_minute;
constexpr std::int64_t micros_per_day = 24 * micros_per_hour;
// Far beyond PostgreSQL's own limits (int32 months and days, int64 microseconds), small enough
// that no sum below overflows 128 bits.
constexpr std::int64_t field_limit = std::int64_t{1} << 52;

struct IntervalValue {
    I128 months = 0;
    I128 days = 0;
    I128 micros = 0;
    bool fraction_lost = false;  // digits past microseconds
};

bool is_digit(char c) {
    return TextCursor::is_digit(c);
}

// Unsigned decimal digits, at least one; fails past field_limit.
bool read_amount(TextCursor& in, std::int64_t& value) {
    value = 0;
    bool any = false;
    while (is_digit(in.peek())) {
        if (value > field_limit) {
            return false;
        }
        value = value * 10 + (in.peek() - '0');
        in.accept(in.peek());
        any = true;
    }
    return any;
}

// Fraction digits after a point, as microseconds; notes digits beyond the sixth.
std::int64_t micro_fraction(TextCursor& in, bool& lost) {
    const TextCursor::Fraction fraction = in.fraction(6);
    if (fraction.lost) {
        lost = true;
    }
    return fraction.value;
}

// An "H:MM..." time field next (an optional sign, digits, then a colon)?
bool time_ahead(const TextCursor& in) {
    const std::string_view rest = in.rest();
    std::size_t at = 0;
    if (at < rest.size() && (rest[at] == '-' || rest[at] == '+')) {
        ++at;
    }
    while (at < rest.size() && is_digit(rest[at])) {
        ++at;
    }
    return at < rest.size() && rest[at] == ':';
}

// "[-+]H:MM[:SS[.ffffff]]", hours unbounded.
bool read_time(TextCursor& in, IntervalValue& value) {
    const bool negative = in.peek() == '-';
    if (in.peek() == '-' || in.peek() == '+') {
        in.accept(in.peek());
    }
    std::int64_t hours = 0;
    std::int64_t minutes = 0;
    std::int64_t seconds = 0;
    std::int64_t fraction = 0;
    if (!read_amount(in, hours) || !in.accept(':') || !read_amount(in, minutes) || minutes > 59) {
        return false;
    }
    if (in.accept(':')) {
        if (!read_amount(in, seconds) || seconds > 59) {
            return false;
        }
        if (in.accept('.')) {
            if (!is_digit(in.peek())) {
                return false;
            }
            fraction = micro_fraction(in, value.fraction_lost);
        }
    }
    const I128 micros = I128{hours} * micros_per_hour + I128{minutes} * micros_per_minute
                        + I128{seconds} * micros_per_second + fraction;
    value.micros += negative ? -micros : micros;
    return true;
}

bool unit_is(std::string_view word, std::string_view singular, std::string_view plural) {
    return word == singular || word == plural;
}

// "N unit" with unit year/mon/day (postgres) or hour/min/sec (postgres_verbose; sec may have
// a fraction).
bool read_field(TextCursor& in, IntervalValue& value) {
    const bool negative = in.peek() == '-';
    if (in.peek() == '-' || in.peek() == '+') {
        in.accept(in.peek());
    }
    std::int64_t amount = 0;
    if (!read_amount(in, amount)) {
        return false;
    }
    std::int64_t fraction = 0;
    bool has_fraction = false;
    if (in.accept('.')) {
        has_fraction = true;
        fraction = micro_fraction(in, value.fraction_lost);
    }
    in.skip_spaces();
    const std::string_view unit = in.word();
    const I128 sign = negative ? -1 : 1;
    if (unit_is(unit, "sec", "secs") || unit_is(unit, "second", "seconds")) {
        value.micros += sign * (I128{amount} * micros_per_second + fraction);
        return true;
    }
    if (has_fraction) {
        return false;  // PostgreSQL prints fractions only on seconds
    }
    if (unit_is(unit, "year", "years")) {
        value.months += sign * amount * 12;
    } else if (unit_is(unit, "mon", "mons") || unit_is(unit, "month", "months")) {
        value.months += sign * amount;
    } else if (unit_is(unit, "day", "days")) {
        value.days += sign * amount;
    } else if (unit_is(unit, "hour", "hours")) {
        value.micros += sign * amount * micros_per_hour;
    } else if (unit_is(unit, "min", "mins") || unit_is(unit, "minute", "minutes")) {
        value.micros += sign * amount * micros_per_minute;
    } else {
        return false;
    }
    return true;
}

bool parse_interval(std::string_view text, IntervalValue& value) {
    TextCursor in(text);
    in.skip_spaces();
    const bool verbose = in.accept('@');
    bool ago = false;
    bool any = false;
    while (true) {
        in.skip_spaces();
        if (in.done()) {
            break;
        }
        if (verbose && !ago && (in.peek() == 'a')) {
            if (in.word() != "ago") {
                return false;
            }
            ago = true;
            continue;
        }
        if (ago) {
            return false;  // nothing follows "ago"
        }
        const bool ok = time_ahead(in) ? read_time(in, value) : read_field(in, value);
        if (!ok) {
            return false;
        }
        any = true;
    }
    if (ago) {
        value.months = -value.months;
        value.days = -value.days;
        value.micros = -value.micros;
    }
    return any;
}

using interval::Field;
using interval::Fields;
using enum interval::Field;

I128 micros_in(Field field) {
    switch (field) {
        case day:
            return micros_per_day;
        case hour:
            return micros_per_hour;
        case minute:
            return micros_per_minute;
        default:
            return micros_per_second;
    }
}

constexpr I128 uint_max = std::numeric_limits<SQLUINTEGER>::max();

// Fills the year-month part; false when the leading field does not fit.
bool fill_year_month(I128 months, Fields f, SQL_INTERVAL_STRUCT& out, bool& lost) {
    if (f.leading == year) {
        const I128 years = months / 12;
        if (years > uint_max) {
            return false;
        }
        out.intval.year_month.year = static_cast<SQLUINTEGER>(years);
        if (f.trailing == month) {
            out.intval.year_month.month = static_cast<SQLUINTEGER>(months % 12);
        } else {
            lost = lost || months % 12 != 0;
        }
        return true;
    }
    if (months > uint_max) {
        return false;
    }
    out.intval.year_month.month = static_cast<SQLUINTEGER>(months);
    return true;
}

bool fill_day_second(I128 micros, Fields f, SQL_INTERVAL_STRUCT& out, bool& lost) {
    auto& ds = out.intval.day_second;
    I128 rest = micros;
    // The leading field takes everything at or above its unit.
    const I128 leading = rest / micros_in(f.leading);
    if (leading > uint_max) {
        return false;
    }
    rest %= micros_in(f.leading);
    for (int field = f.leading; field <= second; ++field) {
        const auto current = static_cast<Field>(field);
        const I128 amount = field == f.leading ? leading : rest / micros_in(current);
        if (field != f.leading) {
            rest %= micros_in(current);
        }
        if (field > f.trailing) {
            lost = lost || amount != 0;
            continue;
        }
        const auto stored = static_cast<SQLUINTEGER>(amount);
        switch (current) {
            case day:
                ds.day = stored;
                break;
            case hour:
                ds.hour = stored;
                break;
            case minute:
                ds.minute = stored;
                break;
            default:
                ds.second = stored;
                break;
        }
    }
    // What is left is the fraction of a second.
    if (f.trailing == second) {
        ds.fraction = static_cast<SQLUINTEGER>(rest);
    } else {
        lost = lost || rest != 0;
    }
    return true;
}

std::string_view trim_spaces(std::string_view text) {
    const std::size_t first = text.find_first_not_of(' ');
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

}  // namespace

Written write_interval(std::string_view text, SQLSMALLINT c_type, void* data) {
    const std::optional<Fields> fields = interval::fields_of(c_type);
    if (!fields) {
        return {Outcome::unsupported, 0};
    }
    const Fields f = *fields;
    IntervalValue value;
    if (!parse_interval(trim_spaces(text), value)) {
        return {Outcome::invalid_character, 0};
    }
    SQL_INTERVAL_STRUCT out{};
    out.interval_type = f.code;
    bool lost = value.fraction_lost;
    bool fits = true;
    if (f.leading <= month) {
        const I128 months = value.months;
        out.interval_sign = months < 0 ? SQL_TRUE : SQL_FALSE;
        // Days and time are below the month: a year-month target cannot hold them.
        lost = lost || value.days != 0 || value.micros != 0;
        fits = fill_year_month(months < 0 ? -months : months, f, out, lost);
    } else {
        if (value.months != 0) {
            return {Outcome::unsupported, 0};
        }
        const I128 micros = value.days * micros_per_day + value.micros;
        out.interval_sign = micros < 0 ? SQL_TRUE : SQL_FALSE;
        fits = fill_day_second(micros < 0 ? -micros : micros, f, out, lost);
    }
    if (!fits) {
        return {Outcome::interval_field_overflow, 0};
    }
    const auto& ym = out.intval.year_month;
    const auto& ds = out.intval.day_second;
    if (ym.year == 0 && ym.month == 0 && ds.day == 0 && ds.hour == 0 && ds.minute == 0
        && ds.second == 0 && ds.fraction == 0) {
        out.interval_sign = SQL_FALSE;  // "-00:00:00.5" as MINUTE is zero, not minus zero
    }
    if (data != nullptr) {
        std::memcpy(data, &out, sizeof out);
    }
    return {lost ? Outcome::fractional_truncation : Outcome::ok, static_cast<SQLLEN>(sizeof out)};
}

}  // namespace rsodbc::types
