#pragma once
// One class for the four descriptor kinds (ARD, APD, IRD, IPD). Binding calls and the row/param
// array statement attributes are writes into these; fetch and execute read only descriptors.
// core/descriptor_fields.h is the table of SQL_DESC_* fields that SQLGetDescField and
// SQLSetDescField go through.
#include "core/handle.h"

#include <sql.h>
#include <sqlext.h>

#include <functional>
#include <string>
#include <vector>

namespace rsodbc::core {

class Connection;

enum class DescriptorKind { ard, apd, ird, ipd };

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

class Descriptor final : public Handle {
public:
    static constexpr HandleKind handle_kind = HandleKind::descriptor;

    // An implicit descriptor of a statement.
    Descriptor(DescriptorKind kind, std::recursive_mutex& lock)
        : Handle(HandleKind::descriptor, lock), kind_(kind) {}

    // An explicitly allocated (SQLAllocHandle) application descriptor of `owner` (a connection).
    Descriptor(std::recursive_mutex& lock, Connection* owner)
        : Handle(HandleKind::descriptor, lock), kind_(DescriptorKind::ard), owner_(owner) {}

    [[nodiscard]] DescriptorKind descriptor_kind() const { return kind_; }

    [[nodiscard]] bool explicitly_allocated() const { return owner_ != nullptr; }

    // The connection of an explicitly allocated descriptor, else nullptr.
    [[nodiscard]] Connection* owner() const { return owner_; }

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

    // The IRD reads its records from the statement's result when they are asked for.
    void set_refresh(std::function<void(Descriptor&)> refresh) { refresh_ = std::move(refresh); }

    void refresh() {
        if (refresh_) {
            refresh_(*this);
        }
    }

    // SQLCopyDesc: every field but SQL_DESC_ALLOC_TYPE.
    void copy_from(const Descriptor& source);

private:
    DescriptorKind kind_;
    Connection* owner_ = nullptr;
    DescriptorHeader header_;
    std::vector<DescriptorRecord> records_;
    std::function<void(Descriptor&)> refresh_;
};

// A statement's ARD or APD: its implicit descriptor, or an explicitly allocated one the
// application set with SQL_ATTR_APP_ROW_DESC / SQL_ATTR_APP_PARAM_DESC. Forwards to the one in use.
class DescriptorSlot {
public:
    DescriptorSlot(DescriptorKind kind, std::recursive_mutex& lock)
        : implicit_(kind, lock), current_(&implicit_) {}

    Descriptor& get() { return *current_; }

    [[nodiscard]] const Descriptor& get() const { return *current_; }

    operator Descriptor&() { return *current_; }  // NOLINT(google-explicit-constructor)

    Descriptor& implicit() { return implicit_; }

    // nullptr restores the implicit descriptor.
    void use(Descriptor* descriptor) { current_ = descriptor != nullptr ? descriptor : &implicit_; }

    DescriptorHeader& header() { return current_->header(); }

    DescriptorRecord& record(SQLUSMALLINT number) { return current_->record(number); }

    [[nodiscard]] const DescriptorRecord* bound_record(SQLUSMALLINT number) const {
        return current_->bound_record(number);
    }

    void unbind(SQLUSMALLINT number) { current_->unbind(number); }

    void unbind_all() { current_->unbind_all(); }

    [[nodiscard]] SQLSMALLINT count() const { return current_->count(); }

    SQLHANDLE as_raw() { return current_->as_raw(); }

private:
    Descriptor implicit_;
    Descriptor* current_;
};

}  // namespace rsodbc::core
