#pragma once
// Where the next rowset of a scrollable cursor starts: the ODBC "Cursor Positioning Rules" of
// SQLFetchScroll, as a pure function of the cursor's position, so every edge (before start,
// after end, a rowset that would begin before row 1) is unit-tested without a server.
#include <sql.h>
#include <sqlext.h>

#include <cstdint>

namespace rsodbc::exec {

// Row numbers are 1-based as in the ODBC reference; 0 is "before start" and last_row + 1 is
// "after end".
struct ScrollRequest {
    SQLSMALLINT orientation = SQL_FETCH_NEXT;
    std::int64_t offset = 0;         // FetchOffset (ABSOLUTE, RELATIVE)
    std::int64_t current_start = 0;  // first row of the current rowset
    std::int64_t last_row = 0;       // rows in the result
    std::int64_t rowset_size = 1;    // the rowset size of this call
    std::int64_t previous_size = 1;  // the rowset size of the previous fetch (used by NEXT)
};

struct ScrollTarget {
    std::int64_t start = 0;         // 0 before start, last_row + 1 after end
    bool clamped_to_first = false;  // 01S06: the rowset would have begun before row 1
};

// Orientation must be one of NEXT, PRIOR, FIRST, LAST, ABSOLUTE, RELATIVE (the caller refuses
// the others).
ScrollTarget scroll_target(const ScrollRequest& request);

}  // namespace rsodbc::exec
