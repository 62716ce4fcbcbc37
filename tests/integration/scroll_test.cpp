// Static scrollable cursors: SQL_ATTR_CURSOR_TYPE / SQL_ATTR_CURSOR_SCROLLABLE, every
// SQLFetchScroll orientation over results that rowsets of 1 and 7 do not divide, the positions
// before the first and after the last rowset, row status arrays, SQLSetPos(SQL_POSITION) with
// SQLGetData, SQLExtendedFetch, and the attribute values that are changed (01S02) or refused.
#include "odbc_test.h"

using namespace odbc_test;  // NOLINT(google-build-using-namespace): test vocabulary

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

constexpr int result_rows = 23;  // divisible by neither rowset size

const std::string series_sql =
    "SELECT g FROM generate_series(1, " + std::to_string(result_rows) + ") AS g ORDER BY g";

void set_attr(const Stmt& stmt, SQLINTEGER attribute, SQLULEN value) {
    check(SQLSetStmtAttr(stmt, attribute, reinterpret_cast<SQLPOINTER>(value), 0), SQL_HANDLE_STMT,
          stmt);
}

SQLULEN get_attr(const Stmt& stmt, SQLINTEGER attribute) {
    SQLULEN value = 0;
    check(SQLGetStmtAttr(stmt, attribute, &value, sizeof value, nullptr), SQL_HANDLE_STMT, stmt);
    return value;
}

// A static cursor over `sql` with a column-wise rowset of `size` integers.
struct Scroller {
    Connection c;
    Stmt stmt{c.dbc};
    SQLULEN size;
    std::vector<SQLINTEGER> ids;
    std::vector<SQLLEN> indicators;
    std::vector<SQLUSMALLINT> status;
    SQLULEN fetched = 99;

    explicit Scroller(SQLULEN rowset, const std::string& sql = series_sql)
        : size(rowset), ids(rowset), indicators(rowset), status(rowset, 99) {
        set_attr(stmt, SQL_ATTR_CURSOR_TYPE, SQL_CURSOR_STATIC);
        set_attr(stmt, SQL_ATTR_ROW_ARRAY_SIZE, size);
        check(SQLSetStmtAttr(stmt, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0), SQL_HANDLE_STMT, stmt);
        check(SQLSetStmtAttr(stmt, SQL_ATTR_ROW_STATUS_PTR, status.data(), 0), SQL_HANDLE_STMT,
              stmt);
        check(SQLBindCol(stmt, 1, SQL_C_SLONG, ids.data(), 0, indicators.data()), SQL_HANDLE_STMT,
              stmt);
        exec(stmt, sql);
    }

    SQLRETURN scroll(SQLSMALLINT orientation, SQLLEN offset = 0) {
        std::fill(ids.begin(), ids.end(), -1);
        return SQLFetchScroll(stmt, orientation, offset);
    }

    // The rowset must start at `first` and hold the rows up to the end of the result.
    void expect_rowset(int first) {
        const int expected = std::min<int>(static_cast<int>(size), result_rows - first + 1);
        REQUIRE(fetched == static_cast<SQLULEN>(expected));
        for (int i = 0; i < static_cast<int>(size); ++i) {
            CAPTURE(i);
            if (i < expected) {
                CHECK(ids[i] == first + i);
                CHECK(status[i] == SQL_ROW_SUCCESS);
            } else {
                CHECK(status[i] == SQL_ROW_NOROW);
            }
        }
    }
};

}  // namespace

