#include "wire/pg_ptr.h"

#include <libpq-fe.h>

namespace rsodbc::wire {

void PgConnDeleter::operator()(pg_conn* conn) const noexcept {
    PQfinish(conn);
}

void PgResultDeleter::operator()(pg_result* result) const noexcept {
    PQclear(result);
}

void PgCancelDeleter::operator()(pg_cancel* cancel) const noexcept {
    PQfreeCancel(cancel);
}

}  // namespace rsodbc::wire
