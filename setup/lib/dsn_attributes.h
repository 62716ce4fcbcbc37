#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

// DSN attributes as the setup library (ConfigDSN) and the redshift-odbc CLI (add-dsn) receive
// them, checked against the driver's keyword table; both write DSNs through the same function.
namespace rsodbc::setup {

using Attributes = std::vector<std::pair<std::string, std::string>>;

// "KEY=value\0KEY=value\0\0" (SQLConfigDataSource's format) into pairs; entries without '=' get an
// empty value.
Attributes split_attributes(const char* list);

// The table keyword closest to an unknown one (a typo, another driver's spelling), or "".
std::string suggest_keyword(std::string_view unknown);

// Canonical names for the keys, and a readable error for an unknown key or a value outside a
// keyword's choices; empty when everything is valid.
std::string validate(Attributes& attributes);

// ODBC_ADD_DSN / ODBC_CONFIG_DSN / ODBC_REMOVE_DSN (and the _SYS_ forms, which the driver manager
// turns into a config mode before calling): writes through SQLWriteDSNToIni and
// SQLWritePrivateProfileString, so the user/system choice of the caller applies. On failure the
// reason is posted with SQLPostInstallerError and false returned.
bool config_dsn(int request, std::string_view driver, Attributes attributes);

}  // namespace rsodbc::setup
