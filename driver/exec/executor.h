#pragma once
// How a statement runs, decided and driven in one place: `choose` picks the path from the SQL
// text, the bound parameters and the statement's attributes (simple query, streamed rows, a
// server cursor, one parameter set, a parameter array); `Executor::run` drives it. The statement
// handle (core::Statement) holds the handle's state, asks for a plan, and adopts the results.
#include "exec/param_executor.h"
#include "exec/statement_cache.h"
#include "odbc/descriptor_records.h"
#include "odbc/diagnostics.h"
#include "sql/analysed_statement.h"
#include "wire/result_stream.h"
#include "wire/session.h"

#include <sql.h>

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace rsodbc::exec {

// The connection as the executor sees it. The transaction rules (BEGIN in manual commit, the
// statements that run outside a transaction block, the statement timeout) stay with the
// connection handle, which implements this.
class Link {
public:
    // One or several statements, their results read whole. The analysis says whether the text
    // must run outside a transaction block and whether it changes the schema.
    virtual wire::Results execute(const sql::AnalysedStatement& statement,
                                  SQLULEN timeout_seconds) = 0;
    // One query whose rows stream as they are fetched.
    virtual wire::Results execute_streaming(const std::string& sql, SQLULEN timeout_seconds) = 0;
    // One query through a server-side cursor (UseDeclareFetch).
    virtual wire::Results execute_cursor(const std::string& sql, SQLULEN timeout_seconds) = 0;
    // The session, with the transaction opened first in manual commit and the timeout in force.
    virtual wire::Session& begin_work(SQLULEN timeout_seconds) = 0;
    virtual StatementCache& statement_cache() = 0;

protected:
    Link() = default;
    ~Link() = default;
    Link(const Link&) = default;
    Link& operator=(const Link&) = default;
    Link(Link&&) = default;
    Link& operator=(Link&&) = default;
};

enum class Path : unsigned char {
    simple,         // commands and several statements: results read whole
    streamed,       // one forward-only query: rows stream in single-row mode
    server_cursor,  // UseDeclareFetch: one forward-only query through DECLARE/FETCH
    // A prepared query without parameters, executed again: through the statement cache, so the
    // server parses and plans it once (as pgjdbc does from its prepareThreshold on).
    prepared,           // results read whole (a static cursor)
    prepared_stream,    // forward-only: rows stream
    parameters,         // one parameter set, results read whole (a static cursor, a command)
    parameters_stream,  // one parameter set of a forward-only query: rows stream
    parameters_cursor,  // one parameter set of a query through a server cursor
    parameter_array,    // SQL_ATTR_PARAMSET_SIZE > 1
};

// The statement's and connection's settings the path and its execution depend on.
struct Settings {
    SQLULEN query_timeout = 0;
    bool forward_only = true;        // SQL_ATTR_CURSOR_TYPE is SQL_CURSOR_FORWARD_ONLY
    bool use_declare_fetch = false;  // UseDeclareFetch
    int fetch_rows = 100;            // Fetch: rows per FETCH of a server cursor
    std::size_t batch_size = 100;    // rows per multi-row INSERT of a parameter array
    bool autocommit = true;
    bool pipeline = true;
    bool driver_rolls_back = false;  // see ExecutionContext::driver_rolls_back
    bool savepoints = true;          // see ExecutionContext::savepoints
    bool statement_cache = true;     // StatementCacheSize > 0
};

struct Plan {
    Path path = Path::simple;
    std::size_t markers = 0;  // parameter markers in the text
    SQLULEN sets = 1;         // parameter sets (SQL_ATTR_PARAMSET_SIZE)

    [[nodiscard]] bool has_parameters() const { return path >= Path::parameters; }
};

// From the statement's analysis (found once at SQLPrepare/SQLExecDirect: nothing is scanned
// here). Text written with $n markers counts them only when parameters are bound (a plain
// statement without parameters takes the simple-query path). A static cursor scrolls over its
// whole result, so it is read whole. `runs`: how often this SQLPrepare'd text ran before (0 for
// SQLExecDirect); from its second execution on, a query without parameters reuses a server-side
// prepared statement (its first execution, often its only one in BI tools, stays one round trip).
Plan choose(const sql::AnalysedStatement& statement, const odbc::DescriptorRecords& apd,
            const odbc::DescriptorRecords& ipd, const Settings& settings, std::size_t runs = 0);

// How a plan runs, in words, for the log.
std::string describe(const Plan& plan, const Settings& settings);

// What a parameter execution reads and reports to.
struct Bindings {
    odbc::DescriptorRecords& apd;
    odbc::DescriptorRecords& ipd;
    odbc::Diagnostics& diagnostics;
    // Values collected by SQLPutData for data-at-execution parameters (index = number - 1).
    const std::vector<std::optional<std::string>>* supplied = nullptr;
    // Set by SQLCancel from another thread.
    const std::atomic<bool>* cancel_requested = nullptr;
};

struct Outcome {
    wire::Results results;  // for the statement to adopt (none after a parameter array)
    // Parameter array: its return code and the rows the server applied (SQLRowCount).
    SQLRETURN rc = SQL_SUCCESS;
    SQLLEN rows_applied = 0;
};

// One per statement handle: keeps what outlives one execution (a parameter array's batch texts).
class Executor {
public:
    Outcome run(const Plan& plan, const sql::AnalysedStatement& statement, Link& link,
                const Bindings& bindings, const Settings& settings);

    // A single parameter set's results were adopted (read ahead without error): its status entry
    // says SQL_PARAM_SUCCESS.
    static void single_set_adopted(odbc::DescriptorRecords& ipd);

    // The parameters of a single set whose values come at execution (SQLParamData/SQLPutData),
    // in order; empty when none does.
    static std::vector<SQLUSMALLINT> data_at_execution(odbc::DescriptorRecords& apd,
                                                       odbc::DescriptorRecords& ipd,
                                                       SQLUSMALLINT count);

private:
    // What ParamExecutor runs with: the session (BEGIN sent first in manual commit), the cache,
    // the descriptors and the settings.
    ExecutionContext context_for(Link& link, const Bindings& bindings, const Settings& settings);
    Outcome run_parameters(const Plan& plan, const sql::AnalysedStatement& statement, Link& link,
                           const Bindings& bindings, const Settings& settings);

    std::optional<ArrayShape> array_shape_;  // reused while the SQL text stays the same
};

}  // namespace rsodbc::exec
