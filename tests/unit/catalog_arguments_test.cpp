// Catalog function arguments: pattern, ordinary and identifier arguments become predicates with
// $n placeholders (the values never enter the SQL text), and SQLTables' table type lists.
#include "catalog/catalog_call.h"
#include "catalog/name_filter.h"
#include "catalog/table_types.h"
#include "catalog/type_names.h"
#include "odbc/odbc_error.h"
#include "types/type_table.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace catalog = rsodbc::catalog;
using catalog::ArgumentKind;

TEST_CASE("identifier_value: quoted names are literal, unquoted ones are folded") {
    CHECK(catalog::identifier_value("Orders") == "orders");
    CHECK(catalog::identifier_value("ORDERS   ") == "orders");
    CHECK(catalog::identifier_value("\"Mixed Case\"") == "Mixed Case");
    CHECK(catalog::identifier_value("  \"Mixed\"  ") == "Mixed");
    CHECK(catalog::identifier_value("\"say \"\"hi\"\"\"") == "say \"hi\"");
    CHECK(catalog::identifier_value("a_b%") == "a_b%");
}

TEST_CASE("like_pattern keeps escapes and makes a trailing lone escape literal") {
    CHECK(catalog::like_pattern("a\\_b%") == "a\\_b%");
    CHECK(catalog::like_pattern("abc\\") == "abc\\\\");
    CHECK(catalog::like_pattern("\\\\") == "\\\\");
}

TEST_CASE("name_predicate: values go to parameters, never into the text") {
    catalog::QueryParameters parameters;
    const std::optional<std::string> evil = "x' OR '1'='1";
    CHECK(catalog::name_predicate("c.relname", evil, ArgumentKind::pattern, false, parameters)
          == "c.relname = $1");
    CHECK(catalog::name_predicate("n.nspname", std::string("Public"), ArgumentKind::ordinary, false,
                                  parameters)
          == "n.nspname = $2");
    CHECK(catalog::name_predicate("n.nspname", std::string("Public"), ArgumentKind::pattern, true,
                                  parameters)
          == "n.nspname = $3");
    CHECK(
        catalog::name_predicate("n.nspname", std::nullopt, ArgumentKind::pattern, false, parameters)
        == "TRUE");
    CHECK(parameters.values() == std::vector<std::string>{*evil, "Public", "public"});
}

TEST_CASE("a pattern without wildcards is compared with =, its escapes removed") {
    CHECK(catalog::pattern_literal("t1") == std::optional<std::string>("t1"));
    CHECK(catalog::pattern_literal("catq\\_one") == std::optional<std::string>("catq_one"));
    CHECK(catalog::pattern_literal("a\\%b\\\\") == std::optional<std::string>("a%b\\"));
    CHECK(catalog::pattern_literal("abc\\") == std::optional<std::string>("abc\\"));
    CHECK(catalog::pattern_literal("") == std::optional<std::string>(""));
    CHECK_FALSE(catalog::pattern_literal("catq_one").has_value());
    CHECK_FALSE(catalog::pattern_literal("t%").has_value());
    CHECK_FALSE(catalog::pattern_literal("a\\_b%").has_value());
    catalog::QueryParameters parameters;
    CHECK(catalog::name_predicate("c.relname", std::string("t\\_1"), ArgumentKind::pattern, false,
                                  parameters)
          == "c.relname = $1");
    CHECK(catalog::name_predicate("c.relname", std::string("t_1"), ArgumentKind::pattern, false,
                                  parameters)
          == "c.relname LIKE $2");
    CHECK(parameters.values() == std::vector<std::string>{"t_1", "t_1"});
}

TEST_CASE("parse_table_types: quoted or not, any case, blanks ignored; % means all") {
    using V = std::vector<std::string>;
    CHECK(catalog::parse_table_types(std::string("'TABLE','VIEW'")) == V{"TABLE", "VIEW"});
    CHECK(catalog::parse_table_types(std::string("table, view")) == V{"TABLE", "VIEW"});
    CHECK(catalog::parse_table_types(std::string(" 'SYSTEM TABLE' ")) == V{"SYSTEM TABLE"});
    CHECK(catalog::parse_table_types(std::string("TABLE,,")) == V{"TABLE"});
    CHECK(catalog::parse_table_types(std::string("%")).empty());
    CHECK(catalog::parse_table_types(std::string("")).empty());
    CHECK(catalog::parse_table_types(std::nullopt).empty());
}

TEST_CASE("server_type_from_name: format_type and Hive spellings") {
    namespace oid = rsodbc::types::oid;
    auto check_type = [](const char* name, unsigned type_oid, int modifier) {
        CAPTURE(name);
        const catalog::ServerType type = catalog::server_type_from_name(name);
        CHECK(type.type_oid == type_oid);
        CHECK(type.type_modifier == modifier);
    };
    check_type("character varying(256)", oid::varchar, 260);
    check_type("numeric(18,2)", oid::numeric, ((18 << 16) | 2) + 4);
    check_type("decimal(10, 2)", oid::numeric, ((10 << 16) | 2) + 4);
    check_type("timestamp(3) without time zone", oid::timestamp, 3);
    check_type("timestamp with time zone", oid::timestamptz, -1);
    check_type("string", oid::varchar, -1);
    check_type("INT", oid::int4, -1);
    check_type("double precision", oid::float8, -1);
    check_type("array<int>", oid::text, -1);
}

TEST_CASE("plan: argument errors carry their SQLSTATE") {
    catalog::Context context;
    auto state_of = [&](const catalog::Request& request) {
        try {
            catalog::plan(request, context);
        } catch (const rsodbc::odbc::OdbcError& error) {
            return std::string(error.state());
        }
        return std::string("none");
    };
    CHECK(state_of(catalog::PrimaryKeysArgs{}) == "HY009");
    CHECK(state_of(catalog::ForeignKeysArgs{}) == "HY009");
    CHECK(state_of(catalog::StatisticsArgs{std::nullopt, std::nullopt, "t", 5, SQL_QUICK})
          == "HY100");
    CHECK(state_of(catalog::SpecialColumnsArgs{7, std::nullopt, std::nullopt, "t"}) == "HY097");
    CHECK(state_of(catalog::TablesArgs{}) == "none");
    context.metadata_id = true;
    CHECK(state_of(catalog::TablesArgs{}) == "HY009");
}
