#pragma once

// Properties the fuzz targets check (STYLE.md 7.4), kept in one header so the libFuzzer targets
// (clang) and the corpus replay in tests/unit/sql_fuzz_corpus_test.cpp (g++) run the same code.
// A violated property throws PropertyFailure (property_failure.h).

#include "property_failure.h"
#include "sql/ddl_targets.h"
#include "sql/escapes.h"
#include "sql/insert_values.h"
#include "sql/placeholders.h"
#include "sql/scanner.h"
#include "sql/sql_error.h"
#include "sql/statement_kind.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rsodbc::fuzz {

// The fixed-size part of a token's description, to compare token streams.
struct TokenView {
    sql::TokenKind kind;
    std::string_view text;

    bool operator==(const TokenView&) const = default;
};

inline std::vector<TokenView> significant_tokens(std::string_view sql) {
    std::vector<TokenView> out;
    for (const sql::Token& token : sql::scan(sql)) {
        if (token.kind != sql::TokenKind::whitespace) {
            out.push_back(TokenView{token.kind, sql::token_text(sql, token)});
        }
    }
    return out;
}

inline bool holds_text(sql::TokenKind kind) {
    return kind == sql::TokenKind::string_literal || kind == sql::TokenKind::quoted_identifier
           || kind == sql::TokenKind::dollar_quoted || kind == sql::TokenKind::comment;
}

inline void check_tokens(std::string_view sql, const sql::ScanOptions& options) {
    const std::vector<sql::Token> tokens = sql::scan(sql, options);
    std::size_t at = 0;
    std::size_t markers = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const sql::Token& token = tokens[i];
        require(token.begin == at && token.end > token.begin && token.end <= sql.size(),
                "tokens cover the input exactly, in order");
        require(!token.unterminated || i + 1 == tokens.size(),
                "only the last token can be unterminated");
        const std::string_view text = sql::token_text(sql, token);
        if (token.kind == sql::TokenKind::marker) {
            require(text == "?", "a marker is one ?");
            ++markers;
        } else if (!holds_text(token.kind)) {
            require(text.find('?') == std::string_view::npos,
                    "a ? outside quotes, identifiers, dollar quotes and comments is a marker");
        }
        // Every token but the last is complete, so scanning it alone must give it back whole:
        // a token that needs its neighbours to end where it ends was cut in the wrong place.
        if (!token.unterminated) {
            const std::vector<sql::Token> alone = sql::scan(text, options);
            require(alone.size() == 1 && alone[0].kind == token.kind && !alone[0].unterminated,
                    "a token scanned alone is the same single token");
        }
        at = token.end;
    }
    require(at == sql.size(), "tokens reach the end of the input");
    require(sql::count_markers(sql, options) == markers, "count_markers agrees with scan");
}

inline void check_scanner(std::string_view data) {
    sql::ScanOptions options;
    check_tokens(data, options);
    options.standard_conforming_strings = false;
    check_tokens(data, options);
    sql::classify(data);  // must not throw or crash on any text
}

// Highest `$n` of the text, or nullopt when a `$n` is out of range.
inline std::optional<std::size_t> highest_parameter(std::string_view sql, bool& any) {
    std::size_t highest = 0;
    any = false;
    for (const sql::Token& token : sql::scan(sql)) {
        if (const auto number = sql::positional_parameter(sql, token)) {
            if (*number > sql::max_parameter_number) {
                return std::nullopt;
            }
            any = true;
            highest = std::max(highest, *number);
        }
    }
    return highest;
}

inline void check_placeholders(std::string_view data) {
    const std::size_t markers = sql::count_markers(data);
    bool positional = false;
    const std::optional<std::size_t> highest = highest_parameter(data, positional);
    sql::PreparedText prepared;
    try {
        prepared = sql::number_markers(data);
    } catch (const sql::SqlTextError& error) {
        require(!highest || (markers > 0 && positional), "only mixed or out-of-range $n throw");
        require(error.offset < data.size(), "the error offset is inside the text");
        return;
    }
    require(highest && !(markers > 0 && positional), "mixed or out-of-range $n must throw");
    if (markers == 0) {
        require(prepared.text == data, "text without ? is unchanged");
        require(prepared.marker_count == *highest, "marker_count is the highest $n");
        return;
    }
    require(prepared.marker_count == markers, "marker_count is the number of ? markers");
    // The result has $1..$n in order where the ? were, and every other token as it was.
    std::vector<TokenView> expected = significant_tokens(data);
    const std::vector<TokenView> actual = significant_tokens(prepared.text);
    require(expected.size() == actual.size(), "numbering keeps the token count");
    std::size_t next = 1;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        if (expected[i].kind != sql::TokenKind::marker) {
            require(expected[i] == actual[i], "tokens other than markers are unchanged");
            continue;
        }
        const std::string number = "$" + std::to_string(next++);
        require(actual[i].kind == sql::TokenKind::word && actual[i].text == number,
                "markers become $1..$n in order");
    }
    const sql::PreparedText again = sql::number_markers(prepared.text);
    require(again.text == prepared.text && again.marker_count == prepared.marker_count,
            "numbering twice is numbering once");
}

