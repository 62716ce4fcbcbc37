#pragma once

#include <cstddef>
#include <string_view>

namespace rsodbc::config {

// `automatic` rather than `auto`, which is a C++ keyword; it is spelled "auto" in text.
enum class ServerFlavor { automatic, redshift, postgresql };

// Accepts auto, redshift or postgresql in any case; throws ConfigError otherwise.
ServerFlavor parse_server_flavor(std::string_view text);

std::string_view to_string(ServerFlavor flavor);

// Parameters one statement may carry. PostgreSQL's Bind message counts them in 16 bits (65,535);
// Redshift refuses more than 32,767. A statement above the limit is refused by the driver before
// anything is sent (the server would drop the connection on a Bind whose count wrapped).
inline constexpr std::size_t max_parameters_postgresql = 65535;
inline constexpr std::size_t max_parameters_redshift = 32767;

inline constexpr std::size_t max_parameters(bool redshift) {
    return redshift ? max_parameters_redshift : max_parameters_postgresql;
}

}  // namespace rsodbc::config
