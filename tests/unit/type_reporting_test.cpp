// The compatibility keywords change only how types are reported, each in one rule.
#include "types/type_reporting.h"

#include <doctest/doctest.h>

using rsodbc::types::apply_reporting;
using rsodbc::types::describe_server_type;
using rsodbc::types::ReportingOptions;
namespace oid = rsodbc::types::oid;

TEST_CASE("type reporting: defaults leave the type table's answer alone") {
    const auto text = apply_reporting(describe_server_type(oid::text, -1), {});
    CHECK(text.sql_type == SQL_VARCHAR);
    CHECK(text.column_size == 65535);
    CHECK(apply_reporting(describe_server_type(oid::boolean, -1), {}).sql_type == SQL_BIT);
}

TEST_CASE("type reporting: each switch") {
    ReportingOptions options;
    options.bools_as_char = true;
    CHECK(apply_reporting(describe_server_type(oid::boolean, -1), options).sql_type == SQL_VARCHAR);

    options = {};
    options.text_as_long_varchar = true;
    CHECK(apply_reporting(describe_server_type(oid::text, -1), options).sql_type
          == SQL_LONGVARCHAR);
    CHECK(apply_reporting(describe_server_type(oid::varchar, 68), options).sql_type == SQL_VARCHAR);

    options = {};
    options.max_varchar_size = 255;
    CHECK(apply_reporting(describe_server_type(oid::varchar, 4 + 255), options).sql_type
          == SQL_VARCHAR);
    CHECK(apply_reporting(describe_server_type(oid::varchar, 4 + 256), options).sql_type
          == SQL_LONGVARCHAR);

    options = {};
    options.max_long_varchar_size = 8190;
    const auto super = apply_reporting(describe_server_type(oid::super, -1), options);
    CHECK(super.sql_type == SQL_LONGVARCHAR);
    CHECK(super.column_size == 8190);

    options = {};
    options.use_unicode = true;
    CHECK(apply_reporting(describe_server_type(oid::bpchar, 14), options).sql_type == SQL_WCHAR);
    CHECK(apply_reporting(describe_server_type(oid::varchar, 14), options).sql_type
          == SQL_WVARCHAR);
    CHECK(apply_reporting(describe_server_type(oid::int4, -1), options).sql_type == SQL_INTEGER);
}
