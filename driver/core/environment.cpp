#include "core/environment.h"

#include "core/connection.h"
#include "odbc/odbc_error.h"

#include <algorithm>

namespace rsodbc::core {

namespace {

SQLINTEGER as_integer(SQLPOINTER value) {
    return static_cast<SQLINTEGER>(
        reinterpret_cast<SQLLEN>(value));  // NOLINT: ODBC passes integers as pointers
}

}  // namespace

Environment::Environment() : Handle(HandleKind::environment, mutex_) {}

Environment::~Environment() = default;

Connection& Environment::allocate_connection() {
    connections_.push_back(std::make_unique<Connection>(*this));
    return *connections_.back();
}

void Environment::free_connection(Connection& connection) {
    std::erase_if(connections_, [&](const auto& owned) { return owned.get() == &connection; });
}

void Environment::set_attribute(SQLINTEGER attribute, SQLPOINTER value) {
    const SQLINTEGER number = as_integer(value);
    switch (attribute) {
        case SQL_ATTR_ODBC_VERSION:
            if (number != SQL_OV_ODBC2 && number != SQL_OV_ODBC3 && number != SQL_OV_ODBC3_80) {
                throw odbc::OdbcError(sqlstate::invalid_attribute_value,
                                      "invalid attribute value: unknown SQL_ATTR_ODBC_VERSION "
                                          + std::to_string(number));
            }
            odbc_version_ = number;
            return;
        case SQL_ATTR_CONNECTION_POOLING:
            connection_pooling_ = number;
            return;
        case SQL_ATTR_CP_MATCH:
            pool_match_ = number;
            return;
        case SQL_ATTR_OUTPUT_NTS:
            if (number != SQL_TRUE) {
                throw odbc::OdbcError(sqlstate::optional_feature_not_implemented,
                                      "optional feature not implemented: strings are always "
                                      "NUL-terminated (SQL_ATTR_OUTPUT_NTS must be SQL_TRUE)");
            }
            output_nts_ = number;
            return;
        default:
            throw odbc::OdbcError(
                sqlstate::invalid_attribute_identifier,
                "invalid attribute identifier: environment attribute " + std::to_string(attribute));
    }
}

SQLINTEGER Environment::get_attribute(SQLINTEGER attribute) const {
    switch (attribute) {
        case SQL_ATTR_ODBC_VERSION:
            return odbc_version_;
        case SQL_ATTR_CONNECTION_POOLING:
            return connection_pooling_;
        case SQL_ATTR_CP_MATCH:
            return pool_match_;
        case SQL_ATTR_OUTPUT_NTS:
            return output_nts_;
        default:
            throw odbc::OdbcError(
                sqlstate::invalid_attribute_identifier,
                "invalid attribute identifier: environment attribute " + std::to_string(attribute));
    }
}

void Environment::end_transaction(SQLSMALLINT completion) {
    for (const auto& connection : connections_) {
        if (connection->connected()) {
            const auto guard = connection->lock();
            connection->end_transaction(completion);
        }
    }
}

}  // namespace rsodbc::core
