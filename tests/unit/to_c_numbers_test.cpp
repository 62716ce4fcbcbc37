#include "types/c_types.h"
#include "types/to_c/convert.h"

#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

using rsodbc::types::name_of;
using rsodbc::types::Outcome;
using rsodbc::types::write_bit;
using rsodbc::types::write_floating;
using rsodbc::types::write_integer;
using rsodbc::types::Written;

namespace {

constexpr unsigned char canary = 0xAB;
using Buffer = std::array<unsigned char, 16>;

Buffer fresh_buffer() {
    Buffer buffer{};
    buffer.fill(canary);
    return buffer;
}

std::size_t integer_size(SQLSMALLINT c_type) {
    switch (c_type) {
        case SQL_C_STINYINT:
        case SQL_C_TINYINT:
        case SQL_C_UTINYINT:
            return 1;
        case SQL_C_SSHORT:
        case SQL_C_SHORT:
        case SQL_C_USHORT:
            return 2;
        case SQL_C_SLONG:
        case SQL_C_LONG:
        case SQL_C_ULONG:
            return 4;
        default:
            return 8;
    }
}

template <class T>
std::string as_text(const unsigned char* bytes) {
    T value{};
    std::memcpy(&value, bytes, sizeof value);
    return std::to_string(value);
}

// The value stored for an integer C type, as decimal text.
std::string read_integer(SQLSMALLINT c_type, const unsigned char* bytes) {
    switch (c_type) {
        case SQL_C_STINYINT:
        case SQL_C_TINYINT:
            return as_text<std::int8_t>(bytes);
        case SQL_C_UTINYINT:
            return as_text<std::uint8_t>(bytes);
        case SQL_C_SSHORT:
        case SQL_C_SHORT:
            return as_text<std::int16_t>(bytes);
        case SQL_C_USHORT:
            return as_text<std::uint16_t>(bytes);
        case SQL_C_SLONG:
        case SQL_C_LONG:
            return as_text<std::int32_t>(bytes);
        case SQL_C_ULONG:
            return as_text<std::uint32_t>(bytes);
        case SQL_C_SBIGINT:
            return as_text<std::int64_t>(bytes);
        default:
            return as_text<std::uint64_t>(bytes);
    }
}

bool untouched_from(const Buffer& buffer, std::size_t from) {
    for (std::size_t i = from; i < buffer.size(); ++i) {
        if (buffer[i] != canary) {
            return false;
        }
    }
    return true;
}

struct IntegerCase {
    std::string_view text;
    SQLSMALLINT c_type;
    Outcome outcome;
    std::string_view value;  // expected stored value when the outcome stores one
};

bool stores_value(Outcome outcome) {
    return outcome == Outcome::ok || outcome == Outcome::fractional_truncation;
}

void check_integer_cases(const std::vector<IntegerCase>& cases) {
    for (const auto& c : cases) {
        INFO("text \"" << c.text << "\" into C type " << c.c_type);
        auto buffer = fresh_buffer();
        const Written written = write_integer(c.text, c.c_type, buffer.data());
        CHECK(name_of(written.outcome) == name_of(c.outcome));
        if (stores_value(c.outcome)) {
            const std::size_t size = integer_size(c.c_type);
            CHECK(written.length == static_cast<SQLLEN>(size));
            CHECK(read_integer(c.c_type, buffer.data()) == c.value);
            CHECK(untouched_from(buffer, size));
        } else {
            CHECK(untouched_from(buffer, 0));  // nothing is written on an error
        }
    }
}

}  // namespace

