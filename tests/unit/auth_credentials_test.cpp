// The AWS credential providers (issue 16 item 4, shared/IAM.md §5) in a scrubbed environment:
// every test has its own temporary HOME and an environment of its own (ProviderContext::env),
// so no AWS_* variable or ~/.aws file of the machine running the tests is seen. The providers
// that make HTTP calls (STS, ECS, IMDS) are tested against tests/support/mock_aws.py in
// auth_providers_http_test.cpp.
#include "auth/auth_error.h"
#include "auth/credentials.h"
#include "auth/shared_config.h"
#include "unit_fixtures.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

namespace auth = rsodbc::auth;
namespace fs = std::filesystem;

namespace {

using Scrubbed = unit_fixtures::ScrubbedAws;
using unit_fixtures::contains;

rsodbc::config::IamSettings iam_profile(const std::string& profile) {
    rsodbc::config::IamSettings iam;
    iam.enabled = true;
    iam.profile = profile;
    return iam;
}

// The message of the AuthError `run` throws, checking its classification.
template <class Run>
std::string error_of(Run run, auth::AuthFailure expected = auth::AuthFailure::credentials) {
    try {
        run();
    } catch (const auth::AuthError& error) {
        CHECK(error.failure() == expected);
        return error.what();
    }
    FAIL("no AuthError");
    return {};
}

}  // namespace

TEST_SUITE_BEGIN("aws credentials");

TEST_CASE("shared files: [x] in credentials, [profile x] and [default] in config") {
    const auth::ProfileMap credentials = auth::parse_shared_file(
        "# comment\n[default]\naws_access_key_id = AKIDDEFAULT\n; other comment\n"
        "AWS_Secret_Access_Key=  s1  \r\n[profile notaprofile]\nregion=x\n[ dev ]\n"
        "aws_access_key_id=AKIDDEV\n",
        false);
    REQUIRE(credentials.count("default") == 1);
    CHECK(credentials.at("default").at("aws_access_key_id") == "AKIDDEFAULT");
    CHECK(credentials.at("default").at("aws_secret_access_key") == "s1");
    CHECK(credentials.count("dev") == 1);
    // In the credentials file the section name is the profile name, "profile " included.
    CHECK(credentials.count("profile notaprofile") == 1);

    const auth::ProfileMap config = auth::parse_shared_file(
        "[default]\nregion=us-west-2\n[profile dev]\nregion = eu-west-1\ns3 =\n"
        "  max_concurrent_requests = 20\nrole_arn=arn:aws:iam::1:role/r\n[plain]\nregion=x\n"
        "[sso-session s]\nsso_region=y\n[profile  spaced ]\nregion=z\nno equals sign\n",
        true);
    CHECK(config.count("default") == 1);
    REQUIRE(config.count("dev") == 1);
    CHECK(config.at("dev").at("region") == "eu-west-1");
    CHECK(config.at("dev").at("role_arn") == "arn:aws:iam::1:role/r");
    CHECK(config.at("dev").count("max_concurrent_requests") == 0);  // nested: skipped
    CHECK(config.count("plain") == 0);                              // [x] in config: not a profile
    CHECK(config.count("s") == 0);
    CHECK(config.count("sso-session s") == 0);
    CHECK(config.count("spaced") == 1);
}

TEST_CASE("environment provider: both keys needed, token optional") {
    Scrubbed scrubbed;
    CHECK_FALSE(auth::environment_credentials(scrubbed.context()));
    scrubbed.set("AWS_ACCESS_KEY_ID", "AKIDENV");
    CHECK_FALSE(auth::environment_credentials(scrubbed.context()));
    scrubbed.set("AWS_SECRET_ACCESS_KEY", "envsecret");
    auto keys = auth::environment_credentials(scrubbed.context());
    REQUIRE(keys);
    CHECK(keys->keys.access_key_id == "AKIDENV");
    CHECK(keys->keys.session_token.empty());
    scrubbed.set("AWS_SESSION_TOKEN", "envtoken");
    keys = auth::environment_credentials(scrubbed.context());
    REQUIRE(keys);
    CHECK(keys->keys.session_token == "envtoken");
    CHECK_FALSE(keys->expiration);
}

