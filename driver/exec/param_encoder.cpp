#include "exec/param_encoder.h"

#include "odbc/odbc_error.h"
#include "odbc/record_numbers.h"
#include "types/c_types.h"
#include "types/from_c/encode.h"
#include "types/type_table.h"

#include <cstring>

namespace rsodbc::exec {

namespace {

// Element `row` of a bound array: column-wise arrays step by the element size, row-wise ones by
// the structure size in SQL_ATTR_PARAM_BIND_TYPE (ODBC: "Binding Arrays of Parameters").
const char* element(const void* base, SQLULEN row, std::size_t element_size,
                    const odbc::DescriptorHeader& header) {
    if (base == nullptr) {
        return nullptr;
    }
    const auto* bytes = static_cast<const char*>(base);
    if (header.bind_offset_ptr != nullptr) {
        bytes += *header.bind_offset_ptr;
    }
    const std::size_t stride =
        header.bind_type == SQL_PARAM_BIND_BY_COLUMN ? element_size : header.bind_type;
    return bytes + row * stride;
}

SQLLEN read_length(const SQLLEN* base, SQLULEN row, const odbc::DescriptorHeader& header) {
    const char* at = element(base, row, sizeof(SQLLEN), header);
    SQLLEN value = 0;
    std::memcpy(&value, at, sizeof value);
    return value;
}

// The message for an error outcome of encode_parameter; its SQLSTATE comes from
// types::sqlstate_of.
std::string describe_outcome(types::Outcome outcome) {
    using types::Outcome;
    switch (outcome) {
        case Outcome::string_right_truncated:
            return "string data, right truncated: the value is longer than the parameter's column "
                   "size";
        case Outcome::invalid_datetime_format:
            return "invalid datetime format";
        case Outcome::interval_field_overflow:
            return "interval field overflow";
        case Outcome::out_of_range:
            return "numeric value out of range for the parameter's SQL type";
        case Outcome::datetime_overflow:
            return "datetime field overflow: not a valid date, time or timestamp";
        case Outcome::invalid_character:
            return "invalid character value for cast specification";
        case Outcome::ok:
        case Outcome::truncated:
        case Outcome::fractional_truncation:
        case Outcome::unsupported:
            break;
    }
    return "restricted data type attribute violation: this C type cannot be converted to the "
           "parameter's SQL type";
}

}  // namespace

const ParamEncoder::Binding& ParamEncoder::binding(SQLUSMALLINT number) {
    while (bindings_.size() < number) {
        const auto next = static_cast<SQLUSMALLINT>(bindings_.size() + 1);
        const odbc::DescriptorRecord* apd = apd_.bound_record(next);
        const odbc::DescriptorRecord* ipd = ipd_.bound_record(next);
        Binding& b = bindings_.emplace_back();
        if (apd == nullptr || ipd == nullptr) {
            continue;
        }
        b.bound = true;
        b.c_type = apd->concise_type == SQL_C_DEFAULT ? types::default_c_type(ipd->concise_type)
                                                      : apd->concise_type;
        const std::size_t fixed = types::fixed_c_type_size(b.c_type);
        b.element_size = fixed != 0 ? fixed : static_cast<std::size_t>(apd->octet_length);
        b.data = apd->data_ptr;
        b.indicator = apd->indicator_ptr;
        b.octet_length = apd->octet_length_ptr;
        b.target = {ipd->concise_type, ipd->column_size, ipd->decimal_digits};
        if (b.c_type == SQL_C_NUMERIC) {
            b.numeric_scale = apd->scale;
        }
    }
    const Binding& b = bindings_[number - 1];
    if (!b.bound) {
        throw odbc::OdbcError(sqlstate::wrong_number_of_parameters,
                              "COUNT field incorrect: parameter " + std::to_string(number)
                                  + " is not bound (SQLBindParameter)");
    }
    return b;
}

ParamCell ParamEncoder::cell(SQLUSMALLINT number, SQLULEN row) {
    return cell(binding(number), number, row);
}

ParamCell ParamEncoder::cell(const Binding& b, SQLUSMALLINT number, SQLULEN row) const {
    const odbc::DescriptorHeader& header = apd_.header();
    ParamCell cell;
    cell.c_type = b.c_type;
    cell.data = element(b.data, row, b.element_size, header);
    const SQLLEN indicator = b.indicator != nullptr ? read_length(b.indicator, row, header) : 0;
    if (indicator == SQL_NULL_DATA) {
        cell.is_null = true;
        return cell;
    }
    if (indicator == SQL_DATA_AT_EXEC || indicator <= SQL_LEN_DATA_AT_EXEC_OFFSET) {
        cell.at_execution = true;
        return cell;
    }
    cell.length = b.octet_length != nullptr ? read_length(b.octet_length, row, header) : SQL_NTS;
    if (cell.data == nullptr) {
        throw odbc::OdbcError(sqlstate::invalid_use_of_null_pointer,
                              "invalid use of null pointer: parameter " + std::to_string(number)
                                  + " has no data buffer and is not NULL");
    }
    return cell;
}

bool ParamEncoder::needs_data_at_execution(SQLUSMALLINT count) {
    for (const SQLUSMALLINT number : odbc::record_numbers(count)) {
        if (cell(number, 0).at_execution) {
            return true;
        }
    }
    return false;
}

void ParamEncoder::encode_row(SQLUSMALLINT count, SQLULEN row, wire::ParamValues& out,
                              odbc::Diagnostics& diagnostics,
                              const std::vector<std::optional<std::string>>* supplied) {
    for (const SQLUSMALLINT number : odbc::record_numbers(count)) {
        const Binding& b = binding(number);
        ParamCell source = cell(b, number, row);
        if (source.at_execution && supplied == nullptr) {
            // Only a single parameter set collects values through SQLParamData/SQLPutData.
            throw odbc::OdbcError(sqlstate::optional_feature_not_implemented,
                                  "optional feature not implemented: parameter "
                                      + std::to_string(number)
                                      + " is data-at-execution in a parameter array; bind its "
                                        "values in the array instead");
        }
        if (source.at_execution) {
            const std::optional<std::string>* piece =
                supplied != nullptr && number <= supplied->size() ? &(*supplied)[number - 1]
                                                                  : nullptr;
            if (piece == nullptr || !piece->has_value()) {
                source.is_null = true;  // SQLPutData(SQL_NULL_DATA)
            } else {
                source.data = (*piece)->data();
                source.length = static_cast<SQLLEN>((*piece)->size());
            }
        }
        if (source.is_null) {
            out.add_null();
            continue;
        }
        const types::Encoded encoded = types::encode_parameter(
            {source.c_type, source.data, source.length, b.numeric_scale}, b.target, text_);
        if (types::is_error(encoded.outcome)) {
            throw odbc::OdbcError(
                types::sqlstate_of(encoded.outcome),
                describe_outcome(encoded.outcome) + " (parameter " + std::to_string(number) + ")");
        }
        if (encoded.outcome != types::Outcome::ok) {
            diagnostics.add(odbc::DiagRecord{
                std::string(types::sqlstate_of(encoded.outcome)),
                odbc::driver_message("parameter " + std::to_string(number)
                                     + " lost its fractional part to fit its SQL type"),
                0, static_cast<SQLLEN>(row + 1), number});
        }
        out.add(text_);
    }
}

}  // namespace rsodbc::exec
