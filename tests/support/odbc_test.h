// Helpers for the integration tests, in nanodbc's spirit: small RAII wrappers around the ODBC
// handles plus a few conveniences. Tests still call the raw SQL* functions (through the unixODBC
// driver manager, -lodbc) so every edge case stays visible in the test body.
//
// Environment contract (written by tests/run): ODBCSYSINI/ODBCINI point at private ini files and
// RSODBC_TEST_DSN, RSODBC_TEST_DRIVER, RSODBC_TEST_CONNSTR, RSODBC_TEST_HOST, RSODBC_TEST_PORT,
// RSODBC_TEST_USER, RSODBC_TEST_PASSWORD, RSODBC_TEST_DATABASE describe the local server. A missing
// variable fails the test (it never skips). RSODBC_TEST_DIFFERENTIAL=1 marks a differential run in
// which the registered driver is psqlODBC rather than ours.
#pragma once

#include <doctest/doctest.h>
#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

static_assert(sizeof(SQLWCHAR) == 2, "unixODBC's SQLWCHAR is a 16-bit code unit");

namespace odbc_test {

// Where a helper was called from, for failure messages. Not std::source_location: clang 14 with
// libstdc++ 12 (the TSan variant's compiler) cannot compile <source_location>, which needs
// __builtin_source_location (clang 15). __builtin_FILE/__builtin_LINE in a default argument are
// evaluated at the caller, in GCC and clang alike.
class SourceLocation {
public:
    static constexpr SourceLocation current(const char* file = __builtin_FILE(),
                                            unsigned line = __builtin_LINE()) noexcept {
        return SourceLocation(file, line);
    }

    [[nodiscard]] constexpr const char* file_name() const noexcept { return file_; }

    [[nodiscard]] constexpr unsigned line() const noexcept { return line_; }

private:
    constexpr SourceLocation(const char* file, unsigned line) noexcept : file_(file), line_(line) {}

    const char* file_;
    unsigned line_;
};

// ---------------------------------------------------------------------------------------------
// Environment contract
// ---------------------------------------------------------------------------------------------

// The value of a required environment variable; fails the current test when it is missing.
inline std::string require_env(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') {
        FAIL("environment variable " << std::string(name)
                                     << " is not set; run the integration tests through tests/run");
    }
    return value;
}

// True in a differential run (psqlODBC registered under our driver's name).
inline bool differential_run() {
    const char* value = std::getenv("RSODBC_TEST_DIFFERENTIAL");
    return value != nullptr && std::string_view(value) == "1";
}

// Test-case decorators. Evaluated once at registration (static initialisation), after the
// environment is in place.
//  - only_our_driver(): behaviour that is our driver's design (keys, names, versions), not ODBC
//    behaviour; skipped in a differential run.
//  - psqlodbc_deviates(): the ODBC specification mandates the expectation and our driver follows
//    it, but psqlODBC does not; allowed to fail in a differential run, required otherwise.
inline doctest::skip only_our_driver() {
    return doctest::skip(differential_run());
}

inline doctest::may_fail psqlodbc_deviates() {
    return doctest::may_fail(differential_run());
}

inline std::string dsn() {
    return require_env("RSODBC_TEST_DSN");
}

inline std::string conn_str() {
    return require_env("RSODBC_TEST_CONNSTR");
}

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

inline SQLCHAR* sqlc(const char* text) {
    return reinterpret_cast<SQLCHAR*>(const_cast<char*>(text));
}

inline SQLCHAR* sqlc(const std::string& text) {
    return sqlc(text.c_str());
}

inline std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

inline bool contains_nocase(std::string_view haystack, std::string_view needle) {
    return lower(haystack).find(lower(needle)) != std::string::npos;
}

// A null-terminated SQLWCHAR buffer holding the UTF-16 code units of `text`.
class WStr {
public:
    explicit WStr(std::u16string_view text) : units_(text.begin(), text.end()) {
        units_.push_back(0);
    }

    SQLWCHAR* get() { return units_.data(); }

    // Length in characters (UTF-16 code units), without the terminator.
    SQLINTEGER length() const { return static_cast<SQLINTEGER>(units_.size() - 1); }

private:
    std::vector<SQLWCHAR> units_;
};

