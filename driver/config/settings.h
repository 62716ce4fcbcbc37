#pragma once

#include "config/connection_string.h"
#include "config/server_flavor.h"

#include <string>
#include <string_view>
#include <vector>

namespace rsodbc::config {

// The IAM keywords (shared/IAM.md §1), typed. enabled is IAM=1 or an AuthType that only makes
// sense with IAM; the rest is read only when enabled.
struct IamSettings {
    bool enabled = false;
    std::string auth_type;  // "" (infer), Static, Profile or InstanceProfile
    std::string access_key_id;
    std::string secret_access_key;
    std::string session_token;
    std::string profile;
    bool instance_profile = false;
    std::string cluster_id;
    std::string region;
    std::string db_user;
    std::vector<std::string> db_groups;  // split on ',' and trimmed, empty names dropped
    bool auto_create = false;
    bool force_lowercase = false;
    std::string endpoint_url;
    std::string sts_endpoint_url;
    int http_timeout = 60;  // seconds, StsConnectionTimeout (0 = 60)
    int duration = 900;     // IAMDuration, 900..3600
    bool serverless = false;
    std::string workgroup;
    bool group_federation = false;
    bool disable_cache = false;
    std::string proxy_host;
    int proxy_port = 0;
    std::string proxy_user;
    std::string proxy_password;
};

// Typed, validated connection settings. Every field holds a usable value: defaults from the
// keyword table are already applied, and enumerations are normalized to lower case.
struct Settings {
    std::string dsn;
    std::string driver;
    std::string host;
    std::string database;
    std::string user;
    std::string password;
    std::string sslmode;
    std::string log_level;  // one of off, fatal, error, warn, info, debug, trace
    std::string log_path;
    long long log_max_size = 20971520;  // bytes, 0 = unlimited
    int log_file_count = 50;
    bool log_parameters = false;  // parameter values at trace level
    std::string application_name;
    int port = 5439;
    int connect_timeout = 0;  // seconds, 0 = no limit
    int batch_size = 100;
    int statement_cache_size = 128;
    bool pipeline = true;
    bool bools_as_char = false;
    int max_varchar_size = 0;
    int max_long_varchar_size = 0;
    int text_as_long_varchar = -1;  // -1: by flavour (1 on PostgreSQL, 0 on Redshift)
    bool use_unicode = false;
    bool current_db_only = true;            // DatabaseMetadataCurrentDbOnly
    bool exclude_external_schemas = false;  // ExcludeExternalSchemas
    bool sort_keys_as_statistics = false;   // SortKeysAsStatistics
    bool use_declare_fetch = false;
    int fetch_rows = 1000;
    int spill_threshold_mb = 64;         // 0 = never spill
    int read_ahead_rows = 1000;          // ReadAheadRows (at most read_ahead_bytes of them)
    int transaction_error_behavior = 1;  // TransactionErrorBehavior: 0, 1 or 2

    std::string ssl_root_cert;
    std::string ssl_cert;
    std::string ssl_key;
    std::string ssl_crl;
    std::string min_tls;  // 1.0, 1.1, 1.2 or 1.3
    bool ssl_insecure = false;
    bool keep_alive = true;
    int keep_alive_idle = 0;  // seconds; 0 = the operating system's default
    int keep_alive_count = 0;
    int keep_alive_interval = 0;
    int query_timeout = 0;  // seconds; default SQL_ATTR_QUERY_TIMEOUT of new statements
    int connection_retry_count = 0;
    int connection_retry_delay = 3;  // seconds
    bool read_only = false;
    std::string initialization_string;
    ServerFlavor flavor = ServerFlavor::automatic;
    IamSettings iam;
    // Keys not in the keyword table, in their original spelling. Never an error: the caller
    // reports them as warnings (01S00) so a connection string written for another driver works.
    std::vector<std::string> unknown_keys;
    // Keys the table knows as another driver's feature that this one lacks (Support::unsupported),
    // in their original spelling; also reported as 01S00, with the table's reason.
    std::vector<std::string> unsupported_keys;
};

// Applies defaults (an empty value counts as absent, since odbc.ini editors write empty keys)
// and validates; throws ConfigError naming the key on an invalid value.
Settings make_settings(const AttributeMap& attrs);

// The pairs SQLDriverConnect returns as the completed connection string: DSN (or Driver when
// there is no DSN) first, then every other keyword whose value differs from its default, PWD
// included because the application may reconnect with the string.
std::vector<KeyValue> completed_connection_pairs(const Settings& settings);

// Normalizes a LogLevel value: names in any case (warning for warn) or the AWS driver's numbers
// 0-6; returns one of off, fatal, error, warn, info, debug, trace. Throws ConfigError otherwise.
std::string_view canonical_log_level(std::string_view text);

}  // namespace rsodbc::config
