#pragma once
// One libpq connection: connect, server facts, simple-query execution, transaction status.
// This and the other wire/ files are the only code that talks to libpq.
#include "wire/param_values.h"
#include "wire/pg_ptr.h"
#include "wire/pipeline.h"
#include "wire/result_stream.h"

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rsodbc::wire {

// libpq 15 accepts a ParameterDescription message of at most 30,000 bytes (it is not among the
// message types it allows to be long) and drops the connection on a longer one: describing a
// prepared statement with more than 7,498 parameters (its length counts itself: 4 + 2 + 4 bytes
// each) loses the connection although the statement itself runs. Callers refuse such a describe
// instead.
inline constexpr std::size_t max_described_parameters = 7498;

struct ConnectParams {
    std::string host;
    std::string port;
    std::string database;
    std::string user;
    std::string password;
    std::string sslmode;
    std::string application_name;
    std::string sslrootcert;  // empty: libpq's default
    std::string sslcert;
    std::string sslkey;
    std::string sslcrl;
    std::string ssl_min_protocol_version;  // TLSv1.2...
    int connect_timeout_seconds = 0;       // libpq applies it to each address it tries
    bool keepalives = true;
    int keepalives_idle = 0;  // 0 = the operating system's default, for these three
    int keepalives_count = 0;
    int keepalives_interval = 0;
};

struct StatementShape {
    std::vector<ColumnDesc> columns;
    std::vector<unsigned> parameter_types;
};

enum class TransactionStatus { idle, active, in_transaction, in_error, unknown };

// A NOTICE, WARNING or INFO message the server sent beside a statement's results (RAISE INFO in a
// Redshift procedure, "table does not exist, skipping" for DROP ... IF EXISTS).
struct Notice {
    std::string severity;  // NOTICE, WARNING, INFO...
    std::string sqlstate;
    std::string message;
};

class Session {
public:
    // Throws ServerError: 28P01 when the server refused the credentials, 08001 otherwise.
    void connect(const ConnectParams& params);
    void disconnect() noexcept;

    [[nodiscard]] bool connected() const { return conn_ != nullptr; }

    // The server still answers as far as libpq knows (false after a dropped connection).
    [[nodiscard]] bool healthy() const;
    // healthy(), after taking in what the server already sent without waiting or writing: a
    // backend terminated while idle has sent its FATAL and closed the socket, and libpq learns
    // of it only when it reads (SQL_ATTR_CONNECTION_DEAD, which a pool asks before reuse).
    [[nodiscard]] bool probe_alive();

    // SQL_ATTR_RSODBC_TLS_STATE (include/redshift_odbc.h): "tls=0", or
    // "tls=1;protocol=...;cipher=...;verified=none|ca|full" from the settings libpq used.
    [[nodiscard]] std::string tls_state() const;

    [[nodiscard]] std::string parameter_status(const char* name) const;
    [[nodiscard]] int server_version() const;
    [[nodiscard]] std::string database() const;
    [[nodiscard]] std::string user() const;
    // For the log: "TLS TLSv1.3 TLS_AES_256_GCM_SHA384" or "no TLS".
    [[nodiscard]] std::string tls_description() const;
    // Redshift announces itself with the padb_version parameter at start-up: no extra round trip.
    [[nodiscard]] bool reports_redshift() const;

    // Runs SQL text through the simple-query protocol (several statements allowed) and returns
    // every result in order. Throws ServerError for the first failed statement.
    Results execute(std::string_view sql);
    // The result columns a statement would return, without running it (a server-side prepare of
    // the unnamed statement). Throws ServerError when the server cannot prepare it.
    std::vector<ColumnDesc> describe(std::string_view sql);
    // Runs one statement with text parameters sent out of band ($1...$n), never in the SQL text.
    Results execute_params(std::string_view sql, const std::vector<std::string>& parameters);
    // Server-side prepared statements (the statement cache owns their names).
    void prepare(const std::string& name, std::string_view sql,
                 const std::vector<unsigned>& parameter_types);
    StatementShape describe_statement(const std::string& name);
    // `stream`: rows are read in single-row mode as the application fetches them (a
    // StreamingResult holding the wire), instead of the whole result before returning.
    Results execute_prepared(const std::string& name, const ParamValues& parameters,
                             bool stream = false);
    // Prepares `name` and runs it at once: Parse, Bind, Describe, Execute and Sync go out in one
    // pipeline, so the first execution costs one round trip instead of two. Throws ServerError
    // when either step fails; after a failed Parse the statement does not exist.
    Results prepare_and_execute(const std::string& name, std::string_view sql,
                                const std::vector<unsigned>& parameter_types,
                                const ParamValues& parameters);
    void deallocate(const std::string& name);
    // Sends every item in pipeline mode and returns one outcome per item, in order. A run
    // always ends with a sync point, whether or not its last item asked for one. A lost
    // connection does not throw: the report says so, with the outcomes known until then.
    // With a `deadline` (SQL_ATTR_QUERY_TIMEOUT over a whole execution) nothing more is sent once
    // it has passed, what runs is cancelled, and the report says the deadline cut the run.
    PipelineReport run_pipeline(const PipelineSource& next,
                                std::optional<std::chrono::steady_clock::time_point> deadline = {});

    // Runs one row-returning statement in single-row mode: rows arrive as they are fetched.
    Results execute_streaming(std::string_view sql);

    // Runs one query through a server-side cursor (DECLARE, then FETCH `fetch_rows` at a time),
    // with parameters out of band. Outside a transaction it opens one, which ends when the
    // cursor closes: Redshift declares cursors only inside transactions.
    Results execute_cursor(std::string_view sql, const ParamValues& parameters,
                           const std::vector<unsigned>& parameter_types, int fetch_rows);

    // The result that owns the wire, if any: a streaming result or an open cursor. Any other
    // command first makes it release the wire (ResultStream::release_wire).
    void adopt_stream(ResultStream* stream) { stream_ = stream; }

    [[nodiscard]] bool holds(const ResultStream* stream) const { return stream_ == stream; }

    // A FETCH on the cursor that holds the wire (it must not make itself release the wire).
    PgResultPtr fetch_cursor(const std::string& sql);

    void end_stream(ResultStream* stream) noexcept;
    // A streaming result nobody will read on (SQLCloseCursor, SQLFreeStmt, SQLFreeHandle after
    // some of its rows): rows that already arrived are dropped; if more are still to come, the
    // query is cancelled instead of read to its end, when that cannot harm anything else — the
    // query runs in its own implicit transaction (autocommit). In the application's transaction a
    // cancel would fail the transaction, so the rest is read and discarded there.
    void abandon_stream(ResultStream* stream) noexcept;
    PgResultPtr next_stream_result();

    // Bytes of rows read ahead into memory before the rest goes to a temporary file
    // (SpillThreshold); 0 keeps everything in memory.
    void set_spill_threshold(std::size_t bytes) { spill_threshold_ = bytes; }

    [[nodiscard]] std::size_t spill_threshold() const { return spill_threshold_; }

    // Runs a command whose result is not needed (BEGIN, COMMIT...).
    void run(std::string_view sql);

    // Also hands the wire back from a streaming result (its rows move to memory): the status of
    // a connection in the middle of sending rows is not a transaction status.
    [[nodiscard]] TransactionStatus transaction_status();
    // The transaction has failed (a statement in it got an error): asked without taking the wire,
    // so a result still streaming is left alone (its transaction is then simply not failed).
    [[nodiscard]] bool transaction_failed() const;

    // Whose query the wire carries: the statement whose call is executing (an opaque tag), or
    // nullptr. Returns the previous tag, for nested calls to restore.
    const void* set_cancel_owner(const void* owner);
    // SQLCancel from any thread: asks the server to stop the query on the wire only when it is
    // `owner`'s (a cancel request stops whatever the connection runs, so aimed at an idle
    // statement it would hit another's query). While the wire is still carrying another
    // statement's rows (take_wire), the cancel waits: the owner's call then fails with 57014
    // before anything of it is sent. True when the owner's call will be stopped.
    bool cancel_for(const void* owner);
    // The error of a failed result. A query_canceled (57014) is marked as the application's
    // cancel when cancel_for was sent for the command on the wire; otherwise it is a timeout
    // (the driver's deadline or the server's statement_timeout).
    [[nodiscard]] ServerError error_of(const pg_result* result) const;

    // The notices received since the last call, oldest first; at most max_kept_notices of them,
    // and `dropped` says how many more arrived.
    std::vector<Notice> take_notices(std::size_t& dropped);

    static constexpr std::size_t max_kept_notices = 100;

private:
    // libpq's default would print notices on the application's stderr; they become diagnostics.
    static void receive_notice(void* session, const pg_result* result);

    [[noreturn]] void throw_connection_error(std::string_view fallback_state) const;
    void require_open() const;
    // Any command needs the wire: a result still streaming is read into memory first.
    void take_wire();
    // Takes the single result of a synchronous libpq call, throwing its error if it failed.
    PgResultPtr checked(pg_result* raw) const;

    PgConnPtr conn_;
    // Sends the cancel request; cancel_mutex_ held.
    void send_cancel() const;
    // Reads and drops the results of the query in flight, up to its end (the NULL result).
    void drain() noexcept;

    mutable std::mutex cancel_mutex_;  // guards cancel_, cancel_owner_, draining_, cancel_pending_,
                                       // application_cancel_
    PgCancelPtr cancel_;               // made at connect; PQcancel on it is thread-safe
    const void* cancel_owner_ = nullptr;
    bool draining_ = false;            // take_wire is reading another statement's rows
    bool cancel_pending_ = false;      // the owner was cancelled while draining_
    bool application_cancel_ = false;  // cancel_for was sent for the command on the wire
    ResultStream* stream_ = nullptr;
    // The streaming query was sent outside any transaction: it is its own (implicit) one.
    bool stream_autocommit_ = false;
    std::size_t spill_threshold_ = std::size_t{64} << 20;
    unsigned cursor_counter_ = 0;  // cursor names are unique per session
    std::vector<Notice> notices_;
    std::size_t dropped_notices_ = 0;
    bool terminated_ = false;  // the server sent FATAL outside any statement (receive_notice)
};

}  // namespace rsodbc::wire
