#pragma once

// Properties of character parameter data (SQL_C_CHAR, SQL_C_WCHAR) encoded for every target SQL
// type (types::encode_parameter; ODBC appendix D, "C to SQL: Character"), checked by the
// fuzz_param_text target (clang) and by the corpus replay in tests/unit/sql_fuzz_corpus_test.cpp
// (g++). The input format is in param_text_case.h; a violation throws PropertyFailure.

#include "param_text_case.h"
#include "param_text_datetime.h"
#include "param_text_hex.h"
#include "param_text_interval.h"
#include "param_text_numbers.h"
#include "property_failure.h"
#include "types/from_c/detail.h"
#include "types/utf.h"

#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace rsodbc::fuzz {

// The SQLSTATEs "C to SQL: Character" lists for each target family, with 22018 for text that is
// not valid UTF-8 or UTF-16. Character data never gives 01S07 or 01004: where numeric C data
// would lose fractional digits with a warning, character data is 22001, an error.
inline bool outcome_listed(Family family, types::Outcome outcome) {
    using types::Outcome;
    if (outcome == Outcome::ok) {
        return family != Family::unknown;
    }
    if (outcome == Outcome::invalid_character) {
        return true;
    }
    switch (family) {
        case Family::character:
        case Family::wide_character:
        case Family::binary:
            return outcome == expect_22001;
        case Family::integer:
        case Family::decimal:
        case Family::bit:
            return outcome == expect_22001 || outcome == Outcome::out_of_range;
        case Family::floating:
            return outcome == Outcome::out_of_range;
        case Family::date:
        case Family::time:
        case Family::timestamp:
            return outcome == Outcome::datetime_overflow;
        case Family::interval:
            return outcome == types::Outcome::interval_field_overflow;
        case Family::guid:
            return false;
        case Family::unknown:
            return outcome == Outcome::unsupported;
    }
    return false;
}

inline std::optional<std::u16string> strict_utf16(std::string_view utf8) {
    try {
        return types::to_utf16(utf8);
    } catch (const types::EncodingError&) {
        return std::nullopt;
    }
}

// What holds for any one result, whatever the value.
inline void check_result(const ParamTextCase& c, const Encoding& e) {
    require(outcome_listed(c.type.family, e.outcome),
            "the outcome is one appendix D lists for character data into this target");
    if (types::is_error(e.outcome)) {
        require(e.text.empty(), "an error leaves the output empty");
        return;
    }
    require(e.text.find('\0') == std::string::npos,
            "sent text has no NUL (libpq's text parameters are NUL-terminated)");
    const std::optional<std::u16string> units = strict_utf16(e.text);
    require(units.has_value(), "sent text is valid UTF-8");
    require(e.type_oid == types::parameter_type_oid(c.target.sql_type),
            "the type OID is the target's, whatever the value");
    if (c.target.column_size != 0 && c.type.family == Family::character) {
        require(e.text.size() <= c.target.column_size, "narrow text fits the column, in bytes");
    }
    if (c.target.column_size != 0 && c.type.family == Family::wide_character) {
        require(units->size() <= c.target.column_size,
                "wide text fits the column, in UTF-16 units");
    }
}

// Equal results, but for a time literal's "today" turning over between two calls.
inline bool same_encoding(const Encoding& a, const Encoding& b, Family family) {
    return a == b
           || (family == Family::timestamp && a.outcome == b.outcome && a.type_oid == b.type_oid
               && same_but_today(a.text, b.text));
}

// UTF-16 as the standard defines it: surrogates only in high-low pairs.
inline bool valid_utf16(std::u16string_view units) {
    for (std::size_t i = 0; i < units.size(); ++i) {
        const bool high = units[i] >= 0xD800 && units[i] <= 0xDBFF;
        const bool low = units[i] >= 0xDC00 && units[i] <= 0xDFFF;
        if (low
            || (high
                && (i + 1 == units.size() || units[i + 1] < 0xDC00 || units[i + 1] > 0xDFFF))) {
            return false;
        }
        i += high ? 1 : 0;
    }
    return true;
}

