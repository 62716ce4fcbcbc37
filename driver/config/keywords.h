#pragma once

#include <span>
#include <string_view>

namespace rsodbc::config {

// What the driver does with a keyword. Every keyword of the Amazon Redshift ODBC drivers (1.x and
// 2.x) and of psqlODBC has a row, so a DSN written for one of them never meets "unknown keyword":
// either the driver does what it asks, or the application is told in one line why not.
enum class Support : unsigned char {
    implemented,  // the driver does what the keyword asks (aliases: other drivers' spellings)
    ignored,      // recognised, nothing to do: the driver always behaves as asked (doc says how)
    unsupported,  // recognised, the feature is not in this driver: warning 01S00 carries the doc
};

// One row per connection keyword. This table is the single source for connection-string and DSN
// parsing, the completed connection string, secret masking in logs, the setup library's property
// list and the README's keyword reference, so a keyword added here is documented everywhere.
struct Keyword {
    std::string_view name;  // canonical spelling, used in output strings
    std::span<const std::string_view> aliases;
    std::string_view default_value;  // applied when the key is absent or its value is empty
    bool secret;                     // value never appears in logs
    // One paragraph, rendered into the README. For ignored and unsupported keywords it is the
    // one-line reason, which is also the text of the 01S00 warning.
    std::string_view doc;
    std::span<const std::string_view> choices;  // documented values; empty = free form
    Support support = Support::implemented;
    // Which other drivers use the name (README column): "Amazon 2.x", "Amazon 1.x", "psqlODBC";
    // empty for this driver's own keywords.
    std::string_view origin = {};
};

// Canonical names, so callers cannot misspell a key that the table spells differently.
namespace kw {
inline constexpr std::string_view dsn = "DSN";
inline constexpr std::string_view driver = "Driver";
inline constexpr std::string_view description = "Description";
inline constexpr std::string_view server = "Server";
inline constexpr std::string_view port = "Port";
inline constexpr std::string_view database = "Database";
inline constexpr std::string_view uid = "UID";
inline constexpr std::string_view pwd = "PWD";
inline constexpr std::string_view sslmode = "SSLMode";
inline constexpr std::string_view server_flavor = "ServerFlavor";
inline constexpr std::string_view log_level = "LogLevel";
inline constexpr std::string_view log_path = "LogPath";
inline constexpr std::string_view log_max_size = "LogMaxSize";
inline constexpr std::string_view log_file_count = "LogFileCount";
inline constexpr std::string_view log_parameters = "LogParameters";
inline constexpr std::string_view connect_timeout = "ConnectTimeout";
inline constexpr std::string_view application_name = "ApplicationName";
inline constexpr std::string_view batch_size = "BatchSize";
inline constexpr std::string_view statement_cache_size = "StatementCacheSize";
inline constexpr std::string_view pipeline = "Pipeline";
inline constexpr std::string_view bools_as_char = "BoolsAsChar";
inline constexpr std::string_view max_varchar_size = "MaxVarcharSize";
inline constexpr std::string_view max_long_varchar_size = "MaxLongVarcharSize";
inline constexpr std::string_view text_as_long_varchar = "TextAsLongVarchar";
inline constexpr std::string_view use_unicode = "UseUnicode";
inline constexpr std::string_view current_db_only = "DatabaseMetadataCurrentDbOnly";
inline constexpr std::string_view exclude_external_schemas = "ExcludeExternalSchemas";
inline constexpr std::string_view sort_keys_as_statistics = "SortKeysAsStatistics";
inline constexpr std::string_view use_declare_fetch = "UseDeclareFetch";
inline constexpr std::string_view fetch = "Fetch";
inline constexpr std::string_view spill_threshold = "SpillThreshold";
inline constexpr std::string_view transaction_error_behavior = "TransactionErrorBehavior";
inline constexpr std::string_view read_ahead_rows = "ReadAheadRows";
inline constexpr std::string_view ssl_root_cert = "SSLRootCert";
inline constexpr std::string_view ssl_cert = "SSLCert";
inline constexpr std::string_view ssl_key = "SSLKey";
inline constexpr std::string_view ssl_crl = "SSLCrl";
inline constexpr std::string_view min_tls = "Min_TLS";
inline constexpr std::string_view ssl_insecure = "ssl_insecure";
inline constexpr std::string_view keep_alive = "KeepAlive";
inline constexpr std::string_view keep_alive_idle = "KeepAliveIdle";
inline constexpr std::string_view keep_alive_count = "KeepAliveCount";
inline constexpr std::string_view keep_alive_interval = "KeepAliveInterval";
inline constexpr std::string_view query_timeout = "QueryTimeout";
inline constexpr std::string_view connection_retry_count = "ConnectionRetryCount";
inline constexpr std::string_view connection_retry_delay = "ConnectionRetryDelay";
inline constexpr std::string_view read_only = "ReadOnly";
inline constexpr std::string_view initialization_string = "InitializationString";
// IAM authentication (driver/auth/, shared/IAM.md).
inline constexpr std::string_view iam = "IAM";
inline constexpr std::string_view auth_type = "AuthType";
inline constexpr std::string_view access_key_id = "AccessKeyID";
inline constexpr std::string_view secret_access_key = "SecretAccessKey";
inline constexpr std::string_view session_token = "SessionToken";
inline constexpr std::string_view profile = "Profile";
inline constexpr std::string_view instance_profile = "InstanceProfile";
inline constexpr std::string_view cluster_id = "ClusterId";
inline constexpr std::string_view region = "Region";
inline constexpr std::string_view db_user = "DbUser";
inline constexpr std::string_view db_groups = "DbGroups";
inline constexpr std::string_view auto_create = "AutoCreate";
inline constexpr std::string_view force_lowercase = "ForceLowercase";
inline constexpr std::string_view endpoint_url = "EndpointUrl";
inline constexpr std::string_view sts_endpoint_url = "StsEndpointUrl";
inline constexpr std::string_view sts_connection_timeout = "StsConnectionTimeout";
inline constexpr std::string_view iam_duration = "IAMDuration";
inline constexpr std::string_view serverless = "Serverless";
inline constexpr std::string_view workgroup = "Workgroup";
inline constexpr std::string_view group_federation = "group_federation";
inline constexpr std::string_view disable_cache = "DisableCache";
inline constexpr std::string_view https_proxy_host = "https_proxy_host";
inline constexpr std::string_view https_proxy_port = "https_proxy_port";
inline constexpr std::string_view https_proxy_username = "https_proxy_username";
inline constexpr std::string_view https_proxy_password = "https_proxy_password";
}  // namespace kw

// Case-insensitive (ASCII) match on the name or any alias; nullptr when unknown.
const Keyword* find_keyword(std::string_view name_or_alias);

// The keyword (canonical name) closest in spelling to an unknown one, for the 01S00 warning's
// "did you mean"; empty when nothing is close enough to be a plausible misspelling.
std::string_view closest_keyword(std::string_view unknown);

std::span<const Keyword> all_keywords();

// ASCII case-insensitive equality: ODBC keywords are case-insensitive, and locale-dependent
// comparison would make "ID" differ from "id" under a Turkish locale.
bool iequals(std::string_view a, std::string_view b);

}  // namespace rsodbc::config
