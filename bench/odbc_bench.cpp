// odbc_bench: one workload through any ODBC driver, via the unixODBC driver manager (-lodbc only).
//
//   odbc_bench --workload NAME --connstr "Driver={...};..." [--rows N] [--batch N] [--tables N]
//              [--columns N] [--max-seconds S]
//
// Workloads: insert_array insert_rowwise fetch_bound fetch_getdata roundtrip connect catalog
// bi_open connect_concurrent commit_array_autocommit commit_array_manual commit_rowwise_autocommit
// commit_rowwise_manual.
// Prints one line: RESULT,workload,status,rows,seconds,p50_us,p99_us,peak_rss_kib,message with
// status ok, unsupported (the driver says it cannot: SQLGetFunctions, or 01S02 on an array size
// that then reads back as something else) or error. Nothing falls back to another method.
//
// The fetch workloads read table bench_fetch and the catalog and bi_open workloads schema
// bench_catalog, all made by `pq_bench --workload setup`. The insert workloads make and drop their
// own table.
#include "bench_common.h"

#include <sql.h>
#include <sqlext.h>

#include <cstdio>
#include <cstring>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using bench::Failure;
using bench::Result;
using bench::Unsupported;

std::string diagnostics(SQLSMALLINT type, SQLHANDLE handle) {
    std::string out;
    SQLCHAR state[6];
    SQLCHAR text[1024];
    SQLINTEGER native = 0;
    SQLSMALLINT len = 0;
    for (SQLSMALLINT i = 1;
         SQL_SUCCEEDED(SQLGetDiagRec(type, handle, i, state, &native, text, sizeof text, &len));
         ++i) {
        out += std::string(" [") + reinterpret_cast<char*>(state) + "] "
               + reinterpret_cast<char*>(text);
    }
    return out;
}

bool has_state(SQLSMALLINT type, SQLHANDLE handle, const char* wanted) {
    SQLCHAR state[6];
    SQLCHAR text[1024];
    SQLINTEGER native = 0;
    SQLSMALLINT len = 0;
    for (SQLSMALLINT i = 1;
         SQL_SUCCEEDED(SQLGetDiagRec(type, handle, i, state, &native, text, sizeof text, &len));
         ++i) {
        if (std::strcmp(reinterpret_cast<char*>(state), wanted) == 0)
            return true;
    }
    return false;
}

void check(SQLRETURN rc, SQLSMALLINT type, SQLHANDLE handle, const std::string& what) {
    if (!SQL_SUCCEEDED(rc)) {
        throw Failure(what + " failed (rc " + std::to_string(rc) + ")" + diagnostics(type, handle));
    }
}

struct Env {
    SQLHENV h = SQL_NULL_HENV;

    Env() {
        check(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &h), SQL_HANDLE_ENV, h, "alloc env");
        check(
            SQLSetEnvAttr(h, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3), 0),
            SQL_HANDLE_ENV, h, "SQL_ATTR_ODBC_VERSION");
    }

    ~Env() { SQLFreeHandle(SQL_HANDLE_ENV, h); }

    Env(const Env&) = delete;
    Env& operator=(const Env&) = delete;
};

struct Dbc {
    SQLHDBC h = SQL_NULL_HDBC;
    bool connected = false;

    Dbc(const Env& env, const std::string& connstr) {
        check(SQLAllocHandle(SQL_HANDLE_DBC, env.h, &h), SQL_HANDLE_ENV, env.h, "alloc dbc");
        std::string cs = connstr;
        SQLCHAR out[2048];
        SQLSMALLINT out_len = 0;
        check(SQLDriverConnect(h, nullptr, reinterpret_cast<SQLCHAR*>(cs.data()), SQL_NTS, out,
                               sizeof out, &out_len, SQL_DRIVER_NOPROMPT),
              SQL_HANDLE_DBC, h, "SQLDriverConnect");
        connected = true;
    }

    void disconnect() {
        if (connected) {
            check(SQLDisconnect(h), SQL_HANDLE_DBC, h, "SQLDisconnect");
            connected = false;
        }
    }

    ~Dbc() {
        if (connected) {
            SQLEndTran(SQL_HANDLE_DBC, h, SQL_ROLLBACK);
            SQLDisconnect(h);
        }
        SQLFreeHandle(SQL_HANDLE_DBC, h);
    }

    Dbc(const Dbc&) = delete;
    Dbc& operator=(const Dbc&) = delete;

    void autocommit(bool on) {
        check(SQLSetConnectAttr(
                  h, SQL_ATTR_AUTOCOMMIT,
                  reinterpret_cast<SQLPOINTER>(on ? SQL_AUTOCOMMIT_ON : SQL_AUTOCOMMIT_OFF),
                  SQL_IS_UINTEGER),
              SQL_HANDLE_DBC, h, "SQL_ATTR_AUTOCOMMIT");
    }

    void commit() { check(SQLEndTran(SQL_HANDLE_DBC, h, SQL_COMMIT), SQL_HANDLE_DBC, h, "commit"); }

