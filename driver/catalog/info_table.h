#pragma once
// SQLGetInfo answers: one row per InfoType, with per-flavour values where Redshift and PostgreSQL
// differ. InfoTypes not listed yet are refused with HY096 rather than guessed.
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
};

using InfoValue = std::variant<std::string, SQLUSMALLINT, SQLUINTEGER>;

std::optional<InfoValue> info_value(SQLUSMALLINT info_type, const InfoContext& context);

// "##.##.####" as SQL_DBMS_VER requires, from a dotted version such as "15.18" or "1.0.77467".
std::string odbc_version_string(std::string_view dotted);

}  // namespace rsodbc::catalog
