#include "config/keywords.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

namespace rsodbc::config {

namespace {

// Aliases come from the AWS Redshift ODBC driver (1.x and 2.x) and psqlODBC, so existing DSNs and
// connection strings keep working when pointed at this driver.
constexpr std::array<std::string_view, 3> server_aliases{"Host", "HostName", "Servername"};
constexpr std::array<std::string_view, 1> port_aliases{"PortNumber"};
constexpr std::array<std::string_view, 2> database_aliases{"DB", "Dbname"};
constexpr std::array<std::string_view, 3> uid_aliases{"User", "Username", "LogonID"};
constexpr std::array<std::string_view, 1> pwd_aliases{"Password"};
constexpr std::array<std::string_view, 1> timeout_aliases{"LoginTimeout"};
constexpr std::array<std::string_view, 2> batch_size_aliases{"RowsPerInsert", "InsertBatchSize"};
constexpr std::array<std::string_view, 1> cache_aliases{"MaxPreparedStatements"};
constexpr std::array<std::string_view, 1> pipeline_aliases{"UsePipeline"};
constexpr std::array<std::string_view, 2> max_varchar_aliases{"MaxVarchar", "B0"};
constexpr std::array<std::string_view, 2> max_long_varchar_aliases{"MaxLongVarChar", "B1"};
// psqlODBC writes two-character abbreviations in the connection strings it completes (A0 =
// ReadOnly, B9 = BoolsAsChar...), and applications store those strings, so the abbreviations are
// aliases.
constexpr std::array<std::string_view, 1> sslmode_aliases{"CA"};
constexpr std::array<std::string_view, 1> log_level_aliases{"TraceLevel"};
constexpr std::array<std::string_view, 2> log_path_aliases{"TraceFile", "Logdir"};
constexpr std::array<std::string_view, 1> log_max_size_aliases{"LogFileSize"};
constexpr std::array<std::string_view, 1> bools_as_char_aliases{"B9"};
constexpr std::array<std::string_view, 1> text_as_long_varchar_aliases{"B7"};
constexpr std::array<std::string_view, 2> use_declare_fetch_aliases{"UDF", "B6"};
constexpr std::array<std::string_view, 1> fetch_aliases{"A7"};
constexpr std::array<std::string_view, 2> ssl_root_cert_aliases{"CaFile", "TrustStore"};
constexpr std::array<std::string_view, 1> cluster_id_aliases{"ClusterIdentifier"};
constexpr std::array<std::string_view, 4> iam_auth_type_choices{"Standard", "Static", "Profile",
                                                                "InstanceProfile"};
constexpr std::array<std::string_view, 4> min_tls_choices{"1.0", "1.1", "1.2", "1.3"};
constexpr std::array<std::string_view, 2> keep_alive_idle_aliases{"KeepAliveTime", "D1"};
constexpr std::array<std::string_view, 1> keep_alive_interval_aliases{"D2"};
constexpr std::array<std::string_view, 1> read_only_aliases{"A0"};
constexpr std::array<std::string_view, 2> initialization_string_aliases{"ConnSettings", "A6"};

// Aliases of the rows for other drivers' keywords that the driver recognises without using.
constexpr std::array<std::string_view, 1> aliases_protocol{"A1"};
constexpr std::array<std::string_view, 1> aliases_fakeoidindex{"A2"};
constexpr std::array<std::string_view, 1> aliases_showoidcolumn{"A3"};
constexpr std::array<std::string_view, 1> aliases_rowversioning{"A4"};
constexpr std::array<std::string_view, 1> aliases_socket{"A8"};
constexpr std::array<std::string_view, 1> aliases_unknownsizes{"A9"};
constexpr std::array<std::string_view, 1> aliases_optimizer{"B4"};
constexpr std::array<std::string_view, 1> aliases_ksqo{"B5"};
constexpr std::array<std::string_view, 1> aliases_unknownsaslongvarchar{"B8"};
constexpr std::array<std::string_view, 1> aliases_parse{"C0"};
constexpr std::array<std::string_view, 1> aliases_cancelasfreestmt{"C1"};
constexpr std::array<std::string_view, 1> aliases_extrasystableprefixes{"C2"};
constexpr std::array<std::string_view, 1> aliases_disallowpremature{"C3"};
constexpr std::array<std::string_view, 1> aliases_lfconversion{"C5"};
constexpr std::array<std::string_view, 1> aliases_byteaaslongvarbinary{"C7"};
constexpr std::array<std::string_view, 1> aliases_useserversideprepare{"C8"};
constexpr std::array<std::string_view, 1> aliases_preferlibpq{"D3"};
constexpr std::array<std::string_view, 1> aliases_fetchrefcursor{"FetchRefcursors"};
constexpr std::array<std::string_view, 1> aliases_gssauthusegss{"D0"};
constexpr std::array<std::string_view, 1> aliases_showsystemtables{"A5"};
constexpr std::array<std::string_view, 1> aliases_updatablecursors{"C4"};
constexpr std::array<std::string_view, 1> aliases_trueisminus1{"C6"};
constexpr std::array<std::string_view, 1> aliases_lowercaseidentifier{"C9"};
constexpr std::array<std::string_view, 1> aliases_commlog{"B3"};
constexpr std::array<std::string_view, 1> aliases_debug{"B2"};
constexpr std::array<std::string_view, 1> aliases_xaopt{"D4"};
constexpr std::array<std::string_view, 1> teb_aliases{"TEB"};

constexpr std::array<std::string_view, 6> sslmode_choices{"disable", "allow",     "prefer",
                                                          "require", "verify-ca", "verify-full"};
constexpr std::array<std::string_view, 3> flavor_choices{"auto", "redshift", "postgresql"};
constexpr std::array<std::string_view, 7> log_level_choices{"off",  "fatal", "error", "warn",
                                                            "info", "debug", "trace"};

constexpr std::array keyword_table{
    Keyword{kw::dsn,
            {},
            "",
            false,
            "Name of the data source (a section of odbc.ini) to read the other keywords from. "
            "Keywords given in the connection string override those of the data source.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x, psqlODBC"},
    Keyword{kw::driver,
            {},
            "",
            false,
            "Name of the driver as registered in odbcinst.ini, or the path of the driver library. "
            "Used by the driver manager to load this driver when no DSN is given.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x, psqlODBC"},
    Keyword{kw::description,
            {},
            "",
            false,
            "Free text describing the data source. Setup tools write it; the driver ignores it.",
            {},
            Support::implemented,
            "psqlODBC"},
    Keyword{kw::server,
            server_aliases,
            "localhost",
            false,
            "Host name or IP address of the Redshift cluster endpoint or PostgreSQL server, for "
            "example examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com. "
            "Defaults to localhost.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x, psqlODBC"},
    Keyword{kw::port,
            port_aliases,
            "5439",
            false,
            "TCP port the server listens on, 1 to 65535. Redshift clusters use 5439 unless "
            "configured otherwise; PostgreSQL usually listens on 5432.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x, psqlODBC"},
    Keyword{kw::database,
            database_aliases,
            "",
            false,
            "Database to connect to. When empty, the server's default applies (a database named "
            "like the user).",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x, psqlODBC"},
    Keyword{kw::uid,
            uid_aliases,
            "",
            false,
            "User name for database authentication.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x, psqlODBC"},
    Keyword{kw::pwd,
            pwd_aliases,
            "",
            true,
            "Password for database authentication. Never written to logs. Put it in braces, "
            "PWD={...}, when it contains ';' or starts or ends with a space; write a '}' inside "
            "braces as '}}'.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x, psqlODBC"},
    Keyword{kw::sslmode, sslmode_aliases, "", false,
            "TLS policy, with libpq's meanings: disable (never), allow (only if the server "
            "insists), prefer (TLS if the server offers it), require (always, without checking "
            "the certificate), verify-ca (always, certificate signed by a trusted CA), "
            "verify-full (verify-ca plus a host name check). Default: verify-full for a "
            "Redshift endpoint (a host name under redshift.amazonaws.com or "
            "redshift-serverless.amazonaws.com, or their .com.cn forms), whose certificates "
            "chain to Amazon's public roots; prefer for any other server.",
            sslmode_choices, Support::implemented, "Amazon 1.x, 2.x, psqlODBC"},
    Keyword{kw::server_flavor,
            {},
            "auto",
            false,
            "Which server dialect the driver speaks to: auto (decide from what the server reports "
            "at connect time), redshift or postgresql. The flavour selects catalog queries, type "
            "mappings and SQLGetInfo answers; override it only when detection guesses wrong.",
            flavor_choices},
    Keyword{kw::log_level, log_level_aliases, "off", false,
            "Driver log detail: off, fatal, error, warn, info, debug or trace, or the AWS driver's "
            "numbers 0 (off) to 6 (trace). Logging costs almost nothing when off. Passwords are "
            "never logged.",
            log_level_choices, Support::implemented, "Amazon 1.x, 2.x"},
    Keyword{kw::log_path,
            log_path_aliases,
            "",
            false,
            "Where the log goes when LogLevel is not off: a file (appended to), an existing "
            "directory (the driver writes redshiftodbc.log in it), or the word stderr. When empty, "
            "the log is $TMPDIR/redshiftodbc.log, or /tmp/redshiftodbc.log if TMPDIR is unset. "
            "Logging is per process: the first connection that turns it on chooses the level and "
            "the file, and later connections share them.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x, psqlODBC"},
    Keyword{kw::log_max_size,
            log_max_size_aliases,
            "20971520",
            false,
            "Largest size in bytes of the log file: when a line would pass it, the file is renamed "
            "to redshiftodbc.1.log (older ones shift up to LogFileCount) and a new one starts. 0 "
            "lets the file grow without limit. Does not apply to LogPath=stderr.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::log_file_count,
            {},
            "50",
            false,
            "How many full log files LogMaxSize keeps besides the current one; the oldest is "
            "deleted.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::log_parameters,
            {},
            "0",
            false,
            "1 writes the values of statement parameters to the log at LogLevel=trace. Off by "
            "default: parameter values may be personal data or secrets.",
            {},
            Support::implemented},
    Keyword{kw::connect_timeout,
            timeout_aliases,
            "0",
            false,
            "Seconds to wait for the connection to be established before giving up; 0 waits "
            "indefinitely. SQL_ATTR_LOGIN_TIMEOUT set by the application takes precedence.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::application_name,
            {},
            "redshift-odbc",
            false,
            "Name reported to the server as application_name; it appears in pg_stat_activity and "
            "Redshift's STV_SESSIONS, which helps to find the sessions an application opened.",
            {},
            Support::implemented,
            "Amazon 2.x"},
    Keyword{
        kw::batch_size,
        batch_size_aliases,
        "100",
        false,
        "Rows per multi-row INSERT when a parameter array is bound to INSERT ... VALUES (?,...): "
        "the driver sends INSERT ... VALUES (...),(...) statements of this many rows, fewer "
        "when Redshift's 32,767-parameter or 16 MB statement limits require. 1 to 32767.",
        {},
        Support::implemented,
        "psqlODBC"},
    Keyword{kw::statement_cache_size,
            cache_aliases,
            "128",
            false,
            "Server-side prepared statements kept per connection, least recently used dropped "
            "first: preparing the same SQL again, on any statement handle, reuses them. 0 turns "
            "the cache off.",
            {}},
    Keyword{kw::pipeline,
            pipeline_aliases,
            "1",
            false,
            "1 sends the statements of one parameter-array execution back to back (libpq pipeline "
            "mode), in one network round trip; 0 sends them one at a time.",
            {}},
    Keyword{kw::bools_as_char,
            bools_as_char_aliases,
            "0",
            false,
            "1 reports boolean columns as SQL_VARCHAR holding '1' or '0' instead of SQL_BIT, for "
            "tools that mishandle SQL_BIT (Power BI); the name is the AWS and psqlODBC drivers'.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x, psqlODBC"},
    Keyword{kw::max_varchar_size,
            max_varchar_aliases,
            "0",
            false,
            "VARCHAR columns wider than this many bytes are reported as SQL_LONGVARCHAR (for "
            "SQL Server linked servers, which reject wide VARCHAR); 0 never promotes.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x, psqlODBC"},
    Keyword{kw::max_long_varchar_size,
            max_long_varchar_aliases,
            "0",
            false,
            "Caps the column size reported for SQL_LONGVARCHAR columns; 0 reports the real size "
            "(16 MB for SUPER).",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x, psqlODBC"},
    Keyword{kw::text_as_long_varchar,
            text_as_long_varchar_aliases,
            "",
            false,
            "1 reports text columns and parameters as SQL_LONGVARCHAR (1 GB on PostgreSQL, as "
            "psqlODBC does by default; 65535 bytes on Redshift); 0 reports them as SQL_VARCHAR of "
            "65535 bytes, Redshift's widest VARCHAR. Default: 1 on PostgreSQL, 0 on Redshift "
            "(where a text column is a VARCHAR(256)).",
            {},
            Support::implemented,
            "Amazon 1.x, psqlODBC"},
    Keyword{kw::use_unicode,
            {},
            "0",
            false,
            "1 reports character columns as SQL_WCHAR, SQL_WVARCHAR and SQL_WLONGVARCHAR, for "
            "applications that pick wide buffers from the reported type; the data is the same.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::current_db_only,
            {},
            "1",
            false,
            "Redshift catalog functions: 1 reports only the current database; 0 also reports the "
            "other databases of the cluster and datashares (svv_redshift_databases, "
            "svv_all_schemas, svv_all_tables, svv_all_columns). The name is the AWS drivers'.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::exclude_external_schemas,
            {},
            "0",
            false,
            "Redshift catalog functions: 1 leaves Spectrum external schemas and tables "
            "(svv_external_*) out of SQLTables and SQLColumns, which can be slow with many "
            "external tables; 0 reports them, with table type EXTERNAL TABLE.",
            {}},
    Keyword{kw::sort_keys_as_statistics,
            {},
            "0",
            false,
            "Redshift has no indexes, so SQLStatistics returns no index rows; 1 reports each "
            "table's sort key and distribution key as SQL_INDEX_OTHER rows named SORTKEY and "
            "DISTKEY instead.",
            {}},
    Keyword{kw::use_declare_fetch,
            use_declare_fetch_aliases,
            "0",
            false,
            "1 runs each forward-only SELECT through a server-side cursor (DECLARE ... CURSOR, "
            "FETCH Fetch rows at a time, CLOSE), so the driver holds at most Fetch rows of it. "
            "In autocommit mode the driver wraps the cursor in a transaction of its own, ended "
            "when the cursor closes. 0 streams results instead (also constant memory).",
            {},
            Support::implemented,
            "Amazon 2.x, psqlODBC"},
    Keyword{kw::fetch,
            fetch_aliases,
            "1000",
            false,
            "Rows per FETCH when UseDeclareFetch is 1, from 1 to 1000000; the driver's memory for "
            "the result is bounded by this many rows. Single-node Redshift clusters accept at "
            "most 1000.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x, psqlODBC"},
    Keyword{kw::spill_threshold,
            {},
            "64",
            false,
            "Megabytes of rows the driver keeps in memory when it must read a result ahead of "
            "the application (another statement needs the connection while rows are still "
            "arriving); rows beyond it go to an unnamed temporary file. 0 never spills.",
            {}},
    Keyword{kw::read_ahead_rows,
            {},
            "1000",
            false,
            "Rows of a streamed result the driver reads at execution, at most 1 MiB of them, so "
            "that a result this small is complete when SQLExecute returns: SQLRowCount (and "
            "SQL_DIAG_CURSOR_ROW_COUNT) is its exact row count and the connection is free. A "
            "larger result streams, with row count -1 until its last row is fetched. 0 to "
            "1000000; 0 reads nothing ahead.",
            {},
            Support::implemented},
    Keyword{kw::transaction_error_behavior,
            teb_aliases,
            "1",
            false,
            "What a failed statement does to a manual-commit transaction (parameter arrays "
            "included). 1 (the Amazon driver's and psqlODBC's default): the driver rolls the "
            "transaction back at once and says so in a second diagnostic record (25S03); the next "
            "statement starts a new transaction. 0: PostgreSQL's own rule, every later statement "
            "fails (25P02) until SQLEndTran, and a commit of the failed transaction is 25S03. "
            "2 (PostgreSQL only, refused at connect on Redshift, which has no savepoints): only "
            "the failed statement is rolled back, through a savepoint the driver sets before each "
            "statement (one more round trip per statement).",
            {},
            Support::implemented,
            "Amazon 2.x, psqlODBC"},
    Keyword{kw::ssl_root_cert,
            ssl_root_cert_aliases,
            "",
            false,
            "PEM file of the certificate authorities trusted to sign the server's certificate "
            "(verify-ca, verify-full). When empty: libpq's ~/.postgresql/root.crt if it exists, "
            "else the system's CA store (/etc/ssl/certs/ca-certificates.crt on Debian), which "
            "holds the Amazon roots Redshift's certificates chain to. Also the CA file for the "
            "driver's HTTPS calls to AWS.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x (CaFile, TrustStore)"},
    Keyword{kw::ssl_cert,
            {},
            "",
            false,
            "PEM file of a client certificate to present (servers that require one; Redshift "
            "does not).",
            {},
            Support::implemented},
    Keyword{kw::ssl_key,
            {},
            "",
            false,
            "PEM file of the private key of SSLCert; must not be readable by others.",
            {},
            Support::implemented},
    Keyword{kw::ssl_crl,
            {},
            "",
            false,
            "PEM file of revoked certificates; a server certificate listed in it is refused.",
            {},
            Support::implemented},
    Keyword{kw::min_tls,
            {},
            "1.2",
            false,
            "Lowest TLS version accepted: 1.0, 1.1, 1.2 (the default; Redshift accepts 1.2 and "
            "1.3) or 1.3. A server offering only older versions fails to connect with 08001.",
            min_tls_choices,
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::ssl_insecure,
            {},
            "0",
            false,
            "1 accepts the server's certificate without checking it: SSLMode verify-ca or "
            "verify-full (the Redshift default) becomes require. For test clusters only.",
            {},
            Support::implemented,
            "Amazon 2.x"},
    Keyword{kw::keep_alive,
            {},
            "1",
            false,
            "1 turns on TCP keepalive probes, so a connection whose peer vanished (a NAT gateway "
            "or load balancer dropping an idle connection) is noticed instead of hanging; 0 "
            "turns them off.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::keep_alive_idle,
            keep_alive_idle_aliases,
            "0",
            false,
            "Seconds a connection stays idle before the first keepalive probe; 0 keeps the "
            "operating system's default (two hours on Linux, longer than most NAT gateways keep "
            "an idle connection: AWS NAT gateways drop it after 350 seconds).",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x, psqlODBC"},
    Keyword{kw::keep_alive_count,
            {},
            "0",
            false,
            "Unanswered keepalive probes after which the connection counts as dead; 0 keeps the "
            "operating system's default.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::keep_alive_interval,
            keep_alive_interval_aliases,
            "0",
            false,
            "Seconds between keepalive probes; 0 keeps the operating system's default.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x, psqlODBC"},
    Keyword{kw::query_timeout,
            {},
            "0",
            false,
            "Default SQL_ATTR_QUERY_TIMEOUT, in seconds, of every statement handle of the "
            "connection; 0 waits indefinitely. A statement that runs longer is canceled and "
            "fails with HYT00. SQLSetStmtAttr changes it per statement.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::connection_retry_count,
            {},
            "0",
            false,
            "How many more times to try when the server cannot be reached (08001); a refused "
            "login (28000) is never retried. 0 tries once.",
            {},
            Support::implemented,
            "Amazon 2.x"},
    Keyword{kw::connection_retry_delay,
            {},
            "3",
            false,
            "Seconds to wait before each retry of ConnectionRetryCount.",
            {},
            Support::implemented,
            "Amazon 2.x"},
    Keyword{
        kw::read_only,
        read_only_aliases,
        "0",
        false,
        "1 makes every transaction of the connection read-only (SET SESSION CHARACTERISTICS "
        "AS TRANSACTION READ ONLY): INSERT, UPDATE, DELETE and DDL fail with 25000 (server 25006). "
        "SQL_ATTR_ACCESS_MODE starts as SQL_MODE_READ_ONLY and changes it.",
        {},
        Support::implemented,
        "Amazon 1.x, 2.x, psqlODBC"},
    Keyword{kw::initialization_string,
            initialization_string_aliases,
            "",
            false,
            "SQL run right after the connection opens, for session settings such as SET "
            "search_path TO sales or SET datestyle TO ISO; several statements separated by ';' "
            "run in order. If one fails the connection fails with the server's error, so a "
            "session never runs without the settings it asked for.",
            {},
            Support::implemented,
            "Amazon 2.x, psqlODBC"},

    // IAM authentication: the driver asks AWS for a temporary database user and password
    // (driver/auth/, README "IAM authentication").
    Keyword{kw::iam,
            {},
            "0",
            false,
            "1 connects with IAM: before opening the database connection the driver calls "
            "GetClusterCredentials (provisioned), GetClusterCredentialsWithIAM "
            "(group_federation=1) or redshift-serverless GetCredentials with AWS credentials, "
            "and logs in with the temporary user and password they return. Needs TLS (SSLMode "
            "require or stricter; verify-full when SSLMode is not given).",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::auth_type,
            {},
            "",
            false,
            "Where the AWS credentials come from: Static (AccessKeyID and SecretAccessKey), "
            "Profile (the Profile keyword), InstanceProfile (EC2 instance metadata); Standard or "
            "empty: inferred (InstanceProfile=1, then Profile, then the keys, then the AWS "
            "default chain). Static, Profile and InstanceProfile imply IAM=1.",
            iam_auth_type_choices,
            Support::implemented,
            "Amazon 2.x"},
    Keyword{kw::access_key_id,
            {},
            "",
            false,
            "AWS access key id for IAM (with SecretAccessKey, optionally SessionToken).",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::secret_access_key,
            {},
            "",
            true,
            "AWS secret access key for IAM. Never logged.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::session_token,
            {},
            "",
            true,
            "AWS session token of temporary keys, for IAM. Never logged.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::profile,
            {},
            "",
            false,
            "Named profile of ~/.aws/credentials and ~/.aws/config (AWS_SHARED_CREDENTIALS_FILE, "
            "AWS_CONFIG_FILE) for IAM: static keys, role_arn with source_profile or "
            "credential_source (STS AssumeRole), credential_process, web_identity_token_file.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::instance_profile,
            {},
            "0",
            false,
            "1 takes the IAM credentials of the EC2 instance's role from the instance metadata "
            "service (IMDSv2); wins over Profile.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::cluster_id,
            cluster_id_aliases,
            "",
            false,
            "Provisioned cluster identifier for IAM; read from the host name when it is "
            "<cluster>.<id>.<region>.redshift.amazonaws.com.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::region,
            {},
            "",
            false,
            "AWS region of the cluster or workgroup for IAM; read from a Redshift host name "
            "when empty. Required for any other host (custom domain, NLB, tunnel).",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::db_user,
            {},
            "",
            false,
            "Database user GetClusterCredentials logs in as; when empty, UID. Not used with "
            "group_federation=1 or Serverless (the user is the IAM identity).",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::db_groups,
            {},
            "",
            false,
            "Comma-separated database groups the IAM user joins for the session.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::auto_create,
            {},
            "0",
            false,
            "1 creates DbUser in the database if it does not exist (GetClusterCredentials).",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::force_lowercase,
            {},
            "0",
            false,
            "1 lower-cases the DbGroups names before asking for them.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::endpoint_url,
            {},
            "",
            false,
            "URL of the Redshift (or redshift-serverless) API instead of "
            "https://redshift.<region>.amazonaws.com, e.g. a VPC endpoint. http:// only to a "
            "loopback address (tests).",
            {},
            Support::implemented,
            "Amazon 2.x"},
    Keyword{kw::sts_endpoint_url,
            {},
            "",
            false,
            "URL of the STS API (AssumeRole of profiles) instead of "
            "https://sts.<region>.amazonaws.com. http:// only to a loopback address (tests).",
            {},
            Support::implemented,
            "Amazon 2.x"},
    Keyword{kw::sts_connection_timeout,
            {},
            "0",
            false,
            "Seconds each HTTPS call to AWS may take, connection included; 0 = 60 s.",
            {},
            Support::implemented,
            "Amazon 2.x"},
    Keyword{kw::iam_duration,
            {},
            "900",
            false,
            "Lifetime asked for the temporary database password, 900 to 3600 seconds.",
            {},
            Support::implemented,
            "Amazon 1.x, 2.x"},
    Keyword{kw::serverless,
            {},
            "0",
            false,
            "1 uses redshift-serverless GetCredentials; implied by a "
            "*.redshift-serverless.amazonaws.com host.",
            {},
            Support::implemented,
            "Amazon 2.x"},
    Keyword{kw::workgroup,
            {},
            "",
            false,
            "Serverless workgroup for IAM; read from the host name "
            "<workgroup>.<account>.<region>.redshift-serverless.amazonaws.com when empty.",
            {},
            Support::implemented,
            "Amazon 2.x"},
    Keyword{kw::group_federation,
            {},
            "0",
            false,
            "1 uses GetClusterCredentialsWithIAM: the database user is the IAM identity and "
            "its groups come from IAM tags (provisioned clusters).",
            {},
            Support::implemented,
            "Amazon 2.x"},
    Keyword{kw::disable_cache,
            {},
            "0",
            false,
            "IAM database credentials are kept in memory and reused by later connections with "
            "the same settings until 60 s before they expire; 1 asks AWS every time.",
            {},
            Support::implemented,
            "Amazon 2.x"},
    Keyword{kw::https_proxy_host,
            {},
            "",
            false,
            "HTTP proxy for the HTTPS calls to AWS (IAM); when empty, the https_proxy "
            "environment variable applies.",
            {},
            Support::implemented,
            "Amazon 2.x"},
    Keyword{kw::https_proxy_port,
            {},
            "",
            false,
            "Port of https_proxy_host.",
            {},
            Support::implemented,
            "Amazon 2.x"},
    Keyword{kw::https_proxy_username,
            {},
            "",
            false,
            "User name for https_proxy_host.",
            {},
            Support::implemented,
            "Amazon 2.x"},
    Keyword{kw::https_proxy_password,
            {},
            "",
            true,
            "Password for https_proxy_host. Never logged.",
            {},
            Support::implemented,
            "Amazon 2.x"},

    // Other drivers' keywords that need nothing here, then those whose feature this driver lacks.
    Keyword{"ApplicationUsingThreads",
            {},
            "",
            false,
            "Every ODBC call is safe from any thread; there is nothing to turn on.",
            {},
            Support::ignored,
            "Amazon 2.x"},
    Keyword{
        "EnableDescribeParam",
        {},
        "",
        false,
        "SQLDescribeParam always answers from the server's description of the prepared statement.",
        {},
        Support::ignored,
        "Amazon 2.x"},
    Keyword{"ExtendedColumnMetaData",
            {},
            "",
            false,
            "Base table, schema and column names of result columns are looked up whenever an "
            "application asks for them.",
            {},
            Support::ignored,
            "Amazon 2.x"},
    Keyword{"MultiInsertCmdConvertEnable",
            {},
            "",
            false,
            "A parameter array bound to a single-row INSERT always runs as multi-row INSERTs of "
            "BatchSize rows.",
            {},
            Support::ignored,
            "Amazon 2.x"},
    Keyword{"StreamingCursorRows",
            {},
            "",
            false,
            "Results always stream with constant memory, and several can be open on one "
            "connection; there is no row count to choose.",
            {},
            Support::ignored,
            "Amazon 2.x"},
    Keyword{"SingleRowMode",
            {},
            "",
            false,
            "Results always stream (libpq single-row mode).",
            {},
            Support::ignored,
            "Amazon 1.x"},
    Keyword{"CscEnable",
            {},
            "",
            false,
            "Rows read ahead of the application spill to a temporary file past SpillThreshold; "
            "scrollable cursors need no switch.",
            {},
            Support::ignored,
            "Amazon 2.x"},
    Keyword{"CscThreshold",
            {},
            "",
            false,
            "Use SpillThreshold (megabytes kept in memory before rows spill to a temporary file).",
            {},
            Support::ignored,
            "Amazon 2.x"},
    Keyword{"CscPath",
            {},
            "",
            false,
            "Spilled rows go to an unnamed temporary file (tmpfile(), in /tmp), deleted when the "
            "result closes.",
            {},
            Support::ignored,
            "Amazon 2.x"},
    Keyword{"CscMaxFileSize",
            {},
            "",
            false,
            "Spill files are bounded by the result itself and deleted when it closes.",
            {},
            Support::ignored,
            "Amazon 2.x"},
    Keyword{"client_protocol_version",
            {},
            "",
            false,
            "The driver speaks the standard PostgreSQL protocol 3.0 that Redshift accepts.",
            {},
            Support::ignored,
            "Amazon 2.x"},
    Keyword{"StringType",
            {},
            "",
            false,
            "Character parameters are always sent untyped, so the server converts them to the "
            "column's type.",
            {},
            Support::ignored,
            "Amazon 2.x"},
    Keyword{"Prefer_PQ",
            {},
            "",
            false,
            "TLS key exchange groups are OpenSSL's defaults.",
            {},
            Support::ignored,
            "Amazon 2.x"},
    Keyword{"EnableTableTypes",
            {},
            "",
            false,
            "SQLTables always reports and filters on table types (TABLE, VIEW, EXTERNAL TABLE...).",
            {},
            Support::ignored,
            "Amazon 1.x, 2.x"},
    Keyword{"Trace",
            {},
            "",
            false,
            "LogLevel alone turns logging on; TraceLevel and TraceFile are read as LogLevel and "
            "LogPath.",
            {},
            Support::ignored,
            "Amazon 2.x"},
    Keyword{"Locale",
            {},
            "",
            false,
            "Messages are in English; the server's messages keep the server's language.",
            {},
            Support::ignored,
            "Amazon 1.x"},
    Keyword{"MaxBytea",
            {},
            "",
            false,
            "Redshift has no bytea; VARBYTE sizes come from the catalog.",
            {},
            Support::ignored,
            "Amazon 1.x"},
    Keyword{"MaxChar",
            {},
            "",
            false,
            "CHAR column sizes come from the catalog.",
            {},
            Support::ignored,
            "Amazon 1.x"},
    Keyword{"UseMultipleStatements",
            {},
            "",
            false,
            "Several ';'-separated statements in one SQLExecDirect always run; SQLMoreResults "
            "walks their results.",
            {},
            Support::ignored,
            "Amazon 1.x"},
    Keyword{"Protocol",
            aliases_protocol,
            "",
            false,
            "Protocol 3.0 is the only one spoken.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"FakeOidIndex",
            aliases_fakeoidindex,
            "",
            false,
            "Redshift tables have no OID column to index.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"ShowOidColumn",
            aliases_showoidcolumn,
            "",
            false,
            "Redshift tables have no OID column to show.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"RowVersioning",
            aliases_rowversioning,
            "",
            false,
            "There are no updatable cursors whose rows need versioning.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"Socket",
            aliases_socket,
            "",
            false,
            "libpq sizes its own socket buffers.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"UnknownSizes",
            aliases_unknownsizes,
            "",
            false,
            "Column sizes come from the catalog and type modifiers; MaxVarcharSize and "
            "MaxLongVarcharSize cap them.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"Optimizer",
            aliases_optimizer,
            "",
            false,
            "A setting of PostgreSQL 6 servers that psqlODBC no longer uses either.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"Ksqo",
            aliases_ksqo,
            "",
            false,
            "A setting of PostgreSQL 7.0 servers that psqlODBC no longer uses either.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"UnknownsAsLongVarchar",
            aliases_unknownsaslongvarchar,
            "",
            false,
            "Columns of a type the driver does not know are reported as SQL_VARCHAR.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"Parse",
            aliases_parse,
            "",
            false,
            "Result columns are described by the server, never by parsing the SQL text.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"CancelAsFreeStmt",
            aliases_cancelasfreestmt,
            "",
            false,
            "SQLCancel and SQLFreeStmt keep their ODBC 3 meanings.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"ExtraSysTablePrefixes",
            aliases_extrasystableprefixes,
            "",
            false,
            "System tables are told apart by schema, not by name prefix.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"DisallowPremature",
            aliases_disallowpremature,
            "",
            false,
            "Describe before execute uses the server's prepare; a statement never runs early.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"LFConversion",
            aliases_lfconversion,
            "",
            false,
            "Text is returned as stored, without turning LF into CR LF.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"ByteaAsLongVarBinary",
            aliases_byteaaslongvarbinary,
            "",
            false,
            "Redshift has no bytea; VARBYTE is reported as SQL_VARBINARY.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"UseServerSidePrepare",
            aliases_useserversideprepare,
            "",
            false,
            "SQLPrepare always prepares on the server; StatementCacheSize keeps the prepared "
            "statements.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"PreferLibpq",
            aliases_preferlibpq,
            "",
            false,
            "The driver always talks to the server through libpq.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"CX",
            {},
            "",
            false,
            "psqlODBC's packed option bits; the options it packs are read by their own names.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"AB",
            {},
            "",
            false,
            "psqlODBC's packed extra option bits, which have no meaning here.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"UniqueIndex",
            {},
            "",
            false,
            "SQLStatistics reports unique indexes from the catalog.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"Lie",
            {},
            "",
            false,
            "SQLGetInfo and SQLGetFunctions report what the driver really supports.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"Dtclog",
            {},
            "",
            false,
            "No distributed transaction log: see XaOpt.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"OptionalErrors",
            {},
            "",
            false,
            "Diagnostics always carry the server's message, detail and hint.",
            {},
            Support::ignored,
            "psqlODBC"},
    Keyword{"FetchRefCursor",
            aliases_fetchrefcursor,
            "",
            false,
            "A procedure's REFCURSOR result is returned as the cursor name; run FETCH ALL FROM it "
            "in the same transaction.",
            {},
            Support::unsupported,
            "Amazon 2.x, psqlODBC"},
    Keyword{"plugin_name",
            {},
            "",
            false,
            "Identity-provider plugins (browser SAML, Azure AD, Okta, ADFS, IdC, JWT/OIDC) are "
            "not supported; use IAM with a profile, keys or an instance role.",
            {},
            Support::unsupported,
            "Amazon 2.x"},
    Keyword{"AuthProfile",
            {},
            "",
            false,
            "Redshift authentication profiles are not read; put the settings in the DSN.",
            {},
            Support::unsupported,
            "Amazon 2.x"},
    Keyword{"vpc_endpoint_url",
            {},
            "",
            false,
            "Use EndpointUrl for the URL of a Redshift API VPC endpoint.",
            {},
            Support::unsupported,
            "Amazon 2.x"},
    Keyword{"KerberosServiceName",
            {},
            "",
            false,
            "Kerberos authentication is not supported; use a password or IAM.",
            {},
            Support::unsupported,
            "Amazon 2.x"},
    Keyword{"KerberosAPI",
            {},
            "",
            false,
            "Kerberos authentication is not supported; use a password or IAM.",
            {},
            Support::unsupported,
            "Amazon 2.x"},
    Keyword{"GssAuthUseGSS",
            aliases_gssauthusegss,
            "",
            false,
            "Kerberos (GSSAPI) authentication is not supported; use a password or IAM.",
            {},
            Support::unsupported,
            "psqlODBC"},
    Keyword{"Compression",
            {},
            "",
            false,
            "Redshift's wire compression (lz4, zstd) needs the Amazon fork of libpq; the "
            "connection is uncompressed.",
            {},
            Support::unsupported,
            "Amazon 2.x"},
    Keyword{"ProxyHost",
            {},
            "",
            false,
            "TCP proxies are not supported; the driver connects to Server directly (an SSH tunnel "
            "or NLB endpoint works as Server).",
            {},
            Support::unsupported,
            "Amazon 1.x, 2.x"},
    Keyword{"ProxyPort",
            {},
            "",
            false,
            "TCP proxies are not supported; see ProxyHost.",
            {},
            Support::unsupported,
            "Amazon 1.x, 2.x"},
    Keyword{"ProxyUid",
            {},
            "",
            false,
            "TCP proxies are not supported; see ProxyHost.",
            {},
            Support::unsupported,
            "Amazon 1.x, 2.x"},
    Keyword{"ProxyPwd",
            {},
            "",
            true,
            "TCP proxies are not supported; see ProxyHost.",
            {},
            Support::unsupported,
            "Amazon 1.x, 2.x"},
    Keyword{"CaPath",
            {},
            "",
            false,
            "libpq reads CA certificates from one file: put them in one PEM file and name it in "
            "CaFile.",
            {},
            Support::unsupported,
            "Amazon 1.x, 2.x"},
    Keyword{"EncryptionMethod",
            {},
            "",
            false,
            "Legacy TLS switch: use SSLMode (disable, require, verify-ca, verify-full).",
            {},
            Support::unsupported,
            "Amazon 2.x"},
    Keyword{"ValidateServerCertificate",
            {},
            "",
            false,
            "Legacy TLS switch: use SSLMode (verify-full validates; require does not).",
            {},
            Support::unsupported,
            "Amazon 2.x"},
    Keyword{
        "ShowSystemTables",
        aliases_showsystemtables,
        "",
        false,
        "SQLTables lists what the table-type argument asks for; system tables are not added to it.",
        {},
        Support::unsupported,
        "psqlODBC"},
    Keyword{"UpdatableCursors",
            aliases_updatablecursors,
            "",
            false,
            "No updatable cursors: SQLSetPos and SQLBulkOperations do not change rows (Redshift "
            "has no row identity).",
            {},
            Support::unsupported,
            "psqlODBC"},
    Keyword{"TrueIsMinus1",
            aliases_trueisminus1,
            "",
            false,
            "Booleans read as numbers are 1 and 0.",
            {},
            Support::unsupported,
            "psqlODBC"},
    Keyword{"BI",
            {},
            "",
            false,
            "BIGINT is always reported as SQL_BIGINT.",
            {},
            Support::unsupported,
            "psqlODBC"},
    Keyword{"LowerCaseIdentifier",
            aliases_lowercaseidentifier,
            "",
            false,
            "Identifiers are returned as the server stores them.",
            {},
            Support::unsupported,
            "psqlODBC"},
    Keyword{"CommLog",
            aliases_commlog,
            "",
            false,
            "No protocol trace: use LogLevel=trace and LogPath.",
            {},
            Support::unsupported,
            "psqlODBC"},
    Keyword{"Debug",
            aliases_debug,
            "",
            false,
            "No psqlODBC debug log: use LogLevel=debug and LogPath.",
            {},
            Support::unsupported,
            "psqlODBC"},
    Keyword{"XaOpt",
            aliases_xaopt,
            "",
            false,
            "Distributed (MSDTC/XA) transactions are not supported.",
            {},
            Support::unsupported,
            "psqlODBC"},
    Keyword{"IgnoreTimeout",
            {},
            "",
            false,
            "SQL_ATTR_QUERY_TIMEOUT is always honoured; set QueryTimeout=0 for no default timeout.",
            {},
            Support::unsupported,
            "psqlODBC"},
    Keyword{
        "pqopt",
        {},
        "",
        false,
        "libpq options are not passed through; each has its own keyword (SSLMode, KeepAlive...).",
        {},
        Support::unsupported,
        "psqlODBC"},
    Keyword{"TranslationName",
            {},
            "",
            false,
            "Translation libraries are a Windows driver-manager feature; text is always UTF-8.",
            {},
            Support::unsupported,
            "psqlODBC"},
    Keyword{"TranslationDLL",
            {},
            "",
            false,
            "Translation libraries are a Windows driver-manager feature; text is always UTF-8.",
            {},
            Support::unsupported,
            "psqlODBC"},
    Keyword{"TranslationOption",
            {},
            "",
            false,
            "Translation libraries are a Windows driver-manager feature; text is always UTF-8.",
            {},
            Support::unsupported,
            "psqlODBC"},
};

char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ascii_lower(a[i]) != ascii_lower(b[i])) {
            return false;
        }
    }
    return true;
}

const Keyword* find_keyword(std::string_view name_or_alias) {
    for (const Keyword& keyword : keyword_table) {
        if (iequals(keyword.name, name_or_alias)) {
            return &keyword;
        }
        for (std::string_view alias : keyword.aliases) {
            if (iequals(alias, name_or_alias)) {
                return &keyword;
            }
        }
    }
    return nullptr;
}

namespace {

// Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment),
// ASCII case-insensitive: "Prot" is one edit from Port. Keywords are short, so the table is tiny.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::size_t width = b.size() + 1;
    std::vector<std::size_t> d((a.size() + 1) * width);
    auto at = [&](std::size_t i, std::size_t j) -> std::size_t& {
        return d[i * width + j];
    };
    for (std::size_t i = 0; i <= a.size(); ++i) {
        at(i, 0) = i;
    }
    for (std::size_t j = 0; j <= b.size(); ++j) {
        at(0, j) = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const bool same = ascii_lower(a[i - 1]) == ascii_lower(b[j - 1]);
            at(i, j) =
                std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (same ? 0 : 1)});
            if (i > 1 && j > 1 && ascii_lower(a[i - 1]) == ascii_lower(b[j - 2])
                && ascii_lower(a[i - 2]) == ascii_lower(b[j - 1])) {
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
            }
        }
    }
    return at(a.size(), b.size());
}

}  // namespace

std::string_view closest_keyword(std::string_view unknown) {
    // A third of the name may be wrong (at least 2 letters): "Sevrer" finds Server, "Foo" nothing.
    const std::size_t limit = std::max<std::size_t>(2, unknown.size() / 3);
    std::string_view best;
    std::size_t best_distance = limit + 1;
    for (const Keyword& keyword : keyword_table) {
        auto consider = [&](std::string_view candidate) {
            const std::size_t distance = edit_distance(unknown, candidate);
            // Less than half of the candidate wrong, or two-letter psqlODBC abbreviations would
            // be suggested for any short typo.
            if (distance < best_distance && distance * 2 < candidate.size()) {
                best_distance = distance;
                best = keyword.name;
            }
        };
        consider(keyword.name);
        std::ranges::for_each(keyword.aliases, consider);
    }
    return best;
}

std::span<const Keyword> all_keywords() {
    return keyword_table;
}

}  // namespace rsodbc::config
