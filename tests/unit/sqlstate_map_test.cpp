#include "wire/sqlstate_map.h"

#include <doctest/doctest.h>

#include <string_view>
#include <utility>

using rsodbc::wire::odbc_sqlstate_for;

TEST_CASE("exact server codes") {
    // clang-format off
    constexpr std::pair<std::string_view, std::string_view> cases[] = {
        {"28P01", "28000"}, {"28000", "28000"},
        {"42601", "42000"}, {"42501", "42000"}, {"42883", "42000"},
        {"42P01", "42S02"}, {"42P07", "42S01"}, {"42703", "42S22"}, {"42701", "42S21"},
        {"42P03", "3C000"},
        {"23505", "23000"}, {"23503", "23000"}, {"23502", "23000"},
        {"22001", "22001"}, {"22003", "22003"}, {"22012", "22012"},
        {"22007", "22007"}, {"22008", "22008"}, {"22P02", "22018"},
        {"40001", "40001"}, {"40P01", "40001"},
        {"57014", "HY008"},
        {"08006", "08S01"}, {"08P01", "08S01"}, {"57P01", "08S01"},
        {"25P02", "25000"}, {"25006", "25000"},
        {"3D000", "3D000"}, {"3F000", "3F000"},
        {"0A000", "0A000"},
        {"01003", "01003"}, {"01P01", "01000"}, {"00000", "01000"},
    };
    // clang-format on
    for (const auto& [server, odbc] : cases) {
        CAPTURE(server);
        CHECK(odbc_sqlstate_for(server) == odbc);
    }
}

TEST_CASE("unknown and malformed codes are general errors") {
    CHECK(odbc_sqlstate_for("XX000") == "HY000");
    CHECK(odbc_sqlstate_for("53200") == "HY000");
    CHECK(odbc_sqlstate_for("22023") == "HY000");
    CHECK(odbc_sqlstate_for("") == "HY000");
    CHECK(odbc_sqlstate_for("42") == "HY000");
    CHECK(odbc_sqlstate_for("4260") == "HY000");
    CHECK(odbc_sqlstate_for("426011") == "HY000");
}
