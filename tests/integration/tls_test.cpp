// TLS: SQL_ATTR_RSODBC_TLS_STATE and verification failures told in plain words. The "tls:" cases
// need a TLS server with generated certificates: tests/integration/tls_test.sh starts one, sets
// RSODBC_TLS_SERVER to the server's current configuration and runs the matching cases; elsewhere
// they are skipped. The state of a plain (non-TLS) connection is checked in every run.
#include "odbc_test.h"

#include <cstdlib>
#include <redshift_odbc.h>
#include <string>

using namespace odbc_test;

namespace {

// The configuration tls_test.sh gave the TLS server: valid, expired, off or tls12.
doctest::skip unless_server(std::string_view configuration) {
    const char* current = std::getenv("RSODBC_TLS_SERVER");
    return doctest::skip(differential_run() || current == nullptr
                         || std::string_view(current) != configuration);
}

std::string tls_connstr(const std::string& host, const std::string& sslmode,
                        const std::string& ca_file, const std::string& extra = {}) {
    return "Driver={" + require_env("RSODBC_TEST_DRIVER") + "};Server=" + host
           + ";Port=" + require_env("RSODBC_TLS_PORT") + ";Database=rsodbc_test;UID=rsodbc;"
           + "PWD=rsodbc-test-pw;SSLMode=" + sslmode
           + (ca_file.empty() ? std::string() : ";SSLRootCert=" + ca_file) + extra;
}

std::string ca(const char* name = "ca.crt") {
    return require_env("RSODBC_TLS_DIR") + "/" + name;
}

std::string tls_state(const Dbc& dbc) {
    char buffer[256] = {};
    SQLINTEGER length = 0;
    check(SQLGetConnectAttr(dbc, SQL_ATTR_RSODBC_TLS_STATE, buffer, sizeof buffer, &length),
          SQL_HANDLE_DBC, dbc);
    CHECK(length == static_cast<SQLINTEGER>(std::string(buffer).size()));
    return buffer;
}

// The connection fails with 08001 and a message containing `cause`.
void check_refused(const std::string& connection_string, std::string_view cause) {
    Env env;
    Dbc dbc(env);
    const SQLRETURN rc = SQLDriverConnect(dbc, nullptr, sqlc(connection_string), SQL_NTS, nullptr,
                                          0, nullptr, SQL_DRIVER_NOPROMPT);
    if (SQL_SUCCEEDED(rc)) {
        dbc.mark_connected();
    }
    const std::string text = diag_text(SQL_HANDLE_DBC, dbc);
    INFO("diagnostics: " << text);
    REQUIRE(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, dbc, "08001"));
    CHECK(text.find(cause) != std::string::npos);
}

}  // namespace

TEST_CASE("TLS state of a connection without TLS, and before connecting" * only_our_driver()) {
    Env env;
    Dbc dbc(env);
    char buffer[64] = {};
    SQLINTEGER length = 0;
    CHECK(SQLGetConnectAttr(dbc, SQL_ATTR_RSODBC_TLS_STATE, buffer, sizeof buffer, &length)
          == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, dbc, "08003"));
    dbc.driver_connect(conn_str() + ";SSLMode=disable");
    CHECK(tls_state(dbc) == "tls=0");
}

TEST_CASE("tls: verify-full with the right name and CA reports TLS 1.3, verified"
          * unless_server("valid")) {
    Env env;
    Dbc dbc(env);
    dbc.driver_connect(tls_connstr("localhost", "verify-full", ca()));
    const std::string state = tls_state(dbc);
    CHECK(state.starts_with("tls=1;protocol=TLSv1.3;cipher=TLS_"));
    CHECK(state.ends_with(";verified=full"));
    CHECK(query_string(dbc, "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
          == "true");
}

TEST_CASE("tls: what each SSLMode checked" * unless_server("valid")) {
    const struct {
        const char* sslmode;
        const char* host;
        const char* verified;
        const char* root_cert;
    } cases[] = {{"require", "127.0.0.1", ";verified=none", ""},
                 // libpq checks the chain in every mode when the root CA file exists.
                 {"require", "127.0.0.1", ";verified=ca", "ca.crt"},
                 {"prefer", "localhost", ";verified=ca", "ca.crt"},
                 {"verify-ca", "127.0.0.1", ";verified=ca", "ca.crt"}};

    for (const auto& c : cases) {
        CAPTURE(c.sslmode);
        CAPTURE(c.root_cert);
        Env env;
        Dbc dbc(env);
        const std::string root_cert = *c.root_cert != '\0' ? ca(c.root_cert) : std::string();
        dbc.driver_connect(tls_connstr(c.host, c.sslmode, root_cert));
        const std::string state = tls_state(dbc);
        CHECK(state.starts_with("tls=1;protocol=TLSv1.3;"));
        CHECK(state.ends_with(c.verified));
    }
    Env env;
    Dbc dbc(env);
    dbc.driver_connect(tls_connstr("localhost", "disable", ca()));
    CHECK(tls_state(dbc) == "tls=0");
}

TEST_CASE("tls: Min_TLS=1.3 against a TLS 1.3 server" * unless_server("valid")) {
    Env env;
    Dbc dbc(env);
    dbc.driver_connect(tls_connstr("localhost", "verify-full", ca(), ";Min_TLS=1.3"));
    CHECK(tls_state(dbc).starts_with("tls=1;protocol=TLSv1.3;"));
}

TEST_CASE("tls: a host name the certificate does not list is refused" * unless_server("valid")) {
    check_refused(tls_connstr("127.0.0.1", "verify-full", ca()),
                  "the server's certificate does not name the host connected to");
}

TEST_CASE("tls: a certificate from a CA not trusted is refused" * unless_server("valid")) {
    check_refused(tls_connstr("localhost", "verify-full", ca("other_ca.crt")),
                  "is not issued by a certificate authority this client trusts");
    check_refused(tls_connstr("localhost", "verify-ca", ca("other_ca.crt")),
                  "is not issued by a certificate authority this client trusts");
}

TEST_CASE("tls: an expired certificate is refused" * unless_server("expired")) {
    check_refused(tls_connstr("localhost", "verify-full", ca()),
                  "the server's certificate has expired (valid until ");
}

TEST_CASE("tls: a server without TLS is refused when TLS is required" * unless_server("off")) {
    check_refused(tls_connstr("localhost", "verify-full", ca()),
                  "the server does not accept TLS connections, and SSLMode=verify-full requires");
    check_refused(tls_connstr("localhost", "require", ca()),
                  "the server does not accept TLS connections, and SSLMode=require requires");
    Env env;
    Dbc dbc(env);
    dbc.driver_connect(tls_connstr("localhost", "prefer", ca()));
    CHECK(tls_state(dbc) == "tls=0");
}

TEST_CASE("tls: Min_TLS=1.3 against a server that stops at TLS 1.2" * unless_server("tls12")) {
    check_refused(tls_connstr("localhost", "verify-full", ca(), ";Min_TLS=1.3"),
                  "no TLS version in common (Min_TLS asks for TLSv1.3 or later)");
    Env env;
    Dbc dbc(env);
    dbc.driver_connect(tls_connstr("localhost", "verify-full", ca(), ";Min_TLS=1.2"));
    const std::string state = tls_state(dbc);
    CHECK(state.starts_with("tls=1;protocol=TLSv1.2;"));
    CHECK(state.ends_with(";verified=full"));
}
