#include "config/redact.h"

#include "config/keywords.h"

#include <algorithm>
#include <array>

namespace rsodbc::config {

namespace {

bool icontains(std::string_view haystack, std::string_view needle) {
    if (needle.size() > haystack.size()) {
        return false;
    }
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
        if (iequals(haystack.substr(i, needle.size()), needle)) {
            return true;
        }
    }
    return false;
}

}  // namespace

bool is_secret_key(std::string_view key) {
    if (const Keyword* keyword = find_keyword(key)) {
        return keyword->secret;
    }
    // "pass" covers password, passwd, passphrase; "key" an API or secret key of another driver.
    static constexpr std::array<std::string_view, 5> secret_words{"pwd", "pass", "secret", "token",
                                                                  "key"};
    return std::ranges::any_of(secret_words,
                               [key](std::string_view word) { return icontains(key, word); });
}

std::string redacted_connection_string(const std::vector<KeyValue>& pairs) {
    std::vector<KeyValue> masked = pairs;
    for (KeyValue& pair : masked) {
        if (is_secret_key(pair.key)) {
            pair.value = redacted_value;
        }
    }
    return format_connection_string(masked);
}

std::string redacted_connection_string(std::string_view text) {
    try {
        return redacted_connection_string(parse_connection_string(text));
    } catch (const ConfigError&) {
        return "<unparsable connection string of " + std::to_string(text.size()) + " bytes>";
    }
}

}  // namespace rsodbc::config
