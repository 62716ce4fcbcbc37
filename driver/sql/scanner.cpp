#include "sql/scanner.h"

#include <algorithm>
#include <limits>

namespace rsodbc::sql {

namespace {

// Character classes follow PostgreSQL's lexer (scan.l): bytes >= 0x80 count as letters so UTF-8
// identifiers stay whole, and `$` may continue an identifier but never start one.
bool is_ident_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

bool is_digit(int c) {
    return c >= '0' && c <= '9';
}

bool is_ident_continue(int c) {
    return is_ident_start(c) || is_digit(c) || c == '$';
}

bool is_space(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Operator characters and the other one-character punctuation of the grammar. `?` is missing on
// purpose: ODBC gives it to parameter markers (Redshift has no `?` operators).
bool is_punctuation(int c) {
    constexpr std::string_view punctuation = "~!@#^&|`+-*/%<>=.:[]";
    return c > 0 && punctuation.find(static_cast<char>(c)) != std::string_view::npos;
}

int to_lower_ascii(int c) {
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

}  // namespace

int Scanner::peek(std::size_t ahead) const {
    const std::size_t at = pos_ + ahead;
    return at < sql_.size() ? static_cast<unsigned char>(sql_[at]) : -1;
}

bool Scanner::next(Token& token) {
    if (pos_ >= sql_.size()) {
        return false;
    }
    const std::size_t begin = pos_;
    unterminated_ = false;
    const TokenKind kind = scan_one();
    token = Token{kind, begin, pos_, unterminated_};
    return true;
}

TokenKind Scanner::scan_one() {
    const int c = peek(0);
    const int c1 = peek(1);
    if (is_space(c)) {
        while (is_space(peek(0))) {
            ++pos_;
        }
        return TokenKind::whitespace;
    }
    if (c == '-' && c1 == '-') {
        // The newline is left to the whitespace token, as in scan.l.
        while (peek(0) != -1 && peek(0) != '\n' && peek(0) != '\r') {
            ++pos_;
        }
        return TokenKind::comment;
    }
    if (c == '/' && c1 == '*') {
        scan_block_comment();
        return TokenKind::comment;
    }
    if (c == '\'') {
        scan_quoted('\'', !options_.standard_conforming_strings);
        return TokenKind::string_literal;
    }
    if (c == '"') {
        scan_quoted('"', false);
        return TokenKind::quoted_identifier;
    }
    if (c == '$') {
        return scan_dollar();
    }
    if (is_digit(c) || (c == '.' && is_digit(c1))) {
        return scan_number();
    }
    if (is_ident_start(c)) {
        return scan_word_or_prefixed();
    }
    ++pos_;
    switch (c) {
        case '?':
            return TokenKind::marker;
        case '(':
            return TokenKind::open_paren;
        case ')':
            return TokenKind::close_paren;
        case '{':
            return TokenKind::open_brace;
        case '}':
            return TokenKind::close_brace;
        case ';':
            return TokenKind::semicolon;
        case ',':
            return TokenKind::comma;
        default:
            return is_punctuation(c) ? TokenKind::punctuation : TokenKind::other;
    }
}

// A letter directly followed by a quote may be a string prefix: E'' (backslash escapes always),
// B'' and X'' (bit strings: no escapes at all), N'' (like a plain literal), U&'' and U&"" (Unicode
// escapes use backslash but never escape the quote). Otherwise it starts a word.
TokenKind Scanner::scan_word_or_prefixed() {
    const int c = to_lower_ascii(peek(0));
    const int c1 = peek(1);
    if (c1 == '\'' && (c == 'e' || c == 'b' || c == 'x' || c == 'n')) {
        const bool backslash = c == 'e' || (c == 'n' && !options_.standard_conforming_strings);
        ++pos_;
        scan_quoted('\'', backslash);
        return TokenKind::string_literal;
    }
    if (c == 'u' && c1 == '&' && (peek(2) == '\'' || peek(2) == '"')) {
        const char quote = static_cast<char>(peek(2));
        pos_ += 2;
        scan_quoted(quote, false);
        return quote == '"' ? TokenKind::quoted_identifier : TokenKind::string_literal;
    }
    while (is_ident_continue(peek(0))) {
        ++pos_;
    }
    return TokenKind::word;
}

// pos_ is on the opening quote. A doubled quote stands for itself; with backslash escapes a
// backslash takes the next byte whatever it is.
void Scanner::scan_quoted(char quote, bool backslash_escapes) {
    ++pos_;
    while (pos_ < sql_.size()) {
        const char c = sql_[pos_];
        if ((backslash_escapes && c == '\\') || (c == quote && peek(1) == quote)) {
            pos_ += 2;
        } else {
            ++pos_;
            if (c == quote) {
                return;
            }
        }
    }
    pos_ = sql_.size();
    unterminated_ = true;
}

// SQL block comments nest (unlike C's), so `/* a /* b */ ? */` is one comment.
void Scanner::scan_block_comment() {
    pos_ += 2;
    std::size_t depth = 1;
    while (pos_ < sql_.size()) {
        const int c = peek(0);
        const int c1 = peek(1);
        if (c == '/' && c1 == '*') {
            ++depth;
            pos_ += 2;
        } else if (c == '*' && c1 == '/') {
            pos_ += 2;
            if (--depth == 0) {
                return;
            }
        } else {
            ++pos_;
        }
    }
    unterminated_ = true;
}

// `$` + digits is a positional parameter ($1), `$tag$` or `$$` opens a dollar quote that ends at
// the next identical delimiter, and a `$` that is neither is a lone character.
TokenKind Scanner::scan_dollar() {
    if (is_digit(peek(1))) {
        ++pos_;
        while (is_digit(peek(0))) {
            ++pos_;
        }
        return TokenKind::word;
    }
    std::size_t tag_end = pos_ + 1;
    if (is_ident_start(peek(1))) {
        while (tag_end < sql_.size()
               && (is_ident_start(static_cast<unsigned char>(sql_[tag_end]))
                   || is_digit(sql_[tag_end]))) {
            ++tag_end;
        }
    }
    if (tag_end >= sql_.size() || sql_[tag_end] != '$') {
        ++pos_;
        return TokenKind::other;
    }
    const std::string_view delimiter = sql_.substr(pos_, tag_end + 1 - pos_);
    const std::size_t close = sql_.find(delimiter, tag_end + 1);
    if (close == std::string_view::npos) {
        pos_ = sql_.size();
        unterminated_ = true;
    } else {
        pos_ = close + delimiter.size();
    }
    return TokenKind::dollar_quoted;
}

// Digits with an optional fraction and exponent. `1..5` stays 1, `.`, `.5` so array slices and
// PL/pgSQL ranges keep their dots; letters after a number start a new word (0x1F, 1e).
TokenKind Scanner::scan_number() {
    while (is_digit(peek(0)) || peek(0) == '_') {
        ++pos_;
    }
    if (peek(0) == '.' && peek(1) != '.') {
        ++pos_;
        while (is_digit(peek(0)) || peek(0) == '_') {
            ++pos_;
        }
    }
    const int e = to_lower_ascii(peek(0));
    if (e == 'e' && is_digit(peek(1))) {
        pos_ += 1;
    } else if (e == 'e' && (peek(1) == '+' || peek(1) == '-') && is_digit(peek(2))) {
        pos_ += 2;
    } else {
        return TokenKind::number;
    }
    while (is_digit(peek(0))) {
        ++pos_;
    }
    return TokenKind::number;
}

std::vector<Token> scan(std::string_view sql) {
    return scan(sql, ScanOptions{});
}

std::vector<Token> scan(std::string_view sql, const ScanOptions& options) {
    std::vector<Token> tokens;
    // A short statement's tokens in one allocation (a token is two bytes or more of text, a word
    // and a space); a long text grows the vector as usual instead of reserving for its worst case.
    constexpr std::size_t up_front = 64;
    tokens.reserve(std::min(sql.size() / 2 + 1, up_front));
    Scanner scanner(sql, options);
    Token token;
    while (scanner.next(token)) {
        tokens.push_back(token);
    }
    return tokens;
}

std::size_t count_markers(std::string_view sql) {
    return count_markers(sql, ScanOptions{});
}

std::size_t count_markers(std::string_view sql, const ScanOptions& options) {
    std::size_t markers = 0;
    Scanner scanner(sql, options);
    Token token;
    while (scanner.next(token)) {
        if (token.kind == TokenKind::marker) {
            ++markers;
        }
    }
    return markers;
}

bool is_keyword(std::string_view sql, const Token& token, std::string_view keyword) {
    if (token.kind != TokenKind::word || token.end - token.begin != keyword.size()) {
        return false;
    }
    for (std::size_t i = 0; i < keyword.size(); ++i) {
        if (to_lower_ascii(static_cast<unsigned char>(sql[token.begin + i]))
            != to_lower_ascii(static_cast<unsigned char>(keyword[i]))) {
            return false;
        }
    }
    return true;
}

std::optional<std::size_t> positional_parameter(std::string_view sql, const Token& token) {
    if (token.kind != TokenKind::word || token.end - token.begin < 2 || sql[token.begin] != '$') {
        return std::nullopt;
    }
    constexpr std::size_t max = std::numeric_limits<std::size_t>::max();
    std::size_t value = 0;
    for (std::size_t i = token.begin + 1; i < token.end; ++i) {
        const auto digit = static_cast<std::size_t>(sql[i] - '0');
        value = value > (max - digit) / 10 ? max : value * 10 + digit;
    }
    return value;
}

bool joins_parameter(char byte) {
    return is_ident_continue(static_cast<unsigned char>(byte));
}

}  // namespace rsodbc::sql