// The statement cache's DDL reading (sql/ddl_targets.h): both entry points agree, every table it
// says a text creates or drops is one the text names (names_any finds it), no name is empty, and
// an empty list of names is never found. A wrong answer here would leave a stale plan cached.
inline void check_ddl_targets(std::string_view data) {
    const auto tables = sql::created_or_dropped_tables(data);
    const auto again = sql::created_or_dropped_tables(data, sql::scan(data));
    require(tables == again, "scanned and unscanned entry points agree");
    require(!sql::names_any(data, {}), "no names are never found");
    if (!tables) {
        return;
    }
    for (const std::string& name : *tables) {
        require(!name.empty(), "a created or dropped table has a name");
        require(sql::names_any(data, {name}), "a created or dropped table is named in the text");
    }
}

// The rows after the head: k parenthesised groups separated by top-level commas, nothing else.
inline std::size_t count_row_groups(std::string_view rows) {
    std::size_t depth = 0;
    std::size_t groups = 0;
    bool expect_group = true;
    for (const sql::Token& token : sql::scan(rows)) {
        require(!token.unterminated, "the batch text has no unterminated token");
        if (depth == 0 && !sql::is_insignificant(token)) {
            require(expect_group ? token.kind == sql::TokenKind::open_paren
                                 : token.kind == sql::TokenKind::comma,
                    "rows are (...) groups separated by commas");
            groups += expect_group ? 1 : 0;
            expect_group = !expect_group;
            depth += expect_group ? 0 : 1;
            continue;
        }
        if (token.kind == sql::TokenKind::open_paren) {
            ++depth;
        } else if (token.kind == sql::TokenKind::close_paren) {
            --depth;
        }
    }
    require(depth == 0 && !expect_group, "the last row group is closed");
    return groups;
}

inline void check_batch(const sql::InsertPlan& plan, std::size_t rows) {
    const std::string text = plan.batch_text(rows);
    require(text.compare(0, plan.head.size(), plan.head) == 0, "the batch starts with the head");
    require(count_row_groups(std::string_view(text).substr(plan.head.size())) == rows,
            "the batch has one row group per row");
    std::vector<std::size_t> expected;
    for (std::size_t row = 0; row < rows; ++row) {
        for (const std::size_t slot : plan.slots) {
            expected.push_back(row * plan.markers_per_row + slot + 1);
        }
    }
    std::vector<std::size_t> actual;
    for (const sql::Token& token : sql::scan(text)) {
        require(token.kind != sql::TokenKind::marker, "the batch has no ? left");
        if (const auto number = sql::positional_parameter(text, token)) {
            actual.push_back(*number);
        }
    }
    require(actual == expected, "row r's marker m is $(r * markers_per_row + m + 1)");
}

