// Robustness: NULL handles and pointers, negative lengths, calls in the wrong state, invalid
// attributes. The driver manager answers some of these itself; either answer is accepted where the
// test says so, but never success.
#include "odbc_test.h"

#include <string>

using namespace odbc_test;

TEST_CASE("SQLAllocHandle with a NULL output pointer is not a success") {
    CHECK(!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, nullptr)));
    Env env;
    CHECK(!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, env, nullptr)));
    Connection c;
    CHECK(!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, c.dbc, nullptr)));
}

TEST_CASE("SQLAllocHandle of a statement on an unconnected connection is 08003") {
    Env env;
    Dbc dbc(env);
    SQLHSTMT stmt = SQL_NULL_HSTMT;
    const SQLRETURN rc = SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
    INFO(outcome(rc, SQL_HANDLE_DBC, dbc));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, dbc, "08003"));
}

TEST_CASE("null handles are SQL_INVALID_HANDLE") {
    CHECK(SQLExecDirect(SQL_NULL_HSTMT, sqlc("SELECT 1"), SQL_NTS) == SQL_INVALID_HANDLE);
    CHECK(SQLExecDirectW(SQL_NULL_HSTMT, nullptr, SQL_NTS) == SQL_INVALID_HANDLE);
    CHECK(SQLFetch(SQL_NULL_HSTMT) == SQL_INVALID_HANDLE);
    CHECK(SQLPrepare(SQL_NULL_HSTMT, sqlc("SELECT 1"), SQL_NTS) == SQL_INVALID_HANDLE);
    CHECK(SQLExecute(SQL_NULL_HSTMT) == SQL_INVALID_HANDLE);
    CHECK(SQLCloseCursor(SQL_NULL_HSTMT) == SQL_INVALID_HANDLE);
    CHECK(SQLFreeStmt(SQL_NULL_HSTMT, SQL_CLOSE) == SQL_INVALID_HANDLE);
    CHECK(SQLFreeHandle(SQL_HANDLE_STMT, SQL_NULL_HSTMT) == SQL_INVALID_HANDLE);
    SQLSMALLINT cols = 0;
    CHECK(SQLNumResultCols(SQL_NULL_HSTMT, &cols) == SQL_INVALID_HANDLE);
    SQLLEN count = 0;
    CHECK(SQLRowCount(SQL_NULL_HSTMT, &count) == SQL_INVALID_HANDLE);
    SQLINTEGER v = 0;
    CHECK(SQLGetData(SQL_NULL_HSTMT, 1, SQL_C_SLONG, &v, 0, nullptr) == SQL_INVALID_HANDLE);
    CHECK(SQLBindCol(SQL_NULL_HSTMT, 1, SQL_C_SLONG, &v, 0, nullptr) == SQL_INVALID_HANDLE);
    CHECK(SQLDisconnect(SQL_NULL_HDBC) == SQL_INVALID_HANDLE);
    CHECK(SQLConnect(SQL_NULL_HDBC, sqlc("x"), SQL_NTS, nullptr, 0, nullptr, 0)
          == SQL_INVALID_HANDLE);
    char buf[32];
    CHECK(SQLGetInfo(SQL_NULL_HDBC, SQL_DRIVER_NAME, buf, sizeof buf, nullptr)
          == SQL_INVALID_HANDLE);
    CHECK(SQLEndTran(SQL_HANDLE_DBC, SQL_NULL_HDBC, SQL_COMMIT) == SQL_INVALID_HANDLE);
    CHECK(SQLGetDiagRec(SQL_HANDLE_STMT, SQL_NULL_HSTMT, 1, nullptr, nullptr, nullptr, 0, nullptr)
          == SQL_INVALID_HANDLE);
}

TEST_CASE("SQLExecDirect with NULL text is HY009") {
    Connection c;
    Stmt stmt(c.dbc);
    SQLRETURN rc = SQLExecDirect(stmt, nullptr, SQL_NTS);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HY009"));

    rc = SQLExecDirectW(stmt, nullptr, SQL_NTS);
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HY009"));

    rc = SQLPrepare(stmt, nullptr, SQL_NTS);
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HY009"));

    // The statement handle is still fine.
    exec(stmt, "SELECT 1");
}

TEST_CASE("SQLExecDirect with a negative length other than SQL_NTS is HY090") {
    Connection c;
    Stmt stmt(c.dbc);
    const SQLRETURN rc = SQLExecDirect(stmt, sqlc("SELECT 1"), -7);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HY090"));
}

