#include "core/connection.h"

#include "auth/auth_error.h"
#include "auth/credentials.h"
#include "auth/iam_login.h"
#include "config/dsn_reader.h"
#include "config/keywords.h"
#include "config/redact.h"
#include "core/environment.h"
#include "core/statement.h"
#include "exec/statement_cache.h"
#include "log/logger.h"
#include "odbc/odbc_error.h"
#include "sql/analysed_statement.h"
#include "sql/escapes.h"
#include "sql/placeholders.h"
#include "sql/sql_error.h"
#include "wire/server_error.h"

#include <algorithm>
#include <chrono>
#include <redshift_odbc.h>
#include <thread>

namespace rsodbc::core {

namespace {

wire::ConnectParams connect_params(const config::Settings& settings, SQLULEN login_timeout) {
    wire::ConnectParams params;
    params.host = settings.host;
    params.port = std::to_string(settings.port);
    params.database = settings.database;
    params.user = settings.user;
    params.password = settings.password;
    params.sslmode = settings.sslmode;
    params.application_name = settings.application_name;
    // SQL_ATTR_LOGIN_TIMEOUT set by the application wins over the DSN's ConnectTimeout.
    params.connect_timeout_seconds =
        login_timeout != 0 ? static_cast<int>(login_timeout) : settings.connect_timeout;
    params.sslrootcert = settings.ssl_root_cert;
    params.sslcert = settings.ssl_cert;
    params.sslkey = settings.ssl_key;
    params.sslcrl = settings.ssl_crl;
    params.ssl_min_protocol_version =
        settings.min_tls == "1.0" ? "TLSv1" : "TLSv" + settings.min_tls;
    params.keepalives = settings.keep_alive;
    params.keepalives_idle = settings.keep_alive_idle;
    params.keepalives_count = settings.keep_alive_count;
    params.keepalives_interval = settings.keep_alive_interval;
    return params;
}

long long milliseconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now()
                                                                 - start)
        .count();
}

std::string text_of(const AttributeValue& value, std::string_view attribute) {
    if (!value.text) {
        throw odbc::OdbcError(
            sqlstate::invalid_attribute_value,
            "invalid attribute value: " + std::string(attribute) + " needs a string");
    }
    return *value.text;
}

// IAM=1: the temporary database user and password from AWS replace UID/PWD (the settings keep
// what the application gave, so the completed connection string stays reusable).
wire::ConnectParams iam_connect_params(wire::ConnectParams params,
                                       const config::Settings& settings) {
    try {
        auth::DatabaseLogin login =
            auth::iam_database_login(settings, auth::process_env, std::chrono::system_clock::now());
        params.user = std::move(login.user);
        params.password = std::move(login.password);
        return params;
    } catch (const auth::AuthError& error) {
        switch (error.failure()) {
            case auth::AuthFailure::settings:
                throw odbc::OdbcError(sqlstate::invalid_attribute_value,
                                      std::string("invalid connection attribute: ") + error.what());
            case auth::AuthFailure::credentials:
                throw odbc::OdbcError(sqlstate::invalid_authorization,
                                      std::string("IAM authentication failed: ") + error.what());
            case auth::AuthFailure::network:
                throw odbc::OdbcError(sqlstate::unable_to_connect,
                                      std::string("IAM authentication failed: ") + error.what());
            case auth::AuthFailure::service:
                break;
        }
        throw odbc::OdbcError(sqlstate::general_error,
                              std::string("IAM authentication failed: ") + error.what());
    }
}

}  // namespace

