#pragma once
// One result cell (server text of a column) -> the application's C buffer: picks the converter
// for the C type and the column (ODBC appendix D, "Converting Data from SQL to C Data Types").
// SQLGetData and bound columns share it; exec/cell_writer turns its outcome into a diagnostic.
#include "types/outcome.h"
#include "types/type_table.h"

#include <sql.h>
#include <sqlext.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace rsodbc::types {

// Where a column being read in pieces stands.
struct PieceState {
    std::size_t offset = 0;
    std::u16string wide;  // the cell as UTF-16, converted once for SQL_C_WCHAR pieces
    bool wide_ready = false;
};

struct CellTarget {
    SQLSMALLINT c_type = SQL_C_CHAR;
    SQLPOINTER data = nullptr;
    SQLLEN capacity = 0;
    // SQL_C_NUMERIC: the ARD's SQL_DESC_PRECISION / SQL_DESC_SCALE (ODBC: binding SQL_C_NUMERIC
    // sets the scale to 0 and the precision to the driver's default, Redshift's 38).
    SQLCHAR precision = 38;
    SQLSCHAR scale = 0;
};

// Resolves SQL_C_DEFAULT against the column's type.
[[nodiscard]] SQLSMALLINT effective_c_type(SQLSMALLINT c_type, const SqlTypeInfo& column);

// Converts a non-NULL cell's text into `target` (c_type already resolved).
Written write_cell_text(std::string_view text, const SqlTypeInfo& column, const CellTarget& target,
                        PieceState& piece);

}  // namespace rsodbc::types
