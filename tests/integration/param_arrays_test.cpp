// Parameter arrays (SQL_ATTR_PARAMSET_SIZE > 1): column-wise and row-wise binding, bind offsets,
// status/processed/operation arrays, row counts, UPDATE arrays, errors on one row in autocommit and
// manual-commit mode, the bind-parameter cap, BatchSize and Pipeline.
//
// Our driver rewrites `INSERT … VALUES (?, …)` arrays into multi-row VALUES statements of
// BatchSize (100) rows, pipelined; the semantics of a failure are those of shared/DESIGN.md
// ("each parameter set is its own unit"), pinned by the only_our_driver() cases.
#include "odbc_test.h"

#include <string>
#include <vector>

using namespace odbc_test;

namespace {

constexpr SQLUSMALLINT kUnwritten = 0xEEEE;  // a status nobody writes
constexpr std::size_t kNameSize = 32;

const char* const kInsert = "INSERT INTO it_arr (id, name, v) VALUES (?, ?, ?)";

void make_table(const Dbc& dbc, const std::string& table = "it_arr") {
    exec(dbc, "DROP TABLE IF EXISTS " + table);
    exec(dbc, "CREATE TABLE " + table + " (id int4 PRIMARY KEY, name varchar(32), v float8)");
}

// The value a row of id `id` carries: name NULL every 7th id, v = id / 2.
bool name_is_null(long id) {
    return id % 7 == 4;
}

std::string name_of(long id) {
    return "name-" + std::to_string(id);
}

// Column-wise buffers for `n` rows with ids first, first+1, …
struct Columns {
    std::vector<SQLINTEGER> id;
    std::vector<SQLLEN> id_ind;
    std::vector<char> name;
    std::vector<SQLLEN> name_ind;
    std::vector<double> v;
    std::vector<SQLLEN> v_ind;

    explicit Columns(std::size_t n, long first = 1)
        : id(n), id_ind(n, 0), name(n * kNameSize), name_ind(n), v(n), v_ind(n, 0) {
        for (std::size_t i = 0; i < n; ++i) {
            set(i, first + static_cast<long>(i));
        }
    }

    void set(std::size_t row, long value) {
        id[row] = static_cast<SQLINTEGER>(value);
        const std::string text = name_of(value);
        std::memset(&name[row * kNameSize], 0, kNameSize);
        std::memcpy(&name[row * kNameSize], text.data(), text.size());
        name_ind[row] = name_is_null(value) ? SQL_NULL_DATA : SQL_NTS;
        v[row] = static_cast<double>(value) / 2;
    }

    void bind(const Stmt& stmt,
              odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
        check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, id.data(),
                               0, id_ind.data()),
              SQL_HANDLE_STMT, stmt, where);
        check(SQLBindParameter(stmt, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, kNameSize - 1, 0,
                               name.data(), kNameSize, name_ind.data()),
              SQL_HANDLE_STMT, stmt, where);
        check(SQLBindParameter(stmt, 3, SQL_PARAM_INPUT, SQL_C_DOUBLE, SQL_DOUBLE, 15, 0, v.data(),
                               0, v_ind.data()),
              SQL_HANDLE_STMT, stmt, where);
    }
};

void set_attr(const Stmt& stmt, SQLINTEGER attr, SQLPOINTER value,
              odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    check(SQLSetStmtAttr(stmt, attr, value, 0), SQL_HANDLE_STMT, stmt, where);
}

void set_paramset_size(const Stmt& stmt, std::size_t n,
                       odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    set_attr(stmt, SQL_ATTR_PARAMSET_SIZE, reinterpret_cast<SQLPOINTER>(n), where);
}

// Every diagnostic record's SQL_DIAG_ROW_NUMBER with its SQLSTATE and message.
struct RowDiag {
    SQLLEN row = -99;
    std::string state;
    std::string message;
};

std::vector<RowDiag> row_diags(const Stmt& stmt) {
    std::vector<RowDiag> out;
    const std::vector<Diag> all = diagnostics(SQL_HANDLE_STMT, stmt);
    for (std::size_t i = 0; i < all.size(); ++i) {
        RowDiag d;
        SQLGetDiagField(SQL_HANDLE_STMT, stmt, static_cast<SQLSMALLINT>(i + 1), SQL_DIAG_ROW_NUMBER,
                        &d.row, 0, nullptr);
        d.state = all[i].state;
        d.message = all[i].message;
        out.push_back(d);
    }
    return out;
}

std::string describe(const std::vector<RowDiag>& diags) {
    std::string out;
    for (const RowDiag& d : diags) {
        out += "\n  row " + std::to_string(d.row) + " [" + d.state + "] " + d.message;
    }
    return out.empty() ? "\n  (no diagnostic records)" : out;
}

struct Outcome {
    SQLRETURN rc = SQL_ERROR;
    std::vector<SQLUSMALLINT> status;
    SQLULEN processed = 0;
    SQLLEN row_count = -1;
    std::vector<RowDiag> diags;  // read right after SQLExecute, before anything clears them
};

// Sets SQL_ATTR_PARAMSET_SIZE, the status and processed pointers, then prepares and executes
// `sql` (buffers already bound) and reads SQLRowCount.
Outcome run_array(const Stmt& stmt, std::size_t n, const std::string& sql,
                  odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    Outcome out;
    out.status.assign(n, kUnwritten);
    out.processed = 987654321;
    set_paramset_size(stmt, n, where);
    set_attr(stmt, SQL_ATTR_PARAM_STATUS_PTR, out.status.data(), where);
    set_attr(stmt, SQL_ATTR_PARAMS_PROCESSED_PTR, &out.processed, where);
    check(SQLPrepare(stmt, sqlc(sql), SQL_NTS), SQL_HANDLE_STMT, stmt, where);
    out.rc = SQLExecute(stmt);
    out.diags = row_diags(stmt);
    // SQLRowCount after a failed SQLExecute is a function sequence error (state table, S2/S3).
    if (SQL_SUCCEEDED(out.rc)) {
        check(SQLRowCount(stmt, &out.row_count), SQL_HANDLE_STMT, stmt, where);
    }
    return out;
}

