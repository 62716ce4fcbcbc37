#pragma once
// Owning pointers for libpq objects. Declared against libpq's own struct tags so headers that hold
// them need not include libpq-fe.h; the deleters live in pg_ptr.cpp.
#include <memory>

struct pg_conn;
struct pg_result;
struct pg_cancel;

namespace rsodbc::wire {

struct PgConnDeleter {
    void operator()(pg_conn* conn) const noexcept;
};

struct PgResultDeleter {
    void operator()(pg_result* result) const noexcept;
};

struct PgCancelDeleter {
    void operator()(pg_cancel* cancel) const noexcept;
};

using PgConnPtr = std::unique_ptr<pg_conn, PgConnDeleter>;
using PgResultPtr = std::unique_ptr<pg_result, PgResultDeleter>;
using PgCancelPtr = std::unique_ptr<pg_cancel, PgCancelDeleter>;

}  // namespace rsodbc::wire
