#pragma once
// Fixed-size results (integers, handles) written through SQLPOINTER arguments. memcpy, because an
// application's buffer need not be aligned for the type.
#include <sql.h>

#include <cstring>

namespace rsodbc::api {

template <class T, class Length = SQLINTEGER>
void value_out(T value, SQLPOINTER target, Length* length_out = nullptr) {
    if (target != nullptr) {
        std::memcpy(target, &value, sizeof value);
    }
    if (length_out != nullptr) {
        *length_out = static_cast<Length>(sizeof value);
    }
}

// An optional typed output argument (ColumnSizePtr, NullablePtr...): written only when given.
template <class T>
void store(T* target, T value) {
    if (target != nullptr) {
        *target = value;
    }
}

}  // namespace rsodbc::api
