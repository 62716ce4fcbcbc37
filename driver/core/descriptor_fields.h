#pragma once
// The SQL_DESC_* fields of descriptors as data (ODBC "SQLSetDescField", "SQLGetDescField",
// "Consistency Checks"): each field's type, which descriptor kinds may read it and which may write
// it. SQLGetDescField/SQLSetDescField/SQLGetDescRec/SQLSetDescRec go through get_field/set_field;
// the side effects of a write (type resets, unbinding, SQL_DESC_COUNT, the consistency check) are
// in one function in descriptor_fields.cpp.
#include "core/descriptor.h"

#include <sql.h>
#include <sqlext.h>

#include <optional>
#include <string>
#include <vector>

namespace rsodbc::core {

// How SQLGetDescField writes a value and SQLSetDescField reads one.
enum class FieldType { small_int, integer, length, pointer, text };

struct FieldValue {
    SQLLEN number = 0;  // small_int, integer and length fields
    SQLPOINTER pointer = nullptr;
    std::string text;
};

// HY091 for an identifier that is not a descriptor field.
FieldType field_type(SQLSMALLINT field);

// SQLGetDescField: std::nullopt means SQL_NO_DATA (a record beyond SQL_DESC_COUNT). HY091 for a
// field the descriptor's kind does not have, 07009 for record 0 (bookmarks are not supported).
std::optional<FieldValue> get_field(Descriptor& descriptor, SQLSMALLINT record, SQLSMALLINT field);

// SQLSetDescField. HY016 for the IRD (but its two header pointers), HY091 for a field the kind
// may not write, HY021 when setting SQL_DESC_DATA_PTR finds the record inconsistent.
void set_field(Descriptor& descriptor, SQLSMALLINT record, SQLSMALLINT field,
               const FieldValue& value);

// SQLGetDescRec's outputs; std::nullopt means SQL_NO_DATA.
struct RecordSummary {
    std::string name;
    SQLSMALLINT type = 0;
    SQLSMALLINT subtype = 0;
    SQLLEN octet_length = 0;
    SQLSMALLINT precision = 0;
    SQLSMALLINT scale = 0;
    SQLSMALLINT nullable = SQL_NULLABLE_UNKNOWN;
};

std::optional<RecordSummary> get_record(Descriptor& descriptor, SQLSMALLINT record);

// SQLSetDescRec's arguments, set field by field with SQL_DESC_DATA_PTR last.
struct RecordValues {
    SQLSMALLINT type = 0;
    SQLSMALLINT subtype = 0;
    SQLLEN octet_length = 0;
    SQLSMALLINT precision = 0;
    SQLSMALLINT scale = 0;
    SQLPOINTER data = nullptr;
    SQLLEN* octet_length_ptr = nullptr;
    SQLLEN* indicator_ptr = nullptr;
};

void set_record(Descriptor& descriptor, SQLSMALLINT record, const RecordValues& values);

// SQLCopyDesc: HY016 when the target is an IRD.
void copy_descriptor(Descriptor& source, Descriptor& target);

// SQL_DESC_TYPE and SQL_DESC_DATETIME_INTERVAL_CODE of a concise type.
SQLSMALLINT verbose_type_of(SQLSMALLINT concise_type);
SQLSMALLINT interval_code_of(SQLSMALLINT concise_type);

// Sets the concise type with the defaults the spec attaches to it (SQL_C_NUMERIC: precision 38,
// scale 0; character types: length 1...). SQLBindCol and SQLBindParameter use it too.
void assign_concise_type(odbc::DescriptorRecord& record, SQLSMALLINT concise_type);

// SQLBindParameter's ColumnSize and DecimalDigits onto SQL_DESC_LENGTH / _PRECISION / _SCALE.
void set_parameter_sizes(odbc::DescriptorRecord& record, SQLULEN column_size,
                         SQLSMALLINT decimal_digits);

// Record fields of the IRD that come from a result column's attributes (SQLColAttribute), and
// storing one without any side effect.
const std::vector<SQLSMALLINT>& ird_column_fields();
void store_column_field(odbc::DescriptorRecord& record, SQLSMALLINT field, const FieldValue& value);

// The implementation's default precision of SQL_C_NUMERIC / SQL_NUMERIC (Redshift's maximum).
inline constexpr SQLSMALLINT default_numeric_precision = 38;

}  // namespace rsodbc::core
