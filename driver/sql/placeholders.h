#pragma once

#include "sql/scanner.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rsodbc::sql {

// Statement text as the server will receive it, and how many parameters it takes.
struct PreparedText {
    std::string text;
    std::size_t marker_count = 0;
};

// Highest `$n` the server accepts: the protocol carries the parameter count in 16 bits.
inline constexpr std::size_t max_parameter_number = 65535;

// Each `?` marker becomes `$1..$n` in order; every other byte is copied, except that a space is
// put between a generated `$n` and an adjacent identifier byte (`x=?AND` would otherwise read as
// `$1AND`, and `a?` as the identifier `a$1`).
// Text without `?` is returned unchanged with marker_count = the highest `$n` it uses, so SQL
// written for PostgreSQL runs as is. Both styles in one text, or a `$n` above
// max_parameter_number, throw SqlTextError.
PreparedText number_markers(std::string_view sql);
PreparedText number_markers(std::string_view sql, const ScanOptions& options);
// The same from the tokens of `sql` (scan(sql)), without scanning it again.
PreparedText number_markers(std::string_view sql, const std::vector<Token>& tokens);

// number_markers(sql, tokens).marker_count for text without `?` (the highest `$n`, 0 for none),
// without copying the text; a `$n` above max_parameter_number throws SqlTextError.
std::size_t highest_positional_parameter(std::string_view sql, const std::vector<Token>& tokens);

// Appends `$<number>` to `out`, separated by a space from any neighbour byte it would join.
void append_parameter(std::string& out, std::size_t number, char before, char after);

}  // namespace rsodbc::sql