TEST_CASE("SQLGetData before any execution is HY010") {
    Connection c;
    Stmt stmt(c.dbc);
    SQLINTEGER v = 0;
    SQLLEN ind = 0;
    const SQLRETURN rc = SQLGetData(stmt, 1, SQL_C_SLONG, &v, 0, &ind);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HY010"));
}

TEST_CASE("SQLGetData after execute but before SQLFetch is an error (24000 or HY010)") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 1");
    SQLINTEGER v = 0;
    SQLLEN ind = 0;
    const SQLRETURN rc = SQLGetData(stmt, 1, SQL_C_SLONG, &v, 0, &ind);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK((has_state(SQL_HANDLE_STMT, stmt, "24000") || has_state(SQL_HANDLE_STMT, stmt, "HY010")));
}

TEST_CASE("SQLGetData after SQL_NO_DATA from SQLFetch is an error") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 1");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    REQUIRE(SQLFetch(stmt) == SQL_NO_DATA);
    SQLINTEGER v = 0;
    SQLLEN ind = 0;
    const SQLRETURN rc = SQLGetData(stmt, 1, SQL_C_SLONG, &v, 0, &ind);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK((has_state(SQL_HANDLE_STMT, stmt, "24000") || has_state(SQL_HANDLE_STMT, stmt, "HY010")));
}

TEST_CASE("SQLFetch on a statement never executed is HY010") {
    Connection c;
    Stmt stmt(c.dbc);
    const SQLRETURN rc = SQLFetch(stmt);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HY010"));
}

// SQLFetch: 24000 "The StatementHandle was in an executed state but no result set was associated
// with the StatementHandle." psqlODBC returns SQL_NO_DATA.
TEST_CASE("SQLFetch after a statement without a result is 24000" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    exec(c.dbc, "DROP TABLE IF EXISTS it_robust_fetch");
    exec(stmt, "CREATE TABLE it_robust_fetch (id int4)");
    const SQLRETURN rc = SQLFetch(stmt);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK((has_state(SQL_HANDLE_STMT, stmt, "24000") || has_state(SQL_HANDLE_STMT, stmt, "HY010")));
}

TEST_CASE("SQLGetData with a negative buffer length is HY090") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 'abc'::text");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    char buf[16];
    SQLLEN ind = 0;
    const SQLRETURN rc = SQLGetData(stmt, 1, SQL_C_CHAR, buf, -1, &ind);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HY090"));
    // The value can still be read.
    CHECK(fetch_string(stmt, 1) == "abc");
}

TEST_CASE("SQLGetData of column 0 without bookmarks or past the last column is 07009") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 1, 2");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    SQLINTEGER v = 0;
    SQLLEN ind = 0;
    SQLRETURN rc = SQLGetData(stmt, 3, SQL_C_SLONG, &v, 0, &ind);
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "07009"));
    rc = SQLGetData(stmt, 0, SQL_C_SLONG, &v, 0, &ind);
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "07009"));
}

TEST_CASE("SQLGetData with an invalid C type is HY003") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 1");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    char buf[16];
    SQLLEN ind = 0;
    const SQLRETURN rc = SQLGetData(stmt, 1, 12345, buf, sizeof buf, &ind);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HY003"));
}

TEST_CASE("SQLBindCol with a negative buffer length is HY090") {
    Connection c;
    Stmt stmt(c.dbc);
    char buf[16];
    SQLLEN ind = 0;
    const SQLRETURN rc = SQLBindCol(stmt, 1, SQL_C_CHAR, buf, -5, &ind);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HY090"));
}

// HY092 "Invalid attribute/option identifier" (HYC00 is for valid ODBC attributes the driver does
// not support). psqlODBC answers HYC00.
TEST_CASE("SQLSetStmtAttr / SQLSetConnectAttr with an unknown attribute is HY092"
          * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    SQLRETURN rc = SQLSetStmtAttr(stmt, 987654, nullptr, 0);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HY092"));
    rc = SQLSetConnectAttr(c.dbc, 987654, nullptr, 0);
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, c.dbc, "HY092"));
}

TEST_CASE("SQLFreeStmt with an invalid option is HY092") {
    Connection c;
    Stmt stmt(c.dbc);
    const SQLRETURN rc = SQLFreeStmt(stmt, 42);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HY092"));
}

