// Parameters the server may coerce (issue 13 item 4): every SQL type an application binds × every
// column type of the flavour (forced Redshift mode uses the Redshift type set). The oracle for a
// cell is the server itself: when `INSERT INTO t VALUES ('<the value as text>')` is accepted, the
// bound parameter must be accepted too and store the same value. When psqlODBC is installed its
// DSN runs the same cells, and a cell psqlODBC accepts that we refuse fails unless it is listed in
// `documented_refusals` (each entry is a README decision).
#include "odbc_test.h"

#include <cctype>
#include <cstdlib>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace odbc_test;

namespace {

struct Column {
    const char* type;
    const char* sample;  // a literal of this type, bound as character data
    bool redshift;       // in Redshift's type set
};

const std::vector<Column> columns = {
    {"smallint", "7", true},
    {"integer", "42", true},
    {"bigint", "42", true},
    {"numeric(10,2)", "12.5", true},
    {"real", "1.5", true},
    {"double precision", "1.5", true},
    {"money", "1.5", false},
    {"boolean", "true", true},
    {"char(20)", "abc", true},
    {"varchar(40)", "abc", true},
    {"text", "abc", false},
    {"date", "2024-01-02", true},
    {"time", "12:34:56", true},
    {"timetz", "12:34:56+02", true},
    {"timestamp", "2024-01-02 12:34:56", true},
    {"timestamptz", "2024-01-02 12:34:56+02", true},
    {"interval", "1 day 02:00:00", false},
    {"json", "{\"a\": 1}", false},
    {"jsonb", "{\"a\": 1}", false},
    {"uuid", "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", false},
    {"bytea", "\\x01ab", false},
};

enum class Value {
    bit,
    int32,
    int16,
    int64,
    dbl,
    flt,
    numeric_chars,
    chars,
    wchars,
    long_chars,
    date,
    time,
    timestamp,
    guid,
    binary,
    chars_as_integer,
    int_as_varchar
};

struct Binding {
    const char* name;
    Value value;
    SQLSMALLINT c_type;
    SQLSMALLINT sql_type;
    SQLULEN size;
    SQLSMALLINT digits;
    const char* literal;  // the value as a literal; nullptr: the column's sample
};

const std::vector<Binding> bindings = {
    {"C_BIT/SQL_BIT 1", Value::bit, SQL_C_BIT, SQL_BIT, 1, 0, "1"},
    {"C_SLONG/SQL_INTEGER 42", Value::int32, SQL_C_SLONG, SQL_INTEGER, 10, 0, "42"},
    {"C_SSHORT/SQL_SMALLINT 7", Value::int16, SQL_C_SSHORT, SQL_SMALLINT, 5, 0, "7"},
    {"C_SBIGINT/SQL_BIGINT 42", Value::int64, SQL_C_SBIGINT, SQL_BIGINT, 19, 0, "42"},
    {"C_DOUBLE/SQL_DOUBLE 1.5", Value::dbl, SQL_C_DOUBLE, SQL_DOUBLE, 15, 0, "1.5"},
    {"C_FLOAT/SQL_REAL 1.5", Value::flt, SQL_C_FLOAT, SQL_REAL, 7, 0, "1.5"},
    {"C_CHAR/SQL_NUMERIC 12.5", Value::numeric_chars, SQL_C_CHAR, SQL_NUMERIC, 10, 2, "12.5"},
    {"C_CHAR/SQL_VARCHAR", Value::chars, SQL_C_CHAR, SQL_VARCHAR, 40, 0, nullptr},
    {"C_WCHAR/SQL_WVARCHAR", Value::wchars, SQL_C_WCHAR, SQL_WVARCHAR, 40, 0, nullptr},
    {"C_CHAR/SQL_LONGVARCHAR", Value::long_chars, SQL_C_CHAR, SQL_LONGVARCHAR, 100000, 0, nullptr},
    {"C_TYPE_DATE/SQL_TYPE_DATE", Value::date, SQL_C_TYPE_DATE, SQL_TYPE_DATE, 10, 0, "2024-01-02"},
    {"C_TYPE_TIME/SQL_TYPE_TIME", Value::time, SQL_C_TYPE_TIME, SQL_TYPE_TIME, 8, 0, "12:34:56"},
    {"C_TYPE_TIMESTAMP/SQL_TYPE_TIMESTAMP", Value::timestamp, SQL_C_TYPE_TIMESTAMP,
     SQL_TYPE_TIMESTAMP, 19, 0, "2024-01-02 12:34:56"},
    {"C_GUID/SQL_GUID", Value::guid, SQL_C_GUID, SQL_GUID, 36, 0,
     "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"},
    {"C_BINARY/SQL_VARBINARY", Value::binary, SQL_C_BINARY, SQL_VARBINARY, 2, 0, "\\x01ab"},
    {"C_CHAR/SQL_INTEGER 42", Value::chars_as_integer, SQL_C_CHAR, SQL_INTEGER, 10, 0, "42"},
    {"C_SLONG/SQL_VARCHAR 42", Value::int_as_varchar, SQL_C_SLONG, SQL_VARCHAR, 40, 0, "42"},
};

// Cells psqlODBC accepts and this driver refuses on purpose (README, "Parameters").
const std::set<std::string> documented_refusals = {
    // psqlODBC reads the two bytes as a number (stores 427); the literal '\x01ab' is refused.
    "C_BINARY/SQL_VARBINARY -> smallint", "C_BINARY/SQL_VARBINARY -> integer",
    "C_BINARY/SQL_VARBINARY -> bigint",   "C_BINARY/SQL_VARBINARY -> numeric(10,2)",
    "C_BINARY/SQL_VARBINARY -> real",     "C_BINARY/SQL_VARBINARY -> double precision",
    "C_BINARY/SQL_VARBINARY -> money",
};

std::string quoted(std::string_view text) {
    std::string out = "'";
    for (const char c : text) {
        out += c;
        if (c == '\'') {
            out += '\'';
        }
    }
    return out + "'";
}

// The value buffers for one cell; all live until the statement has run.
struct Buffers {
    unsigned char bit = 1;
    SQLINTEGER int32 = 42;
    SQLSMALLINT int16 = 7;
    SQLBIGINT int64 = 42;
    double dbl = 1.5;
    float flt = 1.5F;
    std::string chars;
    std::u16string wchars;
    SQL_DATE_STRUCT date{2024, 1, 2};
    SQL_TIME_STRUCT time{12, 34, 56};
    SQL_TIMESTAMP_STRUCT timestamp{2024, 1, 2, 12, 34, 56, 0};
    SQLGUID guid{0x6f1c2a3b, 0x4d5e, 0x4f60, {0x8a, 0x7b, 0x9c, 0x0d, 0x1e, 0x2f, 0x3a, 0x4b}};
    unsigned char binary[2] = {0x01, 0xab};
    SQLLEN ind = 0;
};

// Binds parameter 1 of `stmt` as `b` for a column whose sample literal is `sample`.
SQLRETURN bind(const Stmt& stmt, const Binding& b, const std::string& sample, Buffers& v) {
    SQLPOINTER data = nullptr;
    SQLLEN length = 0;
    v.ind = 0;
    switch (b.value) {
        case Value::bit:
            data = &v.bit;
            break;
        case Value::int32:
        case Value::int_as_varchar:
            data = &v.int32;
            break;
        case Value::int16:
            data = &v.int16;
            break;
        case Value::int64:
            data = &v.int64;
            break;
        case Value::dbl:
            data = &v.dbl;
            break;
        case Value::flt:
            data = &v.flt;
            break;
        case Value::numeric_chars:
            v.chars = "12.5";
            break;
        case Value::chars_as_integer:
            v.chars = "42";
            break;
        case Value::chars:
        case Value::long_chars:
            v.chars = sample;
            break;
        case Value::wchars:
            v.wchars = utf8_to_utf16(sample);
            data = v.wchars.data();
            length = static_cast<SQLLEN>(v.wchars.size() * sizeof(SQLWCHAR));
            v.ind = length;
            break;
        case Value::date:
            data = &v.date;
            break;
        case Value::time:
            data = &v.time;
            break;
        case Value::timestamp:
            data = &v.timestamp;
            break;
        case Value::guid:
            data = &v.guid;
            break;
        case Value::binary:
            data = v.binary;
            length = 2;
            v.ind = 2;
            break;
    }
    if (data == nullptr) {  // character data
        data = v.chars.data();
        length = static_cast<SQLLEN>(v.chars.size());
        v.ind = length;
    }
    return SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, b.c_type, b.sql_type, b.size, b.digits, data,
                            length, &v.ind);
}