// UTF-16 code units from an SQLWCHAR buffer; `units` < 0 means null-terminated.
inline std::u16string from_sqlw(const SQLWCHAR* text, std::ptrdiff_t units = -1) {
    std::u16string out;
    if (text == nullptr) {
        return out;
    }
    for (std::ptrdiff_t i = 0; units < 0 ? text[i] != 0 : i < units; ++i) {
        out.push_back(static_cast<char16_t>(text[i]));
    }
    return out;
}

inline std::string utf16_to_utf8(std::u16string_view in) {
    std::string out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        std::uint32_t cp = in[i];
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < in.size() && in[i + 1] >= 0xDC00
            && in[i + 1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (in[i + 1] - 0xDC00);
            ++i;
        }
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }
    return out;
}

inline std::u16string utf8_to_utf16(std::string_view in) {
    std::u16string out;
    for (std::size_t i = 0; i < in.size();) {
        const auto lead = static_cast<unsigned char>(in[i]);
        std::uint32_t cp = lead;
        std::size_t extra = 0;
        if (lead >= 0xF0) {
            cp = lead & 0x07;
            extra = 3;
        } else if (lead >= 0xE0) {
            cp = lead & 0x0F;
            extra = 2;
        } else if (lead >= 0xC0) {
            cp = lead & 0x1F;
            extra = 1;
        }
        for (std::size_t k = 1; k <= extra && i + k < in.size(); ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(in[i + k]) & 0x3F);
        }
        i += 1 + extra;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
            out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
        } else {
            out.push_back(static_cast<char16_t>(cp));
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Diagnostics
// ---------------------------------------------------------------------------------------------

struct Diag {
    std::string state;
    SQLINTEGER native = 0;
    std::string message;
};

// Every diagnostic record of a handle (ANSI SQLGetDiagRec, large buffer).
inline std::vector<Diag> diagnostics(SQLSMALLINT handle_type, SQLHANDLE handle) {
    std::vector<Diag> out;
    for (SQLSMALLINT rec = 1;; ++rec) {
        SQLCHAR state[6] = {};
        SQLINTEGER native = 0;
        std::vector<SQLCHAR> message(4096);
        SQLSMALLINT length = 0;
        const SQLRETURN rc = SQLGetDiagRec(handle_type, handle, rec, state, &native, message.data(),
                                           static_cast<SQLSMALLINT>(message.size()), &length);
        if (!SQL_SUCCEEDED(rc)) {
            break;
        }
        out.push_back(
            {reinterpret_cast<char*>(state), native, reinterpret_cast<char*>(message.data())});
    }
    return out;
}

inline std::vector<std::string> diag_states(SQLSMALLINT handle_type, SQLHANDLE handle) {
    std::vector<std::string> out;
    for (const Diag& d : diagnostics(handle_type, handle)) {
        out.push_back(d.state);
    }
    return out;
}

inline bool has_state(SQLSMALLINT handle_type, SQLHANDLE handle, std::string_view state) {
    const auto states = diag_states(handle_type, handle);
    return std::find(states.begin(), states.end(), state) != states.end();
}

// Every record as text, for failure messages.
inline std::string diag_text(SQLSMALLINT handle_type, SQLHANDLE handle) {
    std::string out;
    for (const Diag& d : diagnostics(handle_type, handle)) {
        out += "\n  [" + d.state + "] (native " + std::to_string(d.native) + ") " + d.message;
    }
    return out.empty() ? std::string("\n  (no diagnostic records)") : out;
}

inline std::string rc_name(SQLRETURN rc) {
    switch (rc) {
        case SQL_SUCCESS:
            return "SQL_SUCCESS";
        case SQL_SUCCESS_WITH_INFO:
            return "SQL_SUCCESS_WITH_INFO";
        case SQL_ERROR:
            return "SQL_ERROR";
        case SQL_INVALID_HANDLE:
            return "SQL_INVALID_HANDLE";
        case SQL_NO_DATA:
            return "SQL_NO_DATA";
        case SQL_NEED_DATA:
            return "SQL_NEED_DATA";
        case SQL_STILL_EXECUTING:
            return "SQL_STILL_EXECUTING";
        default:
            return "SQLRETURN " + std::to_string(rc);
    }
}

// Fails the current test (at the caller's line) unless `rc` is SQL_SUCCESS or
// SQL_SUCCESS_WITH_INFO, printing every diagnostic record of the handle. Returns `rc`.
inline SQLRETURN check(SQLRETURN rc, SQLSMALLINT handle_type, SQLHANDLE handle,
                       odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    if (!SQL_SUCCEEDED(rc)) {
        DOCTEST_ADD_FAIL_AT(where.file_name(), static_cast<int>(where.line()),
                            (rc_name(rc) + ":" + diag_text(handle_type, handle)));
    }
    return rc;
}

// A printable "rc + states" summary for CHECK messages (INFO/CAPTURE).
inline std::string outcome(SQLRETURN rc, SQLSMALLINT handle_type, SQLHANDLE handle) {
    return rc_name(rc) + diag_text(handle_type, handle);
}

// ---------------------------------------------------------------------------------------------
// Handles
// ---------------------------------------------------------------------------------------------

class Env {
public:
    Env() {
        REQUIRE(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &h_) == SQL_SUCCESS);
        check(SQLSetEnvAttr(h_, SQL_ATTR_ODBC_VERSION,
                            reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3_80), 0),
              SQL_HANDLE_ENV, h_);
    }

    ~Env() {
        if (h_ != SQL_NULL_HENV) {
            SQLFreeHandle(SQL_HANDLE_ENV, h_);
        }
    }

    Env(const Env&) = delete;
    Env& operator=(const Env&) = delete;

    SQLHENV get() const { return h_; }

    operator SQLHENV() const { return h_; }

