// SigV4 against the published AWS test suite (tests/unit/aws4_testsuite/, Apache-2.0 data) and
// the two Redshift requests of shared/IAM.md §4.2, byte for byte.
#include "auth/crypto.h"
#include "auth/sigv4.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace rsodbc::auth;

namespace {

std::filesystem::path suite_dir() {
    return std::filesystem::path(RSODBC_SOURCE_DIR) / "tests" / "unit" / "aws4_testsuite";
}

std::chrono::system_clock::time_point suite_time() {
    // 2015-08-30T12:36:00Z
    return std::chrono::sys_days{std::chrono::year{2015} / 8 / 30} + std::chrono::hours{12}
           + std::chrono::minutes{36};
}

const AwsCredentials suite_keys{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""};

std::string percent_decode(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            out.push_back(
                static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

bool iequal(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x))
                      == std::tolower(static_cast<unsigned char>(y));
           });
}

struct SuiteCase {
    SignableRequest request;
    AwsCredentials credentials = suite_keys;
    std::string expected_authorization;
};

// Parses one signed request of the suite back into what the signer is given: the request without
// Authorization and X-Amz-Date (the signer adds both), the token as a credential.
SuiteCase parse_case(const std::string& text, std::string_view name) {
    SuiteCase out;
    const std::size_t blank = text.find("\n\n");
    REQUIRE(blank != std::string::npos);
    out.request.body = text.substr(blank + 2);
    std::istringstream head(text.substr(0, blank));
    std::string line;
    std::getline(head, line);
    const std::size_t sp1 = line.find(' ');
    const std::size_t sp2 = line.rfind(' ');
    out.request.method = line.substr(0, sp1);
    const std::string target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    const std::size_t qmark = target.find('?');
    out.request.path = percent_decode(target.substr(0, qmark));
    if (qmark != std::string::npos) {
        std::string_view query = std::string_view(target).substr(qmark + 1);
        while (!query.empty()) {
            const std::size_t amp = query.find('&');
            const std::string_view pair = query.substr(0, amp);
            const std::size_t eq = pair.find('=');
            out.request.query.emplace_back(
                percent_decode(pair.substr(0, eq)),
                eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1)));
            query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        }
    }
    while (std::getline(head, line)) {
        if (!line.empty() && line[0] == ' ') {
            // The suite reads a folded line as one more value of the same header (its
            // canonical form joins them with ','), not as part of the previous value.
            out.request.headers.push_back({out.request.headers.back().name, line});
            continue;
        }
        const std::size_t colon = line.find(':');
        HttpHeader header{line.substr(0, colon), line.substr(colon + 1)};
        if (iequal(header.name, "Authorization")) {
            out.expected_authorization = header.value;
        } else if (iequal(header.name, "X-Amz-Security-Token")) {
            out.credentials.session_token = header.value;
        } else if (iequal(header.name, "X-Amz-Date")) {
            continue;
        } else if (name == "post-sts-header-after" && iequal(header.name, "x-amz-content-sha256")) {
            continue;
        } else {
            out.request.headers.push_back(header);
        }
    }
    return out;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("SigV4: every vector of the AWS test suite") {
    int passed = 0;
    int total = 0;
    REQUIRE(std::filesystem::is_directory(suite_dir()));
    for (const auto& entry : std::filesystem::directory_iterator(suite_dir())) {
        if (entry.path().extension() != ".txt") {
            continue;
        }
        const std::string name = entry.path().stem().string();
        CAPTURE(name);
        SuiteCase c = parse_case(read_file(entry.path()), name);
        REQUIRE_FALSE(c.expected_authorization.empty());
        const SignedParts parts =
            sign_v4(c.request, c.credentials, {"us-east-1", "service", suite_time(), true});
        CAPTURE(parts.canonical_request);
        CHECK(parts.authorization == c.expected_authorization);
        ++total;
        passed += parts.authorization == c.expected_authorization ? 1 : 0;
    }
    MESSAGE("SigV4 suite vectors passed: " << passed << "/" << total);
    CHECK(total == 28);
}

