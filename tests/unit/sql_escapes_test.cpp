#include "sql/escape_capabilities.h"
#include "sql/escape_functions.h"
#include "sql/escapes.h"
#include "sql/placeholders.h"
#include "sql/sql_error.h"

#include <doctest/doctest.h>
#include <sqlext.h>

#include <string>
#include <vector>

using rsodbc::sql::EscapeOptions;
using rsodbc::sql::SqlTextError;
using rsodbc::sql::translate_escapes;

namespace {

std::string pg(std::string_view sql) {
    return translate_escapes(sql);
}

std::string rs(std::string_view sql) {
    return translate_escapes(sql, EscapeOptions{{}, true});
}

// The message of the SqlTextError `sql` throws ("" when it translates).
std::string error_of(std::string_view sql) {
    try {
        translate_escapes(sql);
    } catch (const SqlTextError& error) {
        return error.what();
    }
    return {};
}

std::size_t error_offset(std::string_view sql) {
    try {
        translate_escapes(sql);
    } catch (const SqlTextError& error) {
        return error.offset;
    }
    return std::string::npos;
}

}  // namespace

TEST_SUITE_BEGIN("sql escapes");

TEST_CASE("sql escapes: text without escapes is unchanged and the fast path sees no brace") {
    CHECK_FALSE(rsodbc::sql::may_contain_escapes("SELECT a, b FROM t WHERE c = ?"));
    CHECK(rsodbc::sql::may_contain_escapes("SELECT '{'"));
    CHECK(pg("SELECT a FROM t WHERE b = ? -- c") == "SELECT a FROM t WHERE b = ? -- c");
    CHECK(pg("") == "");
}

TEST_CASE("sql escapes: date, time, timestamp, guid literals with and without spaces") {
    CHECK(pg("SELECT {d '2024-01-31'}") == "SELECT DATE '2024-01-31'");
    CHECK(pg("SELECT {t '13:45:00'}") == "SELECT TIME '13:45:00'");
    CHECK(pg("SELECT {ts '2024-01-31 13:45:00.5'}") == "SELECT TIMESTAMP '2024-01-31 13:45:00.5'");
    CHECK(pg("SELECT {ts'2024-01-31 13:45:00'}") == "SELECT TIMESTAMP '2024-01-31 13:45:00'");
    CHECK(pg("SELECT { D\t'2024-01-31' }") == "SELECT DATE '2024-01-31'");
    CHECK(pg("SELECT {TS '2024-01-31 00:00:00'}") == "SELECT TIMESTAMP '2024-01-31 00:00:00'");
    CHECK(pg("SELECT {guid '01234567-89ab-cdef-0123-456789abcdef'}")
          == "SELECT '01234567-89ab-cdef-0123-456789abcdef'");
}

TEST_CASE("sql escapes: outer joins, LIKE escape characters and intervals") {
    CHECK(pg("SELECT * FROM {oj a LEFT OUTER JOIN b ON a.id = b.id}")
          == "SELECT * FROM a LEFT OUTER JOIN b ON a.id = b.id");
    CHECK(pg("SELECT * FROM {oj {oj a LEFT JOIN b ON a.i = b.i} RIGHT JOIN c ON c.i = a.i}")
          == "SELECT * FROM a LEFT JOIN b ON a.i = b.i RIGHT JOIN c ON c.i = a.i");
    CHECK(pg("WHERE n LIKE '\\%%' {escape '\\'}") == "WHERE n LIKE '\\%%' ESCAPE '\\'");
    CHECK(pg("SELECT {interval '3' DAY}") == "SELECT INTERVAL '3' DAY");
    CHECK(pg("SELECT {INTERVAL '1-2' YEAR TO MONTH}") == "SELECT INTERVAL '1-2' YEAR TO MONTH");
    CHECK(pg("SELECT {interval + '5' MINUTE}") == "SELECT INTERVAL '5' MINUTE");
    // A minus must not meet another minus: 1-{interval - ...} would read as a comment.
    CHECK(pg("SELECT d-{interval - '1' DAY}") == "SELECT d-(-INTERVAL '1' DAY)");
}

