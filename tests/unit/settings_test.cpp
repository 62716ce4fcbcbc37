#include "config/settings.h"

#include "config/connection_string.h"
#include "config/keywords.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

namespace config = rsodbc::config;
using config::ConfigError;
using config::ServerFlavor;

namespace {

config::Settings settings_from(std::string_view text) {
    config::AttributeMap attrs;
    for (const config::KeyValue& pair : config::parse_connection_string(text)) {
        attrs.add_if_absent(pair.key, pair.value);
    }
    return config::make_settings(attrs);
}

std::string error_of(std::string_view text) {
    try {
        settings_from(text);
    } catch (const ConfigError& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("keyword table lookups") {
    REQUIRE(config::find_keyword("servername") != nullptr);
    CHECK(config::find_keyword("servername")->name == "Server");
    CHECK(config::find_keyword("LOGONID")->name == "UID");
    CHECK(config::find_keyword("password")->secret);
    CHECK_FALSE(config::find_keyword("UID")->secret);
    CHECK(config::find_keyword("PortNumber")->default_value == "5439");
    CHECK(config::find_keyword("LoginTimeout")->name == "ConnectTimeout");
    CHECK(config::find_keyword("NoSuchKey") == nullptr);
}

TEST_CASE("keyword table is consistent") {
    for (const config::Keyword& keyword : config::all_keywords()) {
        CAPTURE(keyword.name);
        CHECK(config::find_keyword(keyword.name) == &keyword);
        CHECK_FALSE(keyword.doc.empty());
        for (std::string_view alias : keyword.aliases) {
            CHECK(config::find_keyword(alias) == &keyword);
        }
    }
}

TEST_CASE("defaults") {
    const config::Settings s = settings_from("DSN=x");
    CHECK(s.dsn == "x");
    CHECK(s.host == "localhost");
    CHECK(s.port == 5439);
    CHECK(s.sslmode == "prefer");
    CHECK(s.flavor == ServerFlavor::automatic);
    CHECK(s.log_level == "off");
    CHECK(s.log_path.empty());
    CHECK(s.connect_timeout == 0);
    CHECK(s.application_name == "redshift-odbc");
    CHECK(s.unknown_keys.empty());
}

TEST_CASE("an empty value means the default") {
    const config::Settings s = settings_from("Server=;Port=;SSLMode=");
    CHECK(s.host == "localhost");
    CHECK(s.port == 5439);
    CHECK(s.sslmode == "prefer");
}

TEST_CASE("values through aliases, enumerations normalized") {
    const config::Settings s = settings_from(
        "Host=h;PortNumber=5432;DB=dev;User=u;Password=p;sslmode=VERIFY-FULL;"
        "ServerFlavor=PostgreSQL;LogLevel=5;LoginTimeout=30;ApplicationName=app");
    CHECK(s.host == "h");
    CHECK(s.port == 5432);
    CHECK(s.database == "dev");
    CHECK(s.user == "u");
    CHECK(s.password == "p");
    CHECK(s.sslmode == "verify-full");
    CHECK(s.flavor == ServerFlavor::postgresql);
    CHECK(s.log_level == "debug");
    CHECK(s.connect_timeout == 30);
    CHECK(s.application_name == "app");
}

TEST_CASE("log levels") {
    CHECK(config::canonical_log_level("0") == "off");
    CHECK(config::canonical_log_level("1") == "fatal");
    CHECK(config::canonical_log_level("3") == "warn");
    CHECK(config::canonical_log_level("Warning") == "warn");
    CHECK(config::canonical_log_level("6") == "trace");
    CHECK(config::canonical_log_level("TRACE") == "trace");
    CHECK_THROWS_AS(config::canonical_log_level("7"), ConfigError);
    CHECK_THROWS_AS(config::canonical_log_level("loud"), ConfigError);
}

TEST_CASE("server flavour") {
    CHECK(config::parse_server_flavor("AUTO") == ServerFlavor::automatic);
    CHECK(config::parse_server_flavor("redshift") == ServerFlavor::redshift);
    CHECK(config::to_string(ServerFlavor::postgresql) == "postgresql");
    CHECK(config::to_string(ServerFlavor::automatic) == "auto");
    CHECK_THROWS_AS(config::parse_server_flavor("mysql"), ConfigError);
}

TEST_CASE("validation errors name the key") {
    CHECK(error_of("Port=0").find("Port") != std::string::npos);
    CHECK(error_of("Port=65536").find("Port") != std::string::npos);
    CHECK(error_of("Port=54x").find("Port") != std::string::npos);
    CHECK(error_of("Port=-1").find("Port") != std::string::npos);
    CHECK(error_of("Port=99999999999999999999").find("Port") != std::string::npos);
    CHECK(error_of("SSLMode=maybe").find("SSLMode") != std::string::npos);
    CHECK(error_of("ServerFlavor=oracle").find("ServerFlavor") != std::string::npos);
    CHECK(error_of("LogLevel=verbose").find("LogLevel") != std::string::npos);
    CHECK(error_of("ConnectTimeout=-5").find("ConnectTimeout") != std::string::npos);
    CHECK(error_of("LoginTimeout=soon").find("ConnectTimeout") != std::string::npos);
    CHECK(settings_from("Port=65535").port == 65535);
    CHECK(settings_from("Port=1").port == 1);
}

TEST_CASE("unknown keys are collected, not rejected") {
    const config::Settings s = settings_from("DSN=x;Foo=1;SingleRowMode=0;server=h");
    CHECK(s.unknown_keys == std::vector<std::string>{"Foo", "SingleRowMode"});
    CHECK(s.host == "h");
}

TEST_CASE("completed connection string") {
    SUBCASE("DSN first, then non-default values, PWD included") {
        const config::Settings s =
            settings_from("uid=u;DSN=d;Driver=drv;Password=p;Port=5432;SSLMode=prefer");
        const auto pairs = config::completed_connection_pairs(s);
        const std::vector<config::KeyValue> expected{
            {"DSN", "d"}, {"Port", "5432"}, {"UID", "u"}, {"PWD", "p"}};
        CHECK(pairs == expected);
    }
    SUBCASE("Driver when there is no DSN") {
        const auto pairs =
            config::completed_connection_pairs(settings_from("Driver=Redshift;Server=h"));
        REQUIRE(pairs.size() == 2);
        CHECK(pairs[0] == config::KeyValue{"Driver", "Redshift"});
        CHECK(pairs[1] == config::KeyValue{"Server", "h"});
    }
    SUBCASE("the result parses back to the same settings") {
        const config::Settings s = settings_from(
            "Driver={My Driver};Server=h;PWD={a;b}}};ServerFlavor=redshift;LogLevel=info");
        const std::string text =
            config::format_connection_string(config::completed_connection_pairs(s));
        const config::Settings again = settings_from(text);
        CHECK(again.driver == "My Driver");
        CHECK(again.password == "a;b}");
        CHECK(again.flavor == ServerFlavor::redshift);
        CHECK(again.log_level == "info");
    }
}
