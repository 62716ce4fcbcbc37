#pragma once
// Named SQLSTATEs the driver itself raises (ODBC 3.x, appendix A). Server errors carry the state
// mapped from the server's code instead (wire/sqlstate_map.h).
#include <string_view>

namespace rsodbc::sqlstate {

using Code = std::string_view;

inline constexpr Code general_warning = "01000";
inline constexpr Code invalid_connection_string_attribute = "01S00";
inline constexpr Code option_value_changed = "01S02";
inline constexpr Code string_data_right_truncated = "01004";
inline constexpr Code fractional_truncation = "01S07";
inline constexpr Code restricted_data_type = "07006";
inline constexpr Code invalid_descriptor_index = "07009";
inline constexpr Code unable_to_connect = "08001";
inline constexpr Code connection_name_in_use = "08002";
inline constexpr Code connection_not_open = "08003";
inline constexpr Code communication_link_failure = "08S01";
// 22001: the error form of 01004, for a parameter value longer than its column.
inline constexpr Code string_data_too_long = "22001";
inline constexpr Code numeric_value_out_of_range = "22003";
inline constexpr Code invalid_datetime_format = "22007";
inline constexpr Code datetime_field_overflow = "22008";
inline constexpr Code interval_field_overflow = "22015";
inline constexpr Code invalid_character_value = "22018";
inline constexpr Code invalid_cursor_state = "24000";
inline constexpr Code invalid_transaction_state = "25000";
inline constexpr Code invalid_cursor_name = "34000";
inline constexpr Code duplicate_cursor_name = "3C000";
inline constexpr Code invalid_authorization = "28000";
// SQL class 54 (program limit exceeded), subclass too many arguments: the parameter limit.
inline constexpr Code too_many_parameters = "54023";
inline constexpr Code general_error = "HY000";
inline constexpr Code memory_allocation_error = "HY001";
inline constexpr Code invalid_application_buffer_type = "HY003";
inline constexpr Code invalid_use_of_null_pointer = "HY009";
inline constexpr Code function_sequence_error = "HY010";
inline constexpr Code invalid_transaction_operation = "HY012";
inline constexpr Code invalid_attribute_value = "HY024";
inline constexpr Code invalid_string_or_buffer_length = "HY090";
inline constexpr Code invalid_attribute_identifier = "HY092";
inline constexpr Code invalid_information_type = "HY096";
inline constexpr Code invalid_cursor_position = "HY109";
inline constexpr Code invalid_driver_completion = "HY110";
inline constexpr Code optional_feature_not_implemented = "HYC00";
inline constexpr Code driver_does_not_support_function = "IM001";

}  // namespace rsodbc::sqlstate
