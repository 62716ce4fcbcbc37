// The credential providers and calls that go over HTTP (shared/IAM.md §3, §5), against
// tests/support/mock_aws.py, which re-derives every SigV4 signature on its own: a request the
// driver signs wrongly is refused there, as AWS would. STS AssumeRole (source_profile,
// credential_source), AssumeRoleWithWebIdentity, ECS, IMDSv2, the three database-credential
// calls, their error answers, a stalled endpoint, and the process-wide cache. Scrubbed
// environment: temporary HOME, an environment of the test's own.
#include "auth/auth_error.h"
#include "auth/credentials.h"
#include "auth/iam_login.h"
#include "auth/redshift_credentials.h"
#include "config/connection_string.h"
#include "config/settings.h"
#include "mock_aws.h"
#include "unit_fixtures.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace auth = rsodbc::auth;
namespace config = rsodbc::config;
namespace fs = std::filesystem;

namespace {

constexpr const char* mock_key = "AKIDMOCKEXAMPLE";
constexpr const char* mock_secret = "mock/secret/key/EXAMPLE";

// One mock for the whole run (python3 starts in ~0.1 s), reset before each test.
const mock_aws::Mock& mock() {
    static const mock_aws::Mock instance =
        mock_aws::Mock::start(std::string(RSODBC_SOURCE_DIR) + "/tests/support/mock_aws.py");
    return instance;
}

const mock_aws::Mock& fresh_mock() {
    mock().reset();
    return mock();
}

// The shared scrubbed environment with STS aimed at the mock.
class Scrubbed : public unit_fixtures::ScrubbedAws {
public:
    auth::ProviderContext context() const {
        auth::ProviderContext context = ScrubbedAws::context();
        context.sts_endpoint_url = mock().url("/");
        return context;
    }
};

using unit_fixtures::contains;
using unit_fixtures::settings_from;

// A provisioned IAM connection string aimed at the mock, with the mock's accepted keys; `extra`
// comes first, so its keywords win (the first occurrence of a keyword counts).
std::string cluster_dsn(const std::string& extra = "") {
    return extra
           + ";Server=db.example.com;Database=dev;IAM=1;Region=us-east-1;ClusterId=c1;"
             "DbUser=alice;AccessKeyID="
           + std::string(mock_key) + ";SecretAccessKey=" + mock_secret
           + ";StsConnectionTimeout=5;EndpointUrl=" + mock().url();
}

template <class Run>
auth::AuthError error_of(Run run) {
    try {
        run();
    } catch (const auth::AuthError& error) {
        return error;
    }
    FAIL("no AuthError");
    return {auth::AuthFailure::settings, ""};
}

nlohmann::json last_request() {
    const nlohmann::json all = nlohmann::json::parse(mock().requests());
    REQUIRE(!all.empty());
    return all.back();
}

const std::string role_a = "arn:aws:iam::123456789012:role/a";
const std::string role_b = "arn:aws:iam::123456789012:role/b";

}  // namespace

TEST_SUITE_BEGIN("aws over http");

TEST_CASE("mock: a control round trip, and a request it cannot verify is refused") {
    const mock_aws::Mock& aws = fresh_mock();
    CHECK(aws.count() == 0);
    // Signed with a secret the mock does not know for this key: SignatureDoesNotMatch.
    const config::Settings settings = settings_from(
        "Server=db.example.com;IAM=1;Region=us-east-1;ClusterId=c1;DbUser=alice;AccessKeyID="
        + std::string(mock_key) + ";SecretAccessKey=wrong;EndpointUrl=" + aws.url());
    const auth::AuthError error =
        error_of([&] { auth::iam_database_login(settings, Scrubbed().env(), auth::Clock::now()); });
    CHECK(error.failure() == auth::AuthFailure::credentials);
    CHECK(
        contains(error.what(), "GetClusterCredentials (cluster c1) failed: SignatureDoesNotMatch"));
    CHECK(contains(error.what(), "(HTTP 403, RequestId "));
    CHECK_FALSE(contains(error.what(), "wrong"));
    CHECK(aws.count("GetClusterCredentials") == 1);
}

