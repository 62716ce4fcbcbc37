#include "auth/http_client.h"

#include "auth/auth_error.h"

#include <array>
#include <curl/curl.h>
#include <memory>
#include <mutex>

namespace rsodbc::auth {

namespace {

struct CurlDeleter {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};

struct SlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

using CurlPtr = std::unique_ptr<CURL, CurlDeleter>;
using SlistPtr = std::unique_ptr<curl_slist, SlistDeleter>;

// curl_global_init is not thread-safe before libcurl 7.84 and must run once per process.
void init_curl_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* headers = static_cast<std::vector<HttpHeader>*>(user);
    std::string_view line(data, size * count);
    const std::size_t colon = line.find(':');
    if (line.starts_with("HTTP/")) {
        headers->clear();  // a new response (after a 100 Continue or a redirect)
    } else if (colon != std::string_view::npos) {
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
            value.remove_prefix(1);
        }
        while (!value.empty()
               && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
            value.remove_suffix(1);
        }
        headers->push_back({lower(line.substr(0, colon)), std::string(value)});
    }
    return size * count;
}

bool is_loopback(std::string_view host) {
    return host == "localhost" || host.starts_with("127.") || host == "::1";
}

bool is_link_local(std::string_view host) {
    return host.starts_with("169.254.") || host.starts_with("fd00:ec2::");
}

}  // namespace

std::string HttpResponse::header(std::string_view name) const {
    for (const HttpHeader& entry : headers) {
        if (entry.name == name) {
            return entry.value;
        }
    }
    return {};
}

UrlParts parse_url(std::string_view url, bool allow_link_local) {
    UrlParts parts;
    const std::size_t scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) {
        throw AuthError(AuthFailure::settings,
                        "invalid URL '" + std::string(url) + "': expected https://host[:port]");
    }
    parts.scheme = lower(url.substr(0, scheme_end));
    std::string_view rest = url.substr(scheme_end + 3);
    const std::size_t path_start = rest.find('/');
    std::string_view authority = rest.substr(0, path_start);
    parts.path = path_start == std::string_view::npos ? "/" : std::string(rest.substr(path_start));
    parts.host_header = lower(authority);
    if (authority.starts_with('[')) {
        parts.host = lower(authority.substr(1, authority.find(']') - 1));
    } else {
        parts.host = lower(authority.substr(0, authority.find(':')));
    }
    if (parts.host.empty() || authority.find('@') != std::string_view::npos) {
        throw AuthError(AuthFailure::settings,
                        "invalid URL '" + std::string(url) + "': expected https://host[:port]");
    }
    if (parts.scheme == "https") {
        return parts;
    }
    if (parts.scheme == "http"
        && (is_loopback(parts.host) || (allow_link_local && is_link_local(parts.host)))) {
        return parts;
    }
    throw AuthError(AuthFailure::settings,
                    "refusing URL '" + std::string(url)
                        + "': AWS calls carry credentials and use https (http only to a "
                          "loopback address, for tests)");
}

HttpResponse http_send(const HttpRequest& request, const HttpOptions& options) {
    const UrlParts parts = parse_url(request.url, options.allow_link_local);
    init_curl_once();
    CurlPtr curl(curl_easy_init());
    if (!curl) {
        throw AuthError(AuthFailure::network, "cannot start an HTTP request (libcurl)");
    }
    CURL* handle = curl.get();
    HttpResponse response;
    SlistPtr header_list;
    auto add_header = [&](const std::string& line) {
        curl_slist* grown = curl_slist_append(header_list.get(), line.c_str());
        if (grown == nullptr) {
            throw AuthError(AuthFailure::network, "out of memory building an HTTP request");
        }
        static_cast<void>(header_list.release());
        header_list.reset(grown);
    };
    for (const HttpHeader& header : request.headers) {
        add_header(header.name + ": " + header.value);
    }
    add_header("Expect:");  // no 100-continue round trip
    std::array<char, CURL_ERROR_SIZE> error_text{};
    curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error_text.data());
    curl_easy_setopt(handle, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(handle, CURLOPT_TIMEOUT, static_cast<long>(options.timeout_seconds));
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, static_cast<long>(options.timeout_seconds));
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, header_list.get());
    curl_easy_setopt(handle, CURLOPT_USERAGENT, "redshift-odbc/" RSODBC_VERSION);
    if (request.method == "POST") {
        curl_easy_setopt(handle, CURLOPT_POST, 1L);
        curl_easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
    } else if (request.method != "GET") {
        curl_easy_setopt(handle, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
    if (!options.ca_file.empty()) {
        curl_easy_setopt(handle, CURLOPT_CAINFO, options.ca_file.c_str());
    }
    if (!options.proxy_host.empty()) {
        curl_easy_setopt(handle, CURLOPT_PROXY, options.proxy_host.c_str());
        if (options.proxy_port != 0) {
            curl_easy_setopt(handle, CURLOPT_PROXYPORT, static_cast<long>(options.proxy_port));
        }
        if (!options.proxy_user.empty()) {
            curl_easy_setopt(handle, CURLOPT_PROXYUSERNAME, options.proxy_user.c_str());
            curl_easy_setopt(handle, CURLOPT_PROXYPASSWORD, options.proxy_password.c_str());
        }
    }
    if (parts.scheme == "http") {
        curl_easy_setopt(handle, CURLOPT_PROXY, "");  // loopback/metadata: never via a proxy
    }
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(handle, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(handle, CURLOPT_HEADERDATA, &response.headers);
    const CURLcode code = curl_easy_perform(handle);
    if (code != CURLE_OK) {
        const std::string reason =
            error_text[0] != '\0' ? error_text.data() : curl_easy_strerror(code);
        throw AuthError(AuthFailure::network, "HTTP request to " + parts.scheme + "://"
                                                  + parts.host_header + " failed: " + reason);
    }
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

}  // namespace rsodbc::auth
