// Block cursors: SQL_ATTR_ROW_ARRAY_SIZE > 1 with column-wise and row-wise binding, rows fetched
// and row status pointers, rowsets that do not divide the result, SQL_ATTR_MAX_ROWS, and
// SQLFetchScroll / SQLExtendedFetch (ODBC: "Block Cursors", "SQLFetch", "SQLExtendedFetch").
#include "odbc_test.h"

using namespace odbc_test;  // NOLINT(google-build-using-namespace): test vocabulary

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

constexpr int result_rows = 2003;  // divisible by none of the rowset sizes below

const std::string series_sql = "SELECT g AS id, 'row ' || g AS label FROM generate_series(1, "
                               + std::to_string(result_rows) + ") AS g ORDER BY g";

void set_attr(const Stmt& stmt, SQLINTEGER attribute, SQLULEN value) {
    check(SQLSetStmtAttr(stmt, attribute, reinterpret_cast<SQLPOINTER>(value), 0), SQL_HANDLE_STMT,
          stmt);
}

}  // namespace

TEST_CASE("column-wise block fetches of 1, 7 and 1000 rows cover the whole result") {
    for (const SQLULEN size : {SQLULEN{1}, SQLULEN{7}, SQLULEN{1000}}) {
        CAPTURE(size);
        Connection c;
        Stmt stmt(c.dbc);
        std::vector<SQLINTEGER> ids(size);
        std::vector<SQLLEN> id_ind(size);
        std::vector<char> labels(size * 16);
        std::vector<SQLLEN> label_ind(size);
        std::vector<SQLUSMALLINT> status(size, 99);
        SQLULEN fetched = 0;
        set_attr(stmt, SQL_ATTR_ROW_ARRAY_SIZE, size);
        check(SQLSetStmtAttr(stmt, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0), SQL_HANDLE_STMT, stmt);
        check(SQLSetStmtAttr(stmt, SQL_ATTR_ROW_STATUS_PTR, status.data(), 0), SQL_HANDLE_STMT,
              stmt);
        check(SQLBindCol(stmt, 1, SQL_C_SLONG, ids.data(), 0, id_ind.data()), SQL_HANDLE_STMT,
              stmt);
        check(SQLBindCol(stmt, 2, SQL_C_CHAR, labels.data(), 16, label_ind.data()), SQL_HANDLE_STMT,
              stmt);
        exec(stmt, series_sql);
        int expected = 1;
        SQLRETURN rc = SQL_SUCCESS;
        while ((rc = SQLFetch(stmt)) != SQL_NO_DATA) {
            check(rc, SQL_HANDLE_STMT, stmt);
            REQUIRE(fetched >= 1);
            REQUIRE(fetched <= size);
            for (SQLULEN i = 0; i < fetched; ++i, ++expected) {
                CHECK(ids[i] == expected);
                CHECK(std::string(&labels[i * 16]) == "row " + std::to_string(expected));
                CHECK(label_ind[i]
                      == static_cast<SQLLEN>(("row " + std::to_string(expected)).size()));
                CHECK(status[i] == SQL_ROW_SUCCESS);
            }
            for (SQLULEN i = fetched; i < size; ++i) {
                CHECK(status[i] == SQL_ROW_NOROW);  // the short last rowset
            }
        }
        CHECK(expected == result_rows + 1);
        CHECK(fetched == 0);
    }
}

TEST_CASE("row-wise block fetch with a bind offset") {
    struct Row {
        SQLINTEGER id;
        SQLLEN id_ind;
        char label[12];
        SQLLEN label_ind;
    };

    Connection c;
    Stmt stmt(c.dbc);
    std::vector<Row> rows(10);
    std::vector<Row> shifted(10);
    SQLLEN offset = 0;
    SQLULEN fetched = 0;
    set_attr(stmt, SQL_ATTR_ROW_ARRAY_SIZE, rows.size());
    set_attr(stmt, SQL_ATTR_ROW_BIND_TYPE, sizeof(Row));
    check(SQLSetStmtAttr(stmt, SQL_ATTR_ROW_BIND_OFFSET_PTR, &offset, 0), SQL_HANDLE_STMT, stmt);
    check(SQLSetStmtAttr(stmt, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0), SQL_HANDLE_STMT, stmt);
    check(SQLBindCol(stmt, 1, SQL_C_SLONG, &rows[0].id, 0, &rows[0].id_ind), SQL_HANDLE_STMT, stmt);
    check(SQLBindCol(stmt, 2, SQL_C_CHAR, rows[0].label, sizeof rows[0].label, &rows[0].label_ind),
          SQL_HANDLE_STMT, stmt);
    exec(stmt, "SELECT g, 'r' || g FROM generate_series(1, 15) g ORDER BY g");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetched == 10);
    CHECK(rows[0].id == 1);
    CHECK(rows[9].id == 10);
    CHECK(std::string(rows[9].label) == "r10");
    CHECK(rows[9].label_ind == 3);
    // The offset moves every bound address to the second array.
    offset = reinterpret_cast<char*>(shifted.data()) - reinterpret_cast<char*>(rows.data());
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetched == 5);
    CHECK(shifted[0].id == 11);
    CHECK(shifted[4].id == 15);
    CHECK(std::string(shifted[4].label) == "r15");
    CHECK(rows[0].id == 1);  // untouched
    CHECK(SQLFetch(stmt) == SQL_NO_DATA);
}

