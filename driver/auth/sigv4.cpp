#include "auth/sigv4.h"

#include "auth/crypto.h"

#include <algorithm>
#include <array>
#include <ctime>
#include <map>

namespace rsodbc::auth {

namespace {

constexpr std::string_view algorithm = "AWS4-HMAC-SHA256";

char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
    return out;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Trim both ends and collapse inner whitespace runs (folded lines included) to one space.
std::string trim_all(std::string_view value) {
    std::string out;
    bool pending_space = false;
    for (char c : value) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out.push_back(' ');
            pending_space = false;
        }
        out.push_back(c);
    }
    return out;
}

// Headers a proxy or the transport may change without the client's say: never signed, as in
// botocore's SIGNED_HEADERS_BLACKLIST.
bool is_unsignable(std::string_view lower_name) {
    static constexpr std::array<std::string_view, 6> names{
        "authorization", "user-agent",        "expect",
        "connection",    "transfer-encoding", "x-amzn-trace-id"};
    return std::find(names.begin(), names.end(), lower_name) != names.end();
}

// RFC 3986 section 5.2.4 dot-segment removal plus collapsing of empty segments, which the
// suite's "normalized" cases expect; a trailing slash is kept.
std::string normalize(std::string_view path) {
    std::vector<std::string_view> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) {
            end = path.size();
        }
        const std::string_view segment = path.substr(start, end - start);
        if (segment == "..") {
            if (!segments.empty()) {
                segments.pop_back();
            }
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = end + 1;
    }
    const bool trailing_slash =
        !segments.empty() && (path.ends_with('/') || path.ends_with("/.") || path.ends_with("/.."));
    std::string out;
    for (std::string_view segment : segments) {
        out.push_back('/');
        out.append(segment);
    }
    if (out.empty() || trailing_slash) {
        out.push_back('/');
    }
    return out;
}

std::string canonical_query(const std::vector<std::pair<std::string, std::string>>& query) {
    std::vector<std::pair<std::string, std::string>> encoded;
    encoded.reserve(query.size());
    for (const auto& [key, value] : query) {
        encoded.emplace_back(uri_encode(key), uri_encode(value));
    }
    std::sort(encoded.begin(), encoded.end());
    std::string out;
    for (const auto& [key, value] : encoded) {
        if (!out.empty()) {
            out.push_back('&');
        }
        out.append(key).append("=").append(value);
    }
    return out;
}

struct CanonicalHeaders {
    std::string text;          // "name:value\n" lines
    std::string signed_names;  // "a;b;c"
};

// Sorted by lower-case name; repeated headers join their values with ',' in the order sent.
CanonicalHeaders canonical_headers(const std::vector<HttpHeader>& headers) {
    std::map<std::string, std::string> joined;
    for (const HttpHeader& header : headers) {
        std::string name = lower(header.name);
        if (is_unsignable(name)) {
            continue;
        }
        auto [it, inserted] = joined.try_emplace(std::move(name), trim_all(header.value));
        if (!inserted) {
            it->second.append(",").append(trim_all(header.value));
        }
    }
    CanonicalHeaders out;
    for (const auto& [name, value] : joined) {
        out.text.append(name).append(":").append(value).append("\n");
        if (!out.signed_names.empty()) {
            out.signed_names.push_back(';');
        }
        out.signed_names.append(name);
    }
    return out;
}

bool has_header(const std::vector<HttpHeader>& headers, std::string_view lower_name) {
    return std::any_of(headers.begin(), headers.end(),
                       [&](const HttpHeader& h) { return lower(h.name) == lower_name; });
}

}  // namespace

std::string uri_encode(std::string_view text, bool keep_slash) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                                || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
                                || c == '~' || (keep_slash && c == '/');
        if (unreserved) {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(digits[byte >> 4U]);
            out.push_back(digits[byte & 0x0FU]);
        }
    }
    return out;
}

std::string format_amz_date(std::chrono::system_clock::time_point when) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::array<char, 17> text{};
    std::strftime(text.data(), text.size(), "%Y%m%dT%H%M%SZ", &utc);
    return {text.data()};
}

SignedParts sign_v4(SignableRequest& request, const AwsCredentials& credentials,
                    const SigningScope& scope) {
    SignedParts parts;
    parts.amz_date = format_amz_date(scope.now);
    const std::string date = parts.amz_date.substr(0, 8);
    request.headers.push_back({"X-Amz-Date", parts.amz_date});
    // The token is signed: STS and Redshift reject a token added after signing
    // (suite case post-sts-header-before).
    if (!credentials.session_token.empty()
        && !has_header(request.headers, "x-amz-security-token")) {
        request.headers.push_back({"X-Amz-Security-Token", credentials.session_token});
    }

    const std::string path = scope.normalize_path ? normalize(request.path) : request.path;
    const CanonicalHeaders headers = canonical_headers(request.headers);
    parts.signed_headers = headers.signed_names;
    parts.canonical_request = request.method + "\n" + uri_encode(path, true) + "\n"
                              + canonical_query(request.query) + "\n" + headers.text + "\n"
                              + headers.signed_names + "\n" + hex(sha256(request.body));

    const std::string credential_scope =
        date + "/" + scope.region + "/" + scope.service + "/aws4_request";
    parts.string_to_sign = std::string(algorithm) + "\n" + parts.amz_date + "\n" + credential_scope
                           + "\n" + hex(sha256(parts.canonical_request));

    const Digest k_date = hmac_sha256("AWS4" + credentials.secret_access_key, date);
    const Digest k_region = hmac_sha256(as_text(k_date), scope.region);
    const Digest k_service = hmac_sha256(as_text(k_region), scope.service);
    const Digest k_signing = hmac_sha256(as_text(k_service), "aws4_request");
    parts.signature = hex(hmac_sha256(as_text(k_signing), parts.string_to_sign));

    parts.authorization = std::string(algorithm) + " Credential=" + credentials.access_key_id + "/"
                          + credential_scope + ", SignedHeaders=" + headers.signed_names
                          + ", Signature=" + parts.signature;
    request.headers.push_back({"Authorization", parts.authorization});
    return parts;
}

}  // namespace rsodbc::auth
