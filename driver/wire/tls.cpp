#include "wire/tls.h"

#include <array>
#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <system_error>

namespace rsodbc::wire {

namespace {

bool is_file(const std::filesystem::path& path) {
    std::error_code error;
    return std::filesystem::is_regular_file(path, error);
}

}  // namespace

std::string default_root_cert() {
    // libpq's own choices first, so a PostgreSQL user's private CA keeps working.
    if (const char* env = std::getenv("PGSSLROOTCERT"); env != nullptr && *env != '\0') {
        return {};
    }
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        if (is_file(std::filesystem::path(home) / ".postgresql" / "root.crt")) {
            return {};
        }
    }
    static constexpr std::array<std::string_view, 4> system_stores{
        "/etc/ssl/certs/ca-certificates.crt",  // Debian, Ubuntu, Alpine
        "/etc/pki/tls/certs/ca-bundle.crt",    // RHEL, Fedora, Amazon Linux
        "/etc/ssl/ca-bundle.pem",              // SUSE
        "/etc/ssl/cert.pem"};                  // macOS, BSDs
    for (std::string_view store : system_stores) {
        if (is_file(std::filesystem::path(store))) {
            return std::string(store);
        }
    }
    return {};
}

}  // namespace rsodbc::wire
