#include "wire/session.h"

#include "odbc/sqlstate.h"
#include "wire/buffered_result.h"
#include "wire/connect_failure.h"
#include "wire/cursor_result.h"
#include "wire/server_error.h"
#include "wire/streaming_result.h"
#include "wire/tls.h"

#include <libpq-fe.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <poll.h>
#include <system_error>

namespace rsodbc::wire {

namespace {

std::string connection_message(const pg_conn* conn) {
    std::string message = conn == nullptr ? "out of memory" : PQerrorMessage(conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
        message.pop_back();
    }
    return message;
}

// libpq gives no SQLSTATE for a failed connection attempt, only its (English, C locale) text.
// Credentials refused are told apart so applications can prompt again (28000).
bool is_authentication_failure(std::string_view message) {
    constexpr std::array markers = {
        std::string_view("password authentication failed"),
        std::string_view("no password supplied"),
        std::string_view("authentication failed for user"),
        std::string_view("SASL authentication"),
    };
    return std::ranges::any_of(markers, [&](std::string_view marker) {
        return message.find(marker) != std::string_view::npos;
    });
}

// Ends a COPY the server started so the connection stays usable.
void end_copy(pg_conn* conn, ExecStatusType status) {
    if (status == PGRES_COPY_IN) {
        PQputCopyEnd(conn, "COPY FROM STDIN is not supported through ODBC");
        return;
    }
    char* row = nullptr;
    while (PQgetCopyData(conn, &row, 0) >= 0) {
        PQfreemem(row);
        row = nullptr;
    }
}

}  // namespace

void Session::connect(const ConnectParams& params) {
    const std::string timeout = std::to_string(params.connect_timeout_seconds);
    std::vector<const char*> keys;
    std::vector<const char*> values;
    auto add = [&](const char* key, const std::string& value) {
        if (!value.empty()) {
            keys.push_back(key);
            values.push_back(value.c_str());
        }
    };
    add("host", params.host);
    add("port", params.port);
    add("dbname", params.database);
    add("user", params.user);
    add("password", params.password);
    add("sslmode", params.sslmode);
    // verify-ca/verify-full need trusted roots; without a CA file named, the system's store.
    const bool verifies = params.sslmode == "verify-ca" || params.sslmode == "verify-full";
    const std::string root_cert =
        !params.sslrootcert.empty() || !verifies ? params.sslrootcert : default_root_cert();
    add("sslrootcert", root_cert);
    add("sslcert", params.sslcert);
    add("sslkey", params.sslkey);
    add("sslcrl", params.sslcrl);
    add("ssl_min_protocol_version", params.ssl_min_protocol_version);
    add("application_name", params.application_name);
    if (params.connect_timeout_seconds > 0) {
        add("connect_timeout", timeout);
    }
    const std::string encoding = "UTF8";
    add("client_encoding", encoding);
    const std::string keepalives = params.keepalives ? "1" : "0";
    add("keepalives", keepalives);
    const std::string idle = std::to_string(params.keepalives_idle);
    const std::string count = std::to_string(params.keepalives_count);
    const std::string interval = std::to_string(params.keepalives_interval);
    if (params.keepalives && params.keepalives_idle > 0) {
        add("keepalives_idle", idle);
    }
    if (params.keepalives && params.keepalives_count > 0) {
        add("keepalives_count", count);
    }
    if (params.keepalives && params.keepalives_interval > 0) {
        add("keepalives_interval", interval);
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);

    PgConnPtr conn(PQconnectdbParams(keys.data(), values.data(), 0));
    if (conn == nullptr || PQstatus(conn.get()) != CONNECTION_OK) {
        const std::string message = connection_message(conn.get());
        if (is_authentication_failure(message)) {
            throw ServerError(sqlstate::server::invalid_password, message);
        }
        throw ServerError(sqlstate::server::unable_to_connect,
                          explain_connect_failure(message, params, root_cert));
    }
    conn_ = std::move(conn);
    PQsetNoticeReceiver(conn_.get(), &Session::receive_notice, this);
    const std::lock_guard guard(cancel_mutex_);
    cancel_.reset(PQgetCancel(conn_.get()));
}

std::string Session::tls_state() const {
    if (conn_ == nullptr || PQsslInUse(conn_.get()) == 0) {
        return "tls=0";
    }
    const auto attribute = [this](const char* name) {
        const char* value = PQsslAttribute(conn_.get(), name);
        return std::string(value != nullptr ? value : "");
    };
    // What was checked follows from the settings libpq used (the DSN's, else PGSSLMODE and
    // PGSSLROOTCERT, else its defaults): verify-full checks the chain and the name, verify-ca the
    // chain, and libpq also checks the chain in the other modes whenever the root CA file exists.
    std::string sslmode;
    std::string root_cert;
    const std::unique_ptr<PQconninfoOption, void (*)(PQconninfoOption*)> options(
        PQconninfo(conn_.get()), &PQconninfoFree);
    for (const PQconninfoOption* option = options.get();
         option != nullptr && option->keyword != nullptr; ++option) {
        const std::string_view keyword(option->keyword);
        if (option->val != nullptr && keyword == "sslmode") {
            sslmode = option->val;
        } else if (option->val != nullptr && keyword == "sslrootcert") {
            root_cert = option->val;
        }
    }
    if (root_cert.empty()) {
        if (const char* home = std::getenv("HOME"); home != nullptr) {
            root_cert = std::string(home) + "/.postgresql/root.crt";
        }
    }
    std::error_code error;
    const bool chain_checked =
        !root_cert.empty() && std::filesystem::is_regular_file(root_cert, error);
    const char* verified = sslmode == "verify-full"                  ? "full"
                           : sslmode == "verify-ca" || chain_checked ? "ca"
                                                                     : "none";
    return "tls=1;protocol=" + attribute("protocol") + ";cipher=" + attribute("cipher")
           + ";verified=" + verified;
}

void Session::receive_notice(void* session, const pg_result* result) {
    auto* self = static_cast<Session*>(session);
    // A FATAL arrives as a notice only when no statement was waiting for it: the server is
    // closing the session (pg_terminate_backend, shutdown, idle timeout), so it is over.
    const char* severity = PQresultErrorField(result, PG_DIAG_SEVERITY_NONLOCALIZED);
    if (severity != nullptr
        && (std::string_view(severity) == "FATAL" || std::string_view(severity) == "PANIC")) {
        self->terminated_ = true;
    }
    if (self->notices_.size() >= max_kept_notices) {
        ++self->dropped_notices_;
        return;
    }
    const auto field = [result](int code) {
        const char* value = PQresultErrorField(result, code);
        return std::string(value != nullptr ? value : "");
    };
    self->notices_.push_back(Notice{field(PG_DIAG_SEVERITY_NONLOCALIZED), field(PG_DIAG_SQLSTATE),
                                    field(PG_DIAG_MESSAGE_PRIMARY)});
}

std::vector<Notice> Session::take_notices(std::size_t& dropped) {
    dropped = dropped_notices_;
    dropped_notices_ = 0;
    std::vector<Notice> taken;
    taken.swap(notices_);
    return taken;
}

void Session::send_cancel() const {
    if (cancel_ != nullptr) {
        std::array<char, 256> error{};
        PQcancel(cancel_.get(), error.data(), static_cast<int>(error.size()));
    }
}

const void* Session::set_cancel_owner(const void* owner) {
    // Taken after a cancel request in progress has been sent: the next statement's query cannot
    // reach the server before a cancel aimed at the previous one.
    const std::lock_guard guard(cancel_mutex_);
    const void* previous = cancel_owner_;
    if (owner != previous) {
        cancel_pending_ = false;
    }
    cancel_owner_ = owner;
    return previous;
}

bool Session::cancel_for(const void* owner) {
    const std::lock_guard guard(cancel_mutex_);
    if (owner == nullptr || owner != cancel_owner_) {
        return false;
    }
    application_cancel_ = true;
    if (draining_) {
        cancel_pending_ = true;
        return true;
    }
    send_cancel();
    return true;
}

ServerError Session::error_of(const pg_result* result) const {
    ServerError error = error_from_result(result, !healthy());
    if (error.server_state() == sqlstate::server::query_canceled) {
        const std::lock_guard guard(cancel_mutex_);
        if (application_cancel_) {
            error.mark_cancel_requested();
        }
    }
    return error;
}

void Session::disconnect() noexcept {
    // A stream still open is not read to its end: closing the socket ends the query.
    stream_ = nullptr;
    {
        const std::lock_guard guard(cancel_mutex_);
        cancel_.reset();
        cancel_owner_ = nullptr;
        cancel_pending_ = false;
        application_cancel_ = false;
    }
    conn_.reset();
    terminated_ = false;
}

void Session::take_wire() {
    if (stream_ != nullptr) {
        {
            const std::lock_guard guard(cancel_mutex_);
            draining_ = true;
        }
        try {
            stream_->release_wire();
        } catch (...) {
            const std::lock_guard guard(cancel_mutex_);
            draining_ = false;
            throw;
        }
        const std::lock_guard guard(cancel_mutex_);
        draining_ = false;
        if (cancel_pending_) {
            cancel_pending_ = false;
            ServerError cancelled(sqlstate::server::query_canceled,
                                  "canceling statement due to user request");
            cancelled.mark_cancel_requested();
            throw cancelled;
        }
    }
    // A new command goes on the wire: a cancel sent before it was aimed at an earlier one (its
    // 57014, if any, has been read). A cancel of a streamed result stays noted across the
    // fetches that read it, since its error may arrive several calls after the cancel.
    const std::lock_guard guard(cancel_mutex_);
    application_cancel_ = false;
}

PgResultPtr Session::next_stream_result() {
    return PgResultPtr(conn_ == nullptr ? nullptr : PQgetResult(conn_.get()));
}

void Session::drain() noexcept {
    while (conn_ != nullptr) {
        PgResultPtr rest(PQgetResult(conn_.get()));
        if (rest == nullptr) {
            break;
        }
    }
}

void Session::end_stream(ResultStream* stream) noexcept {
    if (stream != stream_) {
        return;
    }
    stream_ = nullptr;
    // Rows nobody will read are discarded so the connection is ready for the next command.
    drain();
}

void Session::abandon_stream(ResultStream* stream) noexcept {
    if (stream != stream_ || conn_ == nullptr) {
        return;
    }
    stream_ = nullptr;
    // What has already arrived is dropped without waiting; if that reaches the end, the query is
    // over and there is nothing to cancel (a small rest costs no extra connection to the server).
    if (PQconsumeInput(conn_.get()) == 0) {
        drain();
        return;
    }
    while (PQisBusy(conn_.get()) == 0) {
        PgResultPtr rest(PQgetResult(conn_.get()));
        if (rest == nullptr) {
            return;
        }
    }
    if (stream_autocommit_) {
        // The server stops at its next row; what is in flight until then is read and dropped,
        // and the cancel's error (57014) with it. The implicit transaction ends rolled back,
        // which for a SELECT changes nothing.
        const std::lock_guard guard(cancel_mutex_);
        send_cancel();
    }
    drain();
}

Results Session::execute_streaming(std::string_view sql) {
    require_open();
    take_wire();
    const std::string text(sql);
    stream_autocommit_ = PQtransactionStatus(conn_.get()) == PQTRANS_IDLE;
    if (PQsendQuery(conn_.get(), text.c_str()) == 0) {
        throw_connection_error(sqlstate::server::connection_failure);
    }
    PQsetSingleRowMode(conn_.get());
    Results results;
    results.push_back(std::make_unique<StreamingResult>(*this));
    return results;
}

Results Session::execute_cursor(std::string_view sql, const ParamValues& parameters,
                                const std::vector<unsigned>& parameter_types, int fetch_rows) {
    require_open();
    take_wire();
    const bool owns_transaction = PQtransactionStatus(conn_.get()) == PQTRANS_IDLE;
    if (owns_transaction) {
        run("BEGIN");
    }
    // The name is the driver's own; the query's parameters stay out of band ($1...$n).
    std::string name = "rsodbc_cursor_" + std::to_string(++cursor_counter_);
    const std::string text = "DECLARE " + name + " CURSOR FOR " + std::string(sql);
    std::vector<const char*> values;
    std::vector<int> lengths;
    parameters.fill_pointers(values, lengths);
    const std::vector<Oid> types(parameter_types.begin(), parameter_types.end());
    try {
        checked(PQexecParams(conn_.get(), text.c_str(), parameters.count(),
                             types.empty() ? nullptr : types.data(), values.data(), lengths.data(),
                             nullptr, 0));
    } catch (...) {
        if (owns_transaction && healthy()) {
            PgResultPtr ended(PQexec(conn_.get(), "ROLLBACK"));
        }
        throw;
    }
    Results results;
    results.push_back(
        std::make_unique<CursorResult>(*this, std::move(name), fetch_rows, owns_transaction));
    return results;
}

PgResultPtr Session::fetch_cursor(const std::string& sql) {
    require_open();
    return checked(PQexec(conn_.get(), sql.c_str()));
}

bool Session::healthy() const {
    return conn_ != nullptr && !terminated_ && PQstatus(conn_.get()) == CONNECTION_OK;
}

bool Session::probe_alive() {
    if (!healthy()) {
        return false;
    }
    // libpq's socket is non-blocking and PQconsumeInput only reads (it flushes nothing that is
    // not already queued, and nothing is queued between calls). A read that returns data is
    // followed by one more, since the end of the stream may come just after the data; the bound
    // keeps rows still arriving for an open result from holding us here.
    for (int reads = 0; reads < 4; ++reads) {
        pollfd socket{PQsocket(conn_.get()), POLLIN, 0};
        if (::poll(&socket, 1, 0) <= 0 || (socket.revents & (POLLIN | POLLHUP | POLLERR)) == 0) {
            break;
        }
        if (PQconsumeInput(conn_.get()) == 0) {
            break;
        }
    }
    // The socket's end can lag the server's FATAL by a moment. With no statement running,
    // parsing what arrived hands that FATAL to receive_notice (libpq's way with a message nobody
    // asked for), which marks the session terminated. A running statement's input is left to it.
    if (PQtransactionStatus(conn_.get()) != PQTRANS_ACTIVE) {
        static_cast<void>(PQisBusy(conn_.get()));
    }
    return healthy();
}

std::string Session::parameter_status(const char* name) const {
    const char* value = conn_ == nullptr ? nullptr : PQparameterStatus(conn_.get(), name);
    return value == nullptr ? std::string() : std::string(value);
}

int Session::server_version() const {
    return conn_ == nullptr ? 0 : PQserverVersion(conn_.get());
}

std::string Session::database() const {
    const char* name = conn_ == nullptr ? nullptr : PQdb(conn_.get());
    return name == nullptr ? std::string() : std::string(name);
}

std::string Session::user() const {
    const char* name = conn_ == nullptr ? nullptr : PQuser(conn_.get());
    return name == nullptr ? std::string() : std::string(name);
}

std::string Session::tls_description() const {
    if (conn_ == nullptr || PQsslInUse(conn_.get()) == 0) {
        return "no TLS";
    }
    const char* protocol = PQsslAttribute(conn_.get(), "protocol");
    const char* cipher = PQsslAttribute(conn_.get(), "cipher");
    return std::string("TLS ") + (protocol != nullptr ? protocol : "?") + " "
           + (cipher != nullptr ? cipher : "?");
}

bool Session::reports_redshift() const {
    return conn_ != nullptr && PQparameterStatus(conn_.get(), "padb_version") != nullptr;
}

void Session::throw_connection_error(std::string_view fallback_state) const {
    const bool broken = !healthy();
    throw ServerError(broken ? sqlstate::server::connection_failure : fallback_state,
                      connection_message(conn_.get()));
}

void Session::require_open() const {
    if (conn_ == nullptr) {
        throw ServerError(sqlstate::server::connection_failure, "the connection is closed");
    }
}

PgResultPtr Session::checked(pg_result* raw) const {
    PgResultPtr result(raw);
    if (result == nullptr) {
        throw_connection_error(sqlstate::server::connection_failure);
    }
    const ExecStatusType status = PQresultStatus(result.get());
    if (status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE) {
        throw error_of(result.get());
    }
    return result;
}

std::vector<ColumnDesc> Session::describe(std::string_view sql) {
    require_open();
    take_wire();
    const std::string text(sql);
    checked(PQprepare(conn_.get(), "", text.c_str(), 0, nullptr));
    const BufferedResult described(checked(PQdescribePrepared(conn_.get(), "")));
    return described.columns();
}

void Session::prepare(const std::string& name, std::string_view sql,
                      const std::vector<unsigned>& parameter_types) {
    require_open();
    take_wire();
    const std::string text(sql);
    std::vector<Oid> types(parameter_types.begin(), parameter_types.end());
    checked(PQprepare(conn_.get(), name.c_str(), text.c_str(), static_cast<int>(types.size()),
                      types.empty() ? nullptr : types.data()));
}

StatementShape Session::describe_statement(const std::string& name) {
    require_open();
    take_wire();
    const PgResultPtr result = checked(PQdescribePrepared(conn_.get(), name.c_str()));
    StatementShape shape;
    shape.columns = BufferedResult::describe_columns(result.get());
    const int count = PQnparams(result.get());
    for (int i = 0; i < count; ++i) {
        shape.parameter_types.push_back(PQparamtype(result.get(), i));
    }
    return shape;
}

Results Session::execute_prepared(const std::string& name, const ParamValues& parameters,
                                  bool stream) {
    require_open();
    take_wire();
    std::vector<const char*> values;
    std::vector<int> lengths;
    parameters.fill_pointers(values, lengths);
    Results results;
    if (stream) {
        stream_autocommit_ = PQtransactionStatus(conn_.get()) == PQTRANS_IDLE;
        if (PQsendQueryPrepared(conn_.get(), name.c_str(), parameters.count(), values.data(),
                                lengths.data(), nullptr, 0)
            == 0) {
            throw_connection_error(sqlstate::server::connection_failure);
        }
        PQsetSingleRowMode(conn_.get());
        // A server error (a stale cached plan among them) arrives with the first result and is
        // thrown from here, as from the buffered path.
        results.push_back(std::make_unique<StreamingResult>(*this));
        return results;
    }
    results.push_back(std::make_unique<BufferedResult>(
        checked(PQexecPrepared(conn_.get(), name.c_str(), parameters.count(), values.data(),
                               lengths.data(), nullptr, 0))));
    return results;
}

Results Session::prepare_and_execute(const std::string& name, std::string_view sql,
                                     const std::vector<unsigned>& parameter_types,
                                     const ParamValues& parameters) {
    require_open();
    take_wire();
    const std::string text(sql);
    std::vector<Oid> types(parameter_types.begin(), parameter_types.end());
    std::vector<const char*> values;
    std::vector<int> lengths;
    parameters.fill_pointers(values, lengths);
    PGconn* conn = conn_.get();
    // Blocking pipeline mode: PQpipelineSync flushes everything, then results are read in order.
    if (PQenterPipelineMode(conn) == 0) {
        throw_connection_error(sqlstate::server::connection_failure);
    }
    const bool sent =
        PQsendPrepare(conn, name.c_str(), text.c_str(), static_cast<int>(types.size()),
                      types.empty() ? nullptr : types.data())
            != 0
        && PQsendQueryPrepared(conn, name.c_str(), parameters.count(), values.data(),
                               lengths.data(), nullptr, 0)
               != 0
        && PQpipelineSync(conn) != 0;
    std::optional<ServerError> first_error;
    PgResultPtr rows;
    // Per command: its result, then nullptr; after the sync: PGRES_PIPELINE_SYNC.
    while (sent) {
        PgResultPtr result(PQgetResult(conn));
        if (result == nullptr) {
            if (PQstatus(conn) != CONNECTION_OK) {
                break;
            }
            continue;
        }
        const ExecStatusType status = PQresultStatus(result.get());
        if (status == PGRES_PIPELINE_SYNC) {
            break;
        }
        if (status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE) {
            if (!first_error) {
                first_error = error_of(result.get());
            }
        } else if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
            rows = std::move(result);  // the prepare's COMMAND_OK is replaced by the execution's
        }
    }
    if (!sent || PQexitPipelineMode(conn) == 0) {
        if (first_error) {
            throw std::move(*first_error);
        }
        throw_connection_error(sqlstate::server::connection_failure);
    }
    if (first_error) {
        throw std::move(*first_error);
    }
    if (rows == nullptr) {
        throw_connection_error(sqlstate::server::connection_failure);
    }
    Results results;
    results.push_back(std::make_unique<BufferedResult>(std::move(rows)));
    return results;
}

