#include "wire/tls_probe.h"

#include <array>
#include <cstdint>
#include <memory>
#include <netdb.h>
#include <openssl/bio.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace rsodbc::wire {

namespace {

struct AddrInfoDeleter {
    void operator()(addrinfo* info) const noexcept { freeaddrinfo(info); }
};

struct SslCtxDeleter {
    void operator()(SSL_CTX* ctx) const noexcept { SSL_CTX_free(ctx); }
};

struct SslDeleter {
    void operator()(SSL* ssl) const noexcept { SSL_free(ssl); }
};

struct X509Deleter {
    void operator()(X509* cert) const noexcept { X509_free(cert); }
};

struct BioDeleter {
    void operator()(BIO* bio) const noexcept { BIO_free(bio); }
};

class Socket {
public:
    Socket() = default;
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    Socket(Socket&&) = delete;
    Socket& operator=(Socket&&) = delete;

    ~Socket() { reset(-1); }

    void reset(int fd) noexcept {
        if (fd_ >= 0) {
            close(fd_);
        }
        fd_ = fd;
    }

    [[nodiscard]] int fd() const { return fd_; }

private:
    int fd_ = -1;
};

// Blocking I/O bounded by the login timeout, so a probe can never hang the failed connect.
bool connect_tcp(Socket& socket_out, const std::string& host, const std::string& port,
                 int timeout_seconds) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* raw = nullptr;
    if (getaddrinfo(host.c_str(), port.c_str(), &hints, &raw) != 0) {
        return false;
    }
    const std::unique_ptr<addrinfo, AddrInfoDeleter> addresses(raw);
    timeval timeout{};
    timeout.tv_sec = timeout_seconds > 0 ? timeout_seconds : 10;
    for (const addrinfo* address = addresses.get(); address != nullptr;
         address = address->ai_next) {
        socket_out.reset(socket(address->ai_family, address->ai_socktype, address->ai_protocol));
        if (socket_out.fd() < 0) {
            continue;
        }
        setsockopt(socket_out.fd(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        setsockopt(socket_out.fd(), SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        if (connect(socket_out.fd(), address->ai_addr, address->ai_addrlen) == 0) {
            return true;
        }
    }
    socket_out.reset(-1);
    return false;
}

// PostgreSQL's SSLRequest (length 8, code 80877103); the server answers 'S' when it speaks TLS.
bool request_tls(int fd) {
    constexpr std::array<unsigned char, 8> request{0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f};
    if (send(fd, request.data(), request.size(), MSG_NOSIGNAL)
        != static_cast<ssize_t>(request.size())) {
        return false;
    }
    char answer = 0;
    return recv(fd, &answer, 1, 0) == 1 && answer == 'S';
}

std::string time_text(const ASN1_TIME* time) {
    const std::unique_ptr<BIO, BioDeleter> bio(BIO_new(BIO_s_mem()));
    if (bio == nullptr || time == nullptr || ASN1_TIME_print(bio.get(), time) != 1) {
        return {};
    }
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return length > 0 ? std::string(data, static_cast<std::size_t>(length)) : std::string();
}

}  // namespace

std::optional<CertificateVerdict> probe_certificate(const std::string& host,
                                                    const std::string& port,
                                                    const std::string& ca_file,
                                                    const std::string& crl_file,
                                                    int timeout_seconds) {
    Socket socket;
    if (!connect_tcp(socket, host, port, timeout_seconds) || !request_tls(socket.fd())) {
        return std::nullopt;
    }
    const std::unique_ptr<SSL_CTX, SslCtxDeleter> ctx(SSL_CTX_new(TLS_client_method()));
    if (ctx == nullptr) {
        return std::nullopt;
    }
    // SSL_VERIFY_NONE still runs the verification and records its result; the handshake just
    // does not stop on it, so the certificate can be looked at.
    SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr);
    if (!ca_file.empty()) {
        SSL_CTX_load_verify_locations(ctx.get(), ca_file.c_str(), nullptr);
    }
    if (!crl_file.empty()) {
        X509_STORE* store = SSL_CTX_get_cert_store(ctx.get());
        if (X509_LOOKUP* lookup = X509_STORE_add_lookup(store, X509_LOOKUP_file());
            lookup != nullptr
            && X509_load_crl_file(lookup, crl_file.c_str(), X509_FILETYPE_PEM) > 0) {
            X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
        }
    }
    const std::unique_ptr<SSL, SslDeleter> ssl(SSL_new(ctx.get()));
    if (ssl == nullptr || SSL_set_fd(ssl.get(), socket.fd()) != 1) {
        return std::nullopt;
    }
    SSL_set_tlsext_host_name(ssl.get(), host.c_str());
    if (SSL_connect(ssl.get()) != 1) {
        return std::nullopt;
    }
    CertificateVerdict verdict;
    verdict.code = SSL_get_verify_result(ssl.get());
    if (const std::unique_ptr<X509, X509Deleter> cert(SSL_get1_peer_certificate(ssl.get()));
        cert != nullptr) {
        verdict.not_after = time_text(X509_get0_notAfter(cert.get()));
    }
    SSL_shutdown(ssl.get());
    return verdict;
}

}  // namespace rsodbc::wire
