#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace rsodbc::sql {

// SQL text the driver refuses to rewrite. `offset` is the byte where the problem was seen, so the
// statement layer can say where (it maps this to SQLSTATE 42000 / 07002 as the call requires).
struct SqlTextError : std::runtime_error {
    SqlTextError(const std::string& message, std::size_t at)
        : std::runtime_error(message), offset(at) {}

    std::size_t offset;
};

}  // namespace rsodbc::sql