struct CellOutcome {
    bool accepted = false;
    std::string stored;  // v::text of the stored row when accepted
    std::string error;
};

// The table of one column type. Each type has its own name: a prepared statement keeps the
// parameter types the server inferred when it was prepared, and the driver's statement cache
// keys statements by their text, so one INSERT text must not meet two column types.
std::string table_of(const Column& column) {
    std::string name = "it_coerce_";
    for (const char c : std::string_view(column.type)) {
        name += std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '_';
    }
    return name;
}

// Runs one cell on a fresh table: the bound value inserted with SQLPrepare/SQLExecute.
CellOutcome run_cell(const Dbc& dbc, const Column& column, const Binding& b) {
    const std::string table = table_of(column);
    exec(dbc, "DROP TABLE IF EXISTS " + table);
    exec(dbc, "CREATE TABLE " + table + " (v " + std::string(column.type) + ")");
    CellOutcome out;
    Stmt stmt(dbc);
    Buffers buffers;
    SQLRETURN rc = SQLPrepare(stmt, sqlc("INSERT INTO " + table + " (v) VALUES (?)"), SQL_NTS);
    if (SQL_SUCCEEDED(rc)) {
        rc = bind(stmt, b, column.sample, buffers);
    }
    if (SQL_SUCCEEDED(rc)) {
        rc = SQLExecute(stmt);
    }
    if (!SQL_SUCCEEDED(rc)) {
        out.error = outcome(rc, SQL_HANDLE_STMT, stmt);
        return out;
    }
    out.accepted = true;
    out.stored = query_string(dbc, "SELECT v::text FROM " + table).value_or("<null>");
    return out;
}

