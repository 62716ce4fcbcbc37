// Statement: binding parameters, describing them, data at execution, and running statements
// with parameters through exec::Executor.
#include "config/server_flavor.h"
#include "core/connection.h"
#include "core/descriptor_fields.h"
#include "core/statement.h"
#include "exec/executor.h"
#include "exec/param_encoder.h"
#include "log/logger.h"
#include "odbc/odbc_error.h"
#include "sql/analysed_statement.h"
#include "sql/insert_values.h"
#include "sql/sql_error.h"
#include "types/c_types.h"
#include "types/sql_types.h"
#include "types/type_reporting.h"
#include "types/type_table.h"
#include "wire/server_error.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace rsodbc::core {

namespace {

std::size_t marker_count_of(const sql::AnalysedStatement& statement) {
    try {
        return statement.parameter_count();
    } catch (const sql::SqlTextError& error) {
        throw odbc::OdbcError(sqlstate::syntax_error_or_access_violation,
                              std::string("syntax error or access violation: ") + error.what());
    }
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t')) {
        text.pop_back();
    }
    return text;
}

}  // namespace

// The server describes a parameter's type but never its length, precision or scale; applications
// size buffers and round values by them (pyodbc refuses Decimal('1.5') for a scale of 0). When the
// parameter is a whole element of INSERT ... VALUES, its column says: describe
// `SELECT <columns> FROM <target>` (prepared, never run) and take that column's type modifier.
int Statement::target_type_modifier(SQLUSMALLINT number) {
    const std::optional<sql::InsertPlan>& plan = prepared_->insert();
    if (!plan || number > plan->parameter_elements.size()
        || !plan->parameter_elements[number - 1]) {
        return -1;
    }
    std::string columns = trimmed(plan->columns);
    columns = columns.empty() ? "*" : columns.substr(1, columns.size() - 2);
    try {
        const auto described =
            connection_.describe("SELECT " + columns + " FROM " + trimmed(plan->target));
        const std::size_t element = *plan->parameter_elements[number - 1];
        return element < described.size() ? described[element].type_modifier : -1;
    } catch (const wire::ServerError&) {
        return -1;  // no better knowledge than the parameter's type
    }
}

void Statement::bind_parameter(const ParameterBinding& binding) {
    if (binding.number == 0) {
        throw odbc::OdbcError(sqlstate::invalid_descriptor_index,
                              "invalid descriptor index: parameters are numbered from 1");
    }
    if (binding.io_type != SQL_PARAM_INPUT) {
        throw odbc::OdbcError(
            sqlstate::optional_feature_not_implemented,
            "optional feature not implemented: output parameters; bind the "
            "parameter as SQL_PARAM_INPUT ({?= call f(?)} returns the value as the "
            "result's one column, and its ?= is not a parameter)");
    }
    if (!types::is_known_c_type(binding.c_type)) {
        throw odbc::OdbcError(
            sqlstate::invalid_application_buffer_type,
            "invalid application buffer type: C type " + std::to_string(binding.c_type));
    }
    if (!types::is_known_sql_type(binding.sql_type)) {
        throw odbc::OdbcError(sqlstate::invalid_sql_data_type,
                              "invalid SQL data type: " + std::to_string(binding.sql_type));
    }
    if (binding.buffer_length < 0) {
        throw odbc::OdbcError(sqlstate::invalid_string_or_buffer_length,
                              "invalid string or buffer length: BufferLength is negative");
    }
    odbc::DescriptorRecord& apd = apd_.record(binding.number);
    assign_concise_type(apd, binding.c_type);  // SQL_C_NUMERIC: precision 38, scale 0
    apd.data_ptr = binding.data;
    apd.octet_length = binding.buffer_length;
    apd.indicator_ptr = binding.indicator;
    apd.octet_length_ptr = binding.indicator;
    apd.bound_ = true;
    odbc::DescriptorRecord& ipd = ipd_.record(binding.number);
    assign_concise_type(ipd, binding.sql_type);
    set_parameter_sizes(ipd, binding.column_size, binding.decimal_digits);
    ipd.parameter_type = binding.io_type;
    ipd.bound_ = true;
}

