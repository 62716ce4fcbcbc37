#include "log/logger.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/dist_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

namespace rsodbc::log {

namespace {

constexpr const char* log_file_name = "redshiftodbc.log";

// The logger's sink list never changes after construction: configure() adds the real sink to
// this distributing sink, which locks its own mutex, so threads that are logging while another
// connection configures the log never see a half-updated logger.
struct State {
    std::shared_ptr<spdlog::sinks::dist_sink_mt> dist =
        std::make_shared<spdlog::sinks::dist_sink_mt>();
    std::shared_ptr<spdlog::logger> logger = make_logger(dist);
    std::mutex mutex;
    bool configured = false;

    static std::shared_ptr<spdlog::logger> make_logger(spdlog::sink_ptr sink) {
        auto result = std::make_shared<spdlog::logger>("redshiftodbc", std::move(sink));
        result->set_level(spdlog::level::off);
        return result;
    }
};

State& state() {
    // Leaked on purpose: the driver may log from a static destructor or an atexit handler of
    // the host (driver managers unload drivers late), after a function-local static would be gone.
    static State* const instance = std::make_unique<State>().release();
    return *instance;
}

// The level names config::canonical_log_level answers with (the LogLevel keyword's values after
// its numbers and aliases are resolved), and spdlog's level for each.
struct LevelName {
    std::string_view name;
    spdlog::level::level_enum level;
};

constexpr std::array<LevelName, 7> level_names{{
    {"off", spdlog::level::off},
    {"fatal", spdlog::level::critical},
    {"error", spdlog::level::err},
    {"warn", spdlog::level::warn},
    {"info", spdlog::level::info},
    {"debug", spdlog::level::debug},
    {"trace", spdlog::level::trace},
}};

spdlog::level::level_enum to_spdlog_level(std::string_view name) {
    for (const LevelName& row : level_names) {
        if (row.name == name) {
            return row.level;
        }
    }
    throw std::invalid_argument("unknown log level '" + std::string(name)
                                + "' (off, fatal, error, warn, info, debug or trace)");
}

std::string default_log_file() {
    // getenv is only read here, under State::mutex, and the driver never sets variables.
    const char* tmpdir = std::getenv("TMPDIR");  // NOLINT(concurrency-mt-unsafe)
    const std::filesystem::path dir = (tmpdir != nullptr && *tmpdir != '\0') ? tmpdir : "/tmp";
    return (dir / log_file_name).string();
}

spdlog::sink_ptr open_sink(std::string_view path, long long max_size, int file_count) {
    if (path == "stderr") {
        return std::make_shared<spdlog::sinks::stderr_sink_mt>();
    }
    std::string file = path.empty() ? default_log_file() : std::string(path);
    std::error_code ignored;
    if (std::filesystem::is_directory(file, ignored)) {
        file = (std::filesystem::path(file) / log_file_name).string();
    }
    try {
        if (max_size > 0) {
            // rotate_on_open false: a process appends to the file the previous one left.
            return std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                file, static_cast<std::size_t>(max_size), static_cast<std::size_t>(file_count),
                false);
        }
        return std::make_shared<spdlog::sinks::basic_file_sink_mt>(file, false);
    } catch (const spdlog::spdlog_ex& error) {
        throw std::runtime_error("cannot open the driver log file " + file + ": " + error.what());
    }
}

}  // namespace

void configure(std::string_view level, std::string_view path, long long max_size, int file_count) {
    const spdlog::level::level_enum wanted = to_spdlog_level(level);
    if (wanted == spdlog::level::off) {
        return;
    }
    State& s = state();
    const std::lock_guard lock(s.mutex);
    if (s.configured) {
        return;
    }
    spdlog::sink_ptr sink = open_sink(path, max_size, file_count);
    // The pid tells apart processes appending to one file; the thread id, connections.
    sink->set_pattern("%Y-%m-%d %H:%M:%S.%f %-5l [%P:%t] %v");
    s.dist->add_sink(std::move(sink));
    // Every record is flushed: a log is read after something went wrong, often a crash of the
    // host process, and buffered lines would be lost exactly then.
    s.logger->flush_on(spdlog::level::trace);
    s.logger->set_level(wanted);
    s.configured = true;
    s.logger->info("redshift-odbc {} logging at level {}", RSODBC_VERSION, level);
}

spdlog::logger& logger() {
    return *state().logger;
}

bool enabled(spdlog::level::level_enum level) {
    return state().logger->should_log(level);
}

}  // namespace rsodbc::log
