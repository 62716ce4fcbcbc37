#include "setup/cli/install.h"

#include "config/keywords.h"
#include "setup/cli/exit_codes.h"
#include "setup/cli/json.h"
#include "setup/lib/dsn_attributes.h"

#include <odbcinst.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <unistd.h>

namespace rsodbc::cli {

namespace {

constexpr const char* odbcinst_ini = "ODBCINST.INI";
constexpr const char* odbc_ini = "odbc.ini";

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r");
    return std::string(text.substr(first, last - first + 1));
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos)) {
        text.replace(pos, from.size(), to);
        pos += to.size();
    }
}

std::filesystem::path executable_dir() {
    std::error_code error;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::filesystem::path(".") : self.parent_path();
}

// Names in a "name\0name\0\0" list as odbcinst returns them.
std::vector<std::string> split_names(const std::vector<char>& buffer) {
    std::vector<std::string> names;
    for (std::size_t pos = 0; pos < buffer.size() && buffer[pos] != '\0';) {
        std::string name(buffer.data() + pos);
        pos += name.size() + 1;
        names.push_back(std::move(name));
    }
    return names;
}

std::vector<std::string> sections(const char* file) {
    std::vector<char> buffer(1 << 16, '\0');
    if (SQLGetPrivateProfileString(nullptr, nullptr, "", buffer.data(),
                                   static_cast<int>(buffer.size()) - 1, file)
        < 0) {
        return {};
    }
    auto names = split_names(buffer);
    std::erase_if(names, [](const std::string& name) { return config::iequals(name, "ODBC"); });
    return names;
}

std::string profile_value(const std::string& section, const char* key, const char* file) {
    std::vector<char> buffer(4096, '\0');
    if (SQLGetPrivateProfileString(section.c_str(), key, "", buffer.data(),
                                   static_cast<int>(buffer.size()) - 1, file)
        < 0) {
        return {};
    }
    return buffer.data();
}

// Restores the installer's config mode (user and system DSNs) however a command ends.
class ConfigMode {
public:
    explicit ConfigMode(UWORD mode) {
        SQLGetConfigMode(&saved_);
        SQLSetConfigMode(mode);
    }

    ~ConfigMode() { SQLSetConfigMode(saved_); }

    ConfigMode(const ConfigMode&) = delete;
    ConfigMode& operator=(const ConfigMode&) = delete;

private:
    UWORD saved_ = ODBC_BOTH_DSN;
};

// unixODBC creates a missing user odbc.ini but not a missing system one ($ODBCSYSINI/odbc.ini,
// /etc/odbc.ini), and a fresh machine may have none yet.
void ensure_system_odbc_ini() {
    const char* dir = std::getenv("ODBCSYSINI");
    const std::filesystem::path file =
        std::filesystem::path(dir != nullptr && *dir != '\0' ? dir : "/etc") / "odbc.ini";
    std::error_code error;
    if (!std::filesystem::exists(file, error)) {
        std::ofstream create(file, std::ios::app);
    }
}

