// pq_bench: the same workloads as odbc_bench done directly with libpq, the physical limit an
// ODBC driver over libpq can approach; also prepares the shared data (--workload setup).
//
//   pq_bench --workload NAME --conninfo "host=... port=..." [--rows N] [--batch N]
//            [--stmt-rows N] [--tables N] [--columns N]
//
// insert_array: per application batch of --batch rows (one SQLExecute in ODBC) the rows go out
//   as multi-row INSERT … VALUES statements of --stmt-rows rows (default 100, DESIGN.md's batch
//   size), pipelined (libpq pipeline mode), one sync per batch; one transaction.
// insert_rowwise: one PQexecPrepared per row, one transaction.
// fetch_bound / fetch_getdata: single-row mode, every value converted to what the ODBC program
//   asks for (int, text copy, timestamp fields, bool).
// commit_*: the commit-cost workloads (bench_common.h), autocommit or one transaction.
// roundtrip: PQexec("SELECT 1"); roundtrip_prepared: PQexecPrepared of it; connect:
// PQconnectdb/PQfinish; connect_concurrent: N threads
//   connecting at once; catalog: the pg_catalog queries
//   for a table list and each table's columns.
// setup: makes bench_fetch with at least --rows rows and schema bench_catalog with --tables
//   tables of --columns columns (kept when already there).
// setup_bi: makes database --database (kept when there), loads --fixture into it once when given
//   (tests/fixtures/redshift_catalog.sql: the Redshift flavour's catalog views), then runs setup
//   there: the bi_open workload's own schema, apart from the catalog workload's.
// Prints RESULT lines as odbc_bench does (bench_common.h).
#include "bench_common.h"

#include <libpq-fe.h>

#include <cstring>
#include <fstream>
#include <latch>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using bench::Failure;
using bench::Result;

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};

using Res = std::unique_ptr<PGresult, ResultDeleter>;

struct Conn {
    PGconn* c = nullptr;

    explicit Conn(const std::string& conninfo) : c(PQconnectdb(conninfo.c_str())) {
        if (PQstatus(c) != CONNECTION_OK) {
            std::string msg = PQerrorMessage(c);
            PQfinish(c);
            throw Failure("connect: " + msg);
        }
        // NOTICEs (DROP … IF EXISTS) would only clutter the output.
        PQsetNoticeProcessor(
            c, [](void*, const char*) {}, nullptr);
    }

    ~Conn() { PQfinish(c); }

    Conn(const Conn&) = delete;
    Conn& operator=(const Conn&) = delete;

    Res expect(PGresult* r, ExecStatusType want, const std::string& what) const {
        Res res(r);
        if (!res || PQresultStatus(res.get()) != want) {
            throw Failure(what + ": "
                          + (res ? PQresultErrorMessage(res.get()) : PQerrorMessage(c)));
        }
        return res;
    }

    void exec(const std::string& sql) const {
        PGresult* r = PQexec(c, sql.c_str());
        if (PQresultStatus(r) == PGRES_TUPLES_OK) {
            PQclear(r);
            return;
        }
        expect(r, PGRES_COMMAND_OK, sql);
    }

    std::int64_t scalar(const std::string& sql) const {
        Res r = expect(PQexec(c, sql.c_str()), PGRES_TUPLES_OK, sql);
        return std::strtoll(PQgetvalue(r.get(), 0, 0), nullptr, 10);
    }
};

std::string insert_table() {
    return "bench_ins_pq_" + std::to_string(getpid());
}

// Text of every parameter of `n` rows starting at `first`, in the order of the statement.
struct TextParams {
    std::vector<std::string> values;
    std::vector<const char*> pointers;

    void fill(std::int64_t first, std::int64_t n) {
        values.resize(static_cast<std::size_t>(n) * 5);
        pointers.resize(values.size());
        char buf[96];
        for (std::int64_t k = 0; k < n; ++k) {
            const std::int64_t i = first + k;
            const auto base = static_cast<std::size_t>(k) * 5;
            values[base] = std::to_string(i);
            bench::row_name(i, buf, 65);
            values[base + 1] = buf;
            bench::row_amount(i, buf, sizeof buf);
            values[base + 2] = buf;
            const bench::Stamp s = bench::row_stamp(i);
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", s.year, s.month, s.day,
                          s.hour, s.minute, s.second);
            values[base + 3] = buf;
            values[base + 4] = bench::row_flag(i) ? "t" : "f";
        }
        for (std::size_t j = 0; j < values.size(); ++j)
            pointers[j] = values[j].c_str();
    }
};