void Statement::check_parameter_limit(std::size_t marker_count) {
    const bool redshift = connection_.is_redshift();
    const std::size_t limit = config::max_parameters(redshift);
    if (marker_count <= limit) {
        return;
    }
    // Nothing was sent: an application reading the status array sees no set used.
    odbc::DescriptorHeader& ipd = ipd_.header();
    if (ipd.rows_processed_ptr != nullptr) {
        *ipd.rows_processed_ptr = 0;
    }
    if (ipd.array_status_ptr != nullptr) {
        std::fill_n(ipd.array_status_ptr, std::max<SQLULEN>(apd_.header().array_size, 1),
                    static_cast<SQLUSMALLINT>(SQL_PARAM_UNUSED));
    }
    throw odbc::OdbcError(sqlstate::too_many_parameters,
                          "too many parameters: the statement has " + std::to_string(marker_count)
                              + " parameter markers and " + (redshift ? "Redshift" : "PostgreSQL")
                              + " accepts at most " + std::to_string(limit)
                              + " in one statement; nothing was sent");
}

std::size_t Statement::prepared_marker_count() {
    if (!prepared_) {
        throw odbc::OdbcError(sqlstate::function_sequence_error,
                              "function sequence error: SQLNumParams and SQLDescribeParam need a "
                              "prepared statement");
    }
    const std::size_t count = marker_count_of(*prepared_);
    check_parameter_limit(count);
    return count;
}

SQLSMALLINT Statement::parameter_count() {
    const std::size_t count = prepared_marker_count();
    // ParameterCountPtr is an SQLSMALLINT: PostgreSQL's 32,768..65,535 markers do not fit, and
    // a wrapped or clamped count would have the application bind the wrong parameters.
    if (count > static_cast<std::size_t>(std::numeric_limits<SQLSMALLINT>::max())) {
        throw odbc::OdbcError(sqlstate::numeric_value_out_of_range,
                        "numeric value out of range: the statement has " + std::to_string(count)
                            + " parameter markers, more than SQLNumParams can report (32767); "
                              "SQLDescribeParam describes each of them");
    }
    return static_cast<SQLSMALLINT>(count);
}

ParameterDescription Statement::describe_parameter(SQLUSMALLINT number) {
    const std::size_t count = prepared_marker_count();
    if (number == 0 || number > count) {
        throw odbc::OdbcError(
            sqlstate::invalid_descriptor_index,
            "invalid descriptor index: the statement has " + std::to_string(count) + " parameters");
    }
    // The server infers each parameter's type from where it is used.
    const std::vector<unsigned> types = connection_.parameter_types(prepared_->text());
    const unsigned type_oid = number <= types.size() ? types[number - 1] : 0;
    // An unbounded text target is described as the long type it is (TextAsLongVarchar), so an
    // application that binds with this ColumnSize (PHP) can send text of any length.
    types::ReportingOptions text_only;
    const types::ReportingOptions reporting = connection_.reporting();
    text_only.text_as_long_varchar = reporting.text_as_long_varchar;
    text_only.long_text_bytes = reporting.long_text_bytes;
    const types::SqlTypeInfo info = types::apply_reporting(
        types::describe_server_type(type_oid, target_type_modifier(number)), text_only);
    return {info.sql_type, info.column_size, info.decimal_digits, SQL_NULLABLE_UNKNOWN};
}

SQLRETURN Statement::run_with_parameters(const Analysed& statement, const exec::Plan& plan) {
    check_parameter_limit(plan.markers);
    const auto count = static_cast<SQLUSMALLINT>(plan.markers);  // at most 65,535 from here
    if (plan.sets <= 1) {
        std::vector<SQLUSMALLINT> at_execution =
            exec::Executor::data_at_execution(apd_, ipd_, count);
        if (!at_execution.empty()) {
            const std::size_t waiting = at_execution.size();
            data_at_execution_ = DataAtExecution{statement, std::move(at_execution), waiting,
                                                 std::vector<std::optional<std::string>>(count)};
            awaiting_data_ = true;
            return SQL_NEED_DATA;
        }
    }
    return execute_parameters(*statement, plan);
}

