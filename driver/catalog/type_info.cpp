#include "catalog/type_info.h"

#include "types/sql_types.h"
#include "types/type_table.h"

#include <algorithm>
#include <array>
#include <string>

namespace rsodbc::catalog {

namespace {

// A type the server offers: its OID and the type modifier that gives its widest size.
struct Offered {
    unsigned type_oid = 0;
    int widest_modifier = -1;
    const char* create_params = nullptr;  // nullptr: none
    bool redshift = false;                // offered by Redshift
    bool postgresql = false;              // offered by PostgreSQL
    // Another name the server accepts for the type, offered as a row of its own because BI tools
    // look for it by that name (Power BI's Redshift connector patches in "float" otherwise).
    const char* alias = nullptr;
    // Offered again as this long type (SQL_LONGVARCHAR/SQL_LONGVARBINARY) of `long_bytes`: what
    // an application that asks for a long column should create.
    SQLSMALLINT long_type = 0;
    SQLULEN long_bytes = 0;
};

constexpr int numeric_modifier(int precision, int scale) {
    return ((precision << 16) | scale) + 4;
}

// clang-format off
constexpr std::array offered{
    Offered{types::oid::boolean,     -1,                       nullptr,             true,  true},
    Offered{types::oid::int2,        -1,                       nullptr,             true,  true},
    Offered{types::oid::int4,        -1,                       nullptr,             true,  true},
    Offered{types::oid::int8,        -1,                       nullptr,             true,  true},
    Offered{types::oid::numeric,     numeric_modifier(38, 0),  "precision,scale",   true,  true},
    Offered{types::oid::float4,      -1,                       nullptr,             true,  true},
    Offered{types::oid::float8,      -1,                       nullptr,             true,  true},
    Offered{types::oid::float8,      -1,                       nullptr,             true,  true, "float"},
    Offered{types::oid::bpchar,      4096 + 4,                 "length",            true,  true},
    Offered{types::oid::varchar,     65535 + 4,                "max length",        true,  true},
    Offered{types::oid::text,        -1,                       nullptr,             true,  true},
    Offered{types::oid::date,        -1,                       nullptr,             true,  true},
    Offered{types::oid::time,        6,                        nullptr,             true,  true},
    Offered{types::oid::timetz,      6,                        nullptr,             true,  true},
    Offered{types::oid::timestamp,   6,                        nullptr,             true,  true},
    Offered{types::oid::timestamptz, 6,                        nullptr,             true,  true},
    // Redshift's longest character column (SUPER holds JSON, not plain text).
    Offered{types::oid::varchar,     65535 + 4,                "max length",        true,  false, nullptr, SQL_LONGVARCHAR, 65535},
    Offered{types::oid::super,       -1,                       nullptr,             true,  false},
    Offered{types::oid::varbyte,     1024000 + 4,              "max length",        true,  false},
    Offered{types::oid::geometry,    -1,                       nullptr,             true,  false},
    Offered{types::oid::geography,   -1,                       nullptr,             true,  false},
    // HLLSKETCH's type OID is not documented, so its result columns are described as any type
    // the driver does not know: text (its values are JSON or base64 text). Listed by name, the
    // same way.
    Offered{0,                       -1,                       nullptr,             true,  false, "hllsketch"},
    Offered{types::oid::interval_year_to_month, -1,            nullptr,             true,  false},
    Offered{types::oid::interval_day_to_second, -1,            nullptr,             true,  false},
    Offered{types::oid::bytea,       -1,                       nullptr,             false, true},
    // bytea holds up to 1 GB: PostgreSQL's long binary type.
    Offered{types::oid::bytea,       -1,                       nullptr,             false, true, nullptr, SQL_LONGVARBINARY, 1073741823},
    Offered{types::oid::uuid,        -1,                       nullptr,             false, true},
};
// clang-format on

constexpr unsigned text_oid = types::oid::varchar;  // not long, whatever TextAsLongVarchar says
constexpr unsigned smallint_oid = 21;
constexpr unsigned integer_oid = 23;

std::optional<std::string> number(long value) {
    return std::to_string(value);
}

std::optional<std::string> text(const char* value) {
    return value == nullptr ? std::nullopt : std::optional<std::string>(value);
}

// SQL_DATETIME_SUB: the datetime/interval code of the concise type.
std::optional<std::string> datetime_sub(SQLSMALLINT sql_type) {
    const SQLSMALLINT code = types::datetime_interval_code(sql_type);
    return code != 0 ? std::optional<std::string>(number(code)) : std::nullopt;
}

wire::BuiltRow row_of(const Offered& type, const types::ReportingOptions& reporting) {
    types::SqlTypeInfo info = types::apply_reporting(
        types::describe_server_type(type.type_oid, type.widest_modifier), reporting);
    if (type.long_type != 0) {
        info.sql_type = type.long_type;
        info.column_size = type.long_bytes;
        if (reporting.use_unicode && type.long_type == SQL_LONGVARCHAR) {
            info.sql_type = SQL_WLONGVARCHAR;
        }
    }
    const bool numeric = types::is_decimal_sql_type(info.sql_type);
    const bool quoted =
        types::is_character_sql_type(info.sql_type) || types::is_datetime_sql_type(info.sql_type);
    const SQLSMALLINT verbose = types::verbose_type(info.sql_type);
    const std::string name = type.alias != nullptr ? type.alias : std::string(info.type_name);
    return {
        name,
        number(info.sql_type),
        number(static_cast<long>(info.column_size)),
        quoted ? text("'") : std::nullopt,
        quoted ? text("'") : std::nullopt,
        text(type.create_params),
        number(SQL_NULLABLE),
        number(info.case_sensitive ? SQL_TRUE : SQL_FALSE),
        number(info.searchable),
        info.num_prec_radix == 0 ? std::nullopt : number(info.is_unsigned ? SQL_TRUE : SQL_FALSE),
        number(SQL_FALSE),
        info.num_prec_radix == 0 ? std::nullopt : number(SQL_FALSE),
        name,
        numeric ? number(0)
                : (types::is_datetime_sql_type(info.sql_type) ? number(info.decimal_digits)
                                                              : std::nullopt),
        numeric ? number(37)
                : (types::is_datetime_sql_type(info.sql_type) ? number(info.decimal_digits)
                                                              : std::nullopt),
        number(verbose),
        datetime_sub(info.sql_type),
        info.num_prec_radix == 0 ? std::nullopt : number(info.num_prec_radix),
        std::nullopt,
    };
}

}  // namespace

TypeInfoResult type_info(SQLSMALLINT sql_type, bool redshift,
                         const types::ReportingOptions& reporting) {
    TypeInfoResult result;
    result.columns = {
        {"TYPE_NAME", text_oid},
        {"DATA_TYPE", smallint_oid},
        {"COLUMN_SIZE", integer_oid},
        {"LITERAL_PREFIX", text_oid},
        {"LITERAL_SUFFIX", text_oid},
        {"CREATE_PARAMS", text_oid},
        {"NULLABLE", smallint_oid},
        {"CASE_SENSITIVE", smallint_oid},
        {"SEARCHABLE", smallint_oid},
        {"UNSIGNED_ATTRIBUTE", smallint_oid},
        {"FIXED_PREC_SCALE", smallint_oid},
        {"AUTO_UNIQUE_VALUE", smallint_oid},
        {"LOCAL_TYPE_NAME", text_oid},
        {"MINIMUM_SCALE", smallint_oid},
        {"MAXIMUM_SCALE", smallint_oid},
        {"SQL_DATA_TYPE", smallint_oid},
        {"SQL_DATETIME_SUB", smallint_oid},
        {"NUM_PREC_RADIX", integer_oid},
        {"INTERVAL_PRECISION", smallint_oid},
    };
    for (const Offered& type : offered) {
        if (redshift ? !type.redshift : !type.postgresql) {
            continue;
        }
        wire::BuiltRow row = row_of(type, reporting);
        if (sql_type == SQL_ALL_TYPES || row[1] == std::to_string(sql_type)) {
            result.rows.push_back(std::move(row));
        }
    }
    // ODBC: ordered by DATA_TYPE, then by how closely the type maps (the table's order).
    std::stable_sort(result.rows.begin(), result.rows.end(), [](const auto& a, const auto& b) {
        return std::stoi(*a[1]) < std::stoi(*b[1]);
    });
    return result;
}

}  // namespace rsodbc::catalog
