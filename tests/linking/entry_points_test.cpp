// Every exported entry point, ANSI and W, called once through the unixODBC driver manager by a
// program linked with -lodbc, as most C/C++, Ruby and PHP programs are (issue 11, item 3). In such
// a program every SQL* name also exists in libodbc: a driver function calling another by its
// exported name reaches the driver manager, which is handed the driver's own handle and answers
// SQL_INVALID_HANDLE (SQLGetTypeInfoW did). tests/run also checks that the library has no PLT
// call to its own SQL* symbols (-Wl,-Bsymbolic-functions).
//
// Environment (tests/run): ODBCSYSINI/ODBCINI, RSODBC_TEST_DSN, RSODBC_TEST_CONNSTR,
// RSODBC_TEST_USER, RSODBC_TEST_PASSWORD. Exit status 0 only when every call answered as expected.
#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

int failures = 0;
std::set<std::string> called;

std::string env(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') {
        std::fprintf(stderr, "entry_points_test: %s is not set (run through tests/run)\n", name);
        std::exit(2);
    }
    return value;
}

SQLCHAR* a(const std::string& text) {
    return reinterpret_cast<SQLCHAR*>(const_cast<char*>(text.c_str()));
}

// UTF-16 copies of ASCII text, kept alive for the whole run.
SQLWCHAR* w(std::string_view text) {
    static std::vector<std::vector<SQLWCHAR>> kept;
    std::vector<SQLWCHAR>& units = kept.emplace_back(text.begin(), text.end());
    units.push_back(0);
    return units.data();
}

std::string diagnostics(SQLSMALLINT type, SQLHANDLE handle) {
    std::string out;
    SQLCHAR state[6] = {};
    SQLCHAR message[512] = {};
    SQLINTEGER native = 0;
    SQLSMALLINT length = 0;
    for (SQLSMALLINT i = 1; handle != nullptr
                            && SQL_SUCCEEDED(SQLGetDiagRec(type, handle, i, state, &native, message,
                                                           sizeof message, &length));
         ++i) {
        out += std::string(" [") + reinterpret_cast<char*>(state) + "] "
               + reinterpret_cast<char*>(message);
    }
    return out;
}

// `rc` of function `name` must be one of `allowed` (SQL_INVALID_HANDLE never is).
void expect(const char* name, SQLRETURN rc, SQLSMALLINT type, SQLHANDLE handle,
            std::initializer_list<SQLRETURN> allowed = {SQL_SUCCESS, SQL_SUCCESS_WITH_INFO}) {
    called.insert(name);
    for (const SQLRETURN ok : allowed) {
        if (rc == ok) {
            return;
        }
    }
    ++failures;
    std::printf("FAIL %s returned %d%s%s\n", name, static_cast<int>(rc),
                rc == SQL_INVALID_HANDLE ? " (SQL_INVALID_HANDLE: the call left the driver)" : "",
                diagnostics(type, handle).c_str());
}

void require(const char* what, bool condition) {
    if (!condition) {
        ++failures;
        std::printf("FAIL %s\n", what);
    }
}

// Reads a catalog or type-info result to its end; returns the number of rows.
int drain(const char* name, SQLHSTMT stmt) {
    int rows = 0;
    SQLRETURN rc = SQL_SUCCESS;
    while ((rc = SQLFetch(stmt)) == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO) {
        ++rows;
    }
    if (rc != SQL_NO_DATA) {
        expect((std::string(name) + " fetch").c_str(), rc, SQL_HANDLE_STMT, stmt);
    }
    SQLFreeStmt(stmt, SQL_CLOSE);
    return rows;
}

}  // namespace