TEST_CASE("GetClusterCredentials: signed request accepted, fields as the model says") {
    const mock_aws::Mock& aws = fresh_mock();
    auth::clear_iam_cache();
    const config::Settings settings =
        settings_from(cluster_dsn(";DbGroups=analysts,etl+ops;AutoCreate=1;IAMDuration=1800"));
    const auth::DatabaseLogin login =
        auth::iam_database_login(settings, Scrubbed().env(), auth::Clock::now());
    CHECK(login.user == "IAMA:alice");
    CHECK(login.password == "mock-db-password");
    CHECK_FALSE(login.from_cache);
    const nlohmann::json request = last_request();
    CHECK(request["action"] == "GetClusterCredentials");
    CHECK(request["key"] == mock_key);
    CHECK(request["form"]["DbUser"] == "alice");
    CHECK(request["form"]["DbName"] == "dev");
    CHECK(request["form"]["ClusterIdentifier"] == "c1");
    CHECK(request["form"]["DurationSeconds"] == "1800");
    CHECK(request["form"]["AutoCreate"] == "true");
    CHECK(request["form"]["DbGroups.DbGroup.1"] == "analysts");
    CHECK(request["form"]["DbGroups.DbGroup.2"] == "etl+ops");
    CHECK(aws.count() == 1);
}

TEST_CASE("GetClusterCredentialsWithIAM and serverless GetCredentials, with a session token") {
    const mock_aws::Mock& aws = fresh_mock();
    auth::clear_iam_cache();
    aws.configure(R"({"keys": {"ASIATOKENKEY": {"secret": "tok-secret", "token": "the-token"}}})");
    const std::string keys = ";AccessKeyID=ASIATOKENKEY;SecretAccessKey=tok-secret;SessionToken=";
    const config::Settings with_iam = settings_from(
        "Server=db.example.com;Database=dev;IAM=1;Region=us-east-1;ClusterId=c1;group_federation=1;"
        "EndpointUrl="
        + aws.url() + keys + "the-token");
    CHECK(auth::iam_database_login(with_iam, Scrubbed().env(), auth::Clock::now()).user
          == "IAM:mock-user");
    CHECK(last_request()["action"] == "GetClusterCredentialsWithIAM");
    CHECK(last_request()["form"].count("DbUser") == 0);

    const config::Settings serverless = settings_from(
        "Server=wg1.123456789012.us-east-1.redshift-serverless.amazonaws.com;Database=dev;IAM=1;"
        "EndpointUrl="
        + aws.url() + keys + "the-token");
    CHECK(auth::iam_database_login(serverless, Scrubbed().env(), auth::Clock::now()).user
          == "IAMR:mock-user");
    CHECK(last_request()["action"] == "GetCredentials");
    CHECK(last_request()["form"]["workgroupName"] == "wg1");
    CHECK(last_request()["form"]["dbName"] == "dev");

    // The same key without its token: the mock refuses it (token required and signed).
    auth::clear_iam_cache();
    const config::Settings no_token = settings_from(
        "Server=wg1.123456789012.us-east-1.redshift-serverless.amazonaws.com;Database=dev;IAM=1;"
        "EndpointUrl="
        + aws.url() + ";AccessKeyID=ASIATOKENKEY;SecretAccessKey=tok-secret");
    const auth::AuthError error =
        error_of([&] { auth::iam_database_login(no_token, Scrubbed().env(), auth::Clock::now()); });
    CHECK(error.failure() == auth::AuthFailure::credentials);
    CHECK(contains(error.what(), "UnrecognizedClientException"));
    // A wrong secret on the JSON protocol: InvalidSignatureException, also 28000.
    const config::Settings bad_secret = settings_from(
        "Server=wg1.123456789012.us-east-1.redshift-serverless.amazonaws.com;Database=dev;IAM=1;"
        "EndpointUrl="
        + aws.url() + ";AccessKeyID=" + mock_key + ";SecretAccessKey=nope");
    const auth::AuthError signature = error_of(
        [&] { auth::iam_database_login(bad_secret, Scrubbed().env(), auth::Clock::now()); });
    CHECK(signature.failure() == auth::AuthFailure::credentials);
    CHECK(contains(signature.what(), "InvalidSignatureException"));
}

