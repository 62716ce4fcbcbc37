#include "setup/cli/check.h"

#include "config/connection_string.h"
#include "config/dsn_reader.h"
#include "config/endpoint.h"
#include "config/keywords.h"
#include "config/redact.h"
#include "config/settings.h"
#include "include/redshift_odbc.h"
#include "setup/cli/exit_codes.h"
#include "setup/cli/install.h"
#include "setup/cli/report.h"

#include <sql.h>
#include <sqlext.h>

#include <chrono>
#include <ostream>
#include <string_view>
#include <vector>

namespace rsodbc::cli {

namespace {

// IAM=1 (or an AuthType that implies it) makes verify-full the SSLMode default; the settings
// decide, so the report shows what the driver will use. Settings that do not parse: no IAM.
bool iam_enabled(const config::AttributeMap& attrs) {
    try {
        return config::make_settings(attrs).iam.enabled;
    } catch (const std::exception&) {
        return false;
    }
}

using config::AttributeMap;
using config::KeyValue;
using config::Keyword;

constexpr std::string_view mask = "****";

std::string masked(std::string_view key, std::string_view value) {
    return !value.empty() && config::is_secret_key(key) ? std::string(mask) : std::string(value);
}

// One ODBC handle, freed however the check ends.
class Handle {
public:
    Handle(SQLSMALLINT type, SQLHANDLE parent) : type_(type) {
        if (SQLAllocHandle(type, parent, &handle_) != SQL_SUCCESS) {
            handle_ = SQL_NULL_HANDLE;
        }
    }

    ~Handle() {
        if (handle_ != SQL_NULL_HANDLE) {
            SQLFreeHandle(type_, handle_);
        }
    }

    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;

    [[nodiscard]] SQLHANDLE get() const { return handle_; }

