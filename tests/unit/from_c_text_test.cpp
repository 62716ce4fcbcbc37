// C -> SQL parameters, character, wide character, binary and GUID C types (ODBC appendix D).
#include "types/from_c/encode.h"

#include <doctest/doctest.h>

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
    std::string state;
    std::string text;
    unsigned oid = 0;
};

Result run(SQLSMALLINT c_type, const void* data, SQLLEN length, SQLSMALLINT sql_type,
           SQLULEN column_size = 0) {
    std::string out = "stale";
    const Encoded e = encode_parameter(ParamSource{c_type, data, length},
                                       ParamTarget{sql_type, column_size, 0}, out);
    return {std::string(sqlstate_of(e.outcome)), out, e.type_oid};
}

Result chars(std::string_view text, SQLSMALLINT sql_type, SQLULEN column_size = 0) {
    return run(SQL_C_CHAR, text.data(), static_cast<SQLLEN>(text.size()), sql_type, column_size);
}

Result wide(std::u16string_view text, SQLSMALLINT sql_type, SQLULEN column_size = 0) {
    return run(SQL_C_WCHAR, text.data(), static_cast<SQLLEN>(text.size() * 2), sql_type,
               column_size);
}

Result bytes(std::string_view data, SQLSMALLINT sql_type, SQLULEN column_size = 0) {
    return run(SQL_C_BINARY, data.data(), static_cast<SQLLEN>(data.size()), sql_type, column_size);
}

Result guid(const SQLGUID& g, SQLSMALLINT sql_type, SQLULEN column_size = 0) {
    return run(SQL_C_GUID, &g, sizeof g, sql_type, column_size);
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

const SQLGUID sample{0x12345678, 0x9abc, 0xdef0, {0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef}};

}  // namespace

// Text is checked eight bytes at a time while it is plain ASCII: a NUL or a non-ASCII byte is
// found wherever it sits, in a word or in the tail.
TEST_CASE("from_c: NUL and invalid UTF-8 are found at every position of longer text") {
    for (std::size_t length : {7U, 8U, 9U, 16U, 17U, 33U}) {
        for (std::size_t at = 0; at < length; ++at) {
            CAPTURE(length);
            CAPTURE(at);
            std::string text(length, 'a');
            text[at] = '\0';
            CHECK(chars(text, SQL_VARCHAR).state == "22018");
            text[at] = '\xff';
            CHECK(chars(text, SQL_VARCHAR).state == "22018");
            text[at] = '\x7f';
            CHECK(chars(text, SQL_VARCHAR).text == text);
        }
        std::string accented(length, 'a');
        accented.replace(length / 2, 0, "\xc3\xa9");
        CHECK(chars(accented, SQL_VARCHAR).text == accented);
        std::string cut = accented.substr(0, length / 2 + 1);  // lead byte without its follower
        CHECK(chars(cut, SQL_VARCHAR).state == "22018");
    }
}

TEST_CASE("from_c: character data into character targets") {
    const char nts[] = "abc";
    check_all({
        {"varchar", chars("abcdef", SQL_VARCHAR, 6), "", "abcdef", 0},
        {"appendix example: too long", chars("abcdef", SQL_CHAR, 5), "22001", "", 0},
        {"unspecified size", chars(std::string(70000, 'x'), SQL_LONGVARCHAR), "",
         std::string(70000, 'x'), 0},
        {"SQL_NTS", run(SQL_C_CHAR, nts, SQL_NTS, SQL_VARCHAR), "", "abc", 0},
        {"blanks kept", chars(" a ", SQL_VARCHAR), "", " a ", 0},
        {"injection arrives verbatim", chars("'); DROP TABLE x; --", SQL_VARCHAR), "",
         "'); DROP TABLE x; --", 0},
        {"bytes for narrow targets", chars("\xc3\xa9\xc3\xa9", SQL_VARCHAR, 3), "22001", "", 0},
        {"UTF-16 units for wide targets", chars("\xc3\xa9\xc3\xa9", SQL_WVARCHAR, 2), "",
         "\xc3\xa9\xc3\xa9", 0},
        {"astral counts two units", chars("\xf0\x9f\x98\x80", SQL_WCHAR, 1), "22001", "", 0},
        {"invalid UTF-8", chars("\xc3(", SQL_VARCHAR), "22018", "", 0},
        {"embedded NUL", chars(std::string_view("a\0b", 3), SQL_VARCHAR), "22018", "", 0},
        {"negative length", run(SQL_C_CHAR, nts, -5, SQL_VARCHAR), "22018", "", 0},
        {"unknown target", chars("1", 9999), "07006", "", 0},
    });
}

TEST_CASE("from_c: wide character data") {
    const char16_t nts[] = u"h\u00e9";
    check_all({
        {"to UTF-8", wide(u"h\u00e9\U0001F600", SQL_WVARCHAR), "", "h\xc3\xa9\xf0\x9f\x98\x80", 0},
        {"SQL_NTS", run(SQL_C_WCHAR, nts, SQL_NTS, SQL_VARCHAR), "", "h\xc3\xa9", 0},
        {"narrow target counts UTF-8 bytes", wide(u"h\u00e9", SQL_VARCHAR, 2), "22001", "", 0},
        {"wide target counts units", wide(u"h\u00e9", SQL_WVARCHAR, 2), "", "h\xc3\xa9", 0},
        {"unpaired surrogate", wide(std::u16string(1, char16_t{0xD800}), SQL_WVARCHAR), "22018", "",
         0},
        {"odd octet length", run(SQL_C_WCHAR, nts, 3, SQL_WVARCHAR), "22018", "", 0},
        {"into integer", wide(u" 42 ", SQL_INTEGER), "", "42", 23},
        {"into integer, not a number", wide(u"4x", SQL_INTEGER), "22018", "", 0},
        {"into date", wide(u"{d '2024-02-29'}", SQL_TYPE_DATE), "", "2024-02-29", 1082},
    });
}