TEST_CASE("chain order: connection-string keys, then environment, then the default profile") {
    Scrubbed scrubbed;
    scrubbed.write(".aws/credentials",
                   "[default]\naws_access_key_id=AKIDFILE\n"
                   "aws_secret_access_key=filesecret\n");
    rsodbc::config::IamSettings iam;
    iam.enabled = true;
    CHECK(auth::resolve_credentials(iam, scrubbed.context()).keys.access_key_id == "AKIDFILE");

    scrubbed.set("AWS_ACCESS_KEY_ID", "AKIDENV");
    scrubbed.set("AWS_SECRET_ACCESS_KEY", "envsecret");
    auth::ResolvedCredentials resolved = auth::resolve_credentials(iam, scrubbed.context());
    CHECK(resolved.keys.access_key_id == "AKIDENV");
    CHECK(contains(resolved.source, "environment"));

    iam.access_key_id = "AKIDSTATIC";
    iam.secret_access_key = "staticsecret";
    iam.session_token = "statictoken";
    resolved = auth::resolve_credentials(iam, scrubbed.context());
    CHECK(resolved.keys.access_key_id == "AKIDSTATIC");
    CHECK(resolved.keys.session_token == "statictoken");
    CHECK_FALSE(contains(resolved.source, "staticsecret"));

    // A named profile is chosen over the environment.
    iam = iam_profile("default");
    CHECK(auth::resolve_credentials(iam, scrubbed.context()).keys.access_key_id == "AKIDFILE");

    // Half a key pair in the connection string is a settings error, nothing is looked up.
    rsodbc::config::IamSettings half;
    half.enabled = true;
    half.access_key_id = "AKIDONLY";
    CHECK(contains(error_of([&] { auth::resolve_credentials(half, scrubbed.context()); },
                            auth::AuthFailure::settings),
                   "needs both AccessKeyID and SecretAccessKey"));
}

TEST_CASE("profiles: AWS_PROFILE, AWS_DEFAULT_PROFILE, file overrides, credentials file first") {
    Scrubbed scrubbed;
    scrubbed.write(".aws/credentials", "[dev]\naws_access_key_id=AKIDCREDS\n");
    scrubbed.write(".aws/config",
                   "[profile dev]\naws_access_key_id=AKIDCONFIG\n"
                   "aws_secret_access_key=configsecret\n"
                   "[profile other]\naws_access_key_id=AKIDOTHER\n"
                   "aws_secret_access_key=othersecret\n");
    rsodbc::config::IamSettings iam;
    iam.enabled = true;
    scrubbed.set("AWS_DEFAULT_PROFILE", "other");
    CHECK(auth::resolve_credentials(iam, scrubbed.context()).keys.access_key_id == "AKIDOTHER");
    scrubbed.set("AWS_PROFILE", "dev");  // AWS_PROFILE wins over AWS_DEFAULT_PROFILE
    const auth::ResolvedCredentials dev = auth::resolve_credentials(iam, scrubbed.context());
    CHECK(dev.keys.access_key_id == "AKIDCREDS");         // key by key: credentials first
    CHECK(dev.keys.secret_access_key == "configsecret");  // the rest from config
    CHECK(dev.source == "profile 'dev'");

    const std::string alt = scrubbed.write("elsewhere/creds",
                                           "[dev]\naws_access_key_id=AKIDALT\n"
                                           "aws_secret_access_key=altsecret\n");
    scrubbed.set("AWS_SHARED_CREDENTIALS_FILE", alt);
    CHECK(auth::resolve_credentials(iam, scrubbed.context()).keys.access_key_id == "AKIDALT");
    scrubbed.set("AWS_SHARED_CREDENTIALS_FILE", "~/elsewhere/creds");  // ~ is HOME
    CHECK(auth::resolve_credentials(iam, scrubbed.context()).keys.access_key_id == "AKIDALT");
    scrubbed.set("AWS_CONFIG_FILE", "~/missing/config");
    scrubbed.set("AWS_PROFILE", "other");
    const std::string missing =
        error_of([&] { auth::resolve_credentials(iam, scrubbed.context()); });
    CHECK(contains(missing, "profile 'other' not found in "));
    CHECK(contains(missing, scrubbed.home().string() + "/missing/config"));
}