    // SQLGetFunctions is the driver's own statement of what it implements.
    void require(SQLUSMALLINT function, const char* name) {
        SQLUSMALLINT supported = SQL_FALSE;
        check(SQLGetFunctions(h, function, &supported), SQL_HANDLE_DBC, h, "SQLGetFunctions");
        if (supported != SQL_TRUE) {
            throw Unsupported(std::string("SQLGetFunctions: ") + name + " not supported");
        }
    }
};

struct Stmt {
    SQLHSTMT h = SQL_NULL_HSTMT;

    explicit Stmt(const Dbc& dbc) {
        check(SQLAllocHandle(SQL_HANDLE_STMT, dbc.h, &h), SQL_HANDLE_DBC, dbc.h, "alloc stmt");
    }

    ~Stmt() { SQLFreeHandle(SQL_HANDLE_STMT, h); }

    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    void ok(SQLRETURN rc, const std::string& what) const { check(rc, SQL_HANDLE_STMT, h, what); }

    void exec(const std::string& sql) const {
        std::string s = sql;
        SQLRETURN rc = SQLExecDirect(h, reinterpret_cast<SQLCHAR*>(s.data()), SQL_NTS);
        if (rc != SQL_NO_DATA)
            ok(rc, "SQLExecDirect " + sql);
        ok(SQLFreeStmt(h, SQL_CLOSE), "SQLFreeStmt(SQL_CLOSE)");
    }

    std::int64_t scalar(const std::string& sql) const {
        std::string s = sql;
        ok(SQLExecDirect(h, reinterpret_cast<SQLCHAR*>(s.data()), SQL_NTS), "SQLExecDirect " + sql);
        ok(SQLFetch(h), "SQLFetch " + sql);
        SQLBIGINT v = 0;
        SQLLEN ind = 0;
        ok(SQLGetData(h, 1, SQL_C_SBIGINT, &v, 0, &ind), "SQLGetData " + sql);
        ok(SQLFreeStmt(h, SQL_CLOSE), "SQLFreeStmt(SQL_CLOSE)");
        return v;
    }

    // Sets an array-size attribute; a driver that answers 01S02 and keeps another value does
    // not support it (that is what ODBC says 01S02 means).
    void array_attribute(SQLINTEGER attr, SQLULEN value, const char* name) const {
        SQLRETURN rc = SQLSetStmtAttr(h, attr, reinterpret_cast<SQLPOINTER>(value), 0);
        const bool changed = rc == SQL_SUCCESS_WITH_INFO && has_state(SQL_HANDLE_STMT, h, "01S02");
        if (!SQL_SUCCEEDED(rc)) {
            throw Unsupported(std::string(name) + "=" + std::to_string(value) + " refused"
                              + diagnostics(SQL_HANDLE_STMT, h));
        }
        SQLULEN actual = 0;
        ok(SQLGetStmtAttr(h, attr, &actual, 0, nullptr), std::string("SQLGetStmtAttr ") + name);
        if (actual != value) {
            throw Unsupported(std::string(name) + "=" + std::to_string(value)
                              + (changed ? ": 01S02; it stays " : ": it reads back as ")
                              + std::to_string(actual));
        }
    }
};

std::string insert_table() {
    return "bench_ins_" + std::to_string(getpid());
}

// Column-wise parameter buffers for `rows` rows of (int, varchar(64), numeric(12,2), timestamp,
// boolean), bound once; fill() writes application rows [first, first + n).
struct ParamArrays {
    std::vector<SQLINTEGER> id;
    std::vector<char> name, amount;
    std::vector<SQL_TIMESTAMP_STRUCT> ts;
    std::vector<unsigned char> flag;
    std::vector<SQLLEN> id_ind, name_ind, amount_ind, ts_ind, flag_ind;
    static constexpr SQLLEN name_w = 65, amount_w = 24;

    explicit ParamArrays(std::size_t rows)
        : id(rows),
          name(rows * name_w),
          amount(rows * amount_w),
          ts(rows),
          flag(rows),
          id_ind(rows, 0),
          name_ind(rows),
          amount_ind(rows),
          ts_ind(rows, 0),
          flag_ind(rows, 0) {}

    void bind(const Stmt& s) {
        s.ok(SQLBindParameter(s.h, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, id.data(), 0,
                              id_ind.data()),
             "SQLBindParameter 1");
        s.ok(SQLBindParameter(s.h, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 64, 0, name.data(),
                              name_w, name_ind.data()),
             "SQLBindParameter 2");
        s.ok(SQLBindParameter(s.h, 3, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_NUMERIC, 12, 2,
                              amount.data(), amount_w, amount_ind.data()),
             "SQLBindParameter 3");
        s.ok(SQLBindParameter(s.h, 4, SQL_PARAM_INPUT, SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, 19,
                              0, ts.data(), sizeof(SQL_TIMESTAMP_STRUCT), ts_ind.data()),
             "SQLBindParameter 4");
        s.ok(SQLBindParameter(s.h, 5, SQL_PARAM_INPUT, SQL_C_BIT, SQL_BIT, 1, 0, flag.data(), 1,
                              flag_ind.data()),
             "SQLBindParameter 5");
    }

