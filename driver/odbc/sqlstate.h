#pragma once
// Every SQLSTATE the driver names, in one table: the ODBC states it raises itself (ODBC 3.x,
// appendix A) and, in `server`, the PostgreSQL states it reads from the server or stands in for
// the server with. A server error's state is mapped to ODBC's by wire/sqlstate_map.h.
// Names only: this header includes nothing of the driver, so every folder may use it.
#include <array>
#include <string_view>

namespace rsodbc::sqlstate {

using Code = std::string_view;

inline constexpr Code general_warning = "01000";
inline constexpr Code string_data_right_truncated = "01004";
inline constexpr Code invalid_connection_string_attribute = "01S00";
inline constexpr Code option_value_changed = "01S02";
inline constexpr Code fetch_before_first_rowset = "01S06";
inline constexpr Code fractional_truncation = "01S07";
inline constexpr Code wrong_number_of_parameters = "07002";
inline constexpr Code restricted_data_type = "07006";
inline constexpr Code invalid_descriptor_index = "07009";
inline constexpr Code unable_to_connect = "08001";
inline constexpr Code connection_name_in_use = "08002";
inline constexpr Code connection_not_open = "08003";
inline constexpr Code communication_link_failure = "08S01";
// 22001: the error form of 01004, for a parameter value longer than its column.
inline constexpr Code string_data_too_long = "22001";
inline constexpr Code indicator_variable_required = "22002";
inline constexpr Code numeric_value_out_of_range = "22003";
inline constexpr Code invalid_datetime_format = "22007";
inline constexpr Code datetime_field_overflow = "22008";
inline constexpr Code interval_field_overflow = "22015";
inline constexpr Code invalid_character_value = "22018";
inline constexpr Code invalid_cursor_state = "24000";
inline constexpr Code invalid_transaction_state = "25000";
inline constexpr Code transaction_rolled_back = "25S03";
inline constexpr Code invalid_authorization = "28000";
inline constexpr Code invalid_cursor_name = "34000";
inline constexpr Code duplicate_cursor_name = "3C000";
inline constexpr Code syntax_error_or_access_violation = "42000";
// SQL class 54 (program limit exceeded), subclass too many arguments: the parameter limit.
inline constexpr Code too_many_parameters = "54023";
inline constexpr Code general_error = "HY000";
inline constexpr Code memory_allocation_error = "HY001";
inline constexpr Code invalid_application_buffer_type = "HY003";
inline constexpr Code invalid_sql_data_type = "HY004";
inline constexpr Code operation_canceled = "HY008";
inline constexpr Code invalid_use_of_null_pointer = "HY009";
inline constexpr Code function_sequence_error = "HY010";
inline constexpr Code attribute_cannot_be_set_now = "HY011";
inline constexpr Code invalid_transaction_operation = "HY012";
inline constexpr Code cannot_modify_ird = "HY016";
inline constexpr Code invalid_use_of_automatic_descriptor = "HY017";
inline constexpr Code inconsistent_descriptor_information = "HY021";
inline constexpr Code invalid_attribute_value = "HY024";
inline constexpr Code invalid_string_or_buffer_length = "HY090";
inline constexpr Code invalid_descriptor_field_identifier = "HY091";
inline constexpr Code invalid_attribute_identifier = "HY092";
inline constexpr Code invalid_information_type = "HY096";
inline constexpr Code column_type_out_of_range = "HY097";
inline constexpr Code scope_type_out_of_range = "HY098";
inline constexpr Code nullable_type_out_of_range = "HY099";
inline constexpr Code uniqueness_option_out_of_range = "HY100";
inline constexpr Code accuracy_option_out_of_range = "HY101";
inline constexpr Code fetch_type_out_of_range = "HY106";
inline constexpr Code invalid_cursor_position = "HY109";
inline constexpr Code invalid_driver_completion = "HY110";
inline constexpr Code optional_feature_not_implemented = "HYC00";
inline constexpr Code timeout_expired = "HYT00";
inline constexpr Code driver_does_not_support_function = "IM001";

// SQL_DIAG_SUBCLASS_ORIGIN: whether ODBC (not ISO SQL) defines `state`'s subclass — the "S"
// subclasses, the IM class, HYC00, the HYT class and the HY0xx/HY1xx codes ODBC added.
constexpr bool subclass_defined_by_odbc(Code state) {
    constexpr std::array<Code, 15> odbc_hy{"HY095", "HY096", "HY097", "HY098", "HY099",
                                           "HY100", "HY101", "HY103", "HY104", "HY105",
                                           "HY106", "HY107", "HY109", "HY110", "HY111"};
    if (state.size() != 5) {
        return false;
    }
    if (state[2] == 'S' || state.starts_with("IM") || state.starts_with("HYT")
        || state == optional_feature_not_implemented) {
        return true;
    }
    for (const Code code : odbc_hy) {
        if (code == state) {
            return true;
        }
    }
    return false;
}

// PostgreSQL's codes (its errcodes table) that the driver tests a server error for, or raises in
// the server's place for failures libpq reports without a SQLSTATE, so the one mapping handles
// them.
namespace server {

inline constexpr Code unable_to_connect = "08001";  // sqlclient_unable_to_establish_sqlconnection
inline constexpr Code connection_failure = "08006";
inline constexpr Code feature_not_supported = "0A000";
inline constexpr Code in_failed_sql_transaction = "25P02";
inline constexpr Code invalid_password = "28P01";
inline constexpr Code undefined_function = "42883";
inline constexpr Code ambiguous_function = "42725";
inline constexpr Code indeterminate_datatype = "42P18";
inline constexpr Code query_canceled = "57014";  // SQLCancel and statement_timeout alike
inline constexpr Code io_error = "58030";
inline constexpr Code internal_error = "XX000";

}  // namespace server

}  // namespace rsodbc::sqlstate