void Connection::connect_with_retries() {
    wire::ConnectParams params = connect_params(settings_, login_timeout_);
    if (settings_.iam.enabled) {
        params = iam_connect_params(std::move(params), settings_);
    }
    // Only an unreachable server is worth another try (a cluster resuming, a failover in
    // progress); a refused login would be refused again, and retrying could lock the account.
    for (int attempt = 0;; ++attempt) {
        try {
            session_.connect(params);
            return;
        } catch (const wire::ServerError& error) {
            if (attempt >= settings_.connection_retry_count
                || error.server_state() != sqlstate::server::unable_to_connect) {
                throw;
            }
            RSODBC_LOG(warn, "connect attempt {} failed, retrying in {} s: {}", attempt + 1,
                       settings_.connection_retry_delay, error.what());
            std::this_thread::sleep_for(std::chrono::seconds(settings_.connection_retry_delay));
        }
    }
}

void Connection::run_session_setup() {
    // ReadOnly and InitializationString shape every later statement, so a session that could not
    // apply them is not handed to the application: the connection fails with the server's error.
    auto run = [this](std::string_view what, const std::string& sql) {
        try {
            session_.run(sql);
        } catch (const wire::ServerError& error) {
            session_.disconnect();
            throw wire::ServerError(error.server_state(),
                                    std::string(what) + " failed: " + error.what(), error.detail(),
                                    error.hint());
        }
    };
    if (access_mode_ == SQL_MODE_READ_ONLY) {
        run("ReadOnly", read_only_sql(true));
    }
    if (!settings_.initialization_string.empty()) {
        run("InitializationString", settings_.initialization_string);
    }
}

std::string Connection::read_only_sql(bool read_only) {
    return read_only ? "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"
                     : "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE";
}

Connection::Connection(Environment& environment)
    : Handle(HandleKind::connection, mutex_),
      environment_(environment),
      statement_cache_(std::make_unique<exec::StatementCache>()) {}

Connection::~Connection() = default;

void Connection::connect(const std::string& dsn, const std::optional<std::string>& user,
                         const std::optional<std::string>& password) {
    config::AttributeMap attributes;
    attributes.set("DSN", dsn);
    if (user && !user->empty()) {
        attributes.set("UID", *user);
    }
    if (password && !password->empty()) {
        attributes.set("PWD", *password);
    }
    open(std::move(attributes));
}

std::string Connection::driver_connect(const std::string& connection_string) {
    config::AttributeMap attributes;
    try {
        for (const auto& pair : config::parse_connection_string(connection_string)) {
            attributes.add_if_absent(pair.key, pair.value);  // first occurrence wins (ODBC)
        }
    } catch (const config::ConfigError& error) {
        throw odbc::OdbcError(
            sqlstate::unable_to_connect,
            std::string("unable to connect: invalid connection string: ") + error.what());
    }
    open(std::move(attributes));
    return config::format_connection_string(config::completed_connection_pairs(settings_));
}