TEST_CASE("a static cursor scrolls in every orientation with rowsets of 1 and 7") {
    for (const SQLULEN size : {SQLULEN{1}, SQLULEN{7}}) {
        CAPTURE(size);
        const int n = static_cast<int>(size);
        Scroller s(size);
        check(s.scroll(SQL_FETCH_NEXT), SQL_HANDLE_STMT, s.stmt);
        s.expect_rowset(1);
        check(s.scroll(SQL_FETCH_NEXT), SQL_HANDLE_STMT, s.stmt);
        s.expect_rowset(1 + n);
        check(s.scroll(SQL_FETCH_LAST), SQL_HANDLE_STMT, s.stmt);
        s.expect_rowset(result_rows - n + 1);
        check(s.scroll(SQL_FETCH_PRIOR), SQL_HANDLE_STMT, s.stmt);
        s.expect_rowset(result_rows - 2 * n + 1);
        check(s.scroll(SQL_FETCH_FIRST), SQL_HANDLE_STMT, s.stmt);
        s.expect_rowset(1);
        check(s.scroll(SQL_FETCH_ABSOLUTE, 5), SQL_HANDLE_STMT, s.stmt);
        s.expect_rowset(5);
        check(s.scroll(SQL_FETCH_RELATIVE, 3), SQL_HANDLE_STMT, s.stmt);
        s.expect_rowset(8);
        check(s.scroll(SQL_FETCH_RELATIVE, 0), SQL_HANDLE_STMT, s.stmt);  // refetch
        s.expect_rowset(8);
        check(s.scroll(SQL_FETCH_RELATIVE, -2), SQL_HANDLE_STMT, s.stmt);
        s.expect_rowset(6);
        check(s.scroll(SQL_FETCH_ABSOLUTE, -1), SQL_HANDLE_STMT, s.stmt);
        s.expect_rowset(result_rows);  // a partial rowset: the rest is SQL_ROW_NOROW
        check(s.scroll(SQL_FETCH_ABSOLUTE, -result_rows), SQL_HANDLE_STMT, s.stmt);
        s.expect_rowset(1);
        // Reading to the end with NEXT gives every row once, the last rowset short.
        check(s.scroll(SQL_FETCH_FIRST), SQL_HANDLE_STMT, s.stmt);
        int seen = static_cast<int>(s.fetched);
        while (s.scroll(SQL_FETCH_NEXT) == SQL_SUCCESS) {
            CHECK(s.ids[0] == seen + 1);
            seen += static_cast<int>(s.fetched);
        }
        CHECK(seen == result_rows);
    }
}

TEST_CASE("positions before the first and after the last rowset" * psqlodbc_deviates()) {
    Scroller s(7);
    CHECK(s.scroll(SQL_FETCH_PRIOR) == SQL_NO_DATA);  // before start stays before start
    CHECK(s.fetched == 0);
    CHECK(s.status[0] == SQL_ROW_NOROW);
    check(s.scroll(SQL_FETCH_NEXT), SQL_HANDLE_STMT, s.stmt);
    s.expect_rowset(1);
    CHECK(s.scroll(SQL_FETCH_PRIOR) == SQL_NO_DATA);  // from row 1: before start
    check(s.scroll(SQL_FETCH_NEXT), SQL_HANDLE_STMT, s.stmt);
    s.expect_rowset(1);  // and NEXT from before start is the first rowset again
    CHECK(s.scroll(SQL_FETCH_ABSOLUTE, result_rows + 1) == SQL_NO_DATA);  // after end
    CHECK(s.scroll(SQL_FETCH_NEXT) == SQL_NO_DATA);                       // stays after end
    check(s.scroll(SQL_FETCH_PRIOR), SQL_HANDLE_STMT, s.stmt);            // the last full rowset
    s.expect_rowset(result_rows - 6);
    CHECK(s.scroll(SQL_FETCH_ABSOLUTE, 0) == SQL_NO_DATA);            // before start
    check(s.scroll(SQL_FETCH_RELATIVE, 2), SQL_HANDLE_STMT, s.stmt);  // as ABSOLUTE 2
    s.expect_rowset(2);
    CHECK(s.scroll(SQL_FETCH_RELATIVE, -10) == SQL_NO_DATA);  // |offset| beyond a rowset
    CHECK(s.scroll(SQL_FETCH_ABSOLUTE, -(result_rows + 8)) == SQL_NO_DATA);
}

TEST_CASE("a rowset that would begin before row 1 is the first rowset, with 01S06") {
    Scroller s(7);
    check(s.scroll(SQL_FETCH_ABSOLUTE, 4), SQL_HANDLE_STMT, s.stmt);
    CHECK(s.scroll(SQL_FETCH_PRIOR) == SQL_SUCCESS_WITH_INFO);
    CHECK(has_state(SQL_HANDLE_STMT, s.stmt, "01S06"));
    s.expect_rowset(1);
    check(s.scroll(SQL_FETCH_ABSOLUTE, 3), SQL_HANDLE_STMT, s.stmt);
    CHECK(s.scroll(SQL_FETCH_RELATIVE, -5) == SQL_SUCCESS_WITH_INFO);
    CHECK(has_state(SQL_HANDLE_STMT, s.stmt, "01S06"));
    s.expect_rowset(1);
    // |offset| past the first row but within a rowset: the first rowset too.
    Scroller small(7, "SELECT g FROM generate_series(1, 3) AS g ORDER BY g");
    CHECK(small.scroll(SQL_FETCH_ABSOLUTE, -5) == SQL_SUCCESS_WITH_INFO);
    CHECK(has_state(SQL_HANDLE_STMT, small.stmt, "01S06"));
    CHECK(small.fetched == 3);
    CHECK(small.ids[0] == 1);
}