std::size_t count_status(const Outcome& o, SQLUSMALLINT value) {
    return static_cast<std::size_t>(std::count(o.status.begin(), o.status.end(), value));
}

// Rows of it_arr whose name and v are what Columns put there for their id.
long consistent_rows(const Dbc& dbc, const std::string& table = "it_arr") {
    const auto text = query_string(
        dbc, "SELECT count(*) FROM " + table
                 + " WHERE name IS NOT DISTINCT FROM (CASE WHEN id % 7 = 4 THEN NULL ELSE 'name-' "
                   "|| id END) AND v = id / 2.0");
    REQUIRE(text.has_value());
    return std::stol(*text);
}

// The table holds exactly the ids first..first+n-1 with their values.
void check_table_holds(const Dbc& dbc, long n, long first = 1,
                       odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    INFO("checked from line " << where.line());
    CHECK(count_rows(dbc, "it_arr") == n);
    CHECK(consistent_rows(dbc) == n);
    CHECK(query_string(dbc,
                       "SELECT min(id) || '/' || max(id) || '/' || count(DISTINCT id) FROM it_arr")
          == std::to_string(first) + "/" + std::to_string(first + n - 1) + "/" + std::to_string(n));
}

void set_autocommit(const Dbc& dbc, SQLULEN value) {
    check(SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, reinterpret_cast<SQLPOINTER>(value),
                            SQL_IS_UINTEGER),
          SQL_HANDLE_DBC, dbc);
}

// Number of server-side prepared statements of this session with `params` parameters.
long prepared_with_params(const Dbc& dbc, long params) {
    const auto text = query_string(
        dbc, "SELECT count(*) FROM pg_prepared_statements WHERE cardinality(parameter_types) = "
                 + std::to_string(params));
    REQUIRE(text.has_value());
    return std::stol(*text);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Success paths
// ---------------------------------------------------------------------------------------------

TEST_CASE("column-wise arrays of 1, 99, 100, 101, 250 and 10000 rows into INSERT … VALUES") {
    for (const std::size_t n : {1, 99, 100, 101, 250, 10000}) {
        CAPTURE(n);
        Connection c;
        make_table(c.dbc);
        Stmt stmt(c.dbc);
        Columns cols(n);
        cols.bind(stmt);
        const Outcome o = run_array(stmt, n, kInsert);
        INFO(rc_name(o.rc) << describe(o.diags));
        CHECK(o.rc == SQL_SUCCESS);
        CHECK(count_status(o, SQL_PARAM_SUCCESS) == n);
        CHECK(o.processed == n);
        check_table_holds(c.dbc, static_cast<long>(n));
    }
}

// SQL_PARAM_ARRAY_ROW_COUNTS = SQL_PARC_NO_BATCH: "there is only one row count available, which is
// the cumulative row count resulting from the execution of the statement for the entire array".
TEST_CASE("SQLRowCount after an INSERT array is the total of the rows inserted"
          * psqlodbc_deviates()) {
    for (const std::size_t n : {1, 101, 250}) {
        CAPTURE(n);
        Connection c;
        make_table(c.dbc);
        Stmt stmt(c.dbc);
        Columns cols(n);
        cols.bind(stmt);
        const Outcome o = run_array(stmt, n, kInsert);
        REQUIRE(SQL_SUCCEEDED(o.rc));
        CHECK(o.row_count == static_cast<SQLLEN>(n));
    }
}

TEST_CASE("an INSERT array through SQLExecDirect, without status or processed pointers") {
    Connection c;
    make_table(c.dbc);
    Stmt stmt(c.dbc);
    Columns cols(321);
    cols.bind(stmt);
    set_paramset_size(stmt, 321);
    check(SQLExecDirect(stmt, sqlc(kInsert), SQL_NTS), SQL_HANDLE_STMT, stmt);
    check_table_holds(c.dbc, 321);

    // The same prepared array executed again with the next ids in the same buffers.
    for (std::size_t i = 0; i < 321; ++i) {
        cols.set(i, 322 + static_cast<long>(i));
    }
    check(SQLExecDirect(stmt, sqlc(kInsert), SQL_NTS), SQL_HANDLE_STMT, stmt);
    check_table_holds(c.dbc, 642);
}

TEST_CASE("an INSERT without a column list and with a trailing semicolon") {
    Connection c;
    make_table(c.dbc);
    Stmt stmt(c.dbc);
    Columns cols(150);
    cols.bind(stmt);
    const Outcome o = run_array(stmt, 150, "insert into it_arr values (?, ?, ?);");
    INFO(rc_name(o.rc) << describe(o.diags));
    CHECK(o.rc == SQL_SUCCESS);
    CHECK(count_status(o, SQL_PARAM_SUCCESS) == 150);
    check_table_holds(c.dbc, 150);
}

TEST_CASE("an INSERT … SELECT array (not rewritable) runs every set") {
    Connection c;
    make_table(c.dbc);
    Stmt stmt(c.dbc);
    Columns cols(101);
    cols.bind(stmt);
    const Outcome o =
        run_array(stmt, 101, "INSERT INTO it_arr (id, name, v) SELECT ?, ?, ? WHERE 1 = 1");
    INFO(rc_name(o.rc) << describe(o.diags));
    CHECK(o.rc == SQL_SUCCESS);
    CHECK(count_status(o, SQL_PARAM_SUCCESS) == 101);
    CHECK(o.processed == 101);
    check_table_holds(c.dbc, 101);
}

TEST_CASE("the same prepared INSERT array executed twice with new values") {
    Connection c;
    make_table(c.dbc);
    Stmt stmt(c.dbc);
    Columns cols(230);
    cols.bind(stmt);
    Outcome o = run_array(stmt, 230, kInsert);
    CHECK(o.rc == SQL_SUCCESS);
    for (std::size_t i = 0; i < 230; ++i) {
        cols.set(i, 231 + static_cast<long>(i));
    }
    std::fill(o.status.begin(), o.status.end(), kUnwritten);
    const SQLRETURN rc = SQLExecute(stmt);
    INFO(outcome(rc, SQL_HANDLE_STMT, stmt));
    CHECK(rc == SQL_SUCCESS);
    CHECK(count_status(o, SQL_PARAM_SUCCESS) == 230);
    check_table_holds(c.dbc, 460);
}

namespace {

struct Row {
    SQLINTEGER id;
    SQLLEN id_ind;
    char name[kNameSize];
    SQLLEN name_ind;
    double v;
    SQLLEN v_ind;
};

void fill_row(Row& r, long id) {
    std::memset(&r, 0, sizeof r);
    r.id = static_cast<SQLINTEGER>(id);
    const std::string text = name_of(id);
    std::memcpy(r.name, text.data(), text.size());
    r.name_ind = name_is_null(id) ? SQL_NULL_DATA : SQL_NTS;
    r.v = static_cast<double>(id) / 2;
}

void bind_rows(const Stmt& stmt, Row& first) {
    check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &first.id, 0,
                           &first.id_ind),
          SQL_HANDLE_STMT, stmt);
    check(SQLBindParameter(stmt, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, kNameSize - 1, 0,
                           first.name, kNameSize, &first.name_ind),
          SQL_HANDLE_STMT, stmt);
    check(SQLBindParameter(stmt, 3, SQL_PARAM_INPUT, SQL_C_DOUBLE, SQL_DOUBLE, 15, 0, &first.v, 0,
                           &first.v_ind),
          SQL_HANDLE_STMT, stmt);
}

}  // namespace

