#pragma once
// Why a server's certificate failed verification. libpq 15 reports every such failure as "SSL
// error: certificate verify failed", which does not tell an expired certificate from an untrusted
// CA; on that failure only, a second handshake with the same trust settings asks OpenSSL for its
// verdict.
#include <optional>
#include <string>

namespace rsodbc::wire {

struct CertificateVerdict {
    long code = 0;  // OpenSSL's X509_V_* result (X509_V_OK when the chain verified)
    std::string
        not_after;  // the server certificate's end of validity, e.g. "Dec  3 12:42:17 2026 GMT"
};

// TCP connect to host:port, PostgreSQL's SSLRequest, a TLS handshake that verifies the chain
// against `ca_file` (and `crl_file` when not empty) without stopping on failure. Empty when the
// server could not be reached, refused TLS or the handshake failed for another reason.
std::optional<CertificateVerdict> probe_certificate(const std::string& host,
                                                    const std::string& port,
                                                    const std::string& ca_file,
                                                    const std::string& crl_file,
                                                    int timeout_seconds);

}  // namespace rsodbc::wire
