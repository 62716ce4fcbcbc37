#pragma once
// What a conversion did, in either direction (server text -> C buffer, C value -> parameter
// text), and the one table that turns it into a SQLSTATE (ODBC appendix D).
#include <sql.h>

#include <string_view>

namespace rsodbc::types {

enum class Outcome {
    ok,
    truncated,                // 01004: character/binary data did not fit (a warning)
    fractional_truncation,    // 01S07 (a warning)
    string_right_truncated,   // 22001: a parameter longer than its column (an error)
    out_of_range,             // 22003
    invalid_character,        // 22018
    invalid_datetime_format,  // 22007
    datetime_overflow,        // 22008: e.g. an infinite timestamp
    interval_field_overflow,  // 22015: a leading field beyond the target's precision
    unsupported,              // 07006: no such conversion
};

// The SQLSTATE of an outcome ("" for ok). Outcome::unsupported is 07006 (restricted data type
// attribute violation): appendix D's answer both for pairs its tables leave out and for types
// this driver does not know.
[[nodiscard]] std::string_view sqlstate_of(Outcome outcome);

// The enumerator's name, for test messages and logs.
[[nodiscard]] std::string_view name_of(Outcome outcome);

// True for outcomes after which the value must not be used (everything but ok and the two
// warnings, 01004 and 01S07).
[[nodiscard]] inline bool is_error(Outcome outcome) {
    return outcome != Outcome::ok && outcome != Outcome::truncated
           && outcome != Outcome::fractional_truncation;
}

struct Written {
    Outcome outcome = Outcome::ok;
    // Bytes written for fixed types; for character/binary data, the bytes that were available
    // before this call (what the indicator reports).
    SQLLEN length = 0;
};

}  // namespace rsodbc::types