void Connection::open(config::AttributeMap attributes) {
    if (session_.connected()) {
        throw odbc::OdbcError(sqlstate::connection_name_in_use,
                              "connection name in use: this connection is already open");
    }
    if (const std::string* dsn = attributes.find("DSN"); dsn != nullptr && !dsn->empty()) {
        config::read_dsn(*dsn, attributes);  // the connection string wins over the DSN
    }
    config::read_odbc_section_logging(attributes);
    try {
        settings_ = config::make_settings(attributes);
    } catch (const config::ConfigError& error) {
        throw odbc::OdbcError(sqlstate::invalid_attribute_value,
                              std::string("invalid connection attribute: ") + error.what());
    }
    try {
        log::configure(settings_.log_level, settings_.log_path, settings_.log_max_size,
                       settings_.log_file_count);
    } catch (const std::exception& error) {
        // A log file that cannot be opened must not cost the application its connection.
        diagnostics().add_warning(sqlstate::general_warning,
                                  std::string("logging is off: ") + error.what());
    }
    for (const auto& key : settings_.unknown_keys) {
        std::string message = "invalid connection string attribute: '" + key
                              + "' is not a keyword of this driver and was ignored";
        if (const std::string_view near = config::closest_keyword(key); !near.empty()) {
            message += "; did you mean '" + std::string(near) + "'?";
        }
        diagnostics().add_warning(sqlstate::invalid_connection_string_attribute, message);
    }
    for (const auto& key : settings_.unsupported_keys) {
        diagnostics().add_warning(sqlstate::invalid_connection_string_attribute,
                                  "connection string attribute '" + key + "' was ignored: "
                                      + std::string(config::find_keyword(key)->doc));
    }
    RSODBC_LOG(info, "connecting: {}",
               config::redacted_connection_string(config::completed_connection_pairs(settings_)));
    const auto started = std::chrono::steady_clock::now();
    try {
        connect_with_retries();
    } catch (const wire::ServerError& error) {
        // The cause as libpq and the server gave it (the entry wrapper logs the SQLSTATE too).
        RSODBC_LOG(err, "connect to {}:{} database {} as {} failed after {} ms: {}", settings_.host,
                   settings_.port, settings_.database, settings_.user, milliseconds_since(started),
                   error.what());
        throw;
    }
    if (settings_.read_only) {
        access_mode_ = SQL_MODE_READ_ONLY;  // else what the application set before connecting
    }
    run_session_setup();
    session_timeout_ = SQLULEN{0};
    session_.set_spill_threshold(static_cast<std::size_t>(settings_.spill_threshold_mb) << 20);
    statement_cache_->clear();
    statement_cache_->set_capacity(static_cast<std::size_t>(settings_.statement_cache_size));
    switch (settings_.flavor) {
        case config::ServerFlavor::redshift:
            redshift_ = true;
            break;
        case config::ServerFlavor::postgresql:
            redshift_ = false;
            break;
        case config::ServerFlavor::automatic:
            redshift_ = session_.reports_redshift();
            break;
    }
    if (redshift_ && settings_.transaction_error_behavior == 2) {
        session_.disconnect();
        throw odbc::OdbcError(
            sqlstate::invalid_attribute_value,
            "invalid connection attribute: TransactionErrorBehavior=2 rolls back one "
            "statement through a savepoint, and Redshift has no savepoints; use 1 "
            "(roll the transaction back) or 0");
    }
    connected_at_ = std::chrono::steady_clock::now();
    RSODBC_LOG(info, "connected to {}:{} database {} as {}: {} server version {}, {}, in {} ms",
               settings_.host, settings_.port, settings_.database, settings_.user,
               redshift_ ? "Redshift" : "PostgreSQL", session_.parameter_status("server_version"),
               session_.tls_description(), milliseconds_since(started));
}

types::ReportingOptions Connection::reporting() const {
    const bool text_long =
        settings_.text_as_long_varchar < 0 ? !redshift_ : settings_.text_as_long_varchar == 1;
    // PostgreSQL's text holds up to 1 GB; on Redshift text is VARCHAR(256), at most 65535 bytes.
    const SQLULEN long_text_bytes = redshift_ ? types::max_varchar_bytes : SQLULEN{1073741823};
    return {settings_.bools_as_char,
            static_cast<SQLULEN>(settings_.max_varchar_size),
            static_cast<SQLULEN>(settings_.max_long_varchar_size),
            text_long,
            long_text_bytes,
            settings_.use_unicode};
}

catalog::InfoContext Connection::info_context(SQLUSMALLINT info_type) {
    catalog::InfoContext context;
    context.redshift = redshift_;
    context.data_source_name = settings_.dsn;
    if (session_.connected()) {
        context.server_version = session_.parameter_status("server_version");
        context.redshift_version = session_.parameter_status("padb_version");
        context.server_name = settings_.host;
        context.database = session_.database();
        context.user = session_.user();
        if (redshift_ && info_type == SQL_QUOTED_IDENTIFIER_CASE) {
            context.case_sensitive_identifiers = case_sensitive_identifiers();
        }
    }
    return context;
}

