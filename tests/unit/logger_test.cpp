#include "log/logger.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

// The logger is configured once per process, so this one test case covers the whole life cycle.
TEST_CASE("logging is off until configured, then fixed by the first configuration") {
    namespace fs = std::filesystem;
    const fs::path dir =
        fs::temp_directory_path() / ("rsodbc_log_test_" + std::to_string(getpid()));
    fs::create_directories(dir);

    CHECK_FALSE(rsodbc::log::enabled(spdlog::level::critical));
    rsodbc::log::configure("off", (dir / "never.log").string());
    CHECK_FALSE(rsodbc::log::enabled(spdlog::level::critical));
    CHECK_FALSE(fs::exists(dir / "never.log"));

    int evaluated = 0;
    const auto count = [&] {
        return ++evaluated;
    };
    RSODBC_LOG(info, "not written {}", count());
    CHECK(evaluated == 0);

    // A directory gets redshiftodbc.log inside it. Names only: config::canonical_log_level turns
    // the LogLevel keyword's numbers and aliases into them.
    CHECK_THROWS(rsodbc::log::configure("3", dir.string()));
    CHECK_FALSE(rsodbc::log::enabled(spdlog::level::critical));
    rsodbc::log::configure("warn", dir.string());
    CHECK(rsodbc::log::enabled(spdlog::level::warn));
    CHECK_FALSE(rsodbc::log::enabled(spdlog::level::info));
    RSODBC_LOG(warn, "marker {}", count());
    RSODBC_LOG(info, "hidden {}", count());
    CHECK(evaluated == 1);

    // Later configurations change nothing.
    rsodbc::log::configure("trace", (dir / "other.log").string());
    CHECK_FALSE(rsodbc::log::enabled(spdlog::level::info));
    CHECK_FALSE(fs::exists(dir / "other.log"));

    std::ifstream file(dir / "redshiftodbc.log");
    std::stringstream content;
    content << file.rdbuf();
    CHECK(content.str().find("marker 1") != std::string::npos);
    CHECK(content.str().find("hidden") == std::string::npos);
    CHECK_THROWS(rsodbc::log::configure("verbose", ""));
    fs::remove_all(dir);
}
