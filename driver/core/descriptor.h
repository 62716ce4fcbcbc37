#pragma once
// One class for the four descriptor kinds (ARD, APD, IRD, IPD). Binding calls and the row/param
// array statement attributes are writes into these; fetch and execute read only descriptors.
#include "core/handle.h"

#include <sql.h>
#include <sqlext.h>

#include <vector>

namespace rsodbc::core {

enum class DescriptorKind { ard, apd, ird, ipd };

struct DescriptorRecord {
    // Application descriptors (ARD/APD): the C type; implementation descriptors: the SQL type.
    SQLSMALLINT concise_type = SQL_C_DEFAULT;
    SQLPOINTER data_ptr = nullptr;
    SQLLEN octet_length = 0;
    SQLLEN* indicator_ptr = nullptr;
    SQLLEN* octet_length_ptr = nullptr;
    // IPD: what SQLBindParameter said about the parameter.
    SQLULEN column_size = 0;
    SQLSMALLINT decimal_digits = 0;
    SQLSMALLINT parameter_type = SQL_PARAM_INPUT;
    bool bound_ = false;  // set by SQLBindParameter, for IPD records that carry no pointers

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

    Descriptor(DescriptorKind kind, std::recursive_mutex& lock)
        : Handle(HandleKind::descriptor, lock), kind_(kind) {}

    [[nodiscard]] DescriptorKind descriptor_kind() const { return kind_; }

    DescriptorHeader& header() { return header_; }

    // Record `number` (1-based), created on first use.
    DescriptorRecord& record(SQLUSMALLINT number);
    // Record `number` if it exists and is bound, else nullptr.
    [[nodiscard]] const DescriptorRecord* bound_record(SQLUSMALLINT number) const;
    void unbind(SQLUSMALLINT number);
    void unbind_all();

    [[nodiscard]] SQLSMALLINT count() const;

private:
    DescriptorKind kind_;
    DescriptorHeader header_;
    std::vector<DescriptorRecord> records_;
};

}  // namespace rsodbc::core
