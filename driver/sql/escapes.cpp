#include "sql/escapes.h"

#include "sql/escape_functions.h"
#include "sql/sql_error.h"

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rsodbc::sql {

namespace {

enum class EscapeKind {
    plain,  // `{` with no escape keyword: copied as it stands
    function,
    date,
    time,
    timestamp,
    outer_join,
    call,
    call_with_return,
    like_escape,
    interval,
    guid
};

struct Keyword {
    std::string_view word;
    EscapeKind kind;
};

constexpr std::array<Keyword, 9> keywords = {{{"FN", EscapeKind::function},
                                              {"D", EscapeKind::date},
                                              {"T", EscapeKind::time},
                                              {"TS", EscapeKind::timestamp},
                                              {"OJ", EscapeKind::outer_join},
                                              {"CALL", EscapeKind::call},
                                              {"ESCAPE", EscapeKind::like_escape},
                                              {"INTERVAL", EscapeKind::interval},
                                              {"GUID", EscapeKind::guid}}};

// An open escape: its text so far, already translated where escapes nested in it were closed.
struct Frame {
    EscapeKind kind = EscapeKind::plain;
    std::size_t open_at = 0;  // offset of its `{` in the application's text
    std::string body;
    bool after_translation = false;
};

// Whether two bytes, side by side, could read as one token where an escape's braces kept them
// apart: word bytes (`SELECT{fn PI()}`), a word and a quote (`x'..'` is a bit string, `E'..'`,
// `U&'..'`), two quotes (`'a''b'` is one literal), two operator bytes (`--` starts a comment,
// `<=` is one operator).
bool would_join(char left, char right) {
    constexpr std::string_view operators = "~!@#^&|`+-*/%<>=.:?";
    if (joins_parameter(left)) {
        return joins_parameter(right) || right == '\'' || right == '"' || right == '&';
    }
    if (left == right && (left == '\'' || left == '"')) {
        return true;
    }
    return operators.find(left) != std::string_view::npos
           && operators.find(right) != std::string_view::npos;
}

// Appends text; a translation never merges with its neighbours.
void append(Frame& frame, std::string_view text, bool translation) {
    if (text.empty()) {
        frame.after_translation = frame.after_translation || translation;
        return;
    }
    if ((translation || frame.after_translation) && !frame.body.empty()
        && would_join(frame.body.back(), text.front())) {
        frame.body += ' ';
    }
    frame.body += text;
    frame.after_translation = translation;
}

// A piece of escape text between its significant tokens, without surrounding whitespace. A
// trailing `--` comment keeps a newline, or it would swallow what the template puts after it.
std::string trimmed(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                    std::size_t last) {
    while (first < last && tokens[first].kind == TokenKind::whitespace) {
        ++first;
    }
    while (last > first && tokens[last - 1].kind == TokenKind::whitespace) {
        --last;
    }
    if (first == last) {
        return {};
    }
    std::string out(text.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin));
    if (tokens[last - 1].kind == TokenKind::comment
        && token_text(text, tokens[last - 1]).starts_with("--")) {
        out += '\n';
    }
    return out;
}

struct Argument {
    std::string text;
    bool has_marker = false;
};

struct FunctionCall {
    std::string_view name;
    std::vector<Argument> arguments;
    std::string inner;  // everything between the parentheses
};

Argument argument(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                  std::size_t last) {
    Argument out{trimmed(text, tokens, first, last), false};
    for (std::size_t i = first; i < last; ++i) {
        out.has_marker = out.has_marker || tokens[i].kind == TokenKind::marker;
    }
    return out;
}

std::size_t skip_insignificant(const std::vector<Token>& tokens, std::size_t i) {
    while (i < tokens.size() && is_insignificant(tokens[i])) {
        ++i;
    }
    return i;
}

// `name`, `name()` or `name(a, b, ...)` with nothing after it; nullopt for anything else.
std::optional<FunctionCall> parse_call(std::string_view body, const std::vector<Token>& tokens) {
    std::size_t i = skip_insignificant(tokens, 0);
    if (i == tokens.size() || tokens[i].kind != TokenKind::word) {
        return std::nullopt;
    }
    FunctionCall call{token_text(body, tokens[i]), {}, {}};
    i = skip_insignificant(tokens, i + 1);
    if (i == tokens.size()) {
        return call;
    }
    if (tokens[i].kind != TokenKind::open_paren) {
        return std::nullopt;
    }
    const std::size_t open = i;
    std::size_t depth = 0;
    std::size_t start = open + 1;
    for (; i < tokens.size(); ++i) {
        const TokenKind kind = tokens[i].kind;
        depth += kind == TokenKind::open_paren ? 1 : 0;
        if (kind == TokenKind::close_paren && --depth == 0) {
            break;
        }
        if (kind == TokenKind::comma && depth == 1) {
            call.arguments.push_back(argument(body, tokens, start, i));
            start = i + 1;
        }
    }
    if (i == tokens.size() || skip_insignificant(tokens, i + 1) != tokens.size()) {
        return std::nullopt;
    }
    call.arguments.push_back(argument(body, tokens, start, i));
    if (call.arguments.size() == 1 && call.arguments[0].text.empty()) {
        call.arguments.clear();  // name()
    }
    call.inner = body.substr(tokens[open].end, tokens[i].begin - tokens[open].end);
    return call;
}

[[noreturn]] void refuse_marker(const FunctionCall& call, std::size_t at) {
    throw SqlTextError("{fn " + std::string(call.name)
                           + "} repeats, reorders or drops one of its arguments when translated, "
                             "so that argument cannot hold a ? parameter marker",
                       at);
}

// Fills %1..%9 and %*. Markers must come out once each and in their order, or the numbering
// that follows would give a value to the wrong place.
std::string expand(std::string_view pattern, const FunctionCall& call, std::size_t at) {
    std::string out;
    out.reserve(pattern.size() + call.inner.size());
    std::size_t next_marker_argument = 0;  // arguments before it have had their markers
    std::vector<int> uses(call.arguments.size(), 0);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        const char n = i + 1 < pattern.size() ? pattern[i + 1] : '\0';
        if (c == '%' && n == '*') {
            out += call.inner;
            ++i;
        } else if (c == '%' && n >= '1' && n <= '9') {
            const auto index = static_cast<std::size_t>(n - '1');
            const Argument& argument = call.arguments.at(index);
            if (argument.has_marker) {
                if (uses[index] > 0 || index < next_marker_argument) {
                    refuse_marker(call, at);
                }
                next_marker_argument = index + 1;
            }
            ++uses[index];
            out += argument.text;
            ++i;
        } else {
            out += c;
        }
    }
    for (std::size_t i = 0; i < call.arguments.size(); ++i) {
        if (call.arguments[i].has_marker && uses[i] == 0
            && pattern.find("%*") == std::string_view::npos) {
            refuse_marker(call, at);
        }
    }
    return out;
}