    void fill(std::int64_t first, std::size_t n) {
        for (std::size_t k = 0; k < n; ++k) {
            const std::int64_t i = first + static_cast<std::int64_t>(k);
            id[k] = static_cast<SQLINTEGER>(i);
            name_ind[k] = bench::row_name(i, &name[k * name_w], name_w);
            amount_ind[k] = bench::row_amount(i, &amount[k * amount_w], amount_w);
            const bench::Stamp st = bench::row_stamp(i);
            ts[k] = SQL_TIMESTAMP_STRUCT{static_cast<SQLSMALLINT>(st.year),
                                         static_cast<SQLUSMALLINT>(st.month),
                                         static_cast<SQLUSMALLINT>(st.day),
                                         static_cast<SQLUSMALLINT>(st.hour),
                                         static_cast<SQLUSMALLINT>(st.minute),
                                         static_cast<SQLUSMALLINT>(st.second),
                                         0};
            flag[k] = bench::row_flag(i) ? 1 : 0;
        }
    }
};

// Creates the insert table (autocommit), runs `body` in one transaction, verifies the row count
// and drops the table.
template <class Body>
Result insert_workload(Dbc& dbc, std::int64_t rows, Body&& body) {
    dbc.require(SQL_API_SQLBINDPARAMETER, "SQLBindParameter");
    const std::string table = insert_table();
    Stmt ddl(dbc);
    ddl.exec("DROP TABLE IF EXISTS " + table);
    ddl.exec("CREATE TABLE " + table + " " + bench::insert_table_ddl());
    Result r;
    r.rows = rows;
    try {
        dbc.autocommit(false);
        Stmt s(dbc);
        const auto start = bench::Clock::now();
        body(s, table);
        dbc.commit();
        r.seconds = bench::seconds_since(start);
        dbc.autocommit(true);
        const std::int64_t counted = ddl.scalar("SELECT count(*) FROM " + table);
        if (counted != rows) {
            throw Failure("inserted " + std::to_string(rows) + " rows but the table holds "
                          + std::to_string(counted));
        }
    } catch (...) {
        SQLEndTran(SQL_HANDLE_DBC, dbc.h, SQL_ROLLBACK);
        dbc.autocommit(true);
        ddl.exec("DROP TABLE IF EXISTS " + table);
        throw;
    }
    ddl.exec("DROP TABLE " + table);
    return r;
}

std::string insert_sql(const std::string& table) {
    return "INSERT INTO " + table + " (id, name, amount, ts, flag) VALUES (?, ?, ?, ?, ?)";
}

Result insert_array(Dbc& dbc, const bench::Options& o) {
    return insert_workload(dbc, o.rows, [&](Stmt& s, const std::string& table) {
        const auto batch = static_cast<std::size_t>(o.batch);
        ParamArrays p(batch);
        SQLULEN processed = 0;
        std::vector<SQLUSMALLINT> status(batch);
        s.ok(SQLSetStmtAttr(s.h, SQL_ATTR_PARAM_BIND_TYPE,
                            reinterpret_cast<SQLPOINTER>(SQL_PARAM_BIND_BY_COLUMN), 0),
             "SQL_ATTR_PARAM_BIND_TYPE");
        s.array_attribute(SQL_ATTR_PARAMSET_SIZE, batch, "SQL_ATTR_PARAMSET_SIZE");
        s.ok(SQLSetStmtAttr(s.h, SQL_ATTR_PARAMS_PROCESSED_PTR, &processed, 0),
             "SQL_ATTR_PARAMS_PROCESSED_PTR");
        s.ok(SQLSetStmtAttr(s.h, SQL_ATTR_PARAM_STATUS_PTR, status.data(), 0),
             "SQL_ATTR_PARAM_STATUS_PTR");
        std::string sql = insert_sql(table);
        s.ok(SQLPrepare(s.h, reinterpret_cast<SQLCHAR*>(sql.data()), SQL_NTS), "SQLPrepare");
        p.bind(s);
        for (std::int64_t first = 1; first <= o.rows; first += o.batch) {
            const auto n =
                static_cast<std::size_t>(std::min<std::int64_t>(o.batch, o.rows - first + 1));
            if (n != batch)
                s.array_attribute(SQL_ATTR_PARAMSET_SIZE, n, "SQL_ATTR_PARAMSET_SIZE");
            p.fill(first, n);
            s.ok(SQLExecute(s.h), "SQLExecute (parameter array)");
            if (processed != n) {
                throw Failure("SQL_ATTR_PARAMS_PROCESSED_PTR says " + std::to_string(processed)
                              + " of " + std::to_string(n));
            }
            for (std::size_t k = 0; k < n; ++k) {
                if (status[k] != SQL_PARAM_SUCCESS && status[k] != SQL_PARAM_SUCCESS_WITH_INFO) {
                    throw Failure("parameter set " + std::to_string(first + k) + " has status "
                                  + std::to_string(status[k]));
                }
            }
        }
    });
}

Result insert_rowwise(Dbc& dbc, const bench::Options& o) {
    return insert_workload(dbc, o.rows, [&](Stmt& s, const std::string& table) {
        ParamArrays p(1);
        std::string sql = insert_sql(table);
        s.ok(SQLPrepare(s.h, reinterpret_cast<SQLCHAR*>(sql.data()), SQL_NTS), "SQLPrepare");
        p.bind(s);
        for (std::int64_t i = 1; i <= o.rows; ++i) {
            p.fill(i, 1);
            s.ok(SQLExecute(s.h), "SQLExecute");
        }
    });
}

