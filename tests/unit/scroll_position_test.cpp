// The SQLFetchScroll cursor positioning rules (exec/scroll_position), row by row of the ODBC
// reference tables, over a result of 10 rows and rowsets of 3.
#include "exec/scroll_position.h"

#include <doctest/doctest.h>

#include <initializer_list>

using rsodbc::exec::scroll_target;
using rsodbc::exec::ScrollRequest;

namespace {

constexpr std::int64_t last = 10;
constexpr std::int64_t after_end = last + 1;

std::int64_t start_of(SQLSMALLINT orientation, std::int64_t current, std::int64_t offset = 0,
                      std::int64_t size = 3) {
    return scroll_target(ScrollRequest{orientation, offset, current, last, size, size}).start;
}

bool warns(SQLSMALLINT orientation, std::int64_t current, std::int64_t offset = 0) {
    return scroll_target(ScrollRequest{orientation, offset, current, last, 3, 3}).clamped_to_first;
}

}  // namespace

TEST_CASE("SQL_FETCH_NEXT") {
    CHECK(start_of(SQL_FETCH_NEXT, 0) == 1);
    CHECK(start_of(SQL_FETCH_NEXT, 4) == 7);
    CHECK(start_of(SQL_FETCH_NEXT, 10) == after_end);
    CHECK(start_of(SQL_FETCH_NEXT, after_end) == after_end);
    // The previous call's rowset size decides where the next rowset starts.
    CHECK(scroll_target(ScrollRequest{SQL_FETCH_NEXT, 0, 4, last, 5, 2}).start == 6);
}

TEST_CASE("SQL_FETCH_PRIOR") {
    CHECK(start_of(SQL_FETCH_PRIOR, 0) == 0);
    CHECK(start_of(SQL_FETCH_PRIOR, 1) == 0);
    CHECK(start_of(SQL_FETCH_PRIOR, 2) == 1);
    CHECK(warns(SQL_FETCH_PRIOR, 2));
    CHECK(start_of(SQL_FETCH_PRIOR, 7) == 4);
    CHECK_FALSE(warns(SQL_FETCH_PRIOR, 7));
    CHECK(start_of(SQL_FETCH_PRIOR, after_end) == 8);
    CHECK(start_of(SQL_FETCH_PRIOR, after_end, 0, 20) == 1);  // the result is shorter than a rowset
}

TEST_CASE("SQL_FETCH_FIRST and SQL_FETCH_LAST") {
    CHECK(start_of(SQL_FETCH_FIRST, 7) == 1);
    CHECK(start_of(SQL_FETCH_LAST, 0) == 8);
    CHECK(start_of(SQL_FETCH_LAST, 0, 0, 20) == 1);
}

TEST_CASE("SQL_FETCH_ABSOLUTE, negative offsets counting from the end") {
    CHECK(start_of(SQL_FETCH_ABSOLUTE, 5, 0) == 0);
    CHECK(start_of(SQL_FETCH_ABSOLUTE, 5, 1) == 1);
    CHECK(start_of(SQL_FETCH_ABSOLUTE, 5, 10) == 10);
    CHECK(start_of(SQL_FETCH_ABSOLUTE, 5, 11) == after_end);
    CHECK(start_of(SQL_FETCH_ABSOLUTE, 5, -1) == 10);
    CHECK(start_of(SQL_FETCH_ABSOLUTE, 5, -10) == 1);
    CHECK_FALSE(warns(SQL_FETCH_ABSOLUTE, 5, -10));
    CHECK(start_of(SQL_FETCH_ABSOLUTE, 5, -11, 20) == 1);  // |offset| within a rowset: 01S06
    CHECK(scroll_target(ScrollRequest{SQL_FETCH_ABSOLUTE, -11, 5, last, 20, 20}).clamped_to_first);
    CHECK(start_of(SQL_FETCH_ABSOLUTE, 5, -14) == 0);  // beyond a rowset: before start
}

TEST_CASE("SQL_FETCH_RELATIVE") {
    CHECK(start_of(SQL_FETCH_RELATIVE, 0, 4) == 4);           // from before start: absolute
    CHECK(start_of(SQL_FETCH_RELATIVE, after_end, -2) == 9);  // from after end: absolute
    CHECK(start_of(SQL_FETCH_RELATIVE, 0, -1) == 0);
    CHECK(start_of(SQL_FETCH_RELATIVE, 1, -1) == 0);
    CHECK(start_of(SQL_FETCH_RELATIVE, 3, -5) == 0);  // |offset| beyond a rowset
    CHECK(start_of(SQL_FETCH_RELATIVE, 3, -3) == 1);  // within a rowset: row 1 with 01S06
    CHECK(warns(SQL_FETCH_RELATIVE, 3, -3));
    CHECK(start_of(SQL_FETCH_RELATIVE, 4, 0) == 4);  // refetch
    CHECK(start_of(SQL_FETCH_RELATIVE, 4, 6) == 10);
    CHECK(start_of(SQL_FETCH_RELATIVE, 4, 7) == after_end);
    CHECK(start_of(SQL_FETCH_RELATIVE, after_end, 3) == after_end);
}

TEST_CASE("an empty result has no rowset anywhere") {
    for (const SQLSMALLINT orientation : {SQL_FETCH_NEXT, SQL_FETCH_FIRST, SQL_FETCH_LAST}) {
        CHECK(scroll_target(ScrollRequest{orientation, 0, 0, 0, 3, 3}).start == 1);
    }
    CHECK_FALSE(scroll_target(ScrollRequest{SQL_FETCH_ABSOLUTE, -1, 0, 0, 3, 3}).clamped_to_first);
}
