#pragma once
// One signed (or unsigned) call to an AWS API: builds the request, signs it with SigV4, sends
// it, and turns an AWS error answer (Query XML or JSON 1.1, shared/IAM.md §3.4) into an
// AuthError whose message carries the AWS error code, message and RequestId.
#include "auth/auth_error.h"
#include "auth/http_client.h"
#include "auth/sigv4.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rsodbc::auth {

using Clock = std::chrono::system_clock;

struct AwsCall {
    std::string url;      // https://service.region.amazonaws.com or an override
    std::string region;   // signing region
    std::string service;  // signing service name
    std::string content_type;
    std::string target;  // X-Amz-Target for JSON calls, else empty
    std::string body;
    std::string what;  // "GetClusterCredentials", for messages
};

// Sends the call; credentials == nullptr sends it unsigned (AssumeRoleWithWebIdentity).
// Returns the body of a 2xx answer, throws AuthError otherwise.
std::string send_aws_call(const AwsCall& call, const AwsCredentials* credentials,
                          const HttpOptions& options, Clock::time_point now);

// application/x-www-form-urlencoded body in the given order, values encoded as SigV4 does.
std::string form_body(const std::vector<std::pair<std::string, std::string>>& fields);

// ISO-8601 UTC ("2016-12-08T21:12:53.123Z", "...+00:00") to a time point; nullopt otherwise.
std::optional<Clock::time_point> parse_iso8601(std::string_view text);

// The https URL of an AWS service in a region ("amazonaws.com.cn" for the China partition).
std::string service_url(std::string_view service_host_prefix, std::string_view region);

// An AWS error answer as one message: "<What> failed: <Code>: <Message> (HTTP 403, RequestId
// ...)". Exposed for tests and the fuzzer. Classifies credential/permission codes as
// AuthFailure::credentials, others as service.
AuthError aws_error(std::string_view what, long status, std::string_view body,
                    std::string_view request_id_header, std::string_view error_type_header);

}  // namespace rsodbc::auth
