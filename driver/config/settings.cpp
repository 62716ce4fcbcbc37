#include "config/settings.h"

#include "config/endpoint.h"
#include "config/keywords.h"

#include <array>
#include <charconv>
#include <limits>
#include <string>

namespace rsodbc::config {

namespace {

// The value of a keyword after defaults: the attribute if set and non-empty, else the default.
std::string value_of(const AttributeMap& attrs, std::string_view name) {
    const std::string* value = attrs.find(name);
    if (value != nullptr && !value->empty()) {
        return *value;
    }
    const Keyword* keyword = find_keyword(name);
    return keyword != nullptr ? std::string(keyword->default_value) : std::string();
}

int parse_int(std::string_view key, std::string_view text, int min, int max,
              std::string_view expected) {
    int result = 0;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    const auto [end, error] = std::from_chars(first, last, result);
    if (error != std::errc() || end != last || result < min || result > max) {
        throw ConfigError("invalid " + std::string(key) + " '" + std::string(text) + "': expected "
                          + std::string(expected));
    }
    return result;
}

std::string parse_sslmode(std::string_view text) {
    const Keyword* keyword = find_keyword(kw::sslmode);
    for (std::string_view choice : keyword->choices) {
        if (iequals(choice, text)) {
            return std::string(choice);
        }
    }
    throw ConfigError("invalid SSLMode '" + std::string(text)
                      + "': expected disable, allow, prefer, require, verify-ca or verify-full");
}

std::string_view default_sslmode(std::string_view host) {
    return is_redshift_endpoint(host) ? "verify-full" : "prefer";
}

// A value from the keyword's documented choices, in the table's spelling.
std::string parse_choice(std::string_view key, std::string_view text) {
    const Keyword* keyword = find_keyword(key);
    std::string expected;
    for (std::string_view choice : keyword->choices) {
        if (iequals(choice, text)) {
            return std::string(choice);
        }
        expected += (expected.empty() ? "" : ", ") + std::string(choice);
    }
    throw ConfigError("invalid " + std::string(key) + " '" + std::string(text)
                      + "': expected one of " + expected);
}

// The Amazon drivers write booleans as true/false as often as 1/0.
bool parse_bool(std::string_view key, std::string_view text) {
    if (text == "1" || iequals(text, "true") || iequals(text, "yes")) {
        return true;
    }
    if (text == "0" || iequals(text, "false") || iequals(text, "no")) {
        return false;
    }
    throw ConfigError("invalid " + std::string(key) + " '" + std::string(text)
                      + "': expected 1 or 0 (true or false)");
}

std::vector<std::string> split_groups(std::string_view text, bool lower) {
    std::vector<std::string> groups;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        std::string_view item = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        while (!item.empty() && item.front() == ' ') {
            item.remove_prefix(1);
        }
        while (!item.empty() && item.back() == ' ') {
            item.remove_suffix(1);
        }
        if (item.empty()) {
            continue;
        }
        std::string group(item);
        if (lower) {
            for (char& c : group) {
                c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            }
        }
        groups.push_back(std::move(group));
    }
    return groups;
}

IamSettings make_iam_settings(const AttributeMap& attrs) {
    IamSettings iam;
    auto flag = [&](std::string_view key) {
        return parse_bool(key, value_of(attrs, key));
    };
    const std::string auth_type = value_of(attrs, kw::auth_type);
    if (!auth_type.empty()) {
        if (iequals(auth_type, "Plugin")) {
            throw ConfigError(
                "invalid AuthType 'Plugin': identity-provider plugins are not "
                "supported; use Static, Profile or InstanceProfile with IAM=1");
        }
        iam.auth_type = parse_choice(kw::auth_type, auth_type);
        if (iam.auth_type == "Standard") {
            iam.auth_type.clear();
        }
    }
    iam.enabled = flag(kw::iam) || !iam.auth_type.empty();
    iam.access_key_id = value_of(attrs, kw::access_key_id);
    iam.secret_access_key = value_of(attrs, kw::secret_access_key);
    iam.session_token = value_of(attrs, kw::session_token);
    iam.profile = value_of(attrs, kw::profile);
    iam.instance_profile = flag(kw::instance_profile);
    iam.cluster_id = value_of(attrs, kw::cluster_id);
    iam.region = value_of(attrs, kw::region);
    iam.db_user = value_of(attrs, kw::db_user);
    iam.auto_create = flag(kw::auto_create);
    iam.force_lowercase = flag(kw::force_lowercase);
    iam.db_groups = split_groups(value_of(attrs, kw::db_groups), iam.force_lowercase);
    iam.endpoint_url = value_of(attrs, kw::endpoint_url);
    iam.sts_endpoint_url = value_of(attrs, kw::sts_endpoint_url);
    iam.http_timeout =
        parse_int(kw::sts_connection_timeout, value_of(attrs, kw::sts_connection_timeout), 0, 3600,
                  "a number of seconds from 0 to 3600, 0 for 60");
    if (iam.http_timeout == 0) {
        iam.http_timeout = 60;
    }
    iam.duration = parse_int(kw::iam_duration, value_of(attrs, kw::iam_duration), 900, 3600,
                             "a number of seconds from 900 to 3600");
    iam.serverless = flag(kw::serverless);
    iam.workgroup = value_of(attrs, kw::workgroup);
    iam.group_federation = flag(kw::group_federation);
    iam.disable_cache = flag(kw::disable_cache);
    iam.proxy_host = value_of(attrs, kw::https_proxy_host);
    const std::string proxy_port = value_of(attrs, kw::https_proxy_port);
    iam.proxy_port = proxy_port.empty() ? 0
                                        : parse_int(kw::https_proxy_port, proxy_port, 1, 65535,
                                                    "an integer from 1 to 65535");
    iam.proxy_user = value_of(attrs, kw::https_proxy_username);
    iam.proxy_password = value_of(attrs, kw::https_proxy_password);
    return iam;
}

}  // namespace

