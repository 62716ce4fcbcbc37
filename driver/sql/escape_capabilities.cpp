#include "sql/escape_capabilities.h"

#include "sql/escape_functions.h"

#include <sqlext.h>

#include <array>
#include <span>
#include <string_view>

namespace rsodbc::sql {

namespace {

struct Bit {
    std::string_view name;
    std::uint32_t bit;
};

// ODBC's own names for its bits (sqlext.h): a spelling table, not a claim. What is claimed comes
// from scalar_functions() and interval_units() only.
// clang-format off
constexpr std::array bits = {
    Bit{"ASCII", SQL_FN_STR_ASCII},               Bit{"BIT_LENGTH", SQL_FN_STR_BIT_LENGTH},
    Bit{"CHAR", SQL_FN_STR_CHAR},                 Bit{"CHAR_LENGTH", SQL_FN_STR_CHAR_LENGTH},
    Bit{"CHARACTER_LENGTH", SQL_FN_STR_CHARACTER_LENGTH},
    Bit{"CONCAT", SQL_FN_STR_CONCAT},             Bit{"DIFFERENCE", SQL_FN_STR_DIFFERENCE},
    Bit{"INSERT", SQL_FN_STR_INSERT},             Bit{"LCASE", SQL_FN_STR_LCASE},
    Bit{"LEFT", SQL_FN_STR_LEFT},                 Bit{"LENGTH", SQL_FN_STR_LENGTH},
    Bit{"LTRIM", SQL_FN_STR_LTRIM},               Bit{"OCTET_LENGTH", SQL_FN_STR_OCTET_LENGTH},
    Bit{"POSITION", SQL_FN_STR_POSITION},         Bit{"REPEAT", SQL_FN_STR_REPEAT},
    Bit{"REPLACE", SQL_FN_STR_REPLACE},           Bit{"RIGHT", SQL_FN_STR_RIGHT},
    Bit{"RTRIM", SQL_FN_STR_RTRIM},               Bit{"SOUNDEX", SQL_FN_STR_SOUNDEX},
    Bit{"SPACE", SQL_FN_STR_SPACE},               Bit{"SUBSTRING", SQL_FN_STR_SUBSTRING},
    Bit{"UCASE", SQL_FN_STR_UCASE},

    Bit{"ABS", SQL_FN_NUM_ABS},         Bit{"ACOS", SQL_FN_NUM_ACOS},     Bit{"ASIN", SQL_FN_NUM_ASIN},
    Bit{"ATAN", SQL_FN_NUM_ATAN},       Bit{"ATAN2", SQL_FN_NUM_ATAN2},   Bit{"CEILING", SQL_FN_NUM_CEILING},
    Bit{"COS", SQL_FN_NUM_COS},         Bit{"COT", SQL_FN_NUM_COT},       Bit{"DEGREES", SQL_FN_NUM_DEGREES},
    Bit{"EXP", SQL_FN_NUM_EXP},         Bit{"FLOOR", SQL_FN_NUM_FLOOR},   Bit{"LOG", SQL_FN_NUM_LOG},
    Bit{"LOG10", SQL_FN_NUM_LOG10},     Bit{"MOD", SQL_FN_NUM_MOD},       Bit{"PI", SQL_FN_NUM_PI},
    Bit{"POWER", SQL_FN_NUM_POWER},     Bit{"RADIANS", SQL_FN_NUM_RADIANS}, Bit{"RAND", SQL_FN_NUM_RAND},
    Bit{"ROUND", SQL_FN_NUM_ROUND},     Bit{"SIGN", SQL_FN_NUM_SIGN},     Bit{"SIN", SQL_FN_NUM_SIN},
    Bit{"SQRT", SQL_FN_NUM_SQRT},       Bit{"TAN", SQL_FN_NUM_TAN},       Bit{"TRUNCATE", SQL_FN_NUM_TRUNCATE},

    Bit{"CURRENT_DATE", SQL_FN_TD_CURRENT_DATE}, Bit{"CURRENT_TIME", SQL_FN_TD_CURRENT_TIME},
    Bit{"CURRENT_TIMESTAMP", SQL_FN_TD_CURRENT_TIMESTAMP},
    Bit{"CURDATE", SQL_FN_TD_CURDATE},       Bit{"CURTIME", SQL_FN_TD_CURTIME},
    Bit{"DAYNAME", SQL_FN_TD_DAYNAME},       Bit{"DAYOFMONTH", SQL_FN_TD_DAYOFMONTH},
    Bit{"DAYOFWEEK", SQL_FN_TD_DAYOFWEEK},   Bit{"DAYOFYEAR", SQL_FN_TD_DAYOFYEAR},
    Bit{"EXTRACT", SQL_FN_TD_EXTRACT},       Bit{"HOUR", SQL_FN_TD_HOUR},
    Bit{"MINUTE", SQL_FN_TD_MINUTE},         Bit{"MONTH", SQL_FN_TD_MONTH},
    Bit{"MONTHNAME", SQL_FN_TD_MONTHNAME},   Bit{"NOW", SQL_FN_TD_NOW},
    Bit{"QUARTER", SQL_FN_TD_QUARTER},       Bit{"SECOND", SQL_FN_TD_SECOND},
    Bit{"TIMESTAMPADD", SQL_FN_TD_TIMESTAMPADD}, Bit{"TIMESTAMPDIFF", SQL_FN_TD_TIMESTAMPDIFF},
    Bit{"WEEK", SQL_FN_TD_WEEK},             Bit{"YEAR", SQL_FN_TD_YEAR},

    Bit{"DATABASE", SQL_FN_SYS_DBNAME}, Bit{"IFNULL", SQL_FN_SYS_IFNULL}, Bit{"USER", SQL_FN_SYS_USERNAME},
};

constexpr std::array unit_bits = {
    Bit{"SQL_TSI_FRAC_SECOND", SQL_FN_TSI_FRAC_SECOND}, Bit{"SQL_TSI_SECOND", SQL_FN_TSI_SECOND},
    Bit{"SQL_TSI_MINUTE", SQL_FN_TSI_MINUTE},           Bit{"SQL_TSI_HOUR", SQL_FN_TSI_HOUR},
    Bit{"SQL_TSI_DAY", SQL_FN_TSI_DAY},                 Bit{"SQL_TSI_WEEK", SQL_FN_TSI_WEEK},
    Bit{"SQL_TSI_MONTH", SQL_FN_TSI_MONTH},             Bit{"SQL_TSI_QUARTER", SQL_FN_TSI_QUARTER},
    Bit{"SQL_TSI_YEAR", SQL_FN_TSI_YEAR},
};

// clang-format on

std::uint32_t bit_of(std::string_view name, std::span<const Bit> table) {
    for (const Bit& entry : table) {
        if (entry.name == name) {
            return entry.bit;
        }
    }
    return 0;
}

}  // namespace

std::uint32_t function_bit(std::string_view name, int arity) {
    if (name == "LOCATE") {
        return arity == 2 ? SQL_FN_STR_LOCATE_2 : SQL_FN_STR_LOCATE;
    }
    return bit_of(name, bits);
}

EscapeCapabilities escape_capabilities() {
    EscapeCapabilities out;
    for (const ScalarFunction& function : scalar_functions()) {
        if (!function.claimed) {
            continue;
        }
        const std::uint32_t bit = function_bit(function.name, function.arity);
        switch (function.family) {
            case FunctionFamily::string:
                out.string_functions |= bit;
                break;
            case FunctionFamily::numeric:
                out.numeric_functions |= bit;
                break;
            case FunctionFamily::timedate:
                out.timedate_functions |= bit;
                break;
            case FunctionFamily::system:
                out.system_functions |= bit;
                break;
        }
    }
    for (const IntervalUnit& unit : interval_units()) {
        out.timedate_add_intervals |= bit_of(unit.name, unit_bits);
        out.timedate_diff_intervals |= bit_of(unit.name, unit_bits);
    }
    // CAST is the servers' own syntax and passes through untouched; CONVERT is translated.
    out.convert_functions = SQL_FN_CVT_CAST | (convert_targets().empty() ? 0U : SQL_FN_CVT_CONVERT);
    return out;
}

}  // namespace rsodbc::sql