std::string insert_sql(const std::string& table, std::int64_t rows) {
    std::string sql = "INSERT INTO " + table + " (id, name, amount, ts, flag) VALUES ";
    for (std::int64_t r = 0; r < rows; ++r) {
        const std::int64_t p = r * 5;
        sql += (r ? ",(" : "(");
        for (int c = 1; c <= 5; ++c) {
            sql += "$" + std::to_string(p + c) + (c < 5 ? "," : ")");
        }
    }
    return sql;
}

template <class Body>
Result insert_workload(const Conn& conn, std::int64_t rows, Body&& body) {
    const std::string table = insert_table();
    conn.exec("DROP TABLE IF EXISTS " + table);
    conn.exec("CREATE TABLE " + table + " " + bench::insert_table_ddl());
    Result r;
    r.rows = rows;
    try {
        const auto start = bench::Clock::now();
        conn.exec("BEGIN");
        body(table);
        conn.exec("COMMIT");
        r.seconds = bench::seconds_since(start);
        const std::int64_t counted = conn.scalar("SELECT count(*) FROM " + table);
        if (counted != rows) {
            throw Failure("inserted " + std::to_string(rows) + " rows but the table holds "
                          + std::to_string(counted));
        }
    } catch (...) {
        PQexec(conn.c, "ROLLBACK");
        conn.exec("DROP TABLE IF EXISTS " + table);
        throw;
    }
    conn.exec("DROP TABLE " + table);
    return r;
}

// The multi-row INSERT statements of an application batch, prepared on first use per row count
// (full and last partial).
class BatchInserter {
public:
    BatchInserter(const Conn& conn, std::string table, std::int64_t stmt_rows)
        : conn_(conn),
          table_(std::move(table)),
          stmt_rows_(stmt_rows),
          prepared_(static_cast<std::size_t>(stmt_rows) + 1, false) {}

    // Rows [first, first + n) as pipelined statements of stmt_rows rows and one sync: one implicit
    // transaction when no BEGIN is open, as one SQLExecute of an n-row array is meant to be.
    void send(std::int64_t first, std::int64_t n) {
        // Statement names first: PQprepare cannot run inside the pipeline.
        std::vector<std::pair<std::int64_t, std::string>> stmts;
        for (std::int64_t k = 0; k < n; k += stmt_rows_) {
            const std::int64_t rows = std::min(stmt_rows_, n - k);
            stmts.emplace_back(rows, statement(rows));
        }
        params_.fill(first, n);
        if (PQenterPipelineMode(conn_.c) != 1)
            throw Failure("PQenterPipelineMode failed");
        std::size_t offset = 0;
        for (const auto& [rows, name] : stmts) {
            if (PQsendQueryPrepared(conn_.c, name.c_str(), static_cast<int>(rows * 5),
                                    params_.pointers.data() + offset, nullptr, nullptr, 0)
                != 1) {
                throw Failure(std::string("PQsendQueryPrepared: ") + PQerrorMessage(conn_.c));
            }
            offset += static_cast<std::size_t>(rows) * 5;
        }
        if (PQpipelineSync(conn_.c) != 1)
            throw Failure("PQpipelineSync failed");
        std::int64_t inserted = 0;
        for (std::size_t s = 0; s < stmts.size(); ++s) {
            Res res = conn_.expect(PQgetResult(conn_.c), PGRES_COMMAND_OK, "pipelined INSERT");
            inserted += std::strtoll(PQcmdTuples(res.get()), nullptr, 10);
            if (PQgetResult(conn_.c) != nullptr)
                throw Failure("extra result in pipeline");
        }
        conn_.expect(PQgetResult(conn_.c), PGRES_PIPELINE_SYNC, "pipeline sync");
        if (PQexitPipelineMode(conn_.c) != 1)
            throw Failure("PQexitPipelineMode failed");
        if (inserted != n)
            throw Failure("server applied " + std::to_string(inserted) + " of " + std::to_string(n)
                          + " rows");
    }

private:
    std::string statement(std::int64_t rows) {
        std::string name = "ins" + std::to_string(rows);
        if (!prepared_[static_cast<std::size_t>(rows)]) {
            conn_.expect(PQprepare(conn_.c, name.c_str(), insert_sql(table_, rows).c_str(),
                                   static_cast<int>(rows * 5), nullptr),
                         PGRES_COMMAND_OK, "PQprepare");
            prepared_[static_cast<std::size_t>(rows)] = true;
        }
        return name;
    }

