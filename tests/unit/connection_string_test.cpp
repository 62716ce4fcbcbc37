#include "config/connection_string.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using rsodbc::config::AttributeMap;
using rsodbc::config::ConfigError;
using rsodbc::config::format_connection_string;
using rsodbc::config::KeyValue;
using rsodbc::config::parse_connection_string;

namespace {

std::string error_of(std::string_view text) {
    try {
        parse_connection_string(text);
    } catch (const ConfigError& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("plain pairs keep their order and are trimmed") {
    const auto pairs = parse_connection_string("  DSN = prod ; UID=  alice  ;Port=5439");
    const std::vector<KeyValue> expected{{"DSN", "prod"}, {"UID", "alice"}, {"Port", "5439"}};
    CHECK(pairs == expected);
}

TEST_CASE("braced values are verbatim, with ; = and spaces inside") {
    const auto pairs = parse_connection_string("PWD={ a;b=c };Server=h");
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[0].key == "PWD");
    CHECK(pairs[0].value == " a;b=c ");
    CHECK(pairs[1].value == "h");
}

TEST_CASE("}} inside braces is one }") {
    const auto pairs = parse_connection_string("PWD={x}}y}}};UID=u");
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[0].value == "x}y}");
    CHECK(pairs[1] == KeyValue{"UID", "u"});
}

TEST_CASE("blanks around a braced value are allowed") {
    const auto pairs = parse_connection_string("Driver = {Redshift ODBC} ;DSN=x");
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[0].value == "Redshift ODBC");
}

TEST_CASE("empty segments are ignored, empty values kept") {
    const auto pairs = parse_connection_string(";;DSN=a;; ;Database=;");
    const std::vector<KeyValue> expected{{"DSN", "a"}, {"Database", ""}};
    CHECK(pairs == expected);
    CHECK(parse_connection_string("").empty());
    CHECK(parse_connection_string(" ; ").empty());
}

TEST_CASE("duplicates are all returned in order") {
    const auto pairs = parse_connection_string("UID=a;uid=b");
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[0].value == "a");
    CHECK(pairs[1].value == "b");
}

TEST_CASE("syntax errors") {
    CHECK_THROWS_AS(parse_connection_string("DSN"), ConfigError);
    CHECK_THROWS_AS(parse_connection_string("=x"), ConfigError);
    CHECK_THROWS_AS(parse_connection_string("PWD={abc}x;UID=u"), ConfigError);

    SUBCASE("unterminated brace names the key and does not quote the value") {
        const std::string message = error_of("UID=u;PWD={hunter2;DSN=x");
        CHECK(message.find("PWD") != std::string::npos);
        CHECK(message.find("never closed") != std::string::npos);
        CHECK(message.find("hunter2") == std::string::npos);
    }
    SUBCASE("a stray ; in an unbraced value points at the previous key") {
        const std::string message = error_of("PWD=ab;cd;UID=u");
        CHECK(message.find("after the value of 'PWD'") != std::string::npos);
        CHECK(message.find("cd") == std::string::npos);
    }
    SUBCASE("a lone } closes nothing: }} escape only inside braces") {
        CHECK_THROWS_AS(parse_connection_string("PWD={a}}"), ConfigError);
    }
}

TEST_CASE("format braces what needs it and round-trips") {
    const std::vector<KeyValue> pairs{{"DSN", "plain"}, {"PWD", "a;b"},  {"X", "{x}"},
                                      {"Y", " lead"},   {"Z", "trail "}, {"E", ""},
                                      {"Q", "p=q"},     {"R", "}"},      {"S", "x}}y"}};
    const std::string text = format_connection_string(pairs);
    CHECK(text.find("DSN=plain;") == 0);
    CHECK(text.find("PWD={a;b}") != std::string::npos);
    CHECK(text.find("X={{x}}}") != std::string::npos);
    CHECK(text.find("R={}}}") != std::string::npos);
    CHECK(parse_connection_string(text) == pairs);
}

TEST_CASE("parse(format(parse(s))) is a fixed point") {
    for (std::string_view text : {"a=1;b={;};c= x ;d={}}{}", "k={ } ;K=}{", "x={==}"}) {
        CAPTURE(text);
        const auto once = parse_connection_string(text);
        CHECK(parse_connection_string(format_connection_string(once)) == once);
    }
}

TEST_CASE("AttributeMap: case-insensitive, aliases canonical, first occurrence wins") {
    AttributeMap attrs;
    for (const KeyValue& pair : parse_connection_string("host=h1;SERVER=h2;Password=p;pwd=q;X=1")) {
        attrs.add_if_absent(pair.key, pair.value);
    }
    REQUIRE(attrs.find("Server") != nullptr);
    CHECK(*attrs.find("Server") == "h1");
    CHECK(*attrs.find("servername") == "h1");
    CHECK(*attrs.find("PWD") == "p");
    CHECK(*attrs.find("x") == "1");
    CHECK(attrs.find("Port") == nullptr);
    CHECK(attrs.size() == 3);

    std::vector<std::string> keys;
    for (const KeyValue& entry : attrs) {
        keys.push_back(entry.key);
    }
    CHECK(keys == std::vector<std::string>{"Server", "PWD", "X"});
}

TEST_CASE("AttributeMap::set overrides, under the canonical name") {
    AttributeMap attrs;
    attrs.add_if_absent("Dbname", "a");
    attrs.set("database", "b");
    attrs.set("NewKey", "v");
    CHECK(*attrs.find("DB") == "b");
    CHECK(attrs.begin()->key == "Database");
    CHECK(*attrs.find("newkey") == "v");
    CHECK(attrs.size() == 2);
}
