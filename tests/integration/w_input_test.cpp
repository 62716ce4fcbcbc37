// Issue 11: bad text in every W entry point that takes text input. One rule for all of them
// (api/text_in, README "Unicode"): invalid UTF-16 — a lone high or low surrogate — is 22018; a
// negative length other than SQL_NTS, and an odd byte count where the function counts bytes
// (SQLSetConnectAttrW, SQLSetDescFieldW), is HY090. Never a crash, never success with the text
// half read, and the handles go on working.
//
// Every case runs twice: through the driver manager, and straight into the driver's own exported
// function (tests/support/driver_direct.h), because unixODBC checks some lengths itself and would
// otherwise hide what the driver does. The driver's diagnostics are then read from the driver.
#include "driver_direct.h"
#include "odbc_test.h"

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

using namespace odbc_test;  // NOLINT(google-build-using-namespace): test vocabulary

namespace {

// The input under test: units (terminated) and the length argument to pass.
struct BadText {
    const char* name;
    std::vector<SQLWCHAR> units;
    SQLINTEGER length;  // in characters, or in bytes where the function counts bytes
    const char* state;
};

std::vector<BadText> bad_texts(bool counts_bytes) {
    const auto nts = static_cast<SQLINTEGER>(SQL_NTS);
    std::vector<BadText> cases{
        {"lone high surrogate", {u'a', 0xD800, u'b', 0}, nts, "22018"},
        {"lone low surrogate", {u'a', 0xDC00, u'b', 0}, nts, "22018"},
        {"high surrogate as the last unit", {u'a', u'b', 0xD83D, 0}, nts, "22018"},
        {"negative length -5", {u'a', u'b', u'c', 0}, -5, "HY090"},
    };
    if (counts_bytes) {
        cases.push_back({"odd byte length 5", {u'a', u'b', u'c', 0}, 5, "HY090"});
        // The same units with an explicit, even byte count: the surrogate still counts.
        cases.push_back({"lone surrogate, byte length", {u'a', 0xDC00, u'b', 0}, 6, "22018"});
    } else {
        cases.push_back({"lone surrogate, explicit length", {u'a', 0xDC00, u'b', 0}, 3, "22018"});
    }
    return cases;
}

// An entry point: through the driver manager or the driver's own symbol.
template <typename Function>
Function* pick(bool direct, Function* manager, const char* name) {
    return direct ? driver_function<Function>(name) : manager;
}

SQLSMALLINT small(SQLINTEGER length) {
    return static_cast<SQLSMALLINT>(length);
}

// One W function taking text: `call` passes the bad text in one of its text arguments.
struct Entry {
    const char* function;
    bool counts_bytes;
    // SQLTablePrivilegesW/SQLColumnPrivilegesW are not supported: HYC00 whatever the input.
    const char* fixed_state;
    std::function<SQLRETURN(bool direct, SQLHANDLE handle, SQLWCHAR* text, SQLINTEGER length)> call;
};

std::vector<Entry> statement_entries() {
    return {
        {"SQLExecDirectW", false, nullptr,
         [](bool d, SQLHANDLE h, SQLWCHAR* t, SQLINTEGER n) {
             return pick(d, &SQLExecDirectW, "SQLExecDirectW")(h, t, n);
         }},
        {"SQLPrepareW", false, nullptr,
         [](bool d, SQLHANDLE h, SQLWCHAR* t, SQLINTEGER n) {
             return pick(d, &SQLPrepareW, "SQLPrepareW")(h, t, n);
         }},
        {"SQLSetCursorNameW", false, nullptr,
         [](bool d, SQLHANDLE h, SQLWCHAR* t, SQLINTEGER n) {
             return pick(d, &SQLSetCursorNameW, "SQLSetCursorNameW")(h, t, small(n));
         }},
        {"SQLTablesW", false, nullptr,
         [](bool d, SQLHANDLE h, SQLWCHAR* t, SQLINTEGER n) {
             return pick(d, &SQLTablesW, "SQLTablesW")(h, nullptr, 0, nullptr, 0, t, small(n),
                                                       nullptr, 0);
         }},
        {"SQLTablesW (table types)", false, nullptr,
         [](bool d, SQLHANDLE h, SQLWCHAR* t, SQLINTEGER n) {
             return pick(d, &SQLTablesW, "SQLTablesW")(h, nullptr, 0, nullptr, 0, nullptr, 0, t,
                                                       small(n));
         }},
        {"SQLColumnsW", false, nullptr,
         [](bool d, SQLHANDLE h, SQLWCHAR* t, SQLINTEGER n) {
             return pick(d, &SQLColumnsW, "SQLColumnsW")(h, nullptr, 0, nullptr, 0, t, small(n),
                                                         nullptr, 0);
         }},
        {"SQLColumnsW (column)", false, nullptr,
         [](bool d, SQLHANDLE h, SQLWCHAR* t, SQLINTEGER n) {
             return pick(d, &SQLColumnsW, "SQLColumnsW")(h, nullptr, 0, nullptr, 0, nullptr, 0, t,
                                                         small(n));
         }},
        {"SQLPrimaryKeysW", false, nullptr,
         [](bool d, SQLHANDLE h, SQLWCHAR* t, SQLINTEGER n) {
             return pick(d, &SQLPrimaryKeysW, "SQLPrimaryKeysW")(h, nullptr, 0, nullptr, 0, t,
                                                                 small(n));
         }},
        {"SQLForeignKeysW", false, nullptr,
         [](bool d, SQLHANDLE h, SQLWCHAR* t, SQLINTEGER n) {
             return pick(d, &SQLForeignKeysW, "SQLForeignKeysW")(
                 h, nullptr, 0, nullptr, 0, t, small(n), nullptr, 0, nullptr, 0, nullptr, 0);
         }},
        {"SQLStatisticsW", false, nullptr,
         [](bool d, SQLHANDLE h, SQLWCHAR* t, SQLINTEGER n) {
             return pick(d, &SQLStatisticsW, "SQLStatisticsW")(h, nullptr, 0, nullptr, 0, t,
                                                               small(n), SQL_INDEX_ALL, SQL_QUICK);
         }},
        {"SQLSpecialColumnsW", false, nullptr,
         [](bool d, SQLHANDLE h, SQLWCHAR* t, SQLINTEGER n) {
             return pick(d, &SQLSpecialColumnsW, "SQLSpecialColumnsW")(
                 h, SQL_BEST_ROWID, nullptr, 0, nullptr, 0, t, small(n), SQL_SCOPE_SESSION,
                 SQL_NULLABLE);
         }},
        {"SQLProceduresW", false, nullptr,
         [](bool d, SQLHANDLE h, SQLWCHAR* t, SQLINTEGER n) {
             return pick(d, &SQLProceduresW, "SQLProceduresW")(h, nullptr, 0, nullptr, 0, t,
                                                               small(n));
         }},
        {"SQLProcedureColumnsW", false, nullptr,
         [](bool d, SQLHANDLE h, SQLWCHAR* t, SQLINTEGER n) {
             return pick(d, &SQLProcedureColumnsW, "SQLProcedureColumnsW")(
                 h, nullptr, 0, nullptr, 0, t, small(n), nullptr, 0);
         }},
        {"SQLTablePrivilegesW", false, "HYC00",
         [](bool d, SQLHANDLE h, SQLWCHAR* t, SQLINTEGER n) {
             return pick(d, &SQLTablePrivilegesW, "SQLTablePrivilegesW")(h, nullptr, 0, nullptr, 0,
                                                                         t, small(n));
         }},
        {"SQLColumnPrivilegesW", false, "HYC00",
         [](bool d, SQLHANDLE h, SQLWCHAR* t, SQLINTEGER n) {
             return pick(d, &SQLColumnPrivilegesW, "SQLColumnPrivilegesW")(
                 h, nullptr, 0, nullptr, 0, t, small(n), nullptr, 0);
         }},
    };
}

std::vector<Entry> connection_entries() {
    return {
        {"SQLNativeSqlW", false, nullptr,
         [](bool d, SQLHANDLE h, SQLWCHAR* t, SQLINTEGER n) {
             SQLWCHAR out[64] = {};
             SQLINTEGER out_length = 0;
             return pick(d, &SQLNativeSqlW, "SQLNativeSqlW")(h, t, n, out, 64, &out_length);
         }},
        {"SQLSetConnectAttrW (SQL_ATTR_CURRENT_CATALOG)", true, nullptr,
         [](bool d, SQLHANDLE h, SQLWCHAR* t, SQLINTEGER n) {
             return pick(d, &SQLSetConnectAttrW, "SQLSetConnectAttrW")(h, SQL_ATTR_CURRENT_CATALOG,
                                                                       t, n);
         }},
    };
}

// Runs every bad text through one entry point and checks the answer; returns the calls made.
int sweep(const Entry& entry, bool direct, SQLSMALLINT type, SQLHANDLE manager_handle,
          SQLHANDLE driver_handle) {
    int calls = 0;
    for (BadText bad : bad_texts(entry.counts_bytes)) {
        CAPTURE(entry.function);
        CAPTURE(bad.name);
        CAPTURE(direct);
        if (type == SQL_HANDLE_STMT) {
            SQLFreeStmt(manager_handle, SQL_CLOSE);
        }
        const SQLRETURN rc = entry.call(direct, direct ? driver_handle : manager_handle,
                                        bad.units.data(), bad.length);
        ++calls;
        const std::vector<std::string> states =
            direct ? driver_states(type, driver_handle) : diag_states(type, manager_handle);
        INFO(rc_name(rc) << (states.empty() ? std::string(" (no record)") : " " + states.front()));
        CHECK(rc == SQL_ERROR);
        REQUIRE_FALSE(states.empty());
        const std::string expected = entry.fixed_state != nullptr ? entry.fixed_state : bad.state;
        if (!direct && bad.length < 0 && bad.length != SQL_NTS) {
            // unixODBC checks a negative length itself (HY090, or HY009 for some functions)
            // before the driver sees it: the direct call tests the driver's own check.
            CHECK((states.front() == "HY090" || states.front() == "HY009"));
        } else {
            CHECK(states.front() == expected);
        }
    }
    return calls;
}

}  // namespace

