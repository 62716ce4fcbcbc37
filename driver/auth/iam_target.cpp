#include "auth/iam_target.h"

#include "auth/auth_error.h"

#include <vector>

namespace rsodbc::auth {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

std::vector<std::string_view> labels_of(std::string_view host) {
    std::vector<std::string_view> labels;
    while (true) {
        const std::size_t dot = host.find('.');
        labels.push_back(host.substr(0, dot));
        if (dot == std::string_view::npos) {
            return labels;
        }
        host.remove_prefix(dot + 1);
    }
}

bool is_region(std::string_view label) {
    if (label.empty()) {
        return false;
    }
    for (char c : label) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            return false;
        }
    }
    return true;
}

bool is_account(std::string_view label) {
    if (label.size() != 12) {
        return false;
    }
    for (char c : label) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

}  // namespace

RedshiftHost parse_redshift_host(std::string_view host) {
    const std::string name = lower(host.ends_with('.') ? host.substr(0, host.size() - 1) : host);
    std::vector<std::string_view> labels = labels_of(name);
    if (!labels.empty() && labels.back() == "cn") {
        labels.pop_back();
    }
    RedshiftHost result;
    if (labels.size() != 6 || labels[4] != "amazonaws" || labels[5] != "com" || labels[0].empty()
        || labels[1].empty() || !is_region(labels[2])) {
        return result;
    }
    const std::string_view service = labels[3];
    if (service == "redshift" || service == "redshift-dev") {
        result.kind = RedshiftHost::Kind::provisioned;
    } else if ((service == "redshift-serverless" || service == "redshift-serverless-dev")
               && is_account(labels[1])) {
        result.kind = RedshiftHost::Kind::serverless;
        result.account = std::string(labels[1]);
    } else {
        return result;
    }
    // The cluster id and workgroup keep the case the user wrote (ClusterIdentifier is case
    // sensitive in the API, and AWS lower-cases it in the host anyway).
    const std::size_t first_dot = host.find('.');
    result.name = std::string(host.substr(0, first_dot));
    result.region = std::string(labels[2]);
    return result;
}

IamTarget resolve_iam_target(const config::IamSettings& iam, std::string_view host) {
    const RedshiftHost parsed = parse_redshift_host(host);
    const bool serverless_host = parsed.kind == RedshiftHost::Kind::serverless;
    IamTarget target;
    target.region = !iam.region.empty() ? iam.region : parsed.region;
    // Serverless=1 with a ClusterId on a non-serverless host names a provisioned cluster
    // (the Amazon driver's "redshift-serverless-<workgroup>" cluster ids).
    const bool serverless = serverless_host || (iam.serverless && iam.cluster_id.empty());
    const std::string host_text(host.empty() ? "(empty)" : host);
    if (serverless) {
        target.api = IamApi::serverless_get_credentials;
        target.workgroup = !iam.workgroup.empty() ? iam.workgroup
                           : serverless_host      ? parsed.name
                                                  : std::string();
        if (target.workgroup.empty()) {
            throw AuthError(AuthFailure::settings,
                            "IAM needs the Workgroup keyword: the host '" + host_text
                                + "' is not <workgroup>.<account>.<region>.redshift-serverless."
                                  "amazonaws.com");
        }
    } else {
        target.api = iam.group_federation ? IamApi::get_cluster_credentials_with_iam
                                          : IamApi::get_cluster_credentials;
        target.cluster_id = !iam.cluster_id.empty()                          ? iam.cluster_id
                            : parsed.kind == RedshiftHost::Kind::provisioned ? parsed.name
                                                                             : std::string();
        if (target.cluster_id.empty()) {
            throw AuthError(AuthFailure::settings,
                            "IAM needs the ClusterId keyword: the host '" + host_text
                                + "' is not <cluster>.<id>.<region>.redshift.amazonaws.com");
        }
    }
    if (target.region.empty()) {
        throw AuthError(AuthFailure::settings,
                        "IAM needs the Region keyword: the host '" + host_text
                            + "' is not a Redshift endpoint name that includes the region");
    }
    if (!is_region(lower(target.region))) {
        throw AuthError(AuthFailure::settings,
                        "invalid Region '" + target.region + "': expected a name like us-east-1");
    }
    target.region = lower(target.region);
    return target;
}

}  // namespace rsodbc::auth
