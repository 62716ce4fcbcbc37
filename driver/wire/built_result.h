#pragma once
// Results the driver builds itself (SQLGetTypeInfo, catalog answers it computes), in a
// client-side PGresult, so they are served by BufferedResult like any server result.
#include "wire/pg_ptr.h"

#include <optional>
#include <string>
#include <vector>

namespace rsodbc::wire {

struct BuiltColumn {
    std::string name;
    unsigned type_oid = 25;  // text
};

using BuiltRow = std::vector<std::optional<std::string>>;  // nullopt: NULL

PgResultPtr build_result(const std::vector<BuiltColumn>& columns,
                         const std::vector<BuiltRow>& rows);

}  // namespace rsodbc::wire
