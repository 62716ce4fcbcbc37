// SQLSetCursorName / SQLGetCursorName (ODBC Core conformance). Names are unique per connection and
// never start with SQL_CUR or SQLCUR, which are reserved for names the driver generates.
#include "core/connection.h"
#include "core/statement.h"
#include "odbc/odbc_error.h"
#include "odbc/sqlstate.h"

#include <atomic>
#include <cctype>

namespace rsodbc::core {

namespace {

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        const auto a = static_cast<unsigned char>(text[i]);
        if (std::toupper(a) != static_cast<unsigned char>(prefix[i])) {
            return false;
        }
    }
    return true;
}

// Generated names only need to differ within one connection; one counter for the process does.
std::atomic<unsigned long> generated_names{0};

}  // namespace

bool Connection::cursor_name_taken(std::string_view name, const Statement& except) const {
    for (const auto& statement : statements_) {
        if (statement.get() != &except && statement->named(name)) {
            return true;
        }
    }
    return false;
}

void Statement::set_cursor_name(std::string name) {
    // The identifier limit of SQL_MAX_CURSOR_NAME_LEN (catalog/info_table.cpp).
    const std::size_t limit = connection_.is_redshift() ? 127 : 63;
    if (cursor_open()) {
        throw odbc::OdbcError(sqlstate::invalid_cursor_state,
                              "invalid cursor state: the statement has an open cursor; close it "
                              "(SQLCloseCursor) before naming it");
    }
    if (name.empty() || name.size() > limit) {
        throw odbc::OdbcError(
            sqlstate::invalid_cursor_name,
            "invalid cursor name: a cursor name has 1 to " + std::to_string(limit) + " characters");
    }
    if (starts_with_nocase(name, "SQL_CUR") || starts_with_nocase(name, "SQLCUR")) {
        throw odbc::OdbcError(sqlstate::invalid_cursor_name,
                              "invalid cursor name: names starting with SQL_CUR or SQLCUR are "
                              "reserved for the driver");
    }
    if (connection_.cursor_name_taken(name, *this)) {
        throw odbc::OdbcError(
            sqlstate::duplicate_cursor_name,
            "duplicate cursor name: another statement of this connection is named " + name);
    }
    cursor_name_ = std::move(name);
}

const std::string& Statement::cursor_name() {
    if (cursor_name_.empty()) {
        cursor_name_ = "SQL_CUR" + std::to_string(++generated_names);
    }
    return cursor_name_;
}

}  // namespace rsodbc::core
