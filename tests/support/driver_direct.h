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

}  // namespace odbc_test