TEST_CASE("row-wise binding (SQL_ATTR_PARAM_BIND_TYPE = sizeof the row struct)") {
    for (const std::size_t n : {1, 100, 101, 250}) {
        CAPTURE(n);
        Connection c;
        make_table(c.dbc);
        Stmt stmt(c.dbc);
        std::vector<Row> rows(n);
        for (std::size_t i = 0; i < n; ++i) {
            fill_row(rows[i], 1 + static_cast<long>(i));
        }
        set_attr(stmt, SQL_ATTR_PARAM_BIND_TYPE, reinterpret_cast<SQLPOINTER>(sizeof(Row)));
        bind_rows(stmt, rows[0]);
        const Outcome o = run_array(stmt, n, kInsert);
        INFO(rc_name(o.rc) << describe(o.diags));
        CHECK(o.rc == SQL_SUCCESS);
        CHECK(count_status(o, SQL_PARAM_SUCCESS) == n);
        CHECK(o.processed == n);
        check_table_holds(c.dbc, static_cast<long>(n));
    }
}

TEST_CASE("SQL_ATTR_PARAM_BIND_OFFSET_PTR shifts every bound address, row-wise and column-wise") {
    Connection c;
    make_table(c.dbc);
    Stmt stmt(c.dbc);
    SQLULEN offset = 0;
    set_attr(stmt, SQL_ATTR_PARAM_BIND_OFFSET_PTR, &offset);

    SUBCASE("row-wise") {
        // The binding points at rows[0]; the data lives in rows[120..239] (ids 1..120), rows
        // 0..119 hold ids that must not appear.
        std::vector<Row> rows(240);
        for (std::size_t i = 0; i < 240; ++i) {
            fill_row(rows[i], i < 120 ? 10000 + static_cast<long>(i) : static_cast<long>(i) - 119);
        }
        set_attr(stmt, SQL_ATTR_PARAM_BIND_TYPE, reinterpret_cast<SQLPOINTER>(sizeof(Row)));
        bind_rows(stmt, rows[0]);
        offset = 120 * sizeof(Row);
        const Outcome o = run_array(stmt, 120, kInsert);
        INFO(rc_name(o.rc) << describe(o.diags));
        CHECK(o.rc == SQL_SUCCESS);
        check_table_holds(c.dbc, 120);
    }
    SUBCASE("column-wise") {
        // Column-wise arrays of 2n entries; the offset (in bytes) applies to each column's data
        // and indicator addresses alike, so the two halves have to share one byte offset: use
        // element types of the same size (SQLLEN-sized ids via SQL_C_SBIGINT).
        const std::size_t n = 130;
        std::vector<SQLBIGINT> ids(2 * n);
        std::vector<SQLLEN> ind(2 * n, 0);
        for (std::size_t i = 0; i < 2 * n; ++i) {
            ids[i] = i < n ? 20000 + static_cast<SQLBIGINT>(i) : static_cast<SQLBIGINT>(i - n + 1);
        }
        static_assert(sizeof(SQLBIGINT) == sizeof(SQLLEN));
        exec(c.dbc, "DROP TABLE IF EXISTS it_arr");
        exec(c.dbc, "CREATE TABLE it_arr (id int8 PRIMARY KEY)");
        check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SBIGINT, SQL_BIGINT, 0, 0,
                               ids.data(), 0, ind.data()),
              SQL_HANDLE_STMT, stmt);
        offset = n * sizeof(SQLBIGINT);
        const Outcome o = run_array(stmt, n, "INSERT INTO it_arr (id) VALUES (?)");
        INFO(rc_name(o.rc) << describe(o.diags));
        CHECK(o.rc == SQL_SUCCESS);
        CHECK(query_string(c.dbc, "SELECT count(*) || '/' || min(id) || '/' || max(id) FROM it_arr")
              == "130/1/130");
    }
}

