// RowSpool: rows read ahead come back in order, byte for byte, NULLs and empty strings apart,
// whether they stayed in memory or went to the temporary file (a limit of a few bytes spills
// nearly everything).
#include "wire/row_spool.h"

#include "wire/built_result.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

using rsodbc::wire::build_result;
using rsodbc::wire::BuiltRow;
using rsodbc::wire::RowSpool;

namespace {

std::vector<BuiltRow> sample_rows(int count) {
    std::vector<BuiltRow> rows;
    for (int i = 0; i < count; ++i) {
        std::string text(static_cast<std::size_t>(i % 50), 'x');
        text += std::to_string(i);
        text += std::string("\0nul", 4);  // cells are lengths, not C strings
        rows.push_back(
            {std::to_string(i), i % 3 == 0 ? std::nullopt : std::optional(text), std::string()});
    }
    return rows;
}

void check_round_trip(std::size_t limit, int count) {
    const std::vector<BuiltRow> rows = sample_rows(count);
    const auto result = build_result({{"id"}, {"text"}, {"empty"}}, rows);
    RowSpool spool(3, limit);
    for (int i = 0; i < count; ++i) {
        spool.append(result.get(), i);
    }
    CHECK(spool.rows() == static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        CAPTURE(i);
        REQUIRE(spool.next());
        for (std::size_t column = 0; column < 3; ++column) {
            const auto& expected = rows[static_cast<std::size_t>(i)][column];
            CHECK(spool.cell(column).is_null == !expected.has_value());
            if (expected) {
                CHECK(spool.cell(column).text == *expected);
            }
        }
    }
    CHECK_FALSE(spool.next());
}

}  // namespace

TEST_CASE("row spool: everything in memory without a limit") {
    const auto result = build_result({{"a"}}, {{std::string("1")}});
    RowSpool spool(1, 0);
    spool.append(result.get(), 0);
    CHECK(spool.spilled_rows() == 0);
    check_round_trip(0, 500);
}

TEST_CASE("row spool: rows above the limit go to the file and come back in order") {
    check_round_trip(64, 2000);
    const auto result = build_result({{"a"}}, {{std::string("abc")}, {std::string("def")}});
    RowSpool spool(1, 1);
    spool.append(result.get(), 0);  // fills memory past its 1-byte limit
    spool.append(result.get(), 1);
    CHECK(spool.spilled_rows() == 1);
    REQUIRE(spool.next());
    CHECK(spool.cell(0).text == "abc");
    REQUIRE(spool.next());
    CHECK(spool.cell(0).text == "def");
    CHECK_FALSE(spool.next());
}

TEST_CASE("row spool: an empty spool has no rows") {
    RowSpool spool(2, 10);
    CHECK(spool.rows() == 0);
    CHECK_FALSE(spool.next());
}