// LogLevel=trace with LogParameters=1 only: the values a support engineer may need to reproduce
// a failure, which may also be personal data. Encoded a second time, for the log alone.
void Statement::log_parameter_values(const sql::AnalysedStatement& statement) noexcept {
    try {
        const std::size_t count = statement.parameter_count();
        exec::ParamEncoder encoder(apd_, ipd_);
        wire::ParamValues values;
        odbc::Diagnostics scratch;
        encoder.encode_row(static_cast<SQLUSMALLINT>(count), 0, values, scratch,
                           data_at_execution_ ? &data_at_execution_->supplied : nullptr);
        std::vector<const char*> pointers;
        std::vector<int> lengths;
        values.fill_pointers(pointers, lengths);
        std::string text;
        for (std::size_t i = 0; i < pointers.size(); ++i) {
            // Appended piece by piece: GCC 12 at -O3 reports a -Wrestrict false positive for
            // `"'" + std::string(...)`.
            text += i == 0 ? "$" : ", $";
            text += std::to_string(i + 1);
            text += '=';
            if (pointers[i] == nullptr) {
                text += "NULL";
            } else {
                text += '\'';
                text.append(pointers[i], static_cast<std::size_t>(lengths[i]));
                text += '\'';
            }
        }
        RSODBC_LOG(trace, "statement {} parameter values: {}", static_cast<const void*>(this),
                   text);
    } catch (const std::exception& error) {
        RSODBC_LOG(trace, "statement {} parameter values not logged: {}",
                   static_cast<const void*>(this), error.what());
    }
}

SQLRETURN Statement::execute_parameters(const sql::AnalysedStatement& statement,
                                        const exec::Plan& plan) {
    cancel_requested_.store(false);  // before the guard: a cancel from then on counts
    const ExecutingGuard executing(*this);
    if (connection_.settings().log_parameters && log::enabled(spdlog::level::trace)) {
        log_parameter_values(statement);
    }
    return run_plan(statement, plan, execution_settings());
}

SQLRETURN Statement::param_data(SQLPOINTER* token) {
    const ScanTally tally(*this);
    if (!data_at_execution_) {
        throw odbc::OdbcError(sqlstate::function_sequence_error,
                              "function sequence error: no parameter is waiting for data");
    }
    DataAtExecution& pending = *data_at_execution_;
    pending.current = pending.current >= pending.parameters.size() ? 0 : pending.current + 1;
    if (pending.current < pending.parameters.size()) {
        const SQLUSMALLINT number = pending.parameters[pending.current];
        pending.supplied[number - 1] = std::string();
        if (token != nullptr) {
            *token = apd_.record(number).data_ptr;  // the application's own identifier
        }
        return SQL_NEED_DATA;
    }
    const Analysed statement = pending.statement;  // the sequence's end resets `pending`
    const SQLRETURN rc =
        execute_parameters(*statement, exec::choose(*statement, apd_, ipd_, execution_settings()));
    data_at_execution_.reset();
    awaiting_data_ = false;
    return rc;
}

bool Statement::request_cancel() {
    if (!connection_.cancel_if_executing(this)) {
        return false;
    }
    cancel_requested_.store(true);
    return true;
}

void Statement::cancel() {
    data_at_execution_.reset();
    awaiting_data_ = false;
}

void Statement::put_data(SQLPOINTER data, SQLLEN length) {
    if (!data_at_execution_
        || data_at_execution_->current >= data_at_execution_->parameters.size()) {
        throw odbc::OdbcError(sqlstate::function_sequence_error,
                              "function sequence error: call SQLParamData before SQLPutData");
    }
    const SQLUSMALLINT number = data_at_execution_->parameters[data_at_execution_->current];
    std::optional<std::string>& value = data_at_execution_->supplied[number - 1];
    if (length == SQL_NULL_DATA) {
        value.reset();
        return;
    }
    const SQLSMALLINT c_type = apd_.record(number).concise_type;
    const std::size_t fixed = types::fixed_c_type_size(c_type);
    std::size_t bytes = 0;
    if (fixed != 0) {
        bytes = fixed;
    } else if (length == SQL_NTS) {
        bytes = c_type == SQL_C_WCHAR
                    ? std::char_traits<char16_t>::length(static_cast<const char16_t*>(data)) * 2
                    : std::strlen(static_cast<const char*>(data));
    } else if (length >= 0) {
        bytes = static_cast<std::size_t>(length);
    } else {
        throw odbc::OdbcError(
            sqlstate::invalid_string_or_buffer_length,
            "invalid string or buffer length: StrLen_or_Ind " + std::to_string(length));
    }
    if (data == nullptr && bytes > 0) {
        throw odbc::OdbcError(sqlstate::invalid_use_of_null_pointer,
                              "invalid use of null pointer: DataPtr is NULL");
    }
    if (!value) {
        value = std::string();
    }
    value->append(static_cast<const char*>(data), bytes);
}

}  // namespace rsodbc::core