// The commit-cost workloads (bench_common.h: each transaction that inserts costs
// kCommitSleepMs more at commit, and is logged once): --rows rows as one SQLExecute of a
// --batch-row parameter array each (array) or one SQLExecute per row, with autocommit on or off
// (then one SQLEndTran at the end, timed). No execution starts after --max-seconds: with one commit
// per row a driver would take minutes; the rows it did are what its rate is computed from.
Result commit_cost(Dbc& dbc, const bench::Options& o, bool array, bool autocommit) {
    dbc.require(SQL_API_SQLBINDPARAMETER, "SQLBindParameter");
    const std::string table = insert_table();
    const std::string log = table + "_txn";
    Stmt ddl(dbc);
    for (const std::string& sql : bench::commit_cost_ddl(table, log))
        ddl.exec(sql);
    const std::int64_t batch = array ? o.batch : 1;
    const std::int64_t planned = (o.rows + batch - 1) / batch;
    Result r;
    std::int64_t executions = 0;
    try {
        dbc.autocommit(autocommit);
        Stmt s(dbc);
        ParamArrays p(static_cast<std::size_t>(batch));
        SQLULEN processed = 0;
        std::vector<SQLUSMALLINT> status(static_cast<std::size_t>(batch));
        if (array) {
            s.ok(SQLSetStmtAttr(s.h, SQL_ATTR_PARAM_BIND_TYPE,
                                reinterpret_cast<SQLPOINTER>(SQL_PARAM_BIND_BY_COLUMN), 0),
                 "SQL_ATTR_PARAM_BIND_TYPE");
            s.array_attribute(SQL_ATTR_PARAMSET_SIZE, static_cast<SQLULEN>(batch),
                              "SQL_ATTR_PARAMSET_SIZE");
            s.ok(SQLSetStmtAttr(s.h, SQL_ATTR_PARAMS_PROCESSED_PTR, &processed, 0),
                 "SQL_ATTR_PARAMS_PROCESSED_PTR");
            s.ok(SQLSetStmtAttr(s.h, SQL_ATTR_PARAM_STATUS_PTR, status.data(), 0),
                 "SQL_ATTR_PARAM_STATUS_PTR");
        }
        std::string sql = insert_sql(table);
        s.ok(SQLPrepare(s.h, reinterpret_cast<SQLCHAR*>(sql.data()), SQL_NTS), "SQLPrepare");
        p.bind(s);
        const auto start = bench::Clock::now();
        for (std::int64_t first = 1; first <= o.rows; first += batch) {
            if (o.max_seconds > 0 && executions > 0 && bench::seconds_since(start) > o.max_seconds)
                break;
            const std::int64_t n = std::min<std::int64_t>(batch, o.rows - first + 1);
            if (array && n != batch) {
                s.array_attribute(SQL_ATTR_PARAMSET_SIZE, static_cast<SQLULEN>(n),
                                  "SQL_ATTR_PARAMSET_SIZE");
            }
            p.fill(first, static_cast<std::size_t>(n));
            s.ok(SQLExecute(s.h), array ? "SQLExecute (parameter array)" : "SQLExecute");
            if (array && processed != static_cast<SQLULEN>(n)) {
                throw Failure("SQL_ATTR_PARAMS_PROCESSED_PTR says " + std::to_string(processed)
                              + " of " + std::to_string(n));
            }
            ++executions;
            r.rows += n;
        }
        if (!autocommit)
            dbc.commit();
        r.seconds = bench::seconds_since(start);
        dbc.autocommit(true);
        const std::int64_t counted = ddl.scalar("SELECT count(*) FROM " + table);
        if (counted != r.rows) {
            throw Failure("inserted " + std::to_string(r.rows) + " rows but the table holds "
                          + std::to_string(counted));
        }
        r.message =
            bench::commit_message(ddl.scalar("SELECT count(*) FROM " + log), executions, planned);
    } catch (...) {
        SQLEndTran(SQL_HANDLE_DBC, dbc.h, SQL_ROLLBACK);
        dbc.autocommit(true);
        for (const std::string& sql : bench::commit_cost_cleanup(table, log))
            ddl.exec(sql);
        throw;
    }
    for (const std::string& sql : bench::commit_cost_cleanup(table, log))
        ddl.exec(sql);
    return r;
}

constexpr const char* fetch_columns =
    "SELECT id, name, amount, ts, flag FROM bench_fetch WHERE id <= ";

void verify_fetch(std::int64_t want, std::int64_t got, std::int64_t id_sum) {
    if (got != want || id_sum != want * (want + 1) / 2) {
        throw Failure("fetched " + std::to_string(got) + " rows (id sum " + std::to_string(id_sum)
                      + "), wanted " + std::to_string(want)
                      + " (bench_fetch too small? run pq_bench --workload setup)");
    }
}

