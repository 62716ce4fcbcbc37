#pragma once

#include <string_view>

namespace rsodbc::config {

// `automatic` rather than `auto`, which is a C++ keyword; it is spelled "auto" in text.
enum class ServerFlavor { automatic, redshift, postgresql };

// Accepts auto, redshift or postgresql in any case; throws ConfigError otherwise.
ServerFlavor parse_server_flavor(std::string_view text);

std::string_view to_string(ServerFlavor flavor);

}  // namespace rsodbc::config
