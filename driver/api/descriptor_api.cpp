// SQLGetDescField, SQLSetDescField, SQLGetDescRec, SQLSetDescRec, SQLCopyDesc. The field rules are
// in core/descriptor_fields.cpp; this file only moves arguments.
#include "api/entry.h"
#include "api/text_in.h"
#include "api/text_out.h"
#include "api/value_out.h"
#include "core/call_trace.h"
#include "core/descriptor.h"
#include "core/descriptor_fields.h"

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

using rsodbc::api::entry;
using rsodbc::api::store;
using rsodbc::api::text_out;
using rsodbc::api::Units;
using rsodbc::api::value_out;
using rsodbc::core::Descriptor;
using rsodbc::core::FieldType;
using rsodbc::core::FieldValue;

namespace {

// SQLGetDescFieldW counts text in bytes, like SQLColAttributeW.
template <class Char>
SQLRETURN get_desc_field(SQLHDESC handle, SQLSMALLINT record, SQLSMALLINT field, SQLPOINTER value,
                         SQLINTEGER capacity, SQLINTEGER* length) {
    return entry<Descriptor>(handle, [&](Descriptor& d) -> SQLRETURN {
        const FieldType type = rsodbc::core::field_type(field);
        const auto got = rsodbc::core::get_field(d, record, field);
        if (!got) {
            return SQL_NO_DATA;
        }
        switch (type) {
            case FieldType::small_int:
                value_out(static_cast<SQLSMALLINT>(got->number), value, length);
                break;
            case FieldType::integer:
                value_out(static_cast<SQLINTEGER>(got->number), value, length);
                break;
            case FieldType::length:
                value_out(got->number, value, length);
                break;
            case FieldType::pointer:
                value_out(got->pointer, value, length);
                break;
            case FieldType::text:
                text_out(got->text, static_cast<Char*>(value), capacity, length, Units::bytes,
                         d.diagnostics());
                break;
        }
        return SQL_SUCCESS;
    });
}

template <class Char>
SQLRETURN set_desc_field(SQLHDESC handle, SQLSMALLINT record, SQLSMALLINT field, SQLPOINTER value,
                         SQLINTEGER length) {
    return entry<Descriptor>(handle, [&](Descriptor& d) {
        FieldValue input{reinterpret_cast<SQLLEN>(value), value, {}};  // NOLINT: ODBC integers
        if (rsodbc::core::field_type(field) == FieldType::text) {
            // SQLSetDescFieldW's BufferLength is in bytes too.
            input.text =
                rsodbc::api::text_in_bytes(static_cast<const Char*>(value), length).value_or("");
        }
        rsodbc::core::set_field(d, record, field, input);
    });
}

// SQLGetDescRecW counts the name in characters.
template <class Char>
SQLRETURN get_desc_rec(SQLHDESC handle, SQLSMALLINT record, Char* name, SQLSMALLINT capacity,
                       SQLSMALLINT* name_length, SQLSMALLINT* type, SQLSMALLINT* subtype,
                       SQLLEN* length, SQLSMALLINT* precision, SQLSMALLINT* scale,
                       SQLSMALLINT* nullable) {
    return entry<Descriptor>(handle, [&](Descriptor& d) -> SQLRETURN {
        const auto got = rsodbc::core::get_record(d, record);
        if (!got) {
            return SQL_NO_DATA;
        }
        text_out(got->name, name, capacity, name_length, Units::characters, d.diagnostics());
        store(type, got->type);
        store(subtype, got->subtype);
        store(length, got->octet_length);
        store(precision, got->precision);
        store(scale, got->scale);
        store(nullable, got->nullable);
        return SQL_SUCCESS;
    });
}

}  // namespace

