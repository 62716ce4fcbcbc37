#include "wire/sqlstate_map.h"

#include <array>
#include <utility>

namespace rsodbc::wire {

namespace {

using Mapping = std::pair<std::string_view, std::string_view>;

// Targets are the SQLSTATEs of ODBC's Appendix A ("ODBC Error Codes"). Where the server's code
// is already an ODBC code with the same meaning (22001, 22003, 40001...) it maps to itself.
// clang-format off
constexpr std::array exact_codes{
    // Warnings that ODBC names exactly (Appendix A, class 01).
    Mapping{"01003", "01003"},  // null value eliminated in set function
    Mapping{"01004", "01004"},  // string data, right-truncated
    Mapping{"01006", "01006"},  // privilege not revoked
    Mapping{"01007", "01007"},  // privilege not granted
    // Data exceptions that ODBC defines with the server's meaning.
    Mapping{"22001", "22001"},  // string data, right-truncated
    Mapping{"22002", "22002"},  // null value, no indicator parameter
    Mapping{"22003", "22003"},  // numeric value out of range
    Mapping{"22007", "22007"},  // invalid datetime format
    Mapping{"22008", "22008"},  // datetime field overflow
    Mapping{"22012", "22012"},  // division by zero
    Mapping{"22015", "22015"},  // interval field overflow
    Mapping{"22018", "22018"},  // invalid character value for cast
    Mapping{"22019", "22019"},  // invalid escape character
    Mapping{"22025", "22025"},  // invalid escape sequence
    Mapping{"22026", "22026"},  // string data, length mismatch
    // invalid_text_representation ("invalid input syntax for type integer") is what ODBC calls
    // an invalid character value for cast specification.
    Mapping{"22P02", "22018"},
    Mapping{"24000", "24000"},  // invalid cursor state
    // in_failed_sql_transaction: every statement fails until ROLLBACK, an invalid transaction
    // state in SQL-92 terms.
    Mapping{"25P02", "25000"},
    Mapping{"28000", "28000"},  // invalid authorization specification
    Mapping{"28P01", "28000"},  // invalid_password
    Mapping{"34000", "34000"},  // invalid cursor name
    // Kept as 3D000/3F000: ODBC lists both for SQLExecDirect/SQLPrepare. At connect time the
    // caller reports an unknown database as a connection failure instead.
    Mapping{"3D000", "3D000"},  // invalid catalog name
    Mapping{"3F000", "3F000"},  // invalid schema name
    Mapping{"40001", "40001"},  // serialization failure
    // ODBC documents 40001 for "rolled back due to a resource deadlock" (SQLExecDirect).
    Mapping{"40P01", "40001"},
    Mapping{"40002", "40002"},  // transaction integrity constraint violation
    Mapping{"40003", "40003"},  // statement completion unknown
    Mapping{"42P01", "42S02"},  // undefined_table: base table or view not found
    Mapping{"42P07", "42S01"},  // duplicate_table: base table or view already exists
    Mapping{"42703", "42S22"},  // undefined_column: column not found
    Mapping{"42701", "42S21"},  // duplicate_column: column already exists
    Mapping{"42P03", "3C000"},  // duplicate_cursor: duplicate cursor name
    Mapping{"44000", "44000"},  // WITH CHECK OPTION violation
    // query_canceled: raised after SQLCancel (and by statement_timeout, which a caller that set
    // SQL_ATTR_QUERY_TIMEOUT reports as HYT00 instead).
    Mapping{"57014", "HY008"},
    // The server ended the session (admin_shutdown, crash_shutdown, cannot_connect_now): the
    // connection is gone, which ODBC calls a communication link failure.
    Mapping{"57P01", "08S01"},
    Mapping{"57P02", "08S01"},
    // A connection that could not be established (wire/session.cpp raises these at connect time)
    // keeps ODBC's connect-time codes rather than the mid-statement 08S01.
    Mapping{"08001", "08001"},
    Mapping{"08004", "08004"},
    Mapping{"57P03", "08S01"},
    // feature_not_supported stays 0A000, SQL-92's code for it. HYC00 would misstate who lacks
    // the feature: ODBC uses it for optional ODBC features the driver does not implement,
    // whereas here the server rejects a construct in the application's SQL.
    Mapping{"0A000", "0A000"},
};

// Classes whose members all mean the same thing to an ODBC application.
constexpr std::array class_codes{
    Mapping{"00", "01000"},  // notices reach the application as general warnings
    Mapping{"01", "01000"},  // general warning
    // Any connection exception during a statement means the link is lost.
    Mapping{"08", "08S01"},
    Mapping{"23", "23000"},  // integrity constraint violation (unique, foreign key, not null...)
    Mapping{"25", "25000"},  // invalid transaction state
    Mapping{"28", "28000"},  // invalid authorization specification
    Mapping{"40", "40001"},  // transaction rollback: the statement's work is undone
    // Syntax errors, undefined functions, insufficient privilege (42501) and the other members
    // of class 42: ODBC's "syntax error or access violation".
    Mapping{"42", "42000"},
};
// clang-format on

constexpr std::string_view general_error = "HY000";

}  // namespace

std::string_view odbc_sqlstate_for(std::string_view server_sqlstate) {
    if (server_sqlstate.size() != 5) {
        return general_error;
    }
    for (const auto& [server, odbc] : exact_codes) {
        if (server == server_sqlstate) {
            return odbc;
        }
    }
    const std::string_view server_class = server_sqlstate.substr(0, 2);
    for (const auto& [server, odbc] : class_codes) {
        if (server == server_class) {
            return odbc;
        }
    }
    return general_error;
}

}  // namespace rsodbc::wire
