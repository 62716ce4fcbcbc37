// C -> SQL parameters, numbers: integer, float, SQL_NUMERIC_STRUCT and bit C types, and
// character data bound to numeric targets (ODBC appendix D).
#include "types/from_c/encode.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

using rsodbc::types::encode_parameter;
using rsodbc::types::Encoded;
using rsodbc::types::ParamSource;
using rsodbc::types::ParamTarget;
using rsodbc::types::sqlstate_of;

namespace {

struct Result {
    std::string state;  // "" for ok
    std::string text;
    unsigned oid = 0;
};

Result run(SQLSMALLINT c_type, const void* data, SQLLEN length, SQLSMALLINT sql_type,
           SQLULEN column_size = 0, SQLSMALLINT digits = 0) {
    std::string out = "stale";
    const Encoded e = encode_parameter(ParamSource{c_type, data, length},
                                       ParamTarget{sql_type, column_size, digits}, out);
    return {std::string(sqlstate_of(e.outcome)), out, e.type_oid};
}

template <class T>
Result value(SQLSMALLINT c_type, T v, SQLSMALLINT sql_type, SQLULEN column_size = 0,
             SQLSMALLINT digits = 0) {
    return run(c_type, &v, sizeof v, sql_type, column_size, digits);
}

Result chars(std::string_view text, SQLSMALLINT sql_type, SQLULEN column_size = 0,
             SQLSMALLINT digits = 0) {
    return run(SQL_C_CHAR, text.data(), static_cast<SQLLEN>(text.size()), sql_type, column_size,
               digits);
}

// 128-bit little-endian magnitude from a decimal string.
SQL_NUMERIC_STRUCT numeric(std::string_view digits, int scale, bool positive = true) {
    SQL_NUMERIC_STRUCT n{};
    n.precision = 38;
    n.scale = static_cast<SQLSCHAR>(scale);
    n.sign = positive ? 1 : 0;
    unsigned __int128 v = 0;
    for (const char c : digits) {
        v = v * 10 + static_cast<unsigned>(c - '0');
    }
    for (int i = 0; i < SQL_MAX_NUMERIC_LEN; ++i, v >>= 8U) {
        n.val[i] = static_cast<SQLCHAR>(v & 0xFFU);
    }
    return n;
}

struct Case {
    const char* what;
    Result got;
    std::string_view state;
    std::string_view text;
    unsigned oid;
};

void check_all(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
        INFO(std::string(c.what));
        CHECK(c.got.state == c.state);
        CHECK(c.got.text == c.text);
        CHECK(c.got.oid == c.oid);
    }
}

}  // namespace

