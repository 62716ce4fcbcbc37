#pragma once
// The environment handle: ODBC version and the connections allocated from it.
#include "core/handle.h"

#include <sql.h>
#include <sqlext.h>

#include <memory>
#include <vector>

namespace rsodbc::core {

class Connection;

class Environment final : public Handle {
public:
    static constexpr HandleKind handle_kind = HandleKind::environment;

    Environment();
    ~Environment() override;
    Environment(const Environment&) = delete;
    Environment& operator=(const Environment&) = delete;
    Environment(Environment&&) = delete;
    Environment& operator=(Environment&&) = delete;

    Connection& allocate_connection();
    void free_connection(Connection& connection);

    [[nodiscard]] bool has_connections() const { return !connections_.empty(); }

    void set_attribute(SQLINTEGER attribute, SQLPOINTER value);
    [[nodiscard]] SQLINTEGER get_attribute(SQLINTEGER attribute) const;

    void end_transaction(SQLSMALLINT completion);

    [[nodiscard]] SQLINTEGER odbc_version() const { return odbc_version_; }

private:
    std::recursive_mutex mutex_;
    std::vector<std::unique_ptr<Connection>> connections_;
    SQLINTEGER odbc_version_ = SQL_OV_ODBC3;  // the driver manager sets it before connecting
    SQLINTEGER connection_pooling_ = SQL_CP_OFF;
    SQLINTEGER pool_match_ = SQL_CP_STRICT_MATCH;
    SQLINTEGER output_nts_ = SQL_TRUE;
};

}  // namespace rsodbc::core