int main() {
    const std::string dsn = env("RSODBC_TEST_DSN");
    const std::string connstr = env("RSODBC_TEST_CONNSTR");
    const std::string user = env("RSODBC_TEST_USER");
    const std::string password = env("RSODBC_TEST_PASSWORD");

    SQLHENV henv = nullptr;
    expect("SQLAllocHandle", SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &henv), SQL_HANDLE_ENV,
           henv);
    expect(
        "SQLSetEnvAttr",
        SQLSetEnvAttr(henv, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3), 0),
        SQL_HANDLE_ENV, henv);
    SQLINTEGER version = 0;
    expect("SQLGetEnvAttr", SQLGetEnvAttr(henv, SQL_ATTR_ODBC_VERSION, &version, 0, nullptr),
           SQL_HANDLE_ENV, henv);
    require("SQLGetEnvAttr gives ODBC 3", version == SQL_OV_ODBC3);

    SQLHDBC dbc = nullptr;
    expect("SQLAllocHandle", SQLAllocHandle(SQL_HANDLE_DBC, henv, &dbc), SQL_HANDLE_ENV, henv);
    expect("SQLConnect", SQLConnect(dbc, a(dsn), SQL_NTS, a(user), SQL_NTS, a(password), SQL_NTS),
           SQL_HANDLE_DBC, dbc);
    expect("SQLDisconnect", SQLDisconnect(dbc), SQL_HANDLE_DBC, dbc);
    expect("SQLConnectW", SQLConnectW(dbc, w(dsn), SQL_NTS, w(user), SQL_NTS, w(password), SQL_NTS),
           SQL_HANDLE_DBC, dbc);
    expect("SQLDisconnect", SQLDisconnect(dbc), SQL_HANDLE_DBC, dbc);
    SQLSMALLINT out_length = 0;
    SQLWCHAR wide_out[1024] = {};
    expect("SQLDriverConnectW",
           SQLDriverConnectW(dbc, nullptr, w(connstr), SQL_NTS, wide_out, 1024, &out_length,
                             SQL_DRIVER_NOPROMPT),
           SQL_HANDLE_DBC, dbc);
    expect("SQLDisconnect", SQLDisconnect(dbc), SQL_HANDLE_DBC, dbc);
    SQLCHAR narrow_out[1024] = {};
    expect("SQLDriverConnect",
           SQLDriverConnect(dbc, nullptr, a(connstr), SQL_NTS, narrow_out, sizeof narrow_out,
                            &out_length, SQL_DRIVER_NOPROMPT),
           SQL_HANDLE_DBC, dbc);

    // Connection attributes and information.
    expect("SQLSetConnectAttr",
           SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT,
                             reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), 0),
           SQL_HANDLE_DBC, dbc);
    expect("SQLSetConnectAttrW",
           SQLSetConnectAttrW(dbc, SQL_ATTR_TXN_ISOLATION,
                              reinterpret_cast<SQLPOINTER>(SQL_TXN_READ_COMMITTED), 0),
           SQL_HANDLE_DBC, dbc);
    SQLUINTEGER autocommit = 99;
    expect("SQLGetConnectAttr",
           SQLGetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, &autocommit, 0, nullptr), SQL_HANDLE_DBC,
           dbc);
    require("SQLGetConnectAttr reads autocommit off", autocommit == SQL_AUTOCOMMIT_OFF);
    SQLWCHAR catalog[256] = {};
    SQLINTEGER catalog_length = 0;
    expect(
        "SQLGetConnectAttrW",
        SQLGetConnectAttrW(dbc, SQL_ATTR_CURRENT_CATALOG, catalog, sizeof catalog, &catalog_length),
        SQL_HANDLE_DBC, dbc);
    require("SQLGetConnectAttrW names the database", catalog_length > 0 && catalog[0] != 0);
    SQLCHAR dbms[128] = {};
    expect("SQLGetInfo", SQLGetInfo(dbc, SQL_DBMS_NAME, dbms, sizeof dbms, nullptr), SQL_HANDLE_DBC,
           dbc);
    SQLWCHAR driver_name[128] = {};
    expect("SQLGetInfoW",
           SQLGetInfoW(dbc, SQL_DRIVER_NAME, driver_name, sizeof driver_name, nullptr),
           SQL_HANDLE_DBC, dbc);
    SQLUSMALLINT functions[SQL_API_ODBC3_ALL_FUNCTIONS_SIZE] = {};
    expect("SQLGetFunctions", SQLGetFunctions(dbc, SQL_API_ODBC3_ALL_FUNCTIONS, functions),
           SQL_HANDLE_DBC, dbc);
    SQLCHAR native[256] = {};
    SQLINTEGER native_length = 0;
    expect("SQLNativeSql",
           SQLNativeSql(dbc, a("SELECT {fn UCASE('a')}"), SQL_NTS, native, sizeof native,
                        &native_length),
           SQL_HANDLE_DBC, dbc);
    SQLWCHAR wnative[256] = {};
    expect("SQLNativeSqlW",
           SQLNativeSqlW(dbc, w("SELECT {fn UCASE('a')}"), SQL_NTS, wnative, 256, &native_length),
           SQL_HANDLE_DBC, dbc);

    // Statements: execute, prepare, parameters, results.
    SQLHSTMT stmt = nullptr;
    expect("SQLAllocHandle", SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt), SQL_HANDLE_DBC, dbc);
    expect("SQLSetCursorName", SQLSetCursorName(stmt, a("ep_cursor"), SQL_NTS), SQL_HANDLE_STMT,
           stmt);
    SQLCHAR cursor_name[32] = {};
    SQLSMALLINT cursor_name_length = 0;
    expect("SQLGetCursorName",
           SQLGetCursorName(stmt, cursor_name, sizeof cursor_name, &cursor_name_length),
           SQL_HANDLE_STMT, stmt);
    require("SQLGetCursorName reads the name set",
            std::string_view(reinterpret_cast<char*>(cursor_name)) == "ep_cursor");
    expect("SQLSetCursorNameW", SQLSetCursorNameW(stmt, w("ep_wcursor"), SQL_NTS), SQL_HANDLE_STMT,
           stmt);
    SQLWCHAR wcursor_name[32] = {};
    expect("SQLGetCursorNameW", SQLGetCursorNameW(stmt, wcursor_name, 32, &cursor_name_length),
           SQL_HANDLE_STMT, stmt);
    require("SQLGetCursorNameW counts characters", cursor_name_length == 10);
    expect("SQLExecDirect",
           SQLExecDirect(stmt, a("CREATE TEMP TABLE ep_t (id int4 PRIMARY KEY, name varchar(20))"),
                         SQL_NTS),
           SQL_HANDLE_STMT, stmt);
    expect("SQLExecDirectW",
           SQLExecDirectW(stmt, w("INSERT INTO ep_t VALUES (1, 'one'), (2, 'two')"), SQL_NTS),
           SQL_HANDLE_STMT, stmt);
    SQLLEN row_count = 0;
    expect("SQLRowCount", SQLRowCount(stmt, &row_count), SQL_HANDLE_STMT, stmt);
    require("SQLRowCount counts 2 rows", row_count == 2);
    expect("SQLEndTran", SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT), SQL_HANDLE_DBC, dbc);

    expect("SQLPrepare",
           SQLPrepare(stmt, a("SELECT id, name FROM ep_t WHERE id >= ? ORDER BY id"), SQL_NTS),
           SQL_HANDLE_STMT, stmt);
    SQLSMALLINT params = 0;
    expect("SQLNumParams", SQLNumParams(stmt, &params), SQL_HANDLE_STMT, stmt);
    require("SQLNumParams counts 1", params == 1);
    SQLSMALLINT ptype = 0;
    SQLULEN psize = 0;
    SQLSMALLINT pdigits = 0;
    SQLSMALLINT pnullable = 0;
    expect("SQLDescribeParam", SQLDescribeParam(stmt, 1, &ptype, &psize, &pdigits, &pnullable),
           SQL_HANDLE_STMT, stmt);
    SQLINTEGER from = 1;
    expect("SQLBindParameter",
           SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &from, 0,
                            nullptr),
           SQL_HANDLE_STMT, stmt);
    expect("SQLExecute", SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    SQLSMALLINT columns = 0;
    expect("SQLNumResultCols", SQLNumResultCols(stmt, &columns), SQL_HANDLE_STMT, stmt);
    require("SQLNumResultCols counts 2", columns == 2);
    SQLCHAR column_name[64] = {};
    SQLSMALLINT name_length = 0;
    SQLSMALLINT data_type = 0;
    SQLULEN column_size = 0;
    SQLSMALLINT digits = 0;
    SQLSMALLINT nullable = 0;
    expect("SQLDescribeCol",
           SQLDescribeCol(stmt, 1, column_name, sizeof column_name, &name_length, &data_type,
                          &column_size, &digits, &nullable),
           SQL_HANDLE_STMT, stmt);
    SQLWCHAR wcolumn_name[64] = {};
    expect("SQLDescribeColW",
           SQLDescribeColW(stmt, 2, wcolumn_name, 64, &name_length, &data_type, &column_size,
                           &digits, &nullable),
           SQL_HANDLE_STMT, stmt);
    SQLLEN numeric_attribute = 0;
    expect("SQLColAttribute",
           SQLColAttribute(stmt, 1, SQL_DESC_TYPE, nullptr, 0, nullptr, &numeric_attribute),
           SQL_HANDLE_STMT, stmt);
    SQLWCHAR label[64] = {};
    expect("SQLColAttributeW",
           SQLColAttributeW(stmt, 2, SQL_DESC_LABEL, label, sizeof label, &name_length, nullptr),
           SQL_HANDLE_STMT, stmt);
    SQLINTEGER id = 0;
    SQLLEN id_ind = 0;
    expect("SQLBindCol", SQLBindCol(stmt, 1, SQL_C_SLONG, &id, 0, &id_ind), SQL_HANDLE_STMT, stmt);
    expect("SQLFetch", SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    require("SQLFetch binds id 1", id == 1);
    SQLCHAR name[32] = {};
    SQLLEN name_ind = 0;
    expect("SQLGetData", SQLGetData(stmt, 2, SQL_C_CHAR, name, sizeof name, &name_ind),
           SQL_HANDLE_STMT, stmt);
    require("SQLGetData reads 'one'", std::string_view(reinterpret_cast<char*>(name)) == "one");
    expect("SQLSetPos", SQLSetPos(stmt, 1, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT, stmt,
           {SQL_SUCCESS, SQL_SUCCESS_WITH_INFO, SQL_ERROR});
    expect("SQLFetchScroll", SQLFetchScroll(stmt, SQL_FETCH_NEXT, 0), SQL_HANDLE_STMT, stmt);
    require("SQLFetchScroll reaches id 2", id == 2);
    expect("SQLMoreResults", SQLMoreResults(stmt), SQL_HANDLE_STMT, stmt, {SQL_NO_DATA});
    expect("SQLCloseCursor", SQLCloseCursor(stmt), SQL_HANDLE_STMT, stmt,
           {SQL_SUCCESS, SQL_SUCCESS_WITH_INFO, SQL_ERROR});  // 24000 once SQLMoreResults closed it
    expect("SQLFreeStmt", SQLFreeStmt(stmt, SQL_UNBIND), SQL_HANDLE_STMT, stmt);
    expect("SQLFreeStmt", SQLFreeStmt(stmt, SQL_RESET_PARAMS), SQL_HANDLE_STMT, stmt);

    // SQLExtendedFetch, the ODBC 2 block fetch.
    expect("SQLExecDirect", SQLExecDirect(stmt, a("SELECT id FROM ep_t ORDER BY id"), SQL_NTS),
           SQL_HANDLE_STMT, stmt);
    SQLULEN fetched = 0;
    SQLUSMALLINT row_status[1] = {};
    expect("SQLExtendedFetch", SQLExtendedFetch(stmt, SQL_FETCH_NEXT, 0, &fetched, row_status),
           SQL_HANDLE_STMT, stmt);
    require("SQLExtendedFetch fetches a row", fetched == 1);
    SQLFreeStmt(stmt, SQL_CLOSE);

    // Statement attributes.
    expect("SQLSetStmtAttr",
           SQLSetStmtAttr(stmt, SQL_ATTR_MAX_ROWS, reinterpret_cast<SQLPOINTER>(5), 0),
           SQL_HANDLE_STMT, stmt);
    expect("SQLSetStmtAttrW",
           SQLSetStmtAttrW(stmt, SQL_ATTR_QUERY_TIMEOUT, reinterpret_cast<SQLPOINTER>(30), 0),
           SQL_HANDLE_STMT, stmt);
    SQLULEN max_rows = 0;
    expect("SQLGetStmtAttr", SQLGetStmtAttr(stmt, SQL_ATTR_MAX_ROWS, &max_rows, 0, nullptr),
           SQL_HANDLE_STMT, stmt);
    require("SQLGetStmtAttr reads max rows 5", max_rows == 5);
    SQLULEN timeout = 0;
    expect("SQLGetStmtAttrW", SQLGetStmtAttrW(stmt, SQL_ATTR_QUERY_TIMEOUT, &timeout, 0, nullptr),
           SQL_HANDLE_STMT, stmt);
    require("SQLGetStmtAttrW reads timeout 30", timeout == 30);
    SQLSetStmtAttr(stmt, SQL_ATTR_MAX_ROWS, nullptr, 0);  // the catalog results below are whole

    // Data at execution: SQLParamData and SQLPutData.
    expect("SQLPrepareW", SQLPrepareW(stmt, w("SELECT CAST(? AS varchar(20))"), SQL_NTS),
           SQL_HANDLE_STMT, stmt);
    SQLLEN at_exec = SQL_DATA_AT_EXEC;
    char token = 't';
    expect("SQLBindParameter",
           SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 20, 0, &token, 0,
                            &at_exec),
           SQL_HANDLE_STMT, stmt);
    expect("SQLExecute", SQLExecute(stmt), SQL_HANDLE_STMT, stmt, {SQL_NEED_DATA});
    SQLPOINTER which = nullptr;
    expect("SQLParamData", SQLParamData(stmt, &which), SQL_HANDLE_STMT, stmt, {SQL_NEED_DATA});
    require("SQLParamData names the parameter's buffer", which == &token);
    expect("SQLPutData", SQLPutData(stmt, a("abc"), 3), SQL_HANDLE_STMT, stmt);
    expect("SQLParamData", SQLParamData(stmt, &which), SQL_HANDLE_STMT, stmt);
    SQLFreeStmt(stmt, SQL_CLOSE);
    SQLFreeStmt(stmt, SQL_RESET_PARAMS);
    expect("SQLCancel", SQLCancel(stmt), SQL_HANDLE_STMT, stmt);

    // Type information and the catalog functions, each read to its end. The privilege functions
    // are deliberately not offered (HYC00 from the driver; IM001 from the driver manager, which
    // asks SQLGetFunctions first): what matters is that the call reached the driver.
    const std::initializer_list<SQLRETURN> not_offered = {SQL_ERROR};
    expect("SQLGetTypeInfo", SQLGetTypeInfo(stmt, SQL_ALL_TYPES), SQL_HANDLE_STMT, stmt);
    require("SQLGetTypeInfo lists types", drain("SQLGetTypeInfo", stmt) > 5);
    expect("SQLGetTypeInfoW", SQLGetTypeInfoW(stmt, SQL_ALL_TYPES), SQL_HANDLE_STMT, stmt);
    require("SQLGetTypeInfoW lists types", drain("SQLGetTypeInfoW", stmt) > 5);
    expect("SQLTables", SQLTables(stmt, nullptr, 0, nullptr, 0, a("ep_t"), SQL_NTS, nullptr, 0),
           SQL_HANDLE_STMT, stmt);
    require("SQLTables finds ep_t", drain("SQLTables", stmt) == 1);
    expect("SQLTablesW", SQLTablesW(stmt, nullptr, 0, nullptr, 0, w("ep_t"), SQL_NTS, nullptr, 0),
           SQL_HANDLE_STMT, stmt);
    require("SQLTablesW finds ep_t", drain("SQLTablesW", stmt) == 1);
    expect("SQLColumns", SQLColumns(stmt, nullptr, 0, nullptr, 0, a("ep_t"), SQL_NTS, nullptr, 0),
           SQL_HANDLE_STMT, stmt);
    require("SQLColumns lists 2 columns", drain("SQLColumns", stmt) == 2);
    expect("SQLColumnsW", SQLColumnsW(stmt, nullptr, 0, nullptr, 0, w("ep_t"), SQL_NTS, nullptr, 0),
           SQL_HANDLE_STMT, stmt);
    require("SQLColumnsW lists 2 columns", drain("SQLColumnsW", stmt) == 2);
    expect("SQLPrimaryKeys", SQLPrimaryKeys(stmt, nullptr, 0, nullptr, 0, a("ep_t"), SQL_NTS),
           SQL_HANDLE_STMT, stmt);
    require("SQLPrimaryKeys finds id", drain("SQLPrimaryKeys", stmt) == 1);
    expect("SQLPrimaryKeysW", SQLPrimaryKeysW(stmt, nullptr, 0, nullptr, 0, w("ep_t"), SQL_NTS),
           SQL_HANDLE_STMT, stmt);
    require("SQLPrimaryKeysW finds id", drain("SQLPrimaryKeysW", stmt) == 1);
    expect("SQLForeignKeys",
           SQLForeignKeys(stmt, nullptr, 0, nullptr, 0, a("ep_t"), SQL_NTS, nullptr, 0, nullptr, 0,
                          nullptr, 0),
           SQL_HANDLE_STMT, stmt);
    drain("SQLForeignKeys", stmt);
    expect("SQLForeignKeysW",
           SQLForeignKeysW(stmt, nullptr, 0, nullptr, 0, w("ep_t"), SQL_NTS, nullptr, 0, nullptr, 0,
                           nullptr, 0),
           SQL_HANDLE_STMT, stmt);
    drain("SQLForeignKeysW", stmt);
    expect(
        "SQLStatistics",
        SQLStatistics(stmt, nullptr, 0, nullptr, 0, a("ep_t"), SQL_NTS, SQL_INDEX_ALL, SQL_QUICK),
        SQL_HANDLE_STMT, stmt);
    require("SQLStatistics lists the key's index", drain("SQLStatistics", stmt) >= 1);
    expect(
        "SQLStatisticsW",
        SQLStatisticsW(stmt, nullptr, 0, nullptr, 0, w("ep_t"), SQL_NTS, SQL_INDEX_ALL, SQL_QUICK),
        SQL_HANDLE_STMT, stmt);
    require("SQLStatisticsW lists the key's index", drain("SQLStatisticsW", stmt) >= 1);
    expect("SQLSpecialColumns",
           SQLSpecialColumns(stmt, SQL_BEST_ROWID, nullptr, 0, nullptr, 0, a("ep_t"), SQL_NTS,
                             SQL_SCOPE_SESSION, SQL_NULLABLE),
           SQL_HANDLE_STMT, stmt);
    drain("SQLSpecialColumns", stmt);
    expect("SQLSpecialColumnsW",
           SQLSpecialColumnsW(stmt, SQL_BEST_ROWID, nullptr, 0, nullptr, 0, w("ep_t"), SQL_NTS,
                              SQL_SCOPE_SESSION, SQL_NULLABLE),
           SQL_HANDLE_STMT, stmt);
    drain("SQLSpecialColumnsW", stmt);
    expect("SQLProcedures", SQLProcedures(stmt, nullptr, 0, nullptr, 0, a("ep_%"), SQL_NTS),
           SQL_HANDLE_STMT, stmt);
    drain("SQLProcedures", stmt);
    expect("SQLProceduresW", SQLProceduresW(stmt, nullptr, 0, nullptr, 0, w("ep_%"), SQL_NTS),
           SQL_HANDLE_STMT, stmt);
    drain("SQLProceduresW", stmt);
    expect("SQLProcedureColumns",
           SQLProcedureColumns(stmt, nullptr, 0, nullptr, 0, a("ep_%"), SQL_NTS, nullptr, 0),
           SQL_HANDLE_STMT, stmt);
    drain("SQLProcedureColumns", stmt);
    expect("SQLProcedureColumnsW",
           SQLProcedureColumnsW(stmt, nullptr, 0, nullptr, 0, w("ep_%"), SQL_NTS, nullptr, 0),
           SQL_HANDLE_STMT, stmt);
    drain("SQLProcedureColumnsW", stmt);
    expect("SQLTablePrivileges",
           SQLTablePrivileges(stmt, nullptr, 0, nullptr, 0, a("ep_t"), SQL_NTS), SQL_HANDLE_STMT,
           stmt, not_offered);
    SQLFreeStmt(stmt, SQL_CLOSE);
    expect("SQLTablePrivilegesW",
           SQLTablePrivilegesW(stmt, nullptr, 0, nullptr, 0, w("ep_t"), SQL_NTS), SQL_HANDLE_STMT,
           stmt, not_offered);
    SQLFreeStmt(stmt, SQL_CLOSE);
    expect("SQLColumnPrivileges",
           SQLColumnPrivileges(stmt, nullptr, 0, nullptr, 0, a("ep_t"), SQL_NTS, nullptr, 0),
           SQL_HANDLE_STMT, stmt, not_offered);
    SQLFreeStmt(stmt, SQL_CLOSE);
    expect("SQLColumnPrivilegesW",
           SQLColumnPrivilegesW(stmt, nullptr, 0, nullptr, 0, w("ep_t"), SQL_NTS, nullptr, 0),
           SQL_HANDLE_STMT, stmt, not_offered);
    SQLFreeStmt(stmt, SQL_CLOSE);

    // Descriptors.
    SQLHDESC ard = nullptr;
    expect("SQLGetStmtAttr", SQLGetStmtAttr(stmt, SQL_ATTR_APP_ROW_DESC, &ard, 0, nullptr),
           SQL_HANDLE_STMT, stmt);
    SQLINTEGER value = 0;
    SQLLEN value_ind = 0;
    expect(
        "SQLSetDescRec",
        SQLSetDescRec(ard, 1, SQL_C_SLONG, 0, sizeof value, 0, 0, &value, &value_ind, &value_ind),
        SQL_HANDLE_DESC, ard);
    expect("SQLSetDescField",
           SQLSetDescField(ard, 0, SQL_DESC_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(1), 0),
           SQL_HANDLE_DESC, ard);
    expect("SQLSetDescFieldW",
           SQLSetDescFieldW(ard, 1, SQL_DESC_CONCISE_TYPE,
                            reinterpret_cast<SQLPOINTER>(static_cast<SQLLEN>(SQL_C_SLONG)), 0),
           SQL_HANDLE_DESC, ard);
    SQLSMALLINT count = 0;
    expect("SQLGetDescField", SQLGetDescField(ard, 0, SQL_DESC_COUNT, &count, 0, nullptr),
           SQL_HANDLE_DESC, ard);
    require("SQLGetDescField counts 1 record", count == 1);
    SQLSMALLINT concise = 0;
    expect("SQLGetDescFieldW",
           SQLGetDescFieldW(ard, 1, SQL_DESC_CONCISE_TYPE, &concise, 0, nullptr), SQL_HANDLE_DESC,
           ard);
    require("SQLGetDescFieldW reads SQL_C_SLONG", concise == SQL_C_SLONG);
    SQLCHAR desc_name[32] = {};
    SQLSMALLINT desc_type = 0;
    SQLSMALLINT desc_sub = 0;
    SQLLEN desc_length = 0;
    SQLSMALLINT desc_precision = 0;
    SQLSMALLINT desc_scale = 0;
    SQLSMALLINT desc_nullable = 0;
    expect("SQLGetDescRec",
           SQLGetDescRec(ard, 1, desc_name, sizeof desc_name, nullptr, &desc_type, &desc_sub,
                         &desc_length, &desc_precision, &desc_scale, &desc_nullable),
           SQL_HANDLE_DESC, ard);
    SQLWCHAR wdesc_name[32] = {};
    expect("SQLGetDescRecW",
           SQLGetDescRecW(ard, 1, wdesc_name, 32, nullptr, &desc_type, &desc_sub, &desc_length,
                          &desc_precision, &desc_scale, &desc_nullable),
           SQL_HANDLE_DESC, ard);
    SQLHDESC own = nullptr;
    expect("SQLAllocHandle", SQLAllocHandle(SQL_HANDLE_DESC, dbc, &own), SQL_HANDLE_DBC, dbc);
    expect("SQLCopyDesc", SQLCopyDesc(ard, own), SQL_HANDLE_DESC, own);
    expect("SQLFreeHandle", SQLFreeHandle(SQL_HANDLE_DESC, own), SQL_HANDLE_DESC, own);

    // Diagnostics of a failed statement, ANSI then W.
    const SQLRETURN failed = SQLExecDirect(stmt, a("SELECT * FROM ep_no_such_table"), SQL_NTS);
    require("a missing table fails", failed == SQL_ERROR);
    SQLCHAR state[6] = {};
    SQLINTEGER native_error = 0;
    SQLCHAR message[512] = {};
    SQLSMALLINT message_length = 0;
    expect("SQLGetDiagRec",
           SQLGetDiagRec(SQL_HANDLE_STMT, stmt, 1, state, &native_error, message, sizeof message,
                         &message_length),
           SQL_HANDLE_STMT, nullptr);
    require("SQLGetDiagRec gives class 42",
            std::string_view(reinterpret_cast<char*>(state)).starts_with("42"));
    SQLCHAR field_state[6] = {};
    expect("SQLGetDiagField",
           SQLGetDiagField(SQL_HANDLE_STMT, stmt, 1, SQL_DIAG_SQLSTATE, field_state,
                           sizeof field_state, &message_length),
           SQL_HANDLE_STMT, nullptr);
    SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_ROLLBACK);
    SQLExecDirect(stmt, a("SELECT * FROM ep_no_such_table"), SQL_NTS);
    SQLWCHAR wstate[6] = {};
    SQLWCHAR wmessage[512] = {};
    expect("SQLGetDiagRecW",
           SQLGetDiagRecW(SQL_HANDLE_STMT, stmt, 1, wstate, &native_error, wmessage, 512,
                          &message_length),
           SQL_HANDLE_STMT, nullptr);
    require("SQLGetDiagRecW gives class 42", wstate[0] == '4' && wstate[1] == '2');
    SQLWCHAR wfield_state[6] = {};
    expect("SQLGetDiagFieldW",
           SQLGetDiagFieldW(SQL_HANDLE_STMT, stmt, 1, SQL_DIAG_SQLSTATE, wfield_state,
                            sizeof wfield_state, &message_length),
           SQL_HANDLE_STMT, nullptr);
    expect("SQLEndTran", SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_ROLLBACK), SQL_HANDLE_DBC, dbc);

    expect("SQLFreeHandle", SQLFreeHandle(SQL_HANDLE_STMT, stmt), SQL_HANDLE_STMT, nullptr);
    expect("SQLDisconnect", SQLDisconnect(dbc), SQL_HANDLE_DBC, dbc);
    expect("SQLFreeHandle", SQLFreeHandle(SQL_HANDLE_DBC, dbc), SQL_HANDLE_DBC, nullptr);
    expect("SQLFreeHandle", SQLFreeHandle(SQL_HANDLE_ENV, henv), SQL_HANDLE_ENV, nullptr);

    std::printf("entry_points_test: %zu entry points called, %d failures\n", called.size(),
                failures);
    return failures == 0 ? 0 : 1;
}