TEST_CASE("from_c: integer C types into their natural targets and across") {
    check_all({
        {"stinyint min", value<signed char>(SQL_C_STINYINT, -128, SQL_TINYINT), "", "-128", 21},
        {"tinyint", value<signed char>(SQL_C_TINYINT, 127, SQL_SMALLINT), "", "127", 21},
        {"utinyint", value<unsigned char>(SQL_C_UTINYINT, 255, SQL_TINYINT), "", "255", 21},
        {"sshort", value<std::int16_t>(SQL_C_SSHORT, -32768, SQL_SMALLINT), "", "-32768", 21},
        {"short", value<std::int16_t>(SQL_C_SHORT, 42, SQL_INTEGER), "", "42", 23},
        {"ushort", value<std::uint16_t>(SQL_C_USHORT, 65535, SQL_INTEGER), "", "65535", 23},
        {"ushort into smallint", value<std::uint16_t>(SQL_C_USHORT, 32768, SQL_SMALLINT), "22003",
         "", 0},
        {"slong", value<std::int32_t>(SQL_C_SLONG, INT32_MIN, SQL_INTEGER), "", "-2147483648", 23},
        {"long", value<std::int32_t>(SQL_C_LONG, -7, SQL_BIGINT), "", "-7", 20},
        {"ulong", value<std::uint32_t>(SQL_C_ULONG, UINT32_MAX, SQL_BIGINT), "", "4294967295", 20},
        {"ulong into integer", value<std::uint32_t>(SQL_C_ULONG, 2147483648U, SQL_INTEGER), "22003",
         "", 0},
        {"sbigint min", value<std::int64_t>(SQL_C_SBIGINT, INT64_MIN, SQL_BIGINT), "",
         "-9223372036854775808", 20},
        {"sbigint max", value<std::int64_t>(SQL_C_SBIGINT, INT64_MAX, SQL_BIGINT), "",
         "9223372036854775807", 20},
        {"ubigint max into bigint", value<std::uint64_t>(SQL_C_UBIGINT, UINT64_MAX, SQL_BIGINT),
         "22003", "", 0},
        {"ubigint max into numeric", value<std::uint64_t>(SQL_C_UBIGINT, UINT64_MAX, SQL_NUMERIC),
         "", "18446744073709551615", 1700},
        {"int into smallint range", value<std::int32_t>(SQL_C_SLONG, 40000, SQL_SMALLINT), "22003",
         "", 0},
        {"int into tinyint range", value<std::int32_t>(SQL_C_SLONG, -129, SQL_TINYINT), "22003", "",
         0},
        {"int into numeric(5,2)", value<std::int32_t>(SQL_C_SLONG, 999, SQL_NUMERIC, 5, 2), "",
         "999", 1700},
        {"int into numeric(4,2)", value<std::int32_t>(SQL_C_SLONG, 100, SQL_DECIMAL, 4, 2), "22003",
         "", 0},
        {"int into real", value<std::int32_t>(SQL_C_SLONG, 5, SQL_REAL), "", "5", 700},
        {"int into double", value<std::int64_t>(SQL_C_SBIGINT, INT64_MIN, SQL_DOUBLE), "",
         "-9223372036854775808", 701},
        {"int into float", value<std::int32_t>(SQL_C_SLONG, 0, SQL_FLOAT), "", "0", 701},
        {"int into varchar", value<std::int32_t>(SQL_C_SLONG, -1234, SQL_VARCHAR, 5), "", "-1234",
         0},
        {"int into too short varchar", value<std::int32_t>(SQL_C_SLONG, -1234, SQL_VARCHAR, 4),
         "22001", "", 0},
        {"int into wvarchar", value<std::int32_t>(SQL_C_SLONG, 12, SQL_WVARCHAR, 2), "", "12", 0},
        {"int into bit 1", value<std::int32_t>(SQL_C_SLONG, 1, SQL_BIT), "", "1", 16},
        {"int into bit 0", value<std::int32_t>(SQL_C_SLONG, 0, SQL_BIT), "", "0", 16},
        {"int into bit 2", value<std::int32_t>(SQL_C_SLONG, 2, SQL_BIT), "22003", "", 0},
        {"int into bit -1", value<std::int32_t>(SQL_C_SLONG, -1, SQL_BIT), "22003", "", 0},
        {"int into date", value<std::int32_t>(SQL_C_SLONG, 1, SQL_TYPE_DATE), "07006", "", 0},
        {"int into varbinary", value<std::int32_t>(SQL_C_SLONG, 1, SQL_VARBINARY), "07006", "", 0},
        {"int into guid", value<std::int32_t>(SQL_C_SLONG, 1, SQL_GUID), "07006", "", 0},
        {"int into unknown type", value<std::int32_t>(SQL_C_SLONG, 1, 12345), "07006", "", 0},
        {"int into interval day", value<std::int32_t>(SQL_C_SLONG, 3, SQL_INTERVAL_DAY), "",
         "3 days", 1186},
        {"int into interval year", value<std::int32_t>(SQL_C_SLONG, -1, SQL_INTERVAL_YEAR), "",
         "-1 years", 1186},
        {"int into interval month", value<std::int32_t>(SQL_C_SLONG, 14, SQL_INTERVAL_MONTH), "",
         "1 year 2 mons", 1186},
        {"int into interval second", value<std::int32_t>(SQL_C_SLONG, 90, SQL_INTERVAL_SECOND), "",
         "00:01:30", 1186},
        {"int into multi-field interval",
         value<std::int32_t>(SQL_C_SLONG, 3, SQL_INTERVAL_DAY_TO_HOUR), "07006", "", 0},
    });
}