Result fetch_bound(Dbc& dbc, const bench::Options& o) {
    Stmt s(dbc);
    const auto n = static_cast<std::size_t>(o.batch);
    s.array_attribute(SQL_ATTR_ROW_ARRAY_SIZE, n, "SQL_ATTR_ROW_ARRAY_SIZE");
    std::vector<SQLINTEGER> id(n);
    std::vector<char> name(n * 65), amount(n * 24);
    std::vector<SQL_TIMESTAMP_STRUCT> ts(n);
    std::vector<unsigned char> flag(n);
    std::vector<SQLLEN> ind(5 * n);
    std::vector<SQLUSMALLINT> status(n);
    SQLULEN fetched = 0;
    s.ok(SQLSetStmtAttr(s.h, SQL_ATTR_ROW_BIND_TYPE,
                        reinterpret_cast<SQLPOINTER>(SQL_BIND_BY_COLUMN), 0),
         "SQL_ATTR_ROW_BIND_TYPE");
    s.ok(SQLSetStmtAttr(s.h, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0), "SQL_ATTR_ROWS_FETCHED_PTR");
    s.ok(SQLSetStmtAttr(s.h, SQL_ATTR_ROW_STATUS_PTR, status.data(), 0), "SQL_ATTR_ROW_STATUS_PTR");
    s.ok(SQLBindCol(s.h, 1, SQL_C_SLONG, id.data(), 0, &ind[0]), "SQLBindCol 1");
    s.ok(SQLBindCol(s.h, 2, SQL_C_CHAR, name.data(), 65, &ind[n]), "SQLBindCol 2");
    s.ok(SQLBindCol(s.h, 3, SQL_C_CHAR, amount.data(), 24, &ind[2 * n]), "SQLBindCol 3");
    s.ok(SQLBindCol(s.h, 4, SQL_C_TYPE_TIMESTAMP, ts.data(), sizeof(SQL_TIMESTAMP_STRUCT),
                    &ind[3 * n]),
         "SQLBindCol 4");
    s.ok(SQLBindCol(s.h, 5, SQL_C_BIT, flag.data(), 1, &ind[4 * n]), "SQLBindCol 5");
    std::string sql = fetch_columns + std::to_string(o.rows);
    Result r;
    std::int64_t id_sum = 0;
    const auto start = bench::Clock::now();
    s.ok(SQLExecDirect(s.h, reinterpret_cast<SQLCHAR*>(sql.data()), SQL_NTS), "SQLExecDirect");
    for (;;) {
        SQLRETURN rc = SQLFetch(s.h);
        if (rc == SQL_NO_DATA)
            break;
        s.ok(rc, "SQLFetch");
        for (SQLULEN k = 0; k < fetched; ++k)
            id_sum += id[k];
        r.rows += static_cast<std::int64_t>(fetched);
    }
    s.ok(SQLFreeStmt(s.h, SQL_CLOSE), "SQLFreeStmt(SQL_CLOSE)");
    r.seconds = bench::seconds_since(start);
    verify_fetch(o.rows, r.rows, id_sum);
    return r;
}

Result fetch_getdata(Dbc& dbc, const bench::Options& o) {
    Stmt s(dbc);
    std::string sql = fetch_columns + std::to_string(o.rows);
    Result r;
    std::int64_t id_sum = 0;
    SQLINTEGER id = 0;
    char name[65];
    char amount[24];
    SQL_TIMESTAMP_STRUCT ts{};
    unsigned char flag = 0;
    SQLLEN ind = 0;
    const auto start = bench::Clock::now();
    s.ok(SQLExecDirect(s.h, reinterpret_cast<SQLCHAR*>(sql.data()), SQL_NTS), "SQLExecDirect");
    for (;;) {
        SQLRETURN rc = SQLFetch(s.h);
        if (rc == SQL_NO_DATA)
            break;
        s.ok(rc, "SQLFetch");
        s.ok(SQLGetData(s.h, 1, SQL_C_SLONG, &id, 0, &ind), "SQLGetData 1");
        s.ok(SQLGetData(s.h, 2, SQL_C_CHAR, name, sizeof name, &ind), "SQLGetData 2");
        s.ok(SQLGetData(s.h, 3, SQL_C_CHAR, amount, sizeof amount, &ind), "SQLGetData 3");
        s.ok(SQLGetData(s.h, 4, SQL_C_TYPE_TIMESTAMP, &ts, sizeof ts, &ind), "SQLGetData 4");
        s.ok(SQLGetData(s.h, 5, SQL_C_BIT, &flag, 1, &ind), "SQLGetData 5");
        id_sum += id;
        ++r.rows;
    }
    s.ok(SQLFreeStmt(s.h, SQL_CLOSE), "SQLFreeStmt(SQL_CLOSE)");
    r.seconds = bench::seconds_since(start);
    verify_fetch(o.rows, r.rows, id_sum);
    return r;
}

Result roundtrip(Dbc& dbc, const bench::Options& o) {
    Stmt s(dbc);
    std::string sql = "SELECT 1";
    auto once = [&] {
        s.ok(SQLExecDirect(s.h, reinterpret_cast<SQLCHAR*>(sql.data()), SQL_NTS), "SQLExecDirect");
        s.ok(SQLFetch(s.h), "SQLFetch");
        SQLINTEGER v = 0;
        SQLLEN ind = 0;
        s.ok(SQLGetData(s.h, 1, SQL_C_SLONG, &v, 0, &ind), "SQLGetData");
        if (v != 1)
            throw Failure("SELECT 1 returned " + std::to_string(v));
        s.ok(SQLFreeStmt(s.h, SQL_CLOSE), "SQLFreeStmt(SQL_CLOSE)");
    };
    return bench::timed_operations(o.rows, once);
}