TEST_CASE("sql escapes: procedure calls") {
    CHECK(pg("{call p(?, ?)}") == "CALL p(?, ?)");
    CHECK(pg("{CALL s.p}") == "CALL s.p()");
    CHECK(pg(" { call p ( 1 ) } ") == " CALL p ( 1 ) ");
    // The return marker is dropped: the value is the one column of the SELECT.
    CHECK(pg("{?= call f(?)}") == "SELECT f(?)");
    CHECK(pg("{ ? = CALL f }") == "SELECT f()");
    CHECK(rsodbc::sql::number_markers(pg("{?= call f(?, ?)}")).marker_count == 2);
}

TEST_CASE("sql escapes: string functions") {
    CHECK(pg("SELECT {fn UCASE(name)}") == "SELECT UPPER(name)");
    CHECK(pg("SELECT {fn lcase(name)}") == "SELECT LOWER(name)");
    CHECK(pg("SELECT {fn CONCAT(a, b)}") == "SELECT ((a) || (b))");
    CHECK(pg("SELECT {fn LENGTH(s)}") == "SELECT CHAR_LENGTH(RTRIM(s))");
    CHECK(pg("SELECT {fn LOCATE('b', s)}") == "SELECT POSITION(('b') IN (s))");
    CHECK(pg("SELECT {fn SUBSTRING(s, 2, 3)}") == "SELECT SUBSTRING(s FROM 2 FOR 3)");
    CHECK(pg("SELECT {fn SUBSTRING(s, 2)}") == "SELECT SUBSTRING(s FROM 2)");
    CHECK(pg("SELECT {fn SPACE(3)}") == "SELECT REPEAT(' ', 3)");
    CHECK(pg("SELECT {fn CHAR(65)}") == "SELECT CHR(65)");
    CHECK(pg("SELECT {fn POSITION('b' IN s)}") == "SELECT POSITION('b' IN s)");
    CHECK(pg("SELECT {fn LEFT(s, 2)}, {fn RIGHT(s, 2)}") == "SELECT LEFT(s, 2), RIGHT(s, 2)");
    CHECK(pg("SELECT {fn REPLACE(s, 'a', 'b')}") == "SELECT REPLACE(s, 'a', 'b')");
}

TEST_CASE("sql escapes: numeric, system and time/date functions") {
    CHECK(pg("SELECT {fn LOG(x)}, {fn LOG10(x)}") == "SELECT LN(x), LOG(x)");
    CHECK(pg("SELECT {fn CEILING(x)}, {fn PI()}") == "SELECT CEILING(x), PI()");
    CHECK(pg("SELECT {fn ROUND(x, 2)}") == "SELECT ROUND(CAST(x AS NUMERIC), 2)");
    CHECK(rs("SELECT {fn ROUND(x, 2)}") == "SELECT ROUND(x, 2)");
    CHECK(pg("SELECT {fn TRUNCATE(x, 1)}") == "SELECT TRUNC(CAST(x AS NUMERIC), 1)");
    CHECK(pg("SELECT {fn RAND()}") == "SELECT RANDOM()");
    CHECK(pg("SELECT {fn IFNULL(a, 0)}") == "SELECT COALESCE(a, 0)");
    CHECK(pg("SELECT {fn DATABASE()}, {fn USER()}") == "SELECT CURRENT_DATABASE(), CURRENT_USER");
    CHECK(pg("SELECT {fn NOW()}, {fn CURDATE()}") == "SELECT LOCALTIMESTAMP, CURRENT_DATE");
    CHECK(rs("SELECT {fn NOW()}, {fn CURTIME()}") == "SELECT SYSDATE, CAST(SYSDATE AS TIME)");
    CHECK(pg("SELECT {fn CURDATE}") == "SELECT CURRENT_DATE");
    CHECK(pg("SELECT {fn DAYOFWEEK(d)}") == "SELECT (CAST(EXTRACT(DOW FROM d) AS INTEGER) + 1)");
    CHECK(pg("SELECT {fn YEAR(d)}") == "SELECT CAST(EXTRACT(YEAR FROM d) AS INTEGER)");
    CHECK(pg("SELECT {fn EXTRACT(YEAR FROM d)}") == "SELECT EXTRACT(YEAR FROM d)");
    CHECK(pg("SELECT {fn MONTHNAME(d)}") == "SELECT TRIM(TO_CHAR(d, 'Month'))");
}

