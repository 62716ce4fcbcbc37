// Descriptors: SQLGetDescField/SQLSetDescField, SQLGetDescRec/SQLSetDescRec, SQLCopyDesc,
// explicitly allocated descriptors as a statement's ARD (ODBC: "Descriptors", "SQLSetDescField",
// "SQLGetDescField", "SQLCopyDesc", "Consistency Checks").
#include "odbc_test.h"

using namespace odbc_test;  // NOLINT(google-build-using-namespace): test vocabulary

#include <doctest/doctest.h>

#include <cstring>
#include <string>

namespace {

SQLHDESC stmt_desc(const Stmt& stmt, SQLINTEGER attribute) {
    SQLHDESC desc = SQL_NULL_HDESC;
    check(SQLGetStmtAttr(stmt, attribute, &desc, 0, nullptr), SQL_HANDLE_STMT, stmt);
    REQUIRE(desc != SQL_NULL_HDESC);
    return desc;
}

void set_int(SQLHDESC desc, SQLSMALLINT record, SQLSMALLINT field, SQLLEN value) {
    check(SQLSetDescField(desc, record, field, reinterpret_cast<SQLPOINTER>(value), 0),
          SQL_HANDLE_DESC, desc);
}

void set_ptr(SQLHDESC desc, SQLSMALLINT record, SQLSMALLINT field, void* value) {
    check(SQLSetDescField(desc, record, field, value, SQL_IS_POINTER), SQL_HANDLE_DESC, desc);
}

SQLSMALLINT get_small(SQLHDESC desc, SQLSMALLINT record, SQLSMALLINT field) {
    SQLSMALLINT value = -1;
    check(SQLGetDescField(desc, record, field, &value, SQL_IS_SMALLINT, nullptr), SQL_HANDLE_DESC,
          desc);
    return value;
}

SQLLEN get_len(SQLHDESC desc, SQLSMALLINT record, SQLSMALLINT field) {
    SQLLEN value = -1;
    check(SQLGetDescField(desc, record, field, &value, SQL_IS_INTEGER, nullptr), SQL_HANDLE_DESC,
          desc);
    return value;
}

std::string get_text(SQLHDESC desc, SQLSMALLINT record, SQLSMALLINT field) {
    char buffer[128] = {};
    SQLINTEGER length = 0;
    check(SQLGetDescField(desc, record, field, buffer, sizeof buffer, &length), SQL_HANDLE_DESC,
          desc);
    CHECK(length == static_cast<SQLINTEGER>(std::strlen(buffer)));
    return buffer;
}

// Binds column 1 of `desc` as SQL_C_CHAR through descriptor fields, DATA_PTR last.
void bind_char(SQLHDESC desc, char* buffer, SQLLEN capacity, SQLLEN* indicator) {
    set_int(desc, 1, SQL_DESC_TYPE, SQL_C_CHAR);
    set_int(desc, 1, SQL_DESC_OCTET_LENGTH, capacity);
    set_ptr(desc, 1, SQL_DESC_INDICATOR_PTR, indicator);
    set_ptr(desc, 1, SQL_DESC_OCTET_LENGTH_PTR, indicator);
    set_ptr(desc, 1, SQL_DESC_DATA_PTR, buffer);
}

const char* const two_rows =
    "SELECT 'row ' || g AS label FROM generate_series(1, 2) AS g ORDER BY g";

}  // namespace

// Differential: psqlODBC's descriptor fields are incomplete (07009, HY000 not implemented).
TEST_CASE("SQLSetDescField on the ARD binds a column that SQLFetch fills" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    const SQLHDESC ard = stmt_desc(stmt, SQL_ATTR_APP_ROW_DESC);
    char label[32] = {};
    SQLLEN indicator = 0;
    bind_char(ard, label, sizeof label, &indicator);
    CHECK(get_small(ard, 0, SQL_DESC_COUNT) == 1);
    CHECK(get_small(ard, 1, SQL_DESC_CONCISE_TYPE) == SQL_C_CHAR);
    CHECK(get_small(ard, 0, SQL_DESC_ALLOC_TYPE) == SQL_DESC_ALLOC_AUTO);
    exec(stmt, two_rows);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(std::string(label) == "row 1");
    CHECK(indicator == 5);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(std::string(label) == "row 2");
    CHECK(SQLFetch(stmt) == SQL_NO_DATA);
}