// roundtrip with the statement prepared once: SQLExecute + SQLFetch + SQLGetData per query, what
// an application running the same statement again pays.
Result roundtrip_prepared(Dbc& dbc, const bench::Options& o) {
    Stmt s(dbc);
    std::string sql = "SELECT 1";
    s.ok(SQLPrepare(s.h, reinterpret_cast<SQLCHAR*>(sql.data()), SQL_NTS), "SQLPrepare");
    auto once = [&] {
        s.ok(SQLExecute(s.h), "SQLExecute");
        s.ok(SQLFetch(s.h), "SQLFetch");
        SQLINTEGER v = 0;
        SQLLEN ind = 0;
        s.ok(SQLGetData(s.h, 1, SQL_C_SLONG, &v, 0, &ind), "SQLGetData");
        if (v != 1)
            throw Failure("SELECT 1 returned " + std::to_string(v));
        s.ok(SQLFreeStmt(s.h, SQL_CLOSE), "SQLFreeStmt(SQL_CLOSE)");
    };
    return bench::timed_operations(o.rows, once);
}

// `anchor` stays connected throughout, so no driver manager unloads the driver between cycles
// (unixODBC does so on the last disconnect unless DontDLClose is set): dlopen is not measured.
Result connect_cycles(const Env& env, Dbc& /*anchor*/, const bench::Options& o) {
    Result r;
    const auto start = bench::Clock::now();
    for (std::int64_t i = 0; i < o.rows; ++i) {
        const auto t = bench::Clock::now();
        Dbc d(env, o.target);
        d.disconnect();
        r.latencies.push_back(bench::seconds_since(t));
    }
    r.seconds = bench::seconds_since(start);
    r.rows = o.rows;
    return r;
}

// connect_concurrent: --rows threads (16) connect at the same moment, as a BI server's threads do
// when users arrive, against one connect alone (the median of five, before). Connection
// establishment (DNS, TLS, authentication, session set-up) must hold no process-wide lock: through
// the latency relay the wall time of all of them should stay close to one connect's, not N times
// it. Seconds: the wall time from the start signal to the last connection made; latencies: each
// thread's connect. One environment for all, as a server has; `anchor` keeps the driver loaded.
Result connect_concurrent(const Env& env, Dbc& /*anchor*/, const bench::Options& o) {
    return bench::measure_concurrent_connects(static_cast<std::size_t>(o.rows),
                                              [&] { return std::make_unique<Dbc>(env, o.target); });
}

std::int64_t drain(const Stmt& s, SQLUSMALLINT name_column, const char* what) {
    std::int64_t rows = 0;
    char name[256];
    SQLLEN ind = 0;
    for (;;) {
        SQLRETURN rc = SQLFetch(s.h);
        if (rc == SQL_NO_DATA)
            break;
        s.ok(rc, std::string("SQLFetch ") + what);
        s.ok(SQLGetData(s.h, name_column, SQL_C_CHAR, name, sizeof name, &ind),
             std::string("SQLGetData ") + what);
        ++rows;
    }
    s.ok(SQLFreeStmt(s.h, SQL_CLOSE), "SQLFreeStmt(SQL_CLOSE)");
    return rows;
}

// What a BI tool does on opening a schema: list its tables, then the columns of each.
Result catalog(Dbc& dbc, const bench::Options& o) {
    dbc.require(SQL_API_SQLTABLES, "SQLTables");
    dbc.require(SQL_API_SQLCOLUMNS, "SQLColumns");
    Stmt s(dbc);
    SQLCHAR schema[] = "bench_catalog";
    SQLCHAR all[] = "%";
    SQLCHAR type[] = "TABLE";
    Result r;
    const auto start = bench::Clock::now();
    auto t = bench::Clock::now();
    s.ok(SQLTables(s.h, nullptr, 0, schema, SQL_NTS, all, SQL_NTS, type, SQL_NTS), "SQLTables");
    const std::int64_t tables = drain(s, 3, "SQLTables");
    r.latencies.push_back(bench::seconds_since(t));
    if (tables != o.tables) {
        throw Failure("SQLTables listed " + std::to_string(tables)
                      + " tables in bench_catalog, wanted " + std::to_string(o.tables));
    }
    std::int64_t columns = 0;
    for (std::int64_t i = 1; i <= o.tables; ++i) {
        std::string table = "t" + std::to_string(i);
        t = bench::Clock::now();
        s.ok(SQLColumns(s.h, nullptr, 0, schema, SQL_NTS, reinterpret_cast<SQLCHAR*>(table.data()),
                        SQL_NTS, all, SQL_NTS),
             "SQLColumns " + table);
        const std::int64_t n = drain(s, 4, "SQLColumns");
        r.latencies.push_back(bench::seconds_since(t));
        if (n != o.columns) {
            throw Failure("SQLColumns on " + table + " gave " + std::to_string(n)
                          + " columns, wanted " + std::to_string(o.columns));
        }
        columns += n;
    }
    r.seconds = bench::seconds_since(start);
    r.rows = tables + columns;
    return r;
}