bool Connection::case_sensitive_identifiers() {
    // pg_settings (unlike SHOW or current_setting) cannot fail for a setting the server lacks,
    // so asking never aborts the application's transaction. The session may change the setting,
    // so it is read each time it is asked for.
    try {
        auto results = catalog_query("SELECT setting FROM pg_catalog.pg_settings WHERE name = $1",
                                     {"enable_case_sensitive_identifier"});
        if (!results.empty() && results.front()->returns_rows() && results.front()->next_row()) {
            const auto setting = results.front()->cell(0).text;
            return setting == "on" || setting == "true";
        }
    } catch (const wire::ServerError&) {
        // Inside a failed transaction: Redshift's default (quoted names folded to lower case).
    }
    return false;
}

void Connection::require_connected() const {
    if (!session_.connected()) {
        throw odbc::OdbcError(
            sqlstate::connection_not_open,
            "connection not open: connect first (SQLConnect or SQLDriverConnect)");
    }
}

void Connection::disconnect() {
    require_connected();
    // Only manual commit has the application's transaction to protect; in autocommit mode the
    // status is not asked, since asking reads an open result or cursor to its end first.
    const wire::TransactionStatus status =
        autocommit_ ? wire::TransactionStatus::idle : session_.transaction_status();
    if (session_.healthy()
        && (status == wire::TransactionStatus::in_transaction
            || status == wire::TransactionStatus::in_error)) {
        throw odbc::OdbcError(
            sqlstate::invalid_transaction_state,
            "invalid transaction state: a transaction is open; commit or roll it back "
            "(SQLEndTran) before disconnecting");
    }
    statements_.clear();
    descriptors_.clear();  // SQLDisconnect frees explicitly allocated descriptors too
    statement_cache_->clear();
    session_.disconnect();
    RSODBC_LOG(info, "disconnected from {}:{} after {} ms connected", settings_.host,
               settings_.port, milliseconds_since(connected_at_));
}

void Connection::reset_to_defaults() {
    // The driver manager sets SQL_ATTR_RESET_CONNECTION as it puts the connection back in its
    // pool: the next borrower must find what a fresh connection to this DSN would give it.
    for (const auto& statement : statements_) {
        statement->free_statement(SQL_CLOSE);
    }
    autocommit_ = true;
    metadata_id_ = SQL_FALSE;
    no_scan_ = SQL_NOSCAN_OFF;
    statement_savepoint_ = false;
    const SQLULEN dsn_access_mode = settings_.read_only ? SQL_MODE_READ_ONLY : SQL_MODE_READ_WRITE;
    if (!session_.healthy()) {
        access_mode_ = dsn_access_mode;
        return;  // nothing left to reset on the server; the pool finds it dead (CONNECTION_DEAD)
    }
    // One round trip for all of it. The transaction goes first (DISCARD refuses to run in one,
    // and on Redshift cursors live only in transactions); DISCARD ALL then drops prepared
    // statements, cursors, temporary tables and every SET (InitializationString's too, so it runs
    // again). Redshift has no DISCARD: RESET ALL and a DEALLOCATE of each statement the driver
    // prepared (statements the application PREPAREd in SQL stay).
    const wire::TransactionStatus status = session_.transaction_status();
    std::string sql = status == wire::TransactionStatus::idle ? "" : "ROLLBACK; ";
    const std::vector<std::string> prepared = statement_cache_->take_names();
    if (redshift_) {
        sql += "RESET ALL";
        for (const std::string& name : prepared) {
            sql += "; DEALLOCATE " + name;
        }
    } else {
        sql += "DISCARD ALL";
    }
    session_timeout_ = SQLULEN{0};
    session_.run(sql);
    access_mode_ = dsn_access_mode;
    run_session_setup();
}

