#include "sql/insert_values.h"

#include "sql/placeholders.h"
#include "sql/sql_error.h"

#include <algorithm>
#include <utility>

namespace rsodbc::sql {

namespace {

// Walks the significant tokens of the statement; insignificant ones are skipped but stay in the
// token vector, so text ranges still reproduce comments inside the tuple.
class Cursor {
public:
    Cursor(std::string_view sql, const std::vector<Token>& tokens) : sql_(sql), tokens_(tokens) {
        skip();
    }

    [[nodiscard]] bool at_end() const { return index_ >= tokens_.size(); }

    [[nodiscard]] const Token& token() const { return tokens_[index_]; }

    [[nodiscard]] std::size_t index() const { return index_; }

    void advance() {
        ++index_;
        skip();
    }

    // Consumes the keyword if it is next.
    bool accept_keyword(std::string_view keyword) {
        if (at_end() || !is_keyword(sql_, token(), keyword)) {
            return false;
        }
        advance();
        return true;
    }

    bool accept(TokenKind kind) {
        if (at_end() || token().kind != kind) {
            return false;
        }
        advance();
        return true;
    }

    bool accept_punctuation(char c) {
        if (at_end() || token().kind != TokenKind::punctuation || sql_[token().begin] != c) {
            return false;
        }
        advance();
        return true;
    }

    // A name part: an identifier, never a `$n` parameter.
    bool accept_identifier() {
        if (at_end() || token().kind == TokenKind::quoted_identifier) {
            return accept(TokenKind::quoted_identifier);
        }
        if (token().kind != TokenKind::word || positional_parameter(sql_, token())) {
            return false;
        }
        advance();
        return true;
    }

private:
    void skip() {
        while (index_ < tokens_.size() && is_insignificant(tokens_[index_])) {
            ++index_;
        }
    }

