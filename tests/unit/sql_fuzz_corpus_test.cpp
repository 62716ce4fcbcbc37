// Replays tests/fuzz/corpus/<target>/ through the fuzz targets' property checks, so every build
// (g++, no libFuzzer) re-checks the seeds and every input a fuzzer ever found.
#include "../fuzz/param_text_properties.h"
#include "../fuzz/properties.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace {

// RSODBC_SOURCE_DIR (set by CMake) rather than __FILE__: under ccache's base directory __FILE__
// is relative, and the test then passed only when started from its build directory.
std::filesystem::path corpus_dir(std::string_view target) {
    return std::filesystem::path(RSODBC_SOURCE_DIR) / "tests" / "fuzz" / "corpus" / target;
}

template <class Check>
void replay(std::string_view target, Check check) {
    const std::filesystem::path dir = corpus_dir(target);
    REQUIRE_MESSAGE(std::filesystem::is_directory(dir), "no corpus at " << dir.string());
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.is_regular_file()) {
            files.push_back(entry.path());
        }
    }
    CHECK_FALSE(files.empty());
    for (const std::filesystem::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        const std::string data{std::istreambuf_iterator<char>(in),
                               std::istreambuf_iterator<char>()};
        INFO("corpus file " << file.string());
        CHECK_NOTHROW(check(data));
    }
}

}  // namespace

TEST_SUITE_BEGIN("sql fuzz corpus");

TEST_CASE("sql fuzz corpus: fuzz_scanner") {
    replay("fuzz_scanner", rsodbc::fuzz::check_scanner);
}

TEST_CASE("sql fuzz corpus: fuzz_placeholders") {
    replay("fuzz_placeholders", rsodbc::fuzz::check_placeholders);
}

TEST_CASE("sql fuzz corpus: fuzz_ddl_targets") {
    replay("fuzz_ddl_targets", rsodbc::fuzz::check_ddl_targets);
}

TEST_CASE("sql fuzz corpus: fuzz_insert_values") {
    replay("fuzz_insert_values", rsodbc::fuzz::check_insert_values);
}

TEST_CASE("sql fuzz corpus: fuzz_escapes") {
    replay("fuzz_escapes", rsodbc::fuzz::check_escapes);
}

TEST_CASE("sql fuzz corpus: fuzz_param_text") {
    replay("fuzz_param_text", rsodbc::fuzz::check_param_text);
}

TEST_SUITE_END();