SQLULEN checked_no_scan(SQLULEN value) {
    if (value != SQL_NOSCAN_OFF && value != SQL_NOSCAN_ON) {
        throw odbc::OdbcError(sqlstate::invalid_attribute_value,
                              "invalid attribute value: SQL_ATTR_NOSCAN is SQL_NOSCAN_OFF or "
                              "SQL_NOSCAN_ON, not "
                                  + std::to_string(value));
    }
    return value;
}

Statement& Connection::allocate_statement() {
    require_connected();
    statements_.push_back(std::make_unique<Statement>(*this, mutex_));
    // SQL_ATTR_NOSCAN set on the connection is the default of statements allocated after it.
    statements_.back()->no_scan = no_scan_;
    return *statements_.back();
}

std::string Connection::native_sql(std::string_view sql) const {
    try {
        return sql::translate_escapes(sql, sql::EscapeOptions{{}, redshift_});
    } catch (const sql::SqlTextError& error) {
        throw odbc::OdbcError(sqlstate::syntax_error_or_access_violation,
                              std::string("syntax error or access violation: ") + error.what()
                                  + " (at byte " + std::to_string(error.offset) + ")");
    }
}

void Connection::free_statement(Statement& statement) {
    std::erase_if(statements_, [&](const auto& owned) { return owned.get() == &statement; });
}

Descriptor& Connection::allocate_descriptor() {
    require_connected();
    descriptors_.push_back(std::make_unique<Descriptor>(mutex_, this));
    return *descriptors_.back();
}

void Connection::free_descriptor(Descriptor& descriptor) {
    for (const auto& statement : statements_) {
        statement->forget_descriptor(descriptor);
    }
    std::erase_if(descriptors_, [&](const auto& owned) { return owned.get() == &descriptor; });
}

namespace {

constexpr std::string_view statement_savepoint = "rsodbc_statement";

}  // namespace

wire::Session& Connection::begin_work(SQLULEN timeout_seconds, bool outside_transaction) {
    require_connected();
    if (!autocommit_ && outside_transaction) {
        if (session_.transaction_status() != wire::TransactionStatus::idle) {
            // Sent inside the open transaction the server would refuse it (25001), and the
            // rollback after a failed statement would take the application's work with it.
            throw odbc::OdbcError(sqlstate::invalid_transaction_state,
                                  "invalid transaction state: this statement cannot run inside a "
                                  "transaction block; end the open transaction first (SQLEndTran)");
        }
    } else if (!autocommit_) {
        const wire::TransactionStatus status = session_.transaction_status();
        const bool idle = status == wire::TransactionStatus::idle;
        if (settings_.transaction_error_behavior == 2) {
            // One round trip per statement: the previous statement's savepoint is released (the
            // server keeps every one until the transaction ends otherwise) and a new one is set.
            std::string sql = idle ? "BEGIN; " : "";
            if (!idle && statement_savepoint_) {
                sql += "RELEASE SAVEPOINT " + std::string(statement_savepoint) + "; ";
            }
            sql += "SAVEPOINT " + std::string(statement_savepoint);
            statement_savepoint_ = false;
            session_.run(sql);
            statement_savepoint_ = true;
        } else if (idle) {
            session_.run("BEGIN");
        }
    }
    if (session_timeout_ != timeout_seconds) {
        // SQL_ATTR_QUERY_TIMEOUT: the server stops the statement itself (Redshift and PostgreSQL
        // both honour statement_timeout), so a timeout needs no extra thread; 57014 -> HYT00.
        session_.run("SET statement_timeout = " + std::to_string(timeout_seconds * 1000));
        session_timeout_ = timeout_seconds;
    }
    return session_;
}

wire::Results Connection::execute(const sql::AnalysedStatement& statement,
                                  SQLULEN timeout_seconds) {
    RSODBC_LOG(debug, "execute: {}", statement.text());
    wire::Results results =
        begin_work(timeout_seconds, !autocommit_ && statement.runs_outside_transaction())
            .execute(statement.text());
    if (statement.changes_schema()) {
        statement_cache_->invalidate(statement.ddl_tables());
    }
    return results;
}

