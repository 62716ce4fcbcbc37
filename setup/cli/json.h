#pragma once

#include <string>
#include <string_view>

namespace rsodbc::cli {

// A JSON string literal (quotes included) for any UTF-8 text: control characters escaped, bytes
// above 0x7f kept as they are.
std::string json_string(std::string_view text);

}  // namespace rsodbc::cli
