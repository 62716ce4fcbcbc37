#include "setup/cli/hints.h"

#include <algorithm>
#include <initializer_list>

namespace rsodbc::cli {

namespace {

bool contains_any(std::string_view text, std::initializer_list<std::string_view> markers) {
    return std::any_of(markers.begin(), markers.end(), [&](std::string_view marker) {
        return text.find(marker) != std::string_view::npos;
    });
}

std::string or_default(const std::string& value, std::string_view fallback) {
    return value.empty() ? std::string(fallback) : value;
}

// IAM failures (driver/auth): the driver's message starts with "IAM authentication failed:"
// (or names an IAM keyword for a settings error) and carries the AWS error code; the advice
// says what that code means for the person holding the keys. Empty cause: not an IAM failure.
Hint iam_hint(std::string_view sqlstate, std::string_view message) {
    if (contains_any(message, {"for user \"IAM:", "for user \"IAMA:", "for user \"IAMR:"})) {
        return {"iam_login",
                "AWS handed out a temporary database password, but the server refused that "
                "login: the database user may not exist (AutoCreate=1 creates it), or the "
                "password expired before it was used (check this machine's clock)."};
    }
    const bool iam_failure = contains_any(message, {"IAM authentication failed:"});
    if (!iam_failure
        && !contains_any(message, {"IAM authentication requires TLS", "IAM needs", "IAM with "})) {
        return {};
    }
    if (contains_any(message, {"requires TLS"})) {
        return {"iam_settings",
                "IAM passwords only travel over TLS: use SSLMode=verify-full (the default with "
                "IAM), verify-ca or require."};
    }
    if (!iam_failure || sqlstate == "HY024") {
        return {"iam_settings",
                "The IAM settings are incomplete or contradict each other, and nothing was sent "
                "to AWS: the message names the keyword to add or fix (a host name that is not "
                "<cluster>.<id>.<region>.redshift.amazonaws.com needs Region= and ClusterId= or "
                "Workgroup=)."};
    }
    if (contains_any(message, {"no AWS credentials found", "not found in", "credential_process",
                               "has no credentials", "source_profile", "credential_source",
                               "web identity token file", "no container credentials",
                               "instance metadata"})) {
        return {"iam_credentials",
                "The driver could not get AWS credentials to ask for a database password. Give "
                "AccessKeyID= and SecretAccessKey=, or Profile= naming a profile of "
                "~/.aws/credentials or ~/.aws/config (for the user running the application), or "
                "run where AWS_* variables, a container role or an instance role provide them. "
                "The message says what was tried."};
    }
    if (contains_any(message, {"ExpiredToken"})) {
        return {"iam_expired",
                "The AWS session token has expired: get fresh temporary credentials (a new "
                "SessionToken=, `aws sso login`, or whatever the profile's credential_process "
                "uses) and connect again."};
    }
    if (contains_any(message, {"InvalidClientTokenId", "SignatureDoesNotMatch",
                               "UnrecognizedClientException", "InvalidSignatureException",
                               "IncompleteSignature", "MissingAuthenticationToken"})) {
        return {"iam_keys",
                "AWS did not accept the access key: the key id is unknown, deactivated, or the "
                "secret key does not belong to it (a temporary key also needs its "
                "SessionToken=). Check the keys; 'Signature expired' means this machine's clock "
                "is more than 5 minutes off."};
    }
    if (contains_any(message, {"AccessDenied", "UnauthorizedOperation", "InvalidIdentityToken",
                               "IDPRejectedClaim"})) {
        return {"iam_permission",
                "AWS knows the identity but its IAM policy does not allow this: it needs "
                "redshift:GetClusterCredentials on the cluster's dbuser and dbname resources "
                "(group_federation=1: redshift:GetClusterCredentialsWithIAM; serverless: "
                "redshift-serverless:GetCredentials), plus redshift:JoinGroup for DbGroups= and "
                "redshift:CreateClusterUser for AutoCreate=1."};
    }
    if (contains_any(message, {"ClusterNotFound", "ResourceNotFoundException"})) {
        return {"iam_not_found",
                "AWS has no cluster or workgroup of that name in that region: check ClusterId= "
                "or Workgroup= and Region= (or the host name they are read from) and that the "
                "keys belong to the cluster's account."};
    }
    if (contains_any(message, {"Throttling", "Rate exceeded"})) {
        return {"iam_throttled",
                "AWS throttled the request (too many calls in a short time): connect again in a "
                "moment, and keep DisableCache=0 so connections reuse a password until it "
                "expires."};
    }
    if (sqlstate == "08001" || contains_any(message, {"HTTP request to"})) {
        return {"iam_endpoint",
                "The AWS endpoint did not answer properly: check that this machine reaches "
                "https://redshift.<region>.amazonaws.com (or EndpointUrl=, StsEndpointUrl=), set "
                "https_proxy_host= behind a proxy, and raise StsConnectionTimeout= if the "
                "network is only slow."};
    }
    return {"iam",
            "IAM authentication failed before the database was contacted: the message gives "
            "the AWS error code and RequestId (quote the RequestId to AWS support)."};
}

}  // namespace

Hint hint_for(std::string_view sqlstate, std::string_view message, const HintContext& context) {
    const std::string host = or_default(context.host, "(no Server)");
    const std::string port = or_default(context.port, "5439");
    if (sqlstate == "IM002") {
        return {"unknown_driver",
                "The driver manager found no DSN of that name, or no driver registered under the "
                "DSN's Driver= name. `redshift-odbc list` shows both; `redshift-odbc register` "
                "registers the driver and `redshift-odbc add-dsn` writes a DSN."};
    }
    if (sqlstate == "IM003" || (sqlstate == "01000" && contains_any(message, {"file not found"}))) {
        return {"driver_load",
                "The driver library named in odbcinst.ini could not be loaded: check that its "
                "Driver= path exists (`redshift-odbc list`) and register it again with "
                "`redshift-odbc register`."};
    }
    if (Hint iam = iam_hint(sqlstate, message); !iam.cause.empty()) {
        return iam;
    }
    if (sqlstate == "3D000"
        || (contains_any(message, {"database \""}) && contains_any(message, {"does not exist"}))) {
        return {"database",
                "Database '" + or_default(context.database, "(none)")
                    + "' does not exist on this server. Check Database= (a new Redshift cluster "
                      "has 'dev'); the user must be allowed to connect to it."};
    }
    if (sqlstate == "28000" || sqlstate == "28P01"
        || contains_any(message, {"password authentication failed", "no password supplied",
                                  "authentication failed for user"})) {
        return {"password",
                "The server refused user '" + or_default(context.user, "(no UID)")
                    + "' with this password. Check UID= and PWD= (braces around a password with "
                      "';' in it: PWD={...}); the user may also be missing or locked."};
    }
    if (contains_any(message, {"could not translate host name", "Name or service not known",
                               "Temporary failure in name resolution", "No address associated"})) {
        return {"dns",
                "The host name '" + host
                    + "' does not resolve. Check Server= for typos (a cluster endpoint looks like "
                      "name.abc123xyz.us-east-1.redshift.amazonaws.com); a private endpoint "
                      "resolves only inside its VPC, so connect through the VPN or peering."};
    }
    if (contains_any(message, {"Connection refused"})) {
        return {"refused",
                "Nothing accepted a connection on " + host + " port " + port
                    + ". Check Port= (Redshift listens on 5439 by default, PostgreSQL on 5432) "
                      "and that the cluster is available; a security group that rejects "
                      "rather than drops, or a cluster that is not publicly accessible, can "
                      "look the same from outside its VPC."};
    }
    if (contains_any(message, {"SSL", "TLS", "certificate", "ssl"})) {
        return {"tls",
                "TLS failed. With SSLMode=verify-full the certificate must chain to a trusted CA "
                "(the system store, or SSLRootCert=) and carry the name given in Server= (not an "
                "IP address or an SSH tunnel's localhost); SSLMode=require encrypts without "
                "checking. A server without TLS needs SSLMode=prefer or disable."};
    }
    if (sqlstate == "HYT00" || sqlstate == "HYT01"
        || contains_any(message, {"timeout expired", "timed out", "No route to host",
                                  "Network is unreachable"})) {
        return {"timeout",
                "No answer from " + host + " port " + port
                    + " in time: packets are usually being dropped. The cluster's VPC security "
                      "group must allow inbound TCP " + port
                    + " from your address, and from outside AWS the cluster must be Publicly "
                      "accessible. Raise ConnectTimeout= if the network is only slow."};
    }
    if (sqlstate == "HY024" || (sqlstate == "HY000" && contains_any(message, {"expected "}))) {
        return {"invalid_value",
                "A keyword has a value the driver does not accept: the message names it; the "
                "keyword list above shows where the value came from."};
    }
    return {"other",
            "See the message above; the keyword list shows what the driver was given and where "
            "each value came from."};
}

}  // namespace rsodbc::cli
