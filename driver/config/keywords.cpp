#include "config/keywords.h"

#include <array>
#include <cstddef>

namespace rsodbc::config {

namespace {

// Aliases come from the AWS Redshift ODBC driver (1.x and 2.x) and psqlODBC, so existing DSNs and
// connection strings keep working when pointed at this driver.
constexpr std::array<std::string_view, 2> server_aliases{"Host", "Servername"};
constexpr std::array<std::string_view, 1> port_aliases{"PortNumber"};
constexpr std::array<std::string_view, 2> database_aliases{"DB", "Dbname"};
constexpr std::array<std::string_view, 3> uid_aliases{"User", "Username", "LogonID"};
constexpr std::array<std::string_view, 1> pwd_aliases{"Password"};
constexpr std::array<std::string_view, 1> timeout_aliases{"LoginTimeout"};
constexpr std::array<std::string_view, 2> batch_size_aliases{"RowsPerInsert", "InsertBatchSize"};
constexpr std::array<std::string_view, 1> cache_aliases{"MaxPreparedStatements"};
constexpr std::array<std::string_view, 1> pipeline_aliases{"UsePipeline"};
constexpr std::array<std::string_view, 1> max_varchar_aliases{"MaxVarchar"};
constexpr std::array<std::string_view, 1> max_long_varchar_aliases{"MaxLongVarChar"};
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
            {}},
    Keyword{kw::driver,
            {},
            "",
            false,
            "Name of the driver as registered in odbcinst.ini, or the path of the driver library. "
            "Used by the driver manager to load this driver when no DSN is given.",
            {}},
    Keyword{kw::description,
            {},
            "",
            false,
            "Free text describing the data source. Setup tools write it; the driver ignores it.",
            {}},
    Keyword{kw::server,
            server_aliases,
            "localhost",
            false,
            "Host name or IP address of the Redshift cluster endpoint or PostgreSQL server, for "
            "example examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com. "
            "Defaults to localhost.",
            {}},
    Keyword{kw::port,
            port_aliases,
            "5439",
            false,
            "TCP port the server listens on, 1 to 65535. Redshift clusters use 5439 unless "
            "configured otherwise; PostgreSQL usually listens on 5432.",
            {}},
    Keyword{kw::database,
            database_aliases,
            "",
            false,
            "Database to connect to. When empty, the server's default applies (a database named "
            "like the user).",
            {}},
    Keyword{kw::uid, uid_aliases, "", false, "User name for database authentication.", {}},
    Keyword{kw::pwd,
            pwd_aliases,
            "",
            true,
            "Password for database authentication. Never written to logs. Put it in braces, "
            "PWD={...}, when it contains ';' or starts or ends with a space; write a '}' inside "
            "braces as '}}'.",
            {}},
    Keyword{kw::sslmode,
            {},
            "prefer",
            false,
            "TLS policy, with libpq's meanings: disable (never), allow (only if the server "
            "insists), prefer (TLS if the server offers it, the default), require (always, "
            "without checking the certificate), verify-ca (always, certificate signed by a "
            "trusted CA), verify-full (verify-ca plus a host name check).",
            sslmode_choices},
    Keyword{kw::server_flavor,
            {},
            "auto",
            false,
            "Which server dialect the driver speaks to: auto (decide from what the server reports "
            "at connect time), redshift or postgresql. The flavour selects catalog queries, type "
            "mappings and SQLGetInfo answers; override it only when detection guesses wrong.",
            flavor_choices},
    Keyword{kw::log_level,
            {},
            "off",
            false,
            "Driver log detail: off, fatal, error, warn, info, debug or trace, or the AWS driver's "
            "numbers 0 (off) to 6 (trace). Logging costs almost nothing when off. Passwords are "
            "never logged.",
            log_level_choices},
    Keyword{kw::log_path,
            {},
            "",
            false,
            "Where the log goes when LogLevel is not off: a file (appended to), an existing "
            "directory (the driver writes redshiftodbc.log in it), or the word stderr. When empty, "
            "the log is $TMPDIR/redshiftodbc.log, or /tmp/redshiftodbc.log if TMPDIR is unset. "
            "Logging is per process: the first connection that turns it on chooses the level and "
            "the file, and later connections share them.",
            {}},
    Keyword{kw::connect_timeout,
            timeout_aliases,
            "0",
            false,
            "Seconds to wait for the connection to be established before giving up; 0 waits "
            "indefinitely. SQL_ATTR_LOGIN_TIMEOUT set by the application takes precedence.",
            {}},
    Keyword{kw::application_name,
            {},
            "redshift-odbc",
            false,
            "Name reported to the server as application_name; it appears in pg_stat_activity and "
            "Redshift's STV_SESSIONS, which helps to find the sessions an application opened.",
            {}},
    Keyword{
        kw::batch_size,
        batch_size_aliases,
        "100",
        false,
        "Rows per multi-row INSERT when a parameter array is bound to INSERT ... VALUES (?,...): "
        "the driver sends INSERT ... VALUES (...),(...) statements of this many rows, fewer "
        "when Redshift's 32,767-parameter or 16 MB statement limits require. 1 to 32767.",
        {}},
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
            {},
            "0",
            false,
            "1 reports boolean columns as SQL_VARCHAR holding '1' or '0' instead of SQL_BIT, for "
            "tools that mishandle SQL_BIT (Power BI); the name is the AWS and psqlODBC drivers'.",
            {}},
    Keyword{kw::max_varchar_size,
            max_varchar_aliases,
            "0",
            false,
            "VARCHAR columns wider than this many bytes are reported as SQL_LONGVARCHAR (for "
            "SQL Server linked servers, which reject wide VARCHAR); 0 never promotes.",
            {}},
    Keyword{kw::max_long_varchar_size,
            max_long_varchar_aliases,
            "0",
            false,
            "Caps the column size reported for SQL_LONGVARCHAR columns; 0 reports the real size "
            "(16 MB for SUPER).",
            {}},
    Keyword{kw::text_as_long_varchar,
            {},
            "",
            false,
            "1 reports text columns and parameters as SQL_LONGVARCHAR (1 GB on PostgreSQL, as "
            "psqlODBC does by default; 65535 bytes on Redshift); 0 reports them as SQL_VARCHAR of "
            "65535 bytes, Redshift's widest VARCHAR. Default: 1 on PostgreSQL, 0 on Redshift "
            "(where a text column is a VARCHAR(256)).",
            {}},
    Keyword{kw::use_unicode,
            {},
            "0",
            false,
            "1 reports character columns as SQL_WCHAR, SQL_WVARCHAR and SQL_WLONGVARCHAR, for "
            "applications that pick wide buffers from the reported type; the data is the same.",
            {}},
    Keyword{kw::current_db_only,
            {},
            "1",
            false,
            "Redshift catalog functions: 1 reports only the current database; 0 also reports the "
            "other databases of the cluster and datashares (svv_redshift_databases, "
            "svv_all_schemas, svv_all_tables, svv_all_columns). The name is the AWS drivers'.",
            {}},
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
            {},
            "0",
            false,
            "1 runs each forward-only SELECT through a server-side cursor (DECLARE ... CURSOR, "
            "FETCH Fetch rows at a time, CLOSE), so the driver holds at most Fetch rows of it. "
            "In autocommit mode the driver wraps the cursor in a transaction of its own, ended "
            "when the cursor closes. 0 streams results instead (also constant memory).",
            {}},
    Keyword{kw::fetch,
            {},
            "1000",
            false,
            "Rows per FETCH when UseDeclareFetch is 1, from 1 to 1000000; the driver's memory for "
            "the result is bounded by this many rows. Single-node Redshift clusters accept at "
            "most 1000.",
            {}},
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
            {}},
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
            {}},
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

std::span<const Keyword> all_keywords() {
    return keyword_table;
}

}  // namespace rsodbc::config