TEST_CASE(
    "SQL_ATTR_PARAM_OPERATION_PTR: SQL_PARAM_IGNORE rows are not inserted, status "
    "SQL_PARAM_UNUSED") {
    const std::size_t n = 250;
    Connection c;
    make_table(c.dbc);
    Stmt stmt(c.dbc);
    Columns cols(n);
    cols.bind(stmt);
    // Every 10th row (ids 10, 20, …, 250) and the whole of 101..110 ignored: 34 rows.
    std::vector<SQLUSMALLINT> ops(n, SQL_PARAM_PROCEED);
    std::size_t ignored = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const long id = static_cast<long>(i) + 1;
        if (id % 10 == 0 || (id > 100 && id <= 110)) {
            ops[i] = SQL_PARAM_IGNORE;
            ++ignored;
        }
    }
    REQUIRE(ignored == 34);
    set_attr(stmt, SQL_ATTR_PARAM_OPERATION_PTR, ops.data());
    const Outcome o = run_array(stmt, n, kInsert);
    INFO(rc_name(o.rc) << describe(o.diags));
    CHECK(o.rc == SQL_SUCCESS);
    for (std::size_t i = 0; i < n; ++i) {
        CAPTURE(i);
        CHECK(o.status[i] == (ops[i] == SQL_PARAM_IGNORE ? SQL_PARAM_UNUSED : SQL_PARAM_SUCCESS));
    }
    CHECK(count_rows(c.dbc, "it_arr") == static_cast<long>(n - ignored));
    CHECK(consistent_rows(c.dbc) == static_cast<long>(n - ignored));
    CHECK(query_string(c.dbc,
                       "SELECT count(*) FROM it_arr WHERE id % 10 = 0 OR id BETWEEN 101 AND 110")
          == "0");
}

TEST_CASE("UPDATE … WHERE with parameter arrays: every set applied") {
    Connection c;
    make_table(c.dbc);
    exec(c.dbc,
         "INSERT INTO it_arr SELECT g, 'g' || (g % 10), 0 FROM generate_series(1, 300) AS g");
    Stmt stmt(c.dbc);

    SUBCASE("one row per set") {
        const std::size_t n = 150;
        std::vector<double> v(n);
        std::vector<SQLINTEGER> id(n);
        for (std::size_t i = 0; i < n; ++i) {
            id[i] = static_cast<SQLINTEGER>(2 * (i + 1));  // the even ids
            v[i] = static_cast<double>(i + 1);
        }
        check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_DOUBLE, SQL_DOUBLE, 15, 0, v.data(),
                               0, nullptr),
              SQL_HANDLE_STMT, stmt);
        check(SQLBindParameter(stmt, 2, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, id.data(),
                               0, nullptr),
              SQL_HANDLE_STMT, stmt);
        const Outcome o = run_array(stmt, n, "UPDATE it_arr SET v = ? WHERE id = ?");
        INFO(rc_name(o.rc) << describe(o.diags));
        CHECK(o.rc == SQL_SUCCESS);
        CHECK(count_status(o, SQL_PARAM_SUCCESS) == n);
        CHECK(o.processed == n);
        CHECK(query_string(c.dbc, "SELECT count(*) FROM it_arr WHERE id % 2 = 0 AND v = id / 2")
              == "150");
        CHECK(query_string(c.dbc, "SELECT count(*) FROM it_arr WHERE id % 2 = 1 AND v = 0")
              == "150");
    }
    SUBCASE("several rows per set") {
        const std::size_t n = 5;
        std::vector<double> v = {10, 11, 12, 13, 14};
        std::vector<char> grp(n * 4);
        std::vector<SQLLEN> grp_ind(n, SQL_NTS);
        for (std::size_t i = 0; i < n; ++i) {
            grp[i * 4] = 'g';
            grp[i * 4 + 1] = static_cast<char>('0' + i);
        }
        check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_DOUBLE, SQL_DOUBLE, 15, 0, v.data(),
                               0, nullptr),
              SQL_HANDLE_STMT, stmt);
        check(SQLBindParameter(stmt, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 3, 0, grp.data(),
                               4, grp_ind.data()),
              SQL_HANDLE_STMT, stmt);
        const Outcome o = run_array(stmt, n, "UPDATE it_arr SET v = ? WHERE name = ?");
        INFO(rc_name(o.rc) << describe(o.diags));
        CHECK(o.rc == SQL_SUCCESS);
        CHECK(count_status(o, SQL_PARAM_SUCCESS) == n);
        // Groups g0..g4 hold 30 rows each.
        CHECK(query_string(c.dbc,
                           "SELECT count(*) FROM it_arr WHERE v = 10 + id % 10 AND id % 10 < 5")
              == "150");
        CHECK(query_string(c.dbc, "SELECT count(*) FROM it_arr WHERE v = 0") == "150");
    }
}

TEST_CASE("SQLRowCount after an UPDATE array is the total of the rows updated"
          * psqlodbc_deviates()) {
    Connection c;
    make_table(c.dbc);
    exec(c.dbc,
         "INSERT INTO it_arr SELECT g, 'g' || (g % 10), 0 FROM generate_series(1, 300) AS g");
    Stmt stmt(c.dbc);
    std::vector<double> v = {10, 11, 12};
    char grp[3][4] = {"g1", "g2", "zz"};  // 30 + 30 + 0 rows
    std::vector<SQLLEN> grp_ind(3, SQL_NTS);
    check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_DOUBLE, SQL_DOUBLE, 15, 0, v.data(), 0,
                           nullptr),
          SQL_HANDLE_STMT, stmt);
    check(SQLBindParameter(stmt, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 3, 0, grp, 4,
                           grp_ind.data()),
          SQL_HANDLE_STMT, stmt);
    const Outcome o = run_array(stmt, 3, "UPDATE it_arr SET v = ? WHERE name = ?");
    INFO(rc_name(o.rc) << describe(o.diags));
    CHECK(SQL_SUCCEEDED(o.rc));
    CHECK(o.row_count == 60);
}