    [[nodiscard]] SQLSMALLINT type() const { return type_; }

private:
    SQLSMALLINT type_;
    SQLHANDLE handle_ = SQL_NULL_HANDLE;
};

std::vector<Diagnostic> diagnostics(const Handle& handle) {
    std::vector<Diagnostic> out;
    for (SQLSMALLINT i = 1;; ++i) {
        SQLCHAR state[6] = {};
        SQLINTEGER native = 0;
        std::vector<SQLCHAR> message(4096);
        SQLSMALLINT length = 0;
        SQLRETURN rc = SQLGetDiagRec(handle.type(), handle.get(), i, state, &native, message.data(),
                                     static_cast<SQLSMALLINT>(message.size()), &length);
        if (rc == SQL_SUCCESS_WITH_INFO && length >= static_cast<SQLSMALLINT>(message.size())) {
            message.resize(static_cast<std::size_t>(length) + 1);
            rc = SQLGetDiagRec(handle.type(), handle.get(), i, state, &native, message.data(),
                               static_cast<SQLSMALLINT>(message.size()), &length);
        }
        if (rc != SQL_SUCCESS && rc != SQL_SUCCESS_WITH_INFO) {
            return out;
        }
        out.push_back({reinterpret_cast<const char*>(state), native,
                       reinterpret_cast<const char*>(message.data())});
    }
}

std::string info_string(const Handle& dbc, SQLUSMALLINT type) {
    char buffer[1024] = {};
    SQLSMALLINT length = 0;
    if (!SQL_SUCCEEDED(SQLGetInfo(dbc.get(), type, buffer, sizeof buffer, &length))) {
        return "(unknown)";
    }
    return buffer;
}

double elapsed_ms(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since)
        .count();
}

// The keywords as the driver will see them: the connection string first, then the DSN's entries
// it does not override (the driver's own first-wins rule), then the table's defaults.
// Returns whether the check added ConnectTimeout itself (then it goes into the connection string).
bool resolve(const CheckOptions& options, Report& report, AttributeMap& attrs,
             std::vector<std::string>& sources) {
    auto note = [&](std::string_view source) {
        while (sources.size() < attrs.size()) {
            sources.emplace_back(source);
        }
    };
    std::string dsn;
    if (report.target_is_dsn) {
        dsn = options.target;
        attrs.add_if_absent(config::kw::dsn, dsn);
        note("command line");
    } else {
        for (const KeyValue& pair : config::parse_connection_string(options.target)) {
            attrs.add_if_absent(pair.key, pair.value);
        }
        note("connection string");
        if (const std::string* value = attrs.find(config::kw::dsn); value != nullptr) {
            dsn = *value;
        }
    }
    if (!dsn.empty()) {
        config::read_dsn(dsn, attrs);
        note("DSN " + dsn);
    }
    const bool add_timeout = attrs.find(config::kw::connect_timeout) == nullptr;
    if (add_timeout) {
        attrs.add_if_absent(config::kw::connect_timeout, std::to_string(options.timeout_seconds));
        note("redshift-odbc check --timeout");
    }

    std::size_t index = 0;
    for (const KeyValue& entry : attrs) {
        const std::string& source = sources[index++];
        const Keyword* keyword = config::find_keyword(entry.key);
        if (keyword == nullptr) {
            report.unknown.push_back({entry.key, std::string(config::closest_keyword(entry.key))});
            continue;
        }
        if (keyword->support == config::Support::unsupported) {
            report.unsupported.push_back({entry.key, std::string(keyword->doc)});
            continue;
        }
        if (keyword->support == config::Support::ignored) {
            report.ignored.push_back({entry.key, std::string(keyword->doc)});
            continue;
        }
        if (entry.value.empty() && !keyword->default_value.empty()) {
            report.keywords.push_back({entry.key, std::string(keyword->default_value),
                                       "default (empty in " + source + ")"});
        } else {
            report.keywords.push_back({entry.key, masked(entry.key, entry.value), source});
        }
    }
    const std::string* host = attrs.find(config::kw::server);
    for (const Keyword& keyword : config::all_keywords()) {
        if (keyword.support != config::Support::implemented
            || attrs.find(keyword.name) != nullptr) {
            continue;
        }
        if (keyword.name == config::kw::sslmode) {
            const bool redshift = host != nullptr && config::is_redshift_endpoint(*host);
            if (iam_enabled(attrs)) {
                report.keywords.push_back(
                    {std::string(keyword.name), "verify-full", "default with IAM"});
                continue;
            }
            report.keywords.push_back({std::string(keyword.name),
                                       redshift ? "verify-full" : "prefer",
                                       redshift ? "default for a Redshift endpoint"
                                                : "default (not a Redshift endpoint)"});
        } else if (!keyword.default_value.empty()) {
            report.keywords.push_back(
                {std::string(keyword.name), std::string(keyword.default_value), "default"});
        }
    }
    return add_timeout;
}

std::string value_or_empty(const AttributeMap& attrs, std::string_view key) {
    const std::string* value = attrs.find(key);
    return value != nullptr ? *value : std::string();
}

void connect_and_measure(const CheckOptions& options, bool add_timeout, Report& report) {
    const Handle env(SQL_HANDLE_ENV, SQL_NULL_HANDLE);
    if (env.get() == SQL_NULL_HANDLE) {
        report.connect_diagnostics.push_back({"HY001", 0, "no ODBC environment (libodbc)"});
        return;
    }
    SQLSetEnvAttr(env.get(), SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3), 0);
    const Handle dbc(SQL_HANDLE_DBC, env.get());
    std::string connection_string =
        report.target_is_dsn
            ? config::format_connection_string({{std::string(config::kw::dsn), options.target}})
            : options.target;
    if (add_timeout) {
        connection_string += ";" + std::string(config::kw::connect_timeout) + "="
                             + std::to_string(options.timeout_seconds);
    }
    std::vector<SQLCHAR> completed(4096);
    SQLSMALLINT completed_length = 0;
    const auto start = std::chrono::steady_clock::now();
    const SQLRETURN rc =
        SQLDriverConnect(dbc.get(), nullptr,
                         reinterpret_cast<SQLCHAR*>(const_cast<char*>(connection_string.c_str())),
                         SQL_NTS, completed.data(), static_cast<SQLSMALLINT>(completed.size()),
                         &completed_length, SQL_DRIVER_NOPROMPT);
    report.connect_ms = elapsed_ms(start);
    report.connect_diagnostics = diagnostics(dbc);
    if (!SQL_SUCCEEDED(rc)) {
        return;
    }
    report.connected = true;
    report.dbms_name = info_string(dbc, SQL_DBMS_NAME);
    report.dbms_version = info_string(dbc, SQL_DBMS_VER);
    report.driver_version = info_string(dbc, SQL_DRIVER_VER);
    report.database = info_string(dbc, SQL_DATABASE_NAME);
    report.user = info_string(dbc, SQL_USER_NAME);
    report.flavor =
        report.dbms_name.find("Redshift") != std::string::npos ? "redshift" : "postgresql";