std::string_view canonical_log_level(std::string_view text) {
    // Index = the AWS driver's numeric level, so "3" and "warn" mean the same.
    static constexpr std::array<std::string_view, 7> levels{"off",  "fatal", "error", "warn",
                                                            "info", "debug", "trace"};
    if (text.size() == 1 && text[0] >= '0' && text[0] <= '6') {
        return levels[static_cast<std::size_t>(text[0] - '0')];
    }
    if (iequals(text, "warning")) {
        return "warn";
    }
    for (std::string_view level : levels) {
        if (iequals(level, text)) {
            return level;
        }
    }
    throw ConfigError("invalid LogLevel '" + std::string(text)
                      + "': expected off, fatal, error, warn, info, debug, trace or 0-6");
}

Settings make_settings(const AttributeMap& attrs) {
    Settings settings;
    settings.dsn = value_of(attrs, kw::dsn);
    settings.driver = value_of(attrs, kw::driver);
    settings.host = value_of(attrs, kw::server);
    settings.database = value_of(attrs, kw::database);
    settings.user = value_of(attrs, kw::uid);
    settings.password = value_of(attrs, kw::pwd);
    settings.iam = make_iam_settings(attrs);
    const std::string sslmode = value_of(attrs, kw::sslmode);
    if (!sslmode.empty()) {
        settings.sslmode = parse_sslmode(sslmode);
    } else {
        // An IAM password is only ever sent over a verified TLS connection unless asked otherwise.
        settings.sslmode =
            settings.iam.enabled ? "verify-full" : std::string(default_sslmode(settings.host));
    }
    settings.log_level = std::string(canonical_log_level(value_of(attrs, kw::log_level)));
    settings.log_path = value_of(attrs, kw::log_path);
    settings.log_file_count = parse_int(kw::log_file_count, value_of(attrs, kw::log_file_count), 0,
                                        20000, "a number of files from 0 to 20000");
    settings.application_name = value_of(attrs, kw::application_name);
    settings.port =
        parse_int(kw::port, value_of(attrs, kw::port), 1, 65535, "an integer from 1 to 65535");
    settings.connect_timeout =
        parse_int(kw::connect_timeout, value_of(attrs, kw::connect_timeout), 0,
                  std::numeric_limits<int>::max(), "a whole number of seconds, 0 for no limit");
    settings.flavor = parse_server_flavor(value_of(attrs, kw::server_flavor));
    settings.batch_size = parse_int(kw::batch_size, value_of(attrs, kw::batch_size), 1, 32767,
                                    "a number of rows from 1 to 32767");
    settings.statement_cache_size =
        parse_int(kw::statement_cache_size, value_of(attrs, kw::statement_cache_size), 0, 100000,
                  "a number of statements from 0 to 100000");
    auto flag = [&](std::string_view key) {
        return parse_int(key, value_of(attrs, key), 0, 1, "0 or 1") == 1;
    };
    auto size = [&](std::string_view key) {
        return parse_int(key, value_of(attrs, key), 0, std::numeric_limits<int>::max(),
                         "a number of bytes, 0 for no limit");
    };
    settings.bools_as_char = flag(kw::bools_as_char);
    settings.max_varchar_size = size(kw::max_varchar_size);
    settings.max_long_varchar_size = size(kw::max_long_varchar_size);
    // Empty: decided at connect by the server flavour.
    settings.text_as_long_varchar = value_of(attrs, kw::text_as_long_varchar).empty()
                                        ? -1
                                        : static_cast<int>(flag(kw::text_as_long_varchar));
    settings.use_unicode = flag(kw::use_unicode);
    settings.current_db_only = flag(kw::current_db_only);
    settings.exclude_external_schemas = flag(kw::exclude_external_schemas);
    settings.sort_keys_as_statistics = flag(kw::sort_keys_as_statistics);
    settings.use_declare_fetch = flag(kw::use_declare_fetch);
    settings.log_parameters = flag(kw::log_parameters);
    settings.log_max_size =
        parse_int(kw::log_max_size, value_of(attrs, kw::log_max_size), 0,
                  std::numeric_limits<int>::max(), "a number of bytes, 0 for no limit");
    settings.fetch_rows = parse_int(kw::fetch, value_of(attrs, kw::fetch), 1, 1000000,
                                    "a number of rows from 1 to 1000000");
    settings.spill_threshold_mb =
        parse_int(kw::spill_threshold, value_of(attrs, kw::spill_threshold), 0, 1 << 20,
                  "a number of megabytes, 0 to never spill");
    settings.read_ahead_rows = parse_int(kw::read_ahead_rows, value_of(attrs, kw::read_ahead_rows),
                                         0, 1000000, "a number of rows from 0 to 1000000");
    settings.transaction_error_behavior =
        parse_int(kw::transaction_error_behavior, value_of(attrs, kw::transaction_error_behavior),
                  0, 2, "0, 1 or 2");
    settings.pipeline = parse_int(kw::pipeline, value_of(attrs, kw::pipeline), 0, 1, "0 or 1") == 1;
    auto seconds = [&](std::string_view key) {
        return parse_int(key, value_of(attrs, key), 0, std::numeric_limits<int>::max(),
                         "a whole number of seconds, 0 for the default");
    };
    settings.ssl_root_cert = value_of(attrs, kw::ssl_root_cert);
    settings.ssl_cert = value_of(attrs, kw::ssl_cert);
    settings.ssl_key = value_of(attrs, kw::ssl_key);
    settings.ssl_crl = value_of(attrs, kw::ssl_crl);
    settings.min_tls = parse_choice(kw::min_tls, value_of(attrs, kw::min_tls));
    settings.ssl_insecure = parse_bool(kw::ssl_insecure, value_of(attrs, kw::ssl_insecure));
    if (settings.ssl_insecure
        && (settings.sslmode == "verify-ca" || settings.sslmode == "verify-full")) {
        settings.sslmode = "require";
    }
    if (settings.iam.enabled
        && (settings.sslmode == "disable" || settings.sslmode == "allow"
            || settings.sslmode == "prefer")) {
        // Redshift refuses IAM passwords over plain connections, and a temporary password
        // must not cross the network in clear text.
        throw ConfigError("IAM authentication requires TLS: SSLMode=" + settings.sslmode
                          + " may connect without it; use require, verify-ca or verify-full");
    }
    settings.keep_alive = flag(kw::keep_alive);
    settings.keep_alive_idle = seconds(kw::keep_alive_idle);
    settings.keep_alive_count =
        parse_int(kw::keep_alive_count, value_of(attrs, kw::keep_alive_count), 0, 1000,
                  "a number of probes from 0 to 1000");
    settings.keep_alive_interval = seconds(kw::keep_alive_interval);
    settings.query_timeout = seconds(kw::query_timeout);
    settings.connection_retry_count =
        parse_int(kw::connection_retry_count, value_of(attrs, kw::connection_retry_count), 0, 100,
                  "a number of retries from 0 to 100");
    settings.connection_retry_delay =
        parse_int(kw::connection_retry_delay, value_of(attrs, kw::connection_retry_delay), 0, 3600,
                  "a number of seconds from 0 to 3600");
    settings.read_only = flag(kw::read_only);
    settings.initialization_string = value_of(attrs, kw::initialization_string);
    for (const KeyValue& entry : attrs) {
        const Keyword* keyword = find_keyword(entry.key);
        if (keyword == nullptr) {
            settings.unknown_keys.push_back(entry.key);
        } else if (keyword->support == Support::unsupported && !entry.value.empty()) {
            settings.unsupported_keys.push_back(entry.key);
        }
    }
    return settings;
}

