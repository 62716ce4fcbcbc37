// IAM keywords (issue 16 item 1) and the host rules (item 2, shared/IAM.md §2).
#include "auth/auth_error.h"
#include "auth/iam_target.h"
#include "config/connection_string.h"
#include "config/redact.h"
#include "config/settings.h"
#include "unit_fixtures.h"

#include <doctest/doctest.h>

#include <string>

namespace config = rsodbc::config;
namespace auth = rsodbc::auth;
using auth::IamApi;
using auth::RedshiftHost;

namespace {

using unit_fixtures::settings_from;

std::string config_error(std::string_view text) {
    try {
        settings_from(text);
    } catch (const config::ConfigError& error) {
        return error.what();
    }
    return "no error";
}

std::string target_error(std::string_view text) {
    const config::Settings settings = settings_from(text);
    try {
        auth::resolve_iam_target(settings.iam, settings.host);
    } catch (const auth::AuthError& error) {
        CHECK(error.failure() == auth::AuthFailure::settings);
        return error.what();
    }
    return "no error";
}

auth::IamTarget target_of(std::string_view text) {
    const config::Settings settings = settings_from(text);
    return auth::resolve_iam_target(settings.iam, settings.host);
}

}  // namespace

TEST_CASE("IAM keywords: parsed case-insensitively, typed, defaults") {
    const config::Settings plain = settings_from("Server=h");
    CHECK_FALSE(plain.iam.enabled);
    CHECK(plain.iam.duration == 900);
    CHECK(plain.iam.http_timeout == 60);

    const config::Settings s = settings_from(
        "Server=h;iam=true;accesskeyid=AKID;SECRETACCESSKEY=sec;SessionToken=tok;Region=US-West-2;"
        "ClusterIdentifier=c1;DbUser=alice;DbGroups= Analysts ,etl+ops,,;ForceLowercase=1;"
        "AutoCreate=1;IAMDuration=3600;EndpointUrl=http://127.0.0.1:9;StsConnectionTimeout=5;"
        "group_federation=1;DisableCache=1;https_proxy_host=p;https_proxy_port=3128");
    CHECK(s.iam.enabled);
    CHECK(s.iam.access_key_id == "AKID");
    CHECK(s.iam.secret_access_key == "sec");
    CHECK(s.iam.session_token == "tok");
    CHECK(s.iam.cluster_id == "c1");
    CHECK(s.iam.db_user == "alice");
    REQUIRE(s.iam.db_groups.size() == 2);
    CHECK(s.iam.db_groups[0] == "analysts");
    CHECK(s.iam.db_groups[1] == "etl+ops");
    CHECK(s.iam.auto_create);
    CHECK(s.iam.duration == 3600);
    CHECK(s.iam.http_timeout == 5);
    CHECK(s.iam.group_federation);
    CHECK(s.iam.disable_cache);
    CHECK(s.iam.proxy_port == 3128);
    CHECK(s.sslmode == "verify-full");  // IAM without SSLMode: verified TLS

    CHECK(settings_from("Server=h;AuthType=Profile;Profile=p").iam.enabled);
    CHECK(settings_from("Server=h;AuthType=static").iam.auth_type == "Static");
    CHECK_FALSE(settings_from("Server=h;AuthType=Standard").iam.enabled);
}

TEST_CASE("IAM keywords: bad values and no TLS are refused before anything is sent") {
    CHECK(config_error("Server=h;IAM=1;IAMDuration=899").find("IAMDuration") != std::string::npos);
    CHECK(config_error("Server=h;IAM=1;IAMDuration=3601").find("900 to 3600") != std::string::npos);
    CHECK(config_error("Server=h;IAM=maybe").find("invalid IAM") != std::string::npos);
    CHECK(config_error("Server=h;AuthType=Plugin").find("not supported") != std::string::npos);
    CHECK(config_error("Server=h;AuthType=Kerberos").find("invalid AuthType") != std::string::npos);
    for (const char* mode : {"disable", "allow", "prefer"}) {
        const std::string error = config_error(std::string("Server=h;IAM=1;SSLMode=") + mode);
        CHECK(error.find("IAM authentication requires TLS") != std::string::npos);
    }
    CHECK(settings_from("Server=h;IAM=1;SSLMode=require").sslmode == "require");
    CHECK(settings_from("Server=h;IAM=0;SSLMode=disable").sslmode == "disable");
}

TEST_CASE("IAM secrets are masked in the logged connection string") {
    const config::Settings s = settings_from(
        "Server=h;IAM=1;AccessKeyID=AKIDVISIBLE;SecretAccessKey=TOPSECRETKEY;"
        "SessionToken=TOKENVALUE;https_proxy_password=PROXYPASS");
    const std::string logged =
        rsodbc::config::redacted_connection_string(config::completed_connection_pairs(s));
    CHECK(logged.find("TOPSECRETKEY") == std::string::npos);
    CHECK(logged.find("TOKENVALUE") == std::string::npos);
    CHECK(logged.find("PROXYPASS") == std::string::npos);
    CHECK(logged.find("AKIDVISIBLE") != std::string::npos);
    CHECK(logged.find("SecretAccessKey=***") != std::string::npos);
}