TEST_CASE("from_c: float and double") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    check_all({
        {"double shortest", value<double>(SQL_C_DOUBLE, 0.1, SQL_DOUBLE), "", "0.1", 701},
        {"double exponent", value<double>(SQL_C_DOUBLE, 1e300, SQL_DOUBLE), "", "1e300", 701},
        {"double tiny", value<double>(SQL_C_DOUBLE, -2.5e-300, SQL_FLOAT), "", "-2.5e-300", 701},
        {"float shortest", value<float>(SQL_C_FLOAT, 1234.56F, SQL_REAL), "", "1234.56", 700},
        {"float into double keeps its digits", value<float>(SQL_C_FLOAT, 0.1F, SQL_DOUBLE), "",
         "0.1", 701},
        {"double beyond real", value<double>(SQL_C_DOUBLE, 1e39, SQL_REAL), "22003", "", 0},
        {"double below real", value<double>(SQL_C_DOUBLE, 1e-50, SQL_REAL), "22003", "", 0},
        {"NaN into double", value<double>(SQL_C_DOUBLE, nan, SQL_DOUBLE), "", "NaN", 701},
        {"Infinity into real", value<double>(SQL_C_DOUBLE, inf, SQL_REAL), "", "Infinity", 700},
        {"-Infinity", value<float>(SQL_C_FLOAT, -std::numeric_limits<float>::infinity(), SQL_FLOAT),
         "", "-Infinity", 701},
        {"NaN into numeric", value<double>(SQL_C_DOUBLE, nan, SQL_NUMERIC), "22003", "", 0},
        {"Infinity into integer", value<double>(SQL_C_DOUBLE, inf, SQL_INTEGER), "22003", "", 0},
        {"NaN into varchar", value<double>(SQL_C_DOUBLE, nan, SQL_VARCHAR), "22003", "", 0},
        {"fraction into integer: 01S07", value<float>(SQL_C_FLOAT, 1234.56F, SQL_INTEGER), "01S07",
         "1234", 23},
        {"negative fraction truncates toward zero",
         value<double>(SQL_C_DOUBLE, -2.75, SQL_SMALLINT), "01S07", "-2", 21},
        {"whole digits lost", value<float>(SQL_C_FLOAT, 1234.56F, SQL_TINYINT), "22003", "", 0},
        {"double into bigint beyond", value<double>(SQL_C_DOUBLE, 1e19, SQL_BIGINT), "22003", "",
         0},
        {"double into numeric(6,1)", value<double>(SQL_C_DOUBLE, 1234.56, SQL_NUMERIC, 6, 1),
         "01S07", "1234.5", 1700},
        {"double into numeric unspecified", value<double>(SQL_C_DOUBLE, 1e20, SQL_NUMERIC), "",
         "100000000000000000000", 1700},
        {"double into char", value<double>(SQL_C_DOUBLE, -0.5, SQL_CHAR, 4), "", "-0.5", 0},
        {"double into too short char", value<double>(SQL_C_DOUBLE, -0.5, SQL_CHAR, 3), "22001", "",
         0},
        {"double 0.5 into bit", value<double>(SQL_C_DOUBLE, 0.5, SQL_BIT), "22001", "", 0},
        {"double 1.5 into bit", value<double>(SQL_C_DOUBLE, 1.5, SQL_BIT), "22001", "", 0},
        {"double 2 into bit", value<double>(SQL_C_DOUBLE, 2.0, SQL_BIT), "22003", "", 0},
        {"double into interval", value<double>(SQL_C_DOUBLE, 1.0, SQL_INTERVAL_DAY), "07006", "",
         0},
        {"negative zero", value<double>(SQL_C_DOUBLE, -0.0, SQL_INTEGER), "", "0", 23},
    });
}