TEST_CASE("arrays inside a manual transaction: commit keeps them, rollback removes them") {
    Connection a;
    Connection b;
    make_table(a.dbc);
    set_autocommit(a.dbc, SQL_AUTOCOMMIT_OFF);
    {
        Stmt stmt(a.dbc);
        Columns cols(250);
        cols.bind(stmt);
        const Outcome o = run_array(stmt, 250, kInsert);
        CHECK(o.rc == SQL_SUCCESS);
    }
    CHECK(count_rows(b.dbc, "it_arr") == 0);
    check(SQLEndTran(SQL_HANDLE_DBC, a.dbc, SQL_COMMIT), SQL_HANDLE_DBC, a.dbc);
    CHECK(count_rows(b.dbc, "it_arr") == 250);
    {
        Stmt stmt(a.dbc);
        Columns cols(250, 251);
        cols.bind(stmt);
        const Outcome o = run_array(stmt, 250, kInsert);
        CHECK(o.rc == SQL_SUCCESS);
        CHECK(count_rows(a.dbc, "it_arr") == 500);
    }
    check(SQLEndTran(SQL_HANDLE_DBC, a.dbc, SQL_ROLLBACK), SQL_HANDLE_DBC, a.dbc);
    CHECK(count_rows(b.dbc, "it_arr") == 250);
    check_table_holds(b.dbc, 250);
}

// ---------------------------------------------------------------------------------------------
// The bind-parameter cap, BatchSize, Pipeline
// ---------------------------------------------------------------------------------------------

namespace {

constexpr int kWideColumns = 400;
constexpr std::size_t kWideRows = 200;

// A 400-column int4 table and an INSERT array of 200 rows: value of (row r, column k) = r*1000 + k.
void insert_wide(const Connection& c,
                 odbc_test::SourceLocation where = odbc_test::SourceLocation::current()) {
    std::string ddl = "CREATE TABLE it_arr_wide (";
    std::string insert = "INSERT INTO it_arr_wide VALUES (";
    for (int k = 1; k <= kWideColumns; ++k) {
        ddl += (k > 1 ? ", c" : "c") + std::to_string(k) + " int4";
        insert += k > 1 ? ", ?" : "?";
    }
    exec(c.dbc, "DROP TABLE IF EXISTS it_arr_wide", where);
    exec(c.dbc, ddl + ")", where);
    insert += ")";

    Stmt stmt(c.dbc);
    std::vector<std::vector<SQLINTEGER>> columns(kWideColumns, std::vector<SQLINTEGER>(kWideRows));
    for (int k = 0; k < kWideColumns; ++k) {
        for (std::size_t r = 0; r < kWideRows; ++r) {
            columns[k][r] = static_cast<SQLINTEGER>((r + 1) * 1000 + k + 1);
        }
        check(SQLBindParameter(stmt, static_cast<SQLUSMALLINT>(k + 1), SQL_PARAM_INPUT, SQL_C_SLONG,
                               SQL_INTEGER, 0, 0, columns[k].data(), 0, nullptr),
              SQL_HANDLE_STMT, stmt, where);
    }
    const Outcome o = run_array(stmt, kWideRows, insert, where);
    INFO(rc_name(o.rc) << describe(o.diags));
    CHECK(o.rc == SQL_SUCCESS);
    CHECK(count_status(o, SQL_PARAM_SUCCESS) == kWideRows);
    CHECK(o.processed == kWideRows);
}

}  // namespace

TEST_CASE("a 400-column INSERT array of 200 rows (80,000 parameters) inserts every value") {
    Connection c;
    insert_wide(c);
    CHECK(count_rows(c.dbc, "it_arr_wide") == 200);
    std::string all = "SELECT count(*) FROM it_arr_wide WHERE c1 % 1000 = 1";
    for (int k = 2; k <= kWideColumns; ++k) {
        all += " AND c" + std::to_string(k) + " = c1 + " + std::to_string(k - 1);
    }
    CHECK(query_string(c.dbc, all) == "200");
    // Rows 1..200: c1 = r*1000 + 1.
    CHECK(query_string(c.dbc, "SELECT count(DISTINCT c1) || '/' || sum(c1) FROM it_arr_wide")
          == "200/20100200");
}

// 32,767 bind parameters per statement at most: 32767 / 400 = 81 rows per statement, so 200 rows
// are statements of 81, 81 and 38 rows, each a cached server-side prepared statement.
TEST_CASE("parameter cap: the 400-column array is split into statements of 81 rows"
          * only_our_driver()) {
    Connection c;
    insert_wide(c);
    CHECK(prepared_with_params(c.dbc, 81 * 400) == 1);
    CHECK(prepared_with_params(c.dbc, 38 * 400) == 1);
    CHECK(
        query_string(c.dbc, "SELECT max(cardinality(parameter_types)) FROM pg_prepared_statements")
        == std::to_string(81 * 400));
}

TEST_CASE("BatchSize and Pipeline keys: every row arrives, with the same status and counts") {
    for (const char* extra :
         {"", ";BatchSize=7", ";Pipeline=0", ";BatchSize=1;Pipeline=0", ";BatchSize=1000"}) {
        CAPTURE(extra);
        for (const std::size_t n : {1, 7, 8, 250, 1000}) {
            CAPTURE(n);
            Connection c(conn_str() + extra);
            make_table(c.dbc);
            Stmt stmt(c.dbc);
            Columns cols(n);
            cols.bind(stmt);
            const Outcome o = run_array(stmt, n, kInsert);
            INFO(rc_name(o.rc) << describe(o.diags));
            CHECK(o.rc == SQL_SUCCESS);
            CHECK(count_status(o, SQL_PARAM_SUCCESS) == n);
            CHECK(o.processed == n);
            check_table_holds(c.dbc, static_cast<long>(n));
        }
    }
}

