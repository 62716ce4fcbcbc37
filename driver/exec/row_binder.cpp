#include "exec/row_binder.h"

#include "exec/cell_writer.h"
#include "odbc/odbc_error.h"
#include "odbc/record_numbers.h"
#include "types/c_types.h"

#include <algorithm>
#include <cstring>

namespace rsodbc::exec {

namespace {

// Address of element `index` of a bound array.
template <class T>
T* element(T* base, SQLULEN index, std::size_t element_size, const odbc::DescriptorHeader& header) {
    if (base == nullptr) {
        return nullptr;
    }
    auto* bytes = reinterpret_cast<char*>(base);  // NOLINT: ODBC buffers are raw memory
    if (header.bind_offset_ptr != nullptr) {
        bytes += *header.bind_offset_ptr;
    }
    const std::size_t stride =
        header.bind_type == SQL_BIND_BY_COLUMN ? element_size : header.bind_type;
    return reinterpret_cast<T*>(bytes + index * stride);  // NOLINT
}

void store_length(SQLLEN* target, SQLLEN value) {
    if (target != nullptr) {
        std::memcpy(target, &value, sizeof value);
    }
}

}  // namespace

void bind_row(const wire::ResultStream& result, const std::vector<types::SqlTypeInfo>& column_types,
              odbc::DescriptorRecords& ard, SQLULEN index, odbc::Diagnostics& diagnostics,
              SQLLEN row_number) {
    const odbc::DescriptorHeader& header = ard.header();
    const std::size_t records = std::min(ard.records().size(), column_types.size());
    for (const SQLUSMALLINT number : odbc::record_numbers(records)) {
        const odbc::DescriptorRecord* record = ard.bound_record(number);
        if (record == nullptr) {
            continue;
        }
        const types::SqlTypeInfo& type = column_types[number - 1];
        const SQLSMALLINT c_type = effective_c_type(record->concise_type, type);
        const std::size_t fixed = types::fixed_c_type_size(c_type);
        const std::size_t data_size =
            fixed != 0 ? fixed
                       : static_cast<std::size_t>(std::max<SQLLEN>(record->octet_length, 0));
        SQLLEN* indicator = element(record->indicator_ptr, index, sizeof(SQLLEN), header);
        SQLLEN* octet_length = element(record->octet_length_ptr, index, sizeof(SQLLEN), header);
        const wire::Cell cell = result.cell(number - 1);
        if (cell.is_null) {
            if (indicator == nullptr) {
                throw odbc::OdbcError(sqlstate::indicator_variable_required,
                                      "indicator variable required but not supplied: column "
                                          + std::to_string(number) + " is NULL");
            }
            store_length(indicator, SQL_NULL_DATA);
            continue;
        }
        if (record->data_ptr == nullptr) {
            continue;  // unbound by a descriptor field change: only the indicator was kept
        }
        PieceState piece;
        // SQL_C_NUMERIC: the ARD's SQL_DESC_PRECISION and SQL_DESC_SCALE.
        const Target target{c_type, element(record->data_ptr, index, data_size, header),
                            record->octet_length, static_cast<SQLCHAR>(record->precision),
                            static_cast<SQLSCHAR>(record->scale)};
        const types::Written written =
            write_cell(cell, type, target, piece, diagnostics, row_number, number);
        store_length(octet_length, written.length);
        if (indicator != nullptr && indicator != octet_length) {
            store_length(indicator, 0);
        }
    }
}

}  // namespace rsodbc::exec
