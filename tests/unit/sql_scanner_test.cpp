#include "sql/scanner.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using rsodbc::sql::count_markers;
using rsodbc::sql::is_keyword;
using rsodbc::sql::positional_parameter;
using rsodbc::sql::scan;
using rsodbc::sql::ScanOptions;
using rsodbc::sql::Token;
using rsodbc::sql::TokenKind;

namespace {

const char* kind_name(TokenKind kind) {
    switch (kind) {
        case TokenKind::word:
            return "word";
        case TokenKind::quoted_identifier:
            return "ident";
        case TokenKind::string_literal:
            return "string";
        case TokenKind::dollar_quoted:
            return "dollar";
        case TokenKind::comment:
            return "comment";
        case TokenKind::whitespace:
            return "ws";
        case TokenKind::marker:
            return "marker";
        case TokenKind::punctuation:
            return "punct";
        case TokenKind::open_brace:
            return "{";
        case TokenKind::close_brace:
            return "}";
        case TokenKind::semicolon:
            return ";";
        case TokenKind::open_paren:
            return "(";
        case TokenKind::close_paren:
            return ")";
        case TokenKind::comma:
            return ",";
        case TokenKind::number:
            return "number";
        case TokenKind::other:
            return "other";
    }
    return "?";
}

// One line per text: `kind[text]` for each token, whitespace as plain `ws`, and a trailing `!`
// on an unterminated token, so expectations read like the SQL they describe.
std::string describe(std::string_view sql, ScanOptions options = {}) {
    std::string out;
    for (const Token& token : scan(sql, options)) {
        if (!out.empty()) {
            out += ' ';
        }
        out += kind_name(token.kind);
        if (token.kind != TokenKind::whitespace) {
            out += '[';
            out.append(sql.substr(token.begin, token.end - token.begin));
            out += ']';
        }
        if (token.unterminated) {
            out += '!';
        }
    }
    return out;
}

bool covers_exactly(std::string_view sql) {
    std::size_t at = 0;
    for (const Token& token : scan(sql)) {
        if (token.begin != at || token.end <= token.begin) {
            return false;
        }
        at = token.end;
    }
    return at == sql.size();
}

}  // namespace

TEST_SUITE_BEGIN("sql scanner");

TEST_CASE("sql scanner: words, punctuation and markers") {
    CHECK(describe("SELECT a,b FROM t WHERE x=?;")
          == "word[SELECT] ws word[a] ,[,] word[b] ws word[FROM] ws word[t] ws word[WHERE] ws "
             "word[x] punct[=] marker[?] ;[;]");
    CHECK(describe("f(?::int){}")
          == "word[f] ([(] marker[?] punct[:] punct[:] word[int] )[)] {[{] }[}]");
    CHECK(describe("") == "");
    CHECK(count_markers("") == 0);
    CHECK(count_markers("? ?,?(?)") == 4);
}

TEST_CASE("sql scanner: ? inside quotes, identifiers and comments is not a marker") {
    CHECK(describe("'a?b'") == "string['a?b']");
    CHECK(describe("'it''s ?'") == "string['it''s ?']");
    CHECK(describe("\"a?b\"") == "ident[\"a?b\"]");
    CHECK(describe("\"a\"\"?\"") == "ident[\"a\"\"?\"]");
    CHECK(describe("-- ?\n?") == "comment[-- ?] ws marker[?]");
    CHECK(describe("-- ?\r\n?") == "comment[-- ?] ws marker[?]");
    CHECK(describe("/* /* ? */ ? */ ?") == "comment[/* /* ? */ ? */] ws marker[?]");
    CHECK(describe("/*/ ? */?") == "comment[/*/ ? */] marker[?]");
    CHECK(count_markers("SELECT '?', \"?\", $$?$$, $t$ ? $t$, E'\\'?' -- ?\n/* ? */") == 0);
}

TEST_CASE("sql scanner: E'' strings take backslash escapes, plain ones only when told") {
    CHECK(describe("E'\\'?' ?") == "string[E'\\'?'] ws marker[?]");
    CHECK(describe("e'\\\\' ?") == "string[e'\\\\'] ws marker[?]");
    // standard_conforming_strings on (the default): the backslash is a character and the quote
    // after it ends the literal.
    CHECK(describe("'\\' ?") == "string['\\'] ws marker[?]");
    ScanOptions old_style;
    old_style.standard_conforming_strings = false;
    CHECK(describe("'\\' ?", old_style) == "string['\\' ?]!");
    CHECK(describe("'\\'?' ?", old_style) == "string['\\'?'] ws marker[?]");
    CHECK(count_markers("'\\'?' ?", old_style) == 1);
}

