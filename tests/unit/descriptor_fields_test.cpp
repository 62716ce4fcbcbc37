// The SQL_DESC_* field table and its consistency rules (core/descriptor_fields.cpp): who may read
// and write what, type resets, unbinding, SQL_DESC_COUNT and the SQL_DESC_DATA_PTR check.
#include "core/descriptor_fields.h"

#include "odbc/odbc_error.h"

#include <doctest/doctest.h>

#include <mutex>
#include <string>

using rsodbc::core::Descriptor;
using rsodbc::core::DescriptorKind;
using rsodbc::core::FieldValue;
using rsodbc::core::get_field;
using rsodbc::core::set_field;
using rsodbc::odbc::OdbcError;

namespace {

std::string state_of(auto&& call) {
    try {
        call();
    } catch (const OdbcError& error) {
        return std::string(error.state());
    }
    return "";
}

FieldValue number(SQLLEN value) {
    return FieldValue{value, nullptr, {}};
}

FieldValue pointer(void* value) {
    return FieldValue{0, value, {}};
}

SQLLEN read(Descriptor& d, SQLSMALLINT record, SQLSMALLINT field) {
    return get_field(d, record, field).value().number;
}

}  // namespace

TEST_CASE("SQL_DESC_TYPE and SQL_DESC_CONCISE_TYPE set each other") {
    std::recursive_mutex lock;
    Descriptor ard(DescriptorKind::ard, lock);
    set_field(ard, 1, SQL_DESC_CONCISE_TYPE, number(SQL_C_TYPE_TIMESTAMP));
    CHECK(read(ard, 1, SQL_DESC_TYPE) == SQL_DATETIME);
    CHECK(read(ard, 1, SQL_DESC_DATETIME_INTERVAL_CODE) == SQL_CODE_TIMESTAMP);
    CHECK(read(ard, 1, SQL_DESC_PRECISION) == 6);
    set_field(ard, 1, SQL_DESC_TYPE, number(SQL_INTERVAL));
    set_field(ard, 1, SQL_DESC_DATETIME_INTERVAL_CODE, number(SQL_CODE_DAY_TO_SECOND));
    CHECK(read(ard, 1, SQL_DESC_CONCISE_TYPE) == SQL_C_INTERVAL_DAY_TO_SECOND);
    CHECK(read(ard, 1, SQL_DESC_DATETIME_INTERVAL_PRECISION) == 2);
    set_field(ard, 1, SQL_DESC_TYPE, number(SQL_C_SLONG));
    CHECK(read(ard, 1, SQL_DESC_CONCISE_TYPE) == SQL_C_SLONG);
    CHECK(read(ard, 1, SQL_DESC_DATETIME_INTERVAL_CODE) == 0);
    CHECK(state_of([&] { set_field(ard, 1, SQL_DESC_DATETIME_INTERVAL_CODE, number(3)); })
          == "HY021");
}

TEST_CASE("SQL_C_NUMERIC and character types reset precision, scale and length") {
    std::recursive_mutex lock;
    Descriptor apd(DescriptorKind::apd, lock);
    set_field(apd, 1, SQL_DESC_SCALE, number(5));
    set_field(apd, 1, SQL_DESC_TYPE, number(SQL_C_NUMERIC));
    CHECK(read(apd, 1, SQL_DESC_PRECISION) == 38);
    CHECK(read(apd, 1, SQL_DESC_SCALE) == 0);
    set_field(apd, 1, SQL_DESC_TYPE, number(SQL_C_CHAR));
    CHECK(read(apd, 1, SQL_DESC_LENGTH) == 1);
    CHECK(read(apd, 1, SQL_DESC_PRECISION) == 0);
}

TEST_CASE("setting a field other than the deferred pointers unbinds the record") {
    std::recursive_mutex lock;
    Descriptor ard(DescriptorKind::ard, lock);
    int buffer = 0;
    SQLLEN indicator = 0;
    set_field(ard, 1, SQL_DESC_TYPE, number(SQL_C_SLONG));
    set_field(ard, 1, SQL_DESC_DATA_PTR, pointer(&buffer));
    set_field(ard, 1, SQL_DESC_INDICATOR_PTR, pointer(&indicator));
    set_field(ard, 1, SQL_DESC_OCTET_LENGTH_PTR, pointer(&indicator));
    CHECK(get_field(ard, 1, SQL_DESC_DATA_PTR)->pointer == &buffer);
    set_field(ard, 1, SQL_DESC_OCTET_LENGTH, number(4));
    CHECK(get_field(ard, 1, SQL_DESC_DATA_PTR)->pointer == nullptr);
    CHECK(get_field(ard, 1, SQL_DESC_INDICATOR_PTR)->pointer == &indicator);
}

