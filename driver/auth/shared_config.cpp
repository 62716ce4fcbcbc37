#include "auth/shared_config.h"

namespace rsodbc::auth {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    return text;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

}  // namespace

ProfileMap parse_shared_file(std::string_view text, bool config_file) {
    ProfileMap profiles;
    Profile* current = nullptr;
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        const std::string_view raw = text.substr(0, newline);
        text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
        const std::string_view line = trim(raw);
        if (line.empty() || line.front() == '#' || line.front() == ';') {
            continue;
        }
        if (line.front() == '[') {
            current = nullptr;
            const std::size_t close = line.find(']');
            if (close == std::string_view::npos) {
                continue;
            }
            std::string_view name = trim(line.substr(1, close - 1));
            if (config_file) {
                if (name.starts_with("profile ") || name.starts_with("profile\t")) {
                    name = trim(name.substr(8));
                } else if (name != "default") {
                    continue;  // [sso-session x], [services x], or a plain [x]: not a profile
                }
            }
            if (!name.empty()) {
                current = &profiles[std::string(name)];
            }
            continue;
        }
        if (current == nullptr || raw.front() == ' ' || raw.front() == '\t') {
            continue;  // outside a profile, or a nested sub-section line
        }
        const std::size_t equals = line.find('=');
        if (equals == std::string_view::npos) {
            continue;
        }
        const std::string_view value = trim(line.substr(equals + 1));
        (*current)[lower(trim(line.substr(0, equals)))] = std::string(value);
    }
    return profiles;
}

}  // namespace rsodbc::auth
