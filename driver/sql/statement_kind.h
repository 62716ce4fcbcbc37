#pragma once

#include "sql/insert_values.h"
#include "sql/scanner.h"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace rsodbc::sql {

enum class StatementKind {
    query,          // SELECT, WITH ... SELECT, VALUES, TABLE, SHOW, EXPLAIN, FETCH: returns rows
    insert_values,  // INSERT INTO t [(cols)] VALUES (one tuple): parameter arrays can batch it
    other,          // other DML, DDL, SELECT ... INTO, CALL, transaction control ...
    multi_statement,
    empty  // nothing but comments, whitespace and semicolons
};

// A hint for choosing the execution path, from the text alone; what the server returns stays the
// truth for results and row counts. Statements are separated by top-level `;` and a statement
// made only of comments and whitespace does not count, so `SELECT 1;` is one query.
StatementKind classify(std::string_view sql);
StatementKind classify(std::string_view sql, const ScanOptions& options);

// True when a statement of the text starts with CREATE, DROP or ALTER: a table may now have other
// column types, so prepared statements whose parameter types the server inferred are stale.
bool changes_schema(std::string_view sql);

// A single query that DECLARE ... CURSOR FOR accepts (SELECT, WITH ... SELECT, VALUES, TABLE);
// SHOW, EXPLAIN and FETCH return rows but cannot be declared as cursors.
bool declarable_as_cursor(std::string_view sql);

// What the tokens of one text (scan(sql)) say about it, from one walk over them: the analysis
// of a statement (sql/analysed_statement.h) uses this instead of scanning its text again.
struct Classification {
    StatementKind kind = StatementKind::other;
    bool declarable_as_cursor = false;
    std::optional<InsertPlan> insert;  // the plan behind kind == insert_values
};

Classification classify(std::string_view sql, const std::vector<Token>& tokens);
bool changes_schema(std::string_view sql, const std::vector<Token>& tokens);

}  // namespace rsodbc::sql
