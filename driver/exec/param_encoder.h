#pragma once
// Reads parameter set `row` out of the application's buffers through the APD (column-wise or
// row-wise binding, bind offset, indicators) and encodes each value as out-of-band text.
#include "core/descriptor.h"
#include "core/diagnostics.h"
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
    ParamEncoder(core::Descriptor& apd, core::Descriptor& ipd) : apd_(apd), ipd_(ipd) {}

    // Where parameter `number` (1-based) of `row` (0-based) lives in application memory.
    [[nodiscard]] ParamCell cell(SQLUSMALLINT number, SQLULEN row) const;

    // Appends parameters 1..count of `row` to `out`. `supplied` holds data-at-execution values
    // (index number-1) collected by SQLPutData. Throws OdbcError (22001, 22003, 22008, 22018,
    // 07006...) for a value that cannot be sent; posts 01004/01S07 as warnings.
    void encode_row(SQLUSMALLINT count, SQLULEN row, wire::ParamValues& out,
                    core::Diagnostics& diagnostics,
                    const std::vector<std::optional<std::string>>* supplied = nullptr) const;

    // True when any parameter of row 0 is supplied at execution time.
    [[nodiscard]] bool needs_data_at_execution(SQLUSMALLINT count) const;

private:
    [[nodiscard]] std::optional<SQLSMALLINT> numeric_scale(SQLUSMALLINT number,
                                                           SQLSMALLINT c_type) const;

    core::Descriptor& apd_;
    core::Descriptor& ipd_;
};

}  // namespace rsodbc::exec