// The server's verdict on the same value written as a literal, and what it stores.
CellOutcome run_literal(const Dbc& dbc, const Column& column, const Binding& b) {
    const std::string table = table_of(column);
    exec(dbc, "DROP TABLE IF EXISTS " + table);
    exec(dbc, "CREATE TABLE " + table + " (v " + std::string(column.type) + ")");
    const std::string literal = b.literal != nullptr ? b.literal : column.sample;
    CellOutcome out;
    Stmt stmt(dbc);
    const std::string sql = "INSERT INTO " + table + " (v) VALUES (" + quoted(literal) + ")";
    const SQLRETURN rc = SQLExecDirect(stmt, sqlc(sql), SQL_NTS);
    if (!SQL_SUCCEEDED(rc)) {
        return out;
    }
    out.accepted = true;
    out.stored = query_string(dbc, "SELECT v::text FROM " + table).value_or("<null>");
    return out;
}

// psqlODBC's DSN (written by tests/support/odbc_ini.sh when psqlODBC is installed), outside a
// differential run, where the test DSN is psqlODBC already.
bool reference_available() {
    const char* value = std::getenv("PSQLODBC_TEST_DSN");
    return !differential_run() && value != nullptr && *value != '\0';
}

void run_matrix(const std::string& connection_string, bool redshift_types) {
    Connection ours(connection_string);
    std::optional<Connection> reference;
    if (reference_available() && !redshift_types) {
        reference.emplace("DSN=" + std::string(std::getenv("PSQLODBC_TEST_DSN")));
    }
    int cells = 0;
    int literal_cells = 0;
    for (const Column& column : columns) {
        if (redshift_types && !column.redshift) {
            continue;
        }
        for (const Binding& b : bindings) {
            const std::string cell = std::string(b.name) + " -> " + column.type;
            ++cells;
            const CellOutcome literal = run_literal(ours.dbc, column, b);
            const CellOutcome got = run_cell(ours.dbc, column, b);
            if (literal.accepted) {
                ++literal_cells;
                CHECK_MESSAGE(got.accepted, cell << ": the literal is accepted, the parameter "
                                                 << "is not: " << got.error);
                if (got.accepted) {
                    CHECK_MESSAGE(got.stored == literal.stored, cell << ": stored " << got.stored
                                                                     << ", the literal stores "
                                                                     << literal.stored);
                }
            }
            if (reference) {
                const CellOutcome theirs = run_cell(reference->dbc, column, b);
                if (theirs.accepted && !got.accepted) {
                    CHECK_MESSAGE(documented_refusals.contains(cell),
                                  cell << ": psqlODBC accepts it (stores " << theirs.stored
                                       << "), we refuse: " << got.error);
                }
            }
        }
    }
    MESSAGE(cells << " cells, " << literal_cells << " accepted as literals");
    CHECK(literal_cells > cells / 3);
    for (const Column& column : columns) {
        exec(ours.dbc, "DROP TABLE IF EXISTS " + table_of(column));
    }
}

}  // namespace