TEST_CASE("integer C types at their limits and one past") {
    check_integer_cases({
        {"-128", SQL_C_STINYINT, Outcome::ok, "-128"},
        {"127", SQL_C_STINYINT, Outcome::ok, "127"},
        {"128", SQL_C_STINYINT, Outcome::out_of_range, ""},
        {"-129", SQL_C_STINYINT, Outcome::out_of_range, ""},
        {"0", SQL_C_UTINYINT, Outcome::ok, "0"},
        {"255", SQL_C_UTINYINT, Outcome::ok, "255"},
        {"256", SQL_C_UTINYINT, Outcome::out_of_range, ""},
        {"-1", SQL_C_UTINYINT, Outcome::out_of_range, ""},
        {"-32768", SQL_C_SSHORT, Outcome::ok, "-32768"},
        {"32767", SQL_C_SSHORT, Outcome::ok, "32767"},
        {"32768", SQL_C_SSHORT, Outcome::out_of_range, ""},
        {"-32769", SQL_C_SSHORT, Outcome::out_of_range, ""},
        {"0", SQL_C_USHORT, Outcome::ok, "0"},
        {"65535", SQL_C_USHORT, Outcome::ok, "65535"},
        {"65536", SQL_C_USHORT, Outcome::out_of_range, ""},
        {"-1", SQL_C_USHORT, Outcome::out_of_range, ""},
        {"-2147483648", SQL_C_SLONG, Outcome::ok, "-2147483648"},
        {"2147483647", SQL_C_SLONG, Outcome::ok, "2147483647"},
        {"2147483648", SQL_C_SLONG, Outcome::out_of_range, ""},
        {"-2147483649", SQL_C_SLONG, Outcome::out_of_range, ""},
        {"0", SQL_C_ULONG, Outcome::ok, "0"},
        {"4294967295", SQL_C_ULONG, Outcome::ok, "4294967295"},
        {"4294967296", SQL_C_ULONG, Outcome::out_of_range, ""},
        {"-1", SQL_C_ULONG, Outcome::out_of_range, ""},
        {"-9223372036854775808", SQL_C_SBIGINT, Outcome::ok, "-9223372036854775808"},
        {"9223372036854775807", SQL_C_SBIGINT, Outcome::ok, "9223372036854775807"},
        {"9223372036854775808", SQL_C_SBIGINT, Outcome::out_of_range, ""},
        {"-9223372036854775809", SQL_C_SBIGINT, Outcome::out_of_range, ""},
        {"0", SQL_C_UBIGINT, Outcome::ok, "0"},
        {"18446744073709551615", SQL_C_UBIGINT, Outcome::ok, "18446744073709551615"},
        {"18446744073709551616", SQL_C_UBIGINT, Outcome::out_of_range, ""},
        {"-18446744073709551616", SQL_C_SBIGINT, Outcome::out_of_range, ""},
        {"-1", SQL_C_UBIGINT, Outcome::out_of_range, ""},
        {"99999999999999999999999999999", SQL_C_UBIGINT, Outcome::out_of_range, ""},
    });
}

TEST_CASE("ODBC 2 integer C types behave like the signed ones") {
    check_integer_cases({
        {"-128", SQL_C_TINYINT, Outcome::ok, "-128"},
        {"128", SQL_C_TINYINT, Outcome::out_of_range, ""},
        {"-32768", SQL_C_SHORT, Outcome::ok, "-32768"},
        {"32768", SQL_C_SHORT, Outcome::out_of_range, ""},
        {"-2147483648", SQL_C_LONG, Outcome::ok, "-2147483648"},
        {"2147483648", SQL_C_LONG, Outcome::out_of_range, ""},
    });
}

