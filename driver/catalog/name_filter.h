#pragma once
// Catalog function arguments (ODBC "Arguments in Catalog Functions"): pattern value arguments
// (LIKE with the escape '\'), ordinary arguments (taken literally) and, with SQL_ATTR_METADATA_ID
// true, identifier arguments (quoted: literal; unquoted: folded as the server folds, to lower
// case). Values always travel as bound parameters; the SQL text only ever gets "$n".
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rsodbc::catalog {

enum class ArgumentKind { pattern, ordinary };

// Collects the values of the $n parameters of one query, in order.
class QueryParameters {
public:
    // Returns the placeholder ("$3") for the value.
    std::string add(std::string value);

    [[nodiscard]] const std::vector<std::string>& values() const { return values_; }

private:
    std::vector<std::string> values_;
};

// The value an identifier argument names: quoted -> the text between the quotes (blanks around
// the quotes removed, doubled quotes undoubled); unquoted -> trailing blanks removed, lower-cased.
std::string identifier_value(std::string_view text);

// A LIKE pattern the server accepts: a trailing lone escape character is taken as a literal
// backslash instead of failing the query (and with it an open transaction).
std::string like_pattern(std::string_view pattern);

// The name a pattern without wildcards matches (escapes removed), or nullopt when it has an
// unescaped '%' or '_'.
std::optional<std::string> pattern_literal(std::string_view pattern);

// The predicate restricting `column_sql` by an argument: "TRUE" for a NULL argument (no
// restriction), "<column> = $n" for a pattern without wildcards, "<column> LIKE $n" for another
// pattern (LIKE's
// default escape is the backslash on both servers; an ESCAPE literal is avoided because Redshift
// reads backslashes in string literals as escapes), "<column> = $n" for an ordinary or identifier
// argument.
std::string name_predicate(std::string_view column_sql, const std::optional<std::string>& argument,
                           ArgumentKind kind, bool metadata_id, QueryParameters& parameters);

}  // namespace rsodbc::catalog
