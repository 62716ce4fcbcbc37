#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace rsodbc::sql {

enum class TokenKind {
    word,               // identifier or keyword; also a `$n` positional parameter
    quoted_identifier,  // "..." and U&"..."
    string_literal,     // '...', E'...', B'...', X'...', N'...', U&'...'
    dollar_quoted,      // $tag$...$tag$
    comment,            // -- to end of line (newline excluded), or nested /* */
    whitespace,
    marker,  // ? outside quotes and comments: an ODBC parameter marker
    punctuation,
    open_brace,
    close_brace,
    semicolon,
    open_paren,
    close_paren,
    comma,
    number,
    other
};

// [begin, end) in the scanned text. `unterminated` is set on a quote, identifier, dollar quote or
// comment that runs to the end of the text without its closing delimiter; such a token is always
// the last one.
struct Token {
    TokenKind kind = TokenKind::other;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool unterminated = false;
};

// standard_conforming_strings is the server setting of that name (libpq reports it at connect):
// when off, a backslash escapes the next character in plain '...' literals as it always does in
// E'...'. Getting this wrong would let a `?` or `;` inside a literal be taken as SQL.
struct ScanOptions {
    bool standard_conforming_strings = true;
};

// Scanner passes made on the calling thread so far (every Scanner counts one). A statement's text
// is scanned once, when SQLPrepare or SQLExecDirect analyses it (sql/analysed_statement.h), never
// per execution: SQL_ATTR_RSODBC_TEXT_SCANS and the tests read this count to check it.
inline thread_local std::size_t scans_on_this_thread = 0;

// One pass, no backtracking beyond a dollar-quote tag, no recursion: nesting depth of /* */ is
// a counter, so hostile input cannot exhaust the stack. Never reads past the end of `sql`.
class Scanner {
public:
    explicit Scanner(std::string_view sql, ScanOptions options = {})
        : sql_(sql), options_(options) {
        ++scans_on_this_thread;
    }

    // Next token, or false at the end of the text.
    bool next(Token& token);

private:
    TokenKind scan_one();
    TokenKind scan_word_or_prefixed();
    TokenKind scan_dollar();
    TokenKind scan_number();
    void scan_quoted(char quote, bool backslash_escapes);
    void scan_block_comment();
    [[nodiscard]] int peek(std::size_t ahead) const;

    std::string_view sql_;
    ScanOptions options_;
    std::size_t pos_ = 0;
    bool unterminated_ = false;
};

// Tokens cover `sql` exactly and in order: concatenating their ranges gives the text back.
std::vector<Token> scan(std::string_view sql);
std::vector<Token> scan(std::string_view sql, const ScanOptions& options);

// Number of `?` markers, without building the token vector (SQLNumParams on every prepare).
std::size_t count_markers(std::string_view sql);
std::size_t count_markers(std::string_view sql, const ScanOptions& options);

inline std::string_view token_text(std::string_view sql, const Token& token) {
    return sql.substr(token.begin, token.end - token.begin);
}

// Comments and whitespace: what may separate two tokens without changing the statement.
inline bool is_insignificant(const Token& token) {
    return token.kind == TokenKind::whitespace || token.kind == TokenKind::comment;
}

// True when `token` is a word equal to `keyword` ignoring ASCII case; `keyword` is upper case.
bool is_keyword(std::string_view sql, const Token& token, std::string_view keyword);

// The number of a `$n` positional parameter token, saturated at SIZE_MAX for absurd digit runs;
// nullopt for any other token.
std::optional<std::size_t> positional_parameter(std::string_view sql, const Token& token);

// Bytes that would join an adjacent `$n` into a longer token ("a$1" is one identifier, "$1$" and
// "$12" are not $1): the rewriters put a space between such a byte and a generated `$n`.
bool joins_parameter(char byte);

}  // namespace rsodbc::sql
