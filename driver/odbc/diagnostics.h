#pragma once
// Diagnostic records of one handle (SQLGetDiagRec/SQLGetDiagField) and the rule that derives an
// entry point's return code from them.
#include <sql.h>
#include <sqlext.h>

#include <string>
#include <string_view>
#include <vector>

namespace rsodbc::wire {
class ServerError;
}  // namespace rsodbc::wire

namespace rsodbc::odbc {

struct DiagRecord {
    std::string sqlstate;
    std::string message;
    SQLINTEGER native_error = 0;
    SQLLEN row_number = SQL_NO_ROW_NUMBER;
    SQLINTEGER column_number = SQL_NO_COLUMN_NUMBER;
};

class Diagnostics {
public:
    void clear();
    void add_error(std::string_view state, std::string_view message, SQLINTEGER native = 0);
    void add_warning(std::string_view state, std::string_view message);
    void add(DiagRecord record);
    // A server error as a record (mapped SQLSTATE, server text) without failing the call: used
    // for the rows of a parameter array.
    void add_server_error(const wire::ServerError& error, SQLLEN row_number,
                          std::string_view note = {});

    // Completes a call: SQL_SUCCESS with warnings posted becomes SQL_SUCCESS_WITH_INFO.
    SQLRETURN finish(SQLRETURN rc);
    // Called inside a catch block: records the in-flight exception, returns SQL_ERROR.
    SQLRETURN record_current_exception() noexcept;

    [[nodiscard]] const std::vector<DiagRecord>& records() const { return records_; }

    [[nodiscard]] SQLRETURN return_code() const { return return_code_; }

    void set_row_count(SQLLEN count) { row_count_ = count; }

    [[nodiscard]] SQLLEN row_count() const { return row_count_; }

private:
    std::vector<DiagRecord> records_;
    SQLRETURN return_code_ = SQL_SUCCESS;
    SQLLEN row_count_ = 0;
    bool out_of_memory_ = false;
};

// "[redshift-odbc] " + text: the component prefix ODBC asks drivers to put in messages.
std::string driver_message(std::string_view text);

}  // namespace rsodbc::odbc
