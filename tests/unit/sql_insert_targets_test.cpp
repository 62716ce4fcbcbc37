// What SQLDescribeParam needs from an INSERT: its target, column list and which parameters are
// whole tuple elements.
#include "sql/insert_values.h"

#include <doctest/doctest.h>

using rsodbc::sql::plan_insert_values;

TEST_CASE("sql insert targets: table, columns and bare parameters") {
    const auto plan =
        plan_insert_values("INSERT INTO s.\"My T\" (a, \"B\") VALUES (?, CAST(? AS int), ?)");
    REQUIRE(plan.has_value());
    CHECK(plan->target == "s.\"My T\" ");
    CHECK(plan->columns == "(a, \"B\") ");
    REQUIRE(plan->parameter_elements.size() == 3);
    CHECK(plan->parameter_elements[0] == 0U);
    CHECK_FALSE(plan->parameter_elements[1].has_value());  // inside an expression
    CHECK(plan->parameter_elements[2] == 2U);
}

TEST_CASE("sql insert targets: no column list, comments and casts") {
    const auto plan = plan_insert_values("insert into t values (/* c */ ?, ?::numeric, f(?))");
    REQUIRE(plan.has_value());
    CHECK(plan->target == "t ");
    CHECK(plan->columns.empty());
    REQUIRE(plan->parameter_elements.size() == 3);
    CHECK(plan->parameter_elements[0] == 0U);
    CHECK_FALSE(plan->parameter_elements[1].has_value());
    CHECK_FALSE(plan->parameter_elements[2].has_value());
}