TEST_CASE("from_c: character data into binary and GUID targets") {
    check_all({
        {"hex", chars("0aFF", SQL_VARBINARY), "", "\\x0aff", 17},
        {"odd last digit ignored", chars("0a1", SQL_BINARY), "", "\\x0a", 17},
        {"not hex", chars("zz", SQL_LONGVARBINARY), "22018", "", 0},
        {"too long", chars("0a0b0c", SQL_VARBINARY, 2), "22001", "", 0},
        {"guid", chars("12345678-9ABC-def0-0123-456789abcdef", SQL_GUID), "",
         "12345678-9abc-def0-0123-456789abcdef", 2950},
        {"braced guid", chars("{12345678-9abc-def0-0123-456789abcdef}", SQL_GUID), "",
         "12345678-9abc-def0-0123-456789abcdef", 2950},
        {"bad guid", chars("12345678-9abc-def0-0123-456789abcdeg", SQL_GUID), "22018", "", 0},
        {"short guid", chars("1234", SQL_GUID), "22018", "", 0},
    });
}

TEST_CASE("from_c: SQL_C_BINARY") {
    const std::int32_t four = -5;
    const double eight = 2.5;
    const std::string as_int(reinterpret_cast<const char*>(&four), sizeof four);
    const std::string as_double(reinterpret_cast<const char*>(&eight), sizeof eight);
    check_all({
        {"bytea hex", bytes(std::string_view("\x00\x0a\xff", 3), SQL_VARBINARY), "", "\\x000aff",
         17},
        {"empty", bytes("", SQL_LONGVARBINARY), "", "\\x", 17},
        {"fits", bytes("abc", SQL_BINARY, 3), "", "\\x616263", 17},
        {"too long", bytes("abcd", SQL_BINARY, 3), "22001", "", 0},
        {"as-is into varchar", bytes("h\xc3\xa9", SQL_VARCHAR, 3), "", "h\xc3\xa9", 0},
        {"into varchar too long", bytes("abcd", SQL_VARCHAR, 3), "22001", "", 0},
        {"not text", bytes(std::string_view("\x00\xff", 2), SQL_VARCHAR), "22018", "", 0},
        {"UTF-16 into wvarchar", bytes(std::string_view("h\0i\0", 4), SQL_WVARCHAR), "", "hi", 0},
        {"odd length into wvarchar", bytes("abc", SQL_WVARCHAR), "22018", "", 0},
        {"native int", bytes(as_int, SQL_INTEGER), "", "-5", 23},
        {"native double", bytes(as_double, SQL_DOUBLE), "", "2.5", 701},
        {"wrong length", bytes("abc", SQL_INTEGER), "22003", "", 0},
        {"into interval", bytes("abcd", SQL_INTERVAL_DAY), "07006", "", 0},
        {"into guid", bytes("abcd", SQL_GUID), "07006", "", 0},
    });
}

TEST_CASE("from_c: SQL_C_GUID") {
    check_all({
        {"uuid", guid(sample, SQL_GUID), "", "12345678-9abc-def0-0123-456789abcdef", 2950},
        {"char", guid(sample, SQL_CHAR, 36), "", "12345678-9abc-def0-0123-456789abcdef", 0},
        {"char too short", guid(sample, SQL_VARCHAR, 35), "22001", "", 0},
        {"wchar", guid(sample, SQL_WVARCHAR), "", "12345678-9abc-def0-0123-456789abcdef", 0},
        {"into integer", guid(sample, SQL_INTEGER), "07006", "", 0},
        {"into binary", guid(sample, SQL_BINARY), "07006", "", 0},
    });
}

TEST_CASE("SQLSTATE of every outcome, both directions") {
    using rsodbc::types::is_error;
    using rsodbc::types::Outcome;
    CHECK(sqlstate_of(Outcome::ok).empty());
    CHECK(sqlstate_of(Outcome::truncated) == "01004");
    CHECK(sqlstate_of(Outcome::fractional_truncation) == "01S07");
    CHECK(sqlstate_of(Outcome::out_of_range) == "22003");
    CHECK(sqlstate_of(Outcome::invalid_character) == "22018");
    CHECK(sqlstate_of(Outcome::datetime_overflow) == "22008");
    CHECK(sqlstate_of(Outcome::unsupported) == "07006");
    CHECK(sqlstate_of(Outcome::string_right_truncated) == "22001");
    CHECK(sqlstate_of(Outcome::invalid_datetime_format) == "22007");
    CHECK(sqlstate_of(Outcome::interval_field_overflow) == "22015");
    CHECK_FALSE(is_error(Outcome::ok));
    CHECK_FALSE(is_error(Outcome::fractional_truncation));
    CHECK(is_error(Outcome::string_right_truncated));
    CHECK(is_error(Outcome::unsupported));
    CHECK_FALSE(is_error(Outcome::truncated));
    CHECK(rsodbc::types::name_of(Outcome::interval_field_overflow) == "interval_field_overflow");
    const int unknown_c_type = 9999;
    CHECK(run(static_cast<SQLSMALLINT>(unknown_c_type), "x", 1, SQL_VARCHAR).state == "07006");
}
