#include "sql/escape_functions.h"

#include <array>

namespace rsodbc::sql {

namespace {

using F = FunctionFamily;

// Rule for every row: the translation runs on PostgreSQL 15 (tests/integration/escapes_test.cpp
// executes each claimed row with real values) and uses only functions Redshift documents. Where
// the two servers differ the Redshift template says so. Operands of operators are parenthesised,
// so an argument such as `a + b` keeps its meaning.
// clang-format off
constexpr std::array functions = {
    // String functions (SQL_STRING_FUNCTIONS).
    ScalarFunction{"ASCII",            1, "ASCII(%1)",                       "", F::string, true},
    ScalarFunction{"BIT_LENGTH",       1, "(OCTET_LENGTH(%1) * 8)",          "", F::string, true},
    ScalarFunction{"CHAR",             1, "CHR(%1)",                         "", F::string, true},
    ScalarFunction{"CHAR_LENGTH",      1, "CHAR_LENGTH(%1)",                 "", F::string, true},
    ScalarFunction{"CHARACTER_LENGTH", 1, "CHAR_LENGTH(%1)",                 "", F::string, true},
    ScalarFunction{"CONCAT",           2, "((%1) || (%2))",                  "", F::string, true},
    // INSERT(s, start, length, s2) needs s and start twice: translated, not claimed.
    ScalarFunction{"INSERT",           4,
                   "(SUBSTRING(%1 FROM 1 FOR (%2) - 1) || (%4) || SUBSTRING(%1 FROM (%2) + (%3)))",
                   "", F::string, false},
    ScalarFunction{"LCASE",            1, "LOWER(%1)",                       "", F::string, true},
    ScalarFunction{"LEFT",             2, "LEFT(%1, %2)",                    "", F::string, true},
    // ODBC: "the number of characters ... excluding trailing blanks".
    ScalarFunction{"LENGTH",           1, "CHAR_LENGTH(RTRIM(%1))",          "", F::string, true},
    ScalarFunction{"LOCATE",           2, "POSITION((%1) IN (%2))",          "", F::string, true},
    // The three-argument form searches from `start`; it needs `start` twice: not claimed.
    ScalarFunction{"LOCATE",           3,
                   "(CASE WHEN POSITION((%1) IN SUBSTRING(%2 FROM %3)) = 0 THEN 0 "
                   "ELSE POSITION((%1) IN SUBSTRING(%2 FROM %3)) + (%3) - 1 END)",
                   "", F::string, false},
    ScalarFunction{"LTRIM",            1, "LTRIM(%1)",                       "", F::string, true},
    ScalarFunction{"OCTET_LENGTH",     1, "OCTET_LENGTH(%1)",                "", F::string, true},
    ScalarFunction{"POSITION",        -1, "POSITION(%*)",                    "", F::string, true},
    ScalarFunction{"REPEAT",           2, "REPEAT(%1, %2)",                  "", F::string, true},
    ScalarFunction{"REPLACE",          3, "REPLACE(%1, %2, %3)",             "", F::string, true},
    ScalarFunction{"RIGHT",            2, "RIGHT(%1, %2)",                   "", F::string, true},
    ScalarFunction{"RTRIM",            1, "RTRIM(%1)",                       "", F::string, true},
    ScalarFunction{"SPACE",            1, "REPEAT(' ', %1)",                 "", F::string, true},
    // The SQL-standard FROM/FOR form: Redshift documents no two-argument comma form.
    ScalarFunction{"SUBSTRING",        2, "SUBSTRING(%1 FROM %2)",           "", F::string, true},
    ScalarFunction{"SUBSTRING",        3, "SUBSTRING(%1 FROM %2 FOR %3)",    "", F::string, true},
    ScalarFunction{"UCASE",            1, "UPPER(%1)",                       "", F::string, true},

    // Numeric functions (SQL_NUMERIC_FUNCTIONS). ODBC LOG is the natural logarithm; the servers'
    // LOG is base 10.
    ScalarFunction{"ABS",      1, "ABS(%1)",      "", F::numeric, true},
    ScalarFunction{"ACOS",     1, "ACOS(%1)",     "", F::numeric, true},
    ScalarFunction{"ASIN",     1, "ASIN(%1)",     "", F::numeric, true},
    ScalarFunction{"ATAN",     1, "ATAN(%1)",     "", F::numeric, true},
    ScalarFunction{"ATAN2",    2, "ATAN2(%1, %2)", "", F::numeric, true},
    ScalarFunction{"CEILING",  1, "CEILING(%1)",  "", F::numeric, true},
    ScalarFunction{"COS",      1, "COS(%1)",      "", F::numeric, true},
    ScalarFunction{"COT",      1, "COT(%1)",      "", F::numeric, true},
    ScalarFunction{"DEGREES",  1, "DEGREES(%1)",  "", F::numeric, true},
    ScalarFunction{"EXP",      1, "EXP(%1)",      "", F::numeric, true},
    ScalarFunction{"FLOOR",    1, "FLOOR(%1)",    "", F::numeric, true},
    ScalarFunction{"LOG",      1, "LN(%1)",       "", F::numeric, true},
    ScalarFunction{"LOG10",    1, "LOG(%1)",      "", F::numeric, true},
    ScalarFunction{"MOD",      2, "MOD(%1, %2)",  "", F::numeric, true},
    ScalarFunction{"PI",       0, "PI()",         "", F::numeric, true},
    ScalarFunction{"POWER",    2, "POWER(%1, %2)", "", F::numeric, true},
    ScalarFunction{"RADIANS",  1, "RADIANS(%1)",  "", F::numeric, true},
    // RANDOM() takes no seed, so RAND(seed) would silently ignore it: only RAND() translates.
    ScalarFunction{"RAND",     0, "RANDOM()",     "", F::numeric, false},
    // PostgreSQL has ROUND/TRUNC(x, n) for NUMERIC only; its NUMERIC has no default scale to
    // lose digits to (Redshift's DECIMAL defaults to scale 0, hence no cast there).
    ScalarFunction{"ROUND",    2, "ROUND(CAST(%1 AS NUMERIC), %2)", "ROUND(%1, %2)", F::numeric, true},
    ScalarFunction{"SIGN",     1, "SIGN(%1)",     "", F::numeric, true},
    ScalarFunction{"SIN",      1, "SIN(%1)",      "", F::numeric, true},
    ScalarFunction{"SQRT",     1, "SQRT(%1)",     "", F::numeric, true},
    ScalarFunction{"TAN",      1, "TAN(%1)",      "", F::numeric, true},
    ScalarFunction{"TRUNCATE", 2, "TRUNC(CAST(%1 AS NUMERIC), %2)", "TRUNC(%1, %2)", F::numeric, true},

    // Time and date functions (SQL_TIMEDATE_FUNCTIONS). EXTRACT gives numeric on PostgreSQL 14+
    // and integer on Redshift; ODBC says integer, so the fields are cast. Redshift runs NOW-like
    // functions only on the leader node; SYSDATE (transaction start, like PostgreSQL's
    // LOCALTIMESTAMP) runs everywhere.
    ScalarFunction{"CURDATE",           0, "CURRENT_DATE",     "", F::timedate, true},
    ScalarFunction{"CURRENT_DATE",      0, "CURRENT_DATE",     "", F::timedate, true},
    ScalarFunction{"CURTIME",           0, "LOCALTIME",        "CAST(SYSDATE AS TIME)", F::timedate, true},
    ScalarFunction{"CURRENT_TIME",      0, "LOCALTIME",        "CAST(SYSDATE AS TIME)", F::timedate, true},
    ScalarFunction{"CURRENT_TIME",      1, "LOCALTIME(%1)",    "CAST(SYSDATE AS TIME)", F::timedate, true},
    ScalarFunction{"CURRENT_TIMESTAMP", 0, "LOCALTIMESTAMP",   "SYSDATE", F::timedate, true},
    ScalarFunction{"CURRENT_TIMESTAMP", 1, "LOCALTIMESTAMP(%1)", "SYSDATE", F::timedate, true},
    ScalarFunction{"NOW",               0, "LOCALTIMESTAMP",   "SYSDATE", F::timedate, true},
    ScalarFunction{"DAYNAME",    1, "TRIM(TO_CHAR(%1, 'Day'))",                   "", F::timedate, true},
    ScalarFunction{"MONTHNAME",  1, "TRIM(TO_CHAR(%1, 'Month'))",                 "", F::timedate, true},
    ScalarFunction{"DAYOFMONTH", 1, "CAST(EXTRACT(DAY FROM %1) AS INTEGER)",       "", F::timedate, true},
    // ODBC: 1 = Sunday; DOW: 0 = Sunday.
    ScalarFunction{"DAYOFWEEK",  1, "(CAST(EXTRACT(DOW FROM %1) AS INTEGER) + 1)", "", F::timedate, true},
    ScalarFunction{"DAYOFYEAR",  1, "CAST(EXTRACT(DOY FROM %1) AS INTEGER)",       "", F::timedate, true},
    ScalarFunction{"HOUR",       1, "CAST(EXTRACT(HOUR FROM %1) AS INTEGER)",      "", F::timedate, true},
    ScalarFunction{"MINUTE",     1, "CAST(EXTRACT(MINUTE FROM %1) AS INTEGER)",    "", F::timedate, true},
    ScalarFunction{"MONTH",      1, "CAST(EXTRACT(MONTH FROM %1) AS INTEGER)",     "", F::timedate, true},
    ScalarFunction{"QUARTER",    1, "CAST(EXTRACT(QUARTER FROM %1) AS INTEGER)",   "", F::timedate, true},
    // Whole seconds: a cast alone would round 59.9 up to 60.
    ScalarFunction{"SECOND",     1, "CAST(FLOOR(EXTRACT(SECOND FROM %1)) AS INTEGER)", "", F::timedate, true},
    // ISO 8601 week number (weeks start on Monday; 1 January may belong to week 52 or 53).
    ScalarFunction{"WEEK",       1, "CAST(EXTRACT(WEEK FROM %1) AS INTEGER)",      "", F::timedate, true},
    ScalarFunction{"YEAR",       1, "CAST(EXTRACT(YEAR FROM %1) AS INTEGER)",      "", F::timedate, true},
    ScalarFunction{"EXTRACT",   -1, "EXTRACT(%*)",                                 "", F::timedate, true},
    // Templates come from interval_units(); the translator handles these two by name.
    ScalarFunction{"TIMESTAMPADD",  3, "", "", F::timedate, true},
    ScalarFunction{"TIMESTAMPDIFF", 3, "", "", F::timedate, true},

    // System functions (SQL_SYSTEM_FUNCTIONS).
    ScalarFunction{"DATABASE", 0, "CURRENT_DATABASE()", "", F::system, true},
    ScalarFunction{"IFNULL",   2, "COALESCE(%1, %2)",   "", F::system, true},
    ScalarFunction{"USER",     0, "CURRENT_USER",       "", F::system, true},
};

// TIMESTAMPDIFF on PostgreSQL counts whole units elapsed from %2 to %3, truncated toward zero
// (Redshift's DATEDIFF counts unit boundaries crossed instead: DATEDIFF(day, 23:00, 01:00 next
// day) is 1 there, 0 here). Each timestamp appears once and in order: the difference is taken as
// -(%2 - %3), and month-based units read AGE() once through a scalar subquery.
#define RSODBC_SECONDS(divisor)                                                                  \
    "CAST(TRUNC(-EXTRACT(EPOCH FROM (CAST(%2 AS TIMESTAMP) - CAST(%3 AS TIMESTAMP))) / " divisor \
    ") AS BIGINT)"
#define RSODBC_MONTHS(divisor)                                                                \
    "(SELECT CAST(-(EXTRACT(YEAR FROM rsodbc_v) * 12 + EXTRACT(MONTH FROM rsodbc_v)) AS BIGINT)" \
    " / " divisor " FROM (SELECT AGE(CAST(%2 AS TIMESTAMP), CAST(%3 AS TIMESTAMP)) AS rsodbc_v)" \
    " AS rsodbc_age)"
constexpr std::array units = {
    IntervalUnit{"SQL_TSI_SECOND",  "((%2) * INTERVAL '1 second' + (%3))", RSODBC_SECONDS("1"),      "second"},
    IntervalUnit{"SQL_TSI_MINUTE",  "((%2) * INTERVAL '1 minute' + (%3))", RSODBC_SECONDS("60"),     "minute"},
    IntervalUnit{"SQL_TSI_HOUR",    "((%2) * INTERVAL '1 hour' + (%3))",   RSODBC_SECONDS("3600"),   "hour"},
    IntervalUnit{"SQL_TSI_DAY",     "((%2) * INTERVAL '1 day' + (%3))",    RSODBC_SECONDS("86400"),  "day"},
    IntervalUnit{"SQL_TSI_WEEK",    "((%2) * INTERVAL '7 day' + (%3))",    RSODBC_SECONDS("604800"), "week"},
    IntervalUnit{"SQL_TSI_MONTH",   "((%2) * INTERVAL '1 month' + (%3))",  RSODBC_MONTHS("1"),       "month"},
    IntervalUnit{"SQL_TSI_QUARTER", "((%2) * INTERVAL '3 month' + (%3))",  RSODBC_MONTHS("3"),       "quarter"},
    IntervalUnit{"SQL_TSI_YEAR",    "((%2) * INTERVAL '1 year' + (%3))",   RSODBC_MONTHS("12"),      "year"},
};
#undef RSODBC_SECONDS
#undef RSODBC_MONTHS

// Character targets: PostgreSQL's VARCHAR without a length is unbounded, Redshift's is 256 bytes.
// Exact numerics: Redshift's DECIMAL defaults to (18,0), which would drop every fraction.
constexpr std::array targets = {
    ConvertTarget{"SQL_BIGINT",         "BIGINT",           ""},
    ConvertTarget{"SQL_BINARY",         "BYTEA",            "VARBYTE"},
    ConvertTarget{"SQL_VARBINARY",      "BYTEA",            "VARBYTE"},
    ConvertTarget{"SQL_LONGVARBINARY",  "BYTEA",            "VARBYTE"},
    ConvertTarget{"SQL_BIT",            "BOOLEAN",          ""},
    ConvertTarget{"SQL_CHAR",           "VARCHAR",          "VARCHAR(65535)"},
    ConvertTarget{"SQL_VARCHAR",        "VARCHAR",          "VARCHAR(65535)"},
    ConvertTarget{"SQL_LONGVARCHAR",    "VARCHAR",          "VARCHAR(65535)"},
    ConvertTarget{"SQL_WCHAR",          "VARCHAR",          "VARCHAR(65535)"},
    ConvertTarget{"SQL_WVARCHAR",       "VARCHAR",          "VARCHAR(65535)"},
    ConvertTarget{"SQL_WLONGVARCHAR",   "VARCHAR",          "VARCHAR(65535)"},
    ConvertTarget{"SQL_DECIMAL",        "NUMERIC",          "DECIMAL(38,18)"},
    ConvertTarget{"SQL_NUMERIC",        "NUMERIC",          "DECIMAL(38,18)"},
    ConvertTarget{"SQL_DOUBLE",         "DOUBLE PRECISION", ""},
    ConvertTarget{"SQL_FLOAT",          "DOUBLE PRECISION", ""},
    ConvertTarget{"SQL_REAL",           "REAL",             ""},
    ConvertTarget{"SQL_INTEGER",        "INTEGER",          ""},
    ConvertTarget{"SQL_SMALLINT",       "SMALLINT",         ""},
    ConvertTarget{"SQL_TINYINT",        "SMALLINT",         ""},
    ConvertTarget{"SQL_DATE",           "DATE",             ""},
    ConvertTarget{"SQL_TYPE_DATE",      "DATE",             ""},
    ConvertTarget{"SQL_TIME",           "TIME",             ""},
    ConvertTarget{"SQL_TYPE_TIME",      "TIME",             ""},
    ConvertTarget{"SQL_TIMESTAMP",      "TIMESTAMP",        ""},
    ConvertTarget{"SQL_TYPE_TIMESTAMP", "TIMESTAMP",        ""},
    ConvertTarget{"SQL_INTERVAL_YEAR",             "INTERVAL YEAR",             ""},
    ConvertTarget{"SQL_INTERVAL_MONTH",            "INTERVAL MONTH",            ""},
    ConvertTarget{"SQL_INTERVAL_YEAR_TO_MONTH",    "INTERVAL YEAR TO MONTH",    ""},
    ConvertTarget{"SQL_INTERVAL_DAY",              "INTERVAL DAY",              ""},
    ConvertTarget{"SQL_INTERVAL_HOUR",             "INTERVAL HOUR",             ""},
    ConvertTarget{"SQL_INTERVAL_MINUTE",           "INTERVAL MINUTE",           ""},
    ConvertTarget{"SQL_INTERVAL_SECOND",           "INTERVAL SECOND",           ""},
    ConvertTarget{"SQL_INTERVAL_DAY_TO_HOUR",      "INTERVAL DAY TO HOUR",      ""},
    ConvertTarget{"SQL_INTERVAL_DAY_TO_MINUTE",    "INTERVAL DAY TO MINUTE",    ""},
    ConvertTarget{"SQL_INTERVAL_DAY_TO_SECOND",    "INTERVAL DAY TO SECOND",    ""},
    ConvertTarget{"SQL_INTERVAL_HOUR_TO_MINUTE",   "INTERVAL HOUR TO MINUTE",   ""},
    ConvertTarget{"SQL_INTERVAL_HOUR_TO_SECOND",   "INTERVAL HOUR TO SECOND",   ""},
    ConvertTarget{"SQL_INTERVAL_MINUTE_TO_SECOND", "INTERVAL MINUTE TO SECOND", ""},
};
// clang-format on

}  // namespace

bool equals_upper(std::string_view a, std::string_view upper) {
    if (a.size() != upper.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        const char c = a[i];
        const char folded = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        if (folded != upper[i]) {
            return false;
        }
    }
    return true;
}

std::span<const ScalarFunction> scalar_functions() {
    return functions;
}

std::span<const IntervalUnit> interval_units() {
    return units;
}

std::span<const ConvertTarget> convert_targets() {
    return targets;
}

const ScalarFunction* find_scalar_function(std::string_view name, int arity) {
    for (const ScalarFunction& function : functions) {
        if ((function.arity == arity || function.arity == -1)
            && equals_upper(name, function.name)) {
            return &function;
        }
    }
    return nullptr;
}

const IntervalUnit* find_interval_unit(std::string_view name) {
    for (const IntervalUnit& unit : units) {
        if (equals_upper(name, unit.name)) {
            return &unit;
        }
    }
    return nullptr;
}

const ConvertTarget* find_convert_target(std::string_view name) {
    for (const ConvertTarget& target : targets) {
        if (equals_upper(name, target.name)) {
            return &target;
        }
    }
    return nullptr;
}

}  // namespace rsodbc::sql