wire::Results Connection::execute_streaming(const std::string& sql, SQLULEN timeout_seconds) {
    RSODBC_LOG(debug, "execute (streaming): {}", sql);
    return begin_work(timeout_seconds).execute_streaming(sql);
}

wire::Results Connection::execute_cursor(const std::string& sql, SQLULEN timeout_seconds) {
    RSODBC_LOG(debug, "execute (cursor): {}", sql);
    return begin_work(timeout_seconds).execute_cursor(sql, {}, {}, settings_.fetch_rows);
}

namespace {

// See wire::max_described_parameters: the describe would cost the connection. Text the scanner
// refuses goes to the server, which says what is wrong with it.
void require_describable(const std::string& sql) {
    std::size_t markers = 0;
    try {
        markers = sql::number_markers(sql).marker_count;
    } catch (const sql::SqlTextError&) {
        return;
    }
    if (markers > wire::max_described_parameters) {
        throw odbc::OdbcError(sqlstate::optional_feature_not_implemented,
                        "optional feature not implemented: describing a statement with "
                            + std::to_string(markers) + " parameters (libpq drops the connection "
                            "on the server's description of more than "
                            + std::to_string(wire::max_described_parameters)
                            + "); the statement itself can be executed");
    }
}

}  // namespace

std::vector<unsigned> Connection::parameter_types(const std::string& sql) {
    require_connected();
    require_describable(sql);
    const std::string text = sql::number_markers(sql).text;
    exec::CachedStatement& statement = statement_cache_->prepare(session_, text, {});
    return exec::StatementCache::shape(session_, statement).parameter_types;
}

std::vector<wire::ColumnDesc> Connection::describe(const std::string& sql) {
    require_connected();
    require_describable(sql);
    return session_.describe(sql);
}

wire::Results Connection::catalog_query(const std::string& sql,
                                        const std::vector<std::string>& parameters) {
    require_connected();
    if (session_.transaction_status() == wire::TransactionStatus::in_error) {
        throw wire::ServerError(sqlstate::server::in_failed_sql_transaction,
                                "the current transaction has failed");
    }
    // Through the statement cache: a BI tool calls SQLColumns once per table with the same text,
    // so the server parses it once and may keep a generic plan; the first call prepares and
    // executes in one round trip.
    wire::ParamValues values;
    for (const std::string& parameter : parameters) {
        values.add(parameter);
    }
    statement_cache_->begin_execution();
    wire::Results results = statement_cache_->execute(session_, sql, {}, values);
    statement_cache_->end_execution(session_);
    return results;
}

void Connection::after_failed_statement(odbc::Diagnostics& diagnostics) noexcept {
    const int behavior = settings_.transaction_error_behavior;
    if (autocommit_ || behavior == 0 || !session_.transaction_failed()) {
        return;
    }
    try {
        if (behavior == 2 && statement_savepoint_) {
            try {
                session_.run("ROLLBACK TO SAVEPOINT " + std::string(statement_savepoint));
                diagnostics.add_error(
                    sqlstate::general_warning,
                    odbc::driver_message("the failed statement was rolled back "
                                         "(TransactionErrorBehavior=2); the transaction and "
                                         "its earlier work remain, uncommitted"));
                return;
            } catch (const std::exception&) {
                // The application released or rolled back past the savepoint itself: the
                // whole transaction goes, as with 1.
            }
        }
        statement_savepoint_ = false;
        session_timeout_.reset();  // a SET in the transaction is undone too
        session_.run("ROLLBACK");
        diagnostics.add_error(
            sqlstate::transaction_rolled_back,
            odbc::driver_message("transaction is rolled back: the statement failed inside a "
                                 "manual-commit transaction, so the driver rolled the "
                                 "transaction back and its earlier uncommitted work is lost "
                                 "(TransactionErrorBehavior=1); the next statement starts a "
                                 "new transaction"));
    } catch (const std::exception& error) {
        diagnostics.add_error(
            sqlstate::communication_link_failure,
            odbc::driver_message(std::string("the failed transaction could not be "
                                             "rolled back: ")
                                 + error.what()));
    }
}

