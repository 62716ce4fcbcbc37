// The SQL_DESC_* field table and the generic get/set it drives. The readable/writable columns are
// the R/W columns of the ODBC "SQLSetDescField" header and record field tables.
#include "core/descriptor_fields.h"

#include "odbc/odbc_error.h"
#include "types/c_types.h"
#include "types/sql_types.h"

#include <algorithm>
#include <array>
#include <type_traits>

namespace rsodbc::core {

namespace {

// Descriptor kinds as bits. Explicitly allocated descriptors are application descriptors, and the
// spec gives ARD and APD the same rights on every field.
constexpr unsigned ard = 1;
constexpr unsigned apd = 2;
constexpr unsigned ird = 4;
constexpr unsigned ipd = 8;
constexpr unsigned app = ard | apd;
constexpr unsigned all = ard | apd | ird | ipd;
constexpr unsigned none = 0;

unsigned bit(DescriptorKind kind) {
    switch (kind) {
        case DescriptorKind::ard:
            return ard;
        case DescriptorKind::apd:
            return apd;
        case DescriptorKind::ird:
            return ird;
        case DescriptorKind::ipd:
            return ipd;
    }
    return none;
}

using Load = FieldValue (*)(const Descriptor&, const odbc::DescriptorRecord*);
using Store = void (*)(odbc::DescriptorHeader&, odbc::DescriptorRecord*, const FieldValue&);

struct Field {
    SQLSMALLINT id = 0;
    FieldType type{};
    bool header = false;
    unsigned readable = 0;
    unsigned writable = 0;
    Load load = nullptr;
    Store store = nullptr;
    bool from_column = false;  // the IRD takes it from the result column's attributes
};

template <class>
struct MemberOf;

template <class C, class T>
struct MemberOf<T C::*> {
    using Owner = C;
    using Type = T;
};

template <auto Member>
auto& member(odbc::DescriptorHeader& header, odbc::DescriptorRecord* record) {
    using Owner = typename MemberOf<decltype(Member)>::Owner;
    if constexpr (std::is_same_v<Owner, odbc::DescriptorHeader>) {
        return header.*Member;
    } else {
        return record->*Member;
    }
}

template <auto Member>
FieldValue load(const Descriptor& descriptor, const odbc::DescriptorRecord* record) {
    using Owner = typename MemberOf<decltype(Member)>::Owner;
    using T = typename MemberOf<decltype(Member)>::Type;
    const T* value = nullptr;
    if constexpr (std::is_same_v<Owner, odbc::DescriptorHeader>) {
        value = &(descriptor.header().*Member);
    } else {
        value = &(record->*Member);
    }
    if constexpr (std::is_pointer_v<T>) {
        return FieldValue{0, static_cast<SQLPOINTER>(*value), {}};
    } else if constexpr (std::is_same_v<T, std::string>) {
        return FieldValue{0, nullptr, *value};
    } else {
        return FieldValue{static_cast<SQLLEN>(*value), nullptr, {}};
    }
}

template <auto Member>
void store(odbc::DescriptorHeader& header, odbc::DescriptorRecord* record,
           const FieldValue& value) {
    using T = typename MemberOf<decltype(Member)>::Type;
    T& target = member<Member>(header, record);
    if constexpr (std::is_pointer_v<T>) {
        target = static_cast<T>(value.pointer);
    } else if constexpr (std::is_same_v<T, std::string>) {
        target = value.text;
    } else {
        target = static_cast<T>(value.number);
    }
}

FieldValue number(SQLLEN value) {
    return FieldValue{value, nullptr, {}};
}

// Fields whose value is computed or whose write is all side effect (apply_change does it).
FieldValue load_alloc_type(const Descriptor& d, const odbc::DescriptorRecord* /*record*/) {
    return number(d.explicitly_allocated() ? SQL_DESC_ALLOC_USER : SQL_DESC_ALLOC_AUTO);
}

FieldValue load_count(const Descriptor& d, const odbc::DescriptorRecord* /*record*/) {
    return number(d.count());
}

FieldValue load_type(const Descriptor& /*descriptor*/, const odbc::DescriptorRecord* r) {
    return number(verbose_type_of(r->concise_type));
}

FieldValue load_interval_code(const Descriptor& /*descriptor*/, const odbc::DescriptorRecord* r) {
    return number(interval_code_of(r->concise_type));
}

void store_nothing(odbc::DescriptorHeader& /*header*/, odbc::DescriptorRecord* /*record*/,
                   const FieldValue& /*value*/) {}

using R = odbc::DescriptorRecord;
using H = odbc::DescriptorHeader;
using F = FieldType;

// m must stay unparenthesised: &(H::x) is a plain address, not the pointer to member load needs.
#define RSODBC_MEMBER(m) \
    &load<&m>, &store<&m>  // NOLINT(cppcoreguidelines-macro-usage,bugprone-macro-parentheses)

// clang-format off
const std::array fields = {
    // Header fields.
    Field{SQL_DESC_ALLOC_TYPE, F::small_int, true, all, none, &load_alloc_type, &store_nothing},
    Field{SQL_DESC_ARRAY_SIZE, F::length, true, app, app, RSODBC_MEMBER(H::array_size)},
    Field{SQL_DESC_ARRAY_STATUS_PTR, F::pointer, true, all, all, RSODBC_MEMBER(H::array_status_ptr)},
    Field{SQL_DESC_BIND_OFFSET_PTR, F::pointer, true, app, app, RSODBC_MEMBER(H::bind_offset_ptr)},
    Field{SQL_DESC_BIND_TYPE, F::integer, true, app, app, RSODBC_MEMBER(H::bind_type)},
    Field{SQL_DESC_COUNT, F::small_int, true, all, app | ipd, &load_count, &store_nothing},
    Field{SQL_DESC_ROWS_PROCESSED_PTR, F::pointer, true, ird | ipd, ird | ipd,
          RSODBC_MEMBER(H::rows_processed_ptr)},
    // Record fields.
    Field{SQL_DESC_AUTO_UNIQUE_VALUE, F::integer, false, ird, none, RSODBC_MEMBER(R::auto_unique_value), true},
    Field{SQL_DESC_BASE_COLUMN_NAME, F::text, false, ird, none, RSODBC_MEMBER(R::base_column_name), true},
    Field{SQL_DESC_BASE_TABLE_NAME, F::text, false, ird, none, RSODBC_MEMBER(R::base_table_name), true},
    Field{SQL_DESC_CASE_SENSITIVE, F::integer, false, ird | ipd, none, RSODBC_MEMBER(R::case_sensitive), true},
    Field{SQL_DESC_CATALOG_NAME, F::text, false, ird, none, RSODBC_MEMBER(R::catalog_name), true},
    Field{SQL_DESC_CONCISE_TYPE, F::small_int, false, all, app | ipd, RSODBC_MEMBER(R::concise_type), true},
    Field{SQL_DESC_DATA_PTR, F::pointer, false, app, app | ipd, RSODBC_MEMBER(R::data_ptr)},
    Field{SQL_DESC_DATETIME_INTERVAL_CODE, F::small_int, false, all, app | ipd, &load_interval_code,
          &store_nothing},
    Field{SQL_DESC_DATETIME_INTERVAL_PRECISION, F::integer, false, all, app | ipd,
          RSODBC_MEMBER(R::datetime_interval_precision)},
    Field{SQL_DESC_DISPLAY_SIZE, F::length, false, ird, none, RSODBC_MEMBER(R::display_size), true},
    Field{SQL_DESC_FIXED_PREC_SCALE, F::small_int, false, ird | ipd, none, RSODBC_MEMBER(R::fixed_prec_scale), true},
    Field{SQL_DESC_INDICATOR_PTR, F::pointer, false, app, app, RSODBC_MEMBER(R::indicator_ptr)},
    Field{SQL_DESC_LABEL, F::text, false, ird, none, RSODBC_MEMBER(R::label), true},
    Field{SQL_DESC_LENGTH, F::length, false, all, app | ipd, RSODBC_MEMBER(R::length), true},
    Field{SQL_DESC_LITERAL_PREFIX, F::text, false, ird, none, RSODBC_MEMBER(R::literal_prefix), true},
    Field{SQL_DESC_LITERAL_SUFFIX, F::text, false, ird, none, RSODBC_MEMBER(R::literal_suffix), true},
    Field{SQL_DESC_LOCAL_TYPE_NAME, F::text, false, ird | ipd, none, RSODBC_MEMBER(R::local_type_name), true},
    Field{SQL_DESC_NAME, F::text, false, ird | ipd, ipd, RSODBC_MEMBER(R::name), true},
    Field{SQL_DESC_NULLABLE, F::small_int, false, ird | ipd, none, RSODBC_MEMBER(R::nullable), true},
    Field{SQL_DESC_NUM_PREC_RADIX, F::integer, false, all, app | ipd, RSODBC_MEMBER(R::num_prec_radix), true},
    Field{SQL_DESC_OCTET_LENGTH, F::length, false, all, app | ipd, RSODBC_MEMBER(R::octet_length), true},
    Field{SQL_DESC_OCTET_LENGTH_PTR, F::pointer, false, app, app, RSODBC_MEMBER(R::octet_length_ptr)},
    Field{SQL_DESC_PARAMETER_TYPE, F::small_int, false, ipd, ipd, RSODBC_MEMBER(R::parameter_type)},
    Field{SQL_DESC_PRECISION, F::small_int, false, all, app | ipd, RSODBC_MEMBER(R::precision), true},
    Field{SQL_DESC_ROWVER, F::small_int, false, ird | ipd, none, RSODBC_MEMBER(R::rowver)},
    Field{SQL_DESC_SCALE, F::small_int, false, all, app | ipd, RSODBC_MEMBER(R::scale), true},
    Field{SQL_DESC_SCHEMA_NAME, F::text, false, ird, none, RSODBC_MEMBER(R::schema_name), true},
    Field{SQL_DESC_SEARCHABLE, F::small_int, false, ird, none, RSODBC_MEMBER(R::searchable), true},
    Field{SQL_DESC_TABLE_NAME, F::text, false, ird, none, RSODBC_MEMBER(R::table_name), true},
    Field{SQL_DESC_TYPE, F::small_int, false, all, app | ipd, &load_type, &store_nothing},
    Field{SQL_DESC_TYPE_NAME, F::text, false, ird | ipd, none, RSODBC_MEMBER(R::type_name), true},
    Field{SQL_DESC_UNNAMED, F::small_int, false, ird | ipd, ipd, RSODBC_MEMBER(R::unnamed), true},
    Field{SQL_DESC_UNSIGNED, F::small_int, false, ird | ipd, none, RSODBC_MEMBER(R::unsigned_), true},
    Field{SQL_DESC_UPDATABLE, F::small_int, false, ird, none, RSODBC_MEMBER(R::updatable), true},
};
// clang-format on

#undef RSODBC_MEMBER

const Field* find(SQLSMALLINT id) {
    const auto* found =
        std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.id == id; });
    return found == fields.end() ? nullptr : found;
}

