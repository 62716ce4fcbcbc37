#pragma once
// What a conversion did; the SQLSTATE for each outcome is chosen once, in exec/ (ODBC appendix D).
#include <sql.h>

namespace rsodbc::types {

enum class Outcome {
    ok,
    truncated,              // 01004: character/binary data did not fit
    fractional_truncation,  // 01S07
    out_of_range,           // 22003
    invalid_character,      // 22018
    datetime_overflow,      // 22008: e.g. an infinite timestamp
    unsupported,            // 07006: no such conversion
};

struct Written {
    Outcome outcome = Outcome::ok;
    // Bytes written for fixed types; for character/binary data, the bytes that were available
    // before this call (what the indicator reports).
    SQLLEN length = 0;
};

}  // namespace rsodbc::types
