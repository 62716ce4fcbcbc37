#pragma once
// What a descriptor holds, apart from being a handle: the header fields and the records (ARD, APD,
// IRD, IPD alike). exec/ reads and writes these while binding parameters and columns; the handle
// class core::Descriptor adds the kind, the owner and the SQL_DESC_* field table on top.
#include <sql.h>
#include <sqlext.h>

#include <string>
#include <vector>

namespace rsodbc::odbc {

struct DescriptorRecord {
    // Application descriptors (ARD/APD): the C type; implementation descriptors: the SQL type.
    // SQL_DESC_TYPE and SQL_DESC_DATETIME_INTERVAL_CODE are derived from it (descriptor_fields).
    SQLSMALLINT concise_type = SQL_C_DEFAULT;
    SQLPOINTER data_ptr = nullptr;
    SQLLEN octet_length = 0;
    SQLLEN* indicator_ptr = nullptr;
    SQLLEN* octet_length_ptr = nullptr;
    // IPD: what SQLBindParameter said about the parameter (kept in step with length, precision
    // and scale by descriptor_fields).
    SQLULEN column_size = 0;
    SQLSMALLINT decimal_digits = 0;
    SQLSMALLINT parameter_type = SQL_PARAM_INPUT;
    bool bound_ = false;  // set by SQLBindParameter, for IPD records that carry no pointers

    SQLULEN length = 0;
    SQLSMALLINT precision = 0;
    SQLSMALLINT scale = 0;
    SQLINTEGER datetime_interval_precision = 0;
    SQLINTEGER num_prec_radix = 0;
    SQLSMALLINT nullable = SQL_NULLABLE_UNKNOWN;
    SQLSMALLINT unnamed = SQL_UNNAMED;
    SQLSMALLINT fixed_prec_scale = SQL_FALSE;
    SQLSMALLINT unsigned_ = SQL_FALSE;
    SQLSMALLINT rowver = SQL_FALSE;
    SQLINTEGER case_sensitive = SQL_FALSE;
    SQLINTEGER auto_unique_value = SQL_FALSE;
    SQLSMALLINT searchable = SQL_PRED_NONE;
    SQLSMALLINT updatable = SQL_ATTR_READWRITE_UNKNOWN;
    SQLLEN display_size = 0;
    std::string name;
    std::string type_name;
    std::string local_type_name;
    std::string label;
    std::string base_column_name;
    std::string base_table_name;
    std::string table_name;
    std::string schema_name;
    std::string catalog_name;
    std::string literal_prefix;
    std::string literal_suffix;

    [[nodiscard]] bool bound() const {
        return bound_ || data_ptr != nullptr || indicator_ptr != nullptr;
    }
};

struct DescriptorHeader {
    SQLULEN array_size = 1;
    SQLULEN bind_type = SQL_BIND_BY_COLUMN;
    SQLLEN* bind_offset_ptr = nullptr;
    SQLUSMALLINT* array_status_ptr = nullptr;
    SQLULEN* rows_processed_ptr = nullptr;
    SQLUSMALLINT* array_operation_ptr = nullptr;  // APD: SQL_ATTR_PARAM_OPERATION_PTR
};

// The header and records 1..count() of one descriptor.
class DescriptorRecords {
public:
    DescriptorHeader& header() { return header_; }

    [[nodiscard]] const DescriptorHeader& header() const { return header_; }

    // Record `number` (1-based), created on first use.
    DescriptorRecord& record(SQLUSMALLINT number);
    // Record `number` if it exists and is bound, else nullptr.
    [[nodiscard]] const DescriptorRecord* bound_record(SQLUSMALLINT number) const;
    // Record `number` if it exists, else nullptr.
    [[nodiscard]] const DescriptorRecord* existing_record(SQLUSMALLINT number) const;
    void unbind(SQLUSMALLINT number);
    void unbind_all();

    [[nodiscard]] SQLSMALLINT count() const;
    // SQL_DESC_COUNT: fewer records drop the rest, more add unbound ones.
    void set_count(SQLSMALLINT count);

    std::vector<DescriptorRecord>& records() { return records_; }

    [[nodiscard]] const std::vector<DescriptorRecord>& records() const { return records_; }

private:
    DescriptorHeader header_;
    std::vector<DescriptorRecord> records_;
};

}  // namespace rsodbc::odbc