TEST_CASE("batches of BatchSize rows and a last partial batch, visible in pg_prepared_statements"
          * only_our_driver()) {
    SUBCASE("default BatchSize 100: 250 rows are 100 + 100 + 50") {
        Connection c;
        make_table(c.dbc);
        Stmt stmt(c.dbc);
        Columns cols(250);
        cols.bind(stmt);
        CHECK(run_array(stmt, 250, kInsert).rc == SQL_SUCCESS);
        CHECK(prepared_with_params(c.dbc, 100 * 3) == 1);
        CHECK(prepared_with_params(c.dbc, 50 * 3) == 1);
        CHECK(query_string(c.dbc,
                           "SELECT max(cardinality(parameter_types)) FROM pg_prepared_statements")
              == "300");
    }
    SUBCASE("BatchSize=7: 101 rows are 14 × 7 + 3") {
        Connection c(conn_str() + ";BatchSize=7");
        make_table(c.dbc);
        Stmt stmt(c.dbc);
        Columns cols(101);
        cols.bind(stmt);
        CHECK(run_array(stmt, 101, kInsert).rc == SQL_SUCCESS);
        CHECK(prepared_with_params(c.dbc, 7 * 3) == 1);
        CHECK(prepared_with_params(c.dbc, 3 * 3) == 1);
        CHECK(query_string(c.dbc,
                           "SELECT max(cardinality(parameter_types)) FROM pg_prepared_statements")
              == "21");
        check_table_holds(c.dbc, 101);
    }
}

TEST_CASE(
    "SQLGetInfo: SQL_PARAM_ARRAY_ROW_COUNTS is SQL_PARC_NO_BATCH, SQL_PARAM_ARRAY_SELECTS "
    "SQL_PAS_NO_SELECT"
    * only_our_driver()) {
    Connection c;
    SQLUINTEGER value = 12345;
    check(SQLGetInfo(c.dbc, SQL_PARAM_ARRAY_ROW_COUNTS, &value, sizeof value, nullptr),
          SQL_HANDLE_DBC, c.dbc);
    CHECK(value == SQL_PARC_NO_BATCH);
    value = 12345;
    check(SQLGetInfo(c.dbc, SQL_PARAM_ARRAY_SELECTS, &value, sizeof value, nullptr), SQL_HANDLE_DBC,
          c.dbc);
    CHECK(value == SQL_PAS_NO_SELECT);
}

// ---------------------------------------------------------------------------------------------
// Failures
// ---------------------------------------------------------------------------------------------

namespace {

// 250 rows, ids 1..250 except row 150 (index 149) which repeats id 10: a primary-key violation in
// the middle batch (rows 101..200).
Columns with_duplicate_at_150() {
    Columns cols(250);
    cols.set(149, 10);
    return cols;
}

}  // namespace

TEST_CASE("autocommit: a key violation on row 150 of 250 fails that row only (DESIGN.md)"
          * only_our_driver()) {
    for (const char* extra : {"", ";Pipeline=0", ";BatchSize=7", ";BatchSize=1000"}) {
        CAPTURE(extra);
        Connection c(conn_str() + extra);
        make_table(c.dbc);
        Stmt stmt(c.dbc);
        Columns cols = with_duplicate_at_150();
        cols.bind(stmt);
        const Outcome o = run_array(stmt, 250, kInsert);
        const std::vector<RowDiag>& diags = o.diags;
        INFO(rc_name(o.rc) << describe(diags));
        // Some sets failed, not all: SQL_SUCCESS_WITH_INFO.
        CHECK(o.rc == SQL_SUCCESS_WITH_INFO);
        CHECK(o.status[149] == SQL_PARAM_ERROR);
        CHECK(count_status(o, SQL_PARAM_SUCCESS) == 249);
        CHECK(o.processed == 250);
        const auto row150 =
            std::find_if(diags.begin(), diags.end(), [](const RowDiag& d) { return d.row == 150; });
        CHECK(row150 != diags.end());
        if (row150 != diags.end()) {
            CHECK((row150->state == "23000" || row150->state == "23505"));
        }
        // No record names a row other than 150 (records about the whole statement say
        // SQL_ROW_NUMBER_UNKNOWN or SQL_NO_ROW_NUMBER).
        for (const RowDiag& d : diags) {
            CHECK((d.row == 150 || d.row == SQL_NO_ROW_NUMBER || d.row == SQL_ROW_NUMBER_UNKNOWN));
        }
        CHECK(o.row_count == 249);
        CHECK(count_rows(c.dbc, "it_arr") == 249);
        CHECK(consistent_rows(c.dbc) == 249);
        CHECK(query_string(c.dbc, "SELECT count(*) FROM it_arr WHERE id = 150") == "0");
    }
}

TEST_CASE(
    "manual commit: a key violation on row 150 aborts the transaction, nothing reported "
    "applied that was not (DESIGN.md)"
    * only_our_driver()) {
    for (const char* extra : {";TEB=0", ";TEB=0;Pipeline=0", "", ";Pipeline=0"}) {
        CAPTURE(extra);
        // TransactionErrorBehavior=1 (the default) rolls the transaction back at once.
        const bool rolled_back = std::string_view(extra).find("TEB=0") == std::string_view::npos;
        Connection c(conn_str() + extra);
        make_table(c.dbc);
        set_autocommit(c.dbc, SQL_AUTOCOMMIT_OFF);
        Stmt stmt(c.dbc);
        Columns cols = with_duplicate_at_150();
        cols.bind(stmt);
        const Outcome o = run_array(stmt, 250, kInsert);
        const std::vector<RowDiag>& diags = o.diags;
        INFO(rc_name(o.rc) << describe(diags));
        CHECK(o.rc == SQL_ERROR);
        // Batch 1 (rows 1..100) was executed by the server, inside the now-doomed transaction
        // (TEB=0), or executed and rolled back by the driver (TEB=1).
        for (std::size_t i = 0; i < 100; ++i) {
            CAPTURE(i);
            CHECK(o.status[i] == (rolled_back ? SQL_PARAM_DIAG_UNAVAILABLE : SQL_PARAM_SUCCESS));
        }
        // Batch 2 (rows 101..200) failed as a whole; row 150 may be pinpointed.
        for (std::size_t i = 100; i < 200; ++i) {
            CAPTURE(i);
            CHECK((o.status[i] == SQL_PARAM_DIAG_UNAVAILABLE || o.status[i] == SQL_PARAM_ERROR));
        }
        CHECK(count_status(o, SQL_PARAM_ERROR) <= 100);
        // Batch 3 (rows 201..250) never ran.
        for (std::size_t i = 200; i < 250; ++i) {
            CAPTURE(i);
            CHECK(o.status[i] == SQL_PARAM_UNUSED);
        }
        CHECK(std::any_of(diags.begin(), diags.end(),
                          [](const RowDiag& d) { return contains_nocase(d.message, "roll"); }));
        CHECK(std::any_of(diags.begin(), diags.end(), [](const RowDiag& d) {
            return d.state == "23000" || d.state == "23505";
        }));
        check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_ROLLBACK), SQL_HANDLE_DBC, c.dbc);
        CHECK(count_rows(c.dbc, "it_arr") == 0);
    }
}

