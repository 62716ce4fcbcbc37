#include "api/text_in.h"

#include "odbc/odbc_error.h"
#include "types/utf.h"

#include <cstring>

namespace rsodbc::api {

namespace {

void check_length(SQLINTEGER length) {
    if (length < 0 && length != SQL_NTS) {
        throw odbc::OdbcError(sqlstate::invalid_string_or_buffer_length,
                              "invalid string or buffer length: " + std::to_string(length));
    }
}

}  // namespace

std::optional<std::string> text_in(const SQLCHAR* text, SQLINTEGER length) {
    if (text == nullptr) {
        return std::nullopt;
    }
    check_length(length);
    const auto* chars = reinterpret_cast<const char*>(text);  // NOLINT: SQLCHAR is unsigned char
    return length == SQL_NTS ? std::string(chars)
                             : std::string(chars, static_cast<std::size_t>(length));
}

std::optional<std::string> text_in(const SQLWCHAR* text, SQLINTEGER length) {
    if (text == nullptr) {
        return std::nullopt;
    }
    check_length(length);
    std::size_t units = 0;
    if (length == SQL_NTS) {
        while (text[units] != 0) {
            ++units;
        }
    } else {
        units = static_cast<std::size_t>(length);
    }
    // SQLWCHAR is a 16-bit unsigned short in unixODBC; char16_t has the same representation.
    const std::u16string_view wide(reinterpret_cast<const char16_t*>(text), units);  // NOLINT
    try {
        return types::to_utf8(wide);
    } catch (const types::EncodingError& error) {
        throw odbc::OdbcError(sqlstate::invalid_character_value,
                              std::string("invalid character value: the UTF-16 argument is not "
                                          "valid: ")
                                  + error.what());
    }
}

std::optional<std::string> text_in_bytes(const SQLCHAR* text, SQLINTEGER bytes) {
    return text_in(text, bytes);
}

std::optional<std::string> text_in_bytes(const SQLWCHAR* text, SQLINTEGER bytes) {
    if (text == nullptr) {
        return std::nullopt;
    }
    check_length(bytes);
    if (bytes > 0 && bytes % static_cast<SQLINTEGER>(sizeof(SQLWCHAR)) != 0) {
        throw odbc::OdbcError(sqlstate::invalid_string_or_buffer_length,
                              "invalid string or buffer length: " + std::to_string(bytes)
                                  + " bytes is not a whole number of UTF-16 units");
    }
    return text_in(text, bytes > 0 ? bytes / static_cast<SQLINTEGER>(sizeof(SQLWCHAR)) : bytes);
}

template <class Char>
std::string required_text_in(const Char* text, SQLINTEGER length, const char* argument) {
    auto value = text_in(text, length);
    if (!value) {
        throw odbc::OdbcError(
            sqlstate::invalid_use_of_null_pointer,
            std::string("invalid use of null pointer: ") + argument + " must not be NULL");
    }
    return std::move(*value);
}

template std::string required_text_in(const SQLCHAR*, SQLINTEGER, const char*);
template std::string required_text_in(const SQLWCHAR*, SQLINTEGER, const char*);

}  // namespace rsodbc::api