TEST_CASE("AWS error answers become classified errors with code and RequestId") {
    const mock_aws::Mock& aws = fresh_mock();

    struct Case {
        const char* fault;
        auth::AuthFailure failure;
        const char* text;
    };

    const Case cases[] = {
        {"ClusterNotFound", auth::AuthFailure::service, "ClusterNotFound: Cluster c1 not found."},
        {"InvalidClientTokenId", auth::AuthFailure::credentials, "InvalidClientTokenId"},
        {"ExpiredToken", auth::AuthFailure::credentials, "ExpiredToken"},
        {"AccessDenied", auth::AuthFailure::credentials, "AccessDenied: User: arn:aws:iam"},
        {"Throttling", auth::AuthFailure::service, "Throttling: Rate exceeded (HTTP 400"},
        {"InternalError", auth::AuthFailure::network, "unexpected answer (HTTP 500"},
        {"Truncated", auth::AuthFailure::network, "answered without DbUser"},
    };
    for (const Case& c : cases) {
        INFO("fault " << c.fault);
        auth::clear_iam_cache();
        aws.configure(std::string(R"({"faults": {"GetClusterCredentials": ")") + c.fault + "\"}}");
        const auth::AuthError error = error_of([&] {
            auth::iam_database_login(settings_from(cluster_dsn()), Scrubbed().env(),
                                     auth::Clock::now());
        });
        CHECK(error.failure() == c.failure);
        CHECK(contains(error.what(), c.text));
        if (c.failure != auth::AuthFailure::network) {
            CHECK(contains(error.what(), "RequestId "));
        }
        CHECK_FALSE(contains(error.what(), mock_secret));
        CHECK_FALSE(contains(error.what(), "mock-db-password"));
    }
    aws.configure(R"({"faults": {"GetCredentials": "ResourceNotFound"}})");
    const config::Settings serverless = settings_from(
        "Server=wg9.123456789012.us-east-1.redshift-serverless.amazonaws.com;IAM=1;EndpointUrl="
        + aws.url() + ";AccessKeyID=" + mock_key + ";SecretAccessKey=" + mock_secret);
    const auth::AuthError missing = error_of(
        [&] { auth::iam_database_login(serverless, Scrubbed().env(), auth::Clock::now()); });
    CHECK(missing.failure() == auth::AuthFailure::service);
    CHECK(contains(missing.what(), "ResourceNotFoundException: Workgroup wg9 not found"));
}

TEST_CASE("a stalled endpoint ends in a timeout, not a hang") {
    const mock_aws::Mock& aws = fresh_mock();
    auth::clear_iam_cache();
    aws.configure(R"({"faults": {"GetClusterCredentials": "Stall"}, "stall_seconds": 20})");
    const auto start = std::chrono::steady_clock::now();
    const auth::AuthError error = error_of([&] {
        auth::iam_database_login(settings_from(cluster_dsn(";StsConnectionTimeout=1")),
                                 Scrubbed().env(), auth::Clock::now());
    });
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(error.failure() == auth::AuthFailure::network);
    CHECK(contains(error.what(), "failed: "));
    CHECK(contains(error.what(), "http://127.0.0.1:"));
    CHECK(elapsed < std::chrono::seconds(5));
}

