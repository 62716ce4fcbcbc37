#pragma once
// SQLGetInfo answers: one table row per InfoType, with the PostgreSQL and the Redshift answer side
// by side. An InfoType missing from the table is refused with HY096 rather than guessed.
#include <sql.h>
#include <sqlext.h>

#include <optional>
#include <string>
#include <variant>

namespace rsodbc::catalog {

struct InfoContext {
    bool redshift = false;
    std::string server_version;    // server_version parameter
    std::string redshift_version;  // padb_version parameter (Redshift only)
    std::string data_source_name;
    std::string server_name;
    std::string database;
    std::string user;
    // Redshift folds quoted identifiers to lower case unless enable_case_sensitive_identifier is
    // on; PostgreSQL always keeps their case.
    bool case_sensitive_identifiers = true;
};

using InfoValue = std::variant<std::string, SQLUSMALLINT, SQLUINTEGER>;

std::optional<InfoValue> info_value(SQLUSMALLINT info_type, const InfoContext& context);

// "##.##.####" as SQL_DBMS_VER requires, from a dotted version such as "15.18". A release part
// that does not fit four digits (Redshift builds: "1.0.77467") renders as 0000 and the product's
// own version follows after a space, as the specification allows.
std::string odbc_version_string(std::string_view dotted);

}  // namespace rsodbc::catalog
