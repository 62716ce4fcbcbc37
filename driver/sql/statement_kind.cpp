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

namespace {

struct Analysis {
    StatementKind kind = StatementKind::other;
    Lead lead = Lead::undecided;
};

// One streaming pass without storing tokens: this runs on every execution.
Analysis analyze(std::string_view sql, const ScanOptions& options) {
    Scanner scanner(sql, options);
    Token token;
    std::size_t depth = 0;
    std::size_t statements = 0;  // non-empty statements split at `;` outside parentheses
    bool current_empty = true;
    FirstStatement first;
    while (scanner.next(token)) {
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
    if (statements == 0) {
        return {StatementKind::empty, first.lead};
    }
    if (statements > 1) {
        return {StatementKind::multi_statement, first.lead};
    }
    switch (first.lead) {
        case Lead::select:
            return {first.verdict.value_or(StatementKind::query), first.lead};
        case Lead::with:
            return {first.verdict.value_or(StatementKind::other), first.lead};
        case Lead::values_or_table:
        case Lead::command_rows:
            return {StatementKind::query, first.lead};
        case Lead::insert:
            return {classify_insert(sql, options), first.lead};
        case Lead::undecided:
        case Lead::other:
            break;
    }
    return {StatementKind::other, first.lead};
}

}  // namespace

StatementKind classify(std::string_view sql, const ScanOptions& options) {
    return analyze(sql, options).kind;
}

bool declarable_as_cursor(std::string_view sql) {
    const Analysis analysis = analyze(sql, ScanOptions{});
    return analysis.kind == StatementKind::query && analysis.lead != Lead::command_rows;
}

bool changes_schema(std::string_view sql) {
    bool at_start = true;
    for (const Token& token : scan(sql)) {
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

TextFacts text_facts(std::string_view sql, bool cursors) {
    return {count_markers(sql), classify(sql), cursors && declarable_as_cursor(sql)};
}

}  // namespace rsodbc::sql
