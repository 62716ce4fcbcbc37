#include "config/settings.h"

#include "config/connection_string.h"
#include "config/keywords.h"
#include "unit_fixtures.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

namespace config = rsodbc::config;
using config::ConfigError;
using config::ServerFlavor;

namespace {

using unit_fixtures::settings_from;

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
        // Another driver's keyword says where it comes from; the reason of an ignored or
        // unsupported one is a single line (it is also a diagnostic message).
        if (keyword.support != config::Support::implemented) {
            CHECK_FALSE(keyword.origin.empty());
            CHECK(keyword.default_value.empty());
            CHECK(keyword.doc.size() < 200);
        }
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

TEST_CASE("SSLMode defaults to verify-full for Redshift endpoints only") {
    CHECK(settings_from("Server=c.abc.us-west-2.redshift.amazonaws.com").sslmode == "verify-full");
    CHECK(settings_from("Server=wg.123.eu-west-1.redshift-serverless.amazonaws.com").sslmode
          == "verify-full");
    CHECK(settings_from("Server=c.abc.cn-north-1.redshift.amazonaws.com.cn").sslmode
          == "verify-full");
    CHECK(settings_from("Server=C.ABC.US-EAST-1.REDSHIFT.AMAZONAWS.COM.").sslmode == "verify-full");
    CHECK(settings_from("Server=redshift.amazonaws.com.evil.example").sslmode == "prefer");
    CHECK(settings_from("Server=myredshift.amazonaws.com").sslmode == "prefer");
    CHECK(settings_from("Server=10.0.0.1").sslmode == "prefer");
    CHECK(settings_from("Server=c.abc.us-west-2.redshift.amazonaws.com;SSLMode=require").sslmode
          == "require");
    // ssl_insecure (the Amazon keyword) drops verification, nothing else.
    CHECK(settings_from("Server=c.abc.us-west-2.redshift.amazonaws.com;ssl_insecure=true").sslmode
          == "require");
    CHECK(settings_from("SSLMode=disable;ssl_insecure=1").sslmode == "disable");
    CHECK(settings_from("Min_TLS=1.3").min_tls == "1.3");
    CHECK(settings_from("").min_tls == "1.2");
    CHECK(error_of("Min_TLS=2.0").find("Min_TLS") != std::string::npos);
    CHECK(error_of("ssl_insecure=maybe").find("ssl_insecure") != std::string::npos);
    CHECK(settings_from("CaFile=/a.pem").ssl_root_cert == "/a.pem");
    CHECK(settings_from("TrustStore=/b.pem").ssl_root_cert == "/b.pem");
}

TEST_CASE("session keywords") {
    const config::Settings d = settings_from("");
    CHECK(d.keep_alive);
    CHECK(d.query_timeout == 0);
    CHECK(d.connection_retry_delay == 3);
    CHECK_FALSE(d.read_only);
    const config::Settings s = settings_from(
        "KeepAlive=0;KeepAliveTime=60;KeepAliveCount=4;D2=7;QueryTimeout=30;"
        "ConnectionRetryCount=2;ConnectionRetryDelay=1;A0=1;ConnSettings={SET a TO 1}");
    CHECK_FALSE(s.keep_alive);
    CHECK(s.keep_alive_idle == 60);
    CHECK(s.keep_alive_count == 4);
    CHECK(s.keep_alive_interval == 7);
    CHECK(s.query_timeout == 30);
    CHECK(s.connection_retry_count == 2);
    CHECK(s.connection_retry_delay == 1);
    CHECK(s.read_only);
    CHECK(s.initialization_string == "SET a TO 1");
    CHECK(error_of("QueryTimeout=-1").find("QueryTimeout") != std::string::npos);
    CHECK(error_of("ReadOnly=2").find("ReadOnly") != std::string::npos);
}

TEST_CASE("unknown keys are collected, not rejected") {
    const config::Settings s = settings_from("DSN=x;Foo=1;SingleRowMode=0;server=h;Sevrer=y");
    CHECK(s.unknown_keys == std::vector<std::string>{"Foo", "Sevrer"});
    CHECK(s.unsupported_keys.empty());  // SingleRowMode is recognised and needs nothing
    CHECK(s.host == "h");
}

TEST_CASE("unsupported keys are collected with their reason, when set") {
    const config::Settings s = settings_from("ProxyHost=proxy;KerberosAPI=;A5=1;CscEnable=1");
    CHECK(s.unsupported_keys == std::vector<std::string>{"ProxyHost", "ShowSystemTables"});
    CHECK(s.unknown_keys.empty());
    CHECK(config::find_keyword("ProxyHost")->doc.find("proxies") != std::string_view::npos);
}

TEST_CASE("closest keyword for an unknown one") {
    CHECK(config::closest_keyword("Sevrer") == "Server");
    CHECK(config::closest_keyword("databse") == "Database");
    CHECK(config::closest_keyword("KeepAliveIntervall") == "KeepAliveInterval");
    CHECK(config::closest_keyword("LogLvl") == "LogLevel");
    CHECK(config::closest_keyword("Prot") == "Port");
    CHECK(config::closest_keyword("Foo").empty());
    CHECK(config::closest_keyword("XY").empty());  // not every two letters are an abbreviation
    CHECK(config::closest_keyword("CompletelyDifferent").empty());
}

// The keywords of the Amazon Redshift ODBC driver 2.x (rsodbc.h), its 1.x documentation and
// psqlODBC (dlg_specific.h, with the two-letter abbreviations of its completed connection
// strings). IAM and identity-provider keywords are issue 16's and are checked there.
TEST_CASE("every keyword of the Amazon drivers and psqlODBC is recognised") {
    const std::vector<std::string_view> amazon_2x{"Driver",
                                                  "DSN",
                                                  "HostName",
                                                  "Host",
                                                  "Server",
                                                  "PortNumber",
                                                  "Port",
                                                  "Database",
                                                  "DB",
                                                  "LogonID",
                                                  "UID",
                                                  "User",
                                                  "Password",
                                                  "PWD",
                                                  "LoginTimeout",
                                                  "EnableDescribeParam",
                                                  "ExtendedColumnMetaData",
                                                  "ApplicationUsingThreads",
                                                  "FetchRefCursor",
                                                  "TransactionErrorBehavior",
                                                  "ConnectionRetryCount",
                                                  "ConnectionRetryDelay",
                                                  "QueryTimeout",
                                                  "InitializationString",
                                                  "Trace",
                                                  "TraceFile",
                                                  "TraceLevel",
                                                  "CscEnable",
                                                  "CscThreshold",
                                                  "CscPath",
                                                  "CscMaxFileSize",
                                                  "SSLMode",
                                                  "EncryptionMethod",
                                                  "ValidateServerCertificate",
                                                  "TrustStore",
                                                  "MultiInsertCmdConvertEnable",
                                                  "KerberosServiceName",
                                                  "KerberosAPI",
                                                  "StreamingCursorRows",
                                                  "DatabaseMetadataCurrentDbOnly",
                                                  "ReadOnly",
                                                  "client_protocol_version",
                                                  "StringType",
                                                  "ApplicationName",
                                                  "Compression",
                                                  "ProxyHost",
                                                  "ProxyPort",
                                                  "ProxyUid",
                                                  "ProxyPwd",
                                                  "KeepAlive",
                                                  "KeepAliveCount",
                                                  "KeepAliveIdle",
                                                  "KeepAliveInterval",
                                                  "Min_TLS",
                                                  "CaPath",
                                                  "CaFile",
                                                  "LogLevel",
                                                  "LogPath",
                                                  "UseDeclareFetch",
                                                  "UDF",
                                                  "Fetch",
                                                  "BoolsAsChar",
                                                  "EnableTableTypes",
                                                  "Prefer_PQ",
                                                  "UseUnicode",
                                                  "MaxVarcharSize",
                                                  "MaxLongVarcharSize",
                                                  "ssl_insecure"};
    const std::vector<std::string_view> amazon_1x{"BoolsAsChar",
                                                  "EnableTableTypes",
                                                  "Fetch",
                                                  "KeepAlive",
                                                  "KeepAliveCount",
                                                  "KeepAliveInterval",
                                                  "KeepAliveTime",
                                                  "Locale",
                                                  "MaxBytea",
                                                  "MaxChar",
                                                  "MaxLongVarChar",
                                                  "MaxVarchar",
                                                  "Min_TLS",
                                                  "SingleRowMode",
                                                  "TextAsLongVarchar",
                                                  "UseDeclareFetch",
                                                  "UseMultipleStatements",
                                                  "UseUnicode",
                                                  "Username",
                                                  "SSLMode",
                                                  "CaFile",
                                                  "ProxyHost",
                                                  "ProxyPort"};
    const std::vector<std::string_view> psqlodbc{"Description",
                                                 "Servername",
                                                 "Port",
                                                 "Database",
                                                 "UID",
                                                 "Username",
                                                 "Password",
                                                 "Debug",
                                                 "B2",
                                                 "Fetch",
                                                 "A7",
                                                 "Socket",
                                                 "A8",
                                                 "ReadOnly",
                                                 "A0",
                                                 "CommLog",
                                                 "B3",
                                                 "Protocol",
                                                 "A1",
                                                 "Optimizer",
                                                 "B4",
                                                 "Ksqo",
                                                 "B5",
                                                 "ConnSettings",
                                                 "A6",
                                                 "UniqueIndex",
                                                 "UnknownSizes",
                                                 "A9",
                                                 "CancelAsFreeStmt",
                                                 "C1",
                                                 "UseDeclareFetch",
                                                 "B6",
                                                 "TextAsLongVarchar",
                                                 "B7",
                                                 "UnknownsAsLongVarchar",
                                                 "B8",
                                                 "BoolsAsChar",
                                                 "B9",
                                                 "MaxVarcharSize",
                                                 "B0",
                                                 "MaxLongVarcharSize",
                                                 "B1",
                                                 "FakeOidIndex",
                                                 "A2",
                                                 "ShowOidColumn",
                                                 "A3",
                                                 "RowVersioning",
                                                 "A4",
                                                 "ShowSystemTables",
                                                 "A5",
                                                 "Lie",
                                                 "Parse",
                                                 "C0",
                                                 "ExtraSysTablePrefixes",
                                                 "C2",
                                                 "TranslationName",
                                                 "TranslationDLL",
                                                 "TranslationOption",
                                                 "DisallowPremature",
                                                 "C3",
                                                 "UpdatableCursors",
                                                 "C4",
                                                 "LFConversion",
                                                 "C5",
                                                 "TrueIsMinus1",
                                                 "C6",
                                                 "BI",
                                                 "ByteaAsLongVarBinary",
                                                 "C7",
                                                 "UseServerSidePrepare",
                                                 "C8",
                                                 "LowerCaseIdentifier",
                                                 "C9",
                                                 "SSLmode",
                                                 "CA",
                                                 "AB",
                                                 "CX",
                                                 "Logdir",
                                                 "GssAuthUseGSS",
                                                 "D0",
                                                 "KeepaliveTime",
                                                 "D1",
                                                 "KeepaliveInterval",
                                                 "D2",
                                                 "Dtclog",
                                                 "PreferLibpq",
                                                 "D3",
                                                 "D4",
                                                 "XaOpt",
                                                 "BatchSize",
                                                 "IgnoreTimeout",
                                                 "FetchRefcursors",
                                                 "OptionalErrors",
                                                 "pqopt"};
    for (const auto* list : {&amazon_2x, &amazon_1x, &psqlodbc}) {
        for (std::string_view name : *list) {
            CAPTURE(name);
            CHECK(config::find_keyword(name) != nullptr);
        }
    }
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
