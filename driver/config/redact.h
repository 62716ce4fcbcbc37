#pragma once
// Secrets kept out of logs and messages: which keys are secret and connection strings with every
// secret value shown as ***.
#include "config/connection_string.h"

#include <string>
#include <string_view>
#include <vector>

namespace rsodbc::config {

inline constexpr std::string_view redacted_value = "***";

// True for keywords the table marks secret, and, as a safety net, for unknown keys whose names
// look like credentials (pwd, pass…, secret, token, key): another driver's secret keyword passed
// through to us must not reach a log either.
bool is_secret_key(std::string_view key);

// The pairs formatted as a connection string, every secret value replaced by ***.
std::string redacted_connection_string(const std::vector<KeyValue>& pairs);

// Same for raw text. Text that does not parse is not shown at all, since there is no telling
// where a password in it begins or ends.
std::string redacted_connection_string(std::string_view text);

}  // namespace rsodbc::config
