#include "catalog/table_types.h"

#include <cctype>

namespace rsodbc::catalog {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
        text.remove_suffix(1);
    }
    return text;
}

std::string normalized(std::string_view item) {
    item = trim(item);
    if (item.size() >= 2 && item.front() == '\'' && item.back() == '\'') {
        item = trim(item.substr(1, item.size() - 2));
    }
    std::string out(item);
    for (char& c : out) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

}  // namespace

std::vector<std::string> parse_table_types(const std::optional<std::string>& argument) {
    std::vector<std::string> types;
    if (!argument) {
        return types;
    }
    std::string_view rest(*argument);
    while (true) {
        const std::size_t comma = rest.find(',');
        std::string item = normalized(rest.substr(0, comma));
        if (item == "%") {
            return {};
        }
        if (!item.empty()) {
            types.push_back(std::move(item));
        }
        if (comma == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(comma + 1);
    }
    return types;
}

}  // namespace rsodbc::catalog
