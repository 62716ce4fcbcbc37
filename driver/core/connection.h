#pragma once
// A connection handle: settings, the libpq session, autocommit and transactions, and the
// statements allocated from it.
#include "catalog/info_table.h"
#include "config/connection_string.h"
#include "config/server_flavor.h"
#include "config/settings.h"
#include "core/handle.h"
#include "types/type_reporting.h"
#include "wire/session.h"

#include <sql.h>
#include <sqlext.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rsodbc::sql {
class AnalysedStatement;
}  // namespace rsodbc::sql

namespace rsodbc::exec {
class StatementCache;
}  // namespace rsodbc::exec

namespace rsodbc::core {

class Environment;
class Descriptor;
class Statement;

// SQL_ATTR_NOSCAN takes SQL_NOSCAN_OFF or SQL_NOSCAN_ON; anything else is HY024.
SQLULEN checked_no_scan(SQLULEN value);

// A connection attribute value: most are integers, a few are strings.
struct AttributeValue {
    SQLULEN number = 0;
    std::optional<std::string> text;
};

class Connection final : public Handle {
public:
    static constexpr HandleKind handle_kind = HandleKind::connection;

    explicit Connection(Environment& environment);
    ~Connection() override;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    Connection(Connection&&) = delete;
    Connection& operator=(Connection&&) = delete;

    Environment& environment() { return environment_; }

    // SQLConnect: the DSN's settings, with UID/PWD given in the call taking precedence.
    void connect(const std::string& dsn, const std::optional<std::string>& user,
                 const std::optional<std::string>& password);
    // SQLDriverConnect: returns the completed connection string.
    std::string driver_connect(const std::string& connection_string);
    void disconnect();

    [[nodiscard]] bool connected() const { return session_.connected(); }

    Statement& allocate_statement();
    void free_statement(Statement& statement);
    // Explicitly allocated descriptors (SQLAllocHandle(SQL_HANDLE_DESC)); freeing one gives the
    // statements that used it their implicit descriptor back.
    Descriptor& allocate_descriptor();
    void free_descriptor(Descriptor& descriptor);

    void set_attribute(SQLINTEGER attribute, const AttributeValue& value);
    [[nodiscard]] AttributeValue get_attribute(SQLINTEGER attribute);
    void end_transaction(SQLSMALLINT completion);

    // Runs SQL for a statement, opening the transaction first in manual-commit mode. A statement
    // that cannot run in a transaction block (sql/transaction_block.h) runs without one; with a
    // transaction already open it is refused (25000) before anything is sent.
    wire::Results execute(const sql::AnalysedStatement& statement, SQLULEN timeout_seconds = 0);
    // One row-returning statement whose rows stream as they are fetched.
    wire::Results execute_streaming(const std::string& sql, SQLULEN timeout_seconds = 0);
    // One query through a server-side cursor (UseDeclareFetch), Fetch rows at a time.
    wire::Results execute_cursor(const std::string& sql, SQLULEN timeout_seconds = 0);
    // The session, with the transaction opened first in manual-commit mode and the statement
    // timeout (seconds, 0 = none) in force.
    wire::Session& begin_work(SQLULEN timeout_seconds = 0, bool outside_transaction = false);

    // The statement whose call is on the wire (SQLCancel may stop only its query); returns the
    // previous one. Thread-safe.
    const Statement* set_executing(const Statement* statement) {
        return static_cast<const Statement*>(session_.set_cancel_owner(statement));
    }

    // SQLCancel from another thread: true when `statement`'s call is the one executing and the
    // server was asked to stop it. Thread-safe, without the connection's lock.
    bool cancel_if_executing(const Statement* statement) { return session_.cancel_for(statement); }

    exec::StatementCache& statement_cache() { return *statement_cache_; }

    [[nodiscard]] bool autocommit() const { return autocommit_; }

    // TransactionErrorBehavior after a statement call failed: when the application's manual-commit
    // transaction has failed, 1 rolls it back and 2 rolls back to the statement's savepoint, each
    // adding a record to `diagnostics` saying so; 0 leaves the failed transaction to the
    // application. Never throws: the call has failed already.
    void after_failed_statement(odbc::Diagnostics& diagnostics) noexcept;

    // Types the server infers for the parameters of SQL text with ? markers.
    std::vector<unsigned> parameter_types(const std::string& sql);
    // Result columns of SQL text without running it.
    std::vector<wire::ColumnDesc> describe(const std::string& sql);
    // A driver-internal catalog query with bound parameters. Refused (ServerError) inside a failed
    // transaction, so it can never be what aborts the application's transaction.
    wire::Results catalog_query(const std::string& sql, const std::vector<std::string>& parameters);

    [[nodiscard]] const config::Settings& settings() const { return settings_; }

    // How result types are reported (the compatibility keywords).
    [[nodiscard]] types::ReportingOptions reporting() const;

    // What SQLGetInfo needs to know about this connection and its server to answer `info_type`.
    // Facts that cost a round trip are looked up only for the InfoType that needs them.
    [[nodiscard]] catalog::InfoContext info_context(SQLUSMALLINT info_type);

    [[nodiscard]] bool is_redshift() const { return redshift_; }

    // Redshift: enable_case_sensitive_identifier is on for this session.
    bool case_sensitive_identifiers();

    // SQL text with its ODBC escapes translated for this server (SQLNativeSql, and statements
    // unless SQL_ATTR_NOSCAN); a malformed escape is 42000.
    [[nodiscard]] std::string native_sql(std::string_view sql) const;
    // True when a statement of this connection other than `except` has the cursor name `name`
    // (defined in statement_cursor_name.cpp).
    [[nodiscard]] bool cursor_name_taken(std::string_view name, const Statement& except) const;

    [[nodiscard]] const wire::Session& session() const { return session_; }

    // Server notices received since the last call (wire::Session::take_notices).
    std::vector<wire::Notice> take_notices(std::size_t& dropped) {
        return session_.take_notices(dropped);
    }

private:
    void connect_with_retries();
    // SQL_ATTR_RESET_CONNECTION: back to what a fresh connection to the DSN has.
    void reset_to_defaults();
    void run_session_setup();
    static std::string read_only_sql(bool read_only);

    void open(config::AttributeMap attributes);
    void require_connected() const;

    Environment& environment_;
    std::recursive_mutex mutex_;
    wire::Session session_;
    std::unique_ptr<exec::StatementCache> statement_cache_;  // never null
    config::Settings settings_;
    std::chrono::steady_clock::time_point connected_at_;  // for the disconnect's log line
    bool redshift_ = false;
    bool autocommit_ = true;
    SQLULEN access_mode_ = SQL_MODE_READ_WRITE;
    SQLULEN login_timeout_ = 0;
    SQLULEN connection_timeout_ = 0;
    SQLULEN metadata_id_ = SQL_FALSE;
    SQLULEN no_scan_ = SQL_NOSCAN_OFF;
    // statement_timeout last set on the session (SET is undone by a rollback: unknown again then).
    std::optional<SQLULEN> session_timeout_ = SQLULEN{0};
    // TransactionErrorBehavior=2: the savepoint set before the current statement exists.
    bool statement_savepoint_ = false;
    std::vector<std::unique_ptr<Statement>> statements_;
    std::vector<std::unique_ptr<Descriptor>> descriptors_;
};

}  // namespace rsodbc::core
