#pragma once
// Which AWS call gives the database password, and for what (shared/IAM.md §2): the cluster id,
// workgroup and region come from the explicit keywords, else from a Redshift endpoint host name
// matched by anchored rules; any other host needs them spelled out. A pure function, so a
// missing keyword is reported before any HTTP request.
#include "config/settings.h"

#include <string>
#include <string_view>

namespace rsodbc::auth {

enum class IamApi : unsigned char {
    get_cluster_credentials,           // provisioned, DbUser chosen by the caller
    get_cluster_credentials_with_iam,  // provisioned, user = the IAM identity (group_federation)
    serverless_get_credentials,        // redshift-serverless GetCredentials
};

struct RedshiftHost {
    enum class Kind : unsigned char { provisioned, serverless, other } kind = Kind::other;
    std::string name;     // cluster id or workgroup (host label 1)
    std::string account;  // serverless: the 12-digit account id (label 2)
    std::string region;   // label 3
};

// <cluster>.<id>.<region>.redshift[-dev].amazonaws.com[.cn] and
// <workgroup>.<12 digits>.<region>.redshift-serverless[-dev].amazonaws.com[.cn], ASCII
// case-insensitive, a final root dot allowed; anything else is Kind::other (no guessing of a
// region from a custom domain's labels).
RedshiftHost parse_redshift_host(std::string_view host);

struct IamTarget {
    IamApi api = IamApi::get_cluster_credentials;
    std::string region;
    std::string cluster_id;  // provisioned calls
    std::string workgroup;   // serverless call
};

// Throws AuthError(settings) naming the missing keyword.
IamTarget resolve_iam_target(const config::IamSettings& iam, std::string_view host);

}  // namespace rsodbc::auth