TEST_CASE("changing a field other than the pointers unbinds the record; DATA_PTR rebinds it") {
    Connection c;
    Stmt stmt(c.dbc);
    const SQLHDESC ard = stmt_desc(stmt, SQL_ATTR_APP_ROW_DESC);
    char label[32] = {};
    SQLLEN indicator = 0;
    bind_char(ard, label, sizeof label, &indicator);
    set_int(ard, 1, SQL_DESC_OCTET_LENGTH, 16);
    void* data = &label;
    check(SQLGetDescField(ard, 1, SQL_DESC_DATA_PTR, &data, SQL_IS_POINTER, nullptr),
          SQL_HANDLE_DESC, ard);
    CHECK(data == nullptr);
    set_ptr(ard, 1, SQL_DESC_DATA_PTR, label);
    exec(stmt, two_rows);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(std::string(label) == "row 1");
}

// Skipped in a differential run: psqlODBC crashes (SIGSEGV) in it, which would end the whole run.
TEST_CASE("the IRD describes the result and cannot be modified" * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 42::int4 AS answer, 'abc'::varchar(10) AS word, 1.5::numeric(10,3) AS n");
    const SQLHDESC ird = stmt_desc(stmt, SQL_ATTR_IMP_ROW_DESC);
    CHECK(get_small(ird, 0, SQL_DESC_COUNT) == 3);
    CHECK(get_text(ird, 1, SQL_DESC_NAME) == "answer");
    CHECK(get_small(ird, 1, SQL_DESC_TYPE) == SQL_INTEGER);
    CHECK(get_small(ird, 1, SQL_DESC_CONCISE_TYPE) == SQL_INTEGER);
    CHECK(get_len(ird, 1, SQL_DESC_OCTET_LENGTH) == 4);
    CHECK(get_text(ird, 2, SQL_DESC_NAME) == "word");
    CHECK(get_len(ird, 2, SQL_DESC_LENGTH) == 10);
    CHECK(get_small(ird, 3, SQL_DESC_PRECISION) == 10);
    CHECK(get_small(ird, 3, SQL_DESC_SCALE) == 3);
    CHECK(get_small(ird, 3, SQL_DESC_UNNAMED) == SQL_NAMED);
    SQLSMALLINT value = 0;
    CHECK(SQLGetDescField(ird, 4, SQL_DESC_TYPE, &value, 0, nullptr) == SQL_NO_DATA);
    const SQLRETURN rc =
        SQLSetDescField(ird, 1, SQL_DESC_NAME, const_cast<char*>("other"), SQL_NTS);
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DESC, ird, "HY016"));
    CHECK(SQLSetDescField(ird, 1, SQL_DESC_TYPE, reinterpret_cast<SQLPOINTER>(SQL_C_CHAR), 0)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DESC, ird, "HY016"));
}

TEST_CASE("SQLGetDescFieldW returns the IRD's names in bytes") {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 1 AS \"zäh\"");
    const SQLHDESC ird = stmt_desc(stmt, SQL_ATTR_IMP_ROW_DESC);
    SQLWCHAR name[16] = {};
    SQLINTEGER length = 0;
    check(SQLGetDescFieldW(ird, 1, SQL_DESC_NAME, name, sizeof name, &length), SQL_HANDLE_DESC,
          ird);
    CHECK(length == 6);
    CHECK(utf16_to_utf8(from_sqlw(name)) == "zäh");
}

