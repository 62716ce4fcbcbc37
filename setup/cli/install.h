#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

// The odbcinst side of the CLI: driver registration and DSNs, through unixODBC's installer API
// (SQLInstallDriverEx, SQLRemoveDriver, SQLWritePrivateProfileString...), so the files the driver
// manager reads ($ODBCSYSINI, $ODBCINI, /etc/odbcinst.ini, ~/.odbc.ini) are found the same way.
namespace rsodbc::cli {

// odbcinst.ini.in with ${driver} and ${setup} for the paths (generated at build time).
std::string_view registration_template();

// The key=value entries of the template's section, paths filled in; UsageCount is left to
// SQLInstallDriverEx, which counts installations itself.
std::vector<std::pair<std::string, std::string>> registration_entries(std::string_view driver,
                                                                      std::string_view setup);

// The driver library next to this program: <prefix>/<libdir>/odbc/libredshiftodbc.so for an
// installed CLI, the build tree's driver for one run from a build directory.
std::string default_driver_path();

struct RegisterOptions {
    std::string name;         // odbcinst.ini section
    std::string driver_path;  // empty: default_driver_path()
};

int register_driver(const RegisterOptions& options, std::ostream& out, std::ostream& err);
int unregister_driver(const std::string& name, std::ostream& out, std::ostream& err);

// add-dsn NAME key=value...: validated against the keyword table, then written by the setup
// library's own ConfigDSN code. `system` selects the system odbc.ini instead of the user's.
int add_dsn(const std::string& name, const std::vector<std::string>& pairs, bool system,
            std::ostream& out, std::ostream& err);
int remove_dsn(const std::string& name, bool system, std::ostream& out, std::ostream& err);
int list(bool json, std::ostream& out, std::ostream& err);

// The Driver= path of a registered driver name; empty when it is not registered.
std::string registered_driver_path(const std::string& name);

// The last odbcinst error message(s), joined; empty when odbcinst recorded none.
std::string installer_error();

}  // namespace rsodbc::cli
