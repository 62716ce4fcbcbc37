// Calling the registered driver's own entry points, past the driver manager.
//
// unixODBC answers some calls from its own state instead of passing them on (it copies every
// diagnostic record right after the failing call and serves SQLGetDiag*W from that copy, with its
// own length units). A test of what *the driver* answers therefore has to reach the driver: the
// driver manager hands out the driver's handle for one of its own (SQLGetInfo SQL_DRIVER_HSTMT,
// …_HDBC, …_HENV), and the driver's functions come from the library the driver manager already
// loaded (found through the private odbcinst.ini that tests/run writes).
#pragma once

#include "odbc_test.h"

#include <dlfcn.h>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace odbc_test {

// The Driver= path of the registered test driver ($ODBCSYSINI/$ODBCINSTINI, section
// RSODBC_TEST_DRIVER); fails the test when it is not there.
inline std::string registered_driver_path() {
    const std::string ini = require_env("ODBCSYSINI") + "/" + require_env("ODBCINSTINI");
    const std::string section = "[" + require_env("RSODBC_TEST_DRIVER") + "]";
    std::ifstream in(ini);
    bool in_section = false;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.front() == '[') {
            in_section = line == section;
            continue;
        }
        const auto eq = line.find('=');
        if (in_section && eq != std::string::npos) {
            std::string key = line.substr(0, eq);
            std::string value = line.substr(eq + 1);
            key.erase(key.find_last_not_of(" \t") + 1);
            value.erase(0, value.find_first_not_of(" \t"));
            if (lower(key) == "driver") {
                return value;
            }
        }
    }
    FAIL("no Driver= line for " << section << " in " << ini);
    return {};
}

// An entry point of the driver library that the driver manager has loaded (RTLD_NOLOAD: the very
// same instance, so handles from SQL_DRIVER_H* are valid in it).
template <typename Function>
Function* driver_function(const char* name) {
    struct Closer {
        void operator()(void* handle) const { dlclose(handle); }
    };

    const std::string path = registered_driver_path();
    const std::unique_ptr<void, Closer> library(dlopen(path.c_str(), RTLD_NOW | RTLD_NOLOAD));
    REQUIRE_MESSAGE(library != nullptr, "the driver manager has not loaded " << path);
    // The driver manager keeps its own reference, so the symbol stays valid after the close.
    void* symbol = dlsym(library.get(), name);
    REQUIRE_MESSAGE(symbol != nullptr, path << " does not export " << name);
    return reinterpret_cast<Function*>(symbol);
}

// The driver's handle behind a driver-manager statement handle.
inline SQLHANDLE driver_statement_handle(SQLHDBC dbc, SQLHSTMT stmt) {
    SQLHANDLE handle = stmt;
    const SQLRETURN rc = SQLGetInfo(dbc, SQL_DRIVER_HSTMT, &handle, sizeof handle, nullptr);
    REQUIRE_MESSAGE(SQL_SUCCEEDED(rc), "SQLGetInfo(SQL_DRIVER_HSTMT): " << rc_name(rc));
    REQUIRE(handle != nullptr);
    return handle;
}

// The driver's own handle behind a driver-manager handle (info: SQL_DRIVER_HENV/_HDBC/_HSTMT).
inline SQLHANDLE driver_handle_of(SQLHDBC dbc, SQLUSMALLINT info, SQLHANDLE handle) {
    SQLHANDLE driver = handle;
    REQUIRE(SQL_SUCCEEDED(SQLGetInfo(dbc, info, &driver, sizeof driver, nullptr)));
    REQUIRE(driver != nullptr);
    return driver;
}

// The SQLSTATEs of `handle` as the driver itself holds them (its own SQLGetDiagRecW).
inline std::vector<std::string> driver_states(SQLSMALLINT type, SQLHANDLE handle) {
    auto* get_diag_rec = driver_function<decltype(SQLGetDiagRecW)>("SQLGetDiagRecW");
    std::vector<std::string> states;
    for (SQLSMALLINT record = 1;; ++record) {
        SQLWCHAR state[6] = {};
        SQLINTEGER native = 0;
        SQLWCHAR message[1024] = {};
        SQLSMALLINT length = 0;
        if (!SQL_SUCCEEDED(
                get_diag_rec(type, handle, record, state, &native, message, 1024, &length))) {
            break;
        }
        states.push_back(utf16_to_utf8(from_sqlw(state)));
    }
    return states;
}

// SQLCancel from another thread, sent to the driver's own SQLCancel (driver_direct.h): through
// unixODBC, its SQLCancel and the executing thread race inside the driver manager (ThreadSanitizer
// reports it on the statement's diagnostic records, and the next call can fail there with HY010,
// the state having been changed from the cancelling thread), which no driver can prevent. Built
// without a driver manager (the tsan variant's thread_tests), SQLCancel is the driver's already.
class DriverCancel {
public:
    void add(SQLHDBC dbc, SQLHSTMT stmt) {
#ifdef RSODBC_TEST_NO_DRIVER_MANAGER
        static_cast<void>(dbc);
        cancel_ = &SQLCancel;
        handles_.push_back(stmt);
#else
        using CancelFunction = SQLRETURN SQL_API(SQLHSTMT);
        if (cancel_ == nullptr) {
            cancel_ = driver_function<CancelFunction>("SQLCancel");
        }
        handles_.push_back(driver_statement_handle(dbc, stmt));
#endif
    }

    SQLRETURN operator()(std::size_t index) const {
        return cancel_(handles_.at(index));
    }

private:
    SQLRETURN(SQL_API* cancel_)(SQLHSTMT) = nullptr;
    std::vector<SQLHANDLE> handles_;
};

}  // namespace odbc_test