private:
    SQLHENV h_ = SQL_NULL_HENV;
};

class Dbc {
public:
    explicit Dbc(const Env& env) {
        check(SQLAllocHandle(SQL_HANDLE_DBC, env.get(), &h_), SQL_HANDLE_ENV, env.get());
    }

    ~Dbc() {
        if (h_ == SQL_NULL_HDBC) {
            return;
        }
        if (connected_) {
            // A manual-commit connection with an open transaction refuses SQLDisconnect (25000).
            SQLEndTran(SQL_HANDLE_DBC, h_, SQL_ROLLBACK);
            SQLDisconnect(h_);
        }
        SQLFreeHandle(SQL_HANDLE_DBC, h_);
    }

    Dbc(const Dbc&) = delete;
    Dbc& operator=(const Dbc&) = delete;

    SQLHDBC get() const { return h_; }

    operator SQLHDBC() const { return h_; }

    // SQLConnect with the test DSN (credentials come from odbc.ini).
    void connect(odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
        const std::string name = dsn();
        check(SQLConnect(h_, sqlc(name), SQL_NTS, nullptr, 0, nullptr, 0), SQL_HANDLE_DBC, h_,
              where);
        connected_ = true;
    }

    // SQLDriverConnect (SQL_DRIVER_NOPROMPT) with `connection_string`.
    void driver_connect(const std::string& connection_string,
                        odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
        check(SQLDriverConnect(h_, nullptr, sqlc(connection_string), SQL_NTS, nullptr, 0, nullptr,
                               SQL_DRIVER_NOPROMPT),
              SQL_HANDLE_DBC, h_, where);
        connected_ = true;
    }

    // Records a connection made by the test itself with a raw SQL*Connect call.
    void mark_connected() { connected_ = true; }

    void disconnect(odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
        check(SQLDisconnect(h_), SQL_HANDLE_DBC, h_, where);
        connected_ = false;
    }

private:
    SQLHDBC h_ = SQL_NULL_HDBC;
    bool connected_ = false;
};

class Stmt {
public:
    explicit Stmt(const Dbc& dbc) {
        check(SQLAllocHandle(SQL_HANDLE_STMT, dbc.get(), &h_), SQL_HANDLE_DBC, dbc.get());
    }

    ~Stmt() {
        if (h_ != SQL_NULL_HSTMT) {
            SQLFreeHandle(SQL_HANDLE_STMT, h_);
        }
    }

    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    SQLHSTMT get() const { return h_; }

