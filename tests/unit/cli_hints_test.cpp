// setup/cli: the hint per failure cause (from real libpq 15 / unixODBC messages), the registration
// entries taken from odbcinst.ini.in, and JSON string escaping.
#include "setup/cli/hints.h"
#include "setup/cli/install.h"
#include "setup/cli/json.h"

#include <doctest/doctest.h>

#include <string>

namespace cli = rsodbc::cli;

namespace {

std::string cause(std::string_view state, std::string_view message) {
    return cli::hint_for(state, message, {"db.example.com", "5439", "dev", "awsuser"}).cause;
}

}  // namespace

TEST_CASE("cli hints: one cause per kind of failure") {
    CHECK(cause("IM002",
                "[unixODBC][Driver Manager]Data source name not found and no default "
                "driver specified")
          == "unknown_driver");
    CHECK(cause("01000", "[unixODBC][Driver Manager]Can't open lib '/x.so' : file not found")
          == "driver_load");
    CHECK(cause("28000", "password authentication failed for user \"awsuser\"") == "password");
    CHECK(cause("08001",
                "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  "
                "database \"nope\" does not exist")
          == "database");
    CHECK(cause("08001",
                "could not translate host name \"x.invalid\" to address: Name or "
                "service not known")
          == "dns");
    CHECK(cause("08001",
                "connection to server at \"127.0.0.1\", port 1 failed: Connection "
                "refused\n\tIs the server running on that host and accepting TCP/IP "
                "connections?")
          == "refused");
    CHECK(cause("08001", "timeout expired") == "timeout");
    CHECK(cause("08001", "server does not support SSL, but SSL was required") == "tls");
    CHECK(cause("08001", "server certificate for \"x\" does not match host name \"y\"") == "tls");
    CHECK(cause("08001", "something else entirely") == "other");
}

TEST_CASE("cli hints: the advice names the host, port, user and database") {
    const auto refused = cli::hint_for("08001", "Connection refused", {"h.example", "1", "d", "u"});
    CHECK(refused.text.find("h.example port 1") != std::string::npos);
    CHECK(refused.text.find("5439") != std::string::npos);
    const auto password = cli::hint_for("28000", "", {"h", "5439", "d", "awsuser"});
    CHECK(password.text.find("'awsuser'") != std::string::npos);
    const auto database = cli::hint_for("3D000", "", {"h", "5439", "nope", "u"});
    CHECK(database.text.find("'nope'") != std::string::npos);
}

TEST_CASE("cli register: the entries are odbcinst.ini.in's, paths filled in, no UsageCount") {
    const auto entries =
        cli::registration_entries("/p/libredshiftodbc.so", "/p/libredshiftodbcS.so");
    auto value = [&](std::string_view key) {
        for (const auto& [k, v] : entries) {
            if (k == key) {
                return v;
            }
        }
        return std::string("(absent)");
    };
    CHECK(value("Driver") == "/p/libredshiftodbc.so");
    CHECK(value("Setup") == "/p/libredshiftodbcS.so");
    CHECK(value("APILevel") == "1");
    CHECK(value("ConnectFunctions") == "YYN");
    CHECK(value("UsageCount") == "(absent)");
    CHECK(value("Description").find("redshift-odbc") == 0);
}

TEST_CASE("cli json: strings are escaped") {
    CHECK(cli::json_string("a\"b\\c\nd\x01") == "\"a\\\"b\\\\c\\nd\\u0001\"");
    CHECK(cli::json_string("héllo") == "\"héllo\"");
}

TEST_CASE("cli hints: IAM failures in plain words, by AWS error code") {
    const std::string prefix =
        "IAM authentication failed: GetClusterCredentials (cluster c) "
        "failed: ";
    CHECK(cause("28000", prefix + "AccessDenied: User: x is not authorized (HTTP 403, RequestId r)")
          == "iam_permission");
    CHECK(cause("28000", prefix + "ExpiredToken: expired (HTTP 403, RequestId r)")
          == "iam_expired");
    CHECK(cause("28000", prefix + "SignatureDoesNotMatch: ... (HTTP 403, RequestId r)")
          == "iam_keys");
    CHECK(cause("28000", prefix + "InvalidClientTokenId: ... (HTTP 403, RequestId r)")
          == "iam_keys");
    CHECK(cause("HY000", prefix + "ClusterNotFound: Cluster c not found. (HTTP 404)")
          == "iam_not_found");
    CHECK(cause("HY000", prefix + "Throttling: Rate exceeded (HTTP 400)") == "iam_throttled");
    CHECK(cause("08001",
                "IAM authentication failed: HTTP request to https://redshift.us-east-1."
                "amazonaws.com failed: Timeout was reached")
          == "iam_endpoint");
    CHECK(cause("28000",
                "IAM authentication failed: no AWS credentials found: no AccessKeyID/"
                "SecretAccessKey or Profile keyword, ...")
          == "iam_credentials");
    CHECK(cause("28000",
                "IAM authentication failed: profile 'x' not found in /h/.aws/credentials "
                "or /h/.aws/config")
          == "iam_credentials");
    CHECK(cause("HY024", "invalid connection attribute: IAM needs the DbUser keyword (or UID): ...")
          == "iam_settings");
    CHECK(cause("HY024", "IAM authentication requires TLS: SSLMode=disable may connect without it")
          == "iam_settings");
    CHECK(cause("28P01",
                "connection to server at \"h\" failed: FATAL:  password authentication failed for "
                "user \"IAM:alice\"")
          == "iam_login");
    CHECK(cause("HY000", prefix + "SomethingNew: ? (HTTP 400, RequestId r)") == "iam");
    // An ordinary password failure is still the password hint.
    CHECK(cause("28P01", "password authentication failed for user \"alice\"") == "password");
    const auto permission =
        cli::hint_for("28000", prefix + "AccessDenied: no (HTTP 403)", {"h", "1", "d", "u"});
    CHECK(permission.text.find("redshift:GetClusterCredentials") != std::string::npos);
}
