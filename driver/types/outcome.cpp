#include "types/outcome.h"

#include "odbc/sqlstate.h"

#include <array>

namespace rsodbc::types {

namespace {

struct OutcomeRow {
    Outcome outcome;
    std::string_view name;
    std::string_view sqlstate;
};

// clang-format off
constexpr std::array<OutcomeRow, 10> outcome_table{{
    {Outcome::ok,                      "ok",                      ""},
    {Outcome::truncated,               "truncated",               sqlstate::string_data_right_truncated},
    {Outcome::fractional_truncation,   "fractional_truncation",   sqlstate::fractional_truncation},
    {Outcome::string_right_truncated,  "string_right_truncated",  sqlstate::string_data_too_long},
    {Outcome::out_of_range,            "out_of_range",            sqlstate::numeric_value_out_of_range},
    {Outcome::invalid_character,       "invalid_character",       sqlstate::invalid_character_value},
    {Outcome::invalid_datetime_format, "invalid_datetime_format", sqlstate::invalid_datetime_format},
    {Outcome::datetime_overflow,       "datetime_overflow",       sqlstate::datetime_field_overflow},
    {Outcome::interval_field_overflow, "interval_field_overflow", sqlstate::interval_field_overflow},
    {Outcome::unsupported,             "unsupported",             sqlstate::restricted_data_type},
}};

// clang-format on

constexpr bool rows_in_enum_order() {
    for (std::size_t i = 0; i < outcome_table.size(); ++i) {
        if (static_cast<std::size_t>(outcome_table[i].outcome) != i) {
            return false;
        }
    }
    return true;
}

static_assert(rows_in_enum_order(), "one row per Outcome, in the enum's order");
static_assert(static_cast<std::size_t>(Outcome::unsupported) + 1 == outcome_table.size());

const OutcomeRow& row_of(Outcome outcome) {
    return outcome_table.at(static_cast<std::size_t>(outcome));
}

}  // namespace

std::string_view sqlstate_of(Outcome outcome) {
    return row_of(outcome).sqlstate;
}

std::string_view name_of(Outcome outcome) {
    return row_of(outcome).name;
}

}  // namespace rsodbc::types
