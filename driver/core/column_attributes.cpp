#include "core/column_attributes.h"

#include "odbc/odbc_error.h"
#include "types/sql_types.h"

namespace rsodbc::core {

namespace {

// SQL_DESC_LENGTH: characters for character types, bytes for binary, else the column size.
SQLLEN descriptor_length(const types::SqlTypeInfo& type) {
    return static_cast<SQLLEN>(type.column_size);
}

// SQL_DESC_PRECISION: digits for exact/approximate numerics, fraction digits for datetimes.
SQLLEN descriptor_precision(const types::SqlTypeInfo& type) {
    switch (type.sql_type) {
        case SQL_TYPE_TIME:
        case SQL_TYPE_TIMESTAMP:
            return type.decimal_digits;
        case SQL_TYPE_DATE:
            return 0;
        default:
            return static_cast<SQLLEN>(type.column_size);
    }
}

ColumnAttribute text(std::string value) {
    return ColumnAttribute{0, std::move(value)};
}

ColumnAttribute number(SQLLEN value) {
    return ColumnAttribute{value, std::nullopt};
}

}  // namespace

SQLULEN described_size(const ColumnDescription& column) {
    return column.type.column_size;
}

// NOLINTNEXTLINE(readability-function-size): one case per field, nothing to split out.
ColumnAttribute column_attribute(const ColumnDescription& column, SQLUSMALLINT field) {
    const types::SqlTypeInfo& type = column.type;
    switch (field) {
        case SQL_DESC_NAME:
        case SQL_DESC_LABEL:
        case SQL_COLUMN_NAME:
            return text(column.name);
        case SQL_DESC_BASE_COLUMN_NAME:
            return text(column.base_column.empty() ? column.name : column.base_column);
        case SQL_DESC_TYPE_NAME:
        case SQL_DESC_LOCAL_TYPE_NAME:
            return text(std::string(type.type_name));
        case SQL_DESC_TABLE_NAME:
        case SQL_DESC_BASE_TABLE_NAME:
            return text(column.base_table);  // "" when not a table column: what ODBC asks for
        case SQL_DESC_SCHEMA_NAME:
            return text(column.base_schema);
        case SQL_DESC_CATALOG_NAME:
            return text(column.base_catalog);
        case SQL_DESC_LITERAL_PREFIX:
        case SQL_DESC_LITERAL_SUFFIX:
            return text(types::is_character_sql_type(type.sql_type) ? "'" : "");
        case SQL_DESC_CONCISE_TYPE:  // same value as ODBC 2's SQL_COLUMN_TYPE
            return number(type.sql_type);
        case SQL_DESC_TYPE:
            return number(types::verbose_type(type.sql_type));
        case SQL_DESC_LENGTH:
        case SQL_COLUMN_LENGTH:
            return number(descriptor_length(type));
        case SQL_DESC_OCTET_LENGTH:
            return number(type.octet_length);
        case SQL_DESC_PRECISION:
        case SQL_COLUMN_PRECISION:
            return number(descriptor_precision(type));
        case SQL_DESC_SCALE:
        case SQL_COLUMN_SCALE:
            return number(type.decimal_digits);
        case SQL_DESC_DISPLAY_SIZE:
            return number(type.display_size);
        case SQL_DESC_NULLABLE:
        case SQL_COLUMN_NULLABLE:
            return number(column.nullable);
        case SQL_DESC_UNSIGNED:
            return number(type.is_unsigned || types::is_character_sql_type(type.sql_type)
                              ? SQL_TRUE
                              : SQL_FALSE);
        case SQL_DESC_CASE_SENSITIVE:
            return number(type.case_sensitive ? SQL_TRUE : SQL_FALSE);
        case SQL_DESC_SEARCHABLE:
            return number(type.searchable);
        case SQL_DESC_UPDATABLE:
            return number(SQL_ATTR_READWRITE_UNKNOWN);
        case SQL_DESC_AUTO_UNIQUE_VALUE:
            return number(column.auto_unique ? SQL_TRUE : SQL_FALSE);
        case SQL_DESC_FIXED_PREC_SCALE:
            return number(SQL_FALSE);
        case SQL_DESC_NUM_PREC_RADIX:
            return number(type.num_prec_radix);
        case SQL_DESC_UNNAMED:
            return number(column.name.empty() ? SQL_UNNAMED : SQL_NAMED);
        default:
            throw odbc::OdbcError(sqlstate::invalid_descriptor_field_identifier,
                                  "invalid descriptor field identifier: " + std::to_string(field)
                                      + " is not a column attribute");
    }
}

}  // namespace rsodbc::core