void Connection::end_transaction(SQLSMALLINT completion) {
    if (completion != SQL_COMMIT && completion != SQL_ROLLBACK) {
        throw odbc::OdbcError(sqlstate::invalid_transaction_operation,
                              "invalid transaction operation code " + std::to_string(completion));
    }
    require_connected();
    statement_savepoint_ = false;
    const wire::TransactionStatus status = session_.transaction_status();
    if (status == wire::TransactionStatus::unknown && !autocommit_) {
        // The session is lost (server restarted, backend terminated, network cut): the server
        // rolls back the transaction of a session that ends, so a COMMIT must not look done.
        throw odbc::OdbcError(sqlstate::communication_link_failure,
                              completion == SQL_COMMIT
                                  ? "the connection to the server is lost: the open transaction "
                                    "was not committed (the server rolled it back)"
                                  : "the connection to the server is lost: the server rolled "
                                    "the open transaction back");
    }
    if (status == wire::TransactionStatus::in_error) {
        session_timeout_.reset();  // a SET in the transaction is undone too
        session_.run("ROLLBACK");
        if (completion == SQL_COMMIT) {
            // The server turns COMMIT of a failed transaction into a silent rollback; say so.
            throw odbc::OdbcError(
                sqlstate::transaction_rolled_back,
                "transaction is rolled back: a statement in the transaction failed, "
                "so nothing was committed");
        }
        return;
    }
    if (status == wire::TransactionStatus::in_transaction) {
        if (completion == SQL_ROLLBACK) {
            session_timeout_.reset();
        }
        session_.run(completion == SQL_COMMIT ? "COMMIT" : "ROLLBACK");
    }
}

void Connection::set_attribute(SQLINTEGER attribute, const AttributeValue& value) {
    switch (attribute) {
        case SQL_ATTR_AUTOCOMMIT: {
            if (value.number != SQL_AUTOCOMMIT_ON && value.number != SQL_AUTOCOMMIT_OFF) {
                throw odbc::OdbcError(sqlstate::invalid_attribute_value,
                                      "invalid attribute value for SQL_ATTR_AUTOCOMMIT");
            }
            const bool turning_on = value.number == SQL_AUTOCOMMIT_ON && !autocommit_;
            if (turning_on && session_.connected()) {
                end_transaction(SQL_COMMIT);  // ODBC: switching autocommit on commits
            }
            autocommit_ = value.number == SQL_AUTOCOMMIT_ON;
            return;
        }
        case SQL_ATTR_ACCESS_MODE:
            if (value.number != SQL_MODE_READ_ONLY && value.number != SQL_MODE_READ_WRITE) {
                throw odbc::OdbcError(sqlstate::invalid_attribute_value,
                                      "invalid attribute value for SQL_ATTR_ACCESS_MODE: "
                                      "SQL_MODE_READ_ONLY or SQL_MODE_READ_WRITE");
            }
            // The session's default for the transactions that follow (a transaction already
            // open keeps its mode, as ODBC allows).
            if (value.number != access_mode_ && session_.connected()) {
                session_.run(read_only_sql(value.number == SQL_MODE_READ_ONLY));
            }
            access_mode_ = value.number;
            return;
        case SQL_ATTR_LOGIN_TIMEOUT:
            login_timeout_ = value.number;
            return;
        case SQL_ATTR_CONNECTION_TIMEOUT:
            connection_timeout_ = value.number;
            return;
        case SQL_ATTR_METADATA_ID:
            metadata_id_ = value.number;
            return;
        case SQL_ATTR_NOSCAN:
            no_scan_ = checked_no_scan(value.number);
            return;
        case SQL_ATTR_CURRENT_CATALOG:
            if (text_of(value, "SQL_ATTR_CURRENT_CATALOG") != settings_.database
                || !session_.connected()) {
                throw odbc::OdbcError(
                    sqlstate::optional_feature_not_implemented,
                    "optional feature not implemented: the database of an open "
                    "connection cannot be changed; connect with Database= instead");
            }
            return;
        case SQL_ATTR_TXN_ISOLATION:
        case SQL_ATTR_QUIET_MODE:
        case SQL_ATTR_PACKET_SIZE:
        case SQL_ATTR_TRACE:
        case SQL_ATTR_TRACEFILE:
        case SQL_ATTR_ODBC_CURSORS:
            return;  // accepted; nothing in the driver depends on them yet
        case SQL_ATTR_RESET_CONNECTION:
            if (value.number != SQL_RESET_CONNECTION_YES) {
                throw odbc::OdbcError(
                    sqlstate::invalid_attribute_value,
                    "invalid attribute value: SQL_ATTR_RESET_CONNECTION takes only "
                    "SQL_RESET_CONNECTION_YES");
            }
            reset_to_defaults();
            return;
        case SQL_ATTR_ASYNC_ENABLE:
            if (value.number != SQL_ASYNC_ENABLE_OFF) {
                throw odbc::OdbcError(sqlstate::optional_feature_not_implemented,
                                      "optional feature not implemented: asynchronous execution");
            }
            return;
        default:
            throw odbc::OdbcError(sqlstate::invalid_attribute_identifier,
                                  "invalid attribute identifier: connection attribute "
                                      + std::to_string(attribute) + " is not supported");
    }
}