TEST_CASE("from_c: SQL_NUMERIC_STRUCT") {
    const std::string max38 = "99999999999999999999999999999999999999";
    check_all({
        {"scale 2", value(SQL_C_NUMERIC, numeric("12345", 2), SQL_NUMERIC), "", "123.45", 1700},
        {"negative", value(SQL_C_NUMERIC, numeric("5", 3, false), SQL_DECIMAL), "", "-0.005", 1700},
        {"negative scale", value(SQL_C_NUMERIC, numeric("12", -3), SQL_NUMERIC), "", "12000", 1700},
        {"38 digits", value(SQL_C_NUMERIC, numeric(max38, 0), SQL_NUMERIC, 38, 0), "", max38, 1700},
        {"38 digits, scale 38",
         value(SQL_C_NUMERIC, numeric(max38, 38, false), SQL_NUMERIC, 38, 38), "", "-0." + max38,
         1700},
        {"39 digits into numeric(38)", value(SQL_C_NUMERIC, numeric(max38, -1), SQL_NUMERIC, 38, 0),
         "22003", "", 0},
        {"largest 128-bit value",
         value(SQL_C_NUMERIC, numeric("340282366920938463463374607431768211455", 0), SQL_NUMERIC),
         "", "340282366920938463463374607431768211455", 1700},
        {"trailing zeros dropped", value(SQL_C_NUMERIC, numeric("1500", 3), SQL_NUMERIC), "", "1.5",
         1700},
        {"negative zero", value(SQL_C_NUMERIC, numeric("0", 2, false), SQL_NUMERIC), "", "0", 1700},
        {"scale beyond numeric(10,2)",
         value(SQL_C_NUMERIC, numeric("123456", 4), SQL_NUMERIC, 10, 2), "01S07", "12.34", 1700},
        {"into integer", value(SQL_C_NUMERIC, numeric("4299", 2), SQL_INTEGER), "01S07", "42", 23},
        {"into bigint out of range", value(SQL_C_NUMERIC, numeric(max38, 0), SQL_BIGINT), "22003",
         "", 0},
        {"into double", value(SQL_C_NUMERIC, numeric("15", 1), SQL_DOUBLE), "", "1.5", 701},
        {"into real beyond", value(SQL_C_NUMERIC, numeric("1", -39), SQL_REAL), "22003", "", 0},
        {"into varchar", value(SQL_C_NUMERIC, numeric("12345", 2, false), SQL_VARCHAR, 7), "",
         "-123.45", 0},
        {"into varchar too short", value(SQL_C_NUMERIC, numeric("12345", 2, false), SQL_VARCHAR, 6),
         "22001", "", 0},
        {"into interval second", value(SQL_C_NUMERIC, numeric("15", 1), SQL_INTERVAL_SECOND), "",
         "00:00:01.5", 1186},
        {"fraction into interval day", value(SQL_C_NUMERIC, numeric("15", 1), SQL_INTERVAL_DAY),
         "22015", "", 0},
    });
}

TEST_CASE("from_c: SQL_C_BIT") {
    check_all({
        {"1 into bit", value<unsigned char>(SQL_C_BIT, 1, SQL_BIT), "", "1", 16},
        {"0 into bit", value<unsigned char>(SQL_C_BIT, 0, SQL_BIT), "", "0", 16},
        {"2 into bit", value<unsigned char>(SQL_C_BIT, 2, SQL_BIT), "22003", "", 0},
        {"255 into integer", value<unsigned char>(SQL_C_BIT, 255, SQL_INTEGER), "22003", "", 0},
        {"1 into integer", value<unsigned char>(SQL_C_BIT, 1, SQL_INTEGER), "", "1", 23},
        {"1 into numeric", value<unsigned char>(SQL_C_BIT, 1, SQL_NUMERIC, 1, 0), "", "1", 1700},
        {"0 into double", value<unsigned char>(SQL_C_BIT, 0, SQL_DOUBLE), "", "0", 701},
        {"1 into char", value<unsigned char>(SQL_C_BIT, 1, SQL_CHAR, 1), "", "1", 0},
        {"into date", value<unsigned char>(SQL_C_BIT, 1, SQL_TYPE_DATE), "07006", "", 0},
        {"into interval", value<unsigned char>(SQL_C_BIT, 1, SQL_INTERVAL_DAY), "07006", "", 0},
    });
}