TEST_CASE("a static cursor over a result smaller than the rowset, and over no rows") {
    {
        Scroller s(7, "SELECT g FROM generate_series(1, 3) AS g ORDER BY g");
        check(s.scroll(SQL_FETCH_LAST), SQL_HANDLE_STMT, s.stmt);
        CHECK(s.fetched == 3);
        CHECK(s.ids[0] == 1);
        CHECK(s.status[3] == SQL_ROW_NOROW);
        CHECK(s.scroll(SQL_FETCH_NEXT) == SQL_NO_DATA);
        CHECK(s.scroll(SQL_FETCH_PRIOR) == SQL_SUCCESS_WITH_INFO);  // after end, 3 rows < 7
        CHECK(s.ids[2] == 3);
    }
    Scroller s(7, "SELECT 1 WHERE false");
    for (const SQLSMALLINT orientation :
         {SQL_FETCH_NEXT, SQL_FETCH_FIRST, SQL_FETCH_LAST, SQL_FETCH_PRIOR}) {
        CAPTURE(orientation);
        CHECK(s.scroll(orientation) == SQL_NO_DATA);
        CHECK(s.fetched == 0);
    }
}

TEST_CASE("SQL_ATTR_MAX_ROWS bounds a static cursor's last row" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    set_attr(stmt, SQL_ATTR_CURSOR_TYPE, SQL_CURSOR_STATIC);
    set_attr(stmt, SQL_ATTR_MAX_ROWS, 10);
    SQLINTEGER id = 0;
    check(SQLBindCol(stmt, 1, SQL_C_SLONG, &id, 0, nullptr), SQL_HANDLE_STMT, stmt);
    exec(stmt, series_sql);
    check(SQLFetchScroll(stmt, SQL_FETCH_LAST, 0), SQL_HANDLE_STMT, stmt);
    CHECK(id == 10);
    CHECK(SQLFetchScroll(stmt, SQL_FETCH_ABSOLUTE, 11) == SQL_NO_DATA);
}

TEST_CASE("SQLGetData on a static block cursor reads the row SQLSetPos positions"
          * psqlodbc_deviates()) {
    Scroller s(7);
    check(s.scroll(SQL_FETCH_ABSOLUTE, 10), SQL_HANDLE_STMT, s.stmt);
    // After the fetch the current row is the rowset's first.
    CHECK(fetch_string(s.stmt, 1) == "10");
    CHECK(get_attr(s.stmt, SQL_ATTR_ROW_NUMBER) == 10);
    for (const SQLSETPOSIROW row : {SQLSETPOSIROW{4}, SQLSETPOSIROW{7}, SQLSETPOSIROW{1}}) {
        check(SQLSetPos(s.stmt, row, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT, s.stmt);
        CHECK(fetch_string(s.stmt, 1) == std::to_string(9 + row));
        CHECK(get_attr(s.stmt, SQL_ATTR_ROW_NUMBER) == 9 + row);
    }
    CHECK(SQLSetPos(s.stmt, 8, SQL_POSITION, SQL_LOCK_NO_CHANGE) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, s.stmt, "HY109"));
    CHECK(SQLSetPos(s.stmt, 1, SQL_UPDATE, SQL_LOCK_NO_CHANGE) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, s.stmt, "HYC00"));
    CHECK(SQLSetPos(s.stmt, 1, SQL_DELETE, SQL_LOCK_NO_CHANGE) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, s.stmt, "HYC00"));
}

TEST_CASE("SQLSetPos on a forward-only cursor is refused with a reason" * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, series_sql);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(get_attr(stmt, SQL_ATTR_ROW_NUMBER) == 2);
    CHECK(SQLSetPos(stmt, 1, SQL_POSITION, SQL_LOCK_NO_CHANGE) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HYC00"));
    CHECK(contains_nocase(diag_text(SQL_HANDLE_STMT, stmt), "forward-only"));
}

