#pragma once
// Executions of prepared statements sent back to back in libpq pipeline mode: many statements
// share one network round trip, which is what matters at Redshift's latency.
#include "wire/param_values.h"
#include "wire/server_error.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rsodbc::wire {

struct PipelineItem {
    const std::string* statement_name = nullptr;
    const ParamValues* parameters = nullptr;
    // A sync point after this item ends the implicit transaction (autocommit) and is where
    // the server resumes after an error.
    bool sync_after = false;
    // Instead of a prepared statement: a command without parameters (BEGIN, COMMIT), sent as
    // the unnamed statement.
    const std::string* command = nullptr;
};

// Hands out the statements of one pipeline run one at a time, or nullptr when there are no more.
// The caller can build the next statement (encode its parameters) while the server already runs
// the ones sent. An item is read before the source is asked again, so it may be reused.
using PipelineSource = std::function<const PipelineItem*()>;

struct PipelineOutcome {
    // skipped: not run because an earlier item of its segment failed. unanswered: sent, but the
    // connection was lost before its answer arrived (whether it ran is unknown).
    enum class Kind { ok, failed, skipped, unanswered };
    Kind kind = Kind::skipped;
    std::int64_t affected_rows = 0;
    std::optional<ServerError> error;
};

// One pipeline run: an outcome per item sent, in order (items never sent have none). When the
// connection was lost, `connection_lost` says how, and the items without an answer are
// `unanswered`: what the server confirmed before stays known.
struct PipelineReport {
    std::vector<PipelineOutcome> outcomes;
    std::optional<ServerError> connection_lost;
    // The deadline passed before the run was over: items were left unsent, or what ran was
    // cancelled (its outcome says whether the cancel stopped it).
    bool cut_by_deadline = false;
};

}  // namespace rsodbc::wire
