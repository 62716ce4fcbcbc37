// The README's keyword reference is generated from the keyword table, so the two cannot drift:
// this test fails when they differ, and RSODBC_UPDATE_README=1 rewrites the README's section.
#include "config/keywords.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace config = rsodbc::config;

namespace {

constexpr std::string_view begin_marker =
    "<!-- keyword tables: generated from driver/config/keywords.cpp; "
    "RSODBC_UPDATE_README=1 build/plain/tests/unit/unit_tests -tc='README keyword tables' -->";
constexpr std::string_view end_marker = "<!-- end of keyword tables -->";

std::string aliases_of(const config::Keyword& keyword) {
    std::string out;
    for (std::string_view alias : keyword.aliases) {
        out += (out.empty() ? "`" : ", `") + std::string(alias) + "`";
    }
    return out;
}

std::string code_or_empty(std::string_view text) {
    return text.empty() ? std::string() : "`" + std::string(text) + "`";
}

std::string render() {
    std::ostringstream out;
    out << begin_marker << "\n\n";
    out << "| Keyword | Aliases | Default | Also in | Meaning |\n|---|---|---|---|---|\n";
    for (const config::Keyword& keyword : config::all_keywords()) {
        if (keyword.support != config::Support::implemented) {
            continue;
        }
        out << "| `" << keyword.name << "` | " << aliases_of(keyword) << " | "
            << code_or_empty(keyword.default_value) << " | " << keyword.origin << " | "
            << keyword.doc << " |\n";
    }
    out << "\nOther drivers' keywords that this driver recognises without using: **ignored** "
           "ones need nothing (the driver always behaves as they ask), **not supported** ones "
           "name a feature this driver lacks and give warning 01S00 with the reason when set.\n\n";
    out << "| Keyword | Aliases | From | | Why |\n|---|---|---|---|---|\n";
    for (const config::Keyword& keyword : config::all_keywords()) {
        if (keyword.support == config::Support::implemented) {
            continue;
        }
        out << "| `" << keyword.name << "` | " << aliases_of(keyword) << " | " << keyword.origin
            << " | " << (keyword.support == config::Support::ignored ? "ignored" : "not supported")
            << " | " << keyword.doc << " |\n";
    }
    out << "\n" << end_marker;
    return out.str();
}

}  // namespace

TEST_CASE("README keyword tables") {
    const std::string path = std::string(RSODBC_SOURCE_DIR) + "/README.md";
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string readme = buffer.str();
    const std::size_t begin = readme.find(begin_marker);
    const std::size_t end = readme.find(end_marker);
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    const std::string current = readme.substr(begin, end + end_marker.size() - begin);
    const std::string expected = render();
    const char* update = std::getenv("RSODBC_UPDATE_README");
    if (current != expected && update != nullptr && std::string_view(update) == "1") {
        readme.replace(begin, current.size(), expected);
        std::ofstream(path, std::ios::binary | std::ios::trunc) << readme;
        MESSAGE("README.md keyword tables rewritten");
        return;
    }
    CHECK_MESSAGE(current == expected,
                  "README.md's keyword tables differ from driver/config/keywords.cpp; run with "
                  "RSODBC_UPDATE_README=1 to rewrite them");
}