    const Conn& conn_;
    std::string table_;
    std::int64_t stmt_rows_;
    std::vector<bool> prepared_;
    TextParams params_;
};

Result insert_array(const Conn& conn, const bench::Options& o) {
    return insert_workload(conn, o.rows, [&](const std::string& table) {
        BatchInserter inserter(conn, table, o.stmt_rows);
        for (std::int64_t first = 1; first <= o.rows; first += o.batch)
            inserter.send(first, std::min(o.batch, o.rows - first + 1));
    });
}

Result insert_rowwise(const Conn& conn, const bench::Options& o) {
    return insert_workload(conn, o.rows, [&](const std::string& table) {
        conn.expect(PQprepare(conn.c, "ins_row", insert_sql(table, 1).c_str(), 5, nullptr),
                    PGRES_COMMAND_OK, "PQprepare");
        TextParams params;
        for (std::int64_t i = 1; i <= o.rows; ++i) {
            params.fill(i, 1);
            conn.expect(
                PQexecPrepared(conn.c, "ins_row", 5, params.pointers.data(), nullptr, nullptr, 0),
                PGRES_COMMAND_OK, "INSERT");
        }
    });
}

// The commit-cost workloads (bench_common.h), the reference for what a driver can do: arrays as
// one pipelined batch of multi-row INSERTs and one sync each (autocommit: one implicit
// transaction per batch; manual: BEGIN, all batches, COMMIT), or one PQexecPrepared per row.
Result commit_cost(const Conn& conn, const bench::Options& o, bool array, bool autocommit) {
    const std::string table = insert_table();
    const std::string log = table + "_txn";
    conn.exec("SET client_min_messages = warning");
    for (const std::string& sql : bench::commit_cost_ddl(table, log))
        conn.exec(sql);
    const std::int64_t batch = array ? o.batch : 1;
    const std::int64_t planned = (o.rows + batch - 1) / batch;
    Result r;
    std::int64_t executions = 0;
    try {
        BatchInserter inserter(conn, table, o.stmt_rows);
        TextParams params;
        if (!array) {
            conn.expect(PQprepare(conn.c, "ins_row", insert_sql(table, 1).c_str(), 5, nullptr),
                        PGRES_COMMAND_OK, "PQprepare");
        }
        const auto start = bench::Clock::now();
        if (!autocommit)
            conn.exec("BEGIN");
        for (std::int64_t first = 1; first <= o.rows; first += batch) {
            if (o.max_seconds > 0 && executions > 0 && bench::seconds_since(start) > o.max_seconds)
                break;
            const std::int64_t n = std::min(batch, o.rows - first + 1);
            if (array) {
                inserter.send(first, n);
            } else {
                params.fill(first, 1);
                conn.expect(PQexecPrepared(conn.c, "ins_row", 5, params.pointers.data(), nullptr,
                                           nullptr, 0),
                            PGRES_COMMAND_OK, "INSERT");
            }
            ++executions;
            r.rows += n;
        }
        if (!autocommit)
            conn.exec("COMMIT");
        r.seconds = bench::seconds_since(start);
        const std::int64_t counted = conn.scalar("SELECT count(*) FROM " + table);
        if (counted != r.rows) {
            throw Failure("inserted " + std::to_string(r.rows) + " rows but the table holds "
                          + std::to_string(counted));
        }
        r.message =
            bench::commit_message(conn.scalar("SELECT count(*) FROM " + log), executions, planned);
    } catch (...) {
        PQclear(PQexec(conn.c, "ROLLBACK"));
        for (const std::string& sql : bench::commit_cost_cleanup(table, log))
            conn.exec(sql);
        throw;
    }
    for (const std::string& sql : bench::commit_cost_cleanup(table, log))
        conn.exec(sql);
    return r;
}

