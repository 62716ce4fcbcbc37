#pragma once
// What the driver reports for each server type: ODBC SQL type, sizes, names. One table, so
// SQLDescribeCol, SQLColAttribute, SQLGetTypeInfo and the catalog functions agree.
#include <sql.h>
#include <sqlext.h>

#include <string_view>

namespace rsodbc::types {

namespace oid {
inline constexpr unsigned boolean = 16;
inline constexpr unsigned bytea = 17;
inline constexpr unsigned single_char = 18;  // "char": one byte
inline constexpr unsigned name = 19;
inline constexpr unsigned int8 = 20;
inline constexpr unsigned int2 = 21;
inline constexpr unsigned int4 = 23;
inline constexpr unsigned text = 25;
inline constexpr unsigned oid = 26;
inline constexpr unsigned float4 = 700;
inline constexpr unsigned float8 = 701;
inline constexpr unsigned bpchar = 1042;
inline constexpr unsigned varchar = 1043;
inline constexpr unsigned date = 1082;
inline constexpr unsigned time = 1083;
inline constexpr unsigned timestamp = 1114;
inline constexpr unsigned timestamptz = 1184;
inline constexpr unsigned interval = 1186;
inline constexpr unsigned timetz = 1266;
inline constexpr unsigned numeric = 1700;
inline constexpr unsigned uuid = 2950;
inline constexpr unsigned json = 114;
inline constexpr unsigned jsonb = 3802;
// Redshift's own types.
inline constexpr unsigned geometry = 3000;
inline constexpr unsigned geography = 3001;
inline constexpr unsigned super = 4000;
inline constexpr unsigned varbyte = 6551;
inline constexpr unsigned interval_year_to_month = 1188;
inline constexpr unsigned interval_day_to_second = 1190;
}  // namespace oid

struct SqlTypeInfo {
    SQLSMALLINT sql_type = SQL_VARCHAR;  // concise type
    SQLULEN column_size = 0;
    SQLSMALLINT decimal_digits = 0;
    SQLLEN octet_length = 0;
    SQLLEN display_size = 0;
    std::string_view type_name;
    bool is_unsigned = false;
    bool case_sensitive = false;
    SQLSMALLINT num_prec_radix = 0;
    SQLSMALLINT searchable = SQL_PRED_BASIC;
    // text: character data without a declared length (TextAsLongVarchar reports it as long).
    bool unbounded_text = false;
};

// The longest character value Redshift stores (VARCHAR(65535)); used for unbounded text.
inline constexpr SQLULEN max_varchar_bytes = 65535;

SqlTypeInfo describe_server_type(unsigned type_oid, int type_modifier);

// The C type SQL_C_DEFAULT means for a column of this SQL type (ODBC appendix D).
SQLSMALLINT default_c_type(SQLSMALLINT sql_type);

// SQL_DESC_TYPE for a concise type: datetime concise types share SQL_DATETIME.
SQLSMALLINT verbose_type(SQLSMALLINT concise_type);

}  // namespace rsodbc::types
