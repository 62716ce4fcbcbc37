#include "sql/placeholders.h"

#include "sql/sql_error.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <utility>

namespace rsodbc::sql {

void append_parameter(std::string& out, std::size_t number, char before, char after) {
    if (joins_parameter(before)) {
        out += ' ';
    }
    // 20 digits hold any std::size_t.
    char digits[24];
    const auto result = std::to_chars(std::begin(digits), std::end(digits), number);
    out += '$';
    out.append(std::begin(digits), result.ptr);
    if (joins_parameter(after)) {
        out += ' ';
    }
}

PreparedText number_markers(std::string_view sql) {
    return number_markers(sql, ScanOptions{});
}

PreparedText number_markers(std::string_view sql, const ScanOptions& options) {
    return number_markers(sql, scan(sql, options));
}

namespace {

[[noreturn]] void throw_out_of_range(std::string_view sql, const Token& token) {
    throw SqlTextError("parameter number " + std::string(token_text(sql, token))
                           + " is out of range (the largest is $65535)",
                       token.begin);
}

}  // namespace

std::size_t highest_positional_parameter(std::string_view sql, const std::vector<Token>& tokens) {
    std::size_t highest = 0;
    for (const Token& token : tokens) {
        if (const auto number = positional_parameter(sql, token)) {
            if (*number > max_parameter_number) {
                throw_out_of_range(sql, token);
            }
            highest = std::max(highest, *number);
        }
    }
    return highest;
}

PreparedText number_markers(std::string_view sql, const std::vector<Token>& tokens) {
    std::string out;
    std::size_t markers = 0;
    std::size_t highest = 0;
    std::size_t first_marker = 0;
    std::size_t first_positional = std::string_view::npos;
    std::size_t copied = 0;
    for (const Token& token : tokens) {
        if (token.kind == TokenKind::marker) {
            if (markers == 0) {
                first_marker = token.begin;
                out.reserve(sql.size() + 16);
            }
            out.append(sql.substr(copied, token.begin - copied));
            ++markers;
            const char before = token.begin > 0 ? sql[token.begin - 1] : ' ';
            const char after = token.end < sql.size() ? sql[token.end] : ' ';
            append_parameter(out, markers, before, after);
            copied = token.end;
        } else if (const auto number = positional_parameter(sql, token)) {
            if (*number > max_parameter_number) {
                throw_out_of_range(sql, token);
            }
            first_positional = std::min(first_positional, token.begin);
            highest = std::max(highest, *number);
        }
    }
    if (markers > 0 && first_positional != std::string_view::npos) {
        // Numbering the `?` around an explicit $n would silently give two values one number.
        throw SqlTextError("the statement mixes ? parameter markers and $n parameters",
                           std::max(first_marker, first_positional));
    }
    if (markers == 0) {
        return PreparedText{std::string(sql), highest};
    }
    out.append(sql.substr(copied));
    return PreparedText{std::move(out), markers};
}

}  // namespace rsodbc::sql
