// Statement attributes. Row/parameter array attributes are descriptor header fields (ODBC:
// "statement attributes that are descriptor fields"); the rest are plain values on the statement.
#include "core/column_attributes.h"
#include "core/connection.h"
#include "core/descriptor_fields.h"
#include "core/statement.h"
#include "odbc/odbc_error.h"
#include "odbc/record_numbers.h"

#include <redshift_odbc.h>

namespace rsodbc::core {

namespace {

SQLULEN as_number(SQLPOINTER value) {
    return reinterpret_cast<SQLULEN>(value);
}  // NOLINT

template <class T>
T* as_pointer(SQLPOINTER value) {
    return static_cast<T*>(value);
}

SQLULEN pointer_value(const void* pointer) {
    return reinterpret_cast<SQLULEN>(pointer);
}  // NOLINT

[[noreturn]] void unsupported_attribute(SQLINTEGER attribute) {
    throw odbc::OdbcError(sqlstate::invalid_attribute_identifier,
                          "invalid attribute identifier: statement attribute "
                              + std::to_string(attribute) + " is not supported");
}

void cursor_option_changed(odbc::Diagnostics& diagnostics, const std::string& what) {
    diagnostics.add_warning(sqlstate::option_value_changed, "option value changed: " + what);
}

[[noreturn]] void invalid_cursor_option(SQLULEN value, const char* what) {
    throw odbc::OdbcError(sqlstate::invalid_attribute_value,
                          "invalid attribute value " + std::to_string(value) + " for " + what);
}

// SQL_ATTR_CURSOR_TYPE or SQL_ATTR_CURSOR_SCROLLABLE: the cursor type the request comes to.
SQLULEN requested_cursor_type(SQLINTEGER attribute, SQLULEN value, odbc::Diagnostics& diagnostics) {
    if (attribute == SQL_ATTR_CURSOR_TYPE) {
        if (value == SQL_CURSOR_KEYSET_DRIVEN || value == SQL_CURSOR_DYNAMIC) {
            cursor_option_changed(diagnostics,
                                  "keyset-driven and dynamic cursors are not supported; the "
                                  "cursor is static (SQL_CURSOR_STATIC)");
            return SQL_CURSOR_STATIC;
        }
        if (value != SQL_CURSOR_FORWARD_ONLY && value != SQL_CURSOR_STATIC) {
            invalid_cursor_option(value, "SQL_ATTR_CURSOR_TYPE");
        }
        return value;
    }
    if (value != SQL_NONSCROLLABLE && value != SQL_SCROLLABLE) {
        invalid_cursor_option(value, "SQL_ATTR_CURSOR_SCROLLABLE");
    }
    // ODBC: a scrollable request picks a scrollable cursor type; the driver's is static.
    return value == SQL_SCROLLABLE ? SQL_CURSOR_STATIC : SQL_CURSOR_FORWARD_ONLY;
}

// Sensitivity, concurrency and bookmarks have one value each here: a request is accepted, changed
// with 01S02, or refused, and nothing is stored.
void check_fixed_cursor_option(SQLINTEGER attribute, SQLULEN value,
                               odbc::Diagnostics& diagnostics) {
    switch (attribute) {
        case SQL_ATTR_CURSOR_SENSITIVITY:
            if (value == SQL_SENSITIVE) {
                cursor_option_changed(diagnostics, "cursors are insensitive (SQL_INSENSITIVE)");
            } else if (value != SQL_UNSPECIFIED && value != SQL_INSENSITIVE) {
                invalid_cursor_option(value, "SQL_ATTR_CURSOR_SENSITIVITY");
            }
            return;
        case SQL_ATTR_CONCURRENCY:
            if (value == SQL_CONCUR_LOCK || value == SQL_CONCUR_ROWVER
                || value == SQL_CONCUR_VALUES) {
                cursor_option_changed(diagnostics,
                                      "cursors are read-only (SQL_CONCUR_READ_ONLY): Redshift has "
                                      "no positioned UPDATE or DELETE");
            } else if (value != SQL_CONCUR_READ_ONLY) {
                invalid_cursor_option(value, "SQL_ATTR_CONCURRENCY");
            }
            return;
        default:  // SQL_ATTR_USE_BOOKMARKS
            if (value == SQL_UB_ON || value == SQL_UB_VARIABLE) {
                throw odbc::OdbcError(
                    sqlstate::optional_feature_not_implemented,
                    "optional feature not implemented: bookmarks are not supported");
            }
            if (value != SQL_UB_OFF) {
                invalid_cursor_option(value, "SQL_ATTR_USE_BOOKMARKS");
            }
            return;
    }
}

}  // namespace

// SQL_ATTR_APP_ROW_DESC / SQL_ATTR_APP_PARAM_DESC: an explicitly allocated descriptor of this
// connection, this statement's own implicit one, or SQL_NULL_HDESC for the implicit one.
void Statement::use_descriptor(DescriptorSlot& slot, SQLPOINTER handle) {
    if (handle == nullptr || handle == slot.implicit().as_raw()) {
        slot.use(nullptr);
        return;
    }
    auto* descriptor = Handle::from<Descriptor>(handle);
    if (descriptor == nullptr) {
        throw odbc::OdbcError(sqlstate::invalid_attribute_value,
                              "invalid attribute value: not a descriptor handle");
    }
    if (!descriptor->explicitly_allocated() || descriptor->owner() != &connection_) {
        throw odbc::OdbcError(
            sqlstate::invalid_use_of_automatic_descriptor,
            "invalid use of an automatically allocated descriptor handle: only "
            "descriptors allocated on this connection with SQLAllocHandle can be used");
    }
    slot.use(descriptor);
}

void Statement::forget_descriptor(const Descriptor& descriptor) {
    for (DescriptorSlot* slot : {&ard_, &apd_}) {
        if (&slot->get() == &descriptor) {
            slot->use(nullptr);
        }
    }
}

void Statement::fill_ird(Descriptor& ird) {
    const auto count = static_cast<SQLUSMALLINT>(column_count());
    ird.records().assign(count, odbc::DescriptorRecord{});
    for (const SQLUSMALLINT number : odbc::record_numbers(count)) {
        const ColumnDescription& described = column_with_nullability(number);
        odbc::DescriptorRecord& record = ird.records()[number - 1];
        for (const SQLSMALLINT field : ird_column_fields()) {
            ColumnAttribute value = column_attribute(described, field);
            store_column_field(
                record, field,
                FieldValue{value.number, nullptr, std::move(value.text).value_or("")});
        }
    }
}

// Attributes that are descriptor header fields; false when `attribute` is not one of them.
bool Statement::set_descriptor_attribute(SQLINTEGER attribute, SQLPOINTER value) {
    switch (attribute) {
        case SQL_ATTR_APP_ROW_DESC:
            use_descriptor(ard_, value);
            return true;
        case SQL_ATTR_APP_PARAM_DESC:
            use_descriptor(apd_, value);
            return true;
        case SQL_ATTR_IMP_ROW_DESC:
        case SQL_ATTR_IMP_PARAM_DESC:
            throw odbc::OdbcError(sqlstate::invalid_use_of_automatic_descriptor,
                                  "invalid use of an automatically allocated descriptor handle: "
                                  "implementation descriptors cannot be replaced");
        case SQL_ATTR_ROW_BIND_TYPE:
            ard_.header().bind_type = as_number(value);
            return true;
        case SQL_ATTR_ROW_BIND_OFFSET_PTR:
            ard_.header().bind_offset_ptr = as_pointer<SQLLEN>(value);
            return true;
        case SQL_ATTR_ROW_STATUS_PTR:
            ird_.header().array_status_ptr = as_pointer<SQLUSMALLINT>(value);
            return true;
        case SQL_ATTR_ROWS_FETCHED_PTR:
            ird_.header().rows_processed_ptr = as_pointer<SQLULEN>(value);
            return true;
        case SQL_ATTR_PARAMSET_SIZE:
            if (as_number(value) == 0) {
                throw odbc::OdbcError(
                    sqlstate::invalid_attribute_value,
                    "invalid attribute value: SQL_ATTR_PARAMSET_SIZE must be at least 1");
            }
            apd_.header().array_size = as_number(value);
            return true;
        case SQL_ATTR_PARAM_BIND_TYPE:
            apd_.header().bind_type = as_number(value);
            return true;
        case SQL_ATTR_PARAM_BIND_OFFSET_PTR:
            apd_.header().bind_offset_ptr = as_pointer<SQLLEN>(value);
            return true;
        case SQL_ATTR_PARAM_OPERATION_PTR:
            apd_.header().array_operation_ptr = as_pointer<SQLUSMALLINT>(value);
            return true;
        case SQL_ATTR_PARAM_STATUS_PTR:
            ipd_.header().array_status_ptr = as_pointer<SQLUSMALLINT>(value);
            return true;
        case SQL_ATTR_PARAMS_PROCESSED_PTR:
            ipd_.header().rows_processed_ptr = as_pointer<SQLULEN>(value);
            return true;
        default:
            return false;
    }
}

// One case per attribute, as the ODBC reference lists them.
// NOLINTNEXTLINE(readability-function-size)
void Statement::set_attribute(SQLINTEGER attribute, SQLPOINTER value) {
    if (set_descriptor_attribute(attribute, value)) {
        return;
    }
    const SQLULEN number = as_number(value);
    // A value the driver cannot honour is replaced by the one it uses, with 01S02 (ODBC).
    auto only = [&](SQLULEN supported, const char* what) {
        if (number != supported) {
            diagnostics().add_warning(sqlstate::option_value_changed,
                                      std::string("option value changed: ") + what);
        }
    };
    switch (attribute) {
        case SQL_ATTR_ROW_ARRAY_SIZE:
        case SQL_ROWSET_SIZE:
            if (number == 0) {
                throw odbc::OdbcError(
                    sqlstate::invalid_attribute_value,
                    "invalid attribute value: the row array size must be at least 1");
            }
            (attribute == SQL_ROWSET_SIZE ? rowset_size_ : ard_.header().array_size) = number;
            return;
        case SQL_ATTR_MAX_ROWS:
            max_rows = number;
            return;
        case SQL_ATTR_QUERY_TIMEOUT:
            query_timeout = number;
            return;
        case SQL_ATTR_MAX_LENGTH:
            max_length = number;
            return;
        case SQL_ATTR_NOSCAN:
            no_scan = checked_no_scan(number);
            return;
        case SQL_ATTR_METADATA_ID:
            metadata_id = number;
            return;
        case SQL_ATTR_RETRIEVE_DATA:
            retrieve_data = number;
            return;
        case SQL_ATTR_CURSOR_TYPE:
        case SQL_ATTR_CURSOR_SCROLLABLE:
        case SQL_ATTR_CURSOR_SENSITIVITY:
        case SQL_ATTR_CONCURRENCY:
        case SQL_ATTR_USE_BOOKMARKS:
            set_cursor_attribute(attribute, number);
            return;
        case SQL_ATTR_ASYNC_ENABLE:
            only(SQL_ASYNC_ENABLE_OFF, "asynchronous execution is not supported");
            return;
        default:
            unsupported_attribute(attribute);
    }
}

// Cursors are forward-only (streamed) or static (the result held whole), read-only and
// insensitive; a request the driver cannot honour becomes the nearest it offers, with 01S02
// (ODBC: "Cursor Characteristics and Cursor Type"). The cursor type shapes the next execution,
// so it cannot change while a cursor is open (24000) or after SQLPrepare (HY011).
void Statement::set_cursor_attribute(SQLINTEGER attribute, SQLULEN value) {
    if (attribute != SQL_ATTR_CURSOR_TYPE && attribute != SQL_ATTR_CURSOR_SCROLLABLE) {
        check_fixed_cursor_option(attribute, value, diagnostics());
        return;
    }
    value = requested_cursor_type(attribute, value, diagnostics());
    if (value == cursor_type_) {
        return;  // no change: allowed at any time
    }
    if (cursor_open()) {
        throw odbc::OdbcError(
            sqlstate::invalid_cursor_state,
            "invalid cursor state: the cursor type cannot change while a cursor is "
            "open; close it first");
    }
    if (prepared_) {
        throw odbc::OdbcError(sqlstate::attribute_cannot_be_set_now,
                              "attribute cannot be set now: the cursor type must be chosen before "
                              "SQLPrepare");
    }
    cursor_type_ = value;
}

// Several attributes share a value (SQL_CURSOR_FORWARD_ONLY == SQL_UB_OFF == 0...): a lookup table.
// NOLINTBEGIN(bugprone-branch-clone)
// NOLINTNEXTLINE(readability-function-size): one case per attribute, nothing to split out.
SQLULEN Statement::get_attribute(SQLINTEGER attribute) {
    switch (attribute) {
        case SQL_ATTR_APP_ROW_DESC:
            return pointer_value(ard_.as_raw());
        case SQL_ATTR_APP_PARAM_DESC:
            return pointer_value(apd_.as_raw());
        case SQL_ATTR_IMP_ROW_DESC:
            return pointer_value(ird_.as_raw());
        case SQL_ATTR_IMP_PARAM_DESC:
            return pointer_value(ipd_.as_raw());
        case SQL_ATTR_ROW_ARRAY_SIZE:
            return ard_.header().array_size;
        case SQL_ROWSET_SIZE:
            return rowset_size_;
        case SQL_ATTR_PARAMSET_SIZE:
            return apd_.header().array_size;
        case SQL_ATTR_PARAM_BIND_TYPE:
            return apd_.header().bind_type;
        case SQL_ATTR_PARAM_BIND_OFFSET_PTR:
            return pointer_value(apd_.header().bind_offset_ptr);
        case SQL_ATTR_PARAM_OPERATION_PTR:
            return pointer_value(apd_.header().array_operation_ptr);
        case SQL_ATTR_PARAM_STATUS_PTR:
            return pointer_value(ipd_.header().array_status_ptr);
        case SQL_ATTR_PARAMS_PROCESSED_PTR:
            return pointer_value(ipd_.header().rows_processed_ptr);
        case SQL_ATTR_ROW_BIND_TYPE:
            return ard_.header().bind_type;
        case SQL_ATTR_ROW_BIND_OFFSET_PTR:
            return pointer_value(ard_.header().bind_offset_ptr);
        case SQL_ATTR_ROW_STATUS_PTR:
            return pointer_value(ird_.header().array_status_ptr);
        case SQL_ATTR_ROWS_FETCHED_PTR:
            return pointer_value(ird_.header().rows_processed_ptr);
        case SQL_ATTR_MAX_ROWS:
            return max_rows;
        case SQL_ATTR_QUERY_TIMEOUT:
            return query_timeout;
        case SQL_ATTR_MAX_LENGTH:
            return max_length;
        case SQL_ATTR_NOSCAN:
            return no_scan;
        case SQL_ATTR_METADATA_ID:
            return metadata_id;
        case SQL_ATTR_RETRIEVE_DATA:
            return retrieve_data;
        case SQL_ATTR_CURSOR_TYPE:
            return cursor_type_;
        case SQL_ATTR_CONCURRENCY:
            return SQL_CONCUR_READ_ONLY;
        case SQL_ATTR_CURSOR_SCROLLABLE:
            return cursor_type_ == SQL_CURSOR_FORWARD_ONLY ? SQL_NONSCROLLABLE : SQL_SCROLLABLE;
        case SQL_ATTR_CURSOR_SENSITIVITY:
            return SQL_INSENSITIVE;
        case SQL_ATTR_USE_BOOKMARKS:
            return SQL_UB_OFF;
        case SQL_ATTR_ASYNC_ENABLE:
            return SQL_ASYNC_ENABLE_OFF;
        case SQL_ATTR_ENABLE_AUTO_IPD:
            return SQL_FALSE;
        case SQL_ATTR_ROW_NUMBER:
            return cursor_open() ? cursor_.current_row_number : 0;
        case SQL_ATTR_RSODBC_TEXT_SCANS:
            return static_cast<SQLULEN>(text_scans_);
        default:
            unsupported_attribute(attribute);
    }
}

// NOLINTEND(bugprone-branch-clone)

}  // namespace rsodbc::core