TEST_CASE("SQLExtendedFetch scrolls a static cursor with its own status array") {
    Connection c;
    Stmt stmt(c.dbc);
    set_attr(stmt, SQL_ATTR_CURSOR_TYPE, SQL_CURSOR_STATIC);
    set_attr(stmt, SQL_ROWSET_SIZE, 7);
    std::vector<SQLINTEGER> ids(7);
    std::vector<SQLUSMALLINT> status(7, 99);
    SQLULEN fetched = 0;
    // SQLExtendedFetch binds by SQL_ROWSET_SIZE, column-wise.
    check(SQLBindCol(stmt, 1, SQL_C_SLONG, ids.data(), 0, nullptr), SQL_HANDLE_STMT, stmt);
    exec(stmt, series_sql);
    check(SQLExtendedFetch(stmt, SQL_FETCH_LAST, 0, &fetched, status.data()), SQL_HANDLE_STMT,
          stmt);
    CHECK(fetched == 7);
    CHECK(ids[0] == result_rows - 6);
    check(SQLExtendedFetch(stmt, SQL_FETCH_ABSOLUTE, 20, &fetched, status.data()), SQL_HANDLE_STMT,
          stmt);
    CHECK(fetched == 4);
    CHECK(ids[3] == 23);
    CHECK(status[3] == SQL_ROW_SUCCESS);
    CHECK(status[4] == SQL_ROW_NOROW);
}

TEST_CASE("SQL_ATTR_CURSOR_SCROLLABLE makes the cursor static, and back" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    CHECK(get_attr(stmt, SQL_ATTR_CURSOR_TYPE) == SQL_CURSOR_FORWARD_ONLY);
    CHECK(get_attr(stmt, SQL_ATTR_CURSOR_SCROLLABLE) == SQL_NONSCROLLABLE);
    set_attr(stmt, SQL_ATTR_CURSOR_SCROLLABLE, SQL_SCROLLABLE);
    CHECK(get_attr(stmt, SQL_ATTR_CURSOR_TYPE) == SQL_CURSOR_STATIC);
    SQLINTEGER id = 0;
    check(SQLBindCol(stmt, 1, SQL_C_SLONG, &id, 0, nullptr), SQL_HANDLE_STMT, stmt);
    exec(stmt, series_sql);
    check(SQLFetchScroll(stmt, SQL_FETCH_LAST, 0), SQL_HANDLE_STMT, stmt);
    CHECK(id == result_rows);
    check(SQLFreeStmt(stmt, SQL_CLOSE), SQL_HANDLE_STMT, stmt);
    set_attr(stmt, SQL_ATTR_CURSOR_SCROLLABLE, SQL_NONSCROLLABLE);
    CHECK(get_attr(stmt, SQL_ATTR_CURSOR_TYPE) == SQL_CURSOR_FORWARD_ONLY);
}

TEST_CASE("keyset and dynamic cursors become static with 01S02" * only_our_driver()) {
    for (const SQLULEN requested :
         {SQLULEN{SQL_CURSOR_KEYSET_DRIVEN}, SQLULEN{SQL_CURSOR_DYNAMIC}}) {
        CAPTURE(requested);
        Connection c;
        Stmt stmt(c.dbc);
        const SQLRETURN rc =
            SQLSetStmtAttr(stmt, SQL_ATTR_CURSOR_TYPE, reinterpret_cast<SQLPOINTER>(requested), 0);
        CHECK(rc == SQL_SUCCESS_WITH_INFO);
        CHECK(has_state(SQL_HANDLE_STMT, stmt, "01S02"));
        CHECK(get_attr(stmt, SQL_ATTR_CURSOR_TYPE) == SQL_CURSOR_STATIC);
        SQLINTEGER id = 0;
        check(SQLBindCol(stmt, 1, SQL_C_SLONG, &id, 0, nullptr), SQL_HANDLE_STMT, stmt);
        exec(stmt, series_sql);
        check(SQLFetchScroll(stmt, SQL_FETCH_ABSOLUTE, -2), SQL_HANDLE_STMT, stmt);
        CHECK(id == result_rows - 1);
    }
}

