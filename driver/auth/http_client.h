#pragma once
// One HTTP exchange over libcurl, for the AWS calls of the IAM flow. https to any host; plain
// http only to a loopback address (the tests' mock endpoints, EC2/ECS metadata addresses are
// allowed by the caller through allow_link_local). Transport failures throw
// AuthError(network) with libcurl's reason; HTTP error statuses are returned, not thrown.
#include "auth/sigv4.h"

#include <string>
#include <vector>

namespace rsodbc::auth {

struct HttpOptions {
    int timeout_seconds = 60;  // whole exchange, connection included
    std::string ca_file;       // empty: the system's CA store
    std::string proxy_host;    // empty: libcurl's https_proxy environment handling
    int proxy_port = 0;
    std::string proxy_user;
    std::string proxy_password;
    bool allow_link_local = false;  // http://169.254.x.x (instance and container metadata)
};

struct HttpRequest {
    std::string method = "POST";
    std::string url;
    std::vector<HttpHeader> headers;  // Host is derived from the URL by libcurl unless given
    std::string body;
};

struct HttpResponse {
    long status = 0;
    std::vector<HttpHeader> headers;  // names lower-cased
    std::string body;

    // The first header of that (lower-case) name, or empty.
    std::string header(std::string_view name) const;
};

HttpResponse http_send(const HttpRequest& request, const HttpOptions& options);

// The scheme://host[:port] parts of a URL, and the Host header value SigV4 signs (port included
// only when the URL gives one). Throws AuthError(settings) for a URL that is not http(s) or that
// uses http to a host that is not loopback (or link-local when allowed).
struct UrlParts {
    std::string scheme;
    std::string host;  // without brackets for IPv6
    std::string host_header;
    std::string path;  // "/" when absent
};

UrlParts parse_url(std::string_view url, bool allow_link_local = false);

}  // namespace rsodbc::auth