    operator SQLHSTMT() const { return h_; }

private:
    SQLHSTMT h_ = SQL_NULL_HSTMT;
};

// A connected Env + Dbc pair (via the DSN, or via a connection string when one is given).
struct Connection {
    Env env;
    Dbc dbc{env};

    explicit Connection(odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
        dbc.connect(where);
    }

    explicit Connection(const std::string& connection_string,
                        odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
        dbc.driver_connect(connection_string, where);
    }
};

// ---------------------------------------------------------------------------------------------
// Statement conveniences
// ---------------------------------------------------------------------------------------------

// SQLExecDirect that must succeed (SQL_NO_DATA, a searched UPDATE/DELETE touching no row, is
// accepted too). Closes any cursor first so the statement handle can be reused.
inline SQLRETURN exec(const Stmt& stmt, const std::string& sql,
                      odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    SQLFreeStmt(stmt.get(), SQL_CLOSE);
    const SQLRETURN rc = SQLExecDirect(stmt.get(), sqlc(sql), SQL_NTS);
    if (rc != SQL_NO_DATA) {
        check(rc, SQL_HANDLE_STMT, stmt.get(), where);
    }
    return rc;
}

// Same, on a fresh statement handle of `dbc`.
inline SQLRETURN exec(const Dbc& dbc, const std::string& sql,
                      odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    Stmt stmt(dbc);
    return exec(stmt, sql, where);
}

// Column `col` of the current row as text (SQLGetData SQL_C_CHAR, in pieces); nullopt for NULL.
inline std::optional<std::string> fetch_string(
    const Stmt& stmt, SQLUSMALLINT col,
    odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    std::string out;
    char buf[256];
    for (;;) {
        SQLLEN ind = 0;
        const SQLRETURN rc = SQLGetData(stmt.get(), col, SQL_C_CHAR, buf, sizeof buf, &ind);
        if (rc == SQL_NO_DATA) {
            break;
        }
        check(rc, SQL_HANDLE_STMT, stmt.get(), where);
        if (ind == SQL_NULL_DATA) {
            return std::nullopt;
        }
        out += buf;
        if (rc == SQL_SUCCESS) {
            break;
        }
    }
    return out;
}

// Column `col` of the current row as UTF-16 (SQLGetData SQL_C_WCHAR, in pieces).
inline std::optional<std::u16string> fetch_wstring(
    const Stmt& stmt, SQLUSMALLINT col,
    odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    std::u16string out;
    SQLWCHAR buf[128];
    for (;;) {
        SQLLEN ind = 0;
        const SQLRETURN rc = SQLGetData(stmt.get(), col, SQL_C_WCHAR, buf, sizeof buf, &ind);
        if (rc == SQL_NO_DATA) {
            break;
        }
        check(rc, SQL_HANDLE_STMT, stmt.get(), where);
        if (ind == SQL_NULL_DATA) {
            return std::nullopt;
        }
        out += from_sqlw(buf);
        if (rc == SQL_SUCCESS) {
            break;
        }
    }
    return out;
}

// The first column of the first row of `sql` as text (nullopt for NULL or for no row).
inline std::optional<std::string> query_string(
    const Dbc& dbc, const std::string& sql,
    odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    Stmt stmt(dbc);
    exec(stmt, sql, where);
    const SQLRETURN rc = SQLFetch(stmt.get());
    if (rc == SQL_NO_DATA) {
        return std::nullopt;
    }
    check(rc, SQL_HANDLE_STMT, stmt.get(), where);
    return fetch_string(stmt, 1, where);
}

// Number of rows of `table` seen by `dbc`.
inline long count_rows(const Dbc& dbc, const std::string& table,
                       odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    const auto text = query_string(dbc, "SELECT count(*) FROM " + table, where);
    REQUIRE(text.has_value());
    return std::stol(*text);
}

// SQLGetInfo of a string item (ANSI).
inline std::string info_string(
    const Dbc& dbc, SQLUSMALLINT item,
    odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    char buf[512] = {};
    SQLSMALLINT length = 0;
    check(SQLGetInfo(dbc.get(), item, buf, sizeof buf, &length), SQL_HANDLE_DBC, dbc.get(), where);
    return buf;
}

}  // namespace odbc_test