int odbcinst_failure(std::ostream& err, std::string_view what) {
    std::string reason = installer_error();
    if (reason.empty()) {
        reason = "no reason given (is the file writable? system files need root)";
    }
    err << "redshift-odbc: " << what << ": " << reason << '\n';
    return exit_code::odbcinst;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> registration_entries(std::string_view driver,
                                                                      std::string_view setup) {
    std::vector<std::pair<std::string, std::string>> entries;
    std::istringstream lines{std::string(registration_template())};
    for (std::string line; std::getline(lines, line);) {
        const std::string text = trim(line);
        const auto equals = text.find('=');
        if (text.empty() || text[0] == '#' || text[0] == ';' || text[0] == '['
            || equals == std::string::npos) {
            continue;
        }
        std::string key = trim(std::string_view(text).substr(0, equals));
        std::string value = trim(std::string_view(text).substr(equals + 1));
        if (config::iequals(key, "UsageCount")) {
            continue;
        }
        replace_all(value, "${driver}", driver);
        replace_all(value, "${setup}", setup);
        entries.emplace_back(std::move(key), std::move(value));
    }
    return entries;
}

std::string default_driver_path() {
    const auto dir = executable_dir();
    const std::filesystem::path installed = dir / RSODBC_CLI_LIBDIR / "libredshiftodbc.so";
    // Run from a build tree (build/X/setup/cli/redshift-odbc): the driver built with it.
    const std::filesystem::path built = dir / "../../driver/libredshiftodbc.so";
    // Lexically normalised, not resolved: libredshiftodbc.so is the symlink that follows upgrades.
    std::error_code error;
    if (!std::filesystem::exists(installed, error) && std::filesystem::exists(built, error)) {
        return built.lexically_normal().string();
    }
    return installed.lexically_normal().string();
}

std::string installer_error() {
    std::string all;
    for (WORD i = 1; i <= 8; ++i) {
        DWORD code = 0;
        char message[SQL_MAX_MESSAGE_LENGTH] = {};
        WORD length = 0;
        const RETCODE rc = SQLInstallerError(i, &code, message, sizeof message, &length);
        if (rc != SQL_SUCCESS && rc != SQL_SUCCESS_WITH_INFO) {
            break;
        }
        if (!all.empty()) {
            all += "; ";
        }
        all += message;
    }
    return all;
}

std::string registered_driver_path(const std::string& name) {
    return profile_value(name, "Driver", odbcinst_ini);
}

int register_driver(const RegisterOptions& options, std::ostream& out, std::ostream& err) {
    std::error_code error;
    const std::string driver = options.driver_path.empty()
                                   ? default_driver_path()
                                   : std::filesystem::absolute(options.driver_path, error).string();
    if (!std::filesystem::is_regular_file(driver, error)) {
        err << "redshift-odbc: register: no driver library at " << driver
            << " (give its path with --driver PATH)\n";
        return exit_code::invalid;
    }
    const std::string setup =
        (std::filesystem::path(driver).parent_path() / "libredshiftodbcS.so").string();
    // "Name\0Key=Value\0...\0\0", as SQLInstallDriverEx takes it.
    std::string request = options.name;
    request += '\0';
    for (const auto& [key, value] : registration_entries(driver, setup)) {
        if (config::iequals(key, "Setup") && !std::filesystem::exists(value, error)) {
            continue;  // a driver without its setup library still works; a dangling Setup= not
        }
        request += key + "=" + value;
        request += '\0';
    }
    request += '\0';
    char path_out[4096] = {};
    WORD path_length = 0;
    DWORD usage_count = 0;
    if (!SQLInstallDriverEx(request.c_str(), nullptr, path_out, sizeof path_out, &path_length,
                            ODBC_INSTALL_COMPLETE, &usage_count)) {
        return odbcinst_failure(err, "register");
    }
    out << "registered driver '" << options.name << "' -> " << driver << " (UsageCount "
        << usage_count << ")\n";
    return exit_code::ok;
}

int unregister_driver(const std::string& name, std::ostream& out, std::ostream& err) {
    if (registered_driver_path(name).empty() && sections(odbcinst_ini).empty()) {
        err << "redshift-odbc: unregister: driver '" << name << "' is not registered\n";
        return exit_code::odbcinst;
    }
    const auto names = sections(odbcinst_ini);
    if (std::none_of(names.begin(), names.end(),
                     [&](const std::string& n) { return config::iequals(n, name); })) {
        err << "redshift-odbc: unregister: driver '" << name << "' is not registered\n";
        return exit_code::odbcinst;
    }
    DWORD usage_count = 0;
    if (!SQLRemoveDriver(name.c_str(), 0, &usage_count)) {
        return odbcinst_failure(err, "unregister");
    }
    if (usage_count == 0) {
        out << "unregistered driver '" << name << "' (removed from odbcinst.ini)\n";
    } else {
        out << "unregistered driver '" << name << "' once (UsageCount " << usage_count
            << ", still registered)\n";
    }
    return exit_code::ok;
}

int add_dsn(const std::string& name, const std::vector<std::string>& pairs, bool system,
            std::ostream& out, std::ostream& err) {
    setup::Attributes attributes{{std::string(config::kw::dsn), name}};
    std::string driver = RSODBC_DRIVER_NAME;
    for (const std::string& pair : pairs) {
        const auto equals = pair.find('=');
        if (equals == std::string::npos || equals == 0) {
            err << "redshift-odbc: add-dsn: '" << pair << "' is not key=value\n";
            return exit_code::usage;
        }
        std::string key = pair.substr(0, equals);
        std::string value = pair.substr(equals + 1);
        if (config::iequals(key, config::kw::driver)) {
            driver = value;
        } else if (config::iequals(key, config::kw::dsn)) {
            err << "redshift-odbc: add-dsn: the DSN name is the first argument, not DSN=\n";
            return exit_code::usage;
        } else {
            attributes.emplace_back(std::move(key), std::move(value));
        }
    }
    if (const std::string problem = setup::validate(attributes); !problem.empty()) {
        err << "redshift-odbc: add-dsn: " << problem << '\n';
        return exit_code::invalid;
    }
    const ConfigMode mode(system ? ODBC_SYSTEM_DSN : ODBC_USER_DSN);
    if (system) {
        ensure_system_odbc_ini();
    }
    if (!setup::config_dsn(system ? ODBC_ADD_SYS_DSN : ODBC_ADD_DSN, driver, attributes)) {
        return odbcinst_failure(err, "add-dsn");
    }
    out << "added " << (system ? "system" : "user") << " DSN '" << name << "' (Driver=" << driver
        << ")\n";
    if (registered_driver_path(driver).empty()) {
        err << "redshift-odbc: warning: driver '" << driver
            << "' is not registered in odbcinst.ini; run `redshift-odbc register` first\n";
    }
    return exit_code::ok;
}

int remove_dsn(const std::string& name, bool system, std::ostream& out, std::ostream& err) {
    const ConfigMode mode(system ? ODBC_SYSTEM_DSN : ODBC_USER_DSN);
    const auto names = sections(odbc_ini);
    if (std::none_of(names.begin(), names.end(),
                     [&](const std::string& n) { return config::iequals(n, name); })) {
        err << "redshift-odbc: remove-dsn: no " << (system ? "system" : "user") << " DSN '" << name
            << "'\n";
        return exit_code::odbcinst;
    }
    if (!SQLRemoveDSNFromIni(name.c_str())) {
        return odbcinst_failure(err, "remove-dsn");
    }
    out << "removed " << (system ? "system" : "user") << " DSN '" << name << "'\n";
    return exit_code::ok;
}

int list(bool json, std::ostream& out, std::ostream& /*err*/) {
    struct Entry {
        std::string kind;
        std::string name;
        std::string driver;
        std::string usage_count;
    };

    std::vector<Entry> entries;
    for (const std::string& name : sections(odbcinst_ini)) {
        entries.push_back({"driver", name, registered_driver_path(name),
                           profile_value(name, "UsageCount", odbcinst_ini)});
    }
    for (const auto& [kind, mode] :
         {std::pair{"user", ODBC_USER_DSN}, std::pair{"system", ODBC_SYSTEM_DSN}}) {
        const ConfigMode scope(static_cast<UWORD>(mode));
        for (const std::string& name : sections(odbc_ini)) {
            entries.push_back({kind, name, profile_value(name, "Driver", odbc_ini), ""});
        }
    }
    if (json) {
        out << "{\"drivers\": [";
        const char* separator = "";
        for (const Entry& e : entries) {
            if (e.kind == "driver") {
                out << separator << "{\"name\": " << json_string(e.name)
                    << ", \"driver\": " << json_string(e.driver)
                    << ", \"usage_count\": " << json_string(e.usage_count) << "}";
                separator = ", ";
            }
        }
        out << "], \"dsns\": [";
        separator = "";
        for (const Entry& e : entries) {
            if (e.kind != "driver") {
                out << separator << "{\"name\": " << json_string(e.name)
                    << ", \"scope\": " << json_string(e.kind)
                    << ", \"driver\": " << json_string(e.driver) << "}";
                separator = ", ";
            }
        }
        out << "]}\n";
        return exit_code::ok;
    }
    const char* heading = "";
    for (const Entry& e : entries) {
        const char* now = e.kind == "driver" ? "Drivers (odbcinst.ini):"
                          : e.kind == "user" ? "User DSNs:"
                                             : "System DSNs:";
        if (std::string_view(now) != heading) {
            out << now << '\n';
            heading = now;
        }
        out << "  " << e.name << "  " << (e.kind == "driver" ? "" : "Driver=") << e.driver;
        if (!e.usage_count.empty()) {
            out << "  UsageCount=" << e.usage_count;
        }
        out << '\n';
    }
    if (entries.empty()) {
        out << "no drivers or DSNs registered\n";
    }
    return exit_code::ok;
}

}  // namespace rsodbc::cli