    char tls[512] = {};
    SQLINTEGER tls_length = 0;
    if (SQL_SUCCEEDED(
            SQLGetConnectAttr(dbc.get(), SQL_ATTR_RSODBC_TLS_STATE, tls, sizeof tls, &tls_length))
        && tls[0] != '\0') {
        report.tls = tls;
    } else {
        const auto why = diagnostics(dbc);
        report.tls_reason = why.empty() ? "no answer" : why.back().sqlstate;
    }

    {
        const Handle stmt(SQL_HANDLE_STMT, dbc.get());
        const auto query_start = std::chrono::steady_clock::now();
        SQLINTEGER one = 0;
        SQLLEN indicator = 0;
        const bool ok =
            SQL_SUCCEEDED(SQLExecDirect(
                stmt.get(), reinterpret_cast<SQLCHAR*>(const_cast<char*>("SELECT 1")), SQL_NTS))
            && SQL_SUCCEEDED(SQLFetch(stmt.get()))
            && SQL_SUCCEEDED(SQLGetData(stmt.get(), 1, SQL_C_SLONG, &one, sizeof one, &indicator))
            && one == 1;
        if (ok) {
            report.round_trip_ms = elapsed_ms(query_start);
        } else {
            report.query_diagnostics = diagnostics(stmt);
        }
    }
    SQLDisconnect(dbc.get());
}

}  // namespace

int check(const CheckOptions& options, std::ostream& out, std::ostream& err) {
    Report report;
    report.target_is_dsn = options.target.find('=') == std::string::npos;
    AttributeMap attrs;
    std::vector<std::string> sources;
    bool add_timeout = false;
    try {
        if (report.target_is_dsn) {
            report.target = options.target;
        } else {
            std::vector<KeyValue> shown = config::parse_connection_string(options.target);
            for (KeyValue& pair : shown) {
                pair.value = masked(pair.key, pair.value);
            }
            report.target = config::format_connection_string(shown);
        }
        add_timeout = resolve(options, report, attrs, sources);
    } catch (const config::ConfigError& error) {
        err << "redshift-odbc: check: " << error.what() << '\n';
        return exit_code::invalid;
    }
    report.driver_name = value_or_empty(attrs, config::kw::driver);
    if (!report.driver_name.empty()) {
        report.driver_path = report.driver_name.front() == '/'
                                 ? report.driver_name
                                 : registered_driver_path(report.driver_name);
    }

    connect_and_measure(options, add_timeout, report);
    const HintContext context{
        value_or_empty(attrs, config::kw::server), value_or_empty(attrs, config::kw::port),
        value_or_empty(attrs, config::kw::database), value_or_empty(attrs, config::kw::uid)};
    if (!report.connected) {
        const Diagnostic first = report.connect_diagnostics.empty()
                                     ? Diagnostic{"", 0, ""}
                                     : report.connect_diagnostics.front();
        std::string all_messages;
        for (const Diagnostic& d : report.connect_diagnostics) {
            all_messages += d.message + "\n";
        }
        report.hint = hint_for(first.sqlstate, all_messages, context);
        report.exit_code = exit_code::connect_failed;
    } else if (report.round_trip_ms < 0) {
        const Diagnostic first = report.query_diagnostics.empty()
                                     ? Diagnostic{"", 0, ""}
                                     : report.query_diagnostics.front();
        report.hint = hint_for(first.sqlstate, first.message, context);
        report.exit_code = exit_code::connect_failed;
    }
    if (options.json) {
        print_json(report, out);
    } else {
        print_text(report, out);
    }
    return report.exit_code;
}

}  // namespace rsodbc::cli
