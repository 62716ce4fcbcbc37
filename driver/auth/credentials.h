#pragma once
// The AWS credential chain of the IAM flow (shared/IAM.md §5), in this order:
//   AuthType=Static or AccessKeyID/SecretAccessKey   -> those keys
//   AuthType=InstanceProfile or InstanceProfile=1    -> EC2 instance metadata (IMDSv2)
//   AuthType=Profile or Profile=name                 -> that profile of the shared files
//   otherwise the default chain: environment keys -> web identity (AWS_WEB_IDENTITY_TOKEN_FILE)
//   -> shared files profile (AWS_PROFILE, AWS_DEFAULT_PROFILE, default) -> ECS container
//   -> EC2 instance metadata (unless AWS_EC2_METADATA_DISABLED=true).
// A profile may hold static keys, role_arn + source_profile | credential_source (STS
// AssumeRole), role_arn + web_identity_token_file, or credential_process.
#include "auth/aws_call.h"
#include "auth/sigv4.h"
#include "config/settings.h"

#include <functional>
#include <optional>
#include <string>

namespace rsodbc::auth {

struct ProviderContext {
    // Reads an environment variable, "" when unset (tests pass a scrubbed one).
    std::function<std::string(const char*)> env;
    HttpOptions http;
    std::string sts_endpoint_url;  // empty: https://sts.<region>.amazonaws.com
    std::string region;            // STS region
    Clock::time_point now;
};

struct ResolvedCredentials {
    AwsCredentials keys;
    std::optional<Clock::time_point> expiration;
    std::string source;  // "static keys", "profile 'x'", "instance metadata"... for messages
};

// The process environment, as ProviderContext::env.
std::string process_env(const char* name);

// Throws AuthError(credentials) when no provider has credentials, naming what was tried.
ResolvedCredentials resolve_credentials(const config::IamSettings& iam,
                                        const ProviderContext& context);

// Without network: a stable text naming where the credentials will come from and, for keys
// given in the connection string or environment, a hash of them; the cache key's first part.
std::string credential_identity(const config::IamSettings& iam, const ProviderContext& context);

// The individual providers, for tests.
std::optional<ResolvedCredentials> environment_credentials(const ProviderContext& context);
ResolvedCredentials profile_credentials(const std::string& name, const ProviderContext& context);
ResolvedCredentials process_credentials(const std::string& command);
ResolvedCredentials web_identity_credentials(const std::string& token_file,
                                             const std::string& role_arn,
                                             const std::string& session_name,
                                             const ProviderContext& context);
ResolvedCredentials container_credentials(const ProviderContext& context);
ResolvedCredentials instance_metadata_credentials(const ProviderContext& context);
ResolvedCredentials assume_role(const ResolvedCredentials& source, const std::string& role_arn,
                                const std::string& session_name, const std::string& external_id,
                                const ProviderContext& context);

}  // namespace rsodbc::auth