TEST_CASE("coercion matrix: a parameter goes wherever its literal goes" * psqlodbc_deviates()) {
    run_matrix(conn_str(), false);
}

TEST_CASE("coercion matrix: forced Redshift mode, Redshift's column types" * only_our_driver()) {
    run_matrix(conn_str() + ";ServerFlavor=redshift", true);
}

// Where the server cannot infer a type from the context, the declared SQL type settles it; in
// manual-commit mode without losing the transaction's earlier work.
// psqlODBC leaves ? + ? untyped and the server refuses it (42725).
TEST_CASE("coercion: SELECT ? and ? + ? keep their declared types" * psqlodbc_deviates()) {
    for (const bool manual : {false, true}) {
        CAPTURE(manual);
        Connection c;
        if (manual) {
            check(SQLSetConnectAttr(c.dbc, SQL_ATTR_AUTOCOMMIT,
                                    reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), 0),
                  SQL_HANDLE_DBC, c.dbc);
        }
        exec(c.dbc, "DROP TABLE IF EXISTS it_coerce_tx");
        exec(c.dbc, "CREATE TABLE it_coerce_tx (i integer)");
        exec(c.dbc, "INSERT INTO it_coerce_tx VALUES (1)");
        for (int round = 0; round < 2; ++round) {  // the second round hits the statement cache
            Stmt stmt(c.dbc);
            SQLINTEGER a = 40;
            SQLINTEGER b = 2;
            SQLLEN ind_a = 0;
            SQLLEN ind_b = 0;
            check(SQLPrepare(stmt, sqlc("SELECT ? + ?, ?"), SQL_NTS), SQL_HANDLE_STMT, stmt);
            check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 10, 0, &a, 0,
                                   &ind_a),
                  SQL_HANDLE_STMT, stmt);
            check(SQLBindParameter(stmt, 2, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 10, 0, &b, 0,
                                   &ind_b),
                  SQL_HANDLE_STMT, stmt);
            check(SQLBindParameter(stmt, 3, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 10, 0, &b, 0,
                                   &ind_b),
                  SQL_HANDLE_STMT, stmt);
            check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
            check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
            CHECK(fetch_string(stmt, 1) == "42");
            CHECK(fetch_string(stmt, 2) == "2");
        }
        // The row inserted before is still there: the transaction was not lost.
        CHECK(count_rows(c.dbc, "it_coerce_tx") == 1);
        if (manual) {
            check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_COMMIT), SQL_HANDLE_DBC, c.dbc);
        }
        exec(c.dbc, "DROP TABLE it_coerce_tx");
        if (manual) {
            check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_COMMIT), SQL_HANDLE_DBC, c.dbc);
        }
    }
}

// The two examples, in manual-commit mode (pyodbc's default).
TEST_CASE("coercion: a bit into an integer column and a double into money, manual commit") {
    Connection c;
    check(SQLSetConnectAttr(c.dbc, SQL_ATTR_AUTOCOMMIT,
                            reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), 0),
          SQL_HANDLE_DBC, c.dbc);
    exec(c.dbc, "DROP TABLE IF EXISTS it_coerce_bit");
    exec(c.dbc, "CREATE TABLE it_coerce_bit (i integer, m money)");
    Stmt stmt(c.dbc);
    unsigned char bit = 1;
    double amount = 2.25;
    SQLLEN ind = 0;
    check(SQLPrepare(stmt, sqlc("INSERT INTO it_coerce_bit (i, m) VALUES (?, ?)"), SQL_NTS),
          SQL_HANDLE_STMT, stmt);
    check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_BIT, SQL_BIT, 1, 0, &bit, 0, &ind),
          SQL_HANDLE_STMT, stmt);
    check(SQLBindParameter(stmt, 2, SQL_PARAM_INPUT, SQL_C_DOUBLE, SQL_DOUBLE, 15, 0, &amount, 0,
                           &ind),
          SQL_HANDLE_STMT, stmt);
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_COMMIT), SQL_HANDLE_DBC, c.dbc);
    CHECK(query_string(c.dbc, "SELECT i::text || ' ' || (m::numeric)::text FROM it_coerce_bit")
          == "1 2.25");
    exec(c.dbc, "DROP TABLE it_coerce_bit");
    check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_COMMIT), SQL_HANDLE_DBC, c.dbc);
}