// The SQLGetInfo items a BI tool asks when it opens a connection (the union of what Tableau's,
// Power BI's and LibreOffice's ODBC layers were seen asking: identity, limits, SQL dialect, catalog
// naming, quoting, conversion and function masks).
constexpr SQLUSMALLINT bi_info_items[] = {
    SQL_DRIVER_NAME,
    SQL_DRIVER_VER,
    SQL_DRIVER_ODBC_VER,
    SQL_ODBC_VER,
    SQL_DBMS_NAME,
    SQL_DBMS_VER,
    SQL_SERVER_NAME,
    SQL_DATABASE_NAME,
    SQL_USER_NAME,
    SQL_DATA_SOURCE_READ_ONLY,
    SQL_IDENTIFIER_QUOTE_CHAR,
    SQL_IDENTIFIER_CASE,
    SQL_QUOTED_IDENTIFIER_CASE,
    SQL_CATALOG_NAME,
    SQL_CATALOG_NAME_SEPARATOR,
    SQL_CATALOG_TERM,
    SQL_CATALOG_USAGE,
    SQL_CATALOG_LOCATION,
    SQL_SCHEMA_TERM,
    SQL_SCHEMA_USAGE,
    SQL_TABLE_TERM,
    SQL_PROCEDURE_TERM,
    SQL_SEARCH_PATTERN_ESCAPE,
    SQL_SPECIAL_CHARACTERS,
    SQL_KEYWORDS,
    SQL_MAX_IDENTIFIER_LEN,
    SQL_MAX_TABLE_NAME_LEN,
    SQL_MAX_SCHEMA_NAME_LEN,
    SQL_MAX_CATALOG_NAME_LEN,
    SQL_MAX_COLUMN_NAME_LEN,
    SQL_MAX_COLUMNS_IN_SELECT,
    SQL_MAX_STATEMENT_LEN,
    SQL_MAX_CHAR_LITERAL_LEN,
    SQL_SQL_CONFORMANCE,
    SQL_ODBC_INTERFACE_CONFORMANCE,
    SQL_GETDATA_EXTENSIONS,
    SQL_CURSOR_COMMIT_BEHAVIOR,
    SQL_CURSOR_ROLLBACK_BEHAVIOR,
    SQL_TXN_CAPABLE,
    SQL_DEFAULT_TXN_ISOLATION,
    SQL_TXN_ISOLATION_OPTION,
    SQL_MULTIPLE_ACTIVE_TXN,
    SQL_NULL_COLLATION,
    SQL_CONCAT_NULL_BEHAVIOR,
    SQL_GROUP_BY,
    SQL_ORDER_BY_COLUMNS_IN_SELECT,
    SQL_EXPRESSIONS_IN_ORDERBY,
    SQL_OJ_CAPABILITIES,
    SQL_SQL92_RELATIONAL_JOIN_OPERATORS,
    SQL_SUBQUERIES,
    SQL_UNION,
    SQL_CORRELATION_NAME,
    SQL_NON_NULLABLE_COLUMNS,
    SQL_STRING_FUNCTIONS,
    SQL_NUMERIC_FUNCTIONS,
    SQL_TIMEDATE_FUNCTIONS,
    SQL_SYSTEM_FUNCTIONS,
    SQL_TIMEDATE_ADD_INTERVALS,
    SQL_TIMEDATE_DIFF_INTERVALS,
    SQL_CONVERT_FUNCTIONS,
    SQL_CONVERT_INTEGER,
    SQL_CONVERT_VARCHAR,
    SQL_CONVERT_TIMESTAMP,
    SQL_CONVERT_DOUBLE,
    SQL_AGGREGATE_FUNCTIONS,
    SQL_SQL92_STRING_FUNCTIONS,
    SQL_SQL92_DATETIME_FUNCTIONS,
    SQL_SQL92_PREDICATES,
    SQL_SQL92_VALUE_EXPRESSIONS,
    SQL_DATETIME_LITERALS,
    SQL_BATCH_SUPPORT,
    SQL_PARAM_ARRAY_ROW_COUNTS,
    SQL_PARAM_ARRAY_SELECTS,
    SQL_STATIC_CURSOR_ATTRIBUTES1,
    SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1,
    SQL_SCROLL_OPTIONS,
    SQL_ASYNC_MODE,
    SQL_MAX_CONCURRENT_ACTIVITIES,
    SQL_LIKE_ESCAPE_CLAUSE,
    SQL_DESCRIBE_PARAMETER,
};

