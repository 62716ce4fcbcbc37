// tcp_delay_relay: a loopback TCP forwarder that adds latency, for kernels without netem.
//
//   tcp_delay_relay --target HOST:PORT --rtt-ms MS [--port N] [--stats FILE]
//
// Listens on 127.0.0.1 (port 0 = any free one), prints "PORT <n>" on stdout once listening, and
// forwards every accepted connection to HOST:PORT. Each chunk read from either side is written to
// the other side MS/2 milliseconds after it was read, so a request/response pair takes MS more
// (the round trip); chunks keep their order, and throughput is not limited (a chunk in flight
// does not hold back the next one). With --rtt-ms 0 it only measures its own overhead.
// One thread, epoll; timers with nanosecond precision (epoll_pwait2). Runs until SIGTERM/SIGINT.
// --stats FILE: when a connection ends, appends "turns N" to FILE: how many times the client sent
// after the server had last spoken (or first), i.e. the round trips the client waited for. Sends
// that follow each other without an answer in between (a pipeline) count once.
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <memory>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

volatile std::sig_atomic_t stop = 0;

[[noreturn]] void die(const char* what) {
    std::fprintf(stderr, "tcp_delay_relay: %s: %s\n", what, std::strerror(errno));
    std::exit(1);
}

struct Chunk {
    Clock::time_point due;
    std::vector<char> data;
    std::size_t sent = 0;
};

struct Pair;

// One socket of a pair; `queue` holds what was read from the peer, to be written to this socket.
struct End {
    Pair* pair = nullptr;
    int fd = -1;
    std::deque<Chunk> queue;
    bool peer_eof = false;  // the peer closed its write side: shut ours down once drained
    bool shut_down = false;
    bool want_write = false;  // EPOLLOUT registered
    bool read_closed = false;
};

struct Pair {
    End end[2];
    bool dead = false;
    long turns = 0;  // client sends that followed server data (or came first)
    bool server_spoke_last = true;
};

int epfd = -1;
std::FILE* stats = nullptr;
Clock::duration half_delay{};

void set_nonblocking(int fd) {
    if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0)
        die("fcntl");
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

void update_events(End& e) {
    epoll_event ev{};
    ev.events = (e.read_closed ? 0u : EPOLLIN) | (e.want_write ? EPOLLOUT : 0u);
    ev.data.ptr = &e;
    epoll_ctl(epfd, EPOLL_CTL_MOD, e.fd, &ev);
}

void kill_pair(Pair& p) {
    if (p.dead)
        return;
    p.dead = true;
    if (stats != nullptr) {
        std::fprintf(stats, "turns %ld\n", p.turns);
        std::fflush(stats);
    }
    for (End& e : p.end) {
        epoll_ctl(epfd, EPOLL_CTL_DEL, e.fd, nullptr);
        close(e.fd);
        e.queue.clear();
    }
}

bool pair_finished(const Pair& p) {
    return p.end[0].shut_down && p.end[1].shut_down;
}

// Writes the due chunks queued for `e`. Returns false when the pair died.
bool flush(End& e, Clock::time_point now) {
    while (!e.queue.empty() && e.queue.front().due <= now) {
        Chunk& c = e.queue.front();
        ssize_t n = send(e.fd, c.data.data() + c.sent, c.data.size() - c.sent, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                if (!e.want_write) {
                    e.want_write = true;
                    update_events(e);
                }
                return true;
            }
            kill_pair(*e.pair);
            return false;
        }
        c.sent += static_cast<std::size_t>(n);
        if (c.sent == c.data.size())
            e.queue.pop_front();
    }
    if (e.want_write) {
        e.want_write = false;
        update_events(e);
    }
    if (e.queue.empty() && e.peer_eof && !e.shut_down) {
        shutdown(e.fd, SHUT_WR);
        e.shut_down = true;
        if (pair_finished(*e.pair))
            kill_pair(*e.pair);
    }
    return true;
}