    std::string_view sql_;
    const std::vector<Token>& tokens_;
    std::size_t index_ = 0;
};

// schema.table, "db"."schema"."Table" ...
bool accept_qualified_name(Cursor& cursor) {
    if (!cursor.accept_identifier()) {
        return false;
    }
    while (cursor.accept_punctuation('.')) {
        if (!cursor.accept_identifier()) {
            return false;
        }
    }
    return true;
}

// `(a, "B", c.field, d[1])`. Anything else in parentheses after the name (a parenthesised
// SELECT or VALUES) is not a column list, so the statement is not ours.
bool accept_column_list(Cursor& cursor, std::string_view sql) {
    if (!cursor.accept(TokenKind::open_paren)) {
        return true;
    }
    while (!cursor.accept(TokenKind::close_paren)) {
        if (cursor.at_end()) {
            return false;
        }
        const Token& token = cursor.token();
        const bool allowed =
            token.kind == TokenKind::comma || token.kind == TokenKind::number
            || (token.kind == TokenKind::punctuation
                && std::string_view(".[]").find(sql[token.begin]) != std::string_view::npos);
        if (!allowed && !cursor.accept_identifier()) {
            return false;
        }
        if (allowed) {
            cursor.advance();
        }
    }
    return true;
}

// Index one past the `)` that closes the tuple opening at `open`, or nullopt when it is not
// closed before the end of the statement.
std::optional<std::size_t> tuple_end(const std::vector<Token>& tokens, std::size_t open) {
    std::size_t depth = 0;
    for (std::size_t i = open; i < tokens.size(); ++i) {
        const TokenKind kind = tokens[i].kind;
        if (kind == TokenKind::semicolon) {
            return std::nullopt;
        }
        if (kind == TokenKind::open_paren) {
            ++depth;
        } else if (kind == TokenKind::close_paren && --depth == 0) {
            return i + 1;
        }
    }
    return std::nullopt;
}

// Only comments, whitespace and at most one `;` may follow the tuple. An unterminated comment
// there is refused too: dropping it would turn a statement the server rejects into one it runs.
bool only_terminator_after(const std::vector<Token>& tokens, std::size_t from) {
    bool semicolon = false;
    for (std::size_t i = from; i < tokens.size(); ++i) {
        if (tokens[i].unterminated) {
            return false;
        }
        if (is_insignificant(tokens[i])) {
            continue;
        }
        if (tokens[i].kind != TokenKind::semicolon || semicolon) {
            return false;
        }
        semicolon = true;
    }
    return true;
}

void check_parameter(std::string_view sql, const Token& token, std::size_t number) {
    if (number > max_parameter_number) {
        throw SqlTextError("parameter number " + std::string(token_text(sql, token))
                               + " is out of range (the largest is $65535)",
                           token.begin);
    }
}

// Cuts the tuple tokens [first, last) into pieces and slots. A space is added where a generated
// `$n` would touch an identifier byte, as number_markers does.
// For each parameter that is a whole top-level element of the tuple, that element's index.
void find_parameter_elements(std::string_view sql, const std::vector<Token>& tokens,
                             std::size_t first, std::size_t last, InsertPlan& plan) {
    plan.parameter_elements.assign(plan.markers_per_row, std::nullopt);
    std::size_t depth = 0;
    std::size_t element = 0;
    std::size_t significant = 0;  // significant tokens in the current element
    // The parameter the current element holds, if any (no std::optional: g++ 12 reports a
    // false maybe-uninitialized for it in release builds).
    constexpr auto no_slot = static_cast<std::size_t>(-1);
    std::size_t lone_slot = no_slot;
    std::size_t question_marks = 0;
    auto close_element = [&] {
        if (significant == 1 && lone_slot < plan.parameter_elements.size()) {
            plan.parameter_elements[lone_slot] = element;
        }
        ++element;
        significant = 0;
        lone_slot = no_slot;
    };
    for (std::size_t i = first; i < last; ++i) {
        const Token& token = tokens[i];
        if (is_insignificant(token)) {
            continue;
        }
        if (token.kind == TokenKind::open_paren && depth++ == 0) {
            continue;
        }
        if (token.kind == TokenKind::close_paren && --depth == 0) {
            close_element();
            continue;
        }
        if (depth == 1 && token.kind == TokenKind::comma) {
            close_element();
            continue;
        }
        ++significant;
        if (token.kind == TokenKind::marker) {
            lone_slot = question_marks++;
        } else if (const auto number = positional_parameter(sql, token)) {
            lone_slot = *number - 1;
        }
    }
}

bool cut_tuple(std::string_view sql, const std::vector<Token>& tokens, std::size_t first,
               std::size_t last, InsertPlan& plan) {
    std::string piece;
    std::size_t question_marks = 0;
    std::size_t positional = 0;
    for (std::size_t i = first; i < last; ++i) {
        const Token& token = tokens[i];
        std::optional<std::size_t> slot;
        if (token.kind == TokenKind::marker) {
            slot = question_marks++;
        } else if (const auto number = positional_parameter(sql, token)) {
            check_parameter(sql, token, *number);
            if (*number == 0) {
                return false;  // `$0` cannot be renumbered; the server will explain.
            }
            ++positional;
            slot = *number - 1;
        }
        if (!slot) {
            piece.append(token_text(sql, token));
            continue;
        }
        if (question_marks > 0 && positional > 0) {
            throw SqlTextError("the statement mixes ? parameter markers and $n parameters",
                               token.begin);
        }
        if (token.kind == TokenKind::marker && joins_parameter(sql[token.begin - 1])) {
            piece += ' ';
        }
        plan.pieces.push_back(std::move(piece));
        piece.clear();
        if (token.kind == TokenKind::marker && joins_parameter(sql[token.end])) {
            piece += ' ';
        }
        plan.slots.push_back(*slot);
        plan.markers_per_row = std::max(plan.markers_per_row, *slot + 1);
    }
    plan.pieces.push_back(std::move(piece));
    return true;
}

void append_row(std::string& out, const InsertPlan& plan, std::size_t row) {
    const std::size_t base = row * plan.markers_per_row;
    for (std::size_t i = 0; i < plan.slots.size(); ++i) {
        out += plan.pieces[i];
        // Pieces already hold any space a neighbour needs, so no separator is asked for here.
        append_parameter(out, base + plan.slots[i] + 1, ' ', ' ');
    }
    out += plan.pieces.back();
}

}  // namespace

std::string InsertPlan::batch_text(std::size_t rows) const {
    std::string out;
    out.reserve(head.size() + rows * (tuple.size() + slots.size() * 4 + 1));
    out += head;
    for (std::size_t row = 0; row < rows; ++row) {
        if (row > 0) {
            out += ',';
        }
        append_row(out, *this, row);
    }
    return out;
}

std::optional<InsertPlan> plan_insert_values(std::string_view sql) {
    return plan_insert_values(sql, ScanOptions{});
}

std::optional<InsertPlan> plan_insert_values(std::string_view sql, const ScanOptions& options) {
    return plan_insert_values(sql, scan(sql, options));
}

std::optional<InsertPlan> plan_insert_values(std::string_view sql,
                                             const std::vector<Token>& tokens) {
    Cursor cursor(sql, tokens);
    if (!cursor.accept_keyword("INSERT") || !cursor.accept_keyword("INTO") || cursor.at_end()) {
        return std::nullopt;
    }
    const std::size_t target_begin = cursor.token().begin;
    if (!accept_qualified_name(cursor)) {
        return std::nullopt;
    }
    const std::size_t target_end = cursor.at_end() ? sql.size() : cursor.token().begin;
    if (!accept_column_list(cursor, sql)) {
        return std::nullopt;
    }
    const std::size_t columns_end = cursor.at_end() ? sql.size() : cursor.token().begin;
    if (cursor.at_end() || !is_keyword(sql, cursor.token(), "VALUES")) {
        return std::nullopt;
    }
    const std::size_t values_end = cursor.token().end;
    cursor.advance();
    if (cursor.at_end() || cursor.token().kind != TokenKind::open_paren) {
        return std::nullopt;
    }
    const std::size_t open = cursor.index();
    const auto close = tuple_end(tokens, open);
    if (!close || !only_terminator_after(tokens, *close)) {
        return std::nullopt;
    }
    InsertPlan plan;
    if (!cut_tuple(sql, tokens, open, *close, plan)) {
        return std::nullopt;
    }
    find_parameter_elements(sql, tokens, open, *close, plan);
    plan.target = std::string(sql.substr(target_begin, target_end - target_begin));
    plan.columns = std::string(sql.substr(target_end, columns_end - target_end));
    plan.head = std::string(sql.substr(0, values_end)) + ' ';
    plan.tuple.clear();
    append_row(plan.tuple, plan, 0);
    return plan;
}

std::size_t rows_per_statement(const InsertPlan& plan, std::size_t batch_size) {
    std::size_t cap = std::max<std::size_t>(batch_size, 1);
    if (plan.markers_per_row > 0) {
        cap = std::min(cap, std::max<std::size_t>(max_bind_parameters / plan.markers_per_row, 1));
    }
    const std::size_t limit = max_statement_bytes;
    if (plan.slots.empty()) {
        // Every row is the same text: head + r * tuple + (r - 1) commas <= limit.
        const std::size_t fixed = plan.head.size() + plan.tuple.size();
        const std::size_t fit = fixed > limit ? 1 : 1 + (limit - fixed) / (plan.tuple.size() + 1);
        return std::clamp<std::size_t>(fit, 1, cap);
    }
    // Rows differ only in the width of their parameter numbers. Row r's numbers lie in
    // (r*m, r*m + m], so each power of ten adds one byte per slot at or above it; with the slots
    // sorted that count is a binary search, and a row costs a few searches, not a pass over it.
    std::vector<std::size_t> sorted = plan.slots;
    std::sort(sorted.begin(), sorted.end());
    std::size_t fixed_row = plan.slots.size();  // the `$` of each parameter
    for (const std::string& piece : plan.pieces) {
        fixed_row += piece.size();
    }
    std::size_t total = plan.head.size();
    std::size_t rows = 0;
    while (rows < cap) {
        const std::size_t base = rows * plan.markers_per_row;
        std::size_t row_bytes = fixed_row + sorted.size() + (rows > 0 ? 1 : 0);
        for (std::size_t power = 10; power <= base + plan.markers_per_row; power *= 10) {
            // Slots s with base + s + 1 >= power, i.e. s >= power - base - 1.
            const std::size_t threshold = power > base + 1 ? power - base - 1 : 0;
            row_bytes += static_cast<std::size_t>(
                sorted.end() - std::lower_bound(sorted.begin(), sorted.end(), threshold));
        }
        if (total + row_bytes > limit) {
            break;
        }
        total += row_bytes;
        ++rows;
    }
    return std::max<std::size_t>(rows, 1);
}

}  // namespace rsodbc::sql