// Differential: psqlODBC's descriptor fields are incomplete (07009, HY000 not implemented).
TEST_CASE("SQLGetDescRec on the IRD and SQLSetDescRec on the ARD" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    exec(stmt, "SELECT 7::int8 AS big, now()::timestamp AS ts");
    const SQLHDESC ird = stmt_desc(stmt, SQL_ATTR_IMP_ROW_DESC);
    SQLCHAR name[32] = {};
    SQLSMALLINT name_length = 0;
    SQLSMALLINT type = 0;
    SQLSMALLINT subtype = -1;
    SQLLEN length = 0;
    SQLSMALLINT precision = 0;
    SQLSMALLINT scale = 0;
    SQLSMALLINT nullable = 0;
    check(SQLGetDescRec(ird, 1, name, sizeof name, &name_length, &type, &subtype, &length,
                        &precision, &scale, &nullable),
          SQL_HANDLE_DESC, ird);
    CHECK(std::string(reinterpret_cast<char*>(name)) == "big");
    CHECK(name_length == 3);
    CHECK(type == SQL_BIGINT);
    CHECK(subtype == 0);
    CHECK(length == 8);
    check(SQLGetDescRec(ird, 2, name, sizeof name, &name_length, &type, &subtype, &length,
                        &precision, &scale, &nullable),
          SQL_HANDLE_DESC, ird);
    CHECK(type == SQL_DATETIME);
    CHECK(subtype == SQL_CODE_TIMESTAMP);
    CHECK(SQLGetDescRec(ird, 3, name, sizeof name, &name_length, &type, &subtype, &length,
                        &precision, &scale, &nullable)
          == SQL_NO_DATA);

    Stmt fetcher(c.dbc);
    const SQLHDESC ard = stmt_desc(fetcher, SQL_ATTR_APP_ROW_DESC);
    SQLBIGINT big = 0;
    SQLLEN indicator = 0;
    check(SQLSetDescRec(ard, 1, SQL_C_SBIGINT, 0, sizeof big, 0, 0, &big, &indicator, &indicator),
          SQL_HANDLE_DESC, ard);
    exec(fetcher, "SELECT 1234567890123::int8");
    check(SQLFetch(fetcher), SQL_HANDLE_STMT, fetcher);
    CHECK(big == 1234567890123LL);
    CHECK(SQLSetDescRec(ird, 1, SQL_C_CHAR, 0, 10, 0, 0, nullptr, nullptr, nullptr) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DESC, ird, "HY016"));
}

// Differential: psqlODBC's descriptor fields are incomplete (07009, HY000 not implemented).
TEST_CASE("an explicitly allocated descriptor serves as the ARD, then is freed"
          * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    const SQLHDESC implicit_ard = stmt_desc(stmt, SQL_ATTR_APP_ROW_DESC);
    SQLHDESC desc = SQL_NULL_HDESC;
    check(SQLAllocHandle(SQL_HANDLE_DESC, c.dbc, &desc), SQL_HANDLE_DBC, c.dbc);
    REQUIRE(desc != SQL_NULL_HDESC);
    CHECK(get_small(desc, 0, SQL_DESC_ALLOC_TYPE) == SQL_DESC_ALLOC_USER);
    char label[32] = {};
    SQLLEN indicator = 0;
    bind_char(desc, label, sizeof label, &indicator);
    check(SQLSetStmtAttr(stmt, SQL_ATTR_APP_ROW_DESC, desc, 0), SQL_HANDLE_STMT, stmt);
    CHECK(stmt_desc(stmt, SQL_ATTR_APP_ROW_DESC) == desc);
    exec(stmt, two_rows);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(std::string(label) == "row 1");
    SQLFreeStmt(stmt, SQL_CLOSE);
    check(SQLFreeHandle(SQL_HANDLE_DESC, desc), SQL_HANDLE_DESC, desc);
    CHECK(stmt_desc(stmt, SQL_ATTR_APP_ROW_DESC) == implicit_ard);
    // The implicit ARD has no bindings: nothing is written any more.
    std::strcpy(label, "untouched");
    exec(stmt, two_rows);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(std::string(label) == "untouched");
}

