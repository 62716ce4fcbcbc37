#include "types/to_c/cell.h"

#include "types/c_types.h"
#include "types/to_c/convert.h"
#include "types/utf.h"

namespace rsodbc::types {

SQLSMALLINT effective_c_type(SQLSMALLINT c_type, const SqlTypeInfo& column) {
    return c_type == SQL_C_DEFAULT ? default_c_type(column.sql_type) : c_type;
}

Written write_cell_text(std::string_view text, const SqlTypeInfo& column, const CellTarget& target,
                        PieceState& piece) {
    const SQLSMALLINT c_type = target.c_type;
    if (column.type_name == "bool") {  // also when BoolsAsChar reports it as SQL_VARCHAR
        text = bit_text(text);
    }
    const bool binary_column = column.sql_type == SQL_BINARY || column.sql_type == SQL_VARBINARY
                               || column.sql_type == SQL_LONGVARBINARY;
    if (binary_column && text.starts_with("\\x")) {
        text.remove_prefix(
            2);  // bytea's hex marker: binary as characters is plain hex (appendix D)
    }
    if (c_type == SQL_C_BINARY) {
        if (column.sql_type == SQL_GUID) {
            return write_guid_binary(text, target.data, target.capacity);
        }
        if (binary_column) {
            return write_binary(text, true, target.data, target.capacity, piece.offset);
        }
        return write_binary_from_text(text, target.data, target.capacity, piece.offset);
    }
    if (c_type == SQL_C_GUID) {
        return write_guid(text, target.data);
    }
    if (c_type == SQL_C_NUMERIC) {
        return write_numeric(text, target.precision, target.scale, target.data);
    }
    if (is_interval_c_type(c_type)) {
        return write_interval(text, c_type, target.data);
    }
    if (c_type == SQL_C_CHAR) {
        return write_char(text, target.data, target.capacity, piece.offset);
    }
    if (c_type == SQL_C_WCHAR) {
        if (!piece.wide_ready) {
            piece.wide = to_utf16(text);
            piece.wide_ready = true;
        }
        return write_wchar(piece.wide, target.data, target.capacity, piece.offset);
    }
    if (is_integer_c_type(c_type)) {
        return write_integer(text, c_type, target.data);
    }
    if (c_type == SQL_C_DOUBLE || c_type == SQL_C_FLOAT) {
        return write_floating(text, c_type, target.data);
    }
    if (is_datetime_c_type(c_type)) {
        return write_datetime(text, c_type, target.data);
    }
    if (c_type == SQL_C_BIT) {
        return write_bit(text, target.data);
    }
    return {Outcome::unsupported, 0};
}

}  // namespace rsodbc::types
