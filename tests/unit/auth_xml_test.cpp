// The small XML reader of AWS Query answers and the parsing of every AWS answer the IAM flow
// reads (shared/IAM.md §3): database credentials (XML and JSON), AWS errors, timestamps. The
// fuzz corpus of tests/fuzz/fuzz_xml_reader is replayed here through the fuzzer's properties.
#include "../fuzz/xml_properties.h"
#include "auth/auth_error.h"
#include "auth/aws_call.h"
#include "auth/redshift_credentials.h"
#include "auth/xml_reader.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace auth = rsodbc::auth;
using auth::parse_xml;

namespace {

std::int64_t epoch_seconds(auth::Clock::time_point when) {
    return std::chrono::duration_cast<std::chrono::seconds>(when.time_since_epoch()).count();
}

}  // namespace

TEST_CASE("xml reader: a GetClusterCredentials answer, namespaces and prolog") {
    const auto xml = parse_xml(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<GetClusterCredentialsResponse xmlns=\"http://redshift.amazonaws.com/doc/2012-12-01/\">\n"
        "  <GetClusterCredentialsResult>\n"
        "    <DbUser>IAM:alice</DbUser><DbPassword>EXAMPLE+/==</DbPassword>"
        "<Expiration>2016-12-08T21:12:53.123Z</Expiration>\n"
        "  </GetClusterCredentialsResult>\n"
        "  <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>\n"
        "</GetClusterCredentialsResponse>\n");
    REQUIRE(xml);
    CHECK(xml->name == "GetClusterCredentialsResponse");
    REQUIRE(xml->children.size() == 2);
    CHECK(xml->find_text("DbUser") == "IAM:alice");
    CHECK(xml->find_text("DbPassword") == "EXAMPLE+/==");
    CHECK(xml->find_text("RequestId") == "r-1");
    CHECK(xml->find_text("Missing").empty());
    CHECK(xml->find("Missing") == nullptr);
}

TEST_CASE("xml reader: entities, character references, CDATA, comments, prefixes, BOM") {
    const auto xml = parse_xml(
        "\xEF\xBB\xBF<!-- before --><s:Root xmlns:s=\"urn:x\" a='1' b=\"&lt;2&gt;\">"
        "&amp;&lt;&gt;&quot;&apos;&#65;&#x42;&#xE9;&#x1F600;<![CDATA[<raw>&amp;]]>"
        "<!-- inside --><s:Child/></s:Root>\n<!-- after -->\n");
    REQUIRE(xml);
    CHECK(xml->name == "Root");
    CHECK(xml->text == "&<>\"'AB\xC3\xA9\xF0\x9F\x98\x80<raw>&amp;");
    REQUIRE(xml->children.size() == 1);
    CHECK(xml->children[0].name == "Child");
}

TEST_CASE("xml reader: strict, refuses what is not one well-formed element") {
    const char* bad[] = {
        "",
        "   ",
        "text",
        "<a>",
        "<a></b>",
        "<a><b></a></b>",
        "<a/><b/>",
        "<a/>trailing",
        "<a>&unknown;</a>",
        "<a>&amp</a>",
        "<a>&#0;</a>",
        "<a>&#xD800;</a>",
        "<a>&#x110000;</a>",
        "<a>&#;</a>",
        "<a>&#x;</a>",
        "<a x=1/>",
        "<a x/>",
        "<a x=\"<\"/>",
        "<a x=\"1\"y=\"2\"/>",
        "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
        "<a><!-- unclosed </a>",
        "<a><![CDATA[unclosed</a>",
        "<?xml version=\"1.0\"",
        "<a/><?xml version=\"1.0\"?>",
        "<:a/>",
        "<a:/>",
        "<a:b:c/>",
        "< a/>",
    };
    for (const char* text : bad) {
        INFO("input: " << text);
        CHECK_FALSE(parse_xml(text));
    }
}

TEST_CASE("xml reader: depth and size limits") {
    auto nested = [](int depth) {
        std::string text;
        for (int i = 0; i < depth; ++i) {
            text += "<e>";
        }
        for (int i = 0; i < depth; ++i) {
            text += "</e>";
        }
        return text;
    };
    CHECK(parse_xml(nested(64)));
    CHECK_FALSE(parse_xml(nested(65)));
    CHECK_FALSE(parse_xml(nested(100000)));  // refused by the limit, not by the stack
    const std::string big = "<a>" + std::string(std::size_t{1} << 20, 'x') + "</a>";
    CHECK_FALSE(parse_xml(big));
    CHECK(parse_xml("<a>" + std::string((std::size_t{1} << 20) - 7, 'x') + "</a>"));
}