[[noreturn]] void invalid_field(SQLSMALLINT id, const char* why) {
    throw odbc::OdbcError(sqlstate::invalid_descriptor_field_identifier,
                          "invalid descriptor field identifier: " + std::to_string(id) + why);
}

const Field& require(SQLSMALLINT id) {
    const Field* field = find(id);
    if (field == nullptr) {
        invalid_field(id, " is not a descriptor field");
    }
    return *field;
}

void require_record_number(SQLSMALLINT record) {
    if (record <= 0) {
        throw odbc::OdbcError(sqlstate::invalid_descriptor_index,
                              record == 0
                                  ? "invalid descriptor index: record 0 is the bookmark record "
                                    "and bookmarks are not supported"
                                  : "invalid descriptor index: records are numbered from 1");
    }
}

// SQLBindParameter's ColumnSize is SQL_DESC_PRECISION for numbers (types::is_number_sql_type),
// SQL_DESC_LENGTH otherwise; DecimalDigits is SQL_DESC_PRECISION for fractional seconds,
// SQL_DESC_SCALE otherwise. SQL and C concise types share their numbers here (SQL_C_NUMERIC,
// SQL_C_TYPE_*, SQL_C_INTERVAL_*), so the SQL type table answers for both.
bool digits_are_precision(SQLSMALLINT sql_type) {
    return sql_type == SQL_TYPE_TIME || sql_type == SQL_TYPE_TIMESTAMP
           || types::interval_has_seconds(sql_type);
}

