#pragma once
// ODBC escape sequences -> server SQL (ODBC "Escape Sequences in ODBC"): {fn ...}, {d '...'},
// {t '...'}, {ts '...'}, {oj ...}, {call ...}, {?= call ...}, {escape '...'}, {interval ...},
// {guid '...'}, nested. Shares the scanner, so braces inside literals, quoted identifiers, dollar
// quotes and comments are text, never escapes.
#include "sql/scanner.h"

#include <string>
#include <string_view>

namespace rsodbc::sql {

struct EscapeOptions {
    ScanOptions scan;
    // Redshift and PostgreSQL differ for a few functions (escape_functions.cpp).
    bool redshift = false;
};

// Escapes may nest this deep; deeper input is refused, so hostile text cannot make the
// translation quadratic.
inline constexpr std::size_t max_escape_depth = 100;

// ODBC's long form of an escape, `--(*vendor(Microsoft),product(ODBC) fn UCASE(x) *)--`, is the
// same escape written so that other tools read it as a comment; matched ignoring case.
inline constexpr std::string_view long_form_open = "--(*vendor(microsoft),product(odbc)";
inline constexpr std::string_view long_form_close = "*)--";

// Only text with a `{` or a long-form opener can hold an escape: everything else skips
// translation without scanning or allocating (the statement's fast path).
inline bool may_contain_escapes(std::string_view sql) {
    return sql.find('{') != std::string_view::npos || sql.find("--(*") != std::string_view::npos;
}

// Returns `sql` with every escape replaced. Text outside escapes is copied unchanged, except
// that a space is put between a translation and a neighbouring identifier byte it would join.
// `?` markers stay `?` (numbering comes after); the return marker of `{?= call f(...)}` is dropped
// because the value comes back as the one column of `SELECT f(...)`. `{x ...}` with a keyword
// the driver does not know is copied as it stands, braces included, and so is an unknown
// `{fn name(...)}` (as `name(...)`). Unbalanced braces, a `{d}`/`{t}`/`{ts}`/`{guid}`/`{escape}`
// without one quoted literal, a `{call}` without a procedure, nesting deeper than
// max_escape_depth, and a `?` in an argument that a translation repeats or reorders throw
// SqlTextError. Long forms are first rewritten to braces, so the offset of an error in such a
// text counts bytes of the rewritten text.
std::string translate_escapes(std::string_view sql, const EscapeOptions& options = {});

}  // namespace rsodbc::sql