// "2024-01-05 07:08:09" into fields, as an ODBC driver fills SQL_TIMESTAMP_STRUCT.
bench::Stamp parse_stamp(const char* v) {
    auto num = [&](int at, int len) {
        int n = 0;
        for (int i = 0; i < len; ++i)
            n = n * 10 + (v[at + i] - '0');
        return n;
    };
    return bench::Stamp{num(0, 4), num(5, 2), num(8, 2), num(11, 2), num(14, 2), num(17, 2)};
}

Result fetch(const Conn& conn, const bench::Options& o) {
    const std::string sql =
        "SELECT id, name, amount, ts, flag FROM bench_fetch WHERE id <= " + std::to_string(o.rows);
    Result r;
    std::int64_t id_sum = 0;
    char name[65];
    char amount[24];
    volatile int sink = 0;
    const auto start = bench::Clock::now();
    if (PQsendQuery(conn.c, sql.c_str()) != 1 || PQsetSingleRowMode(conn.c) != 1) {
        throw Failure(std::string("PQsendQuery: ") + PQerrorMessage(conn.c));
    }
    for (;;) {
        Res res(PQgetResult(conn.c));
        if (!res)
            break;
        const ExecStatusType st = PQresultStatus(res.get());
        if (st == PGRES_TUPLES_OK)
            continue;  // the end marker of single-row mode
        if (st != PGRES_SINGLE_TUPLE)
            throw Failure(std::string("fetch: ") + PQresultErrorMessage(res.get()));
        PGresult* p = res.get();
        id_sum += std::strtol(PQgetvalue(p, 0, 0), nullptr, 10);
        std::memcpy(name, PQgetvalue(p, 0, 1),
                    std::min<std::size_t>(PQgetlength(p, 0, 1) + 1, sizeof name));
        std::memcpy(amount, PQgetvalue(p, 0, 2),
                    std::min<std::size_t>(PQgetlength(p, 0, 2) + 1, sizeof amount));
        const bench::Stamp ts = parse_stamp(PQgetvalue(p, 0, 3));
        sink = sink + ts.second + (PQgetvalue(p, 0, 4)[0] == 't') + name[0] + amount[0];
        ++r.rows;
    }
    r.seconds = bench::seconds_since(start);
    if (r.rows != o.rows || id_sum != o.rows * (o.rows + 1) / 2) {
        throw Failure("fetched " + std::to_string(r.rows) + " rows, wanted "
                      + std::to_string(o.rows));
    }
    return r;
}

Result roundtrip(const Conn& conn, const bench::Options& o) {
    auto once = [&] {
        Res res = conn.expect(PQexec(conn.c, "SELECT 1"), PGRES_TUPLES_OK, "SELECT 1");
        if (std::strtol(PQgetvalue(res.get(), 0, 0), nullptr, 10) != 1)
            throw Failure("SELECT 1 != 1");
    };
    return bench::timed_operations(o.rows, once);
}

// roundtrip_prepared: PQprepare once, then PQexecPrepared per query.
Result roundtrip_prepared(const Conn& conn, const bench::Options& o) {
    conn.expect(PQprepare(conn.c, "bench_roundtrip", "SELECT 1", 0, nullptr), PGRES_COMMAND_OK,
                "PQprepare");
    auto once = [&] {
        Res res =
            conn.expect(PQexecPrepared(conn.c, "bench_roundtrip", 0, nullptr, nullptr, nullptr, 0),
                        PGRES_TUPLES_OK, "SELECT 1");
        if (std::strtol(PQgetvalue(res.get(), 0, 0), nullptr, 10) != 1)
            throw Failure("SELECT 1 != 1");
    };
    return bench::timed_operations(o.rows, once);
}

Result connect_cycles(const bench::Options& o) {
    Result r;
    const auto start = bench::Clock::now();
    for (std::int64_t i = 0; i < o.rows; ++i) {
        const auto t = bench::Clock::now();
        { Conn c(o.target); }
        r.latencies.push_back(bench::seconds_since(t));
    }
    r.seconds = bench::seconds_since(start);
    r.rows = o.rows;
    return r;
}