extern "C" {

SQLRETURN SQL_API SQLGetDescField(SQLHDESC handle, SQLSMALLINT record, SQLSMALLINT field,
                                  SQLPOINTER value, SQLINTEGER capacity, SQLINTEGER* length) {
    RSODBC_API_CALL(handle, record, field, value, capacity, length);
    return get_desc_field<SQLCHAR>(handle, record, field, value, capacity, length);
}

SQLRETURN SQL_API SQLGetDescFieldW(SQLHDESC handle, SQLSMALLINT record, SQLSMALLINT field,
                                   SQLPOINTER value, SQLINTEGER capacity, SQLINTEGER* length) {
    RSODBC_API_CALL(handle, record, field, value, capacity, length);
    return get_desc_field<SQLWCHAR>(handle, record, field, value, capacity, length);
}

SQLRETURN SQL_API SQLSetDescField(SQLHDESC handle, SQLSMALLINT record, SQLSMALLINT field,
                                  SQLPOINTER value, SQLINTEGER length) {
    RSODBC_API_CALL(handle, record, field, value, length);
    return set_desc_field<SQLCHAR>(handle, record, field, value, length);
}

SQLRETURN SQL_API SQLSetDescFieldW(SQLHDESC handle, SQLSMALLINT record, SQLSMALLINT field,
                                   SQLPOINTER value, SQLINTEGER length) {
    RSODBC_API_CALL(handle, record, field, value, length);
    return set_desc_field<SQLWCHAR>(handle, record, field, value, length);
}

SQLRETURN SQL_API SQLGetDescRec(SQLHDESC handle, SQLSMALLINT record, SQLCHAR* name,
                                SQLSMALLINT capacity, SQLSMALLINT* name_length, SQLSMALLINT* type,
                                SQLSMALLINT* subtype, SQLLEN* length, SQLSMALLINT* precision,
                                SQLSMALLINT* scale, SQLSMALLINT* nullable) {
    RSODBC_API_CALL(handle, record, name, capacity, name_length, type, subtype, length, precision,
                    scale, nullable);
    return get_desc_rec(handle, record, name, capacity, name_length, type, subtype, length,
                        precision, scale, nullable);
}

SQLRETURN SQL_API SQLGetDescRecW(SQLHDESC handle, SQLSMALLINT record, SQLWCHAR* name,
                                 SQLSMALLINT capacity, SQLSMALLINT* name_length, SQLSMALLINT* type,
                                 SQLSMALLINT* subtype, SQLLEN* length, SQLSMALLINT* precision,
                                 SQLSMALLINT* scale, SQLSMALLINT* nullable) {
    RSODBC_API_CALL(handle, record, name, capacity, name_length, type, subtype, length, precision,
                    scale, nullable);
    return get_desc_rec(handle, record, name, capacity, name_length, type, subtype, length,
                        precision, scale, nullable);
}

SQLRETURN SQL_API SQLSetDescRec(SQLHDESC handle, SQLSMALLINT record, SQLSMALLINT type,
                                SQLSMALLINT subtype, SQLLEN length, SQLSMALLINT precision,
                                SQLSMALLINT scale, SQLPOINTER data, SQLLEN* octet_length,
                                SQLLEN* indicator) {
    RSODBC_API_CALL(handle, record, type, subtype, length, precision, scale, data, octet_length,
                    indicator);
    return entry<Descriptor>(handle, [&](Descriptor& d) {
        rsodbc::core::set_record(
            d, record, {type, subtype, length, precision, scale, data, octet_length, indicator});
    });
}

SQLRETURN SQL_API SQLCopyDesc(SQLHDESC source, SQLHDESC target) {
    RSODBC_API_CALL(source, target);
    auto* from = rsodbc::core::Handle::from<Descriptor>(source);
    if (from == nullptr) {
        return SQL_INVALID_HANDLE;
    }
    return entry<Descriptor>(target, [&](Descriptor& to) {
        const auto guard = from->lock();  // may belong to another connection
        rsodbc::core::copy_descriptor(*from, to);
    });
}

}  // extern "C"