std::vector<KeyValue> completed_connection_pairs(const Settings& settings) {
    std::vector<KeyValue> pairs;
    if (!settings.dsn.empty()) {
        pairs.push_back({std::string(kw::dsn), settings.dsn});
    } else if (!settings.driver.empty()) {
        pairs.push_back({std::string(kw::driver), settings.driver});
    }
    const IamSettings& iam = settings.iam;
    std::string groups;
    for (const std::string& group : iam.db_groups) {
        groups += (groups.empty() ? "" : ",") + group;
    }
    const std::vector<KeyValue> candidates{{
        {std::string(kw::server), settings.host},
        {std::string(kw::port), std::to_string(settings.port)},
        {std::string(kw::database), settings.database},
        {std::string(kw::uid), settings.user},
        {std::string(kw::pwd), settings.password},
        {std::string(kw::sslmode), settings.sslmode},
        {std::string(kw::server_flavor), std::string(to_string(settings.flavor))},
        {std::string(kw::log_level), settings.log_level},
        {std::string(kw::log_path), settings.log_path},
        {std::string(kw::connect_timeout), std::to_string(settings.connect_timeout)},
        {std::string(kw::application_name), settings.application_name},
        {std::string(kw::batch_size), std::to_string(settings.batch_size)},
        {std::string(kw::statement_cache_size), std::to_string(settings.statement_cache_size)},
        {std::string(kw::pipeline), settings.pipeline ? "1" : "0"},
        {std::string(kw::bools_as_char), settings.bools_as_char ? "1" : "0"},
        {std::string(kw::max_varchar_size), std::to_string(settings.max_varchar_size)},
        {std::string(kw::max_long_varchar_size), std::to_string(settings.max_long_varchar_size)},
        {std::string(kw::text_as_long_varchar),
         settings.text_as_long_varchar < 0 ? "" : std::to_string(settings.text_as_long_varchar)},
        {std::string(kw::use_unicode), settings.use_unicode ? "1" : "0"},
        {std::string(kw::current_db_only), settings.current_db_only ? "1" : "0"},
        {std::string(kw::exclude_external_schemas), settings.exclude_external_schemas ? "1" : "0"},
        {std::string(kw::sort_keys_as_statistics), settings.sort_keys_as_statistics ? "1" : "0"},
        {std::string(kw::use_declare_fetch), settings.use_declare_fetch ? "1" : "0"},
        {std::string(kw::fetch), std::to_string(settings.fetch_rows)},
        {std::string(kw::spill_threshold), std::to_string(settings.spill_threshold_mb)},
        {std::string(kw::read_ahead_rows), std::to_string(settings.read_ahead_rows)},
        {std::string(kw::transaction_error_behavior),
         std::to_string(settings.transaction_error_behavior)},
        {std::string(kw::ssl_root_cert), settings.ssl_root_cert},
        {std::string(kw::ssl_cert), settings.ssl_cert},
        {std::string(kw::ssl_key), settings.ssl_key},
        {std::string(kw::ssl_crl), settings.ssl_crl},
        {std::string(kw::min_tls), settings.min_tls},
        {std::string(kw::ssl_insecure), settings.ssl_insecure ? "1" : "0"},
        {std::string(kw::keep_alive), settings.keep_alive ? "1" : "0"},
        {std::string(kw::keep_alive_idle), std::to_string(settings.keep_alive_idle)},
        {std::string(kw::keep_alive_count), std::to_string(settings.keep_alive_count)},
        {std::string(kw::keep_alive_interval), std::to_string(settings.keep_alive_interval)},
        {std::string(kw::query_timeout), std::to_string(settings.query_timeout)},
        {std::string(kw::connection_retry_count), std::to_string(settings.connection_retry_count)},
        {std::string(kw::connection_retry_delay), std::to_string(settings.connection_retry_delay)},
        {std::string(kw::read_only), settings.read_only ? "1" : "0"},
        {std::string(kw::initialization_string), settings.initialization_string},
        {std::string(kw::iam), iam.enabled && iam.auth_type.empty() ? "1" : "0"},
        {std::string(kw::auth_type), iam.auth_type},
        {std::string(kw::access_key_id), iam.access_key_id},
        {std::string(kw::secret_access_key), iam.secret_access_key},
        {std::string(kw::session_token), iam.session_token},
        {std::string(kw::profile), iam.profile},
        {std::string(kw::instance_profile), iam.instance_profile ? "1" : "0"},
        {std::string(kw::cluster_id), iam.cluster_id},
        {std::string(kw::region), iam.region},
        {std::string(kw::db_user), iam.db_user},
        {std::string(kw::db_groups), groups},
        {std::string(kw::auto_create), iam.auto_create ? "1" : "0"},
        {std::string(kw::force_lowercase), iam.force_lowercase ? "1" : "0"},
        {std::string(kw::endpoint_url), iam.endpoint_url},
        {std::string(kw::sts_endpoint_url), iam.sts_endpoint_url},
        {std::string(kw::sts_connection_timeout),
         iam.http_timeout == 60 ? "" : std::to_string(iam.http_timeout)},
        {std::string(kw::iam_duration), std::to_string(iam.duration)},
        {std::string(kw::serverless), iam.serverless ? "1" : "0"},
        {std::string(kw::workgroup), iam.workgroup},
        {std::string(kw::group_federation), iam.group_federation ? "1" : "0"},
        {std::string(kw::disable_cache), iam.disable_cache ? "1" : "0"},
        {std::string(kw::https_proxy_host), iam.proxy_host},
        {std::string(kw::https_proxy_port),
         iam.proxy_port == 0 ? "" : std::to_string(iam.proxy_port)},
        {std::string(kw::https_proxy_username), iam.proxy_user},
        {std::string(kw::https_proxy_password), iam.proxy_password},
    }};
    for (const KeyValue& candidate : candidates) {
        const Keyword* keyword = find_keyword(candidate.key);
        // SSLMode's default depends on the host (verify-full for Redshift endpoints).
        const std::string_view default_value =
            keyword->name == kw::sslmode ? default_sslmode(settings.host) : keyword->default_value;
        // Defaults are left out: they are implied, and leaving them out keeps a reused string
        // following future default changes instead of freezing today's.
        if (!candidate.value.empty() && candidate.value != default_value) {
            pairs.push_back(candidate);
        }
    }
    return pairs;
}

}  // namespace rsodbc::config