TEST_CASE("integer text forms: sign, fraction, exponent") {
    check_integer_cases({
        {"12.50", SQL_C_SLONG, Outcome::fractional_truncation, "12"},
        {"-12.50", SQL_C_SLONG, Outcome::fractional_truncation, "-12"},
        {"12.00", SQL_C_SLONG, Outcome::ok, "12"},
        {"5.", SQL_C_SLONG, Outcome::ok, "5"},
        {".5", SQL_C_SLONG, Outcome::fractional_truncation, "0"},
        {"-0", SQL_C_SLONG, Outcome::ok, "0"},
        {"-0", SQL_C_UTINYINT, Outcome::ok, "0"},
        {"-0.00", SQL_C_ULONG, Outcome::ok, "0"},
        {"+7", SQL_C_SSHORT, Outcome::ok, "7"},
        {"000042", SQL_C_SSHORT, Outcome::ok, "42"},
        {"1e3", SQL_C_SSHORT, Outcome::ok, "1000"},
        {"1E3", SQL_C_SSHORT, Outcome::ok, "1000"},
        {"1e3", SQL_C_STINYINT, Outcome::out_of_range, ""},
        {"1.5e2", SQL_C_UTINYINT, Outcome::ok, "150"},
        {"-1.5e2", SQL_C_SSHORT, Outcome::ok, "-150"},
        {"1.25e1", SQL_C_SLONG, Outcome::fractional_truncation, "12"},
        {"1e20", SQL_C_UBIGINT, Outcome::out_of_range, ""},
        {"-1e2", SQL_C_UBIGINT, Outcome::out_of_range, ""},
        {"127.9", SQL_C_STINYINT, Outcome::fractional_truncation, "127"},
        {"-128.9", SQL_C_STINYINT, Outcome::fractional_truncation, "-128"},
        {"255.5", SQL_C_UTINYINT, Outcome::fractional_truncation, "255"},
    });
}

TEST_CASE("infinities, NaN and non-numbers into integers") {
    check_integer_cases({
        {"Infinity", SQL_C_SLONG, Outcome::out_of_range, ""},
        {"-Infinity", SQL_C_SLONG, Outcome::out_of_range, ""},
        {"Infinity", SQL_C_UBIGINT, Outcome::out_of_range, ""},
        {"NaN", SQL_C_SLONG, Outcome::invalid_character, ""},
        {"NaN", SQL_C_UTINYINT, Outcome::invalid_character, ""},
        {"abc", SQL_C_SLONG, Outcome::invalid_character, ""},
        {"", SQL_C_SLONG, Outcome::invalid_character, ""},
        {"1.2.3", SQL_C_SLONG, Outcome::invalid_character, ""},
        {"-", SQL_C_SLONG, Outcome::invalid_character, ""},
        {".", SQL_C_SLONG, Outcome::invalid_character, ""},
        {"1-2", SQL_C_SLONG, Outcome::invalid_character, ""},
        {" 12", SQL_C_SLONG, Outcome::invalid_character, ""},
        {"12 ", SQL_C_SLONG, Outcome::invalid_character, ""},
        {"0x10", SQL_C_SLONG, Outcome::invalid_character, ""},
        {"1e", SQL_C_SLONG, Outcome::invalid_character, ""},
        {"e5", SQL_C_SLONG, Outcome::invalid_character, ""},
    });
}

TEST_CASE("boolean text t/f into integers") {
    check_integer_cases({
        {"t", SQL_C_SLONG, Outcome::ok, "1"},
        {"f", SQL_C_SLONG, Outcome::ok, "0"},
        {"t", SQL_C_UTINYINT, Outcome::ok, "1"},
        {"f", SQL_C_SBIGINT, Outcome::ok, "0"},
        {"true", SQL_C_SLONG, Outcome::invalid_character, ""},
    });
}

TEST_CASE("integer conversion to a non-integer C type is unsupported") {
    auto buffer = fresh_buffer();
    CHECK(write_integer("12", SQL_C_CHAR, buffer.data()).outcome == Outcome::unsupported);
    CHECK(write_integer("12", SQL_C_DOUBLE, buffer.data()).outcome == Outcome::unsupported);
    CHECK(untouched_from(buffer, 0));
}

TEST_CASE("a null integer target still reports the length") {
    const Written written = write_integer("42", SQL_C_SBIGINT, nullptr);
    CHECK(written.outcome == Outcome::ok);
    CHECK(written.length == static_cast<SQLLEN>(sizeof(std::int64_t)));
}