void sync_parameter_sizes(odbc::DescriptorRecord& record) {
    record.column_size = types::is_number_sql_type(record.concise_type)
                             ? static_cast<SQLULEN>(std::max<SQLSMALLINT>(record.precision, 0))
                             : record.length;
    record.decimal_digits =
        digits_are_precision(record.concise_type) ? record.precision : record.scale;
}

// SQL_DESC_TYPE: SQL_DATETIME and SQL_INTERVAL wait for SQL_DESC_DATETIME_INTERVAL_CODE.
void set_verbose_type(odbc::DescriptorRecord& record, SQLSMALLINT type) {
    if (type == SQL_DATETIME || type == SQL_INTERVAL) {
        record.concise_type = type;
        return;
    }
    assign_concise_type(record, type);
}

void set_interval_code(odbc::DescriptorRecord& record, SQLSMALLINT code) {
    const SQLSMALLINT verbose = verbose_type_of(record.concise_type);
    if (verbose == SQL_DATETIME && code >= SQL_CODE_DATE && code <= SQL_CODE_TIMESTAMP) {
        assign_concise_type(record, static_cast<SQLSMALLINT>(SQL_TYPE_DATE - SQL_CODE_DATE + code));
    } else if (verbose == SQL_INTERVAL && code >= SQL_CODE_YEAR
               && code <= SQL_CODE_MINUTE_TO_SECOND) {
        assign_concise_type(record,
                            static_cast<SQLSMALLINT>(SQL_INTERVAL_YEAR - SQL_CODE_YEAR + code));
    } else {
        throw odbc::OdbcError(sqlstate::inconsistent_descriptor_information,
                              "inconsistent descriptor information: SQL_DESC_DATETIME_"
                              "INTERVAL_CODE "
                                  + std::to_string(code) + " does not fit SQL_DESC_TYPE "
                                  + std::to_string(verbose));
    }
}

