#include "catalog/result_shapes.h"

#include "types/type_table.h"

#include <array>

namespace rsodbc::catalog {

namespace {

// Identifiers are at most 127 bytes on Redshift (63 on PostgreSQL): reported as the `name` type
// (VARCHAR(127)) so applications size their buffers sensibly; free text is an unbounded
// `varchar`, never long (TextAsLongVarchar is about data, not metadata).
constexpr unsigned id = types::oid::name;
constexpr unsigned txt = types::oid::varchar;
constexpr unsigned i2 = types::oid::int2;
constexpr unsigned i4 = types::oid::int4;

// clang-format off
constexpr std::array tables{
    ResultColumn{"TABLE_CAT",   "TABLE_QUALIFIER", id},
    ResultColumn{"TABLE_SCHEM", "TABLE_OWNER",     id},
    ResultColumn{"TABLE_NAME",  nullptr,           id},
    ResultColumn{"TABLE_TYPE",  nullptr,           id},
    ResultColumn{"REMARKS",     nullptr,           txt},
};

constexpr std::array columns{
    ResultColumn{"TABLE_CAT",         "TABLE_QUALIFIER", id},
    ResultColumn{"TABLE_SCHEM",       "TABLE_OWNER",     id},
    ResultColumn{"TABLE_NAME",        nullptr,           id},
    ResultColumn{"COLUMN_NAME",       nullptr,           id},
    ResultColumn{"DATA_TYPE",         nullptr,           i2},
    ResultColumn{"TYPE_NAME",         nullptr,           id},
    ResultColumn{"COLUMN_SIZE",       "PRECISION",       i4},
    ResultColumn{"BUFFER_LENGTH",     "LENGTH",          i4},
    ResultColumn{"DECIMAL_DIGITS",    "SCALE",           i2},
    ResultColumn{"NUM_PREC_RADIX",    "RADIX",           i2},
    ResultColumn{"NULLABLE",          nullptr,           i2},
    ResultColumn{"REMARKS",           nullptr,           txt},
    ResultColumn{"COLUMN_DEF",        nullptr,           txt},
    ResultColumn{"SQL_DATA_TYPE",     nullptr,           i2},
    ResultColumn{"SQL_DATETIME_SUB",  nullptr,           i2},
    ResultColumn{"CHAR_OCTET_LENGTH", nullptr,           i4},
    ResultColumn{"ORDINAL_POSITION",  nullptr,           i4},
    ResultColumn{"IS_NULLABLE",       nullptr,           id},
};

constexpr std::array primary_keys{
    ResultColumn{"TABLE_CAT",   "TABLE_QUALIFIER", id},
    ResultColumn{"TABLE_SCHEM", "TABLE_OWNER",     id},
    ResultColumn{"TABLE_NAME",  nullptr,           id},
    ResultColumn{"COLUMN_NAME", nullptr,           id},
    ResultColumn{"KEY_SEQ",     nullptr,           i2},
    ResultColumn{"PK_NAME",     nullptr,           id},
};

constexpr std::array foreign_keys{
    ResultColumn{"PKTABLE_CAT",   "PKTABLE_QUALIFIER", id},
    ResultColumn{"PKTABLE_SCHEM", "PKTABLE_OWNER",     id},
    ResultColumn{"PKTABLE_NAME",  nullptr,             id},
    ResultColumn{"PKCOLUMN_NAME", nullptr,             id},
    ResultColumn{"FKTABLE_CAT",   "FKTABLE_QUALIFIER", id},
    ResultColumn{"FKTABLE_SCHEM", "FKTABLE_OWNER",     id},
    ResultColumn{"FKTABLE_NAME",  nullptr,             id},
    ResultColumn{"FKCOLUMN_NAME", nullptr,             id},
    ResultColumn{"KEY_SEQ",       nullptr,             i2},
    ResultColumn{"UPDATE_RULE",   nullptr,             i2},
    ResultColumn{"DELETE_RULE",   nullptr,             i2},
    ResultColumn{"FK_NAME",       nullptr,             id},
    ResultColumn{"PK_NAME",       nullptr,             id},
    ResultColumn{"DEFERRABILITY", nullptr,             i2},
};

constexpr std::array statistics{
    ResultColumn{"TABLE_CAT",        "TABLE_QUALIFIER", id},
    ResultColumn{"TABLE_SCHEM",      "TABLE_OWNER",     id},
    ResultColumn{"TABLE_NAME",       nullptr,           id},
    ResultColumn{"NON_UNIQUE",       nullptr,           i2},
    ResultColumn{"INDEX_QUALIFIER",  nullptr,           id},
    ResultColumn{"INDEX_NAME",       nullptr,           id},
    ResultColumn{"TYPE",             nullptr,           i2},
    ResultColumn{"ORDINAL_POSITION", "SEQ_IN_INDEX",    i2},
    ResultColumn{"COLUMN_NAME",      nullptr,           id},
    ResultColumn{"ASC_OR_DESC",      "COLLATION",       id},
    ResultColumn{"CARDINALITY",      nullptr,           i4},
    ResultColumn{"PAGES",            nullptr,           i4},
    ResultColumn{"FILTER_CONDITION", nullptr,           txt},
};

constexpr std::array special_columns{
    ResultColumn{"SCOPE",          nullptr,     i2},
    ResultColumn{"COLUMN_NAME",    nullptr,     id},
    ResultColumn{"DATA_TYPE",      nullptr,     i2},
    ResultColumn{"TYPE_NAME",      nullptr,     id},
    ResultColumn{"COLUMN_SIZE",    "PRECISION", i4},
    ResultColumn{"BUFFER_LENGTH",  "LENGTH",    i4},
    ResultColumn{"DECIMAL_DIGITS", "SCALE",     i2},
    ResultColumn{"PSEUDO_COLUMN",  nullptr,     i2},
};

constexpr std::array procedures{
    ResultColumn{"PROCEDURE_CAT",     "PROCEDURE_QUALIFIER", id},
    ResultColumn{"PROCEDURE_SCHEM",   "PROCEDURE_OWNER",     id},
    ResultColumn{"PROCEDURE_NAME",    nullptr,               id},
    ResultColumn{"NUM_INPUT_PARAMS",  nullptr,               i4},
    ResultColumn{"NUM_OUTPUT_PARAMS", nullptr,               i4},
    ResultColumn{"NUM_RESULT_SETS",   nullptr,               i4},
    ResultColumn{"REMARKS",           nullptr,               txt},
    ResultColumn{"PROCEDURE_TYPE",    nullptr,               i2},
};

constexpr std::array procedure_columns{
    ResultColumn{"PROCEDURE_CAT",     "PROCEDURE_QUALIFIER", id},
    ResultColumn{"PROCEDURE_SCHEM",   "PROCEDURE_OWNER",     id},
    ResultColumn{"PROCEDURE_NAME",    nullptr,               id},
    ResultColumn{"COLUMN_NAME",       nullptr,               id},
    ResultColumn{"COLUMN_TYPE",       nullptr,               i2},
    ResultColumn{"DATA_TYPE",         nullptr,               i2},
    ResultColumn{"TYPE_NAME",         nullptr,               id},
    ResultColumn{"COLUMN_SIZE",       "PRECISION",           i4},
    ResultColumn{"BUFFER_LENGTH",     "LENGTH",              i4},
    ResultColumn{"DECIMAL_DIGITS",    "SCALE",               i2},
    ResultColumn{"NUM_PREC_RADIX",    "RADIX",               i2},
    ResultColumn{"NULLABLE",          nullptr,               i2},
    ResultColumn{"REMARKS",           nullptr,               txt},
    ResultColumn{"COLUMN_DEF",        nullptr,               txt},
    ResultColumn{"SQL_DATA_TYPE",     nullptr,               i2},
    ResultColumn{"SQL_DATETIME_SUB",  nullptr,               i2},
    ResultColumn{"CHAR_OCTET_LENGTH", nullptr,               i4},
    ResultColumn{"ORDINAL_POSITION",  nullptr,               i4},
    ResultColumn{"IS_NULLABLE",       nullptr,               id},
};
// clang-format on

}  // namespace

std::span<const ResultColumn> tables_shape() {
    return tables;
}

std::span<const ResultColumn> columns_shape() {
    return columns;
}

std::span<const ResultColumn> primary_keys_shape() {
    return primary_keys;
}

std::span<const ResultColumn> foreign_keys_shape() {
    return foreign_keys;
}

std::span<const ResultColumn> statistics_shape() {
    return statistics;
}

std::span<const ResultColumn> special_columns_shape() {
    return special_columns;
}

std::span<const ResultColumn> procedures_shape() {
    return procedures;
}

std::span<const ResultColumn> procedure_columns_shape() {
    return procedure_columns;
}

std::vector<wire::BuiltColumn> built_columns(std::span<const ResultColumn> shape, bool odbc2) {
    std::vector<wire::BuiltColumn> out;
    out.reserve(shape.size());
    for (const ResultColumn& column : shape) {
        const char* name = odbc2 && column.odbc2_name != nullptr ? column.odbc2_name : column.name;
        out.push_back({name, column.type_oid});
    }
    return out;
}

}  // namespace rsodbc::catalog
