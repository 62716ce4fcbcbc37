#include "config/dsn_reader.h"

#include "config/keywords.h"

#include <odbcinst.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

namespace rsodbc::config {

namespace {

constexpr const char* ini_file = "odbc.ini";

// unixODBC fills as many whole names as fit and its return value differs between versions (first
// name's length or the whole list's), so completeness is judged from the buffer itself: if the
// list ends with room to spare for the longest name unixODBC allows (INI_MAX_OBJECT_NAME, 1000),
// no name was left out.
constexpr std::size_t name_headroom = 1024;
constexpr std::size_t max_buffer = std::size_t{1} << 20;

std::vector<std::string> read_keys(const std::string& section) {
    std::vector<char> buffer(4096);
    for (;;) {
        std::fill(buffer.begin(), buffer.end(), '\0');
        const int rc = SQLGetPrivateProfileString(section.c_str(), nullptr, "", buffer.data(),
                                                  static_cast<int>(buffer.size()), ini_file);
        if (rc < 0) {
            return {};
        }
        std::size_t used = 0;
        while (used < buffer.size() && buffer[used] != '\0') {
            used += std::string_view(buffer.data() + used).size() + 1;
        }
        if (used + name_headroom < buffer.size() || buffer.size() >= max_buffer) {
            std::vector<std::string> keys;
            for (std::size_t pos = 0; pos < used && pos < buffer.size();) {
                std::string key(buffer.data() + pos);
                pos += key.size() + 1;
                keys.push_back(std::move(key));
            }
            return keys;
        }
        buffer.resize(buffer.size() * 2);
    }
}

std::string read_value(const std::string& section, const std::string& key) {
    std::vector<char> buffer(1024);
    for (;;) {
        const int rc = SQLGetPrivateProfileString(section.c_str(), key.c_str(), "", buffer.data(),
                                                  static_cast<int>(buffer.size()), ini_file);
        if (rc < 0) {
            return {};
        }
        // A result filling the buffer may have been cut short.
        if (static_cast<std::size_t>(rc) + 1 < buffer.size() || buffer.size() >= max_buffer) {
            return {buffer.data()};
        }
        buffer.resize(buffer.size() * 2);
    }
}

}  // namespace

void read_dsn(std::string_view dsn, AttributeMap& into) {
    const std::string section(dsn);
    if (section.empty()) {
        return;
    }
    for (const std::string& key : read_keys(section)) {
        // An entry is only read when its key is still absent, which keeps the first-wins rule and
        // saves a file parse per key the connection string already set.
        if (into.find(key) == nullptr) {
            into.add_if_absent(key, read_value(section, key));
        }
    }
}

void read_odbc_section_logging(AttributeMap& into) {
    for (const std::string& key : read_keys("ODBC")) {
        const Keyword* keyword = find_keyword(key);
        if (keyword == nullptr || !keyword->name.starts_with("Log")) {
            continue;  // unixODBC's own Trace/TraceFile settings live there too
        }
        if (into.find(std::string(keyword->name)) == nullptr) {
            into.add_if_absent(std::string(keyword->name), read_value("ODBC", key));
        }
    }
}

}  // namespace rsodbc::config