// ODBC "Consistency Checks": what setting SQL_DESC_DATA_PTR verifies.
bool consistent(DescriptorKind kind, const odbc::DescriptorRecord& record) {
    const SQLSMALLINT type = record.concise_type;
    const bool known = kind == DescriptorKind::ipd
                           ? types::is_known_sql_type(type)
                           : type == SQL_C_DEFAULT || types::is_known_c_type(type);
    if (!known) {
        return false;
    }
    if (types::is_decimal_sql_type(type)) {
        return record.precision >= 1 && record.precision <= default_numeric_precision
               && record.scale >= 0 && record.scale <= record.precision;
    }
    if (types::is_datetime_sql_type(type) || types::interval_has_seconds(type)) {
        if (record.precision < 0 || record.precision > 9) {
            return false;
        }
    }
    if (types::is_interval_sql_type(type)) {
        return record.datetime_interval_precision >= 1 && record.datetime_interval_precision <= 9;
    }
    return true;
}

// Every side effect of SQLSetDescField on a record, in the order of the spec's rules.
void apply_change(DescriptorKind kind, odbc::DescriptorRecord& record, const Field& field,
                  const FieldValue& value) {
    const auto number = static_cast<SQLSMALLINT>(value.number);
    switch (field.id) {
        case SQL_DESC_DATA_PTR:
            // Setting it checks the record; an IPD's is set only to force that check.
            if (value.pointer != nullptr && !consistent(kind, record)) {
                throw odbc::OdbcError(
                    sqlstate::inconsistent_descriptor_information,
                    "inconsistent descriptor information: the record's type, length, "
                    "precision and scale do not agree (ODBC \"Consistency Checks\")");
            }
            if (kind != DescriptorKind::ipd) {
                record.data_ptr = value.pointer;
            }
            return;
        case SQL_DESC_INDICATOR_PTR:
        case SQL_DESC_OCTET_LENGTH_PTR: {
            odbc::DescriptorHeader unused;
            field.store(unused, &record, value);  // deferred fields: the record stays bound
            return;
        }
        case SQL_DESC_TYPE:
            set_verbose_type(record, number);
            break;
        case SQL_DESC_CONCISE_TYPE:
            assign_concise_type(record, number);
            break;
        case SQL_DESC_DATETIME_INTERVAL_CODE:
            set_interval_code(record, number);
            break;
        default: {
            odbc::DescriptorHeader unused;
            field.store(unused, &record, value);
        }
    }
    record.data_ptr = nullptr;  // any other field unbinds the record
    if (kind == DescriptorKind::ipd) {
        record.bound_ = true;  // a described parameter
        sync_parameter_sizes(record);
    }
}