AttributeValue Connection::get_attribute(SQLINTEGER attribute) {
    switch (attribute) {
        case SQL_ATTR_AUTOCOMMIT:
            return {static_cast<SQLULEN>(autocommit_ ? SQL_AUTOCOMMIT_ON : SQL_AUTOCOMMIT_OFF),
                    std::nullopt};
        case SQL_ATTR_ACCESS_MODE:
            return {access_mode_, std::nullopt};
        case SQL_ATTR_LOGIN_TIMEOUT:
            return {login_timeout_, std::nullopt};
        case SQL_ATTR_CONNECTION_TIMEOUT:
            return {connection_timeout_, std::nullopt};
        case SQL_ATTR_METADATA_ID:
            return {metadata_id_, std::nullopt};
        case SQL_ATTR_NOSCAN:
            return {no_scan_, std::nullopt};
        case SQL_ATTR_TXN_ISOLATION:
            // Redshift runs every transaction serializable; PostgreSQL defaults to read committed.
            return {redshift_ ? static_cast<SQLULEN>(SQL_TXN_SERIALIZABLE)
                              : static_cast<SQLULEN>(SQL_TXN_READ_COMMITTED),
                    std::nullopt};
        case SQL_ATTR_CONNECTION_DEAD:
            return {static_cast<SQLULEN>(session_.probe_alive() ? SQL_CD_FALSE : SQL_CD_TRUE),
                    std::nullopt};
        case SQL_ATTR_ASYNC_ENABLE:
            return {SQL_ASYNC_ENABLE_OFF, std::nullopt};
        case SQL_ATTR_AUTO_IPD:
            return {SQL_FALSE, std::nullopt};
        case SQL_ATTR_CURRENT_CATALOG:
            require_connected();
            return {0, session_.database()};
        case SQL_ATTR_RSODBC_TLS_STATE:
            require_connected();
            return {0, session_.tls_state()};
        default:
            throw odbc::OdbcError(sqlstate::invalid_attribute_identifier,
                                  "invalid attribute identifier: connection attribute "
                                      + std::to_string(attribute) + " is not supported");
    }
}

}  // namespace rsodbc::core