TEST_CASE("xml reader: the fuzz corpus keeps the fuzzer's properties") {
    const std::filesystem::path dir =
        std::filesystem::path(RSODBC_SOURCE_DIR) / "tests" / "fuzz" / "corpus" / "fuzz_xml_reader";
    REQUIRE(std::filesystem::is_directory(dir));
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string data{std::istreambuf_iterator<char>(in),
                               std::istreambuf_iterator<char>()};
        INFO("corpus file " << entry.path().string());
        CHECK_NOTHROW(rsodbc::fuzz::check_xml_reader(data));
        ++files;
    }
    CHECK(files > 0);
    // The property check itself can fail: a tree that does not survive a write and read back.
    CHECK_THROWS_AS(rsodbc::fuzz::require(false, "probe"), rsodbc::fuzz::PropertyFailure);
}

TEST_CASE("ISO-8601 timestamps of AWS answers") {
    CHECK(epoch_seconds(*auth::parse_iso8601("1970-01-01T00:00:00Z")) == 0);
    CHECK(epoch_seconds(*auth::parse_iso8601("2016-12-08T21:12:53.123Z")) == 1481231573);
    CHECK(epoch_seconds(*auth::parse_iso8601("2016-12-08T21:12:53+00:00")) == 1481231573);
    CHECK(epoch_seconds(*auth::parse_iso8601("2024-02-29T23:59:59Z")) == 1709251199);
    for (const char* bad : {"", "2016-12-08", "2016-12-08T21:12:53", "2016-12-08T21:12:53+02:00",
                            "2016-13-08T21:12:53Z", "2016-12-08T24:00:00Z", "2016-12-08T21:12:5xZ",
                            "2016/12/08T21:12:53Z", "2016-12-08T21:12:53.Zjunk"}) {
        INFO("input: " << bad);
        CHECK_FALSE(auth::parse_iso8601(bad));
    }
}

TEST_CASE("GetClusterCredentials answers: fields read, missing ones refused") {
    const auth::DatabaseCredentials ok = auth::parse_cluster_credentials(
        "<GetClusterCredentialsResponse><GetClusterCredentialsResult><DbUser>IAMA:bob:etl</DbUser>"
        "<DbPassword>p&amp;w</DbPassword><Expiration>2016-12-08T21:12:53Z</Expiration>"
        "</GetClusterCredentialsResult></GetClusterCredentialsResponse>",
        "GetClusterCredentials");
    CHECK(ok.user == "IAMA:bob:etl");
    CHECK(ok.password == "p&w");
    CHECK(epoch_seconds(ok.expiration) == 1481231573);

    for (const char* bad :
         {"<R><DbPassword>p</DbPassword><Expiration>2016-12-08T21:12:53Z</Expiration></R>",
          "<R><DbUser>u</DbUser><Expiration>2016-12-08T21:12:53Z</Expiration></R>",
          "<R><DbUser>u</DbUser><DbPassword>p</DbPassword></R>",
          "<R><DbUser>u</DbUser><DbPassword>p</DbPassword><Expiration>soon</Expiration></R>",
          "<R><DbUser>u</DbUser><DbPassword>p</DbPassword><Expiration>2016-12-08T21:12:53Z",
          "{\"dbUser\":\"u\"}"}) {
        INFO("input: " << bad);
        try {
            auth::parse_cluster_credentials(bad, "GetClusterCredentials (cluster c)");
            FAIL("accepted");
        } catch (const auth::AuthError& error) {
            CHECK(error.failure() == auth::AuthFailure::network);
            CHECK(std::string(error.what())
                      .starts_with("GetClusterCredentials (cluster c) answered"));
        }
    }
}

TEST_CASE("serverless GetCredentials answers: epoch seconds, fields checked") {
    const auth::DatabaseCredentials ok = auth::parse_serverless_credentials(
        R"({"dbUser":"IAMR:admin","dbPassword":"pw","expiration":1440939360.5,"nextRefreshTime":1})");
    CHECK(ok.user == "IAMR:admin");
    CHECK(ok.password == "pw");
    CHECK(epoch_seconds(ok.expiration) == 1440939360);
    for (const char* bad :
         {R"({"dbUser":"u","dbPassword":"p"})",
          R"({"dbUser":"u","dbPassword":"p","expiration":"2016-12-08T21:12:53Z"})",
          R"({"dbUser":"u","dbPassword":"p","expiration":-1})",
          R"({"dbUser":"u","dbPassword":"p","expiration":1e300})",
          R"({"dbUser":"","dbPassword":"p","expiration":1})",
          R"({"dbUser":1,"dbPassword":"p","expiration":1})", R"([1])", "not json", ""}) {
        INFO("input: " << bad);
        CHECK_THROWS_AS(auth::parse_serverless_credentials(bad), auth::AuthError);
    }
}

