// Statement: SQLFetch, SQLFetchScroll and SQLExtendedFetch over block cursors (rowsets of
// SQL_ATTR_ROW_ARRAY_SIZE rows, or SQL_ROWSET_SIZE for SQLExtendedFetch).
#include "core/odbc_error.h"
#include "core/statement.h"
#include "exec/row_binder.h"

namespace rsodbc::core {

void Statement::require_cursor() const {
    if (cursor_open()) {
        return;
    }
    if (result_ == nullptr && !prepared_sql_ && row_count_ == -1) {
        throw OdbcError(sqlstate::function_sequence_error,
                        "function sequence error: no statement has been executed");
    }
    throw OdbcError(sqlstate::invalid_cursor_state,
                    "invalid cursor state: the statement has no result set to fetch from");
}

SQLRETURN Statement::fetch() {
    const DescriptorHeader& ird = ird_.header();
    return fetch_rowset(ard_.header().array_size, ird.rows_processed_ptr, ird.array_status_ptr);
}

SQLRETURN Statement::fetch_scroll(SQLSMALLINT orientation) {
    if (orientation != SQL_FETCH_NEXT) {
        throw OdbcError("HY106",
                        "fetch type out of range: the cursor is forward-only, so only "
                        "SQL_FETCH_NEXT is allowed");
    }
    return fetch();
}

SQLRETURN Statement::extended_fetch(SQLUSMALLINT orientation, SQLULEN* rows_fetched,
                                    SQLUSMALLINT* row_status) {
    if (orientation != SQL_FETCH_NEXT) {
        throw OdbcError("HY106",
                        "fetch type out of range: the cursor is forward-only, so only "
                        "SQL_FETCH_NEXT is allowed");
    }
    return fetch_rowset(rowset_size_, rows_fetched, row_status);
}

SQLRETURN Statement::fetch_rowset(SQLULEN size, SQLULEN* rows_fetched, SQLUSMALLINT* row_status) {
    require_cursor();
    const ExecutingGuard executing(executing_);
    get_data_column_ = 0;
    on_row_ = false;
    SQLULEN fetched = 0;
    while (fetched < size) {
        if ((max_rows != 0 && rows_fetched_ >= max_rows) || !result_->next_row()) {
            break;
        }
        ++rows_fetched_;
        const std::size_t records_before = diagnostics().records().size();
        SQLUSMALLINT status = SQL_ROW_SUCCESS;
        try {
            exec::bind_row(*result_, column_types_, ard_, fetched, diagnostics(),
                           static_cast<SQLLEN>(fetched + 1));
            if (diagnostics().records().size() > records_before) {
                status = SQL_ROW_SUCCESS_WITH_INFO;
            }
        } catch (const OdbcError& error) {
            if (size == 1) {
                throw;  // a single-row fetch fails as a whole
            }
            // In a rowset the row fails alone (ODBC: SQL_ROW_ERROR, SQL_SUCCESS_WITH_INFO).
            diagnostics().add(DiagRecord{std::string(error.state()), driver_message(error.what()),
                                         0, static_cast<SQLLEN>(fetched + 1)});
            status = SQL_ROW_ERROR;
        }
        if (row_status != nullptr) {
            row_status[fetched] = status;
        }
        ++fetched;
    }
    if (rows_fetched != nullptr) {
        *rows_fetched = fetched;
    }
    for (SQLULEN i = fetched; row_status != nullptr && i < size; ++i) {
        row_status[i] = SQL_ROW_NOROW;
    }
    if (fetched == 0) {
        return SQL_NO_DATA;
    }
    // SQLGetData reads the current row, which a one-row rowset leaves in place.
    on_row_ = size == 1;
    return SQL_SUCCESS;
}

}  // namespace rsodbc::core