// The template for a call, or nullopt when the driver does not translate it.
std::optional<std::string> pattern_for(const FunctionCall& call, bool redshift) {
    const std::size_t count = call.arguments.size();
    const bool add = equals_upper(call.name, "TIMESTAMPADD");
    if ((add || equals_upper(call.name, "TIMESTAMPDIFF")) && count == 3) {
        const IntervalUnit* unit = find_interval_unit(call.arguments[0].text);
        if (unit == nullptr) {
            return std::nullopt;
        }
        if (redshift) {
            return std::string(add ? "DATEADD(" : "DATEDIFF(")
                   + std::string(unit->redshift_datepart) + ", %2, %3)";
        }
        return std::string(add ? unit->add_postgresql : unit->diff_postgresql);
    }
    if (equals_upper(call.name, "CONVERT") && count == 2) {
        const ConvertTarget* target = find_convert_target(call.arguments[1].text);
        if (target == nullptr) {
            return std::nullopt;
        }
        const std::string_view type =
            redshift && !target->redshift.empty() ? target->redshift : target->postgresql;
        return "CAST(%1 AS " + std::string(type) + ")";
    }
    const ScalarFunction* function = find_scalar_function(call.name, static_cast<int>(count));
    if (function == nullptr || function->postgresql.empty()) {
        return std::nullopt;
    }
    return std::string(redshift && !function->redshift.empty() ? function->redshift
                                                               : function->postgresql);
}

class Translator {
public:
    Translator(std::string_view sql, const EscapeOptions& options)
        : sql_(sql), options_(options), tokens_(scan(sql, options.scan)) {}

    std::string run();

private:
    Frame& current() { return open_.empty() ? root_ : open_.back(); }

    [[nodiscard]] std::size_t next_significant(std::size_t i) const {
        return skip_insignificant(tokens_, i);
    }

    [[nodiscard]] bool is_word(std::size_t i, std::string_view upper) const {
        return i < tokens_.size() && is_keyword(sql_, tokens_[i], upper);
    }