TEST_CASE("manual commit, TEB=0: a failed array makes SQLEndTran(SQL_COMMIT) roll back with 25S03"
          * only_our_driver()) {
    Connection c(conn_str() + ";TEB=0");
    Connection other;
    make_table(c.dbc);
    set_autocommit(c.dbc, SQL_AUTOCOMMIT_OFF);
    Stmt stmt(c.dbc);
    Columns cols = with_duplicate_at_150();
    cols.bind(stmt);
    CHECK(run_array(stmt, 250, kInsert).rc == SQL_ERROR);
    const SQLRETURN rc = SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_COMMIT);
    INFO(outcome(rc, SQL_HANDLE_DBC, c.dbc));
    CHECK(rc == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_DBC, c.dbc, "25S03"));
    CHECK(count_rows(other.dbc, "it_arr") == 0);
}

TEST_CASE("every set failing: SQL_ERROR and nothing inserted") {
    Connection c;
    make_table(c.dbc);
    exec(c.dbc, "INSERT INTO it_arr SELECT g, 'pre', 0 FROM generate_series(1, 120) AS g");
    Stmt stmt(c.dbc);
    Columns cols(120);  // every id exists already
    cols.bind(stmt);
    const Outcome o = run_array(stmt, 120, kInsert);
    INFO(rc_name(o.rc) << describe(o.diags));
    CHECK(o.rc == SQL_ERROR);
    CHECK(count_status(o, SQL_PARAM_SUCCESS) == 0);
    CHECK(count_rows(c.dbc, "it_arr") == 120);
    CHECK(query_string(c.dbc, "SELECT count(*) FROM it_arr WHERE name = 'pre'") == "120");
}

TEST_CASE("every set failing: each row SQL_PARAM_ERROR with its own row number (DESIGN.md)"
          * only_our_driver()) {
    Connection c;
    make_table(c.dbc);
    exec(c.dbc, "INSERT INTO it_arr SELECT g, 'pre', 0 FROM generate_series(1, 120) AS g");
    Stmt stmt(c.dbc);
    Columns cols(120);
    cols.bind(stmt);
    const Outcome o = run_array(stmt, 120, kInsert);
    const std::vector<RowDiag>& diags = o.diags;
    INFO(rc_name(o.rc) << describe(diags));
    CHECK(o.rc == SQL_ERROR);
    CHECK(count_status(o, SQL_PARAM_ERROR) == 120);
    for (SQLLEN row : {1, 60, 100, 101, 120}) {
        CAPTURE(row);
        CHECK(std::any_of(diags.begin(), diags.end(),
                          [row](const RowDiag& d) { return d.row == row; }));
    }
}

TEST_CASE("a conversion error in one row (month 13) fails that row without reaching the server"
          * only_our_driver()) {
    const std::size_t n = 250;
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_arr_dates");
    exec(c.dbc, "CREATE TABLE it_arr_dates (id int4, d date)");
    Stmt stmt(c.dbc);
    std::vector<SQLINTEGER> ids(n);
    std::vector<SQL_DATE_STRUCT> dates(n);
    for (std::size_t i = 0; i < n; ++i) {
        ids[i] = static_cast<SQLINTEGER>(i + 1);
        dates[i] = SQL_DATE_STRUCT{2024, static_cast<SQLUSMALLINT>(1 + i % 12),
                                   static_cast<SQLUSMALLINT>(1 + i % 28)};
    }
    dates[41].month = 13;  // row 42
    check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, ids.data(), 0,
                           nullptr),
          SQL_HANDLE_STMT, stmt);
    check(SQLBindParameter(stmt, 2, SQL_PARAM_INPUT, SQL_C_TYPE_DATE, SQL_TYPE_DATE, 10, 0,
                           dates.data(), 0, nullptr),
          SQL_HANDLE_STMT, stmt);
    const Outcome o = run_array(stmt, n, "INSERT INTO it_arr_dates (id, d) VALUES (?, ?)");
    const std::vector<RowDiag>& diags = o.diags;
    INFO(rc_name(o.rc) << describe(diags));
    CHECK(o.rc == SQL_SUCCESS_WITH_INFO);
    CHECK(o.status[41] == SQL_PARAM_ERROR);
    CHECK(count_status(o, SQL_PARAM_SUCCESS) == n - 1);
    const auto row42 =
        std::find_if(diags.begin(), diags.end(), [](const RowDiag& d) { return d.row == 42; });
    REQUIRE(row42 != diags.end());
    CHECK(row42->state == "22007");  // appendix D, "C to SQL: Date", SQL_TYPE_DATE target
    // The driver found it: no server error (those carry "(server SQLSTATE …)", README).
    CHECK_FALSE(contains_nocase(row42->message, "server SQLSTATE"));
    CHECK(o.row_count == static_cast<SQLLEN>(n - 1));
    CHECK(count_rows(c.dbc, "it_arr_dates") == static_cast<long>(n - 1));
    CHECK(query_string(c.dbc, "SELECT count(*) FROM it_arr_dates WHERE id = 42") == "0");
    CHECK(query_string(c.dbc,
                       "SELECT count(*) FROM it_arr_dates WHERE d = make_date(2024, 1 + (id - 1) "
                       "% 12, 1 + (id - 1) % 28)")
          == std::to_string(n - 1));
}

