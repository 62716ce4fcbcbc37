#pragma once

#include "sql/scanner.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rsodbc::sql {

// Redshift's (and PostgreSQL's) limit on bind parameters in one statement, and Redshift's limit on
// the length of a statement's text.
inline constexpr std::size_t max_bind_parameters = 32767;
inline constexpr std::size_t max_statement_bytes = std::size_t{16} * 1024 * 1024;

// `INSERT INTO t (a, b) VALUES (?, ?::int)` taken apart once, so a statement for k parameter
// sets is a concatenation: head, then k copies of the tuple with their markers renumbered.
struct InsertPlan {
    std::string head;   // the text up to and including VALUES, plus one space
    std::string tuple;  // the tuple as row 0 sends it: `(` ... `)` with markers as $1..$m
    std::size_t markers_per_row = 0;

    // The tuple cut at its markers: pieces.size() == slots.size() + 1, and slots[i] is the
    // 0-based parameter (within a row) that goes between pieces[i] and pieces[i + 1]. With `?`
    // markers slots is 0, 1, 2 ...; with `$n` it follows the text and may repeat.
    std::vector<std::string> pieces;
    std::vector<std::size_t> slots;
    // The target as written (`schema."Table"`), its column list with parentheses (empty when
    // absent), and for each parameter of a row the tuple element it fills when it is that whole
    // element (`?` alone, not `?::int` or `f(?)`): what a parameter's column is.
    std::string target;
    std::string columns;
    std::vector<std::optional<std::size_t>> parameter_elements;

    // `head (row 0),(row 1),...` where row r's marker m is $(r * markers_per_row + m + 1).
    // Linear in the size of the result.
    [[nodiscard]] std::string batch_text(std::size_t rows) const;
};

// The plan for a single-row `INSERT INTO <name> [(<columns>)] VALUES (<tuple>) [;]` with `?` or
// `$n` markers; nullopt for any other statement (several tuples, INSERT ... SELECT, DEFAULT
// VALUES, RETURNING, ON CONFLICT, anything after the tuple but `;`, comments and whitespace).
// Mixed marker styles or a `$n` above max_parameter_number throw SqlTextError.
std::optional<InsertPlan> plan_insert_values(std::string_view sql);
std::optional<InsertPlan> plan_insert_values(std::string_view sql, const ScanOptions& options);
// The same from the tokens of `sql` (scan(sql)), without scanning it again.
std::optional<InsertPlan> plan_insert_values(std::string_view sql,
                                             const std::vector<Token>& tokens);

// Rows per statement: batch_size, lowered so one statement stays within max_bind_parameters and
// max_statement_bytes; at least 1 (a single row over a limit is left for the server to refuse).
std::size_t rows_per_statement(const InsertPlan& plan, std::size_t batch_size);

}  // namespace rsodbc::sql
