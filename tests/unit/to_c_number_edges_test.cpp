// Doubles out of a double's range: tiny values round to zero, huge ones are 22003, never infinity.
#include "types/to_c/convert.h"
#include "types/to_c/number_text.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using rsodbc::types::Outcome;

TEST_CASE("parse_double: underflow rounds to zero whatever the notation") {
    const std::string tiny_plain = "0." + std::string(400, '0') + "1";
    CHECK(*rsodbc::types::parse_double(tiny_plain) == 0.0);
    CHECK(std::signbit(*rsodbc::types::parse_double("-" + tiny_plain)));
    CHECK(*rsodbc::types::parse_double("1E-400") == 0.0);
    CHECK(*rsodbc::types::parse_double("1e-400") == 0.0);
    CHECK_FALSE(rsodbc::types::parse_double("+-5").has_value());
}

TEST_CASE("write_floating: finite values beyond a double are out of range, Infinity is not") {
    double value = 0;
    const std::string huge_plain = "1" + std::string(400, '0');
    CHECK(rsodbc::types::write_floating(huge_plain, SQL_C_DOUBLE, &value).outcome
          == Outcome::out_of_range);
    CHECK(rsodbc::types::write_floating("1e400", SQL_C_DOUBLE, &value).outcome
          == Outcome::out_of_range);
    CHECK(rsodbc::types::write_floating("-1E+400", SQL_C_DOUBLE, &value).outcome
          == Outcome::out_of_range);
    REQUIRE(rsodbc::types::write_floating("-Infinity", SQL_C_DOUBLE, &value).outcome
            == Outcome::ok);
    CHECK(std::isinf(value));
    CHECK(value < 0);
}
