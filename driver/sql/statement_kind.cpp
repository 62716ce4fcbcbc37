#include "sql/statement_kind.h"

#include "sql/insert_values.h"
#include "sql/sql_error.h"

#include <optional>

namespace rsodbc::sql {

namespace {

// What the first significant word of the first statement says about it.
// VALUES and TABLE return rows and can be declared as cursors; SHOW, EXPLAIN and FETCH return
// rows but cannot.
enum class Lead { undecided, select, with, values_or_table, command_rows, insert, other };

Lead lead_of(std::string_view sql, const Token& token) {
    if (is_keyword(sql, token, "SELECT")) {
        return Lead::select;
    }
    if (is_keyword(sql, token, "WITH")) {
        return Lead::with;
    }
    for (const char* rows : {"VALUES", "TABLE"}) {
        if (is_keyword(sql, token, rows)) {
            return Lead::values_or_table;
        }
    }
    for (const char* rows : {"SHOW", "EXPLAIN", "FETCH"}) {
        if (is_keyword(sql, token, rows)) {
            return Lead::command_rows;
        }
    }
    if (is_keyword(sql, token, "INSERT")) {
        return Lead::insert;
    }
    return Lead::other;
}

// A later word at the lead word's own depth that settles the kind: SELECT ... INTO new_table
// creates a table and returns no rows; WITH leads to the first of these keywords after its
// common table expressions (CTE names that are keywords would need quotes).
std::optional<StatementKind> verdict_of(std::string_view sql, Lead lead, const Token& token) {
    if (lead == Lead::select) {
        return is_keyword(sql, token, "INTO") ? std::optional(StatementKind::other) : std::nullopt;
    }
    if (lead == Lead::with) {
        for (const char* keyword : {"SELECT", "VALUES", "TABLE"}) {
            if (is_keyword(sql, token, keyword)) {
                return StatementKind::query;
            }
        }
        for (const char* keyword : {"INSERT", "UPDATE", "DELETE", "MERGE"}) {
            if (is_keyword(sql, token, keyword)) {
                return StatementKind::other;
            }
        }
    }
    return std::nullopt;
}

// The first statement's lead word and, once a later word settles it, its verdict.
struct FirstStatement {
    Lead lead = Lead::undecided;
    std::size_t lead_depth = 0;
    std::optional<StatementKind> verdict;

    void see(std::string_view sql, const Token& token, std::size_t depth) {
        // `(SELECT 1) UNION (SELECT 2)`: the lead word is after the opening parentheses.
        if (lead == Lead::undecided) {
            if (token.kind != TokenKind::open_paren) {
                lead = lead_of(sql, token);
                lead_depth = depth;
            }
        } else if (!verdict && depth == lead_depth) {
            verdict = verdict_of(sql, lead, token);
        }
    }
};

std::optional<InsertPlan> insert_plan(std::string_view sql, const std::vector<Token>& tokens) {
    try {
        return plan_insert_values(sql, tokens);
    } catch (const SqlTextError&) {
        // Mixed marker styles: not rewritable; executing it reports the error.
        return std::nullopt;
    }
}

}  // namespace

StatementKind classify(std::string_view sql) {
    return classify(sql, ScanOptions{});
}

// One walk over the tokens: the kind, whether DECLARE ... CURSOR accepts it, and the INSERT plan.
Classification classify(std::string_view sql, const std::vector<Token>& tokens) {
    std::size_t depth = 0;
    std::size_t statements = 0;  // non-empty statements split at `;` outside parentheses
    bool current_empty = true;
    FirstStatement first;
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
            ++statements;
        }
        if (statements == 1) {
            first.see(sql, token, depth);
        }
        if (token.kind == TokenKind::open_paren) {
            ++depth;
        } else if (token.kind == TokenKind::close_paren && depth > 0) {
            --depth;
        }
    }
    Classification found;
    if (statements == 0) {
        found.kind = StatementKind::empty;
        return found;
    }
    if (statements > 1) {
        found.kind = StatementKind::multi_statement;
        return found;
    }
    switch (first.lead) {
        case Lead::select:
            found.kind = first.verdict.value_or(StatementKind::query);
            break;
        case Lead::with:
            found.kind = first.verdict.value_or(StatementKind::other);
            break;
        case Lead::values_or_table:
        case Lead::command_rows:
            found.kind = StatementKind::query;
            break;
        case Lead::insert:
            found.insert = insert_plan(sql, tokens);
            found.kind = found.insert ? StatementKind::insert_values : StatementKind::other;
            break;
        case Lead::undecided:
        case Lead::other:
            found.kind = StatementKind::other;
            break;
    }
    found.declarable_as_cursor =
        found.kind == StatementKind::query && first.lead != Lead::command_rows;
    return found;
}

StatementKind classify(std::string_view sql, const ScanOptions& options) {
    return classify(sql, scan(sql, options)).kind;
}

bool declarable_as_cursor(std::string_view sql) {
    return classify(sql, scan(sql)).declarable_as_cursor;
}

bool changes_schema(std::string_view sql) {
    return changes_schema(sql, scan(sql));
}

bool changes_schema(std::string_view sql, const std::vector<Token>& tokens) {
    bool at_start = true;
    for (const Token& token : tokens) {
        if (is_insignificant(token)) {
            continue;
        }
        if (token_text(sql, token) == ";") {
            at_start = true;
            continue;
        }
        if (at_start
            && (is_keyword(sql, token, "CREATE") || is_keyword(sql, token, "DROP")
                || is_keyword(sql, token, "ALTER"))) {
            return true;
        }
        at_start = false;
    }
    return false;
}

}  // namespace rsodbc::sql
