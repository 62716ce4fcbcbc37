#include "catalog/name_filter.h"

#include <cctype>

namespace rsodbc::catalog {

std::string QueryParameters::add(std::string value) {
    values_.push_back(std::move(value));
    // Appended rather than "$" + to_string(...): GCC 12 at -O3 reports a -Wrestrict false positive
    // for operator+(const char*, string&&) (GCC bug 105329).
    std::string marker("$");
    marker += std::to_string(values_.size());
    return marker;
}

namespace {

bool blank(char c) {
    return c == ' ' || c == '\t';
}

}  // namespace

std::string identifier_value(std::string_view text) {
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (end > begin && blank(text[end - 1])) {
        --end;
    }
    std::size_t quoted_begin = begin;
    while (quoted_begin < end && blank(text[quoted_begin])) {
        ++quoted_begin;
    }
    if (end - quoted_begin >= 2 && text[quoted_begin] == '"' && text[end - 1] == '"') {
        std::string out;
        for (std::size_t i = quoted_begin + 1; i + 1 < end; ++i) {
            out.push_back(text[i]);
            if (text[i] == '"' && i + 2 < end && text[i + 1] == '"') {
                ++i;  // "" inside quotes is one quote
            }
        }
        return out;
    }
    // Both servers fold unquoted names to lower case (ODBC's "upper case" is the DBMS's case).
    std::string out(text.substr(begin, end - begin));
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::string like_pattern(std::string_view pattern) {
    std::string out;
    out.reserve(pattern.size() + 1);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        out.push_back(pattern[i]);
        if (pattern[i] == '\\') {
            if (i + 1 < pattern.size()) {
                out.push_back(pattern[++i]);
            } else {
                out.push_back('\\');
            }
        }
    }
    return out;
}

std::optional<std::string> pattern_literal(std::string_view pattern) {
    std::string out;
    out.reserve(pattern.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '%' || pattern[i] == '_') {
            return std::nullopt;
        }
        if (pattern[i] == '\\' && i + 1 < pattern.size()) {
            ++i;  // the escaped character, taken literally (a trailing lone escape is itself)
        }
        out.push_back(pattern[i]);
    }
    return out;
}

std::string name_predicate(std::string_view column_sql, const std::optional<std::string>& argument,
                           ArgumentKind kind, bool metadata_id, QueryParameters& parameters) {
    if (!argument) {
        return "TRUE";
    }
    const std::string column(column_sql);
    if (metadata_id) {
        return column + " = " + parameters.add(identifier_value(*argument));
    }
    if (kind == ArgumentKind::pattern) {
        // A pattern without wildcards names one object: equality lets the server use its
        // name index in a generic plan, so a prepared catalog query called per table (SQLColumns
        // from a BI tool) stops being planned again on every call.
        if (auto literal = pattern_literal(*argument)) {
            return column + " = " + parameters.add(std::move(*literal));
        }
        return column + " LIKE " + parameters.add(like_pattern(*argument));
    }
    return column + " = " + parameters.add(*argument);
}

}  // namespace rsodbc::catalog
