#include "types/type_table.h"

#include <doctest/doctest.h>

#include <string_view>
#include <vector>

using rsodbc::types::default_c_type;
using rsodbc::types::describe_server_type;
using rsodbc::types::max_varchar_bytes;
using rsodbc::types::SqlTypeInfo;
using rsodbc::types::verbose_type;
namespace oid = rsodbc::types::oid;

namespace {

struct Row {
    const char* what;
    unsigned type_oid;
    int type_modifier;
    SqlTypeInfo expected;
};

void check_rows(const std::vector<Row>& rows) {
    for (const auto& row : rows) {
        INFO(row.what << " (oid " << row.type_oid << ", typmod " << row.type_modifier << ")");
        const SqlTypeInfo got = describe_server_type(row.type_oid, row.type_modifier);
        CHECK(got.sql_type == row.expected.sql_type);
        CHECK(got.column_size == row.expected.column_size);
        CHECK(got.decimal_digits == row.expected.decimal_digits);
        CHECK(got.octet_length == row.expected.octet_length);
        CHECK(got.display_size == row.expected.display_size);
        CHECK(got.type_name == row.expected.type_name);
        CHECK(got.is_unsigned == row.expected.is_unsigned);
        CHECK(got.case_sensitive == row.expected.case_sensitive);
        CHECK(got.num_prec_radix == row.expected.num_prec_radix);
        CHECK(got.searchable == row.expected.searchable);
    }
}

constexpr int numeric_typmod(int precision, int scale) {
    return ((precision << 16) | scale) + 4;
}

constexpr auto text_bytes = static_cast<SQLLEN>(max_varchar_bytes);

}  // namespace

TEST_CASE("integer, boolean and floating types") {
    // Fields: sql_type, column_size, decimal_digits, octet_length, display_size, type_name,
    // is_unsigned, case_sensitive, num_prec_radix, searchable.
    check_rows({
        {"int2",
         oid::int2,
         -1,
         {SQL_SMALLINT, 5, 0, 2, 6, "int2", false, false, 10, SQL_PRED_BASIC}},
        {"int4",
         oid::int4,
         -1,
         {SQL_INTEGER, 10, 0, 4, 11, "int4", false, false, 10, SQL_PRED_BASIC}},
        {"int8",
         oid::int8,
         -1,
         {SQL_BIGINT, 19, 0, 8, 20, "int8", false, false, 10, SQL_PRED_BASIC}},
        {"bool", oid::boolean, -1, {SQL_BIT, 1, 0, 1, 1, "bool", false, false, 0, SQL_PRED_BASIC}},
        {"float4",
         oid::float4,
         -1,
         {SQL_REAL, 24, 0, 4, 14, "float4", false, false, 2, SQL_PRED_BASIC}},
        {"float8",
         oid::float8,
         -1,
         {SQL_DOUBLE, 53, 0, 8, 24, "float8", false, false, 2, SQL_PRED_BASIC}},
        {"oid", oid::oid, -1, {SQL_INTEGER, 10, 0, 4, 10, "oid", true, false, 10, SQL_PRED_BASIC}},
    });
}

TEST_CASE("numeric precision and scale come from the type modifier") {
    CHECK(numeric_typmod(12, 2) == 786438);
    check_rows({
        {"numeric(12,2)",
         oid::numeric,
         numeric_typmod(12, 2),
         {SQL_NUMERIC, 12, 2, 14, 14, "numeric", false, false, 10, SQL_PRED_BASIC}},
        {"numeric(38,37)",
         oid::numeric,
         numeric_typmod(38, 37),
         {SQL_NUMERIC, 38, 37, 40, 40, "numeric", false, false, 10, SQL_PRED_BASIC}},
        {"numeric(5,0)",
         oid::numeric,
         numeric_typmod(5, 0),
         {SQL_NUMERIC, 5, 0, 7, 7, "numeric", false, false, 10, SQL_PRED_BASIC}},
        // Unconstrained: Redshift's largest precision, and a scale that keeps fractions.
        {"numeric",
         oid::numeric,
         -1,
         {SQL_NUMERIC, 38, 10, 40, 40, "numeric", false, false, 10, SQL_PRED_BASIC}},
    });
}