    std::size_t open(std::size_t i);
    void close(std::size_t i);
    [[nodiscard]] std::string render(const Frame& frame) const;
    [[nodiscard]] std::string function(const Frame& frame) const;
    [[nodiscard]] std::string required(const Frame& frame, const char* message) const;
    [[nodiscard]] std::string literal(const Frame& frame, std::string_view escape) const;
    [[nodiscard]] std::string procedure(const Frame& frame) const;
    [[nodiscard]] std::string interval(const Frame& frame) const;

    std::string_view sql_;
    const EscapeOptions& options_;
    std::vector<Token> tokens_;
    Frame root_;
    std::vector<Frame> open_;  // an explicit stack: nesting never recurses
};

std::string Translator::run() {
    std::size_t i = 0;
    while (i < tokens_.size()) {
        const Token& token = tokens_[i];
        if (token.kind == TokenKind::open_brace) {
            i = open(i);
            continue;
        }
        if (token.kind == TokenKind::close_brace) {
            close(i);
        } else {
            append(current(), token_text(sql_, token), false);
        }
        ++i;
    }
    if (!open_.empty()) {
        throw SqlTextError("unbalanced braces: the { of an ODBC escape is never closed",
                           open_.back().open_at);
    }
    return std::move(root_.body);
}

// Pushes the escape the `{` at token i opens; returns the index of its first body token.
std::size_t Translator::open(std::size_t i) {
    const std::size_t at = tokens_[i].begin;
    if (open_.size() >= max_escape_depth) {
        throw SqlTextError(
            "ODBC escapes nested more than " + std::to_string(max_escape_depth) + " deep", at);
    }
    const std::size_t j = next_significant(i + 1);
    if (j < tokens_.size() && tokens_[j].kind == TokenKind::marker) {
        const std::size_t equals = next_significant(j + 1);
        const std::size_t call = next_significant(equals + 1);
        if (equals >= tokens_.size() || token_text(sql_, tokens_[equals]) != "="
            || !is_word(call, "CALL")) {
            throw SqlTextError("an ODBC escape that starts with ? must read {?= call proc(...)}",
                               at);
        }
        open_.push_back(Frame{EscapeKind::call_with_return, at, {}, false});
        return call + 1;
    }
    for (const Keyword& keyword : keywords) {
        if (is_word(j, keyword.word)) {
            open_.push_back(Frame{keyword.kind, at, {}, false});
            return j + 1;
        }
    }
    open_.push_back(Frame{EscapeKind::plain, at, {}, false});
    return i + 1;
}

void Translator::close(std::size_t i) {
    if (open_.empty()) {
        throw SqlTextError("unbalanced braces: this } closes no ODBC escape", tokens_[i].begin);
    }
    const Frame frame = std::move(open_.back());
    open_.pop_back();
    append(current(), render(frame), frame.kind != EscapeKind::plain);
}

std::string Translator::render(const Frame& frame) const {
    switch (frame.kind) {
        case EscapeKind::plain:
            return "{" + frame.body + "}";
        case EscapeKind::function:
            return function(frame);
        case EscapeKind::date:
            return "DATE " + literal(frame, "{d '2024-01-31'}");
        case EscapeKind::time:
            return "TIME " + literal(frame, "{t '13:45:00'}");
        case EscapeKind::timestamp:
            return "TIMESTAMP " + literal(frame, "{ts '2024-01-31 13:45:00'}");
        case EscapeKind::guid:
            return literal(frame, "{guid '01234567-89ab-cdef-0123-456789abcdef'}");
        case EscapeKind::like_escape:
            return "ESCAPE " + literal(frame, "{escape '\\'}");
        case EscapeKind::outer_join:
            return required(frame,
                            "{oj} needs a join, as in {oj a LEFT OUTER JOIN b ON a.k = b.k}");
        case EscapeKind::call:
            return "CALL " + procedure(frame);
        case EscapeKind::call_with_return:
            return "SELECT " + procedure(frame);
        case EscapeKind::interval:
            return interval(frame);
    }
    return frame.body;
}

std::string Translator::function(const Frame& frame) const {
    const std::vector<Token> tokens = scan(frame.body, options_.scan);
    const std::optional<FunctionCall> call = parse_call(frame.body, tokens);
    if (call) {
        if (const std::optional<std::string> pattern = pattern_for(*call, options_.redshift)) {
            return expand(*pattern, *call, frame.open_at);
        }
    }
    // Unknown functions go to the server as written: it may know them (SOUNDEX on Redshift).
    return required(frame, "{fn} needs a function, as in {fn UCASE(name)}");
}

// The escape's text without surrounding whitespace; empty is an error.
std::string Translator::required(const Frame& frame, const char* message) const {
    const std::vector<Token> tokens = scan(frame.body, options_.scan);
    std::string text = trimmed(frame.body, tokens, 0, tokens.size());
    if (text.empty()) {
        throw SqlTextError(message, frame.open_at);
    }
    return text;
}