// unixODBC answers SQLGetStmtAttr(SQL_ATTR_APP_ROW_DESC) itself and keeps reporting the last
// handle set, so the restore is checked by what SQLFetch writes.
// Differential: psqlODBC's descriptor fields are incomplete (07009, HY000 not implemented).
TEST_CASE("SQL_NULL_HDESC gives the statement its implicit ARD back" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    SQLHDESC desc = SQL_NULL_HDESC;
    check(SQLAllocHandle(SQL_HANDLE_DESC, c.dbc, &desc), SQL_HANDLE_DBC, c.dbc);
    char explicit_label[32] = "untouched";
    SQLLEN explicit_indicator = 0;
    bind_char(desc, explicit_label, sizeof explicit_label, &explicit_indicator);
    check(SQLSetStmtAttr(stmt, SQL_ATTR_APP_ROW_DESC, desc, 0), SQL_HANDLE_STMT, stmt);
    check(SQLSetStmtAttr(stmt, SQL_ATTR_APP_ROW_DESC, SQL_NULL_HDESC, 0), SQL_HANDLE_STMT, stmt);
    char label[32] = {};
    SQLLEN indicator = 0;
    check(SQLBindCol(stmt, 1, SQL_C_CHAR, label, sizeof label, &indicator), SQL_HANDLE_STMT, stmt);
    exec(stmt, two_rows);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(std::string(label) == "row 1");
    CHECK(std::string(explicit_label) == "untouched");
    SQLFreeStmt(stmt, SQL_CLOSE);
    check(SQLFreeHandle(SQL_HANDLE_DESC, desc), SQL_HANDLE_DESC, desc);
}

// Differential: psqlODBC's descriptor fields are incomplete (07009, HY000 not implemented).
TEST_CASE("SQLCopyDesc copies an ARD's bindings into an explicit descriptor"
          * psqlodbc_deviates()) {
    Connection c;
    Stmt first(c.dbc);
    char label[32] = {};
    SQLLEN indicator = 0;
    check(SQLBindCol(first, 1, SQL_C_CHAR, label, sizeof label, &indicator), SQL_HANDLE_STMT,
          first);
    SQLHDESC desc = SQL_NULL_HDESC;
    check(SQLAllocHandle(SQL_HANDLE_DESC, c.dbc, &desc), SQL_HANDLE_DBC, c.dbc);
    check(SQLCopyDesc(stmt_desc(first, SQL_ATTR_APP_ROW_DESC), desc), SQL_HANDLE_DESC, desc);
    CHECK(get_small(desc, 0, SQL_DESC_COUNT) == 1);
    CHECK(get_small(desc, 1, SQL_DESC_TYPE) == SQL_C_CHAR);
    CHECK(get_len(desc, 1, SQL_DESC_OCTET_LENGTH) == static_cast<SQLLEN>(sizeof label));
    CHECK(get_small(desc, 0, SQL_DESC_ALLOC_TYPE) == SQL_DESC_ALLOC_USER);
    Stmt second(c.dbc);
    check(SQLSetStmtAttr(second, SQL_ATTR_APP_ROW_DESC, desc, 0), SQL_HANDLE_STMT, second);
    exec(second, two_rows);
    check(SQLFetch(second), SQL_HANDLE_STMT, second);
    CHECK(std::string(label) == "row 1");
    SQLFreeStmt(second, SQL_CLOSE);
    // The IRD can be a source but never a target.
    exec(first, two_rows);
    const SQLHDESC ird = stmt_desc(first, SQL_ATTR_IMP_ROW_DESC);
    check(SQLCopyDesc(ird, desc), SQL_HANDLE_DESC, desc);
    CHECK(get_small(desc, 1, SQL_DESC_CONCISE_TYPE) == SQL_LONGVARCHAR);  // text, PostgreSQL
    CHECK(SQLCopyDesc(desc, ird) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DESC, ird, "HY016"));
    check(SQLFreeHandle(SQL_HANDLE_DESC, desc), SQL_HANDLE_DESC, desc);
}

