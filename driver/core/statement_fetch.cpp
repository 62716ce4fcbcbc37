// Statement: SQLFetch, SQLFetchScroll, SQLExtendedFetch and SQLSetPos over block cursors (rowsets
// of SQL_ATTR_ROW_ARRAY_SIZE rows, or SQL_ROWSET_SIZE for SQLExtendedFetch). A forward-only cursor
// reads its result as it arrives; a static cursor holds its result whole, so any rowset can be
// fetched again (ODBC: "Scrollable Cursors", "SQLFetchScroll: Cursor Positioning Rules").
#include "core/statement.h"
#include "exec/row_binder.h"
#include "exec/scroll_position.h"
#include "odbc/odbc_error.h"

namespace rsodbc::core {

namespace {

bool is_scroll_orientation(SQLSMALLINT orientation) {
    switch (orientation) {
        case SQL_FETCH_NEXT:
        case SQL_FETCH_PRIOR:
        case SQL_FETCH_FIRST:
        case SQL_FETCH_LAST:
        case SQL_FETCH_ABSOLUTE:
        case SQL_FETCH_RELATIVE:
            return true;
        default:
            return false;
    }
}

}  // namespace

void Statement::require_cursor() const {
    if (cursor_open()) {
        return;
    }
    if (cursor_.result == nullptr && !prepared_ && row_count_ == -1) {
        throw odbc::OdbcError(sqlstate::function_sequence_error,
                              "function sequence error: no statement has been executed");
    }
    throw odbc::OdbcError(sqlstate::invalid_cursor_state,
                          "invalid cursor state: the statement has no result set to fetch from");
}

// Results read whole (with parameters, several statements, catalog results) could be positioned
// too, but a forward-only cursor behaves the same whatever path its result took.
bool Statement::scrollable() const {
    return cursor_type_ != SQL_CURSOR_FORWARD_ONLY && cursor_.result != nullptr
           && cursor_.result->row_count() >= 0;
}

SQLRETURN Statement::fetch() {
    const odbc::DescriptorHeader& ird = ird_.header();
    return fetch_rowset({SQL_FETCH_NEXT, 0}, ard_.header().array_size, ird.rows_processed_ptr,
                        ird.array_status_ptr);
}

SQLRETURN Statement::fetch_scroll(SQLSMALLINT orientation, SQLLEN offset) {
    const odbc::DescriptorHeader& ird = ird_.header();
    return fetch_rowset({orientation, offset}, ard_.header().array_size, ird.rows_processed_ptr,
                        ird.array_status_ptr);
}

SQLRETURN Statement::extended_fetch(SQLUSMALLINT orientation, SQLLEN offset, SQLULEN* rows_fetched,
                                    SQLUSMALLINT* row_status) {
    return fetch_rowset({static_cast<SQLSMALLINT>(orientation), offset}, rowset_size_, rows_fetched,
                        row_status);
}

void Statement::check_orientation(SQLSMALLINT orientation) const {
    if (orientation == SQL_FETCH_BOOKMARK) {
        throw odbc::OdbcError(sqlstate::optional_feature_not_implemented,
                              "optional feature not implemented: bookmarks are not supported, so "
                              "SQL_FETCH_BOOKMARK is not available");
    }
    if (!is_scroll_orientation(orientation)) {
        throw odbc::OdbcError(sqlstate::fetch_type_out_of_range,
                              "fetch type out of range: fetch orientation "
                                  + std::to_string(orientation) + " is not defined");
    }
    if (orientation != SQL_FETCH_NEXT && cursor_type_ == SQL_CURSOR_FORWARD_ONLY) {
        throw odbc::OdbcError(sqlstate::fetch_type_out_of_range,
                              "fetch type out of range: the cursor is forward-only, so only "
                              "SQL_FETCH_NEXT is allowed; set SQL_ATTR_CURSOR_TYPE to "
                              "SQL_CURSOR_STATIC before executing to scroll");
    }
}

SQLRETURN Statement::fetch_rowset(FetchRequest request, SQLULEN size, SQLULEN* rows_fetched,
                                  SQLUSMALLINT* row_status) {
    check_orientation(request.orientation);
    require_cursor();
    const ExecutingGuard executing(*this);
    cursor_.get_data_column = 0;
    cursor_.on_row = false;
    if (scrollable()) {
        return fetch_positioned(request, size, rows_fetched, row_status);
    }
    SQLULEN fetched = 0;
    while (fetched < size) {
        if ((max_rows != 0 && cursor_.rows_fetched >= max_rows) || !cursor_.result->next_row()) {
            break;
        }
        ++cursor_.rows_fetched;
        bind_fetched_row(fetched, size, row_status);
        ++fetched;
    }
    cursor_.current_row_number = fetched == 0 ? 0 : cursor_.rows_fetched - fetched + 1;
    collect_notices();  // a streaming result's notices arrive with its rows
    return finish_rowset(fetched, size, rows_fetched, row_status);
}

// A static cursor: the new rowset's first row follows the ODBC positioning rules; its rows are
// bound from the result held in memory.
SQLRETURN Statement::fetch_positioned(FetchRequest request, SQLULEN size, SQLULEN* rows_fetched,
                                      SQLUSMALLINT* row_status) {
    std::int64_t last = cursor_.result->row_count();
    if (max_rows != 0 && static_cast<std::int64_t>(max_rows) < last) {
        last = static_cast<std::int64_t>(max_rows);
    }
    const auto rowset = static_cast<std::int64_t>(size);
    const exec::ScrollTarget target = exec::scroll_target(
        {request.orientation, request.offset, cursor_.rowset_start, last, rowset,
         cursor_.last_rowset_size == 0 ? rowset
                                       : static_cast<std::int64_t>(cursor_.last_rowset_size)});
    cursor_.rowset_start = target.start;
    cursor_.last_rowset_size = size;
    SQLULEN fetched = 0;
    if (target.start >= 1 && target.start <= last) {
        while (fetched < size && target.start + static_cast<std::int64_t>(fetched) <= last) {
            cursor_.result->seek(target.start - 1 + static_cast<std::int64_t>(fetched));
            bind_fetched_row(fetched, size, row_status);
            ++fetched;
        }
        // The current row is the rowset's first (SQLGetData reads it; SQLSetPos moves it).
        cursor_.result->seek(target.start - 1);
    }
    const SQLRETURN rc = finish_rowset(fetched, size, rows_fetched, row_status);
    cursor_.rowset_rows = fetched;
    cursor_.on_row = fetched > 0;
    cursor_.current_row_number = fetched == 0 ? 0 : static_cast<SQLULEN>(target.start);
    if (target.clamped_to_first && rc != SQL_NO_DATA) {
        diagnostics().add_warning(sqlstate::fetch_before_first_rowset,
                                  "attempt to fetch before the result set returned the first "
                                  "rowset: the first rowset was returned");
        return SQL_SUCCESS_WITH_INFO;
    }
    return rc;
}

void Statement::bind_fetched_row(SQLULEN index, SQLULEN size, SQLUSMALLINT* row_status) {
    const std::size_t records_before = diagnostics().records().size();
    SQLUSMALLINT status = SQL_ROW_SUCCESS;
    try {
        exec::bind_row(*cursor_.result, cursor_.column_types, ard_, index, diagnostics(),
                       static_cast<SQLLEN>(index + 1));
        if (diagnostics().records().size() > records_before) {
            status = SQL_ROW_SUCCESS_WITH_INFO;
        }
    } catch (const odbc::OdbcError& error) {
        if (size == 1) {
            throw;  // a single-row fetch fails as a whole
        }
        // In a rowset the row fails alone (ODBC: SQL_ROW_ERROR, SQL_SUCCESS_WITH_INFO).
        diagnostics().add(odbc::DiagRecord{std::string(error.state()),
                                           odbc::driver_message(error.what()), 0,
                                           static_cast<SQLLEN>(index + 1)});
        status = SQL_ROW_ERROR;
    }
    if (row_status != nullptr) {
        row_status[index] = status;
    }
}

SQLRETURN Statement::finish_rowset(SQLULEN fetched, SQLULEN size, SQLULEN* rows_fetched,
                                   SQLUSMALLINT* row_status) {
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
    cursor_.on_row = size == 1;
    return SQL_SUCCESS;
}

// SQLSetPos: SQL_POSITION inside the rowset of a static cursor (for SQLGetData on any of its
// rows). Redshift has no positioned UPDATE/DELETE, so the cursors are read-only and the other
// operations are refused.
void Statement::set_position(SQLSETPOSIROW row, SQLUSMALLINT operation, SQLUSMALLINT lock) {
    if (operation != SQL_POSITION && operation != SQL_REFRESH && operation != SQL_UPDATE
        && operation != SQL_DELETE && operation != SQL_ADD) {
        throw odbc::OdbcError(sqlstate::invalid_attribute_identifier,
                              "invalid attribute/option identifier: SQLSetPos operation "
                                  + std::to_string(operation));
    }
    if (lock != SQL_LOCK_NO_CHANGE && lock != SQL_LOCK_EXCLUSIVE && lock != SQL_LOCK_UNLOCK) {
        throw odbc::OdbcError(
            sqlstate::invalid_attribute_identifier,
            "invalid attribute/option identifier: SQLSetPos lock type " + std::to_string(lock));
    }
    require_cursor();
    if (operation != SQL_POSITION) {
        throw odbc::OdbcError(
            sqlstate::optional_feature_not_implemented,
            "optional feature not implemented: cursors are read-only (Redshift has "
            "no positioned UPDATE or DELETE); SQLSetPos supports SQL_POSITION only");
    }
    if (lock != SQL_LOCK_NO_CHANGE) {
        throw odbc::OdbcError(sqlstate::optional_feature_not_implemented,
                              "optional feature not implemented: rows cannot be locked; use "
                              "SQL_LOCK_NO_CHANGE");
    }
    if (!scrollable()) {
        throw odbc::OdbcError(
            sqlstate::optional_feature_not_implemented,
            "optional feature not implemented: a forward-only cursor reads rows as "
            "they arrive and cannot be positioned; set SQL_ATTR_CURSOR_TYPE to "
            "SQL_CURSOR_STATIC before executing");
    }
    if (cursor_.rowset_rows == 0 || cursor_.rowset_start < 1) {
        throw odbc::OdbcError(sqlstate::invalid_cursor_state,
                              "invalid cursor state: no rowset has been fetched");
    }
    if (row == 0 || row > cursor_.rowset_rows) {
        throw odbc::OdbcError(sqlstate::invalid_cursor_position,
                              "invalid cursor position: row " + std::to_string(row)
                                  + " is not in the current rowset of "
                                  + std::to_string(cursor_.rowset_rows) + " rows");
    }
    cursor_.result->seek(cursor_.rowset_start - 1 + static_cast<std::int64_t>(row) - 1);
    cursor_.current_row_number = static_cast<SQLULEN>(cursor_.rowset_start) + row - 1;
    cursor_.on_row = true;
    cursor_.get_data_column = 0;
}

}  // namespace rsodbc::core