// Input: one byte for the row count k (1..8), then the statement.
inline void check_insert_values(std::string_view data) {
    if (data.empty()) {
        return;
    }
    const std::size_t rows = static_cast<unsigned char>(data[0]) % 8 + 1;
    const std::string_view sql = data.substr(1);
    std::optional<sql::InsertPlan> plan;
    try {
        plan = sql::plan_insert_values(sql);
    } catch (const sql::SqlTextError&) {
        require(sql::classify(sql) == sql::StatementKind::other, "unplannable INSERT is other");
        return;
    }
    const bool insert_values = sql::classify(sql) == sql::StatementKind::insert_values;
    require(plan.has_value() == insert_values, "classify agrees with plan_insert_values");
    if (!plan) {
        return;
    }
    require(plan->pieces.size() == plan->slots.size() + 1, "pieces surround the slots");
    const std::size_t markers = sql::count_markers(sql);
    require(markers == 0 || plan->markers_per_row == markers, "markers_per_row counts the ?");
    require(markers == 0 || plan->slots.size() == markers, "one slot per ?");
    require(plan->batch_text(1) == plan->head + plan->tuple, "row 0 is the tuple");
    check_batch(*plan, rows);
    // The one-row text is a single-row INSERT again and plans to the same batches.
    const std::optional<sql::InsertPlan> again = sql::plan_insert_values(plan->batch_text(1));
    require(again.has_value(), "the one-row text plans again");
    require(again->markers_per_row == plan->markers_per_row
                && again->batch_text(rows) == plan->batch_text(rows),
            "re-planning the one-row text gives the same batches");
    const std::size_t per_statement = sql::rows_per_statement(*plan, rows);
    require(per_statement >= 1 && per_statement <= rows, "1 <= rows per statement <= batch size");
    require(per_statement == 1 || per_statement * plan->markers_per_row <= sql::max_bind_parameters,
            "rows per statement keep within the parameter cap");
    require(
        per_statement == 1 || plan->batch_text(per_statement).size() <= sql::max_statement_bytes,
        "rows per statement keep within 16 MB");
}

// True when the `{` and `}` outside quotes and comments pair up.
inline bool braces_balanced(std::string_view sql, const sql::ScanOptions& options) {
    std::size_t depth = 0;
    for (const sql::Token& token : sql::scan(sql, options)) {
        if (token.kind == sql::TokenKind::open_brace) {
            ++depth;
        } else if (token.kind == sql::TokenKind::close_brace) {
            if (depth == 0) {
                return false;
            }
            --depth;
        }
    }
    return depth == 0;
}

inline bool has_unterminated(std::string_view sql, const sql::ScanOptions& options) {
    const std::vector<sql::Token> tokens = sql::scan(sql, options);
    return !tokens.empty() && tokens.back().unterminated;
}

inline void check_escapes_with(std::string_view data, const sql::EscapeOptions& options) {
    std::string out;
    try {
        out = sql::translate_escapes(data, options);
    } catch (const sql::SqlTextError& error) {
        require(error.offset < data.size(), "the error offset is inside the text");
        return;
    }
    if (!sql::may_contain_escapes(data)) {
        require(out == data, "text without { is unchanged");
        return;
    }
    if (data.find("--(*") != std::string_view::npos) {
        // Long forms hide SQL (markers and quotes included) in what looks like comments: only
        // the checks on the output itself hold.
        require(braces_balanced(out, options.scan), "the translation has balanced braces");
        return;
    }
    require(braces_balanced(data, options.scan), "unbalanced braces are an error, not garbage");
    // Text before the first escape and after the last one is copied as it was.
    std::size_t first = data.size();
    std::size_t last = 0;
    for (const sql::Token& token : sql::scan(data, options.scan)) {
        if (token.kind == sql::TokenKind::open_brace) {
            first = std::min(first, token.begin);
        } else if (token.kind == sql::TokenKind::close_brace) {
            last = token.end;
        }
    }
    require(out.compare(0, first, data.substr(0, first)) == 0, "text before escapes is unchanged");
    const std::string_view tail = data.substr(std::max(first, last));
    require(std::string_view(out).ends_with(tail), "text after escapes is unchanged");
    require(has_unterminated(out, options.scan) == has_unterminated(data, options.scan),
            "the translation re-scans cleanly (no quote or comment left open)");
    require(sql::count_markers(out, options.scan) <= sql::count_markers(data, options.scan),
            "translation never invents ? markers");
    require(braces_balanced(out, options.scan), "the translation has balanced braces");
    // Unknown `{...}` is copied with its braces, and what was translated inside it can make it
    // look like an escape the second time ({{oj fn f()}} -> {fn f()}); without braces, a second
    // translation must change nothing.
    if (!sql::may_contain_escapes(out)) {
        require(sql::translate_escapes(out, options) == out,
                "translating twice is translating once");
    }
}

inline void check_escapes(std::string_view data) {
    check_escapes_with(data, sql::EscapeOptions{});
    sql::EscapeOptions redshift;
    redshift.redshift = true;
    redshift.scan.standard_conforming_strings = false;
    check_escapes_with(data, redshift);
}

}  // namespace rsodbc::fuzz
