#include "wire/built_result.h"

#include <libpq-fe.h>

#include <new>

namespace rsodbc::wire {

PgResultPtr build_result(const std::vector<BuiltColumn>& columns,
                         const std::vector<BuiltRow>& rows) {
    PgResultPtr result(PQmakeEmptyPGresult(nullptr, PGRES_TUPLES_OK));
    if (result == nullptr) {
        throw std::bad_alloc();
    }
    std::vector<PGresAttDesc> attributes(columns.size());
    for (std::size_t i = 0; i < columns.size(); ++i) {
        attributes[i].name = const_cast<char*>(columns[i].name.c_str());  // NOLINT: libpq copies it
        attributes[i].tableid = 0;
        attributes[i].columnid = 0;
        attributes[i].format = 0;
        attributes[i].typid = columns[i].type_oid;
        attributes[i].typlen = -1;
        attributes[i].atttypmod = -1;
    }
    if (PQsetResultAttrs(result.get(), static_cast<int>(attributes.size()), attributes.data())
        == 0) {
        throw std::bad_alloc();
    }
    for (std::size_t row = 0; row < rows.size(); ++row) {
        for (std::size_t column = 0; column < columns.size(); ++column) {
            const std::optional<std::string>& value = rows[row][column];
            // libpq copies the value; a NULL is a null pointer with length -1.
            auto* text = value ? const_cast<char*>(value->c_str()) : nullptr;  // NOLINT
            if (PQsetvalue(result.get(), static_cast<int>(row), static_cast<int>(column), text,
                           value ? static_cast<int>(value->size()) : -1)
                == 0) {
                throw std::bad_alloc();
            }
        }
    }
    return result;
}

}  // namespace rsodbc::wire
