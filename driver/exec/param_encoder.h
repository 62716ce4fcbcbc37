#pragma once
// Reads parameter set `row` out of the application's buffers through the APD (column-wise or
// row-wise binding, bind offset, indicators) and encodes each value as out-of-band text. The
// descriptor records are looked up once per encoder (one execution), not once per value: the
// bindings cannot change while SQLExecute runs.
#include "odbc/descriptor_records.h"
#include "odbc/diagnostics.h"
#include "types/from_c/encode.h"
#include "wire/param_values.h"

#include <sql.h>
#include <sqlext.h>

#include <optional>
#include <string>
#include <vector>

namespace rsodbc::exec {

// How the application supplies one parameter value of one row.
struct ParamCell {
    SQLSMALLINT c_type = SQL_C_CHAR;
    const void* data = nullptr;
    SQLLEN length = SQL_NTS;  // octet length or SQL_NTS
    bool is_null = false;
    bool at_execution = false;  // SQL_DATA_AT_EXEC / SQL_LEN_DATA_AT_EXEC(n)
};

class ParamEncoder {
public:
    ParamEncoder(odbc::DescriptorRecords& apd, odbc::DescriptorRecords& ipd)
        : apd_(apd), ipd_(ipd) {}

    // Where parameter `number` (1-based) of `row` (0-based) lives in application memory.
    [[nodiscard]] ParamCell cell(SQLUSMALLINT number, SQLULEN row);

    // Appends parameters 1..count of `row` to `out`. `supplied` holds data-at-execution values
    // (index number-1) collected by SQLPutData. Throws OdbcError (22001, 22003, 22008, 22018,
    // 07006...) for a value that cannot be sent; posts 01004/01S07 as warnings.
    void encode_row(SQLUSMALLINT count, SQLULEN row, wire::ParamValues& out,
                    odbc::Diagnostics& diagnostics,
                    const std::vector<std::optional<std::string>>* supplied = nullptr);

    // True when any parameter of row 0 is supplied at execution time.
    [[nodiscard]] bool needs_data_at_execution(SQLUSMALLINT count);

private:
    // Parameter `number` as bound: its C type, the size of one array element and its target.
    struct Binding {
        bool bound = false;
        SQLSMALLINT c_type = SQL_C_CHAR;
        std::size_t element_size = 0;
        const void* data = nullptr;
        const SQLLEN* indicator = nullptr;
        const SQLLEN* octet_length = nullptr;
        types::ParamTarget target{};
        // SQL_C_NUMERIC values are scaled by the APD's SQL_DESC_SCALE, never the struct's own.
        std::optional<SQLSMALLINT> numeric_scale;
    };

    // Throws 07002 for a parameter that is not bound.
    const Binding& binding(SQLUSMALLINT number);
    [[nodiscard]] ParamCell cell(const Binding& b, SQLUSMALLINT number, SQLULEN row) const;

    odbc::DescriptorRecords& apd_;
    odbc::DescriptorRecords& ipd_;
    std::vector<Binding> bindings_;  // resolved on first use, index number - 1
    std::string text_;               // one value's text, reused
};

}  // namespace rsodbc::exec