// The driver's text checks agree with independent ones: from_c::is_sendable_utf8 (an ASCII fast
// path and its own decoder) with the strict converter of types/utf.h, and that converter's
// UTF-16 side with the definition of UTF-16.
inline void check_validators(std::string_view bytes) {
    const bool strict = strict_utf16(bytes).has_value();
    require(types::from_c::is_sendable_utf8(bytes)
                == (strict && bytes.find('\0') == std::string_view::npos),
            "is_sendable_utf8 agrees with the strict UTF-8 converter and the NUL rule");
    std::u16string units(bytes.size() / 2, u'\0');
    std::memcpy(units.data(), bytes.data(), units.size() * 2);
    bool converts = true;
    try {
        (void)types::to_utf8(units);
    } catch (const types::EncodingError&) {
        converts = false;
    }
    require(converts == valid_utf16(units), "the UTF-16 converter accepts exactly valid UTF-16");
}

inline void require_expected(const Encoding& e, const Expected& expected, const char* property) {
    require(e.outcome == expected.outcome
                && (expected.outcome != types::Outcome::ok || e.text == expected.text),
            property);
}

inline types::ParamTarget with_type(types::ParamTarget target, SQLSMALLINT sql_type,
                                    SQLSMALLINT decimal_digits) {
    target.sql_type = sql_type;
    target.decimal_digits = decimal_digits;
    return target;
}

// Float targets: any numeric-literal, sent with its exact digits so the server rounds once.
inline void check_floating(std::string_view chars, const ParamTextCase& c, const Encoding& e) {
    if (const std::optional<std::string> word = float_word(chars)) {
        require_expected(e, {types::Outcome::ok, *word},
                         "NaN and the infinities in PostgreSQL's words");
        return;
    }
    const std::optional<ExactNumber> n = read_number(without_blanks(chars));
    if (!n) {
        require(e.outcome == types::Outcome::invalid_character,
                "a float target needs a numeric-literal");
        return;
    }
    // The point's place relative to the first digit: 1e-30 <= |value| < 1e30 between -29 and 30.
    const std::int64_t magnitude = static_cast<std::int64_t>(n->digits.size()) + n->exponent;
    require(
        e.outcome == types::Outcome::ok || (!n->is_zero() && (magnitude < -29 || magnitude > 30)),
        "a float target takes zero and every value from 1e-30 to 1e30");
    if (e.outcome != types::Outcome::ok) {
        return;
    }
    const std::optional<ExactNumber> sent = read_number(e.text);
    require(sent && sent->same_value(*n), "a float target is sent exactly the value given");
    double value = 0;
    const auto [end, error] = std::from_chars(e.text.data(), e.text.data() + e.text.size(), value);
    require(error == std::errc{} && end == e.text.data() + e.text.size() && std::isfinite(value)
                && (c.target.sql_type != SQL_REAL || std::fabs(value) <= FLT_MAX),
            "a float target is sent only what its type can hold");
}

// Character targets: the text as given when it fits the column, 22001 (never cut) when not.
inline void check_character(std::string_view chars, const ParamTextCase& c, const Encoding& e) {
    const std::size_t length =
        c.type.family == Family::wide_character ? strict_utf16(chars)->size() : chars.size();
    const bool fits = c.target.column_size == 0 || length <= c.target.column_size;
    require_expected(e, {fits ? types::Outcome::ok : expect_22001, std::string(chars)},
                     "character targets get the text unchanged, or 22001 when it is too long");
}

// Exact integer targets' ranges, as digit strings.
inline Expected expect_integer_target(std::string_view chars, SQLSMALLINT sql_type) {
    switch (sql_type) {
        case SQL_TINYINT:
            return expect_integer(chars, "128", "255");
        case SQL_SMALLINT:
            return expect_integer(chars, "32768", "32767");
        case SQL_INTEGER:
            return expect_integer(chars, "2147483648", "2147483647");
        default:
            return expect_integer(chars, "9223372036854775808", "9223372036854775807");
    }
}