TEST_CASE("character types take their length from the type modifier") {
    check_rows({
        {"varchar(64)",
         oid::varchar,
         68,
         {SQL_VARCHAR, 64, 0, 64, 64, "varchar", false, true, 0, SQL_SEARCHABLE}},
        {"varchar(65535)",
         oid::varchar,
         65539,
         {SQL_VARCHAR, 65535, 0, 65535, 65535, "varchar", false, true, 0, SQL_SEARCHABLE}},
        {"varchar",
         oid::varchar,
         -1,
         {SQL_VARCHAR, max_varchar_bytes, 0, text_bytes, text_bytes, "varchar", false, true, 0,
          SQL_SEARCHABLE}},
        {"bpchar(10)",
         oid::bpchar,
         14,
         {SQL_CHAR, 10, 0, 10, 10, "bpchar", false, true, 0, SQL_SEARCHABLE}},
        {"bpchar(1)",
         oid::bpchar,
         5,
         {SQL_CHAR, 1, 0, 1, 1, "bpchar", false, true, 0, SQL_SEARCHABLE}},
        {"\"char\" (oid 18)",
         18,
         -1,
         {SQL_CHAR, 1, 0, 1, 1, "char", false, true, 0, SQL_SEARCHABLE}},
        {"name",
         oid::name,
         -1,
         {SQL_VARCHAR, 127, 0, 127, 127, "name", false, true, 0, SQL_SEARCHABLE}},
        {"text",
         oid::text,
         -1,
         {SQL_VARCHAR, max_varchar_bytes, 0, text_bytes, text_bytes, "text", false, true, 0,
          SQL_SEARCHABLE}},
    });
}

TEST_CASE("date and time types: size counts the fraction digits and their point") {
    // Octet lengths are the sizes of the ODBC structs.
    CHECK(sizeof(SQL_DATE_STRUCT) == 6);
    CHECK(sizeof(SQL_TIME_STRUCT) == 6);
    CHECK(sizeof(SQL_TIMESTAMP_STRUCT) == 16);
    check_rows({
        {"date",
         oid::date,
         -1,
         {SQL_TYPE_DATE, 10, 0, 6, 10, "date", false, false, 0, SQL_PRED_BASIC}},
        {"time(3)",
         oid::time,
         3,
         {SQL_TYPE_TIME, 12, 3, 6, 12, "time", false, false, 0, SQL_PRED_BASIC}},
        {"time(0)",
         oid::time,
         0,
         {SQL_TYPE_TIME, 8, 0, 6, 8, "time", false, false, 0, SQL_PRED_BASIC}},
        {"time",
         oid::time,
         -1,
         {SQL_TYPE_TIME, 15, 6, 6, 15, "time", false, false, 0, SQL_PRED_BASIC}},
        {"timetz",
         oid::timetz,
         -1,
         {SQL_VARCHAR, 24, 0, 24, 24, "timetz", false, true, 0, SQL_SEARCHABLE}},
        {"timestamp",
         oid::timestamp,
         -1,
         {SQL_TYPE_TIMESTAMP, 26, 6, 16, 26, "timestamp", false, false, 0, SQL_PRED_BASIC}},
        {"timestamp(0)",
         oid::timestamp,
         0,
         {SQL_TYPE_TIMESTAMP, 19, 0, 16, 19, "timestamp", false, false, 0, SQL_PRED_BASIC}},
        {"timestamptz",
         oid::timestamptz,
         -1,
         {SQL_TYPE_TIMESTAMP, 26, 6, 16, 26, "timestamptz", false, false, 0, SQL_PRED_BASIC}},
        {"timestamptz(3)",
         oid::timestamptz,
         3,
         {SQL_TYPE_TIMESTAMP, 23, 3, 16, 23, "timestamptz", false, false, 0, SQL_PRED_BASIC}},
    });
}