TEST_CASE("concurrency and sensitivity requests are changed; bookmarks are refused"
          * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    CHECK(
        SQLSetStmtAttr(stmt, SQL_ATTR_CONCURRENCY, reinterpret_cast<SQLPOINTER>(SQL_CONCUR_LOCK), 0)
        == SQL_SUCCESS_WITH_INFO);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "01S02"));
    CHECK(get_attr(stmt, SQL_ATTR_CONCURRENCY) == SQL_CONCUR_READ_ONLY);
    CHECK(SQLSetStmtAttr(stmt, SQL_ATTR_CURSOR_SENSITIVITY,
                         reinterpret_cast<SQLPOINTER>(SQL_SENSITIVE), 0)
          == SQL_SUCCESS_WITH_INFO);
    CHECK(get_attr(stmt, SQL_ATTR_CURSOR_SENSITIVITY) == SQL_INSENSITIVE);
    CHECK(SQLSetStmtAttr(stmt, SQL_ATTR_USE_BOOKMARKS, reinterpret_cast<SQLPOINTER>(SQL_UB_ON), 0)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HYC00"));
    CHECK(get_attr(stmt, SQL_ATTR_USE_BOOKMARKS) == SQL_UB_OFF);
}

TEST_CASE("invalid cursor attribute values are HY024" * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    for (const SQLINTEGER attribute :
         {SQL_ATTR_CURSOR_TYPE, SQL_ATTR_CURSOR_SCROLLABLE, SQL_ATTR_CONCURRENCY,
          SQL_ATTR_CURSOR_SENSITIVITY, SQL_ATTR_USE_BOOKMARKS}) {
        CAPTURE(attribute);
        CHECK(SQLSetStmtAttr(stmt, attribute, reinterpret_cast<SQLPOINTER>(SQLULEN{77}), 0)
              == SQL_ERROR);
        CHECK(has_state(SQL_HANDLE_STMT, stmt, "HY024"));
    }
    CHECK(get_attr(stmt, SQL_ATTR_CURSOR_TYPE) == SQL_CURSOR_FORWARD_ONLY);
}

TEST_CASE("the cursor type cannot change while a cursor is open" * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, series_sql);
    CHECK(SQLSetStmtAttr(stmt, SQL_ATTR_CURSOR_TYPE,
                         reinterpret_cast<SQLPOINTER>(SQL_CURSOR_STATIC), 0)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "24000"));
}

TEST_CASE("bad fetch orientations: HY106 for undefined ones and on forward-only cursors") {
    Scroller s(7);
    // unixODBC checks the orientation range itself; the driver must agree for what it passes on.
    CHECK(SQLFetchScroll(s.stmt, 99, 0) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, s.stmt, "HY106"));
    // Bookmarks are off (and unsupported): the driver manager or the driver refuses the fetch.
    CHECK(SQLFetchScroll(s.stmt, SQL_FETCH_BOOKMARK, 0) == SQL_ERROR);
    CHECK((has_state(SQL_HANDLE_STMT, s.stmt, "HY106")
           || has_state(SQL_HANDLE_STMT, s.stmt, "HYC00")));
    check(s.scroll(SQL_FETCH_FIRST), SQL_HANDLE_STMT, s.stmt);  // the cursor still works
    s.expect_rowset(1);
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, series_sql);
    for (const SQLSMALLINT orientation : {SQL_FETCH_PRIOR, SQL_FETCH_FIRST, SQL_FETCH_LAST,
                                          SQL_FETCH_ABSOLUTE, SQL_FETCH_RELATIVE}) {
        CAPTURE(orientation);
        CHECK(SQLFetchScroll(stmt, orientation, 1) == SQL_ERROR);
        CHECK(has_state(SQL_HANDLE_STMT, stmt, "HY106"));
    }
    check(SQLFetchScroll(stmt, SQL_FETCH_NEXT, 0), SQL_HANDLE_STMT, stmt);
}

TEST_CASE("a static cursor with parameters and over a prepared statement") {
    Connection c;
    Stmt stmt(c.dbc);
    set_attr(stmt, SQL_ATTR_CURSOR_TYPE, SQL_CURSOR_STATIC);
    SQLINTEGER limit = 12;
    SQLINTEGER id = 0;
    check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &limit, 0,
                           nullptr),
          SQL_HANDLE_STMT, stmt);
    check(SQLBindCol(stmt, 1, SQL_C_SLONG, &id, 0, nullptr), SQL_HANDLE_STMT, stmt);
    check(SQLPrepare(stmt, sqlc("SELECT g FROM generate_series(1, ?) AS g ORDER BY g"), SQL_NTS),
          SQL_HANDLE_STMT, stmt);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    check(SQLFetchScroll(stmt, SQL_FETCH_LAST, 0), SQL_HANDLE_STMT, stmt);
    CHECK(id == 12);
    check(SQLFetchScroll(stmt, SQL_FETCH_RELATIVE, -11), SQL_HANDLE_STMT, stmt);
    CHECK(id == 1);
}

