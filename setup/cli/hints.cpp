#include "setup/cli/hints.h"

#include <algorithm>
#include <initializer_list>

namespace rsodbc::cli {

namespace {

bool contains_any(std::string_view text, std::initializer_list<std::string_view> markers) {
    return std::any_of(markers.begin(), markers.end(), [&](std::string_view marker) {
        return text.find(marker) != std::string_view::npos;
    });
}

std::string or_default(const std::string& value, std::string_view fallback) {
    return value.empty() ? std::string(fallback) : value;
}

}  // namespace

Hint hint_for(std::string_view sqlstate, std::string_view message, const HintContext& context) {
    const std::string host = or_default(context.host, "(no Server)");
    const std::string port = or_default(context.port, "5439");
    if (sqlstate == "IM002") {
        return {"unknown_driver",
                "The driver manager found no DSN of that name, or no driver registered under the "
                "DSN's Driver= name. `redshift-odbc list` shows both; `redshift-odbc register` "
                "registers the driver and `redshift-odbc add-dsn` writes a DSN."};
    }
    if (sqlstate == "IM003" || (sqlstate == "01000" && contains_any(message, {"file not found"}))) {
        return {"driver_load",
                "The driver library named in odbcinst.ini could not be loaded: check that its "
                "Driver= path exists (`redshift-odbc list`) and register it again with "
                "`redshift-odbc register`."};
    }
    if (sqlstate == "3D000"
        || (contains_any(message, {"database \""}) && contains_any(message, {"does not exist"}))) {
        return {"database",
                "Database '" + or_default(context.database, "(none)")
                    + "' does not exist on this server. Check Database= (a new Redshift cluster "
                      "has 'dev'); the user must be allowed to connect to it."};
    }
    if (sqlstate == "28000" || sqlstate == "28P01"
        || contains_any(message, {"password authentication failed", "no password supplied",
                                  "authentication failed for user"})) {
        return {"password",
                "The server refused user '" + or_default(context.user, "(no UID)")
                    + "' with this password. Check UID= and PWD= (braces around a password with "
                      "';' in it: PWD={...}); the user may also be missing or locked."};
    }
    if (contains_any(message, {"could not translate host name", "Name or service not known",
                               "Temporary failure in name resolution", "No address associated"})) {
        return {"dns",
                "The host name '" + host
                    + "' does not resolve. Check Server= for typos (a cluster endpoint looks like "
                      "name.abc123xyz.us-east-1.redshift.amazonaws.com); a private endpoint "
                      "resolves only inside its VPC, so connect through the VPN or peering."};
    }
    if (contains_any(message, {"Connection refused"})) {
        return {"refused",
                "Nothing accepted a connection on " + host + " port " + port
                    + ". Check Port= (Redshift listens on 5439 by default, PostgreSQL on 5432) "
                      "and that the cluster is available; a security group that rejects "
                      "rather than drops, or a cluster that is not publicly accessible, can "
                      "look the same from outside its VPC."};
    }
    if (contains_any(message, {"SSL", "TLS", "certificate", "ssl"})) {
        return {"tls",
                "TLS failed. With SSLMode=verify-full the certificate must chain to a trusted CA "
                "(the system store, or SSLRootCert=) and carry the name given in Server= (not an "
                "IP address or an SSH tunnel's localhost); SSLMode=require encrypts without "
                "checking. A server without TLS needs SSLMode=prefer or disable."};
    }
    if (sqlstate == "HYT00" || sqlstate == "HYT01"
        || contains_any(message, {"timeout expired", "timed out", "No route to host",
                                  "Network is unreachable"})) {
        return {"timeout",
                "No answer from " + host + " port " + port
                    + " in time: packets are usually being dropped. The cluster's VPC security "
                      "group must allow inbound TCP " + port
                    + " from your address, and from outside AWS the cluster must be Publicly "
                      "accessible. Raise ConnectTimeout= if the network is only slow."};
    }
    if (sqlstate == "HY024" || (sqlstate == "HY000" && contains_any(message, {"expected "}))) {
        return {"invalid_value",
                "A keyword has a value the driver does not accept: the message names it; the "
                "keyword list above shows where the value came from."};
    }
    return {"other",
            "See the message above; the keyword list shows what the driver was given and where "
            "each value came from."};
}

}  // namespace rsodbc::cli