// Differential: psqlODBC does not default the ARD's precision/scale for SQL_C_NUMERIC.
TEST_CASE("SQL_C_NUMERIC fetch with the ARD's precision and scale" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    const SQLHDESC ard = stmt_desc(stmt, SQL_ATTR_APP_ROW_DESC);
    SQL_NUMERIC_STRUCT num = {};
    SQLLEN indicator = 0;
    set_int(ard, 1, SQL_DESC_TYPE, SQL_C_NUMERIC);
    CHECK(get_small(ard, 1, SQL_DESC_PRECISION) == 38);  // the type's defaults
    CHECK(get_small(ard, 1, SQL_DESC_SCALE) == 0);
    set_int(ard, 1, SQL_DESC_PRECISION, 20);
    set_int(ard, 1, SQL_DESC_SCALE, 4);
    set_ptr(ard, 1, SQL_DESC_INDICATOR_PTR, &indicator);
    set_ptr(ard, 1, SQL_DESC_DATA_PTR, &num);
    exec(stmt, "SELECT 1234.5678::numeric(20,4)");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(num.precision == 20);
    CHECK(num.scale == 4);
    CHECK(num.sign == 1);
    unsigned long long unscaled = 0;
    for (int i = 7; i >= 0; --i) {
        unscaled = (unscaled << 8U) | num.val[i];
    }
    CHECK(unscaled == 12345678ULL);
    // SQLGetData with SQL_ARD_TYPE uses the same precision and scale.
    SQLFreeStmt(stmt, SQL_CLOSE);
    SQLFreeStmt(stmt, SQL_UNBIND);
    set_int(ard, 1, SQL_DESC_TYPE, SQL_C_NUMERIC);
    set_int(ard, 1, SQL_DESC_PRECISION, 20);
    set_int(ard, 1, SQL_DESC_SCALE, 2);
    exec(stmt, "SELECT 1234.5678::numeric(20,4)");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    num = {};
    const SQLRETURN rc = SQLGetData(stmt, 1, SQL_ARD_TYPE, &num, sizeof num, &indicator);
    CHECK((rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO));
    CHECK(num.scale == 2);
    CHECK((num.val[0] | (num.val[1] << 8U) | (num.val[2] << 16U)) == 123456);
}

// Differential: psqlODBC does not check record consistency (HY021).
TEST_CASE("setting DATA_PTR on an inconsistent record is HY021" * psqlodbc_deviates()) {
    Connection c;
    Stmt stmt(c.dbc);
    const SQLHDESC ard = stmt_desc(stmt, SQL_ATTR_APP_ROW_DESC);
    SQL_NUMERIC_STRUCT num = {};
    set_int(ard, 1, SQL_DESC_TYPE, SQL_C_NUMERIC);
    set_int(ard, 1, SQL_DESC_PRECISION, 10);
    set_int(ard, 1, SQL_DESC_SCALE, 12);  // more fraction digits than digits
    CHECK(SQLSetDescField(ard, 1, SQL_DESC_DATA_PTR, &num, SQL_IS_POINTER) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DESC, ard, "HY021"));
    set_int(ard, 1, SQL_DESC_SCALE, 2);
    set_ptr(ard, 1, SQL_DESC_DATA_PTR, &num);
}

TEST_CASE("SQL_DESC_COUNT shrinks the ARD; the IPD takes parameter types") {
    Connection c;
    Stmt stmt(c.dbc);
    const SQLHDESC ard = stmt_desc(stmt, SQL_ATTR_APP_ROW_DESC);
    SQLINTEGER a = 0;
    SQLINTEGER b = 0;
    check(SQLBindCol(stmt, 1, SQL_C_SLONG, &a, 0, nullptr), SQL_HANDLE_STMT, stmt);
    check(SQLBindCol(stmt, 2, SQL_C_SLONG, &b, 0, nullptr), SQL_HANDLE_STMT, stmt);
    CHECK(get_small(ard, 0, SQL_DESC_COUNT) == 2);
    set_int(ard, 0, SQL_DESC_COUNT, 1);
    CHECK(get_small(ard, 0, SQL_DESC_COUNT) == 1);
    exec(stmt, "SELECT 1, 2");
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(a == 1);
    CHECK(b == 0);
    SQLFreeStmt(stmt, SQL_CLOSE);

    check(SQLPrepare(stmt, sqlc("SELECT ?::int4 + 1"), SQL_NTS), SQL_HANDLE_STMT, stmt);
    SQLINTEGER in = 41;
    SQLLEN in_ind = 0;
    check(
        SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &in, 0, &in_ind),
        SQL_HANDLE_STMT, stmt);
    const SQLHDESC ipd = stmt_desc(stmt, SQL_ATTR_IMP_PARAM_DESC);
    CHECK(get_small(ipd, 1, SQL_DESC_CONCISE_TYPE) == SQL_INTEGER);
    CHECK(get_small(ipd, 1, SQL_DESC_PARAMETER_TYPE) == SQL_PARAM_INPUT);
    set_int(ipd, 1, SQL_DESC_TYPE, SQL_BIGINT);
    CHECK(get_small(ipd, 1, SQL_DESC_CONCISE_TYPE) == SQL_BIGINT);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_string(stmt, 1) == "42");
}