void apply_header_change(Descriptor& descriptor, const Field& field, const FieldValue& value) {
    if (field.id == SQL_DESC_COUNT) {
        if (value.number < 0) {
            throw odbc::OdbcError(sqlstate::invalid_descriptor_index,
                                  "invalid descriptor index: SQL_DESC_COUNT must not be negative");
        }
        descriptor.set_count(static_cast<SQLSMALLINT>(value.number));  // fewer records: unbound
        return;
    }
    if (field.id == SQL_DESC_ARRAY_SIZE && value.number <= 0) {
        throw odbc::OdbcError(sqlstate::invalid_attribute_value,
                              "invalid attribute value: SQL_DESC_ARRAY_SIZE must be at least 1");
    }
    field.store(descriptor.header(), nullptr, value);
}

}  // namespace

FieldType field_type(SQLSMALLINT field) {
    return require(field).type;
}

std::optional<FieldValue> get_field(Descriptor& descriptor, SQLSMALLINT record, SQLSMALLINT field) {
    const Field& f = require(field);
    if ((f.readable & bit(descriptor.descriptor_kind())) == 0) {
        invalid_field(field, " cannot be read from this kind of descriptor");
    }
    descriptor.refresh();
    if (f.header) {
        return f.load(descriptor, nullptr);
    }
    require_record_number(record);
    const odbc::DescriptorRecord* found =
        descriptor.existing_record(static_cast<SQLUSMALLINT>(record));
    if (found == nullptr) {
        return std::nullopt;
    }
    return f.load(descriptor, found);
}

void set_field(Descriptor& descriptor, SQLSMALLINT record, SQLSMALLINT field,
               const FieldValue& value) {
    const Field& f = require(field);
    const DescriptorKind kind = descriptor.descriptor_kind();
    if (kind == DescriptorKind::ird && (f.writable & ird) == 0) {
        throw odbc::OdbcError(sqlstate::cannot_modify_ird,
                              "cannot modify an implementation row descriptor");
    }
    if ((f.writable & bit(kind)) == 0) {
        invalid_field(field, " cannot be set in this kind of descriptor");
    }
    if (f.header) {
        apply_header_change(descriptor, f, value);
        return;
    }
    require_record_number(record);
    apply_change(kind, descriptor.record(static_cast<SQLUSMALLINT>(record)), f, value);
}

std::optional<RecordSummary> get_record(Descriptor& descriptor, SQLSMALLINT record) {
    require_record_number(record);
    descriptor.refresh();
    const odbc::DescriptorRecord* found =
        descriptor.existing_record(static_cast<SQLUSMALLINT>(record));
    if (found == nullptr) {
        return std::nullopt;
    }
    return RecordSummary{found->name,
                         verbose_type_of(found->concise_type),
                         interval_code_of(found->concise_type),
                         found->octet_length,
                         found->precision,
                         found->scale,
                         found->nullable};
}

void set_record(Descriptor& descriptor, SQLSMALLINT record, const RecordValues& values) {
    if (descriptor.descriptor_kind() == DescriptorKind::ird) {
        throw odbc::OdbcError(sqlstate::cannot_modify_ird,
                              "cannot modify an implementation row descriptor");
    }
    auto set = [&](SQLSMALLINT field, SQLLEN number, SQLPOINTER pointer = nullptr) {
        set_field(descriptor, record, field, FieldValue{number, pointer, {}});
    };
    set(SQL_DESC_TYPE, values.type);
    if (values.type == SQL_DATETIME || values.type == SQL_INTERVAL) {
        set(SQL_DESC_DATETIME_INTERVAL_CODE, values.subtype);
    }
    set(SQL_DESC_OCTET_LENGTH, values.octet_length);
    set(SQL_DESC_PRECISION, values.precision);
    set(SQL_DESC_SCALE, values.scale);
    if (descriptor.descriptor_kind() != DescriptorKind::ipd) {
        set(SQL_DESC_OCTET_LENGTH_PTR, 0, values.octet_length_ptr);
        set(SQL_DESC_INDICATOR_PTR, 0, values.indicator_ptr);
    }
    set(SQL_DESC_DATA_PTR, 0, values.data);
}