TEST_CASE("W input sweep: statement functions refuse bad UTF-16 (22018) and lengths (HY090)"
          * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    const SQLHANDLE driver_stmt = driver_statement_handle(c.dbc, stmt);
    int calls = 0;
    for (const Entry& entry : statement_entries()) {
        for (const bool direct : {false, true}) {
            calls += sweep(entry, direct, SQL_HANDLE_STMT, stmt, driver_stmt);
        }
    }
    MESSAGE(calls << " calls of " << statement_entries().size() << " statement W entry points");
    CHECK(query_string(c.dbc, "SELECT 1") == "1");
    exec(stmt, "SELECT 1");
}

TEST_CASE("W input sweep: connection functions refuse bad UTF-16 (22018) and lengths (HY090)"
          * only_our_driver()) {
    Connection c;
    const SQLHANDLE driver_dbc = driver_handle_of(c.dbc, SQL_DRIVER_HDBC, c.dbc);
    int calls = 0;
    for (const Entry& entry : connection_entries()) {
        for (const bool direct : {false, true}) {
            calls += sweep(entry, direct, SQL_HANDLE_DBC, c.dbc, driver_dbc);
        }
    }
    MESSAGE(calls << " calls of " << connection_entries().size() << " connection W entry points");
    CHECK(query_string(c.dbc, "SELECT 1") == "1");
}

