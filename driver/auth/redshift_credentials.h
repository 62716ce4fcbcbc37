#pragma once
// The three calls that turn AWS credentials into a temporary database user and password
// (shared/IAM.md §3.1-3.3): GetClusterCredentials, GetClusterCredentialsWithIAM and
// redshift-serverless GetCredentials.
#include "auth/aws_call.h"
#include "auth/credentials.h"
#include "auth/iam_target.h"

#include <string>
#include <string_view>

namespace rsodbc::auth {

struct DatabaseCredentials {
    std::string user;  // verbatim, e.g. IAM:alice, IAMA:alice:group, IAMR:role
    std::string password;
    Clock::time_point expiration;
};

// The request of the target's call, unsigned (for tests and for fetch_database_credentials).
AwsCall database_credentials_call(const IamTarget& target, const config::IamSettings& iam,
                                  const std::string& database, const std::string& uid);

DatabaseCredentials fetch_database_credentials(const IamTarget& target,
                                               const config::IamSettings& iam,
                                               const std::string& database, const std::string& uid,
                                               const ResolvedCredentials& credentials,
                                               const HttpOptions& options, Clock::time_point now);

// Answers of the calls; throw AuthError(network) when the answer lacks a field.
DatabaseCredentials parse_cluster_credentials(std::string_view xml, std::string_view what);
DatabaseCredentials parse_serverless_credentials(std::string_view json);

}  // namespace rsodbc::auth