void on_readable(End& from) {
    Pair& p = *from.pair;
    End& to = p.end[&from == &p.end[0] ? 1 : 0];
    char buf[65536];
    for (;;) {
        ssize_t n = recv(from.fd, buf, sizeof buf, 0);
        if (n > 0) {
            const bool from_client = &from == &p.end[0];
            if (from_client && p.server_spoke_last)
                ++p.turns;
            p.server_spoke_last = !from_client;
            to.queue.push_back(
                Chunk{Clock::now() + half_delay, std::vector<char>(buf, buf + n), 0});
            if (static_cast<std::size_t>(n) < sizeof buf)
                break;
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (n < 0) {
            kill_pair(p);
            return;
        }
        to.peer_eof = true;  // orderly close: forward it once the queue drains
        from.read_closed = true;
        update_events(from);
        break;
    }
    flush(to, Clock::now());
}

void accept_all(int listener, const sockaddr_storage& target, socklen_t target_len,
                std::vector<std::unique_ptr<Pair>>& pairs) {
    for (;;) {
        int client = accept(listener, nullptr, nullptr);
        if (client < 0)
            return;
        int server = socket(target.ss_family, SOCK_STREAM, 0);
        if (server < 0
            || connect(server, reinterpret_cast<const sockaddr*>(&target), target_len) < 0) {
            std::fprintf(stderr, "tcp_delay_relay: connect to target: %s\n", std::strerror(errno));
            close(client);
            if (server >= 0)
                close(server);
            continue;
        }
        set_nonblocking(client);
        set_nonblocking(server);
        auto p = std::make_unique<Pair>();
        p->end[0].fd = client;
        p->end[1].fd = server;
        for (End& e : p->end) {
            e.pair = p.get();
            epoll_event ev{};
            ev.events = EPOLLIN;
            ev.data.ptr = &e;
            if (epoll_ctl(epfd, EPOLL_CTL_ADD, e.fd, &ev) < 0)
                die("epoll_ctl");
        }
        pairs.push_back(std::move(p));
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::string target_arg;
    double rtt_ms = -1;
    int port = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string k = argv[i];
        if (k == "--target")
            target_arg = argv[i + 1];
        else if (k == "--rtt-ms")
            rtt_ms = std::atof(argv[i + 1]);
        else if (k == "--port")
            port = std::atoi(argv[i + 1]);
        else if (k == "--stats" && (stats = std::fopen(argv[i + 1], "a")) == nullptr)
            die("--stats");
    }
    const auto colon = target_arg.rfind(':');
    if (colon == std::string::npos || rtt_ms < 0 || argc % 2 == 0) {
        std::fputs(
            "usage: tcp_delay_relay --target HOST:PORT --rtt-ms MS [--port N] [--stats FILE]\n",
            stderr);
        return 2;
    }
    half_delay = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double, std::milli>(rtt_ms / 2));

    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* ai = nullptr;
    if (getaddrinfo(target_arg.substr(0, colon).c_str(), target_arg.substr(colon + 1).c_str(),
                    &hints, &ai)
            != 0
        || ai == nullptr) {
        std::fprintf(stderr, "tcp_delay_relay: cannot resolve %s\n", target_arg.c_str());
        return 1;
    }
    sockaddr_storage target{};
    std::memcpy(&target, ai->ai_addr, ai->ai_addrlen);
    const auto target_len = static_cast<socklen_t>(ai->ai_addrlen);
    freeaddrinfo(ai);

    int listener = socket(AF_INET, SOCK_STREAM, 0);
    if (listener < 0)
        die("socket");
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    if (bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0)
        die("bind");
    if (listen(listener, 128) < 0)
        die("listen");
    socklen_t len = sizeof addr;
    getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len);
    fcntl(listener, F_SETFL, fcntl(listener, F_GETFL) | O_NONBLOCK);

    epfd = epoll_create1(0);
    if (epfd < 0)
        die("epoll_create1");
    epoll_event lev{};
    lev.events = EPOLLIN;
    lev.data.ptr = nullptr;
    epoll_ctl(epfd, EPOLL_CTL_ADD, listener, &lev);

    std::signal(SIGTERM, [](int) { stop = 1; });
    std::signal(SIGINT, [](int) { stop = 1; });
    std::printf("PORT %d\n", ntohs(addr.sin_port));
    std::fflush(stdout);

    std::vector<std::unique_ptr<Pair>> pairs;
    std::vector<epoll_event> events(64);
    while (!stop) {
        // Sleep until the earliest queued chunk is due (or an event arrives).
        Clock::time_point next = Clock::time_point::max();
        for (const auto& p : pairs) {
            for (const End& e : p->end) {
                if (!e.queue.empty() && !e.want_write && e.queue.front().due < next)
                    next = e.queue.front().due;
            }
        }
        timespec ts{};
        timespec* timeout = nullptr;
        if (next != Clock::time_point::max()) {
            const auto wait = std::max(Clock::duration::zero(), next - Clock::now());
            const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(wait).count();
            ts.tv_sec = static_cast<time_t>(ns / 1000000000);
            ts.tv_nsec = static_cast<long>(ns % 1000000000);
            timeout = &ts;
        }
        int n =
            epoll_pwait2(epfd, events.data(), static_cast<int>(events.size()), timeout, nullptr);
        if (n < 0 && errno != EINTR)
            die("epoll_pwait2");
        for (int i = 0; i < n; ++i) {
            if (events[i].data.ptr == nullptr) {
                accept_all(listener, target, target_len, pairs);
                continue;
            }
            End& e = *static_cast<End*>(events[i].data.ptr);
            if (e.pair->dead)
                continue;
            if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR))
                on_readable(e);
            if (!e.pair->dead && (events[i].events & EPOLLOUT))
                flush(e, Clock::now());
        }
        const auto now = Clock::now();
        for (auto& p : pairs) {
            for (End& e : p->end) {
                if (!p->dead && !e.want_write)
                    flush(e, now);
            }
        }
        std::erase_if(pairs, [](const auto& p) { return p->dead; });
    }
    return 0;
}