TEST_CASE("from_c: character data into numeric targets") {
    check_all({
        {"integer", chars(" 42 ", SQL_INTEGER), "", "42", 23},
        {"plus sign", chars("+7", SQL_SMALLINT), "", "7", 21},
        {"not a number", chars("12x", SQL_INTEGER), "22018", "", 0},
        {"empty", chars("", SQL_INTEGER), "22018", "", 0},
        {"lone sign", chars("-", SQL_NUMERIC), "22018", "", 0},
        {"beyond integer", chars("99999999999", SQL_INTEGER), "22003", "", 0},
        {"bigint min", chars("-9223372036854775808", SQL_BIGINT), "", "-9223372036854775808", 20},
        {"bigint min - 1", chars("-9223372036854775809", SQL_BIGINT), "22003", "", 0},
        {"fraction into integer is 22001", chars("12.5", SQL_INTEGER), "22001", "", 0},
        {"zero fraction into integer", chars("12.000", SQL_INTEGER), "", "12", 23},
        {"exponent into integer", chars("1.5e3", SQL_INTEGER), "", "1500", 23},
        {"appendix example: decimal(6,2)", chars("1234.56", SQL_DECIMAL, 6, 2), "", "1234.56",
         1700},
        {"appendix example: decimal(5,1)", chars("1234.56", SQL_DECIMAL, 5, 1), "22001", "", 0},
        {"appendix example: decimal(4,0)", chars("1234.56", SQL_DECIMAL, 3, 0), "22003", "", 0},
        {"numeric normalised", chars("-000123.4500", SQL_NUMERIC), "", "-123.45", 1700},
        {"leading point", chars(".5", SQL_NUMERIC), "", "0.5", 1700},
        {"huge exponent", chars("1e999999999999999", SQL_NUMERIC), "22003", "", 0},
        {"huge exponent into double", chars("1e400", SQL_DOUBLE), "22003", "", 0},
        {"double", chars("-1.25E-3", SQL_DOUBLE), "", "-0.00125", 701},
        {"real beyond", chars("3.5e38", SQL_REAL), "22003", "", 0},
        {"NaN word", chars("nan", SQL_DOUBLE), "", "NaN", 701},
        {"Infinity word", chars("-Infinity", SQL_REAL), "", "-Infinity", 700},
        {"Infinity into numeric", chars("Infinity", SQL_NUMERIC), "22018", "", 0},
        {"float not a number", chars("abc", SQL_FLOAT), "22018", "", 0},
        {"bit 1", chars("1", SQL_BIT), "", "1", 16},
        {"bit word", chars("FALSE", SQL_BIT), "", "0", 16},
        {"bit 0.5", chars("0.5", SQL_BIT), "22001", "", 0},
        {"bit 2", chars("2", SQL_BIT), "22003", "", 0},
        {"bit -1", chars("-1", SQL_BIT), "22003", "", 0},
        {"bit word unknown", chars("yes please", SQL_BIT), "22018", "", 0},
    });
}

// Found by fuzz_param_text (corpus crash_tiny_fraction_bigint): a value far below 1 was reported
// out of range (22003) because its fraction was too long to write out, but it is never written
// out, only truncated, and appendix D calls lost fractional digits 22001.
TEST_CASE("from_c: character data far below 1 loses fractional digits, it is not out of range") {
    check_all({
        {"integer", chars("1e-200000", SQL_INTEGER), "22001", "", 0},
        {"bigint, saturated exponent", chars("-91e-452036854775808", SQL_BIGINT), "22001", "", 0},
        {"numeric", chars("1e-200000", SQL_NUMERIC), "22001", "", 0},
        {"numeric(10,2)", chars("-1e-200000", SQL_NUMERIC, 10, 2), "22001", "", 0},
        {"bit", chars("1e-200000", SQL_BIT), "22001", "", 0},
        {"far above is still out of range", chars("1e200000", SQL_NUMERIC), "22003", "", 0},
        {"zero with any exponent", chars("0e-999999", SQL_INTEGER), "", "0", 23},
    });
}
