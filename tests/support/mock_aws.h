#pragma once
// tests/support/mock_aws.py from C++ tests: start it (python3, port 0, the port read from its
// first line of output) or attach to one a script started, then drive it through its /_mock/
// control paths with a few lines of plain HTTP over a loopback socket (no HTTP library, so
// the tests do not share the driver's libcurl code they check).
#include <arpa/inet.h>
#include <csignal>
#include <cstdio>
#include <netinet/in.h>
#include <spawn.h>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;  // NOLINT: POSIX

namespace mock_aws {

class Mock {
public:
    // Starts `python3 <script> --config <config_json>` and waits for its port.
    static Mock start(const std::string& script, const std::string& config_json = "{}") {
        int fds[2];
        if (::pipe(fds) != 0) {
            throw std::runtime_error("mock_aws: pipe failed");
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
        posix_spawn_file_actions_addclose(&actions, fds[0]);
        std::string python = "python3";
        std::string config_flag = "--config";
        std::string script_copy = script;
        std::string config = config_json;
        char* argv[] = {python.data(), script_copy.data(), config_flag.data(), config.data(),
                        nullptr};
        pid_t pid = 0;
        const int rc = ::posix_spawnp(&pid, "python3", &actions, nullptr, argv, environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(fds[1]);
        if (rc != 0) {
            ::close(fds[0]);
            throw std::runtime_error("mock_aws: cannot run python3");
        }
        std::string line;
        char c = 0;
        while (::read(fds[0], &c, 1) == 1 && c != '\n') {
            line += c;
        }
        ::close(fds[0]);
        Mock mock;
        mock.pid_ = pid;
        try {
            mock.port_ = std::stoi(line);
        } catch (const std::exception&) {
            mock.stop();
            throw std::runtime_error("mock_aws: no port printed by " + script);
        }
        return mock;
    }

    static Mock attach(int port) {
        Mock mock;
        mock.port_ = port;
        return mock;
    }

    Mock(Mock&& other) noexcept : pid_(other.pid_), port_(other.port_) { other.pid_ = 0; }

    Mock(const Mock&) = delete;
    Mock& operator=(const Mock&) = delete;
    Mock& operator=(Mock&&) = delete;

    ~Mock() { stop(); }

    int port() const { return port_; }

    std::string url(const std::string& path = "") const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }

    void reset() const { control("POST", "/_mock/reset", ""); }

    void configure(const std::string& json) const { control("POST", "/_mock/config", json); }

    // Requests answered so far, all or those of one action ("GetClusterCredentials",
    // "AssumeRole", "ecs", "imds-token", ...).
    int count(const std::string& action = "") const {
        return std::stoi(
            control("GET", action.empty() ? "/_mock/count" : "/_mock/count?action=" + action, ""));
    }

    std::string requests() const { return control("GET", "/_mock/requests", ""); }

    // One control exchange; the body of a 200 answer, throws otherwise.
    std::string control(const std::string& method, const std::string& path,
                        const std::string& body) const {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0) {
            throw std::runtime_error("mock_aws: socket failed");
        }
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(port_));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
        if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            ::close(fd);
            throw std::runtime_error("mock_aws: cannot connect to port " + std::to_string(port_));
        }
        const std::string request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Connection: close\r\nContent-Length: "
                                    + std::to_string(body.size()) + "\r\n\r\n" + body;
        std::size_t sent = 0;
        while (sent < request.size()) {
            const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, 0);
            if (n <= 0) {
                break;
            }
            sent += static_cast<std::size_t>(n);
        }
        std::string answer;
        char buffer[4096];
        ssize_t got = 0;
        while ((got = ::recv(fd, buffer, sizeof buffer, 0)) > 0) {
            answer.append(buffer, static_cast<std::size_t>(got));
        }
        ::close(fd);
        const std::size_t split = answer.find("\r\n\r\n");
        if (!answer.starts_with("HTTP/1.") || answer.size() < 12 || answer.substr(9, 3) != "200"
            || split == std::string::npos) {
            throw std::runtime_error("mock_aws: " + method + " " + path
                                     + " failed: " + answer.substr(0, 200));
        }
        return answer.substr(split + 4);
    }

private:
    Mock() = default;

    void stop() {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            int status = 0;
            ::waitpid(pid_, &status, 0);
            pid_ = 0;
        }
    }

    pid_t pid_ = 0;
    int port_ = 0;
};

}  // namespace mock_aws
