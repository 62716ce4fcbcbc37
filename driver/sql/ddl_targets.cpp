#include "sql/ddl_targets.h"

#include "sql/scanner.h"

#include <algorithm>
#include <cstddef>

namespace rsodbc::sql {

namespace {

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// An identifier as the server folds it; nullopt for other tokens and for U&"..." (its escapes
// are not decoded here, so it never counts as a known name).
std::optional<std::string> folded_name(std::string_view sql, const Token& token) {
    const std::string_view text = token_text(sql, token);
    if (token.kind == TokenKind::word && !text.starts_with('$')) {
        std::string name(text);
        std::transform(name.begin(), name.end(), name.begin(), lower);
        return name;
    }
    if (token.kind == TokenKind::quoted_identifier && !token.unterminated && text.size() >= 2
        && text.front() == '"') {
        std::string name;
        for (std::size_t i = 1; i + 1 < text.size(); ++i) {
            name += text[i];
            if (text[i] == '"') {
                ++i;  // "" is one quote
            }
        }
        // "" is no identifier (the server refuses a zero-length name): not a known name.
        return name.empty() ? std::nullopt : std::optional<std::string>(name);
    }
    return std::nullopt;
}

// One statement's significant tokens, read front to back.
class Reader {
public:
    Reader(std::string_view sql, std::vector<Token> tokens)
        : sql_(sql), tokens_(std::move(tokens)) {}

    [[nodiscard]] bool at_end() const { return next_ >= tokens_.size(); }

    bool take(std::string_view keyword) {
        if (!at_end() && is_keyword(sql_, tokens_[next_], keyword)) {
            ++next_;
            return true;
        }
        return false;
    }

    bool take(TokenKind kind, std::string_view text = {}) {
        if (!at_end() && tokens_[next_].kind == kind
            && (text.empty() || token_text(sql_, tokens_[next_]) == text)) {
            ++next_;
            return true;
        }
        return false;
    }

    // A possibly qualified name: its last component.
    std::optional<std::string> take_name() {
        std::optional<std::string> name;
        do {
            if (at_end()) {
                return std::nullopt;
            }
            name = folded_name(sql_, tokens_[next_]);
            if (!name) {
                return std::nullopt;
            }
            ++next_;
        } while (take(TokenKind::punctuation, "."));
        return name;
    }

private:
    std::string_view sql_;
    std::vector<Token> tokens_;
    std::size_t next_ = 0;
};

// Adds the tables one statement creates or drops to `names`; false when the statement is DDL of
// another form. Statements that are not DDL add nothing.
bool add_targets(std::string_view sql, std::vector<Token> tokens, std::vector<std::string>& names) {
    Reader reader(sql, std::move(tokens));
    if (reader.take("CREATE")) {
        if (!reader.take("GLOBAL")) {
            reader.take("LOCAL");
        }
        if (!reader.take("TEMP") && !reader.take("TEMPORARY")) {
            reader.take("UNLOGGED");
        }
        if (!reader.take("TABLE")) {
            return false;
        }
        if (reader.take("IF") && !(reader.take("NOT") && reader.take("EXISTS"))) {
            return false;
        }
        const auto name = reader.take_name();
        if (!name) {
            return false;
        }
        names.push_back(*name);
        return true;
    }
    if (reader.take("DROP")) {
        if (!reader.take("TABLE")) {
            return false;
        }
        if (reader.take("IF") && !reader.take("EXISTS")) {
            return false;
        }
        do {
            const auto name = reader.take_name();
            if (!name) {
                return false;
            }
            names.push_back(*name);
        } while (reader.take(TokenKind::comma));
        reader.take("RESTRICT");
        return reader.at_end();  // CASCADE drops what depends on the tables too
    }
    return !reader.take("ALTER");
}

}  // namespace

std::optional<std::vector<std::string>> created_or_dropped_tables(std::string_view sql) {
    return created_or_dropped_tables(sql, scan(sql));
}

std::optional<std::vector<std::string>> created_or_dropped_tables(
    std::string_view sql, const std::vector<Token>& tokens) {
    std::vector<std::string> names;
    std::vector<Token> statement;
    for (const Token& token : tokens) {
        if (is_insignificant(token)) {
            continue;
        }
        if (token.kind == TokenKind::semicolon) {
            if (!add_targets(sql, std::move(statement), names)) {
                return std::nullopt;
            }
            statement.clear();
            continue;
        }
        statement.push_back(token);
    }
    if (!add_targets(sql, std::move(statement), names)) {
        return std::nullopt;
    }
    return names;
}

bool names_any(std::string_view sql, const std::vector<std::string>& names) {
    if (names.empty()) {
        return false;
    }
    // Most cached statements name none of the tables: they are not scanned at all.
    const auto contains = [&](std::string_view needle) {
        return std::search(sql.begin(), sql.end(), needle.begin(), needle.end(),
                           [](char a, char b) { return lower(a) == lower(b); })
               != sql.end();
    };
    // A name with a quote is written with it doubled ("a""b" names a"b).
    const auto written_in = [&](const std::string& name) {
        std::string written;
        for (const char c : name) {
            written += c;
            if (c == '"') {
                written += '"';
            }
        }
        return contains(written);
    };
    if (std::none_of(names.begin(), names.end(), written_in) && !contains("u&\"")) {
        return false;
    }
    for (const Token& token : scan(sql)) {
        const auto name = folded_name(sql, token);
        if (name ? std::find(names.begin(), names.end(), *name) != names.end()
                 : token.kind == TokenKind::quoted_identifier) {
            return true;  // an identifier not decoded here (U&"...") may be any of them
        }
    }
    return false;
}

}  // namespace rsodbc::sql
