#pragma once
// An argument error a catalog function detects before asking the server (HY009, HY097...).
// catalog/ knows nothing of handles, so core/ turns it into a diagnostic record.
#include <stdexcept>
#include <string>
#include <string_view>

namespace rsodbc::catalog {

class CatalogError : public std::runtime_error {
public:
    CatalogError(std::string_view state, const std::string& message)
        : std::runtime_error(message), state_(state) {}

    [[nodiscard]] std::string_view state() const { return state_; }

private:
    std::string_view state_;  // always a string literal
};

}  // namespace rsodbc::catalog