TEST_CASE("SQLGetInfo with a NULL value pointer succeeds and returns the length") {
    Connection c;
    SQLSMALLINT len = -1;
    const SQLRETURN rc = SQLGetInfo(c.dbc, SQL_DBMS_NAME, nullptr, 0, &len);
    INFO(outcome(rc, SQL_HANDLE_DBC, c.dbc));
    CHECK(SQL_SUCCEEDED(rc));
    CHECK(len == static_cast<SQLSMALLINT>(info_string(c.dbc, SQL_DBMS_NAME).size()));
}

// SQLGetInfo: HY096 "Information type out of range". psqlODBC answers HYC00.
TEST_CASE("SQLGetInfo of an unknown info type is HY096" * psqlodbc_deviates()) {
    Connection c;
    char buf[64];
    SQLSMALLINT len = 0;
    const SQLRETURN rc = SQLGetInfo(c.dbc, 31999, buf, sizeof buf, &len);
    INFO(outcome(rc, SQL_HANDLE_DBC, c.dbc));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, c.dbc, "HY096"));
}

TEST_CASE("SQLGetFunctions(SQL_API_ODBC3_ALL_FUNCTIONS) reports the core functions") {
    Connection c;
    SQLUSMALLINT bitmap[SQL_API_ODBC3_ALL_FUNCTIONS_SIZE] = {};
    check(SQLGetFunctions(c.dbc, SQL_API_ODBC3_ALL_FUNCTIONS, bitmap), SQL_HANDLE_DBC, c.dbc);
    CHECK(SQL_FUNC_EXISTS(bitmap, SQL_API_SQLEXECDIRECT) == SQL_TRUE);
    CHECK(SQL_FUNC_EXISTS(bitmap, SQL_API_SQLFETCH) == SQL_TRUE);
    CHECK(SQL_FUNC_EXISTS(bitmap, SQL_API_SQLGETDATA) == SQL_TRUE);
    CHECK(SQL_FUNC_EXISTS(bitmap, SQL_API_SQLPREPARE) == SQL_TRUE);
    CHECK(SQL_FUNC_EXISTS(bitmap, SQL_API_SQLENDTRAN) == SQL_TRUE);

    SQLUSMALLINT one = SQL_FALSE;
    check(SQLGetFunctions(c.dbc, SQL_API_SQLFETCH, &one), SQL_HANDLE_DBC, c.dbc);
    CHECK(one == SQL_TRUE);
}

TEST_CASE("freeing a connection handle that is still connected is HY010") {
    Env env;
    Dbc dbc(env);
    dbc.connect();
    const SQLRETURN rc = SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    INFO(outcome(rc, SQL_HANDLE_DBC, dbc));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, dbc, "HY010"));
}

TEST_CASE("a statement handle freed while its cursor is open, then the connection goes on") {
    Connection c;
    SQLHSTMT raw = SQL_NULL_HSTMT;
    check(SQLAllocHandle(SQL_HANDLE_STMT, c.dbc, &raw), SQL_HANDLE_DBC, c.dbc);
    check(SQLExecDirect(raw, sqlc("SELECT g FROM generate_series(1, 1000) AS g"), SQL_NTS),
          SQL_HANDLE_STMT, raw);
    check(SQLFetch(raw), SQL_HANDLE_STMT, raw);
    CHECK(SQLFreeHandle(SQL_HANDLE_STMT, raw) == SQL_SUCCESS);
    CHECK(query_string(c.dbc, "SELECT 5") == "5");
}

TEST_CASE("many statements on one connection, alternating") {
    Connection c;
    Stmt a(c.dbc);
    Stmt b(c.dbc);
    exec(a, "SELECT g FROM generate_series(1, 3) AS g ORDER BY g");
    exec(b, "SELECT g FROM generate_series(10, 12) AS g ORDER BY g");
    for (int i = 0; i < 3; ++i) {
        REQUIRE(SQLFetch(a) == SQL_SUCCESS);
        REQUIRE(SQLFetch(b) == SQL_SUCCESS);
        CHECK(fetch_string(a, 1) == std::to_string(1 + i));
        CHECK(fetch_string(b, 1) == std::to_string(10 + i));
    }
    CHECK(SQLFetch(a) == SQL_NO_DATA);
    CHECK(SQLFetch(b) == SQL_NO_DATA);
}
