#pragma once
// Which cached statements a DDL text can affect (exec::StatementCache::invalidate). A statement
// prepared on the server keeps the parameter types and result shape the server found then; DDL
// can change them only for statements that reach the changed object. Creating or dropping a table
// (a temp table in most workloads) can only affect statements that name it: a new relation of
// that name may shadow another on the search_path, a dropped one makes them fail. Every other
// DDL (ALTER, views, functions, types, schemas, DROP ... CASCADE) can reach statements that never
// name the object (inheritance, a function's row type, dependent views), so it affects all.
#include "sql/scanner.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rsodbc::sql {

// The tables `sql` creates or drops, as the server folds their names (unquoted: lower case;
// quoted: as written; the last component of a qualified name), when every statement of the text
// that starts with CREATE, DROP or ALTER is CREATE [GLOBAL|LOCAL] [TEMP|TEMPORARY|UNLOGGED] TABLE
// [IF NOT EXISTS] name ... or DROP TABLE [IF EXISTS] name [, ...] [RESTRICT]; nullopt otherwise
// (the text may affect any statement).
std::optional<std::vector<std::string>> created_or_dropped_tables(std::string_view sql);
// The same over the tokens of `sql` (scan(sql)), for a text scanned already.
std::optional<std::vector<std::string>> created_or_dropped_tables(std::string_view sql,
                                                                  const std::vector<Token>& tokens);

// True when `sql` has an identifier (word or quoted identifier, folded as above) among `names`,
// or a U&"..." identifier (which might be one). Only a text containing one of the names as a
// substring (ignoring ASCII case), or a U&, is scanned.
bool names_any(std::string_view sql, const std::vector<std::string>& names);

}  // namespace rsodbc::sql