TEST_CASE("SigV4: get-vanilla canonical request and string to sign") {
    SignableRequest request{"GET", "/", {}, {{"Host", "example.amazonaws.com"}}, ""};
    const SignedParts parts = sign_v4(request, suite_keys, {"us-east-1", "service", suite_time()});
    CHECK(parts.canonical_request
          == "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
             "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(parts.string_to_sign
          == "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
             "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
    CHECK(parts.signature == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    // The signer added exactly the two headers it signs or sends.
    REQUIRE(request.headers.size() == 3);
    CHECK(request.headers[1].name == "X-Amz-Date");
    CHECK(request.headers[2].name == "Authorization");
}

TEST_CASE("SigV4: Redshift GetClusterCredentials vector (IAM.md 4.2)") {
    SignableRequest request;
    request.method = "POST";
    request.headers = {{"Host", "redshift.us-west-2.amazonaws.com"},
                       {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"},
                       {"User-Agent", "not signed"}};
    request.body =
        "Action=GetClusterCredentials&Version=2012-12-01&DbUser=alice&DbName=dev&"
        "ClusterIdentifier=examplecluster&DurationSeconds=900&AutoCreate=false&"
        "DbGroups.DbGroup.1=analysts&DbGroups.DbGroup.2=etl%2Bops";
    const SignedParts parts = sign_v4(request, suite_keys, {"us-west-2", "redshift", suite_time()});
    CHECK(hex(sha256(request.body))
          == "02cec1aa7eed38077184e8243c5b3ccb31ca838bdc2e67bf8b4a9dcc2a2cc62d");
    CHECK(hex(sha256(parts.canonical_request))
          == "acef884811fef0aa91a62b6e6133983660de0869268146d83403b11dc635caf2");
    CHECK(parts.signed_headers == "content-type;host;x-amz-date");
    CHECK(parts.authorization
          == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-west-2/redshift/aws4_request, "
             "SignedHeaders=content-type;host;x-amz-date, "
             "Signature=dc282588467e511c70c1723e9cbafabb545b9df26a2c3e00f905f1db4a705f3f");
}

TEST_CASE("SigV4: redshift-serverless GetCredentials vector with a session token (IAM.md 4.2)") {
    SignableRequest request;
    request.method = "POST";
    request.headers = {{"Host", "redshift-serverless.us-east-1.amazonaws.com"},
                       {"X-Amz-Target", "RedshiftServerless.GetCredentials"},
                       {"Content-Type", "application/x-amz-json-1.1"}};
    request.body = R"({"workgroupName": "default", "dbName": "dev", "durationSeconds": 900})";
    AwsCredentials keys = suite_keys;
    keys.session_token = "FQoGZXIvYXdzEXAMPLETOKEN";
    const SignedParts parts =
        sign_v4(request, keys, {"us-east-1", "redshift-serverless", suite_time()});
    CHECK(hex(sha256(request.body))
          == "39c08643578c6fe816a931943490b73afc644912397038a7a73d7fd1d11a7128");
    CHECK(hex(sha256(parts.canonical_request))
          == "50793281d5f09c17ebe4c3c2fb8106b4013603c9e6aa22afe8f86d3ef0f93f53");
    CHECK(parts.signed_headers == "content-type;host;x-amz-date;x-amz-security-token;x-amz-target");
    CHECK(parts.signature == "b9caf8157de9f50ce0f61e510a47741459d6827816ecd57845d74b72c199e138");
}

TEST_CASE("SigV4: URI encoding is AWS's, not a library's") {
    CHECK(uri_encode("a b+c/d~e") == "a%20b%2Bc%2Fd~e");
    CHECK(uri_encode("a b/c", true) == "a%20b/c");
    CHECK(uri_encode("\xE1\x88\xB4") == "%E1%88%B4");
    CHECK(uri_encode("etl+ops@x=y&z") == "etl%2Bops%40x%3Dy%26z");
}

TEST_CASE("SigV4: key derivation (AWS documentation example)") {
    // kSigning for secret wJalr..., 20150830, us-east-1, iam (AWS "derive a signing key" page).
    const Digest k_date = hmac_sha256("AWS4wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830");
    const Digest k_region = hmac_sha256(as_text(k_date), "us-east-1");
    const Digest k_service = hmac_sha256(as_text(k_region), "iam");
    const Digest k_signing = hmac_sha256(as_text(k_service), "aws4_request");
    CHECK(hex(k_signing) == "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
}
