#pragma once
// Internals shared by the C -> SQL converters, one source family per file.
#include "types/c_types.h"
#include "types/from_c/encode.h"
#include "types/sql_types.h"

#include <sql.h>
#include <sqlext.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace rsodbc::types::from_c {

inline bool is_character(SqlFamily kind) {
    return kind == SqlFamily::character || kind == SqlFamily::wide_character;
}

inline Encoded fail(Outcome outcome, std::string& out) {
    out.clear();
    return {outcome, 0};
}

// The result for text already in `out`: the target's OID, or the failure with `out` cleared.
Encoded finish(Outcome outcome, const ParamTarget& target, std::string& out);

// Character targets: does `text` fit the column? Bytes for narrow targets, UTF-16 code units for
// wide ones (ODBC sizes SQL_WCHAR columns in SQLWCHARs). Column size 0 means unspecified.
[[nodiscard]] bool fits_column(std::string_view utf8, const ParamTarget& target);

// Strict UTF-8 that libpq can send as a text parameter: no NUL (libpq's text parameters are
// NUL-terminated), no overlong forms, surrogates or code points above U+10FFFF.
[[nodiscard]] bool is_sendable_utf8(std::string_view text);

// Leading and trailing blanks are ignored when character data becomes numeric, date, time or
// timestamp data (appendix D, "C to SQL: Character").
// What counts as blank around a value (the C locale's isspace set).
inline constexpr std::string_view blanks = " \t\n\r\f\v";
std::string_view trim_blanks(std::string_view text);

// An exact decimal: digits x 10^exponent, digits without leading or trailing zeros (empty: zero).
struct Decimal {
    bool negative = false;
    std::string digits;
    std::int64_t exponent = 0;

    [[nodiscard]] bool is_zero() const { return digits.empty(); }

    [[nodiscard]] std::int64_t whole_digits() const;
};

void normalise(Decimal& value);
Decimal decimal_from(bool negative, std::uint64_t magnitude, std::int64_t exponent = 0);
// A numeric-literal (appendix C): [+|-]digits[.digits][E[+|-]digits]; false when not one.
bool parse_decimal(std::string_view text, Decimal& value);
void append_plain(const Decimal& value, std::string& out);

// Where a number came from decides two SQLSTATEs: character data that loses fractional digits in
// an exact numeric target is 22001 ("C to SQL: Character"); numeric C data is sent truncated,
// optionally with 01S07 ("C to SQL: Numeric", note [b]).
enum class NumberOrigin { character, numeric };

Encoded encode_decimal(Decimal value, const ParamTarget& target, NumberOrigin origin,
                       std::string& out);

// A number into a single-field interval target (appendix D, numeric and interval tables, [b]).
Encoded encode_interval_number(const Decimal& value, const ParamTarget& target, std::string& out);

// Per family; each clears `out` first.
Encoded encode_character(std::string_view utf8, const ParamTarget& target, std::string& out);
// UTF-16 text (SQL_C_WCHAR, or binary data sent to a wide target): 22018 when it is not valid.
Encoded encode_utf16(std::u16string_view units, const ParamTarget& target, std::string& out);
// Character data (already trimmed) into an exact, approximate or bit target.
Encoded encode_number_text(std::string_view text, const ParamTarget& target, std::string& out);
Encoded encode_number(const ParamSource& source, const ParamTarget& target, std::string& out);
Encoded encode_bit(const ParamSource& source, const ParamTarget& target, std::string& out);
Encoded encode_datetime(const ParamSource& source, const ParamTarget& target, std::string& out);
Encoded encode_datetime_text(std::string_view text, const ParamTarget& target, std::string& out);
Encoded encode_interval(const SQL_INTERVAL_STRUCT& value, SQLSMALLINT c_type,
                        const ParamTarget& target, std::string& out);
Encoded encode_interval_text(std::string_view text, const ParamTarget& target, std::string& out);
Encoded encode_binary(std::string_view bytes, const ParamTarget& target, std::string& out);
Encoded encode_binary_text(std::string_view hex, const ParamTarget& target, std::string& out);
Encoded encode_guid(const SQLGUID& value, const ParamTarget& target, std::string& out);
Encoded encode_guid_text(std::string_view text, const ParamTarget& target, std::string& out);

[[nodiscard]] bool is_number_c_type(SQLSMALLINT c_type);

}  // namespace rsodbc::types::from_c
