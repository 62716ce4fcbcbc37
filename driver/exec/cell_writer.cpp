#include "exec/cell_writer.h"

#include "core/odbc_error.h"
#include "types/c_types.h"
#include "types/to_c/convert.h"
#include "types/utf.h"

namespace rsodbc::exec {

namespace {

types::Written convert(const wire::Cell& cell, const types::SqlTypeInfo& column,
                       const Target& target, PieceState& piece) {
    using types::Outcome;
    const SQLSMALLINT c_type = target.c_type;
    std::string_view text = cell.text;
    if (column.type_name == "bool") {  // also when BoolsAsChar reports it as SQL_VARCHAR
        text = types::bit_text(text);
    }
    const bool binary_column = column.sql_type == SQL_BINARY || column.sql_type == SQL_VARBINARY
                               || column.sql_type == SQL_LONGVARBINARY;
    if (binary_column && text.starts_with("\\x")) {
        text.remove_prefix(
            2);  // bytea's hex marker: binary as characters is plain hex (appendix D)
    }
    if (c_type == SQL_C_BINARY) {
        if (column.sql_type == SQL_GUID) {
            return types::write_guid_binary(text, target.data, target.capacity);
        }
        if (binary_column) {
            return types::write_binary(text, true, target.data, target.capacity, piece.offset);
        }
        return types::write_binary_from_text(text, target.data, target.capacity, piece.offset);
    }
    if (c_type == SQL_C_GUID) {
        return types::write_guid(text, target.data);
    }
    if (c_type == SQL_C_NUMERIC) {
        return types::write_numeric(text, target.precision, target.scale, target.data);
    }
    if (types::is_interval_c_type(c_type)) {
        return types::write_interval(text, c_type, target.data);
    }
    if (c_type == SQL_C_CHAR) {
        return types::write_char(text, target.data, target.capacity, piece.offset);
    }
    if (c_type == SQL_C_WCHAR) {
        if (!piece.wide_ready) {
            piece.wide = types::to_utf16(text);
            piece.wide_ready = true;
        }
        return types::write_wchar(piece.wide, target.data, target.capacity, piece.offset);
    }
    if (types::is_integer_c_type(c_type)) {
        return types::write_integer(text, c_type, target.data);
    }
    if (c_type == SQL_C_DOUBLE || c_type == SQL_C_FLOAT) {
        return types::write_floating(text, c_type, target.data);
    }
    if (types::is_datetime_c_type(c_type)) {
        return types::write_datetime(text, c_type, target.data);
    }
    if (c_type == SQL_C_BIT) {
        return types::write_bit(text, target.data);
    }
    return {Outcome::unsupported, 0};
}

std::string c_type_text(SQLSMALLINT c_type) {
    return "C type " + std::to_string(c_type);
}

}  // namespace

SQLSMALLINT effective_c_type(SQLSMALLINT c_type, const types::SqlTypeInfo& column) {
    return c_type == SQL_C_DEFAULT ? types::default_c_type(column.sql_type) : c_type;
}

types::Written write_cell(const wire::Cell& cell, const types::SqlTypeInfo& column,
                          const Target& target, PieceState& piece, core::Diagnostics& diagnostics,
                          SQLLEN row_number, SQLINTEGER column_number) {
    using types::Outcome;
    const types::Written written = convert(cell, column, target, piece);
    if (written.outcome == Outcome::ok) {
        return written;  // the hot path: no message is built
    }
    const std::string where = "column " + std::to_string(column_number);
    auto warn = [&](std::string_view state, const std::string& text) {
        diagnostics.add(core::DiagRecord{std::string(state), core::driver_message(text), 0,
                                         row_number, column_number});
    };
    switch (written.outcome) {
        case Outcome::ok:
            break;
        case Outcome::truncated:
            warn(sqlstate::string_data_right_truncated,
                 "string data, right truncated: " + where + " did not fit the buffer");
            break;
        case Outcome::fractional_truncation:
            warn(sqlstate::fractional_truncation,
                 "fractional truncation: " + where + " lost its fractional part");
            break;
        case Outcome::out_of_range:
            if (types::is_interval_c_type(target.c_type)) {
                throw core::OdbcError("22015", "interval field overflow: the value of " + where
                                                   + " does not fit the interval's leading field");
            }
            throw core::OdbcError(sqlstate::numeric_value_out_of_range,
                                  "numeric value out of range: the value of " + where + " ('"
                                      + std::string(cell.text.substr(0, 64)) + "') does not fit "
                                      + c_type_text(target.c_type));
        case Outcome::invalid_character:
            throw core::OdbcError(sqlstate::invalid_character_value,
                                  "invalid character value for cast specification: " + where + " ('"
                                      + std::string(cell.text.substr(0, 64))
                                      + "') is not a number");
        case Outcome::datetime_overflow:
            throw core::OdbcError("22008", "datetime field overflow: the value of " + where + " ('"
                                               + std::string(cell.text.substr(0, 64))
                                               + "') has no ODBC date/time representation");
        case Outcome::unsupported:
            throw core::OdbcError(sqlstate::restricted_data_type,
                                  "restricted data type attribute violation: " + where + " of type "
                                      + std::string(column.type_name) + " cannot be converted to "
                                      + c_type_text(target.c_type));
    }
    return written;
}

}  // namespace rsodbc::exec