TEST_CASE("profiles: missing files and missing profiles are named") {
    Scrubbed scrubbed;
    fs::remove_all(scrubbed.home() / ".aws");
    const std::string message =
        error_of([&] { auth::resolve_credentials(iam_profile("prod"), scrubbed.context()); });
    CHECK(message
          == "profile 'prod' not found in " + scrubbed.home().string() + "/.aws/credentials or "
                 + scrubbed.home().string() + "/.aws/config");

    // [prod] in the config file is not a profile (it must be [profile prod]).
    scrubbed.write(".aws/config", "[prod]\naws_access_key_id=AKID\naws_secret_access_key=s\n");
    CHECK(contains(
        error_of([&] { auth::resolve_credentials(iam_profile("prod"), scrubbed.context()); }),
        "profile 'prod' not found"));

    scrubbed.write(".aws/config", "[profile prod]\nregion=us-east-1\n");
    CHECK(contains(
        error_of([&] { auth::resolve_credentials(iam_profile("prod"), scrubbed.context()); }),
        "profile 'prod' has no credentials"));

    // Nothing anywhere and instance metadata disabled: one message naming what was tried.
    rsodbc::config::IamSettings iam;
    iam.enabled = true;
    const std::string nothing =
        error_of([&] { auth::resolve_credentials(iam, scrubbed.context()); });
    CHECK(contains(nothing, "no AWS credentials found"));
    CHECK(contains(nothing, "AWS_ACCESS_KEY_ID"));
    CHECK(contains(nothing, "instance metadata disabled"));
    CHECK(contains(error_of([&] { auth::instance_metadata_credentials(scrubbed.context()); }),
                   "AWS_EC2_METADATA_DISABLED"));
}

TEST_CASE("profiles: role_arn needs exactly one source; loops are found") {
    Scrubbed scrubbed;
    scrubbed.write(".aws/config",
                   "[profile norole]\ncredential_source=Environment\n"
                   "[profile nosource]\nrole_arn=arn:aws:iam::123456789012:role/r\n"
                   "[profile both]\nrole_arn=arn:aws:iam::123456789012:role/r\n"
                   "source_profile=keys\ncredential_source=Environment\n"
                   "[profile strange]\nrole_arn=arn:aws:iam::123456789012:role/r\n"
                   "credential_source=Ec2Metadata\n"
                   "[profile fromenv]\nrole_arn=arn:aws:iam::123456789012:role/r\n"
                   "credential_source=Environment\n"
                   "[profile a]\nrole_arn=arn:aws:iam::123456789012:role/a\nsource_profile=b\n"
                   "[profile b]\nrole_arn=arn:aws:iam::123456789012:role/b\nsource_profile=a\n"
                   "[profile self]\nrole_arn=arn:aws:iam::123456789012:role/s\n"
                   "source_profile=self\n"
                   "[profile dangling]\nrole_arn=arn:aws:iam::123456789012:role/d\n"
                   "source_profile=ghost\n"
                   "[profile metadata]\nrole_arn=arn:aws:iam::123456789012:role/m\n"
                   "credential_source=Ec2InstanceMetadata\n");
    auto error = [&](const char* profile) {
        return error_of([&] { auth::profile_credentials(profile, scrubbed.context()); });
    };
    CHECK(error("norole") == "profile 'norole' has credential_source without role_arn");
    CHECK(error("nosource")
          == "profile 'nosource' has role_arn but neither source_profile nor credential_source");
    CHECK(error("both")
          == "profile 'both' has both source_profile and credential_source; keep one");
    CHECK(contains(error("strange"), "unknown credential_source 'Ec2Metadata'"));
    CHECK(contains(error("fromenv"), "credential_source=Environment but AWS_ACCESS_KEY_ID"));
    CHECK(error("a") == "profile 'a' is part of a source_profile loop");
    CHECK(error("self") == "profile 'self' is its own source_profile but has no static keys");
    CHECK(contains(error("dangling"), "profile 'ghost' not found"));
    CHECK(contains(error("metadata"), "instance metadata is disabled"));
}