TEST_CASE("sql scanner: string prefixes") {
    CHECK(describe("B'01' X'1F' N'?'") == "string[B'01'] ws string[X'1F'] ws string[N'?']");
    CHECK(describe("U&'d\\0061t?' U&\"?\"") == "string[U&'d\\0061t?'] ws ident[U&\"?\"]");
    CHECK(describe("U&x") == "word[U] punct[&] word[x]");
    // A prefix letter only counts at the start of a word: WHERE'x' is a word and a string.
    CHECK(describe("WHERE'x'") == "word[WHERE] string['x']");
}

TEST_CASE("sql scanner: dollar quotes and positional parameters") {
    CHECK(describe("$$?$$ ?") == "dollar[$$?$$] ws marker[?]");
    CHECK(describe("$tag$ ? $x$ ' $tag$?") == "dollar[$tag$ ? $x$ ' $tag$] marker[?]");
    CHECK(describe("$a$ x$b$a$") == "dollar[$a$ x$b$a$]");
    CHECK(describe("$1 $12,$3") == "word[$1] ws word[$12] ,[,] word[$3]");
    CHECK(describe("$1$$?$$") == "word[$1] dollar[$$?$$]");
    CHECK(describe("$ ?") == "other[$] ws marker[?]");
    CHECK(describe("$abc ?") == "other[$] word[abc] ws marker[?]");
    // `$` continues an identifier, so no dollar quote starts inside one.
    CHECK(describe("a$$b ?") == "word[a$$b] ws marker[?]");
    CHECK(describe("$Tag$ x $tag$") == "dollar[$Tag$ x $tag$]!");
}

TEST_CASE("sql scanner: numbers") {
    CHECK(describe("1 1.5 .5 1e10 1.5E-3 1e 1..5")
          == "number[1] ws number[1.5] ws number[.5] ws number[1e10] ws number[1.5E-3] ws "
             "number[1] word[e] ws number[1] punct[.] number[.5]");
    CHECK(describe("0x1F") == "number[0] word[x1F]");
}

TEST_CASE("sql scanner: unterminated constructs run to the end and are flagged") {
    CHECK(describe("SELECT 'abc ?") == "word[SELECT] ws string['abc ?]!");
    CHECK(describe("E'\\") == "string[E'\\]!");
    CHECK(describe("\"abc") == "ident[\"abc]!");
    CHECK(describe("/* /* */ ?") == "comment[/* /* */ ?]!");
    CHECK(describe("$q$ ?") == "dollar[$q$ ?]!");
    CHECK(describe("$$") == "dollar[$$]!");
    CHECK(describe("-- no newline ?") == "comment[-- no newline ?]");
    CHECK(describe("'") == "string[']!");
    CHECK(describe("/*") == "comment[/*]!");
    CHECK(count_markers("? 'x") == 1);
}

TEST_CASE("sql scanner: tokens cover odd bytes exactly") {
    const std::string nul("a\0?\x01\xff\xfe'\0'", 9);
    CHECK(covers_exactly(nul));
    CHECK(count_markers(nul) == 1);
    CHECK(covers_exactly("\xc3\xa9t\xc3\xa9 = ?"));
    CHECK(describe("\xc3\xa9t\xc3\xa9") == "word[\xc3\xa9t\xc3\xa9]");
    CHECK(describe("\\ \x01") == "other[\\] ws other[\x01]");
}

TEST_CASE("sql scanner: every prefix of an opening delimiter is covered") {
    for (const char* text : {"'",  "\"", "$", "$$", "$a", "$a$", "E'",  "U&", "U&'", "/*",
                             "*/", "--", "-", "/",  ".",  "1.",  "1e+", "?",  "e",   "E"}) {
        INFO(text);
        CHECK(covers_exactly(text));
    }
}

TEST_CASE("sql scanner: helpers") {
    const std::string_view sql = "select $7 $ $99999999999999999999999 x";
    const std::vector<Token> tokens = scan(sql);
    CHECK(is_keyword(sql, tokens[0], "SELECT"));
    CHECK_FALSE(is_keyword(sql, tokens[0], "SELEC"));
    CHECK(positional_parameter(sql, tokens[2]) == 7U);
    CHECK_FALSE(positional_parameter(sql, tokens[4]));
    CHECK(positional_parameter(sql, tokens[6]) == static_cast<std::size_t>(-1));
    CHECK_FALSE(positional_parameter(sql, tokens[8]));
}

TEST_SUITE_END();