// pyodbc's own test suite pattern: one INSERT text, the table dropped and created again with
// another column type. The server fixed the parameter's type when the statement was prepared, so
// DDL on the connection makes the driver prepare afresh (autocommit and manual commit).
TEST_CASE("coercion: the same INSERT text after the table is created again with another type") {
    for (const bool manual : {false, true}) {
        CAPTURE(manual);
        Connection c;
        if (manual) {
            check(SQLSetConnectAttr(c.dbc, SQL_ATTR_AUTOCOMMIT,
                                    reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), 0),
                  SQL_HANDLE_DBC, c.dbc);
        }
        for (const auto& [type, value, expected] :
             {std::tuple<const char*, const char*, const char*>{"integer", "5", "5"},
              {"date", "2024-01-02", "2024-01-02"},
              {"boolean", "true", "true"},
              {"numeric(6,2)", "1.5", "1.50"}}) {
            // A copy: clang 14 cannot capture a structured binding in CAPTURE's lambda.
            const char* const column_type = type;
            CAPTURE(column_type);
            exec(c.dbc, "DROP TABLE IF EXISTS it_coerce_again");
            exec(c.dbc, "CREATE TABLE it_coerce_again (v " + std::string(type) + ")");
            Stmt stmt(c.dbc);
            std::string text = value;
            SQLLEN ind = static_cast<SQLLEN>(text.size());
            check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 40, 0,
                                   text.data(), ind, &ind),
                  SQL_HANDLE_STMT, stmt);
            check(SQLExecDirect(stmt, sqlc("INSERT INTO it_coerce_again (v) VALUES (?)"), SQL_NTS),
                  SQL_HANDLE_STMT, stmt);
            CHECK(query_string(c.dbc, "SELECT v::text FROM it_coerce_again") == expected);
            if (manual) {
                check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_COMMIT), SQL_HANDLE_DBC, c.dbc);
            }
        }
        exec(c.dbc, "DROP TABLE it_coerce_again");
        if (manual) {
            check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_COMMIT), SQL_HANDLE_DBC, c.dbc);
        }
    }
}

// UseDeclareFetch: a query with parameters runs through a server-side cursor; the same rules.
TEST_CASE("coercion: through a server cursor (UseDeclareFetch), autocommit and manual commit") {
    for (const bool manual : {false, true}) {
        CAPTURE(manual);
        Connection c(conn_str() + ";UseDeclareFetch=1;Fetch=2");
        if (manual) {
            check(SQLSetConnectAttr(c.dbc, SQL_ATTR_AUTOCOMMIT,
                                    reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), 0),
                  SQL_HANDLE_DBC, c.dbc);
        }
        for (int round = 0; round < 2; ++round) {
            Stmt stmt(c.dbc);
            SQLINTEGER a = 40;
            unsigned char bit = 1;
            SQLLEN ind = 0;
            check(SQLPrepare(stmt, sqlc("SELECT ? + 2, n FROM generate_series(1, 5) n WHERE n = ?"),
                             SQL_NTS),
                  SQL_HANDLE_STMT, stmt);
            check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 10, 0, &a, 0,
                                   &ind),
                  SQL_HANDLE_STMT, stmt);
            check(
                SQLBindParameter(stmt, 2, SQL_PARAM_INPUT, SQL_C_BIT, SQL_BIT, 1, 0, &bit, 0, &ind),
                SQL_HANDLE_STMT, stmt);
            check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
            check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
            CHECK(fetch_string(stmt, 1) == "42");
            CHECK(fetch_string(stmt, 2) == "1");
            CHECK(SQLFetch(stmt) == SQL_NO_DATA);
            SQLCloseCursor(stmt);
            // A context-free marker: the declared type settles it, the transaction survives.
            check(SQLPrepare(stmt, sqlc("SELECT ?"), SQL_NTS), SQL_HANDLE_STMT, stmt);
            SQLFreeStmt(stmt, SQL_RESET_PARAMS);
            check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 10, 0, &a, 0,
                                   &ind),
                  SQL_HANDLE_STMT, stmt);
            check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
            check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
            CHECK(fetch_string(stmt, 1) == "40");
            SQLCloseCursor(stmt);
        }
        if (manual) {
            check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_COMMIT), SQL_HANDLE_DBC, c.dbc);
        }
    }
}
