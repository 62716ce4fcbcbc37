#include "catalog/info_conversions.h"

#include <sqlucode.h>

#include <array>

namespace rsodbc::catalog {

namespace {

constexpr SQLUINTEGER characters = SQL_CVT_CHAR | SQL_CVT_VARCHAR | SQL_CVT_LONGVARCHAR
                                   | SQL_CVT_WCHAR | SQL_CVT_WVARCHAR | SQL_CVT_WLONGVARCHAR;
constexpr SQLUINTEGER numbers = SQL_CVT_NUMERIC | SQL_CVT_DECIMAL | SQL_CVT_INTEGER
                                | SQL_CVT_SMALLINT | SQL_CVT_BIGINT | SQL_CVT_REAL | SQL_CVT_FLOAT
                                | SQL_CVT_DOUBLE | SQL_CVT_TINYINT;
constexpr SQLUINTEGER datetimes = SQL_CVT_DATE | SQL_CVT_TIME | SQL_CVT_TIMESTAMP;
constexpr SQLUINTEGER binaries = SQL_CVT_BINARY | SQL_CVT_VARBINARY | SQL_CVT_LONGVARBINARY;
constexpr SQLUINTEGER intervals = SQL_CVT_INTERVAL_YEAR_MONTH | SQL_CVT_INTERVAL_DAY_TIME;

struct Conversion {
    SQLUSMALLINT info_type;
    SQLUINTEGER postgres;
    SQLUINTEGER redshift;
};

// Character sources reach every type whose input syntax they can spell.
constexpr SQLUINTEGER from_text_redshift =
    characters | numbers | SQL_CVT_BIT | datetimes | intervals;
constexpr SQLUINTEGER from_text_postgres = from_text_redshift | binaries | SQL_CVT_GUID;

// Redshift has no CAST from BOOLEAN to text and no UUID; PostgreSQL's int4 is the only integer
// type with a cast to boolean. Binary sources reach text (hex on Redshift, escaped on
// PostgreSQL).
constexpr std::array conversions = {
    Conversion{SQL_CONVERT_CHAR, from_text_postgres, from_text_redshift},
    Conversion{SQL_CONVERT_VARCHAR, from_text_postgres, from_text_redshift},
    Conversion{SQL_CONVERT_LONGVARCHAR, from_text_postgres, from_text_redshift},
    Conversion{SQL_CONVERT_WCHAR, from_text_postgres, from_text_redshift},
    Conversion{SQL_CONVERT_WVARCHAR, from_text_postgres, from_text_redshift},
    Conversion{SQL_CONVERT_WLONGVARCHAR, from_text_postgres, from_text_redshift},
    Conversion{SQL_CONVERT_NUMERIC, characters | numbers, characters | numbers},
    Conversion{SQL_CONVERT_DECIMAL, characters | numbers, characters | numbers},
    Conversion{SQL_CONVERT_INTEGER, characters | numbers | SQL_CVT_BIT, characters | numbers},
    Conversion{SQL_CONVERT_SMALLINT, characters | numbers, characters | numbers},
    Conversion{SQL_CONVERT_TINYINT, characters | numbers, characters | numbers},
    Conversion{SQL_CONVERT_BIGINT, characters | numbers, characters | numbers},
    Conversion{SQL_CONVERT_REAL, characters | numbers, characters | numbers},
    Conversion{SQL_CONVERT_FLOAT, characters | numbers, characters | numbers},
    Conversion{SQL_CONVERT_DOUBLE, characters | numbers, characters | numbers},
    Conversion{SQL_CONVERT_BIT, characters | SQL_CVT_BIT | SQL_CVT_INTEGER, SQL_CVT_BIT},
    Conversion{SQL_CONVERT_DATE, characters | SQL_CVT_DATE | SQL_CVT_TIMESTAMP,
               characters | SQL_CVT_DATE | SQL_CVT_TIMESTAMP},
    Conversion{SQL_CONVERT_TIME, characters | SQL_CVT_TIME | SQL_CVT_INTERVAL_DAY_TIME,
               characters | SQL_CVT_TIME},
    Conversion{SQL_CONVERT_TIMESTAMP, characters | datetimes, characters | datetimes},
    Conversion{SQL_CONVERT_BINARY, characters | binaries, characters | binaries},
    Conversion{SQL_CONVERT_VARBINARY, characters | binaries, characters | binaries},
    Conversion{SQL_CONVERT_LONGVARBINARY, characters | binaries, characters | binaries},
    Conversion{SQL_CONVERT_INTERVAL_YEAR_MONTH, characters | intervals,
               characters | SQL_CVT_INTERVAL_YEAR_MONTH},
    Conversion{SQL_CONVERT_INTERVAL_DAY_TIME, characters | intervals | SQL_CVT_TIME,
               characters | SQL_CVT_INTERVAL_DAY_TIME},
    Conversion{SQL_CONVERT_GUID, characters | SQL_CVT_GUID, 0},
};

}  // namespace

std::optional<SQLUINTEGER> conversion_targets(SQLUSMALLINT info_type, bool redshift) {
    for (const auto& conversion : conversions) {
        if (conversion.info_type == info_type) {
            return redshift ? conversion.redshift : conversion.postgres;
        }
    }
    return std::nullopt;
}

}  // namespace rsodbc::catalog
