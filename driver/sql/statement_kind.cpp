#include "sql/statement_kind.h"

#include "sql/insert_values.h"
#include "sql/sql_error.h"

#include <vector>

namespace rsodbc::sql {

namespace {

// Significant tokens of one statement with their parenthesis depth.
struct Significant {
    Token token;
    std::size_t depth = 0;
};

// Splits at `;` outside parentheses and keeps the first non-empty statement; `count` says how
// many non-empty statements there were.
std::vector<Significant> first_statement(const std::vector<Token>& tokens, std::size_t& count) {
    std::vector<Significant> first;
    std::size_t depth = 0;
    bool current_empty = true;
    count = 0;
    for (const Token& token : tokens) {
        if (is_insignificant(token)) {
            continue;
        }
        if (token.kind == TokenKind::semicolon && depth == 0) {
            current_empty = true;
            continue;
        }
        if (current_empty) {
            current_empty = false;
            ++count;
        }
        if (count == 1) {
            first.push_back(Significant{token, depth});
        }
        if (token.kind == TokenKind::open_paren) {
            ++depth;
        } else if (token.kind == TokenKind::close_paren && depth > 0) {
            --depth;
        }
    }
    return first;
}

// The statement a WITH clause leads to is the first keyword at the WITH's own depth that can
// follow the common table expressions (CTE names that are keywords would need quotes).
StatementKind classify_with(std::string_view sql, const std::vector<Significant>& statement,
                            std::size_t start) {
    const std::size_t depth = statement[start].depth;
    for (std::size_t i = start + 1; i < statement.size(); ++i) {
        const Significant& item = statement[i];
        if (item.depth != depth) {
            continue;
        }
        for (const char* keyword : {"SELECT", "VALUES", "TABLE"}) {
            if (is_keyword(sql, item.token, keyword)) {
                return StatementKind::query;
            }
        }
        for (const char* keyword : {"INSERT", "UPDATE", "DELETE", "MERGE"}) {
            if (is_keyword(sql, item.token, keyword)) {
                return StatementKind::other;
            }
        }
    }
    return StatementKind::other;
}

// SELECT ... INTO new_table creates a table and returns no rows.
StatementKind classify_select(std::string_view sql, const std::vector<Significant>& statement,
                              std::size_t start) {
    const std::size_t depth = statement[start].depth;
    for (std::size_t i = start + 1; i < statement.size(); ++i) {
        if (statement[i].depth == depth && is_keyword(sql, statement[i].token, "INTO")) {
            return StatementKind::other;
        }
    }
    return StatementKind::query;
}

StatementKind classify_insert(std::string_view sql, const ScanOptions& options) {
    try {
        return plan_insert_values(sql, options) ? StatementKind::insert_values
                                                : StatementKind::other;
    } catch (const SqlTextError&) {
        // Mixed marker styles: not rewritable; executing it reports the error.
        return StatementKind::other;
    }
}

}  // namespace

StatementKind classify(std::string_view sql) {
    return classify(sql, ScanOptions{});
}

StatementKind classify(std::string_view sql, const ScanOptions& options) {
    std::size_t count = 0;
    const std::vector<Significant> statement = first_statement(scan(sql, options), count);
    if (count == 0) {
        return StatementKind::empty;
    }
    if (count > 1) {
        return StatementKind::multi_statement;
    }
    // `(SELECT 1) UNION (SELECT 2)`: the keyword is after the opening parentheses.
    std::size_t start = 0;
    while (start < statement.size() && statement[start].token.kind == TokenKind::open_paren) {
        ++start;
    }
    if (start == statement.size()) {
        return StatementKind::other;
    }
    const Token& keyword = statement[start].token;
    if (is_keyword(sql, keyword, "SELECT")) {
        return classify_select(sql, statement, start);
    }
    if (is_keyword(sql, keyword, "WITH")) {
        return classify_with(sql, statement, start);
    }
    for (const char* rows : {"VALUES", "TABLE", "SHOW", "EXPLAIN", "FETCH"}) {
        if (is_keyword(sql, keyword, rows)) {
            return StatementKind::query;
        }
    }
    if (is_keyword(sql, keyword, "INSERT")) {
        return classify_insert(sql, options);
    }
    return StatementKind::other;
}

bool declarable_as_cursor(std::string_view sql) {
    if (classify(sql) != StatementKind::query) {
        return false;
    }
    std::size_t count = 0;
    const std::vector<Significant> statement = first_statement(scan(sql, ScanOptions{}), count);
    for (const Significant& item : statement) {
        if (item.token.kind == TokenKind::open_paren) {
            continue;
        }
        for (const char* keyword : {"SELECT", "WITH", "VALUES", "TABLE"}) {
            if (is_keyword(sql, item.token, keyword)) {
                return true;
            }
        }
        return false;
    }
    return false;
}

}  // namespace rsodbc::sql
