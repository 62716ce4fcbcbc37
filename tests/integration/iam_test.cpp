// IAM end to end (issue 16 item 6): through the driver manager to a PostgreSQL server with TLS,
// with the AWS side played by tests/support/mock_aws.py, which re-derives every signature and
// hands out the name and password of real roles on that server ("IAM:iam_alice", ...). The
// "iam:" cases need that setup: tests/integration/iam_test.sh makes it and runs them (elsewhere
// they are skipped). What they measure: the session user is the user AWS named, a second
// connect within the expiry makes no HTTP request while DisableCache=1 makes one each time,
// AWS errors become 28000/08001/HY000 with the AWS code and RequestId, IAM without TLS is
// refused before any request, a stalled endpoint gives a timeout error, no secret is shown.
#include "mock_aws.h"
#include "odbc_test.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

using namespace odbc_test;

namespace {

doctest::skip unless_iam_setup() {
    return doctest::skip(differential_run() || std::getenv("RSODBC_IAM_MOCK_PORT") == nullptr);
}

const mock_aws::Mock& mock() {
    static const mock_aws::Mock instance =
        mock_aws::Mock::attach(std::stoi(require_env("RSODBC_IAM_MOCK_PORT")));
    return instance;
}

const mock_aws::Mock& fresh_mock() {
    mock().reset();
    return mock();
}

constexpr const char* secret = "mock/secret/key/EXAMPLE";

// iam_test.sh asks for a trace log of every IAM connection (RSODBC_IAM_LOG) and then checks that
// no secret key, session token or database password is in it.
std::string trace_log() {
    const char* path = std::getenv("RSODBC_IAM_LOG");
    return path != nullptr ? std::string(";LogLevel=trace;LogPath=") + path : std::string();
}

// An IAM connection string for the TLS server and the mock; `extra` comes first, so its
// keywords win over the defaults after it.
std::string iam_dsn(const std::string& extra = "") {
    return extra + ";Driver={" + require_env("RSODBC_TEST_DRIVER")
           + "};Server=localhost;Port=" + require_env("RSODBC_IAM_PORT")
           + ";Database=rsodbc_test;SSLMode=verify-full;SSLRootCert=" + require_env("RSODBC_IAM_DIR")
           + "/ca.crt;IAM=1;Region=us-east-1;ClusterId=mock-cluster;DbUser=iam_alice;"
             "AccessKeyID=AKIDMOCKEXAMPLE;SecretAccessKey="
           + secret + ";StsConnectionTimeout=5;EndpointUrl=" + mock().url() + trace_log();
}

std::string session_user(const std::string& connection_string) {
    Env env;
    Dbc dbc(env);
    dbc.driver_connect(connection_string);
    return query_string(dbc, "SELECT session_user").value_or("(null)");
}

struct Refusal {
    SQLRETURN rc = SQL_SUCCESS;
    std::string states;
    std::string text;
};

Refusal refusal(const std::string& connection_string) {
    Env env;
    Dbc dbc(env);
    Refusal out;
    out.rc = SQLDriverConnect(dbc, nullptr, sqlc(connection_string), SQL_NTS, nullptr, 0, nullptr,
                              SQL_DRIVER_NOPROMPT);
    if (SQL_SUCCEEDED(out.rc)) {
        dbc.mark_connected();
    }
    for (const std::string& state : diag_states(SQL_HANDLE_DBC, dbc)) {
        out.states += state + " ";
    }
    out.text = diag_text(SQL_HANDLE_DBC, dbc);
    return out;
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("iam: GetClusterCredentials user logs in over TLS; second connect from the cache"
          * unless_iam_setup()) {
    const mock_aws::Mock& aws = fresh_mock();
    // DisableCache=1 first: whatever an earlier case cached, this one asks.
    CHECK(session_user(iam_dsn(";DisableCache=1")) == "IAM:iam_alice");
    CHECK(aws.count("GetClusterCredentials") == 1);
    CHECK(session_user(iam_dsn(";DisableCache=1")) == "IAM:iam_alice");
    CHECK(aws.count("GetClusterCredentials") == 2);
    // The second connection with the same settings reuses the password: no HTTP request.
    Env env;
    Dbc first(env);
    first.driver_connect(iam_dsn(";IAMDuration=1200"));
    CHECK(aws.count() == 3);
    Dbc second(env);
    second.driver_connect(iam_dsn(";IAMDuration=1200"));
    CHECK(query_string(second, "SELECT session_user") == "IAM:iam_alice");
    CHECK(aws.count() == 3);
    // The TLS state shows the IAM login went over a verified connection.
    CHECK(query_string(second, "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
          == "true");
}

TEST_CASE("iam: a profile with role_arn goes through STS AssumeRole, then GetClusterCredentials"
          * unless_iam_setup()) {
    const mock_aws::Mock& aws = fresh_mock();
    const std::filesystem::path dir = std::filesystem::path(require_env("RSODBC_IAM_DIR"));
    const std::string config = (dir / "aws-config").string();
    std::ofstream(config) << "[profile base]\naws_access_key_id = AKIDMOCKEXAMPLE\n"
                             "aws_secret_access_key = "
                          << secret
                          << "\n[profile analyst]\nrole_arn = arn:aws:iam::123456789012:role/"
                             "analyst\nsource_profile = base\n";
    ::setenv("AWS_CONFIG_FILE", config.c_str(), 1);
    ::setenv("AWS_SHARED_CREDENTIALS_FILE", (dir / "no-credentials").c_str(), 1);
    const std::string dsn =
        ";Profile=analyst;AccessKeyID=;SecretAccessKey=;DisableCache=1;"
        "StsEndpointUrl="
        + aws.url();
    CHECK(session_user(iam_dsn(dsn)) == "IAM:iam_alice");
    ::unsetenv("AWS_CONFIG_FILE");
    ::unsetenv("AWS_SHARED_CREDENTIALS_FILE");
    CHECK(aws.count("AssumeRole") == 1);
    CHECK(aws.count("GetClusterCredentials") == 1);
    // GetClusterCredentials was signed with the keys STS issued, not with the base profile's.
    CHECK(contains(aws.requests(), "\"key\": \"ASIAMOCKSTS"));
}

TEST_CASE("iam: serverless GetCredentials and GetClusterCredentialsWithIAM users"
          * unless_iam_setup()) {
    const mock_aws::Mock& aws = fresh_mock();
    CHECK(session_user(iam_dsn(";Serverless=1;Workgroup=mock-wg;ClusterId=;DisableCache=1"))
          == "IAMR:mock-user");
    CHECK(aws.count("GetCredentials") == 1);
    CHECK(session_user(iam_dsn(";group_federation=1;DisableCache=1")) == "IAM:mock-user");
    CHECK(aws.count("GetClusterCredentialsWithIAM") == 1);
}

TEST_CASE("iam: AWS errors are 28000, 08001 or HY000 with the AWS code and RequestId"
          * unless_iam_setup()) {
    const mock_aws::Mock& aws = fresh_mock();

    struct Case {
        const char* fault;
        const char* state;
        const char* text;
    };

    const Case cases[] = {
        {"AccessDenied", "28000",
         "GetClusterCredentials (cluster mock-cluster) failed: AccessDenied"},
        {"ExpiredToken", "28000", "ExpiredToken"},
        {"InvalidClientTokenId", "28000", "InvalidClientTokenId"},
        {"ClusterNotFound", "HY000", "ClusterNotFound: Cluster mock-cluster not found."},
        {"Throttling", "HY000", "Throttling: Rate exceeded"},
        {"InternalError", "08001", "unexpected answer (HTTP 500"},
        {"Truncated", "08001", "answered without DbUser, DbPassword or Expiration"},
    };
    for (const Case& c : cases) {
        INFO("fault " << c.fault);
        aws.configure(std::string(R"({"faults": {"GetClusterCredentials": ")") + c.fault + "\"}}");
        const Refusal r = refusal(iam_dsn(";DisableCache=1"));
        INFO("diagnostics: " << r.text);
        CHECK(r.rc == SQL_ERROR);
        CHECK(contains(r.states, c.state));
        CHECK(contains(r.text, "IAM authentication failed: "));
        CHECK(contains(r.text, c.text));
        if (std::string_view(c.state) != "08001") {
            CHECK(contains(r.text, "RequestId "));
        }
        CHECK_FALSE(contains(r.text, secret));
        CHECK_FALSE(contains(r.text, "mock-db-password"));
    }
    aws.configure(R"({"faults": {}})");
    // A wrong secret: the mock's own signature check refuses it, as AWS would.
    const Refusal wrong = refusal(iam_dsn(";SecretAccessKey=not-the-secret;DisableCache=1"));
    CHECK(contains(wrong.states, "28000"));
    CHECK(contains(wrong.text, "SignatureDoesNotMatch"));
    CHECK_FALSE(contains(wrong.text, "not-the-secret"));
    // AWS answers, but the password it hands out is not the role's: the server refuses it.
    aws.configure(R"({"db_password": "not-the-role-password"})");
    const Refusal server = refusal(iam_dsn(";DisableCache=1"));
    CHECK(server.rc == SQL_ERROR);
    CHECK(contains(server.states, "28"));
    CHECK(contains(server.text, "IAM:iam_alice"));
    CHECK_FALSE(contains(server.text, "not-the-role-password"));
}

TEST_CASE("iam: unreachable or stalled endpoint is 08001 in bounded time" * unless_iam_setup()) {
    const mock_aws::Mock& aws = fresh_mock();
    const Refusal refused = refusal(iam_dsn(";EndpointUrl=http://127.0.0.1:1;DisableCache=1"));
    CHECK(contains(refused.states, "08001"));
    CHECK(contains(refused.text, "HTTP request to http://127.0.0.1:1 failed"));

    aws.configure(R"({"faults": {"GetClusterCredentials": "Stall"}, "stall_seconds": 30})");
    const auto start = std::chrono::steady_clock::now();
    const Refusal stalled = refusal(iam_dsn(";StsConnectionTimeout=2;DisableCache=1"));
    const auto elapsed = std::chrono::steady_clock::now() - start;
    INFO("diagnostics: " << stalled.text);
    CHECK(contains(stalled.states, "08001"));
    CHECK(contains(stalled.text, "timed out"));
    CHECK(elapsed < std::chrono::seconds(10));
    CHECK(aws.count("GetClusterCredentials") == 1);
}

TEST_CASE("iam: no TLS, no region, no cluster: refused before any request" * unless_iam_setup()) {
    const mock_aws::Mock& aws = fresh_mock();
    const Refusal no_tls = refusal(iam_dsn(";SSLMode=disable"));
    CHECK(no_tls.rc == SQL_ERROR);
    CHECK(contains(no_tls.text, "IAM authentication requires TLS"));
    const Refusal prefer = refusal(iam_dsn(";SSLMode=prefer"));
    CHECK(contains(prefer.text, "IAM authentication requires TLS"));
    const Refusal no_region = refusal(iam_dsn(";Region=;DisableCache=1"));
    CHECK(no_region.rc == SQL_ERROR);
    CHECK(contains(no_region.text, "Region"));
    const Refusal no_cluster = refusal(iam_dsn(";ClusterId=;DisableCache=1"));
    CHECK(contains(no_cluster.text, "ClusterId"));
    const Refusal plain_http = refusal(iam_dsn(";EndpointUrl=http://example.com;DisableCache=1"));
    CHECK(contains(plain_http.text, "refusing URL 'http://example.com'"));
    CHECK(aws.count() == 0);
}
