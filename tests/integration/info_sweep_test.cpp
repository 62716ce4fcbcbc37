// SQLGetInfo(W) for every ODBC 3.8 InfoType through the driver manager, on PostgreSQL and with
// the driver forced into Redshift mode: each answers, in the documented form, with the
// documented lengths; the Redshift answers carry the facts of ../shared/REDSHIFT.md.
#include "info_types.h"
#include "odbc_test.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <vector>

using namespace odbc_test;

namespace {

std::string long_info_string(const Dbc& dbc, SQLUSMALLINT item) {
    std::array<char, 8192> buf{};
    SQLSMALLINT length = -1;
    check(SQLGetInfo(dbc.get(), item, buf.data(), static_cast<SQLSMALLINT>(buf.size()), &length),
          SQL_HANDLE_DBC, dbc.get());
    CHECK(length == static_cast<SQLSMALLINT>(std::strlen(buf.data())));
    return buf.data();
}

template <class T>
T info_number(const Dbc& dbc, SQLUSMALLINT item) {
    T value{};
    SQLSMALLINT length = -1;
    check(SQLGetInfo(dbc.get(), item, &value, sizeof value, &length), SQL_HANDLE_DBC, dbc.get());
    CHECK(length == static_cast<SQLSMALLINT>(sizeof(T)));
    return value;
}

void sweep(const Dbc& dbc) {
    for (const auto& spec : all_info_types) {
        INFO(spec.name);
        switch (spec.form) {
            case InfoForm::text:
            case InfoForm::yes_no: {
                const std::string ansi = long_info_string(dbc, spec.type);
                if (spec.form == InfoForm::yes_no) {
                    CHECK((ansi == "Y" || ansi == "N"));
                }
                std::array<SQLWCHAR, 8192> wide{};
                SQLSMALLINT bytes = -1;
                check(SQLGetInfoW(dbc.get(), spec.type, wide.data(),
                                  static_cast<SQLSMALLINT>(sizeof wide), &bytes),
                      SQL_HANDLE_DBC, dbc.get());
                CHECK(from_sqlw(wide.data()) == utf8_to_utf16(ansi));
                CHECK(bytes == static_cast<SQLSMALLINT>(ansi.size() * sizeof(SQLWCHAR)));
                break;
            }
            case InfoForm::u16:
                info_number<SQLUSMALLINT>(dbc, spec.type);
                break;
            case InfoForm::u32:
                info_number<SQLUINTEGER>(dbc, spec.type);
                break;
        }
    }
}

std::vector<std::string> split(const std::string& list) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < list.size()) {
        const auto comma = std::min(list.find(',', start), list.size());
        words.push_back(list.substr(start, comma - start));
        start = comma + 1;
    }
    return words;
}

}  // namespace

TEST_CASE("every InfoType answers through the driver manager, ANSI and W" * only_our_driver()) {
    SUBCASE("PostgreSQL") {
        Connection c;
        sweep(c.dbc);
    }
    SUBCASE("Redshift mode") {
        Connection c(conn_str() + ";ServerFlavor=redshift");
        sweep(c.dbc);
    }
}

TEST_CASE("Redshift mode reports Redshift's limits and dialect" * only_our_driver()) {
    Connection c(conn_str() + ";ServerFlavor=redshift");
    CHECK(long_info_string(c.dbc, SQL_DBMS_NAME) == "Redshift");
    for (const SQLUSMALLINT item : {SQL_MAX_IDENTIFIER_LEN, SQL_MAX_TABLE_NAME_LEN,
                                    SQL_MAX_COLUMN_NAME_LEN, SQL_MAX_SCHEMA_NAME_LEN}) {
        CAPTURE(item);
        CHECK(info_number<SQLUSMALLINT>(c.dbc, item) == 127);
    }
    CHECK(info_number<SQLUINTEGER>(c.dbc, SQL_MAX_STATEMENT_LEN) == 16U * 1024U * 1024U);
    CHECK(info_number<SQLUSMALLINT>(c.dbc, SQL_MAX_COLUMNS_IN_TABLE) == 1600);
    CHECK(info_number<SQLUINTEGER>(c.dbc, SQL_DEFAULT_TXN_ISOLATION) == SQL_TXN_SERIALIZABLE);
    CHECK(info_number<SQLUINTEGER>(c.dbc, SQL_PARAM_ARRAY_ROW_COUNTS) == SQL_PARC_NO_BATCH);
    CHECK(info_number<SQLUINTEGER>(c.dbc, SQL_POSITIONED_STATEMENTS) == 0);
    CHECK(info_number<SQLUINTEGER>(c.dbc, SQL_SQL92_FOREIGN_KEY_DELETE_RULE) == 0);
    CHECK(info_number<SQLUINTEGER>(c.dbc, SQL_DDL_INDEX) == 0);
    const auto keywords = split(long_info_string(c.dbc, SQL_KEYWORDS));
    CHECK(std::find(keywords.begin(), keywords.end(), "SYSDATE") != keywords.end());
    CHECK(std::find(keywords.begin(), keywords.end(), "SELECT") == keywords.end());
    // The local server has no enable_case_sensitive_identifier: Redshift's default, quoted
    // names folded to lower case. Asking must not disturb an open transaction either.
    check(SQLSetConnectAttr(c.dbc, SQL_ATTR_AUTOCOMMIT,
                            reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), 0),
          SQL_HANDLE_DBC, c.dbc);
    exec(c.dbc, "SELECT 1");
    CHECK(info_number<SQLUSMALLINT>(c.dbc, SQL_QUOTED_IDENTIFIER_CASE) == SQL_IC_LOWER);
    CHECK(query_string(c.dbc, "SELECT 2") == "2");
    check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_COMMIT), SQL_HANDLE_DBC, c.dbc);
}

TEST_CASE("InfoTypes the driver manager owns are answered by it") {
    Connection c;
    CHECK(long_info_string(c.dbc, SQL_ODBC_VER).size() >= 5);
    CHECK(long_info_string(c.dbc, SQL_DM_VER).size() >= 5);
    // unixODBC 2.3.11 says "1995" to SQLGetInfo and "1994" to SQLGetInfoW: its own answer.
    CHECK(long_info_string(c.dbc, SQL_XOPEN_CLI_YEAR).size() == 4);
}

// Differential: psqlODBC answers an unknown InfoType without HY096.
TEST_CASE("an unknown InfoType is HY096" * psqlodbc_deviates()) {
    Connection c;
    SQLUINTEGER value = 0;
    const SQLRETURN rc = SQLGetInfo(c.dbc, 9999, &value, sizeof value, nullptr);
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, c.dbc, "HY096"));
}
