#include "wire/connect_failure.h"

#include "wire/session.h"
#include "wire/tls_probe.h"

#include <openssl/x509_vfy.h>

namespace rsodbc::wire {

namespace {

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

std::string first_of_list(const std::string& list) {
    return list.substr(0, list.find(','));  // libpq takes comma-separated hosts and ports
}

std::string certificate_cause(const ConnectParams& params, const std::string& root_cert) {
    const std::string host = first_of_list(params.host);
    const std::string port = params.port.empty() ? "5432" : first_of_list(params.port);
    const std::string trusted = root_cert.empty() ? "libpq's default CA file" : root_cert;
    const auto verdict = host.empty() || host.front() == '/'
                             ? std::nullopt
                             : probe_certificate(host, port, root_cert, params.sslcrl,
                                                 params.connect_timeout_seconds);
    if (!verdict) {
        return "the server's certificate failed verification (expired, revoked, or not issued by "
               "a certificate authority in "
               + trusted + ")";
    }
    switch (verdict->code) {
        case X509_V_ERR_CERT_HAS_EXPIRED:
            return "the server's certificate has expired (valid until " + verdict->not_after
                   + "); the server needs a new certificate";
        case X509_V_ERR_CERT_NOT_YET_VALID:
            return "the server's certificate is not valid yet (check this machine's clock)";
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
        case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
        case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
        case X509_V_ERR_CERT_UNTRUSTED:
            return "the server's certificate is not issued by a certificate authority this client "
                   "trusts (trusted: "
                   + trusted + "); name the CA that issued it with SSLRootCert";
        case X509_V_ERR_CERT_REVOKED:
            return "the server's certificate has been revoked (SSLCrl)";
        default:
            return std::string("the server's certificate failed verification: ")
                   + X509_verify_cert_error_string(verdict->code);
    }
}

std::string plain_cause(std::string_view message, const ConnectParams& params,
                        const std::string& root_cert) {
    if (contains(message, "certificate verify failed")) {
        return certificate_cause(params, root_cert);
    }
    if (contains(message, "does not match host name")) {
        return "the server's certificate does not name the host connected to (SSLMode=verify-full "
               "checks the name; connect with a name the certificate lists, or use verify-ca)";
    }
    if (contains(message, "server does not support SSL")) {
        return "the server does not accept TLS connections, and SSLMode=" + params.sslmode
               + " requires TLS";
    }
    if (contains(message, "alert protocol version") || contains(message, "unsupported protocol")
        || contains(message, "no protocols available")) {
        return "the server and this client have no TLS version in common (Min_TLS asks for "
               + (params.ssl_min_protocol_version.empty() ? std::string("TLSv1.2")
                                                          : params.ssl_min_protocol_version)
               + " or later)";
    }
    return {};
}

}  // namespace

std::string explain_connect_failure(std::string_view libpq_message, const ConnectParams& params,
                                    const std::string& root_cert) {
    const std::string cause = plain_cause(libpq_message, params, root_cert);
    if (cause.empty()) {
        return std::string(libpq_message);
    }
    return "TLS: " + cause + " (libpq: " + std::string(libpq_message) + ")";
}

}  // namespace rsodbc::wire
