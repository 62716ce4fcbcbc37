#pragma once
// AWS Signature Version 4 (IAM.md §4) as a pure function: the clock is an argument, nothing is
// read from the environment and nothing is sent. Checked byte for byte against the published
// AWS SigV4 test suite and the two Redshift vectors (tests/unit/auth_sigv4_test.cpp).
#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rsodbc::auth {

struct AwsCredentials {
    std::string access_key_id;
    std::string secret_access_key;
    std::string session_token;  // empty for long-term keys
};

struct HttpHeader {
    std::string name;
    std::string value;
};

struct SignableRequest {
    std::string method;
    std::string path = "/";  // decoded; every call the driver makes uses "/"
    std::vector<std::pair<std::string, std::string>> query;  // decoded keys and values, in order
    std::vector<HttpHeader> headers;                         // as sent, Host included
    std::string body;                                        // the exact bytes sent
};

struct SigningScope {
    std::string region;
    std::string service;  // redshift, redshift-serverless, sts
    std::chrono::system_clock::time_point now;
    bool normalize_path = true;  // remove . and .. segments and empty segments (not for S3)
};

struct SignedParts {
    std::string amz_date;  // YYYYMMDD'T'HHMMSS'Z'
    std::string canonical_request;
    std::string string_to_sign;
    std::string signed_headers;
    std::string signature;
    std::string authorization;
};

// Adds X-Amz-Date and, with a session token, X-Amz-Security-Token (both signed) to the request,
// then Authorization; returns every intermediate text for tests and for logging the
// canonical request (which holds no secret) when the server disagrees.
SignedParts sign_v4(SignableRequest& request, const AwsCredentials& credentials,
                    const SigningScope& scope);

// RFC 3986 unreserved bytes stay, everything else becomes %XX (upper-case hex); '/' stays only
// when keep_slash. Space is %20, never '+'. Used for the canonical request and for form bodies.
std::string uri_encode(std::string_view text, bool keep_slash = false);

std::string format_amz_date(std::chrono::system_clock::time_point when);

}  // namespace rsodbc::auth