// Rows are encoded while earlier batches are already running: a row the driver cannot send makes
// the last batch one row short of the statement prepared for it, so that batch gets its own
// statement and runs after the others, inside the same transaction.
TEST_CASE(
    "manual commit: a row that cannot be sent shortens the last batch, which still runs "
    "unless the transaction is aborted"
    * only_our_driver()) {
    const std::size_t n = 250;
    for (const char* extra : {"", ";Pipeline=0"}) {
        for (const bool duplicate : {false, true}) {
            CAPTURE(extra);
            CAPTURE(duplicate);
            Connection c(conn_str() + extra);
            exec(c.dbc, "DROP TABLE IF EXISTS it_arr_short");
            exec(c.dbc, "CREATE TABLE it_arr_short (id int4 PRIMARY KEY, d date)");
            if (duplicate) {
                exec(c.dbc, "INSERT INTO it_arr_short VALUES (150, NULL)");
            }
            set_autocommit(c.dbc, SQL_AUTOCOMMIT_OFF);
            Stmt stmt(c.dbc);
            std::vector<SQLINTEGER> ids(n);
            std::vector<SQL_DATE_STRUCT> dates(n, SQL_DATE_STRUCT{2024, 2, 29});
            for (std::size_t i = 0; i < n; ++i) {
                ids[i] = static_cast<SQLINTEGER>(i + 1);
            }
            dates[41].day = 30;  // row 42: 2024-02-30 does not exist
            check(SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0,
                                   ids.data(), 0, nullptr),
                  SQL_HANDLE_STMT, stmt);
            check(SQLBindParameter(stmt, 2, SQL_PARAM_INPUT, SQL_C_TYPE_DATE, SQL_TYPE_DATE, 10, 0,
                                   dates.data(), 0, nullptr),
                  SQL_HANDLE_STMT, stmt);
            // Batches: rows 1..101 without 42 (100), 102..201 (100), 202..250 (49, not 50).
            const Outcome o = run_array(stmt, n, "INSERT INTO it_arr_short (id, d) VALUES (?, ?)");
            INFO(rc_name(o.rc) << describe(o.diags));
            CHECK(o.status[41] == SQL_PARAM_ERROR);
            CHECK(o.processed == (duplicate ? 201U : n));
            if (!duplicate) {
                CHECK(o.rc == SQL_SUCCESS_WITH_INFO);
                CHECK(count_status(o, SQL_PARAM_SUCCESS) == n - 1);
                CHECK(o.row_count == static_cast<SQLLEN>(n - 1));
                check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_COMMIT), SQL_HANDLE_DBC, c.dbc);
                CHECK(count_rows(c.dbc, "it_arr_short") == static_cast<long>(n - 1));
                CHECK(query_string(c.dbc, "SELECT count(*) FROM it_arr_short WHERE id > 201")
                      == "49");
                continue;
            }
            CHECK(o.rc == SQL_ERROR);
            for (std::size_t i = 101; i < 201; ++i) {
                CAPTURE(i);
                CHECK(
                    (o.status[i] == SQL_PARAM_DIAG_UNAVAILABLE || o.status[i] == SQL_PARAM_ERROR));
            }
            // The short last batch was never sent into the aborted transaction.
            for (std::size_t i = 201; i < n; ++i) {
                CAPTURE(i);
                CHECK(o.status[i] == SQL_PARAM_UNUSED);
            }
            CHECK_FALSE(std::any_of(o.diags.begin(), o.diags.end(), [](const RowDiag& d) {
                return d.state == "25P02" || contains_nocase(d.message, "is aborted, commands");
            }));
            check(SQLEndTran(SQL_HANDLE_DBC, c.dbc, SQL_ROLLBACK), SQL_HANDLE_DBC, c.dbc);
            CHECK(count_rows(c.dbc, "it_arr_short") == 1);
        }
    }
}

// Data at execution collects one value per parameter through SQLParamData/SQLPutData; in an array
// the driver refuses it per row instead of sending NULLs.
TEST_CASE("data at execution inside a parameter array fails each row, nothing is inserted"
          * only_our_driver()) {
    Connection c;
    exec(c.dbc, "DROP TABLE IF EXISTS it_arr_dae");
    exec(c.dbc, "CREATE TABLE it_arr_dae (v int)");
    Stmt stmt(c.dbc);
    SQLINTEGER values[3] = {1, 2, 3};
    SQLLEN ind[3] = {SQL_DATA_AT_EXEC, SQL_DATA_AT_EXEC, SQL_DATA_AT_EXEC};
    SQLUSMALLINT status[3] = {};
    check(SQLSetStmtAttr(stmt, SQL_ATTR_PARAMSET_SIZE, reinterpret_cast<SQLPOINTER>(3), 0),
          SQL_HANDLE_STMT, stmt);
    check(SQLSetStmtAttr(stmt, SQL_ATTR_PARAM_STATUS_PTR, status, 0), SQL_HANDLE_STMT, stmt);
    check(
        SQLBindParameter(stmt, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, values, 0, ind),
        SQL_HANDLE_STMT, stmt);
    CHECK(SQLExecDirect(stmt, sqlc("INSERT INTO it_arr_dae VALUES (?)"), SQL_NTS) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HYC00"));
    CHECK(status[0] == SQL_PARAM_ERROR);
    CHECK(status[2] == SQL_PARAM_ERROR);
    CHECK(query_string(c.dbc, "SELECT count(*) FROM it_arr_dae") == "0");
}
