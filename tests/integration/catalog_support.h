// Helpers shared by the catalog tests (PostgreSQL and Redshift variants): read a whole catalog
// result as text, and the column names and SQL types of its shape.
#pragma once

#include "odbc_test.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

namespace catalog_test {

using Row = std::vector<std::optional<std::string>>;

inline std::vector<Row> fetch_all(const odbc_test::Stmt& stmt) {
    SQLSMALLINT columns = 0;
    odbc_test::check(SQLNumResultCols(stmt.get(), &columns), SQL_HANDLE_STMT, stmt.get());
    std::vector<Row> rows;
    while (true) {
        const SQLRETURN rc = SQLFetch(stmt.get());
        if (rc == SQL_NO_DATA) {
            break;
        }
        odbc_test::check(rc, SQL_HANDLE_STMT, stmt.get());
        if (!SQL_SUCCEEDED(rc)) {
            break;
        }
        Row row;
        for (SQLUSMALLINT i = 1; i <= columns; ++i) {
            row.push_back(odbc_test::fetch_string(stmt, i));
        }
        rows.push_back(std::move(row));
    }
    SQLFreeStmt(stmt.get(), SQL_CLOSE);
    return rows;
}

struct Described {
    std::string name;
    SQLSMALLINT type = 0;
};

inline std::vector<Described> describe(const odbc_test::Stmt& stmt) {
    SQLSMALLINT columns = 0;
    odbc_test::check(SQLNumResultCols(stmt.get(), &columns), SQL_HANDLE_STMT, stmt.get());
    std::vector<Described> out;
    for (SQLUSMALLINT i = 1; i <= columns; ++i) {
        SQLCHAR name[128] = {};
        SQLSMALLINT type = 0;
        odbc_test::check(SQLDescribeCol(stmt.get(), i, name, sizeof name, nullptr, &type, nullptr,
                                        nullptr, nullptr),
                         SQL_HANDLE_STMT, stmt.get());
        out.push_back({reinterpret_cast<char*>(name), type});
    }
    return out;
}

inline std::vector<std::string> names(const std::vector<Described>& described) {
    std::vector<std::string> out;
    for (const auto& column : described) {
        out.push_back(column.name);
    }
    return out;
}

// The values of one column (1-based) over all rows.
inline std::vector<std::string> column_values(const std::vector<Row>& rows, std::size_t column) {
    std::vector<std::string> out;
    for (const Row& row : rows) {
        out.push_back(row.at(column - 1).value_or("<NULL>"));
    }
    return out;
}

inline SQLCHAR* arg(const char* text) {
    return odbc_test::sqlc(text);
}

}  // namespace catalog_test
