#pragma once

#include "setup/cli/hints.h"

#include <iosfwd>
#include <string>
#include <vector>

// What `redshift-odbc check` found, rendered for people (text) or machines (--json). Secret
// values are masked before they get here: a Report never holds a password.
namespace rsodbc::cli {

struct ResolvedKeyword {
    std::string name;
    std::string value;   // masked when secret
    std::string source;  // "connection string", "DSN name", "default", ...
};

struct KeywordNote {
    std::string name;
    std::string note;  // unknown: the probable keyword ("" if none); else the table's reason
};

struct Diagnostic {
    std::string sqlstate;
    long native = 0;
    std::string message;
};

struct Report {
    std::string target;  // DSN name or the connection string, secrets masked
    bool target_is_dsn = false;
    std::vector<ResolvedKeyword> keywords;
    std::vector<KeywordNote> unknown;
    std::vector<KeywordNote> unsupported;
    std::vector<KeywordNote> ignored;
    std::string driver_name;  // Driver= as resolved
    std::string driver_path;  // its odbcinst.ini Driver= path ("" when not registered)

    bool connected = false;
    double connect_ms = -1;
    std::vector<Diagnostic> connect_diagnostics;  // errors on failure, warnings on success
    Hint hint;                                    // cause empty when nothing failed

    std::string dbms_name;
    std::string dbms_version;
    std::string driver_version;
    std::string flavor;
    std::string database;
    std::string user;
    std::string tls;         // the driver's "tls=1;protocol=..." string, or "" when unknown
    std::string tls_reason;  // why it is unknown (the SQLSTATE the driver answered)
    double round_trip_ms = -1;
    std::vector<Diagnostic> query_diagnostics;
    int exit_code = 0;
};

void print_text(const Report& report, std::ostream& out);
void print_json(const Report& report, std::ostream& out);

}  // namespace rsodbc::cli