// What a BI tool does when a user opens a connection, timed from SQLDriverConnect to the columns
// of the first tables: the SQLGetInfo sweep, SQLGetTypeInfo, SQLTables for catalogs, schemas and
// the schema's tables, then SQLColumns of 20 of them. Rows: every catalog row read.
Result bi_open(const Env& env, const bench::Options& o) {
    Result r;
    const auto start = bench::Clock::now();
    auto t = bench::Clock::now();
    Dbc dbc(env, o.target);
    r.latencies.push_back(bench::seconds_since(t));
    dbc.require(SQL_API_SQLTABLES, "SQLTables");
    dbc.require(SQL_API_SQLCOLUMNS, "SQLColumns");
    for (const SQLUSMALLINT item : bi_info_items) {
        char value[4096];
        SQLSMALLINT len = 0;
        const SQLRETURN rc = SQLGetInfo(dbc.h, item, value, sizeof value, &len);
        // A tool carries on when a driver does not know an item (psqlODBC: SQL_DATETIME_LITERALS).
        if (!(rc == SQL_ERROR && has_state(SQL_HANDLE_DBC, dbc.h, "HYC00")))
            check(rc, SQL_HANDLE_DBC, dbc.h, "SQLGetInfo " + std::to_string(item));
    }
    {
        Stmt s(dbc);  // freed before the disconnect, as a tool closes its statements
        SQLCHAR all[] = "%";
        SQLCHAR empty[] = "";
        SQLCHAR schema[] = "bench_catalog";
        SQLCHAR types[] = "TABLE,VIEW";
        t = bench::Clock::now();
        s.ok(SQLGetTypeInfo(s.h, SQL_ALL_TYPES), "SQLGetTypeInfo");
        r.rows += drain(s, 1, "SQLGetTypeInfo");
        s.ok(SQLTables(s.h, all, SQL_NTS, empty, 0, empty, 0, empty, 0), "SQLTables catalogs");
        r.rows += drain(s, 1, "SQLTables catalogs");
        s.ok(SQLTables(s.h, empty, 0, all, SQL_NTS, empty, 0, empty, 0), "SQLTables schemas");
        r.rows += drain(s, 2, "SQLTables schemas");
        s.ok(SQLTables(s.h, nullptr, 0, schema, SQL_NTS, all, SQL_NTS, types, SQL_NTS),
             "SQLTables");
        const std::int64_t tables = drain(s, 3, "SQLTables");
        if (tables != o.tables) {
            throw Failure("SQLTables listed " + std::to_string(tables)
                          + " tables in bench_catalog, wanted " + std::to_string(o.tables));
        }
        r.rows += tables;
        for (std::int64_t i = 1; i <= std::min<std::int64_t>(20, o.tables); ++i) {
            std::string table = "t" + std::to_string(i);
            s.ok(SQLColumns(s.h, nullptr, 0, schema, SQL_NTS,
                            reinterpret_cast<SQLCHAR*>(table.data()), SQL_NTS, all, SQL_NTS),
                 "SQLColumns " + table);
            const std::int64_t n = drain(s, 4, "SQLColumns");
            if (n != o.columns) {
                throw Failure("SQLColumns on " + table + " gave " + std::to_string(n)
                              + " columns, wanted " + std::to_string(o.columns));
            }
            r.rows += n;
        }
    }
    r.latencies.push_back(bench::seconds_since(t));
    dbc.disconnect();
    r.seconds = bench::seconds_since(start);
    // The two phases apart: loading the driver and connecting, then the catalog calls.
    char phases[96];
    std::snprintf(phases, sizeof phases, "connect %.1f ms; catalog %.1f ms", r.latencies[0] * 1e3,
                  r.latencies[1] * 1e3);
    r.message = phases;
    return r;
}

Result run(const bench::Options& o) {
    Env env;
    const std::string& w = o.workload;
    if (w == "bi_open")  // connects itself: the connection is part of what it measures
        return bi_open(env, o);
    Dbc dbc(env, o.target);
    if (w == "insert_array")
        return insert_array(dbc, o);
    if (w == "insert_rowwise")
        return insert_rowwise(dbc, o);
    if (w == "fetch_bound")
        return fetch_bound(dbc, o);
    if (w == "fetch_getdata")
        return fetch_getdata(dbc, o);
    if (w == "roundtrip")
        return roundtrip(dbc, o);
    if (w == "roundtrip_prepared")
        return roundtrip_prepared(dbc, o);
    if (w == "connect")
        return connect_cycles(env, dbc, o);
    if (w == "connect_concurrent")
        return connect_concurrent(env, dbc, o);
    if (w == "catalog")
        return catalog(dbc, o);
    if (w == "commit_array_autocommit" || w == "commit_array_manual"
        || w == "commit_rowwise_autocommit" || w == "commit_rowwise_manual") {
        return commit_cost(dbc, o, w.starts_with("commit_array"), w.ends_with("_autocommit"));
    }
    throw Failure("unknown workload " + w);
}

constexpr const char* usage =
    "usage: odbc_bench --workload NAME --connstr CONNSTR [--rows N] [--batch N] [--tables N] "
    "[--columns N] [--max-seconds S]\n"
    "workloads: insert_array insert_rowwise fetch_bound fetch_getdata roundtrip roundtrip_prepared "
    "connect catalog "
    "bi_open connect_concurrent commit_array_autocommit commit_array_manual "
    "commit_rowwise_autocommit "
    "commit_rowwise_manual\n";

}  // namespace

int main(int argc, char** argv) {
    bench::Options o = bench::parse_options(argc, argv, "connstr", usage);
    if (o.rows == 0)
        o.rows = bench::default_rows(o.workload);
    return bench::run_reporting(o.workload, [&] { return run(o); });
}
