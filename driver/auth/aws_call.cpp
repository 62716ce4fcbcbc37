#include "auth/aws_call.h"

#include "auth/auth_error.h"
#include "auth/xml_reader.h"
#include "log/logger.h"

#include <array>
#include <charconv>
#include <ctime>
#include <nlohmann/json.hpp>

namespace rsodbc::auth {

namespace {

// Codes that mean "these credentials cannot do this" (shared/IAM.md §3.4): SQLSTATE 28000.
bool is_credentials_code(std::string_view code) {
    static constexpr std::array<std::string_view, 14> codes{"InvalidClientTokenId",
                                                            "SignatureDoesNotMatch",
                                                            "InvalidSignatureException",
                                                            "AccessDenied",
                                                            "AccessDeniedException",
                                                            "ExpiredToken",
                                                            "ExpiredTokenException",
                                                            "IncompleteSignature",
                                                            "MissingAuthenticationToken",
                                                            "UnrecognizedClientException",
                                                            "InvalidIdentityToken",
                                                            "IDPRejectedClaim",
                                                            "AuthFailure",
                                                            "UnauthorizedOperation"};
    for (std::string_view known : codes) {
        if (code == known) {
            return true;
        }
    }
    return false;
}

int digits(std::string_view text, std::size_t pos, std::size_t count, bool& ok) {
    int value = 0;
    if (pos + count > text.size()) {
        ok = false;
        return 0;
    }
    const auto [ptr, error] = std::from_chars(text.data() + pos, text.data() + pos + count, value);
    if (error != std::errc() || ptr != text.data() + pos + count) {
        ok = false;
    }
    return value;
}

}  // namespace

std::string form_body(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string body;
    for (const auto& [key, value] : fields) {
        if (!body.empty()) {
            body += '&';
        }
        body += uri_encode(key) + '=' + uri_encode(value);
    }
    return body;
}

std::optional<Clock::time_point> parse_iso8601(std::string_view text) {
    // YYYY-MM-DDTHH:MM:SS[.fraction](Z|+00:00)
    bool ok = text.size() >= 20 && text[4] == '-' && text[7] == '-'
              && (text[10] == 'T' || text[10] == 't' || text[10] == ' ') && text[13] == ':'
              && text[16] == ':';
    if (!ok) {
        return std::nullopt;
    }
    std::tm tm{};
    tm.tm_year = digits(text, 0, 4, ok) - 1900;
    tm.tm_mon = digits(text, 5, 2, ok) - 1;
    tm.tm_mday = digits(text, 8, 2, ok);
    tm.tm_hour = digits(text, 11, 2, ok);
    tm.tm_min = digits(text, 14, 2, ok);
    tm.tm_sec = digits(text, 17, 2, ok);
    std::size_t pos = 19;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            ++pos;
        }
    }
    const std::string_view zone = text.substr(pos);
    if (!ok || !(zone == "Z" || zone == "z" || zone == "+00:00" || zone == "-00:00")
        || tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23
        || tm.tm_min > 59 || tm.tm_sec > 60) {
        return std::nullopt;
    }
    return Clock::from_time_t(timegm(&tm));
}

std::string service_url(std::string_view service_host_prefix, std::string_view region) {
    const bool china = region.starts_with("cn-");
    return "https://" + std::string(service_host_prefix) + "." + std::string(region)
           + (china ? ".amazonaws.com.cn" : ".amazonaws.com");
}

AuthError aws_error(std::string_view what, long status, std::string_view body,
                    std::string_view request_id_header, std::string_view error_type_header) {
    std::string code;
    std::string message;
    std::string request_id(request_id_header);
    if (const auto xml = parse_xml(body)) {
        code = xml->find_text("Code");
        message = xml->find_text("Message");
        if (request_id.empty()) {
            request_id = xml->find_text("RequestId");
        }
    } else {
        const nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
        if (json.is_object()) {
            for (const char* key : {"__type", "code", "Code"}) {
                if (auto it = json.find(key); it != json.end() && it->is_string()) {
                    code = it->get<std::string>();
                    break;
                }
            }
            for (const char* key : {"message", "Message"}) {
                if (auto it = json.find(key); it != json.end() && it->is_string()) {
                    message = it->get<std::string>();
                    break;
                }
            }
        }
    }
    if (code.empty()) {
        code = std::string(error_type_header);
    }
    // JSON error types may be "namespace#Name" or carry ":suffix".
    if (const std::size_t hash = code.rfind('#'); hash != std::string::npos) {
        code.erase(0, hash + 1);
    }
    if (const std::size_t colon = code.find(':'); colon != std::string::npos) {
        code.erase(colon);
    }
    std::string text = std::string(what) + " failed: ";
    if (code.empty()) {
        text += "unexpected answer";
    } else {
        text += code;
    }
    if (!message.empty()) {
        text += ": " + message;
    }
    text += " (HTTP " + std::to_string(status);
    if (!request_id.empty()) {
        text += ", RequestId " + request_id;
    }
    text += ")";
    const AuthFailure failure = is_credentials_code(code)       ? AuthFailure::credentials
                                : code.empty() && status >= 500 ? AuthFailure::network
                                                                : AuthFailure::service;
    return {failure, text};
}

std::string send_aws_call(const AwsCall& call, const AwsCredentials* credentials,
                          const HttpOptions& options, Clock::time_point now) {
    const UrlParts parts = parse_url(call.url);
    SignableRequest signable;
    signable.method = "POST";
    signable.path = parts.path;
    signable.headers.push_back({"Host", parts.host_header});
    signable.headers.push_back({"Content-Type", call.content_type});
    if (!call.target.empty()) {
        signable.headers.push_back({"X-Amz-Target", call.target});
    }
    signable.body = call.body;
    if (credentials != nullptr) {
        SigningScope scope{call.region, call.service, now};
        const SignedParts signed_parts = sign_v4(signable, *credentials, scope);
        RSODBC_LOG(debug, "{}: signed {} for {} in {} with key {}", call.what, call.url,
                   call.service, call.region, credentials->access_key_id);
        static_cast<void>(signed_parts);
    }
    HttpRequest request;
    request.url = call.url;
    request.headers = std::move(signable.headers);
    request.body = call.body;
    const HttpResponse response = http_send(request, options);
    if (response.status >= 200 && response.status < 300) {
        return response.body;
    }
    throw aws_error(call.what, response.status, response.body, response.header("x-amzn-requestid"),
                    response.header("x-amzn-errortype"));
}

}  // namespace rsodbc::auth