TEST_CASE("host rules: Redshift endpoint names, anchored") {
    struct Case {
        const char* host;
        RedshiftHost::Kind kind;
        const char* name;
        const char* region;
    };

    const Case cases[] = {
        {"examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com",
         RedshiftHost::Kind::provisioned, "examplecluster", "us-west-2"},
        {"MyCluster.abc.EU-CENTRAL-1.Redshift.AmazonAWS.com.", RedshiftHost::Kind::provisioned,
         "MyCluster", "eu-central-1"},
        {"c.abc.cn-north-1.redshift.amazonaws.com.cn", RedshiftHost::Kind::provisioned, "c",
         "cn-north-1"},
        {"c.abc.us-east-1.redshift-dev.amazonaws.com", RedshiftHost::Kind::provisioned, "c",
         "us-east-1"},
        {"default.123456789012.us-east-1.redshift-serverless.amazonaws.com",
         RedshiftHost::Kind::serverless, "default", "us-east-1"},
        {"wg.123456789012.cn-northwest-1.redshift-serverless.amazonaws.com.cn",
         RedshiftHost::Kind::serverless, "wg", "cn-northwest-1"},
        // Not anchored matches: a suffix elsewhere, an extra label, a bad account, NLB, custom.
        {"c.abc.us-east-1.redshift.amazonaws.com.evil.example", RedshiftHost::Kind::other, "", ""},
        {"x.c.abc.us-east-1.redshift.amazonaws.com", RedshiftHost::Kind::other, "", ""},
        {"wg.12345.us-east-1.redshift-serverless.amazonaws.com", RedshiftHost::Kind::other, "", ""},
        {"my-nlb-1234.elb.us-east-1.amazonaws.com", RedshiftHost::Kind::other, "", ""},
        {"db.a.b.c.d.example.com", RedshiftHost::Kind::other, "", ""},
        {"localhost", RedshiftHost::Kind::other, "", ""},
        {"", RedshiftHost::Kind::other, "", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.host);
        const RedshiftHost parsed = auth::parse_redshift_host(c.host);
        CHECK(parsed.kind == c.kind);
        CHECK(parsed.name == c.name);
        CHECK(parsed.region == c.region);
    }
    CHECK(auth::parse_redshift_host("wg.123456789012.us-east-1.redshift-serverless.amazonaws.com")
              .account
          == "123456789012");
}

TEST_CASE("IAM target: explicit keywords win, missing ones are named") {
    auth::IamTarget t = target_of("Server=c1.abc.us-west-2.redshift.amazonaws.com;IAM=1");
    CHECK(t.api == IamApi::get_cluster_credentials);
    CHECK(t.cluster_id == "c1");
    CHECK(t.region == "us-west-2");

    t = target_of(
        "Server=c1.abc.us-west-2.redshift.amazonaws.com;IAM=1;ClusterId=other;Region=eu-west-1");
    CHECK(t.cluster_id == "other");
    CHECK(t.region == "eu-west-1");

    t = target_of("Server=c1.abc.us-west-2.redshift.amazonaws.com;IAM=1;group_federation=1");
    CHECK(t.api == IamApi::get_cluster_credentials_with_iam);

    t = target_of("Server=wg1.123456789012.us-east-1.redshift-serverless.amazonaws.com;IAM=1");
    CHECK(t.api == IamApi::serverless_get_credentials);
    CHECK(t.workgroup == "wg1");
    CHECK(t.region == "us-east-1");

    // group_federation does not change the serverless call.
    t = target_of(
        "Server=wg1.123456789012.us-east-1.redshift-serverless.amazonaws.com;IAM=1;"
        "group_federation=1;Workgroup=other");
    CHECK(t.api == IamApi::serverless_get_credentials);
    CHECK(t.workgroup == "other");

    t = target_of("Server=localhost;IAM=1;Serverless=1;Workgroup=w;Region=us-east-2");
    CHECK(t.api == IamApi::serverless_get_credentials);
    t = target_of(
        "Server=localhost;IAM=1;Serverless=1;ClusterId=redshift-serverless-w;"
        "Region=us-east-2");
    CHECK(t.api == IamApi::get_cluster_credentials);
    CHECK(t.cluster_id == "redshift-serverless-w");

    CHECK(target_error("Server=db.example.com;IAM=1;Region=us-east-1").find("ClusterId")
          != std::string::npos);
    CHECK(target_error("Server=db.example.com;IAM=1;ClusterId=c").find("Region")
          != std::string::npos);
    // A 6-label custom domain must not lend its third label as a region.
    CHECK(target_error("Server=db.team.us-east-1.corp.example.com;IAM=1;ClusterId=c").find("Region")
          != std::string::npos);
    CHECK(target_error("Server=localhost;IAM=1;Serverless=1;Region=us-east-1").find("Workgroup")
          != std::string::npos);
    CHECK(target_error("Server=localhost;IAM=1;ClusterId=c;Region=us east").find("invalid Region")
          != std::string::npos);
}