// A date goes into a timestamp as midnight; a time (or a timestamp's time) goes into a
// timestamp keeping microseconds with the same time of day; a timestamp kept to 1-5 fractional
// digits is kept the same way to microseconds.
inline void check_datetime(std::string_view chars, const ParamTextCase& c, const Encoding& e) {
    const int digits = c.target.decimal_digits;
    if (e.outcome != types::Outcome::ok) {
        return;
    }
    const Encoding stamp = encode_narrow(chars, with_type(c.target, SQL_TYPE_TIMESTAMP, 0));
    switch (c.type.family) {
        case Family::date:
            check_date_text(e.text);
            require(stamp.outcome == types::Outcome::ok && stamp.text == e.text + " 00:00:00",
                    "a date into a timestamp is midnight of that day");
            return;
        case Family::time:
            check_time_text(e.text, 6);
            require(stamp.outcome == types::Outcome::ok
                        && std::string_view(stamp.text).ends_with(" " + e.text),
                    "a time into a timestamp keeps the time of day");
            return;
        default:
            check_timestamp_text(e.text, digits);
            require(
                stamp.outcome == types::Outcome::ok && same_encoding(stamp, e, Family::timestamp),
                "a timestamp kept to fewer digits is kept alike to microseconds");
            return;
    }
}

// The value-dependent rules of appendix D, family by family.
inline void check_value(std::string_view chars, const ParamTextCase& c, const Encoding& e) {
    switch (c.type.family) {
        case Family::character:
        case Family::wide_character:
            return check_character(chars, c, e);
        case Family::integer:
            return require_expected(e, expect_integer_target(chars, c.target.sql_type),
                                    "exact integer targets follow appendix D and their range");
        case Family::decimal:
            return require_expected(
                e, expect_decimal(chars, c.target.column_size, c.target.decimal_digits),
                "NUMERIC(p, s) targets follow appendix D");
        case Family::floating:
            return check_floating(chars, c, e);
        case Family::bit:
            return require_expected(e, expect_bit(chars), "SQL_BIT targets follow appendix D");
        case Family::date:
        case Family::time:
        case Family::timestamp:
            return check_datetime(chars, c, e);
        case Family::interval:
            if (e.outcome == types::Outcome::ok) {
                check_interval_text(e.text, c.type);
                check_interval_qualifier(chars, c.type);
            }
            return;
        case Family::guid:
            return require_expected(e, expect_guid(chars), "GUID targets get 8-4-4-4-12 hex");
        case Family::binary:
            return require_expected(e, expect_binary(chars, c.target.column_size),
                                    "binary targets get each two hex digits as a byte");
        case Family::unknown:
            return require(e.outcome == types::Outcome::unsupported,
                           "an unknown target type is 07006");
    }
}

inline bool ignores_blanks(Family family) {
    return family != Family::character && family != Family::wide_character
           && family != Family::binary && family != Family::unknown;
}

// Results that must equal the first one: the same characters bound the plainest way, the twin
// target type, and the value padded with blanks where appendix D ignores them.
inline void check_equivalents(std::string_view chars, const ParamTextCase& c, const Encoding& e) {
    const Family family = c.type.family;
    if (c.wide || c.nul_terminated) {
        require(
            same_encoding(encode_narrow(chars, c.target), e, family),
            "SQL_C_WCHAR and SQL_NTS values encode as the same characters in counted SQL_C_CHAR");
    }
    if (c.type.twin != 0) {
        const types::ParamTarget twin = with_type(c.target, c.type.twin, c.target.decimal_digits);
        require(same_encoding(encode_narrow(chars, twin), e, family),
                "SQL types appendix D converts alike encode alike");
    }
    if (ignores_blanks(family)) {
        const std::string padded = " " + std::string(chars) + "  ";
        require(same_encoding(encode_narrow(padded, c.target), e, family),
                "leading and trailing blanks are ignored for non-character targets");
    }
}

inline void check_param_text(std::string_view data) {
    const std::optional<ParamTextCase> c = decode_param_text(data);
    if (!c) {
        return;
    }
    check_validators(c->value);
    const Encoding first = encode_case(*c, c->target);
    check_result(*c, first);
    const Encoding again = encode_case(*c, c->target, "stale text from an earlier row");
    require(same_encoding(first, again, c->type.family),
            "encoding is deterministic and replaces what the output held");
    const std::optional<std::string> chars = characters_of(*c);
    if (!chars) {
        require(
            c->type.family == Family::unknown || first.outcome == types::Outcome::invalid_character,
            "invalid UTF-8 or UTF-16, a NUL or an odd SQL_C_WCHAR length is 22018");
        return;
    }
    check_equivalents(*chars, *c, first);
    check_value(*chars, *c, first);
}

}  // namespace rsodbc::fuzz