// The one quoted literal a {d}, {t}, {ts}, {guid} or {escape} escape holds.
std::string Translator::literal(const Frame& frame, std::string_view example) const {
    const std::vector<Token> tokens = scan(frame.body, options_.scan);
    const std::size_t i = skip_insignificant(tokens, 0);
    if (i == tokens.size() || tokens[i].kind != TokenKind::string_literal || tokens[i].unterminated
        || frame.body[tokens[i].begin] != '\''
        || skip_insignificant(tokens, i + 1) != tokens.size()) {
        throw SqlTextError(
            "this ODBC escape takes one quoted literal, as in " + std::string(example),
            frame.open_at);
    }
    return std::string(token_text(frame.body, tokens[i]));
}

// {call proc(...)} and {?= call f(...)}: PostgreSQL and Redshift need the parentheses even
// without arguments.
std::string Translator::procedure(const Frame& frame) const {
    const std::vector<Token> tokens = scan(frame.body, options_.scan);
    std::string text = required(frame, "{call} needs a procedure name, as in {call proc(?)}");
    bool parenthesised = false;
    for (const Token& token : tokens) {
        parenthesised = parenthesised || token.kind == TokenKind::open_paren;
    }
    if (!parenthesised) {
        text += "()";
    }
    return text;
}

// {interval [+|-] 'value' qualifier} -> INTERVAL 'value' qualifier; a minus becomes a negation
// in parentheses (`1-{interval - '1' day}` must not turn into a `--` comment).
std::string Translator::interval(const Frame& frame) const {
    const std::vector<Token> tokens = scan(frame.body, options_.scan);
    std::size_t i = skip_insignificant(tokens, 0);
    bool negative = false;
    if (i < tokens.size() && tokens[i].kind == TokenKind::punctuation) {
        const std::string_view sign = token_text(frame.body, tokens[i]);
        negative = sign == "-";
        i = (sign == "-" || sign == "+") ? skip_insignificant(tokens, i + 1) : i;
    }
    if (i == tokens.size() || tokens[i].kind != TokenKind::string_literal || tokens[i].unterminated
        || frame.body[tokens[i].begin] != '\'') {
        throw SqlTextError(
            "the {interval} escape takes a quoted value and a qualifier, as in "
            "{interval '3' DAY}",
            frame.open_at);
    }
    std::string text = "INTERVAL " + std::string(token_text(frame.body, tokens[i]));
    const std::string qualifier = trimmed(frame.body, tokens, i + 1, tokens.size());
    if (!qualifier.empty()) {
        text += ' ' + qualifier;
    }
    return negative ? "(-" + text + ")" : text;
}

bool starts_with_folded(std::string_view text, std::string_view lower) {
    if (text.size() < lower.size()) {
        return false;
    }
    for (std::size_t i = 0; i < lower.size(); ++i) {
        const char c = text[i];
        if (((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c) != lower[i]) {
            return false;
        }
    }
    return true;
}

// Long forms -> `{` ... `}`. The opener looks like a line comment and the closer's `--` too, so
// both are recognised where a token would start, before the scanner reads them as comments;
// after either, scanning resumes as SQL. Linear: nothing is scanned twice.
std::string short_form(std::string_view sql, const ScanOptions& options) {
    std::string out;
    out.reserve(sql.size());
    std::size_t depth = 0;
    std::size_t base = 0;  // where the current scanner starts in `sql`
    std::size_t next = 0;  // where its next token starts
    Scanner scanner(sql, options);
    Token token;
    for (;;) {
        const std::string_view rest = sql.substr(next);
        const bool opens = starts_with_folded(rest, long_form_open);
        if (opens || (depth > 0 && rest.starts_with(long_form_close))) {
            out += opens ? '{' : '}';
            depth = opens ? depth + 1 : depth - 1;
            next += opens ? long_form_open.size() : long_form_close.size();
            base = next;
            scanner = Scanner(sql.substr(base), options);
            continue;
        }
        if (!scanner.next(token)) {
            return out;
        }
        out += sql.substr(base + token.begin, token.end - token.begin);
        next = base + token.end;
    }
}

}  // namespace

std::string translate_escapes(std::string_view sql, const EscapeOptions& options) {
    if (sql.find("--(*") != std::string_view::npos) {
        const std::string braced = short_form(sql, options.scan);
        return Translator(braced, options).run();
    }
    return Translator(sql, options).run();
}

}  // namespace rsodbc::sql
