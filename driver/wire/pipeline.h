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
};

// Hands out the statements of one pipeline run one at a time, or nullptr when there are no more.
// The caller can build the next statement (encode its parameters) while the server already runs
// the ones sent. An item is read before the source is asked again, so it may be reused.
using PipelineSource = std::function<const PipelineItem*()>;

struct PipelineOutcome {
    enum class Kind { ok, failed, skipped };
    Kind kind = Kind::skipped;  // skipped: not run because an earlier item of its segment failed
    std::int64_t affected_rows = 0;
    std::optional<ServerError> error;
};

}  // namespace rsodbc::wire