TEST_CASE("SQL_DESC_DATA_PTR checks consistency: HY021") {
    std::recursive_mutex lock;
    Descriptor ard(DescriptorKind::ard, lock);
    int buffer = 0;
    set_field(ard, 1, SQL_DESC_TYPE, number(SQL_C_NUMERIC));
    set_field(ard, 1, SQL_DESC_PRECISION, number(4));
    set_field(ard, 1, SQL_DESC_SCALE, number(6));
    CHECK(state_of([&] { set_field(ard, 1, SQL_DESC_DATA_PTR, pointer(&buffer)); }) == "HY021");
    CHECK(get_field(ard, 1, SQL_DESC_DATA_PTR)->pointer == nullptr);
    set_field(ard, 1, SQL_DESC_SCALE, number(2));
    set_field(ard, 1, SQL_DESC_DATA_PTR, pointer(&buffer));
    set_field(ard, 2, SQL_DESC_TYPE, number(12345));  // not a C type
    CHECK(state_of([&] { set_field(ard, 2, SQL_DESC_DATA_PTR, pointer(&buffer)); }) == "HY021");
    // An IPD's data pointer only forces the check.
    Descriptor ipd(DescriptorKind::ipd, lock);
    set_field(ipd, 1, SQL_DESC_TYPE, number(SQL_INTEGER));
    set_field(ipd, 1, SQL_DESC_DATA_PTR, pointer(&buffer));
    CHECK(state_of([&] { (void)get_field(ipd, 1, SQL_DESC_DATA_PTR); }) == "HY091");
}

TEST_CASE("SQL_DESC_COUNT grows and shrinks the records") {
    std::recursive_mutex lock;
    Descriptor ard(DescriptorKind::ard, lock);
    set_field(ard, 3, SQL_DESC_TYPE, number(SQL_C_SLONG));
    CHECK(read(ard, 0, SQL_DESC_COUNT) == 3);
    set_field(ard, 0, SQL_DESC_COUNT, number(1));
    CHECK(read(ard, 0, SQL_DESC_COUNT) == 1);
    CHECK_FALSE(get_field(ard, 3, SQL_DESC_TYPE).has_value());  // SQL_NO_DATA
    CHECK(state_of([&] { (void)get_field(ard, 0, SQL_DESC_TYPE); }) == "07009");
}

TEST_CASE("read and write rights follow the descriptor kind") {
    std::recursive_mutex lock;
    Descriptor ird(DescriptorKind::ird, lock);
    Descriptor ipd(DescriptorKind::ipd, lock);
    Descriptor ard(DescriptorKind::ard, lock);
    SQLULEN processed = 0;
    CHECK(state_of([&] { set_field(ird, 1, SQL_DESC_TYPE, number(SQL_INTEGER)); }) == "HY016");
    CHECK(state_of([&] { set_field(ird, 0, SQL_DESC_COUNT, number(1)); }) == "HY016");
    set_field(ird, 0, SQL_DESC_ROWS_PROCESSED_PTR, pointer(&processed));  // allowed
    CHECK(state_of([&] { (void)get_field(ard, 1, SQL_DESC_NAME); }) == "HY091");
    CHECK(state_of([&] { set_field(ard, 1, SQL_DESC_PARAMETER_TYPE, number(1)); }) == "HY091");
    CHECK(state_of([&] { (void)get_field(ard, 0, 9999); }) == "HY091");
    set_field(ipd, 1, SQL_DESC_NAME, FieldValue{0, nullptr, "p1"});
    CHECK(get_field(ipd, 1, SQL_DESC_NAME)->text == "p1");
    CHECK(read(ard, 0, SQL_DESC_ALLOC_TYPE) == SQL_DESC_ALLOC_AUTO);
    Descriptor user(lock, nullptr);
    CHECK(read(user, 0, SQL_DESC_ALLOC_TYPE) == SQL_DESC_ALLOC_AUTO);  // no owner: implicit
}

TEST_CASE("the IPD keeps SQLBindParameter's column size and decimal digits in step") {
    std::recursive_mutex lock;
    Descriptor ipd(DescriptorKind::ipd, lock);
    set_field(ipd, 1, SQL_DESC_TYPE, number(SQL_NUMERIC));
    set_field(ipd, 1, SQL_DESC_PRECISION, number(20));
    set_field(ipd, 1, SQL_DESC_SCALE, number(4));
    const rsodbc::odbc::DescriptorRecord& record = ipd.record(1);
    CHECK(record.column_size == 20);
    CHECK(record.decimal_digits == 4);
    CHECK(record.bound());
    set_field(ipd, 1, SQL_DESC_TYPE, number(SQL_VARCHAR));
    set_field(ipd, 1, SQL_DESC_LENGTH, number(30));
    CHECK(record.column_size == 30);
}
