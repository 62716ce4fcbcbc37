#include "sql/transaction_block.h"

#include "sql/scanner.h"
#include "sql/statement_kind.h"

#include <vector>

namespace rsodbc::sql {

namespace {

// The significant tokens of the statement, comments, whitespace and a trailing `;` left out.
std::vector<std::string_view> words_of(std::string_view sql, const std::vector<Token>& tokens) {
    std::vector<std::string_view> words;
    for (const Token& token : tokens) {
        if (is_insignificant(token)) {
            continue;
        }
        const std::string_view text = token_text(sql, token);
        if (text == ";") {
            continue;
        }
        words.push_back(text);
    }
    return words;
}

bool same(std::string_view word, std::string_view keyword) {
    if (word.size() != keyword.size()) {
        return false;
    }
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char a = word[i];
        const char upper = a >= 'a' && a <= 'z' ? static_cast<char>(a - 'a' + 'A') : a;
        if (upper != keyword[i]) {
            return false;
        }
    }
    return true;
}

bool starts(const std::vector<std::string_view>& words,
            std::initializer_list<std::string_view> keywords) {
    if (words.size() < keywords.size()) {
        return false;
    }
    std::size_t i = 0;
    for (const std::string_view keyword : keywords) {
        if (!same(words[i++], keyword)) {
            return false;
        }
    }
    return true;
}

bool contains(const std::vector<std::string_view>& words, std::string_view keyword) {
    for (const std::string_view word : words) {
        if (same(word, keyword)) {
            return true;
        }
    }
    return false;
}

}  // namespace

bool runs_outside_transaction(std::string_view sql) {
    const std::vector<Token> tokens = scan(sql);
    return runs_outside_transaction(sql, tokens, classify(sql, tokens).kind);
}

bool runs_outside_transaction(std::string_view sql, const std::vector<Token>& tokens,
                              StatementKind kind) {
    if (kind != StatementKind::other) {
        return false;  // queries, INSERT ... VALUES, several statements, nothing at all
    }
    const std::vector<std::string_view> words = words_of(sql, tokens);
    if (words.empty()) {
        return false;
    }
    if (starts(words, {"VACUUM"}) || starts(words, {"ALTER", "SYSTEM"})) {
        return true;
    }
    for (const std::string_view verb : {"CREATE", "DROP"}) {
        for (const std::string_view object : {"DATABASE", "TABLESPACE"}) {
            if (starts(words, {verb, object})) {
                return true;
            }
        }
        if (starts(words, {verb, "EXTERNAL", "TABLE"})
            || starts(words, {verb, "INDEX", "CONCURRENTLY"})) {
            return true;
        }
    }
    if (starts(words, {"CREATE", "UNIQUE", "INDEX", "CONCURRENTLY"})) {
        return true;
    }
    if (starts(words, {"REINDEX"})) {
        return contains(words, "CONCURRENTLY") || starts(words, {"REINDEX", "DATABASE"})
               || starts(words, {"REINDEX", "SYSTEM"});
    }
    if (starts(words, {"CLUSTER"})) {
        return words.size() == 1 || (words.size() == 2 && same(words[1], "VERBOSE"));
    }
    if (starts(words, {"ALTER", "TABLE"})) {  // ALTER TABLE target APPEND FROM source
        for (std::size_t i = 3; i + 1 < words.size(); ++i) {
            if (same(words[i], "APPEND") && same(words[i + 1], "FROM")) {
                return true;
            }
        }
    }
    return false;
}

}  // namespace rsodbc::sql
