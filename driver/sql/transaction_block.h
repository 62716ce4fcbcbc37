#pragma once
// Statements the server refuses inside a transaction block ("cannot run inside a transaction
// block", 25001). In manual-commit mode the driver runs them without opening a transaction
// (core/connection.cpp), as psqlODBC does for VACUUM.
#include "sql/scanner.h"
#include "sql/statement_kind.h"

#include <string_view>
#include <vector>

namespace rsodbc::sql {

// True for one statement of these forms (keywords in any case, comments allowed):
//   PostgreSQL: VACUUM; CREATE/DROP DATABASE; CREATE/DROP TABLESPACE; CREATE [UNIQUE] INDEX
//   CONCURRENTLY; DROP INDEX CONCURRENTLY; REINDEX ... CONCURRENTLY, REINDEX DATABASE/SYSTEM;
//   ALTER SYSTEM; CLUSTER without a table.
//   Redshift: VACUUM; CREATE/DROP DATABASE; CREATE/DROP EXTERNAL TABLE; ALTER TABLE ... APPEND.
// Text with several statements is never one of them (the server runs it as one block anyway).
bool runs_outside_transaction(std::string_view sql);
// The same from the tokens of `sql` (scan(sql)) and its kind (classify), without scanning again.
bool runs_outside_transaction(std::string_view sql, const std::vector<Token>& tokens,
                              StatementKind kind);

}  // namespace rsodbc::sql