TEST_CASE("W input sweep: SQLSetDescFieldW (SQL_DESC_NAME) counts bytes" * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    SQLHDESC ipd = SQL_NULL_HDESC;
    check(SQLGetStmtAttr(stmt, SQL_ATTR_IMP_PARAM_DESC, &ipd, 0, nullptr), SQL_HANDLE_STMT, stmt);
    SQLCHAR value[16] = "x";
    SQLLEN indicator = SQL_NTS;
    check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 10, 0, value,
                           sizeof value, &indicator),
          SQL_HANDLE_STMT, stmt);
    const SQLHANDLE driver_ipd = driver_handle_of(c.dbc, SQL_DRIVER_HDESC, ipd);
    const Entry entry{"SQLSetDescFieldW (SQL_DESC_NAME)", true, nullptr,
                      [](bool d, SQLHANDLE h, SQLWCHAR* t, SQLINTEGER n) {
                          return pick(d, &SQLSetDescFieldW, "SQLSetDescFieldW")(h, 1, SQL_DESC_NAME,
                                                                                t, n);
                      }};
    for (const bool direct : {false, true}) {
        sweep(entry, direct, SQL_HANDLE_DESC, ipd, driver_ipd);
    }
    // A good name is taken.
    WStr name(u"p1");
    check(SQLSetDescFieldW(ipd, 1, SQL_DESC_NAME, name.get(), 4), SQL_HANDLE_DESC, ipd);
}