TEST_CASE("sql escapes: TIMESTAMPADD, TIMESTAMPDIFF and CONVERT per server") {
    CHECK(pg("{fn TIMESTAMPADD(SQL_TSI_DAY, 2, ts)}") == "((2) * INTERVAL '1 day' + (ts))");
    CHECK(rs("{fn TIMESTAMPADD(sql_tsi_day, 2, ts)}") == "DATEADD(day, 2, ts)");
    CHECK(rs("{fn TIMESTAMPDIFF(SQL_TSI_QUARTER, a, b)}") == "DATEDIFF(quarter, a, b)");
    const std::string diff = pg("{fn TIMESTAMPDIFF(SQL_TSI_HOUR, a, b)}");
    CHECK(diff.find("3600") != std::string::npos);
    CHECK(diff.find("a") < diff.find("b"));  // each argument once, in order
    CHECK(pg("{fn CONVERT(x, SQL_INTEGER)}") == "CAST(x AS INTEGER)");
    CHECK(pg("{fn CONVERT(x, SQL_VARCHAR)}") == "CAST(x AS VARCHAR)");
    CHECK(rs("{fn CONVERT(x, SQL_VARCHAR)}") == "CAST(x AS VARCHAR(65535))");
    CHECK(rs("{fn CONVERT(x, SQL_LONGVARBINARY)}") == "CAST(x AS VARBYTE)");
    CHECK(pg("{fn convert(x, sql_bit)}") == "CAST(x AS BOOLEAN)");
    // Unknown units and types pass through for the server to judge.
    CHECK(pg("{fn TIMESTAMPADD(SQL_TSI_FRAC_SECOND, 2, ts)}")
          == "TIMESTAMPADD(SQL_TSI_FRAC_SECOND, 2, ts)");
    CHECK(pg("{fn CONVERT(x, SQL_GUID)}") == "CONVERT(x, SQL_GUID)");
}

TEST_CASE("sql escapes: nesting, markers and unknown functions") {
    CHECK(pg("SELECT {fn UCASE({fn LTRIM(x)})}") == "SELECT UPPER(LTRIM(x))");
    CHECK(pg("SELECT {fn CONCAT({fn UCASE(?)}, {fn CONCAT(?, ?)})}")
          == "SELECT ((UPPER(?)) || (((?) || (?))))");
    CHECK(pg("SELECT {fn SOUNDEX(name)}") == "SELECT SOUNDEX(name)");
    CHECK(pg("SELECT {fn my_func(1, {fn UCASE('a')})}") == "SELECT my_func(1, UPPER('a'))");
    CHECK(pg("SELECT {fn UCASE(x)} FROM t") == "SELECT UPPER(x) FROM t");
    // A translation never joins an identifier next to it.
    CHECK(pg("SELECT{fn PI()}AS x") == "SELECT PI()AS x");
    CHECK(pg("SELECT{d '2024-01-01'}") == "SELECT DATE '2024-01-01'");
    // ... nor a prefix and a quote (x'..' is a bit string), two quotes, or two operator bytes.
    CHECK(pg("SELECT {fn x}'a'") == "SELECT x 'a'");
    CHECK(pg("SELECT E{guid 'a'}") == "SELECT E 'a'");
    CHECK(pg("SELECT {d '2024-01-01'}'a'") == "SELECT DATE '2024-01-01' 'a'");
    CHECK(pg("SELECT {oj a -}-1") == "SELECT a - -1");
    // A trailing line comment in an argument keeps its newline.
    CHECK(pg("SELECT {fn UCASE(x -- why\n)}") == "SELECT UPPER(x -- why\n)");
    // Unknown escape keywords stay as written.
    CHECK(pg("SELECT {vendor x}") == "SELECT {vendor x}");
}