TEST_CASE("is_integer_c_type") {
    for (const SQLSMALLINT c_type :
         {SQL_C_STINYINT, SQL_C_TINYINT, SQL_C_UTINYINT, SQL_C_SSHORT, SQL_C_SHORT, SQL_C_USHORT,
          SQL_C_SLONG, SQL_C_LONG, SQL_C_ULONG, SQL_C_SBIGINT, SQL_C_UBIGINT}) {
        CAPTURE(c_type);
        CHECK(rsodbc::types::is_integer_c_type(c_type));
    }
    for (const SQLSMALLINT c_type : {SQL_C_CHAR, SQL_C_WCHAR, SQL_C_BIT, SQL_C_DOUBLE, SQL_C_FLOAT,
                                     SQL_C_NUMERIC, SQL_C_TYPE_DATE}) {
        CAPTURE(c_type);
        CHECK_FALSE(rsodbc::types::is_integer_c_type(c_type));
    }
}

// ---------------------------------------------------------------------------------------------
// SQL_C_DOUBLE and SQL_C_FLOAT

namespace {

enum class Expect { value, pos_inf, neg_inf, nan };

struct DoubleCase {
    std::string_view text;
    Outcome outcome;
    Expect expect;
    double value;
};

}  // namespace

TEST_CASE("text into SQL_C_DOUBLE") {
    const std::vector<DoubleCase> cases{
        {"3.25", Outcome::ok, Expect::value, 3.25},
        {"-3.25", Outcome::ok, Expect::value, -3.25},
        {"+5", Outcome::ok, Expect::value, 5.0},
        {"0", Outcome::ok, Expect::value, 0.0},
        {"-1e308", Outcome::ok, Expect::value, -1e308},
        {"1.7976931348623157e308", Outcome::ok, Expect::value, std::numeric_limits<double>::max()},
        {"1e-400", Outcome::ok, Expect::value, 0.0},     // underflow rounds to zero
        {"1e-310", Outcome::ok, Expect::value, 1e-310},  // denormals are kept
        {"12345678901234567890", Outcome::ok, Expect::value, 12345678901234567890.0},
        {"Infinity", Outcome::ok, Expect::pos_inf, 0},
        {"-Infinity", Outcome::ok, Expect::neg_inf, 0},
        {"NaN", Outcome::ok, Expect::nan, 0},
        {"t", Outcome::ok, Expect::value, 1.0},
        {"f", Outcome::ok, Expect::value, 0.0},
        {"abc", Outcome::invalid_character, Expect::value, 0},
        {"", Outcome::invalid_character, Expect::value, 0},
        {"+", Outcome::invalid_character, Expect::value, 0},
        {"1.2.3", Outcome::invalid_character, Expect::value, 0},
        {"3.25x", Outcome::invalid_character, Expect::value, 0},
        {" 3", Outcome::invalid_character, Expect::value, 0},
        {"++5", Outcome::invalid_character, Expect::value, 0},
    };
    for (const auto& c : cases) {
        INFO("text \"" << c.text << "\"");
        auto buffer = fresh_buffer();
        const Written written = write_floating(c.text, SQL_C_DOUBLE, buffer.data());
        CHECK(name_of(written.outcome) == name_of(c.outcome));
        if (c.outcome != Outcome::ok) {
            CHECK(untouched_from(buffer, 0));
            continue;
        }
        CHECK(written.length == static_cast<SQLLEN>(sizeof(double)));
        CHECK(untouched_from(buffer, sizeof(double)));
        double stored = 0;
        std::memcpy(&stored, buffer.data(), sizeof stored);
        switch (c.expect) {
            case Expect::value:
                CHECK(stored == c.value);
                break;
            case Expect::pos_inf:
                CHECK((std::isinf(stored) && stored > 0));
                break;
            case Expect::neg_inf:
                CHECK((std::isinf(stored) && stored < 0));
                break;
            case Expect::nan:
                CHECK(std::isnan(stored));
                break;
        }
    }
}

