#include "config/redact.h"

#include "config/connection_string.h"

#include <doctest/doctest.h>

#include <string>

using rsodbc::config::redacted_connection_string;

TEST_CASE("PWD and its aliases are masked, in any case") {
    for (std::string_view text :
         {"UID=u;PWD=s3cr3t;Server=h", "UID=u;Password=s3cr3t;Server=h",
          "UID=u;pwd={s3cr3t};Server=h", "UID=u;PASSWORD= s3cr3t ;Server=h"}) {
        CAPTURE(text);
        const std::string redacted = redacted_connection_string(text);
        CHECK(redacted.find("s3cr3t") == std::string::npos);
        CHECK(redacted.find("***") != std::string::npos);
        CHECK(redacted.find("UID=u") != std::string::npos);
        CHECK(redacted.find("Server=h") != std::string::npos);
    }
}

TEST_CASE("braced passwords with ; and }} do not leak a fragment") {
    const std::string redacted = redacted_connection_string("PWD={ab;cd}}ef};UID=u");
    CHECK(redacted.find("ab") == std::string::npos);
    CHECK(redacted.find("cd") == std::string::npos);
    CHECK(redacted.find("ef") == std::string::npos);
    CHECK(redacted == "PWD=***;UID=u");
}

TEST_CASE("every occurrence of a repeated secret is masked") {
    const std::string redacted = redacted_connection_string("PWD=one;Password=two");
    CHECK(redacted.find("one") == std::string::npos);
    CHECK(redacted.find("two") == std::string::npos);
}

TEST_CASE("unknown keys that look like credentials are masked too") {
    const std::string redacted =
        redacted_connection_string("SecretAccessKey=k1;SessionToken=k2;IdP_Password=k3;Foo=bar");
    CHECK(redacted.find("k1") == std::string::npos);
    CHECK(redacted.find("k2") == std::string::npos);
    CHECK(redacted.find("k3") == std::string::npos);
    CHECK(redacted.find("Foo=bar") != std::string::npos);
}

// One word list for the driver's logs and `redshift-odbc check` (setup/cli/check.cpp had its own).
TEST_CASE("another driver's passphrase or API key is masked, and known keywords follow the table") {
    const std::string redacted = redacted_connection_string(
        "Passphrase=k4;ApiKey=k5;plugin_pwd=k6;SSLKey=/etc/client.key;Server=h");
    CHECK(redacted.find("k4") == std::string::npos);
    CHECK(redacted.find("k5") == std::string::npos);
    CHECK(redacted.find("k6") == std::string::npos);
    CHECK(redacted.find("/etc/client.key") != std::string::npos);  // a path, not a secret
    CHECK(redacted.find("Server=h") != std::string::npos);
}

TEST_CASE("pairs overload") {
    const std::vector<rsodbc::config::KeyValue> pairs{{"DSN", "d"}, {"PWD", "p;w"}};
    CHECK(redacted_connection_string(pairs) == "DSN=d;PWD=***");
}

TEST_CASE("text that does not parse is not echoed") {
    const std::string redacted = redacted_connection_string("UID=u;PWD={unterminated");
    CHECK(redacted.find("unterminated") == std::string::npos);
    CHECK(redacted.find("UID") == std::string::npos);
}