void copy_descriptor(Descriptor& source, Descriptor& target) {
    if (target.descriptor_kind() == DescriptorKind::ird) {
        throw odbc::OdbcError(sqlstate::cannot_modify_ird,
                              "cannot modify an implementation row descriptor");
    }
    source.refresh();
    target.copy_from(source);
}

SQLSMALLINT verbose_type_of(SQLSMALLINT concise_type) {
    if (types::is_datetime_sql_type(concise_type)) {
        return SQL_DATETIME;
    }
    return types::is_interval_sql_type(concise_type) ? SQLSMALLINT{SQL_INTERVAL} : concise_type;
}

SQLSMALLINT interval_code_of(SQLSMALLINT concise_type) {
    return types::datetime_interval_code(concise_type);
}

// The resets of the SQL_DESC_TYPE entry of "SQLSetDescField".
void assign_concise_type(odbc::DescriptorRecord& record, SQLSMALLINT concise_type) {
    record.concise_type = concise_type;
    switch (concise_type) {
        case SQL_CHAR:  // also SQL_C_CHAR
        case SQL_VARCHAR:
        case SQL_LONGVARCHAR:
        case SQL_WCHAR:  // also SQL_C_WCHAR
        case SQL_WVARCHAR:
        case SQL_WLONGVARCHAR:
            record.length = 1;
            record.precision = 0;
            return;
        case SQL_NUMERIC:  // also SQL_C_NUMERIC
        case SQL_DECIMAL:
            record.precision = default_numeric_precision;
            record.scale = 0;
            return;
        case SQL_FLOAT:
        case SQL_DOUBLE:  // also SQL_C_DOUBLE
            record.precision = 15;
            return;
        case SQL_REAL:  // also SQL_C_FLOAT
            record.precision = 7;
            return;
        case SQL_TYPE_DATE:
        case SQL_TYPE_TIME:
            record.precision = 0;
            return;
        case SQL_TYPE_TIMESTAMP:
            record.precision = 6;
            return;
        default:
            if (types::is_interval_sql_type(concise_type)) {
                record.datetime_interval_precision = 2;
                record.precision = types::interval_has_seconds(concise_type) ? 6 : 0;
            }
    }
}

void set_parameter_sizes(odbc::DescriptorRecord& record, SQLULEN column_size,
                         SQLSMALLINT decimal_digits) {
    if (types::is_number_sql_type(record.concise_type)) {
        record.precision = static_cast<SQLSMALLINT>(std::min<SQLULEN>(column_size, 0x7fff));
    } else {
        record.length = column_size;
    }
    (digits_are_precision(record.concise_type) ? record.precision : record.scale) = decimal_digits;
    record.column_size = column_size;
    record.decimal_digits = decimal_digits;
}

const std::vector<SQLSMALLINT>& ird_column_fields() {
    static const std::vector<SQLSMALLINT> ids = [] {
        std::vector<SQLSMALLINT> found;
        for (const Field& f : fields) {
            if (f.from_column) {
                found.push_back(f.id);
            }
        }
        return found;
    }();
    return ids;
}

void store_column_field(odbc::DescriptorRecord& record, SQLSMALLINT field,
                        const FieldValue& value) {
    const Field& f = require(field);
    if (f.header) {
        return;
    }
    if (field == SQL_DESC_CONCISE_TYPE) {
        record.concise_type = static_cast<SQLSMALLINT>(value.number);
        return;
    }
    odbc::DescriptorHeader unused;  // record fields never touch the header
    f.store(unused, &record, value);
}

}  // namespace rsodbc::core