// Differential: psqlODBC leaves the row status SQL_ROW_SUCCESS for a truncated row.
TEST_CASE("truncation in one row of a rowset: SQL_ROW_SUCCESS_WITH_INFO and 01004"
          * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    char labels[3][4] = {};
    SQLLEN ind[3] = {};
    SQLUSMALLINT status[3] = {};
    set_attr(stmt, SQL_ATTR_ROW_ARRAY_SIZE, 3);
    check(SQLSetStmtAttr(stmt, SQL_ATTR_ROW_STATUS_PTR, status, 0), SQL_HANDLE_STMT, stmt);
    check(SQLBindCol(stmt, 1, SQL_C_CHAR, labels, sizeof labels[0], ind), SQL_HANDLE_STMT, stmt);
    exec(stmt, "SELECT x FROM (VALUES (1, 'ab'), (2, 'abcdef'), (3, 'c')) t(n, x) ORDER BY n");
    CHECK(SQLFetch(stmt) == SQL_SUCCESS_WITH_INFO);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "01004"));
    CHECK(status[0] == SQL_ROW_SUCCESS);
    CHECK(status[1] == SQL_ROW_SUCCESS_WITH_INFO);
    CHECK(status[2] == SQL_ROW_SUCCESS);
    CHECK(std::string(labels[1]) == "abc");
    CHECK(ind[1] == 6);
}

// Differential: psqlODBC returns more rows than SQL_ATTR_MAX_ROWS on a block cursor.
TEST_CASE("SQL_ATTR_MAX_ROWS limits a block cursor" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    SQLINTEGER ids[50] = {};
    SQLULEN fetched = 0;
    set_attr(stmt, SQL_ATTR_ROW_ARRAY_SIZE, 50);
    set_attr(stmt, SQL_ATTR_MAX_ROWS, 30);
    check(SQLSetStmtAttr(stmt, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0), SQL_HANDLE_STMT, stmt);
    check(SQLBindCol(stmt, 1, SQL_C_SLONG, ids, 0, nullptr), SQL_HANDLE_STMT, stmt);
    exec(stmt, "SELECT g FROM generate_series(1, 100) g ORDER BY g");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetched == 30);
    CHECK(ids[29] == 30);
    CHECK(SQLFetch(stmt) == SQL_NO_DATA);
}

TEST_CASE("SQLFetchScroll NEXT works; other orientations on a forward-only cursor are HY106") {
    Connection c;
    Stmt stmt(c.dbc);
    SQLINTEGER id = 0;
    check(SQLBindCol(stmt, 1, SQL_C_SLONG, &id, 0, nullptr), SQL_HANDLE_STMT, stmt);
    exec(stmt, "SELECT g FROM generate_series(1, 3) g ORDER BY g");
    check(SQLFetchScroll(stmt, SQL_FETCH_NEXT, 0), SQL_HANDLE_STMT, stmt);
    CHECK(id == 1);
    CHECK(SQLFetchScroll(stmt, SQL_FETCH_FIRST, 0) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HY106"));
}

TEST_CASE("SQLGetData on a block cursor is refused clearly" * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    set_attr(stmt, SQL_ATTR_ROW_ARRAY_SIZE, 5);
    exec(stmt, "SELECT 1");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    SQLINTEGER value = 0;
    CHECK(SQLGetData(stmt, 1, SQL_C_SLONG, &value, 0, nullptr) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HYC00"));
}
