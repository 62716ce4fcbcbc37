// Fixtures the unit tests share: settings parsed from a connection string as the driver parses
// them, and a scrubbed AWS environment (temporary HOME with ~/.aws, an environment of the test's
// own) so credential providers never see the machine's real credentials or metadata service.
#pragma once

#include "auth/credentials.h"
#include "auth/iam_login.h"
#include "config/connection_string.h"
#include "config/settings.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <stdlib.h>
#include <string>
#include <string_view>
#include <sys/stat.h>

namespace unit_fixtures {

// First occurrence of a keyword wins, as in SQLDriverConnect.
inline rsodbc::config::Settings settings_from(std::string_view text) {
    rsodbc::config::AttributeMap attrs;
    for (const rsodbc::config::KeyValue& pair : rsodbc::config::parse_connection_string(text)) {
        attrs.add_if_absent(pair.key, pair.value);
    }
    return rsodbc::config::make_settings(attrs);
}

inline bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

class ScrubbedAws {
public:
    ScrubbedAws() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "rsodbc-aws-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        home_ = pattern;
        std::filesystem::create_directories(home_ / ".aws");
        env_["HOME"] = home_.string();
        env_["AWS_EC2_METADATA_DISABLED"] = "true";  // never reach for 169.254.169.254
    }

    ScrubbedAws(const ScrubbedAws&) = delete;
    ScrubbedAws& operator=(const ScrubbedAws&) = delete;

    ~ScrubbedAws() {
        std::error_code ignored;
        std::filesystem::remove_all(home_, ignored);
    }

    const std::filesystem::path& home() const { return home_; }

    void set(const std::string& name, const std::string& value) { env_[name] = value; }

    void unset(const std::string& name) { env_.erase(name); }

    // Writes a file below HOME and returns its path.
    std::string write(const std::string& relative, const std::string& text,
                      bool executable = false) const {
        const std::filesystem::path path = home_ / relative;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << text;
        if (executable) {
            ::chmod(path.c_str(), 0700);
        }
        return path.string();
    }

    rsodbc::auth::EnvReader env() const {
        return [env = env_](const char* name) {
            const auto it = env.find(name);
            return it != env.end() ? it->second : std::string();
        };
    }

    // Region us-east-1, a 5 s HTTP timeout, now; callers aim endpoints where they need.
    rsodbc::auth::ProviderContext context() const {
        rsodbc::auth::ProviderContext context;
        context.env = env();
        context.region = "us-east-1";
        context.now = rsodbc::auth::Clock::now();
        context.http.timeout_seconds = 5;
        return context;
    }

private:
    std::filesystem::path home_;
    std::map<std::string, std::string> env_;
};

}  // namespace unit_fixtures