TEST_CASE("sql escapes: braces in literals, identifiers, dollar quotes and comments are text") {
    const std::string quoted =
        "SELECT '{fn UCASE(x)}', E'{d \\'x\\'}', \"{ts\", $$ {oj } $$, $t${call p}$t$ /* { */ "
        "-- {fn\n";
    CHECK(pg(quoted) == quoted);
    CHECK(pg("SELECT '{', {fn UCASE('}')}") == "SELECT '{', UPPER('}')");
}

TEST_CASE("sql escapes: malformed escapes are errors that say where") {
    CHECK(error_of("SELECT {fn UCASE(x)").find("unbalanced braces") != std::string::npos);
    CHECK(error_offset("SELECT {fn UCASE(x)") == 7);
    CHECK(error_of("SELECT x}").find("closes no") != std::string::npos);
    CHECK(error_offset("SELECT x}") == 8);
    CHECK(error_of("SELECT {d 20240131}").find("quoted literal") != std::string::npos);
    CHECK(error_of("SELECT {d ?}").find("quoted literal") != std::string::npos);
    CHECK(error_of("SELECT {ts '2024-01-01' '00:00'}").find("quoted literal") != std::string::npos);
    CHECK(error_of("SELECT {escape x}").find("quoted literal") != std::string::npos);
    CHECK(error_of("{call}").find("procedure name") != std::string::npos);
    CHECK(error_of("SELECT {fn }").find("needs a function") != std::string::npos);
    CHECK(error_of("SELECT * FROM {oj}").find("needs a join") != std::string::npos);
    CHECK(error_of("{? call f}").find("{?= call") != std::string::npos);
    CHECK(error_of("SELECT {interval DAY}").find("quoted value") != std::string::npos);
    CHECK(error_of("SELECT {d '2024-01-01").find("unbalanced") != std::string::npos);
    // A marker in an argument the translation repeats would be numbered twice.
    CHECK(error_of("SELECT {fn LOCATE(?, s, 2)}").find("marker") != std::string::npos);
    CHECK(error_of("SELECT {fn INSERT(s, ?, 1, 'x')}").find("marker") != std::string::npos);
    CHECK(pg("SELECT {fn LOCATE('a', s, 2)}").find("POSITION") != std::string::npos);
    std::string deep;
    for (std::size_t i = 0; i <= rsodbc::sql::max_escape_depth; ++i) {
        deep += "{oj ";
    }
    CHECK(error_of(deep).find("nested") != std::string::npos);
}

TEST_CASE("sql escapes: claimed functions use each argument at most once, in order") {
    for (const auto& function : rsodbc::sql::scalar_functions()) {
        if (!function.claimed) {
            continue;
        }
        for (const std::string_view pattern : {function.postgresql, function.redshift}) {
            char last = '0';
            for (std::size_t i = 0; i + 1 < pattern.size(); ++i) {
                if (pattern[i] == '%' && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
                    INFO(function.name << ": " << pattern);
                    CHECK(pattern[i + 1] > last);
                    last = pattern[i + 1];
                }
            }
        }
    }
    for (const auto& unit : rsodbc::sql::interval_units()) {
        INFO(unit.name);
        for (const std::string_view pattern : {unit.add_postgresql, unit.diff_postgresql}) {
            CHECK(pattern.find("%2") < pattern.find("%3"));
            CHECK(pattern.find("%2", pattern.find("%2") + 1) == std::string_view::npos);
            CHECK(pattern.find("%3", pattern.find("%3") + 1) == std::string_view::npos);
        }
    }
}

