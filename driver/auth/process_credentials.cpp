// credential_process (shared/IAM.md §5): the profile's command, split like a shell would split
// it but run without a shell, prints {"Version": 1, "AccessKeyId": ..., ...} on stdout.
#include "auth/auth_error.h"
#include "auth/credentials.h"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;  // NOLINT: POSIX

namespace rsodbc::auth {

namespace {

constexpr std::size_t max_output = 1 << 20;

// Words separated by blanks; '...' literal, "..." with \" and \\, backslash escapes outside.
std::vector<std::string> split_command(std::string_view command) {
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;
    for (std::size_t i = 0; i < command.size(); ++i) {
        const char c = command[i];
        if (c == ' ' || c == '\t' || c == '\n') {
            if (in_word) {
                words.push_back(std::move(word));
                word.clear();
                in_word = false;
            }
            continue;
        }
        in_word = true;
        if (c == '\'') {
            const std::size_t end = command.find('\'', i + 1);
            if (end == std::string_view::npos) {
                throw AuthError(AuthFailure::settings, "credential_process has an unclosed quote");
            }
            word.append(command.substr(i + 1, end - i - 1));
            i = end;
        } else if (c == '"') {
            ++i;
            while (i < command.size() && command[i] != '"') {
                if (command[i] == '\\' && i + 1 < command.size()
                    && (command[i + 1] == '"' || command[i + 1] == '\\')) {
                    ++i;
                }
                word += command[i++];
            }
            if (i >= command.size()) {
                throw AuthError(AuthFailure::settings, "credential_process has an unclosed quote");
            }
        } else if (c == '\\' && i + 1 < command.size()) {
            word += command[++i];
        } else {
            word += c;
        }
    }
    if (in_word) {
        words.push_back(std::move(word));
    }
    return words;
}

struct Fd {
    int fd = -1;
    Fd() = default;
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;

    ~Fd() { close_now(); }

    void close_now() {
        if (fd >= 0) {
            ::close(fd);
            fd = -1;
        }
    }
};

}  // namespace

ResolvedCredentials process_credentials(const std::string& command) {
    const std::vector<std::string> words = split_command(command);
    if (words.empty()) {
        throw AuthError(AuthFailure::settings, "credential_process is empty");
    }
    const std::string what = "credential_process '" + words[0] + "'";
    std::array<Fd, 2> out_pipe;
    std::array<Fd, 2> err_pipe;
    std::array<int, 2> fds{};
    if (::pipe2(fds.data(), O_CLOEXEC) != 0) {
        throw AuthError(AuthFailure::credentials, what + ": cannot create a pipe");
    }
    out_pipe[0].fd = fds[0];
    out_pipe[1].fd = fds[1];
    if (::pipe2(fds.data(), O_CLOEXEC) != 0) {
        throw AuthError(AuthFailure::credentials, what + ": cannot create a pipe");
    }
    err_pipe[0].fd = fds[0];
    err_pipe[1].fd = fds[1];
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1].fd, 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1].fd, 2);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    std::vector<char*> argv;
    argv.reserve(words.size() + 1);
    for (const std::string& word : words) {
        argv.push_back(const_cast<char*>(word.c_str()));  // NOLINT: posix_spawn's signature
    }
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    out_pipe[1].close_now();
    err_pipe[1].close_now();
    if (spawned != 0) {
        throw AuthError(AuthFailure::credentials,
                        what + " cannot be run: " + std::strerror(spawned));
    }
    std::string output;
    std::string errors;
    std::array<pollfd, 2> polled{{{out_pipe[0].fd, POLLIN, 0}, {err_pipe[0].fd, POLLIN, 0}}};
    std::array<char, 4096> buffer{};
    int open_count = 2;
    while (open_count > 0) {
        if (::poll(polled.data(), polled.size(), 60000) <= 0) {
            break;  // a minute without output: give up rather than hang the connection
        }
        for (std::size_t i = 0; i < polled.size(); ++i) {
            if (polled[i].fd < 0 || polled[i].revents == 0) {
                continue;
            }
            const ssize_t got = ::read(polled[i].fd, buffer.data(), buffer.size());
            if (got <= 0) {
                polled[i].fd = -1;
                --open_count;
                continue;
            }
            std::string& sink = i == 0 ? output : errors;
            if (sink.size() < max_output) {
                sink.append(buffer.data(), static_cast<std::size_t>(got));
            }
        }
    }
    if (open_count > 0) {
        ::kill(pid, SIGKILL);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        while (!errors.empty() && (errors.back() == '\n' || errors.back() == '\r')) {
            errors.pop_back();
        }
        throw AuthError(
            AuthFailure::credentials,
            what + " failed ("
                + (WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                     : std::string("killed"))
                + (errors.empty() ? ")" : "): " + errors.substr(0, 500)));
    }
    const nlohmann::json json = nlohmann::json::parse(output, nullptr, false);
    if (!json.is_object()) {
        throw AuthError(AuthFailure::credentials, what + " printed something that is not JSON");
    }
    const auto version = json.find("Version");
    if (version == json.end() || !version->is_number_integer() || version->get<int>() != 1) {
        throw AuthError(AuthFailure::credentials,
                        what + " printed JSON without \"Version\": 1 (the only version defined)");
    }
    ResolvedCredentials result;
    result.source = what;
    auto text = [&](const char* key) {
        const auto it = json.find(key);
        return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    result.keys.access_key_id = text("AccessKeyId");
    result.keys.secret_access_key = text("SecretAccessKey");
    result.keys.session_token = text("SessionToken");
    if (result.keys.access_key_id.empty() || result.keys.secret_access_key.empty()) {
        throw AuthError(AuthFailure::credentials,
                        what + " printed no AccessKeyId or SecretAccessKey");
    }
    if (const std::string expiration = text("Expiration"); !expiration.empty()) {
        result.expiration = parse_iso8601(expiration);
        if (!result.expiration) {
            throw AuthError(AuthFailure::credentials,
                            what + " printed an unreadable Expiration '" + expiration + "'");
        }
    }
    return result;
}

}  // namespace rsodbc::auth
