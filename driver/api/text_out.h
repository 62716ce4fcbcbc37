#pragma once
// Driver strings (UTF-8) out to application buffers, the only code writing SQLCHAR*/SQLWCHAR*
// results. The unit of BufferLength and of the returned length differs between functions
// (SQLDescribeColW and SQLGetDiagRecW count characters, SQLGetInfoW and SQLColAttributeW bytes), so
// every call site says which. Truncation keeps whole characters, always NUL-terminates when there
// is room, reports the full length and posts 01004.
#include "odbc/diagnostics.h"

#include <sql.h>
#include <sqlucode.h>

#include <string_view>

namespace rsodbc::api {

enum class Units { bytes, characters };

// Returns the full length of `text` in the requested units (in code units of Char, times the
// character size when Units::bytes); posts 01004 to `diagnostics` when the text was cut.
SQLLEN write_text(std::string_view text, SQLCHAR* buffer, SQLLEN capacity, Units units,
                  odbc::Diagnostics& diagnostics);
SQLLEN write_text(std::string_view text, SQLWCHAR* buffer, SQLLEN capacity, Units units,
                  odbc::Diagnostics& diagnostics);

// The common case: store the full length into an optional SQLSMALLINT/SQLINTEGER/SQLLEN pointer.
template <class Char, class Length>
void text_out(std::string_view text, Char* buffer, SQLLEN capacity, Length* length_out, Units units,
              odbc::Diagnostics& diagnostics) {
    const SQLLEN length = write_text(text, buffer, capacity, units, diagnostics);
    if (length_out != nullptr) {
        *length_out = static_cast<Length>(length);
    }
}

}  // namespace rsodbc::api
