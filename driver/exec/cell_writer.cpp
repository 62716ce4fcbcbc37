#include "exec/cell_writer.h"

#include "odbc/odbc_error.h"

#include <string>

namespace rsodbc::exec {

namespace {

std::string c_type_text(SQLSMALLINT c_type) {
    return "C type " + std::to_string(c_type);
}

// The message for an outcome other than ok; its SQLSTATE comes from types::sqlstate_of.
std::string describe(types::Outcome outcome, const wire::Cell& cell,
                     const types::SqlTypeInfo& column, const Target& target,
                     SQLINTEGER column_number) {
    using types::Outcome;
    const std::string where = "column " + std::to_string(column_number);
    const std::string value = " ('" + std::string(cell.text.substr(0, 64)) + "')";
    switch (outcome) {
        case Outcome::ok:
            break;
        case Outcome::truncated:
            return "string data, right truncated: " + where + " did not fit the buffer";
        case Outcome::fractional_truncation:
            return "fractional truncation: " + where + " lost its fractional part";
        case Outcome::string_right_truncated:
            return "string data, right truncated: the value of " + where + value + " does not fit "
                   + c_type_text(target.c_type);
        case Outcome::out_of_range:
            return "numeric value out of range: the value of " + where + value + " does not fit "
                   + c_type_text(target.c_type);
        case Outcome::invalid_character:
            return "invalid character value for cast specification: " + where + value
                   + " is not a number";
        case Outcome::invalid_datetime_format:
            return "invalid datetime format: the value of " + where + value;
        case Outcome::datetime_overflow:
            return "datetime field overflow: the value of " + where + value
                   + " has no ODBC date/time representation";
        case Outcome::interval_field_overflow:
            return "interval field overflow: the value of " + where
                   + " does not fit the interval's leading field";
        case Outcome::unsupported:
            return "restricted data type attribute violation: " + where + " of type "
                   + std::string(column.type_name) + " cannot be converted to "
                   + c_type_text(target.c_type);
    }
    return {};
}

}  // namespace

types::Written write_cell(const wire::Cell& cell, const types::SqlTypeInfo& column,
                          const Target& target, PieceState& piece, odbc::Diagnostics& diagnostics,
                          SQLLEN row_number, SQLINTEGER column_number) {
    const types::Written written = types::write_cell_text(cell.text, column, target, piece);
    if (written.outcome == types::Outcome::ok) {
        return written;  // the hot path: no message is built
    }
    std::string text = describe(written.outcome, cell, column, target, column_number);
    const std::string_view state = types::sqlstate_of(written.outcome);
    if (types::is_error(written.outcome)) {
        throw odbc::OdbcError(state, text);
    }
    diagnostics.add(odbc::DiagRecord{std::string(state), odbc::driver_message(text), 0, row_number,
                                     column_number});
    return written;
}

}  // namespace rsodbc::exec