TEST_CASE("text into SQL_C_FLOAT") {
    const std::vector<DoubleCase> cases{
        {"3.25", Outcome::ok, Expect::value, 3.25},
        {"-0.5", Outcome::ok, Expect::value, -0.5},
        {"3.4028234e38", Outcome::ok, Expect::value, std::numeric_limits<float>::max()},
        {"1e39", Outcome::out_of_range, Expect::value, 0},
        {"-1e39", Outcome::out_of_range, Expect::value, 0},
        {"1e308", Outcome::out_of_range, Expect::value, 0},
        {"Infinity", Outcome::ok, Expect::pos_inf, 0},
        {"-Infinity", Outcome::ok, Expect::neg_inf, 0},
        {"NaN", Outcome::ok, Expect::nan, 0},
        {"1e-400", Outcome::ok, Expect::value, 0.0},
        {"x", Outcome::invalid_character, Expect::value, 0},
    };
    for (const auto& c : cases) {
        INFO("text \"" << c.text << "\"");
        auto buffer = fresh_buffer();
        const Written written = write_floating(c.text, SQL_C_FLOAT, buffer.data());
        CHECK(name_of(written.outcome) == name_of(c.outcome));
        if (c.outcome != Outcome::ok) {
            CHECK(untouched_from(buffer, 0));
            continue;
        }
        CHECK(written.length == static_cast<SQLLEN>(sizeof(float)));
        CHECK(untouched_from(buffer, sizeof(float)));
        float stored = 0;
        std::memcpy(&stored, buffer.data(), sizeof stored);
        switch (c.expect) {
            case Expect::value:
                CHECK(stored == static_cast<float>(c.value));
                break;
            case Expect::pos_inf:
                CHECK((std::isinf(stored) && stored > 0));
                break;
            case Expect::neg_inf:
                CHECK((std::isinf(stored) && stored < 0));
                break;
            case Expect::nan:
                CHECK(std::isnan(stored));
                break;
        }
    }
}

TEST_CASE("a null floating target still reports the length") {
    CHECK(write_floating("1.5", SQL_C_DOUBLE, nullptr).length
          == static_cast<SQLLEN>(sizeof(double)));
    CHECK(write_floating("1.5", SQL_C_FLOAT, nullptr).length == static_cast<SQLLEN>(sizeof(float)));
}

// ---------------------------------------------------------------------------------------------
// SQL_C_BIT (appendix D: 0 and 1 exact, (0, 2) loses the fraction, the rest is out of range)

TEST_CASE("text into SQL_C_BIT") {
    struct BitCase {
        std::string_view text;
        Outcome outcome;
        unsigned char bit;
    };

    const std::vector<BitCase> cases{
        {"0", Outcome::ok, 0},
        {"1", Outcome::ok, 1},
        {"0.0", Outcome::ok, 0},
        {"1.000", Outcome::ok, 1},
        {"-0", Outcome::ok, 0},
        {"0.5", Outcome::fractional_truncation, 0},
        {"1.5", Outcome::fractional_truncation, 1},
        {"1.999", Outcome::fractional_truncation, 1},
        {"2", Outcome::out_of_range, 0},
        {"-1", Outcome::out_of_range, 0},
        {"-0.5", Outcome::out_of_range, 0},
        {"Infinity", Outcome::out_of_range, 0},
        {"t", Outcome::ok, 1},
        {"f", Outcome::ok, 0},
        {"yes", Outcome::invalid_character, 0},
        {"", Outcome::invalid_character, 0},
    };
    for (const auto& c : cases) {
        INFO("text \"" << c.text << "\"");
        auto buffer = fresh_buffer();
        const Written written = write_bit(c.text, buffer.data());
        CHECK(name_of(written.outcome) == name_of(c.outcome));
        if (stores_value(c.outcome)) {
            CHECK(written.length == 1);
            CHECK(buffer[0] == c.bit);
            CHECK(untouched_from(buffer, 1));
        } else {
            CHECK(untouched_from(buffer, 0));
        }
    }
}

TEST_CASE("bit_text maps boolean text to digits and passes the rest through") {
    CHECK(rsodbc::types::bit_text("t") == "1");
    CHECK(rsodbc::types::bit_text("f") == "0");
    CHECK(rsodbc::types::bit_text("1") == "1");
    CHECK(rsodbc::types::bit_text("true") == "true");
}
