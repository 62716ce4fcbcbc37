// catalog/auto_unique.h: the Redshift IDENTITY test is an anchored pattern over the column
// default as pg_get_expr prints it. The server evaluates it (POSIX ~); its pattern is checked
// here with std::regex (the same meaning for this pattern) against defaults Redshift prints.
#include "catalog/auto_unique.h"

#include <doctest/doctest.h>

#include <regex>
#include <string>

namespace {

// The quoted pattern of `<text> ~ '<pattern>'` in the Redshift expression.
std::string redshift_pattern() {
    const std::string expression = rsodbc::catalog::auto_unique_expression(true);
    const auto start = expression.find("~ '");
    REQUIRE(start != std::string::npos);
    const auto end = expression.find('\'', start + 3);
    REQUIRE(end != std::string::npos);
    return expression.substr(start + 3, end - start - 3);
}

bool is_identity_default(const std::string& printed) {
    return std::regex_search(printed, std::regex(redshift_pattern()));
}

}  // namespace

TEST_CASE("auto_unique_expression: Redshift IDENTITY defaults as Redshift prints them") {
    CHECK(is_identity_default("\"identity\"(347358, 0, ('1,1'::character varying)::text)"));
    CHECK(is_identity_default("\"identity\"(707455, 0, '1,1'::text)"));
    CHECK(is_identity_default("default_identity(963861, 1, '1,2'::text)"));
    CHECK(is_identity_default("\"default_identity\"(963861, 1, '1,6'::text)"));
    CHECK(is_identity_default("identity(19485, 0, '1,1'::text)"));  // the test fixture's form
    CHECK_FALSE(is_identity_default(""));
    CHECK_FALSE(is_identity_default("'\"identity\"(1, 0, ''1,1''::text)'::character varying"));
    CHECK_FALSE(is_identity_default("getdate()"));
    CHECK_FALSE(is_identity_default("identity_of(1)"));
    CHECK_FALSE(is_identity_default("nextval('t_id_seq'::regclass)"));
    CHECK_FALSE(is_identity_default("(\"identity\"(1, 0, '1,1'::text) + 1)"));
}

TEST_CASE("auto_unique_expression: PostgreSQL identity and serial columns") {
    const std::string expression = rsodbc::catalog::auto_unique_expression(false);
    CHECK(expression.find("a.attidentity <> ''") != std::string::npos);
    CHECK(expression.find("LIKE 'nextval(%'") != std::string::npos);
    CHECK(rsodbc::catalog::auto_unique_expression(true).find("attidentity") == std::string::npos);
}