// connect_concurrent: --rows threads PQconnectdb at the same moment, against one alone
// (odbc_bench's workload of the same name): libpq itself holds no lock across connection
// establishment.
Result connect_concurrent(const bench::Options& o) {
    return bench::measure_concurrent_connects(static_cast<std::size_t>(o.rows),
                                              [&] { return std::make_unique<Conn>(o.target); });
}

Result catalog(const Conn& conn, const bench::Options& o) {
    const char* tables_sql =
        "SELECT current_database(), n.nspname, c.relname, 'TABLE', d.description "
        "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = 0 "
        "WHERE c.relkind IN ('r', 'p') AND n.nspname LIKE $1 AND c.relname LIKE $2 "
        "ORDER BY n.nspname, c.relname";
    const char* columns_sql =
        "SELECT current_database(), n.nspname, c.relname, a.attname, a.atttypid, "
        "pg_catalog.format_type(a.atttypid, a.atttypmod), a.attlen, a.atttypmod, a.attnotnull, "
        "pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), a.attnum "
        "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum "
        "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v') "
        "AND n.nspname LIKE $1 AND c.relname LIKE $2 AND a.attname LIKE '%' "
        "ORDER BY n.nspname, c.relname, a.attnum";
    Result r;
    const auto start = bench::Clock::now();
    auto t = bench::Clock::now();
    const char* tp[2] = {"bench_catalog", "%"};
    Res tables = conn.expect(PQexecParams(conn.c, tables_sql, 2, nullptr, tp, nullptr, nullptr, 0),
                             PGRES_TUPLES_OK, "tables");
    r.latencies.push_back(bench::seconds_since(t));
    if (PQntuples(tables.get()) != o.tables)
        throw Failure("catalog: wrong table count");
    std::int64_t columns = 0;
    for (std::int64_t i = 1; i <= o.tables; ++i) {
        const std::string table = "t" + std::to_string(i);
        const char* cp[2] = {"bench_catalog", table.c_str()};
        t = bench::Clock::now();
        Res cols =
            conn.expect(PQexecParams(conn.c, columns_sql, 2, nullptr, cp, nullptr, nullptr, 0),
                        PGRES_TUPLES_OK, "columns");
        r.latencies.push_back(bench::seconds_since(t));
        if (PQntuples(cols.get()) != o.columns)
            throw Failure("catalog: wrong column count of " + table);
        columns += PQntuples(cols.get());
    }
    r.seconds = bench::seconds_since(start);
    r.rows = PQntuples(tables.get()) + columns;
    return r;
}

Result setup(const Conn& conn, const bench::Options& o) {
    Result r;
    const auto start = bench::Clock::now();
    conn.exec("SET client_min_messages = warning");
    const bool have = conn.scalar(
                          "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
                          "AND tablename = 'bench_fetch'")
                      == 1;
    if (!have || conn.scalar("SELECT coalesce(max(id), 0) FROM bench_fetch") < o.rows) {
        conn.exec("DROP TABLE IF EXISTS bench_fetch");
        conn.exec(std::string("CREATE TABLE bench_fetch ") + bench::insert_table_ddl());
        conn.exec(
            "INSERT INTO bench_fetch SELECT g, 'name-' || g || '-' || repeat('x', g % 40), "
            "(g % 10000000) + (g % 100) / 100.0, "
            "timestamp '2024-01-01' + (g % (31 * 86400)) * interval '1 second', g % 2 = 0 "
            "FROM generate_series(1, "
            + std::to_string(o.rows) + ") g");
        // Hint bits and visibility map set now, so the first measured read does not write.
        conn.exec("VACUUM (FREEZE, ANALYZE) bench_fetch");
    }
    const std::int64_t have_tables =
        conn.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'bench_catalog'");
    const std::int64_t have_columns = conn.scalar(
        "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'bench_catalog'");
    if (have_tables != o.tables || have_columns != o.tables * o.columns) {
        conn.exec("DROP SCHEMA IF EXISTS bench_catalog CASCADE");
        conn.exec("CREATE SCHEMA bench_catalog");
        conn.exec("BEGIN");
        for (std::int64_t t = 1; t <= o.tables; ++t) {
            std::string ddl = "CREATE TABLE bench_catalog.t" + std::to_string(t) + " (";
            for (std::int64_t c = 1; c <= o.columns; ++c) {
                static const char* types[] = {"integer",   "varchar(64)",     "numeric(12,2)",
                                              "timestamp", "boolean",         "bigint",
                                              "date",      "double precision"};
                ddl += (c > 1 ? ", c" : "c") + std::to_string(c) + " " + types[c % 8]
                       + (c == 1 ? " NOT NULL" : "");
            }
            conn.exec(ddl + ")");
        }
        conn.exec("COMMIT");
    }
    r.seconds = bench::seconds_since(start);
    return r;
}