TEST_CASE("cache: reused within expiry, DisableCache and a near expiry ask again") {
    const mock_aws::Mock& aws = fresh_mock();
    auth::clear_iam_cache();
    const Scrubbed scrubbed;
    const config::Settings settings = settings_from(cluster_dsn());
    CHECK_FALSE(auth::iam_database_login(settings, scrubbed.env(), auth::Clock::now()).from_cache);
    const auth::DatabaseLogin again =
        auth::iam_database_login(settings, scrubbed.env(), auth::Clock::now());
    CHECK(again.from_cache);
    CHECK(again.password == "mock-db-password");
    CHECK(aws.count() == 1);
    // Another user is another entry.
    auth::iam_database_login(settings_from(cluster_dsn(";DbUser=bob")), scrubbed.env(),
                             auth::Clock::now());
    CHECK(aws.count() == 2);
    // DisableCache=1 asks every time.
    const config::Settings uncached = settings_from(cluster_dsn(";DisableCache=1"));
    auth::iam_database_login(uncached, scrubbed.env(), auth::Clock::now());
    auth::iam_database_login(uncached, scrubbed.env(), auth::Clock::now());
    CHECK(aws.count() == 4);
    // A password expiring within 60 s is not reused.
    auth::clear_iam_cache();
    aws.configure(R"({"expires_in": 30})");
    auth::iam_database_login(settings, scrubbed.env(), auth::Clock::now());
    CHECK_FALSE(auth::iam_database_login(settings, scrubbed.env(), auth::Clock::now()).from_cache);
    CHECK(aws.count() == 6);
    // The same key id with another secret never shares the cached password.
    auth::clear_iam_cache();
    aws.configure(R"({"expires_in": 900})");
    auth::iam_database_login(settings, scrubbed.env(), auth::Clock::now());
    CHECK_THROWS_AS(auth::iam_database_login(settings_from(cluster_dsn(";SecretAccessKey=other")),
                                             scrubbed.env(), auth::Clock::now()),
                    auth::AuthError);
    CHECK(aws.count() == 8);
}

TEST_CASE("cache: connections from many threads at once share it safely") {
    const mock_aws::Mock& aws = fresh_mock();
    auth::clear_iam_cache();
    const Scrubbed scrubbed;
    const auth::EnvReader env = scrubbed.env();
    const config::Settings settings = settings_from(cluster_dsn());
    constexpr int threads = 8;
    std::vector<std::string> users(threads);
    std::vector<std::thread> workers;
    for (int i = 0; i < threads; ++i) {
        workers.emplace_back([&, i] {
            try {
                users[static_cast<std::size_t>(i)] =
                    auth::iam_database_login(settings, env, auth::Clock::now()).user;
            } catch (const std::exception& error) {
                users[static_cast<std::size_t>(i)] = error.what();
            }
        });
    }
    for (std::thread& worker : workers) {
        worker.join();
    }
    for (const std::string& user : users) {
        CHECK(user == "IAM:alice");
    }
    // Threads that missed the cache together each asked; none after the first answer is cached.
    const int asked = aws.count();
    CHECK(asked >= 1);
    CHECK(asked <= threads);
    CHECK(auth::iam_database_login(settings, env, auth::Clock::now()).from_cache);
    CHECK(aws.count() == asked);
}