void Session::deallocate(const std::string& name) {
    require_open();
    // The name is generated by the driver (rsodbc_<n>), never application text.
    run("DEALLOCATE \"" + name + "\"");
}

Results Session::execute_params(std::string_view sql, const std::vector<std::string>& parameters) {
    require_open();
    take_wire();
    const std::string text(sql);
    std::vector<const char*> values;
    values.reserve(parameters.size());
    for (const auto& parameter : parameters) {
        values.push_back(parameter.c_str());
    }
    Results results;
    results.push_back(std::make_unique<BufferedResult>(
        checked(PQexecParams(conn_.get(), text.c_str(), static_cast<int>(values.size()), nullptr,
                             values.data(), nullptr, nullptr, 0))));
    return results;
}

Results Session::execute(std::string_view sql) {
    require_open();
    take_wire();
    const std::string text(sql);
    if (PQsendQuery(conn_.get(), text.c_str()) == 0) {
        throw_connection_error(sqlstate::server::connection_failure);
    }
    Results results;
    std::optional<ServerError> first_error;
    // Every result is read even after an error so the connection is ready for the next command.
    while (PgResultPtr result{PQgetResult(conn_.get())}) {
        const ExecStatusType status = PQresultStatus(result.get());
        if (status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE) {
            if (!first_error) {
                first_error = error_of(result.get());
            }
            continue;
        }
        if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) {
            // COPY ... STDIN/STDOUT has no ODBC shape; end it cleanly and report it.
            end_copy(conn_.get(), status);
            if (!first_error) {
                first_error = ServerError(sqlstate::server::feature_not_supported,
                                          "COPY to or from the client is not supported "
                                          "through ODBC; use COPY with S3 instead");
            }
            continue;
        }
        if (!first_error) {
            results.push_back(std::make_unique<BufferedResult>(std::move(result)));
        }
    }
    if (first_error) {
        throw std::move(*first_error);
    }
    if (!healthy()) {
        throw_connection_error(sqlstate::server::connection_failure);
    }
    return results;
}

void Session::run(std::string_view sql) {
    execute(sql);
}

TransactionStatus Session::transaction_status() {
    if (conn_ == nullptr) {
        return TransactionStatus::unknown;
    }
    take_wire();
    switch (PQtransactionStatus(conn_.get())) {
        case PQTRANS_IDLE:
            return TransactionStatus::idle;
        case PQTRANS_ACTIVE:
            return TransactionStatus::active;
        case PQTRANS_INTRANS:
            return TransactionStatus::in_transaction;
        case PQTRANS_INERROR:
            return TransactionStatus::in_error;
        default:
            return TransactionStatus::unknown;
    }
}

bool Session::transaction_failed() const {
    return conn_ != nullptr && PQtransactionStatus(conn_.get()) == PQTRANS_INERROR;
}

}  // namespace rsodbc::wire
