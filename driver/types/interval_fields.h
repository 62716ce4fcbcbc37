#pragma once
// The one model of an interval type's fields, for both directions (server text -> SQL_C_INTERVAL_*
// structs in to_c/interval.cpp, structs and literals -> parameter text in from_c/interval.cpp).
#include <sql.h>
#include <sqlext.h>

#include <optional>

namespace rsodbc::types::interval {

// In the order of SQL_CODE_YEAR ... SQL_CODE_SECOND (1 ... 6), so a loop can step through the
// fields from the leading to the trailing one.
enum Field : int { year = 1, month, day, hour, minute, second };

struct Fields {
    SQLINTERVAL code;  // SQL_IS_YEAR ... SQL_IS_MINUTE_TO_SECOND
    Field leading;
    Field trailing;
};

// The fields of an interval SQL type or C type (they share their codes:
// SQL_C_INTERVAL_DAY == SQL_INTERVAL_DAY); nullopt for every other type.
[[nodiscard]] std::optional<Fields> fields_of(SQLSMALLINT type);

}  // namespace rsodbc::types::interval