TEST_CASE("profiles: role_arn + source_profile, chained, through STS AssumeRole") {
    const mock_aws::Mock& aws = fresh_mock();
    Scrubbed scrubbed;
    scrubbed.write(".aws/credentials", std::string("[base]\naws_access_key_id=") + mock_key
                                           + "\naws_secret_access_key=" + mock_secret + "\n");
    scrubbed.write(".aws/config", "[profile a]\nrole_arn=" + role_a
                                      + "\nsource_profile=base\nrole_session_name=sess-a\n"
                                        "external_id=ext-1\n[profile b]\nrole_arn="
                                      + role_b + "\nsource_profile=a\n");
    const auth::ResolvedCredentials a = auth::profile_credentials("a", scrubbed.context());
    CHECK(a.keys.access_key_id.starts_with("ASIAMOCKSTS"));
    CHECK_FALSE(a.keys.session_token.empty());
    CHECK(a.expiration);
    CHECK(a.source == "role " + role_a);
    nlohmann::json request = last_request();
    CHECK(request["action"] == "AssumeRole");
    CHECK(request["key"] == mock_key);
    CHECK(request["form"]["RoleArn"] == role_a);
    CHECK(request["form"]["RoleSessionName"] == "sess-a");
    CHECK(request["form"]["ExternalId"] == "ext-1");

    // b is assumed with a's temporary keys (token signed), which the mock issued.
    const auth::ResolvedCredentials b = auth::profile_credentials("b", scrubbed.context());
    CHECK(aws.count("AssumeRole") == 3);
    request = last_request();
    CHECK(request["form"]["RoleArn"] == role_b);
    CHECK(request["key"].get<std::string>().starts_with("ASIAMOCKSTS"));
    CHECK(request["form"]["RoleSessionName"].get<std::string>().starts_with("redshift-odbc-"));
    CHECK(b.keys.access_key_id != a.keys.access_key_id);

    // STS refusing: the AWS code reaches the message, classified as credentials.
    aws.configure(R"({"faults": {"AssumeRole": "AccessDenied"}})");
    const auth::AuthError denied =
        error_of([&] { auth::profile_credentials("a", scrubbed.context()); });
    CHECK(denied.failure() == auth::AuthFailure::credentials);
    CHECK(contains(denied.what(), "STS AssumeRole (" + role_a + ") failed: AccessDenied"));
}

TEST_CASE("profiles: credential_source Environment, EcsContainer, Ec2InstanceMetadata") {
    const mock_aws::Mock& aws = fresh_mock();
    Scrubbed scrubbed;
    scrubbed.write(".aws/config",
                   "[profile env]\nrole_arn=" + role_a
                       + "\ncredential_source=Environment\n[profile ecs]\nrole_arn=" + role_a
                       + "\ncredential_source=EcsContainer\n[profile ec2]\n" + "role_arn=" + role_a
                       + "\ncredential_source=Ec2InstanceMetadata\n");
    scrubbed.set("AWS_ACCESS_KEY_ID", mock_key);
    scrubbed.set("AWS_SECRET_ACCESS_KEY", mock_secret);
    auth::profile_credentials("env", scrubbed.context());
    CHECK(last_request()["key"] == mock_key);

    scrubbed.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", aws.url("/ecs/creds"));
    auth::profile_credentials("ecs", scrubbed.context());
    CHECK(aws.count("ecs") == 1);
    CHECK(last_request()["key"].get<std::string>().starts_with("ASIAMOCKECS"));

    scrubbed.unset("AWS_EC2_METADATA_DISABLED");
    scrubbed.set("AWS_EC2_METADATA_SERVICE_ENDPOINT", aws.url("/"));
    auth::profile_credentials("ec2", scrubbed.context());
    CHECK(aws.count("imds-token") == 1);
    CHECK(last_request()["key"].get<std::string>().starts_with("ASIAMOCKIMDS"));
    CHECK(aws.count("AssumeRole") == 3);
}