TEST_CASE("NEXT steps by the previous rowset size, PRIOR by the new one") {
    Scroller s(7);
    check(s.scroll(SQL_FETCH_NEXT), SQL_HANDLE_STMT, s.stmt);
    s.expect_rowset(1);
    set_attr(s.stmt, SQL_ATTR_ROW_ARRAY_SIZE, 3);
    check(s.scroll(SQL_FETCH_NEXT), SQL_HANDLE_STMT, s.stmt);
    CHECK(s.fetched == 3);
    CHECK(s.ids[0] == 8);
    CHECK(s.ids[2] == 10);
    check(s.scroll(SQL_FETCH_PRIOR), SQL_HANDLE_STMT, s.stmt);
    CHECK(s.ids[0] == 5);
}

TEST_CASE("bad input: null pointers, fetching without a cursor, positions without a rowset"
          * only_our_driver()) {
    Scroller s(7);
    // The rows-fetched and status pointers are optional.
    check(SQLSetStmtAttr(s.stmt, SQL_ATTR_ROWS_FETCHED_PTR, nullptr, 0), SQL_HANDLE_STMT, s.stmt);
    check(SQLSetStmtAttr(s.stmt, SQL_ATTR_ROW_STATUS_PTR, nullptr, 0), SQL_HANDLE_STMT, s.stmt);
    check(s.scroll(SQL_FETCH_LAST), SQL_HANDLE_STMT, s.stmt);
    CHECK(s.ids[0] == result_rows - 6);
    {
        Stmt extended(s.c.dbc);  // SQLExtendedFetch's own pointers are optional too
        SQLINTEGER id = 0;
        set_attr(extended, SQL_ATTR_CURSOR_TYPE, SQL_CURSOR_STATIC);
        check(SQLBindCol(extended, 1, SQL_C_SLONG, &id, 0, nullptr), SQL_HANDLE_STMT, extended);
        exec(extended, series_sql);
        check(SQLExtendedFetch(extended, SQL_FETCH_LAST, 0, nullptr, nullptr), SQL_HANDLE_STMT,
              extended);
        CHECK(id == result_rows);
    }
    CHECK(SQLFetchScroll(SQL_NULL_HSTMT, SQL_FETCH_FIRST, 0) == SQL_INVALID_HANDLE);
    CHECK(SQLSetPos(SQL_NULL_HSTMT, 1, SQL_POSITION, SQL_LOCK_NO_CHANGE) == SQL_INVALID_HANDLE);
    check(SQLFreeStmt(s.stmt, SQL_CLOSE), SQL_HANDLE_STMT, s.stmt);
    CHECK(SQLFetchScroll(s.stmt, SQL_FETCH_FIRST, 0) == SQL_ERROR);  // no cursor
    CHECK(SQLSetPos(s.stmt, 1, SQL_POSITION, SQL_LOCK_NO_CHANGE) == SQL_ERROR);
    exec(s.stmt, series_sql);
    // Executed but nothing fetched yet: there is no rowset to position in.
    CHECK(SQLSetPos(s.stmt, 1, SQL_POSITION, SQL_LOCK_NO_CHANGE) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, s.stmt, "24000"));
    check(s.scroll(SQL_FETCH_FIRST), SQL_HANDLE_STMT, s.stmt);
    CHECK(SQLSetPos(s.stmt, 1, SQL_POSITION, SQL_LOCK_EXCLUSIVE) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, s.stmt, "HYC00"));
    CHECK(SQLSetPos(s.stmt, 1, 99, SQL_LOCK_NO_CHANGE) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, s.stmt, "HY092"));
    // After all that, the cursor still works.
    check(s.scroll(SQL_FETCH_ABSOLUTE, 2), SQL_HANDLE_STMT, s.stmt);
    CHECK(s.ids[0] == 2);
}

TEST_CASE("the cursor type is chosen before SQLPrepare" * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    check(SQLPrepare(stmt, sqlc(series_sql), SQL_NTS), SQL_HANDLE_STMT, stmt);
    CHECK(SQLSetStmtAttr(stmt, SQL_ATTR_CURSOR_TYPE,
                         reinterpret_cast<SQLPOINTER>(SQL_CURSOR_STATIC), 0)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HY011"));
}