// SQLDriverConnectW and SQLConnectW run before the driver manager has a driver: through the
// manager on a fresh connection handle, and straight into the driver on handles it allocates.
TEST_CASE("W input sweep: SQLDriverConnectW and SQLConnectW" * only_our_driver()) {
    auto connect_cases = [](bool direct, SQLHDBC dbc, SQLWCHAR* t, SQLINTEGER n,
                            bool driver_connect) -> SQLRETURN {
        if (driver_connect) {
            SQLWCHAR out[256] = {};
            SQLSMALLINT out_length = 0;
            return pick(direct, &SQLDriverConnectW, "SQLDriverConnectW")(
                dbc, nullptr, t, small(n), out, 256, &out_length, SQL_DRIVER_NOPROMPT);
        }
        WStr user(u"nobody");
        return pick(direct, &SQLConnectW, "SQLConnectW")(dbc, t, small(n), user.get(), SQL_NTS,
                                                         user.get(), SQL_NTS);
    };
    // Keeps the driver library loaded for the direct calls.
    Connection keeper;
    int calls = 0;
    for (const bool driver_connect : {true, false}) {
        for (const BadText& bad : bad_texts(false)) {
            for (const bool direct : {false, true}) {
                CAPTURE(driver_connect);
                CAPTURE(bad.name);
                CAPTURE(direct);
                // Through the manager the text names the driver so the manager reaches it: the
                // bad unit comes after "Driver={...};".
                std::u16string text;
                if (driver_connect) {
                    text = utf8_to_utf16("Driver={" + require_env("RSODBC_TEST_DRIVER") + "};UID=");
                }
                const std::size_t prefix = text.size();
                for (const SQLWCHAR unit : bad.units) {
                    if (unit != 0) {
                        text.push_back(static_cast<char16_t>(unit));
                    }
                }
                std::vector<SQLWCHAR> units(text.begin(), text.end());
                units.push_back(0);
                SQLINTEGER length = bad.length;
                if (length != SQL_NTS && length >= 0) {
                    length += static_cast<SQLINTEGER>(prefix);
                }
                if (direct) {
                    auto* alloc = driver_function<decltype(SQLAllocHandle)>("SQLAllocHandle");
                    auto* set_env = driver_function<decltype(SQLSetEnvAttr)>("SQLSetEnvAttr");
                    auto* free_handle = driver_function<decltype(SQLFreeHandle)>("SQLFreeHandle");
                    SQLHENV env = SQL_NULL_HENV;
                    REQUIRE(alloc(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env) == SQL_SUCCESS);
                    set_env(env, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3),
                            0);
                    SQLHDBC dbc = SQL_NULL_HDBC;
                    REQUIRE(alloc(SQL_HANDLE_DBC, env, &dbc) == SQL_SUCCESS);
                    const SQLRETURN rc =
                        connect_cases(true, dbc, units.data(), length, driver_connect);
                    const auto states = driver_states(SQL_HANDLE_DBC, dbc);
                    INFO(rc_name(rc));
                    CHECK(rc == SQL_ERROR);
                    REQUIRE_FALSE(states.empty());
                    CHECK(states.front() == bad.state);
                    free_handle(SQL_HANDLE_DBC, dbc);
                    free_handle(SQL_HANDLE_ENV, env);
                } else {
                    Env env;
                    Dbc dbc(env);
                    const SQLRETURN rc =
                        connect_cases(false, dbc.get(), units.data(), length, driver_connect);
                    const auto states = diag_states(SQL_HANDLE_DBC, dbc.get());
                    INFO(rc_name(rc));
                    CHECK(rc == SQL_ERROR);
                    REQUIRE_FALSE(states.empty());
                    // SQLConnectW with a bad DSN name never reaches a driver: the manager
                    // answers (IM002, or HY090 for the length); either way not a success.
                    if (driver_connect) {
                        CHECK(states.front() == bad.state);
                    } else {
                        MESSAGE("SQLConnectW via the manager, " << bad.name << ": "
                                                                << states.front());
                    }
                }
                ++calls;
            }
        }
    }
    MESSAGE(calls << " connect calls with bad text");
    CHECK(query_string(keeper.dbc, "SELECT 1") == "1");
}