TEST_CASE("sql escapes: the SQLGetInfo masks are the claimed rows of the function table") {
    const rsodbc::sql::EscapeCapabilities caps = rsodbc::sql::escape_capabilities();
    std::uint32_t string = 0;
    std::uint32_t numeric = 0;
    std::uint32_t timedate = 0;
    std::uint32_t system = 0;
    for (const auto& function : rsodbc::sql::scalar_functions()) {
        const std::uint32_t bit = rsodbc::sql::function_bit(function.name, function.arity);
        INFO(function.name);
        CHECK(bit != 0);  // every row, claimed or not, is an ODBC function
        if (!function.claimed) {
            continue;
        }
        using rsodbc::sql::FunctionFamily;
        (function.family == FunctionFamily::string     ? string
         : function.family == FunctionFamily::numeric  ? numeric
         : function.family == FunctionFamily::timedate ? timedate
                                                       : system) |= bit;
    }
    CHECK(caps.string_functions == string);
    CHECK(caps.numeric_functions == numeric);
    CHECK(caps.timedate_functions == timedate);
    CHECK(caps.system_functions == system);
    // Spot checks against the ODBC constants, both ways.
    CHECK((caps.string_functions & SQL_FN_STR_UCASE) != 0);
    CHECK((caps.string_functions & SQL_FN_STR_LOCATE_2) != 0);
    CHECK((caps.string_functions & SQL_FN_STR_LOCATE) == 0);  // three arguments: not claimed
    CHECK((caps.string_functions & SQL_FN_STR_INSERT) == 0);
    CHECK((caps.string_functions & SQL_FN_STR_SOUNDEX) == 0);
    CHECK((caps.numeric_functions & SQL_FN_NUM_RAND) == 0);
    CHECK((caps.numeric_functions & SQL_FN_NUM_LOG10) != 0);
    CHECK((caps.timedate_functions & SQL_FN_TD_TIMESTAMPDIFF) != 0);
    CHECK(caps.system_functions == (SQL_FN_SYS_DBNAME | SQL_FN_SYS_IFNULL | SQL_FN_SYS_USERNAME));
    const std::uint32_t units = SQL_FN_TSI_SECOND | SQL_FN_TSI_MINUTE | SQL_FN_TSI_HOUR
                                | SQL_FN_TSI_DAY | SQL_FN_TSI_WEEK | SQL_FN_TSI_MONTH
                                | SQL_FN_TSI_QUARTER | SQL_FN_TSI_YEAR;
    CHECK(caps.timedate_add_intervals == units);
    CHECK(caps.timedate_diff_intervals == units);
    CHECK(caps.convert_functions == (SQL_FN_CVT_CAST | SQL_FN_CVT_CONVERT));
    // Every claimed bit translates: the translator knows each claimed name.
    for (const auto& function : rsodbc::sql::scalar_functions()) {
        CHECK(rsodbc::sql::find_scalar_function(function.name, function.arity) != nullptr);
    }
}

TEST_CASE("sql escapes: the long vendor form is the same escape") {
    CHECK(rsodbc::sql::may_contain_escapes(
        "SELECT --(*vendor(Microsoft),product(ODBC) fn PI() *)--"));
    CHECK(pg("SELECT --(*vendor(Microsoft),product(ODBC) fn UCASE('a') *)-- FROM t")
          == "SELECT UPPER('a') FROM t");
    CHECK(pg("SELECT --(*VENDOR(microsoft),PRODUCT(odbc) d '2024-01-31'*)--")
          == "SELECT DATE '2024-01-31'");
    CHECK(pg("SELECT --(*vendor(Microsoft),product(ODBC) fn UCASE(--(*vendor(Microsoft),"
             "product(ODBC) fn LTRIM(x)*)--)*)--, 1")
          == "SELECT UPPER(LTRIM(x)), 1");
    // Mixed with the short form; ordinary comments and literals stay as they are.
    CHECK(pg("SELECT {fn UCASE(--(*vendor(Microsoft),product(ODBC) fn LTRIM(x)*)--)} -- note\n"
             ", '--(*vendor(Microsoft),product(ODBC) fn x*)--'")
          == "SELECT UPPER(LTRIM(x)) -- note\n, '--(*vendor(Microsoft),product(ODBC) fn x*)--'");
    CHECK(error_of("SELECT --(*vendor(Microsoft),product(ODBC) fn UCASE(x)").find("unbalanced")
          != std::string::npos);
    // A closer outside any long form is SQL (a `*`, a `)`, then a comment).
    CHECK(pg("SELECT {fn PI()} *)-- x") == "SELECT PI() *)-- x");
}

TEST_SUITE_END();
