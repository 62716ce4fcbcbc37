#pragma once

#include <spdlog/logger.h>

#include <string_view>

namespace rsodbc::log {

// Sets up the driver's log once per process: the first call with a level other than off opens
// the sink (see the LogPath keyword for what `path` may be) and later calls change nothing, so
// connections with different settings cannot fight over one file. Calls with level off before
// that leave logging off. `level` is a canonical name (off, fatal, error, warn, info, debug,
// trace: what config::canonical_log_level answers); anything else throws std::invalid_argument.
// Throws std::runtime_error when the log file cannot be opened; logging then stays off and a
// later call may try again.
// `max_size` bytes (0: no limit) bound a log file: a full file is renamed with a number
// (redshiftodbc.1.log...) and at most `file_count` of those are kept.
void configure(std::string_view level, std::string_view path, long long max_size = 0,
               int file_count = 0);

// The driver's own logger, named "redshiftodbc". It is deliberately not in spdlog's registry:
// the host application may use spdlog too (Debian ships it as a shared library) and must not be
// able to reconfigure or drop the driver's logger, nor we its loggers. Always usable; before
// configure() it discards everything.
spdlog::logger& logger();

// One relaxed atomic load; use it to skip building expensive log arguments.
bool enabled(spdlog::level::level_enum level);

}  // namespace rsodbc::log

// Evaluates the format arguments only when `severity` is on, unlike logger().log(...). The severity
// is spelled without its namespace: RSODBC_LOG(debug, "connected to {}", host).
#define RSODBC_LOG(severity, ...)                                                \
    do {                                                                         \
        if (::rsodbc::log::enabled(::spdlog::level::severity)) {                 \
            ::rsodbc::log::logger().log(::spdlog::level::severity, __VA_ARGS__); \
        }                                                                        \
    } while (false)