TEST_CASE("AWS errors: code, message and RequestId in one message, classified") {
    const auth::AuthError query = auth::aws_error(
        "GetClusterCredentials (cluster c)", 404,
        "<ErrorResponse xmlns=\"http://redshift.amazonaws.com/doc/2012-12-01/\"><Error><Type>Sender"
        "</Type><Code>ClusterNotFound</Code><Message>Cluster c not found.</Message></Error>"
        "<RequestId>rid-xml</RequestId></ErrorResponse>",
        "", "");
    CHECK(std::string(query.what())
          == "GetClusterCredentials (cluster c) failed: ClusterNotFound: Cluster c not found. "
             "(HTTP 404, RequestId rid-xml)");
    CHECK(query.failure() == auth::AuthFailure::service);

    // The header's request id wins over the body's (AWS sends both, they agree).
    const auth::AuthError denied = auth::aws_error(
        "STS AssumeRole", 403,
        "<ErrorResponse><Error><Code>AccessDenied</Code><Message>not allowed</Message></Error>"
        "</ErrorResponse>",
        "rid-header", "");
    CHECK(std::string(denied.what())
              .find("AccessDenied: not allowed (HTTP 403, RequestId rid-header)")
          != std::string::npos);
    CHECK(denied.failure() == auth::AuthFailure::credentials);

    const auth::AuthError json = auth::aws_error(
        "redshift-serverless GetCredentials", 400,
        R"({"__type":"com.amazonaws.redshiftserverless#ResourceNotFoundException","message":"no wg"})",
        "rid-json", "");
    CHECK(std::string(json.what())
          == "redshift-serverless GetCredentials failed: ResourceNotFoundException: no wg (HTTP "
             "400, RequestId rid-json)");
    CHECK(json.failure() == auth::AuthFailure::service);

    const auth::AuthError expired = auth::aws_error(
        "x", 400, R"({"__type":"ExpiredTokenException:http://internal","Message":"gone"})", "", "");
    CHECK(std::string(expired.what()) == "x failed: ExpiredTokenException: gone (HTTP 400)");
    CHECK(expired.failure() == auth::AuthFailure::credentials);

    const auth::AuthError header_only =
        auth::aws_error("x", 400, "", "", "UnrecognizedClientException:extra");
    CHECK(std::string(header_only.what()).find("UnrecognizedClientException (HTTP 400)")
          != std::string::npos);
    CHECK(header_only.failure() == auth::AuthFailure::credentials);

    const auth::AuthError throttled = auth::aws_error(
        "x", 400,
        "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message>"
        "</Error></ErrorResponse>",
        "", "");
    CHECK(throttled.failure() == auth::AuthFailure::service);
    CHECK(std::string(throttled.what()).find("Throttling: Rate exceeded") != std::string::npos);

    const auth::AuthError internal = auth::aws_error("x", 503, "<html>busy</html", "", "");
    CHECK(internal.failure() == auth::AuthFailure::network);
    CHECK(std::string(internal.what()) == "x failed: unexpected answer (HTTP 503)");

    for (const char* code :
         {"InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken",
          "InvalidSignatureException", "MissingAuthenticationToken", "InvalidIdentityToken"}) {
        INFO("code " << code);
        const std::string body =
            std::string("<ErrorResponse><Error><Code>") + code + "</Code></Error></ErrorResponse>";
        CHECK(auth::aws_error("x", 403, body, "", "").failure() == auth::AuthFailure::credentials);
    }
}

TEST_CASE("Query form bodies: AWS encoding, order kept") {
    CHECK(
        auth::form_body({{"Action", "GetClusterCredentials"},
                         {"DbGroups.DbGroup.1", "etl+ops"},
                         {"RoleSessionName", "a b/c~d"}})
        == "Action=GetClusterCredentials&DbGroups.DbGroup.1=etl%2Bops&RoleSessionName=a%20b%2Fc~d");
    CHECK(auth::service_url("redshift", "us-west-2") == "https://redshift.us-west-2.amazonaws.com");
    CHECK(auth::service_url("sts", "cn-north-1") == "https://sts.cn-north-1.amazonaws.com.cn");
}
