#include "types/interval_fields.h"

#include <array>
#include <cstddef>

namespace rsodbc::types::interval {

namespace {

// Indexed by SQL_CODE_* - 1 (== SQL_IS_* - 1 == type - SQL_INTERVAL_YEAR).
// clang-format off
constexpr std::array<Fields, 13> interval_table{{
    {SQL_IS_YEAR,             year,   year},
    {SQL_IS_MONTH,            month,  month},
    {SQL_IS_DAY,              day,    day},
    {SQL_IS_HOUR,             hour,   hour},
    {SQL_IS_MINUTE,           minute, minute},
    {SQL_IS_SECOND,           second, second},
    {SQL_IS_YEAR_TO_MONTH,    year,   month},
    {SQL_IS_DAY_TO_HOUR,      day,    hour},
    {SQL_IS_DAY_TO_MINUTE,    day,    minute},
    {SQL_IS_DAY_TO_SECOND,    day,    second},
    {SQL_IS_HOUR_TO_MINUTE,   hour,   minute},
    {SQL_IS_HOUR_TO_SECOND,   hour,   second},
    {SQL_IS_MINUTE_TO_SECOND, minute, second},
}};

// clang-format on

constexpr bool rows_in_code_order() {
    for (std::size_t i = 0; i < interval_table.size(); ++i) {
        if (static_cast<std::size_t>(interval_table[i].code) != i + 1) {
            return false;
        }
    }
    return true;
}

static_assert(rows_in_code_order(), "one row per interval type, in SQL_CODE_* order");
static_assert(SQL_C_INTERVAL_YEAR == SQL_INTERVAL_YEAR
              && SQL_C_INTERVAL_MINUTE_TO_SECOND == SQL_INTERVAL_MINUTE_TO_SECOND
              && SQL_INTERVAL_YEAR - 1 + SQL_CODE_MINUTE_TO_SECOND
                     == SQL_INTERVAL_MINUTE_TO_SECOND);

}  // namespace

std::optional<Fields> fields_of(SQLSMALLINT type) {
    if (type < SQL_INTERVAL_YEAR || type > SQL_INTERVAL_MINUTE_TO_SECOND) {
        return std::nullopt;
    }
    return interval_table[static_cast<std::size_t>(type - SQL_INTERVAL_YEAR)];
}

}  // namespace rsodbc::types::interval