TEST_CASE("credential_process: run without a shell, JSON checked") {
    Scrubbed scrubbed;
    const std::string ok =
        scrubbed.write("bin/creds ok",
                       "#!/bin/sh\n"
                       "printf '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC\", "
                       "\"SecretAccessKey\": \"procsecret\", \"SessionToken\": \"%s\", "
                       "\"Expiration\": \"2030-01-01T00:00:00Z\"}' \"$1\"\n",
                       true);
    const std::string dir = (scrubbed.home() / "bin").string();
    scrubbed.write(".aws/config",
                   "[profile proc]\ncredential_process = \"" + ok + "\" 'token with spaces'\n");
    const auth::ResolvedCredentials resolved =
        auth::resolve_credentials(iam_profile("proc"), scrubbed.context());
    CHECK(resolved.keys.access_key_id == "AKIDPROC");
    CHECK(resolved.keys.secret_access_key == "procsecret");
    CHECK(resolved.keys.session_token == "token with spaces");  // one argument, quotes removed
    REQUIRE(resolved.expiration);
    CHECK(std::chrono::duration_cast<std::chrono::seconds>(resolved.expiration->time_since_epoch())
              .count()
          == 1893456000);

    // Shell syntax is not interpreted: '>' and '$HOME' are plain arguments.
    const std::string args =
        scrubbed.write("bin/args",
                       "#!/bin/sh\n[ \"$1\" = '>' ] && [ \"$2\" = '$HOME' ] || exit 9\n"
                       "echo '{\"Version\":1,\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"S\"}'\n",
                       true);
    CHECK(auth::process_credentials(args + " '>' '$HOME'").keys.access_key_id == "A");

    const std::string failing = scrubbed.write(
        "bin/failing", "#!/bin/sh\necho 'token expired, run aws sso login' >&2\nexit 3\n", true);
    CHECK(error_of([&] { auth::process_credentials(failing); })
          == "credential_process '" + failing
                 + "' failed (exit status 3): token expired, run aws sso login");
    const std::string version2 = scrubbed.write(
        "bin/v2",
        "#!/bin/sh\necho '{\"Version\":2,\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"S\"}'\n",
        true);
    CHECK(contains(error_of([&] { auth::process_credentials(version2); }), "\"Version\": 1"));
    const std::string garbage = scrubbed.write("bin/garbage", "#!/bin/sh\necho hello\n", true);
    CHECK(contains(error_of([&] { auth::process_credentials(garbage); }), "not JSON"));
    const std::string nokeys = scrubbed.write(
        "bin/nokeys", "#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"A\"}'\n", true);
    CHECK(contains(error_of([&] { auth::process_credentials(nokeys); }),
                   "no AccessKeyId or SecretAccessKey"));
    const std::string badtime =
        scrubbed.write("bin/badtime",
                       "#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"A\",\"SecretAccessKey\":"
                       "\"S\",\"Expiration\":\"tomorrow\"}'\n",
                       true);
    CHECK(contains(error_of([&] { auth::process_credentials(badtime); }),
                   "unreadable Expiration 'tomorrow'"));
    CHECK(contains(error_of([&] { auth::process_credentials(dir + "/does-not-exist"); }),
                   "cannot be run"));
    CHECK(contains(
        error_of([&] { auth::process_credentials("'unclosed"); }, auth::AuthFailure::settings),
        "unclosed quote"));
    CHECK(contains(error_of([&] { auth::process_credentials("   "); }, auth::AuthFailure::settings),
                   "credential_process is empty"));
}

TEST_CASE("web identity, container: local failures before any request") {
    Scrubbed scrubbed;
    CHECK(contains(error_of([&] {
                       auth::web_identity_credentials((scrubbed.home() / "no-token").string(),
                                                      "arn:aws:iam::123456789012:role/r", "s",
                                                      scrubbed.context());
                   }),
                   "web identity token file"));
    CHECK(contains(error_of([&] { auth::container_credentials(scrubbed.context()); }),
                   "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"));
    scrubbed.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/creds");
    scrubbed.set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "abc\r\nX-Injected: 1");
    CHECK(
        contains(error_of([&] { auth::container_credentials(scrubbed.context()); }), "line break"));
    // Plain http to a host that is neither loopback nor a metadata address is refused.
    scrubbed.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://example.com/creds");
    scrubbed.unset("AWS_CONTAINER_AUTHORIZATION_TOKEN");
    CHECK(contains(error_of([&] { auth::container_credentials(scrubbed.context()); },
                            auth::AuthFailure::settings),
                   "refusing URL 'http://example.com/creds'"));
}

TEST_CASE("credential identity: secrets only hashed, different secrets different keys") {
    Scrubbed scrubbed;
    rsodbc::config::IamSettings a;
    a.enabled = true;
    a.access_key_id = "AKIDSAME";
    a.secret_access_key = "first-secret";
    rsodbc::config::IamSettings b = a;
    b.secret_access_key = "second-secret";
    const std::string identity_a = auth::credential_identity(a, scrubbed.context());
    CHECK(identity_a != auth::credential_identity(b, scrubbed.context()));
    CHECK_FALSE(contains(identity_a, "first-secret"));
    CHECK(contains(identity_a, "AKIDSAME"));
    CHECK(auth::credential_identity(iam_profile("p"), scrubbed.context()) == "profile:p");
    scrubbed.set("AWS_ACCESS_KEY_ID", "AKIDENV");
    scrubbed.set("AWS_SECRET_ACCESS_KEY", "env-secret");
    rsodbc::config::IamSettings chain;
    chain.enabled = true;
    const std::string env_identity = auth::credential_identity(chain, scrubbed.context());
    CHECK(contains(env_identity, "env:AKIDENV:"));
    CHECK_FALSE(contains(env_identity, "env-secret"));
}

TEST_SUITE_END();