TEST_CASE("uuid, bytea and unknown types") {
    check_rows({
        {"uuid", oid::uuid, -1, {SQL_GUID, 36, 0, 16, 36, "uuid", false, false, 0, SQL_PRED_BASIC}},
        {"bytea",
         oid::bytea,
         -1,
         {SQL_VARBINARY, max_varchar_bytes, 0, text_bytes, text_bytes * 2, "bytea", false, false, 0,
          SQL_PRED_NONE}},
        {"unknown oid",
         999999,
         -1,
         {SQL_VARCHAR, max_varchar_bytes, 0, text_bytes, text_bytes, "text", false, true, 0,
          SQL_SEARCHABLE}},
        {"interval (not mapped yet)",
         oid::interval,
         -1,
         {SQL_VARCHAR, max_varchar_bytes, 0, text_bytes, text_bytes, "text", false, true, 0,
          SQL_SEARCHABLE}},
        {"oid 0",
         0,
         0,
         {SQL_VARCHAR, max_varchar_bytes, 0, text_bytes, text_bytes, "text", false, true, 0,
          SQL_SEARCHABLE}},
    });
}

TEST_CASE("default_c_type follows appendix D") {
    struct Pair {
        SQLSMALLINT sql_type;
        SQLSMALLINT c_type;
    };

    const std::vector<Pair> pairs{
        {SQL_SMALLINT, SQL_C_SSHORT},
        {SQL_INTEGER, SQL_C_SLONG},
        {SQL_BIGINT, SQL_C_SBIGINT},
        {SQL_REAL, SQL_C_FLOAT},
        {SQL_FLOAT, SQL_C_DOUBLE},
        {SQL_DOUBLE, SQL_C_DOUBLE},
        {SQL_BIT, SQL_C_BIT},
        {SQL_TYPE_DATE, SQL_C_TYPE_DATE},
        {SQL_TYPE_TIME, SQL_C_TYPE_TIME},
        {SQL_TYPE_TIMESTAMP, SQL_C_TYPE_TIMESTAMP},
        {SQL_BINARY, SQL_C_BINARY},
        {SQL_VARBINARY, SQL_C_BINARY},
        {SQL_LONGVARBINARY, SQL_C_BINARY},
        {SQL_NUMERIC, SQL_C_CHAR},
        {SQL_DECIMAL, SQL_C_CHAR},
        {SQL_CHAR, SQL_C_CHAR},
        {SQL_VARCHAR, SQL_C_CHAR},
        {SQL_LONGVARCHAR, SQL_C_CHAR},
    };
    for (const auto& pair : pairs) {
        CAPTURE(pair.sql_type);
        CHECK(default_c_type(pair.sql_type) == pair.c_type);
    }
}

TEST_CASE("every type the table reports has a default C type consistent with it") {
    for (const unsigned type_oid :
         {oid::boolean, oid::int2, oid::int4, oid::int8, oid::float4, oid::float8, oid::date,
          oid::time, oid::timestamp, oid::timestamptz, oid::bytea}) {
        CAPTURE(type_oid);
        const SQLSMALLINT sql_type = describe_server_type(type_oid, -1).sql_type;
        CHECK(default_c_type(sql_type) != SQL_C_CHAR);
    }
}

TEST_CASE("verbose_type maps datetime concise types to SQL_DATETIME") {
    CHECK(verbose_type(SQL_TYPE_DATE) == SQL_DATETIME);
    CHECK(verbose_type(SQL_TYPE_TIME) == SQL_DATETIME);
    CHECK(verbose_type(SQL_TYPE_TIMESTAMP) == SQL_DATETIME);
    for (const SQLSMALLINT concise : {SQL_CHAR, SQL_VARCHAR, SQL_INTEGER, SQL_BIGINT, SQL_NUMERIC,
                                      SQL_DOUBLE, SQL_BIT, SQL_GUID, SQL_VARBINARY}) {
        CAPTURE(concise);
        CHECK(verbose_type(concise) == concise);
    }
}
