#pragma once
// Writes one result cell into an application buffer (SQLGetData and bound columns share it):
// types/to_c converts, and here its outcome becomes a warning record or an OdbcError.
#include "odbc/diagnostics.h"
#include "types/outcome.h"
#include "types/to_c/cell.h"
#include "types/type_table.h"
#include "wire/result_stream.h"

#include <sql.h>

namespace rsodbc::exec {

using PieceState = types::PieceState;
using Target = types::CellTarget;
using types::effective_c_type;

// Converts a non-NULL cell. Throws OdbcError for the error outcomes (22003, 22018, 07006, ...);
// posts 01004/01S07 as warnings with the row and column numbers.
types::Written write_cell(const wire::Cell& cell, const types::SqlTypeInfo& column,
                          const Target& target, PieceState& piece, odbc::Diagnostics& diagnostics,
                          SQLLEN row_number, SQLINTEGER column_number);

}  // namespace rsodbc::exec
