#pragma once
// Writes one result cell into an application buffer (SQLGetData and bound columns share it) and
// turns conversion outcomes into SQLSTATEs (ODBC appendix D), in one place.
#include "core/diagnostics.h"
#include "types/outcome.h"
#include "types/type_table.h"
#include "wire/result_stream.h"

#include <sql.h>
#include <sqlext.h>

#include <cstddef>
#include <string>

namespace rsodbc::exec {

// Where a column being read in pieces stands.
struct PieceState {
    std::size_t offset = 0;
    std::u16string wide;  // the cell as UTF-16, converted once for SQL_C_WCHAR pieces
    bool wide_ready = false;
};

struct Target {
    SQLSMALLINT c_type = SQL_C_CHAR;
    SQLPOINTER data = nullptr;
    SQLLEN capacity = 0;
    // SQL_C_NUMERIC: the ARD's SQL_DESC_PRECISION / SQL_DESC_SCALE (ODBC: binding SQL_C_NUMERIC
    // sets the scale to 0 and the precision to the driver's default, Redshift's 38).
    SQLCHAR precision = 38;
    SQLSCHAR scale = 0;
};

// Resolves SQL_C_DEFAULT against the column's type.
SQLSMALLINT effective_c_type(SQLSMALLINT c_type, const types::SqlTypeInfo& column);

// Converts a non-NULL cell. Throws OdbcError for 22003/22018/07006; posts 01004/01S07 as warnings
// with the row and column numbers.
types::Written write_cell(const wire::Cell& cell, const types::SqlTypeInfo& column,
                          const Target& target, PieceState& piece, core::Diagnostics& diagnostics,
                          SQLLEN row_number, SQLINTEGER column_number);

}  // namespace rsodbc::exec