TEST_CASE("web identity: token file from the environment or a profile, unsigned call") {
    const mock_aws::Mock& aws = fresh_mock();
    Scrubbed scrubbed;
    const std::string token = scrubbed.write("token", "mock-web-identity-token");
    scrubbed.set("AWS_WEB_IDENTITY_TOKEN_FILE", token);
    scrubbed.set("AWS_ROLE_ARN", role_a);
    scrubbed.set("AWS_ROLE_SESSION_NAME", "pod-1");
    config::IamSettings chain;
    chain.enabled = true;
    const auth::ResolvedCredentials resolved = auth::resolve_credentials(chain, scrubbed.context());
    CHECK(resolved.keys.access_key_id.starts_with("ASIAMOCKSTS"));
    CHECK(resolved.source == "web identity role " + role_a);
    nlohmann::json request = last_request();
    CHECK(request["action"] == "AssumeRoleWithWebIdentity");
    CHECK(request["key"].is_null());  // not signed
    CHECK(request["form"]["RoleSessionName"] == "pod-1");

    scrubbed.unset("AWS_WEB_IDENTITY_TOKEN_FILE");
    scrubbed.write(".aws/config", "[profile wi]\nrole_arn=" + role_b
                                      + "\nweb_identity_token_file=" + token + "\n");
    auth::profile_credentials("wi", scrubbed.context());
    CHECK(last_request()["form"]["RoleArn"] == role_b);

    const std::string wrong = scrubbed.write("wrong", "not-the-token");
    const auth::AuthError refused =
        error_of([&] { auth::web_identity_credentials(wrong, role_a, "s", scrubbed.context()); });
    CHECK(refused.failure() == auth::AuthFailure::credentials);
    CHECK(contains(refused.what(), "InvalidIdentityToken"));
    CHECK(aws.count("AssumeRoleWithWebIdentity") == 3);
}

TEST_CASE("container credentials: full URI, authorization token or token file") {
    const mock_aws::Mock& aws = fresh_mock();
    aws.configure(R"({"ecs_token": "ecs-secret-token"})");
    Scrubbed scrubbed;
    scrubbed.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", aws.url("/ecs/v2/credentials"));
    const auth::AuthError unauthorized =
        error_of([&] { auth::container_credentials(scrubbed.context()); });
    CHECK(contains(unauthorized.what(), "container credentials endpoint answered HTTP 401"));
    scrubbed.set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "ecs-secret-token");
    const auth::ResolvedCredentials from_env = auth::container_credentials(scrubbed.context());
    CHECK(from_env.keys.access_key_id.starts_with("ASIAMOCKECS"));
    CHECK_FALSE(from_env.keys.session_token.empty());
    CHECK(from_env.expiration);
    // The token file wins over the variable, and its final newline is not part of the token.
    scrubbed.set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "stale");
    scrubbed.set("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
                 scrubbed.write("ecs-token", "ecs-secret-token\n"));
    CHECK(auth::container_credentials(scrubbed.context()).keys.access_key_id.starts_with("ASIA"));
    // In the default chain, after environment and profiles.
    config::IamSettings chain;
    chain.enabled = true;
    CHECK(auth::resolve_credentials(chain, scrubbed.context()).source == "container credentials");
    CHECK(aws.count("ecs") == 4);
}

TEST_CASE("instance metadata: IMDSv2 token, role, keys; InstanceProfile=1; no role") {
    const mock_aws::Mock& aws = fresh_mock();
    Scrubbed scrubbed;
    scrubbed.unset("AWS_EC2_METADATA_DISABLED");
    scrubbed.set("AWS_EC2_METADATA_SERVICE_ENDPOINT", aws.url());
    config::IamSettings instance;
    instance.enabled = true;
    instance.instance_profile = true;
    instance.profile = "ignored";  // InstanceProfile wins over Profile
    const auth::ResolvedCredentials resolved =
        auth::resolve_credentials(instance, scrubbed.context());
    CHECK(resolved.keys.access_key_id.starts_with("ASIAMOCKIMDS"));
    CHECK(resolved.source == "instance role mock-instance-role");
    CHECK(aws.count("imds-token") == 1);
    CHECK(aws.count("imds-role") == 1);
    CHECK(aws.count("imds-credentials") == 1);
    // The last step of the default chain when nothing else is there.
    config::IamSettings chain;
    chain.enabled = true;
    CHECK(auth::resolve_credentials(chain, scrubbed.context()).source
          == "instance role mock-instance-role");
    aws.configure(R"({"imds_role": null})");
    const auth::AuthError no_role =
        error_of([&] { auth::resolve_credentials(chain, scrubbed.context()); });
    CHECK(contains(no_role.what(), "no AWS credentials found"));
    CHECK(contains(no_role.what(), "the instance has no IAM role"));
}

TEST_SUITE_END();