Result setup_bi(const Conn& conn, const bench::Options& o) {
    if (o.database.empty())
        throw Failure("setup_bi needs --database");
    const auto start = bench::Clock::now();
    const char* name[1] = {o.database.c_str()};
    Res have = conn.expect(PQexecParams(conn.c, "SELECT 1 FROM pg_database WHERE datname = $1", 1,
                                        nullptr, name, nullptr, nullptr, 0),
                           PGRES_TUPLES_OK, "pg_database");
    if (PQntuples(have.get()) == 0) {
        char* quoted = PQescapeIdentifier(conn.c, o.database.data(), o.database.size());
        const std::string identifier = quoted != nullptr ? quoted : "";
        PQfreemem(quoted);
        conn.exec("CREATE DATABASE " + identifier);
    }
    // The last dbname of a conninfo string wins.
    const Conn db(o.target + " dbname='" + o.database + "'");
    if (!o.fixture.empty()
        && db.scalar("SELECT count(*) FROM pg_namespace WHERE nspname = 'rs_system'") == 0) {
        std::ifstream in(o.fixture);
        if (!in)
            throw Failure("cannot read " + o.fixture);
        std::stringstream text;
        text << in.rdbuf();
        db.exec(text.str());
    }
    bench::Options small = o;
    small.rows = 1;
    Result r = setup(db, small);
    r.seconds = bench::seconds_since(start);
    return r;
}

Result run(const bench::Options& o) {
    if (o.workload == "connect")
        return connect_cycles(o);
    if (o.workload == "connect_concurrent")
        return connect_concurrent(o);
    Conn conn(o.target);
    const std::string& w = o.workload;
    if (w == "setup")
        return setup(conn, o);
    if (w == "setup_bi")
        return setup_bi(conn, o);
    if (w == "insert_array")
        return insert_array(conn, o);
    if (w == "insert_rowwise")
        return insert_rowwise(conn, o);
    if (w == "fetch_bound" || w == "fetch_getdata")
        return fetch(conn, o);
    if (w == "roundtrip")
        return roundtrip(conn, o);
    if (w == "roundtrip_prepared")
        return roundtrip_prepared(conn, o);
    if (w == "catalog")
        return catalog(conn, o);
    if (w == "commit_array_autocommit" || w == "commit_array_manual"
        || w == "commit_rowwise_autocommit" || w == "commit_rowwise_manual") {
        return commit_cost(conn, o, w.starts_with("commit_array"), w.ends_with("_autocommit"));
    }
    throw Failure("unknown workload " + w);
}

constexpr const char* usage =
    "usage: pq_bench --workload NAME --conninfo CONNINFO [--rows N] [--batch N] [--stmt-rows N] "
    "[--tables N] [--columns N] [--database NAME] [--fixture FILE] [--max-seconds S]\n"
    "workloads: setup setup_bi insert_array insert_rowwise fetch_bound fetch_getdata roundtrip "
    "roundtrip_prepared connect connect_concurrent catalog commit_array_autocommit "
    "commit_array_manual "
    "commit_rowwise_autocommit "
    "commit_rowwise_manual\n";

}  // namespace

int main(int argc, char** argv) {
    bench::Options o = bench::parse_options(argc, argv, "conninfo", usage);
    if (o.rows == 0)
        o.rows = bench::default_rows(o.workload);
    return bench::run_reporting(o.workload, [&] { return run(o); });
}
