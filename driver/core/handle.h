#pragma once
// Base of the four ODBC handle classes. A handle given to the application is a Handle* carrying a
// kind tag and a magic word, so a NULL, foreign or freed handle is refused with SQL_INVALID_HANDLE
// instead of being used.
#include "odbc/diagnostics.h"

#include <sql.h>

#include <cstdint>
#include <mutex>

namespace rsodbc::core {

enum class HandleKind : std::uint32_t {
    environment = SQL_HANDLE_ENV,
    connection = SQL_HANDLE_DBC,
    statement = SQL_HANDLE_STMT,
    descriptor = SQL_HANDLE_DESC,
};

class Handle {
public:
    Handle(HandleKind kind, std::recursive_mutex& lock) : kind_(kind), lock_(&lock) {}

    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle(Handle&&) = delete;
    Handle& operator=(Handle&&) = delete;

    virtual ~Handle() { magic_ = dead_magic; }

    [[nodiscard]] HandleKind kind() const { return kind_; }

    odbc::Diagnostics& diagnostics() { return diagnostics_; }

    // Statements and descriptors share their connection's lock: ODBC lets an application use one
    // connection from several threads, and all of them share one libpq connection.
    [[nodiscard]] std::unique_lock<std::recursive_mutex> lock() const {
        return std::unique_lock(*lock_);
    }

    [[nodiscard]] SQLHANDLE as_raw() { return static_cast<Handle*>(this); }

    // Called by the entry wrapper after a call on this handle returned SQL_ERROR, its records
    // already posted: a statement applies TransactionErrorBehavior to a failed transaction.
    virtual void after_failed_call() noexcept {}

    // The handle behind `raw` if it is a live handle of type H, else nullptr.
    template <class H>
    static H* from(SQLHANDLE raw) {
        if (raw == nullptr) {
            return nullptr;
        }
        auto* handle = static_cast<Handle*>(raw);
        if (handle->magic_ != live_magic || handle->kind_ != H::handle_kind) {
            return nullptr;
        }
        return static_cast<H*>(handle);
    }

private:
    static constexpr std::uint32_t live_magic = 0x52534f44;  // "RSOD"
    static constexpr std::uint32_t dead_magic = 0xdeadbeef;

    std::uint32_t magic_ = live_magic;
    HandleKind kind_;
    std::recursive_mutex* lock_;
    odbc::Diagnostics diagnostics_;
};

}  // namespace rsodbc::core
