// Shared by odbc_bench and pq_bench: command line, timing, latency percentiles, peak RSS and the
// one result line each run prints. Each process runs exactly one workload, so its peak RSS
// (VmHWM) belongs to that workload alone.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <latch>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace bench {

// A workload the program (or the driver) cannot run: reported, never faked.
struct Unsupported : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The run went wrong: wrong row count, an unexpected error from the driver or server.
struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Result {
    std::int64_t rows = 0;          // rows (or operations) the workload processed
    double seconds = 0;             // wall time of the measured part
    std::vector<double> latencies;  // per-operation seconds, when the workload has operations
    std::string message;            // a remark on an ok run (commit_*: transactions counted)
};

// `rounds` timed calls of `once` after 10 untimed warm-up calls, each call's latency recorded
// (the round-trip workloads of every client).
template <class Once>
Result timed_operations(std::int64_t rounds, Once&& once) {
    for (int i = 0; i < 10; ++i) {
        once();
    }
    Result r;
    r.latencies.reserve(static_cast<std::size_t>(rounds));
    const auto start = Clock::now();
    for (std::int64_t i = 0; i < rounds; ++i) {
        const auto t = Clock::now();
        once();
        r.latencies.push_back(seconds_since(t));
    }
    r.seconds = seconds_since(start);
    r.rows = rounds;
    return r;
}

struct Options {
    std::string workload;
    std::string target;            // ODBC connection string or libpq conninfo
    std::int64_t rows = 0;         // workload size (0: the workload's default)
    std::int64_t batch = 1000;     // parameter / row array size
    std::int64_t stmt_rows = 100;  // libpq: rows per multi-row INSERT statement
    std::int64_t tables = 200;     // catalog: tables in the bench_catalog schema
    std::int64_t columns = 20;     // catalog: columns per table
    std::string database;          // setup_bi: the database to make (and fill)
    std::string fixture;           // setup_bi: SQL file loaded once into it (Redshift imitation)
    double max_seconds = 0;        // commit_*: start no execution after this long (0: no limit)
};

// --name value pairs; every option has a value.
inline Options parse_options(int argc, char** argv, const char* target_flag, const char* usage) {
    Options o;
    std::map<std::string, std::string> kv;
    for (int i = 1; i < argc; ++i) {
        std::string key = argv[i];
        if (key == "-h" || key == "--help" || i + 1 >= argc || key.rfind("--", 0) != 0) {
            std::fputs(usage, stderr);
            std::exit(key == "-h" || key == "--help" ? 0 : 2);
        }
        kv[key.substr(2)] = argv[++i];
    }
    auto num = [&](const char* k, std::int64_t& out) {
        if (auto it = kv.find(k); it != kv.end()) {
            out = std::strtoll(it->second.c_str(), nullptr, 10);
            kv.erase(it);
        }
    };
    o.workload = kv["workload"];
    kv.erase("workload");
    o.target = kv[target_flag];
    kv.erase(target_flag);
    for (auto [key, out] : {std::pair{"database", &o.database}, std::pair{"fixture", &o.fixture}}) {
        if (auto it = kv.find(key); it != kv.end()) {
            *out = it->second;
            kv.erase(it);
        }
    }
    num("rows", o.rows);
    num("batch", o.batch);
    num("stmt-rows", o.stmt_rows);
    num("tables", o.tables);
    num("columns", o.columns);
    if (auto it = kv.find("max-seconds"); it != kv.end()) {
        o.max_seconds = std::strtod(it->second.c_str(), nullptr);
        kv.erase(it);
    }
    if (!kv.empty() || o.workload.empty() || o.target.empty() || o.batch < 1 || o.stmt_rows < 1) {
        std::fputs(usage, stderr);
        std::exit(2);
    }
    return o;
}

inline std::int64_t default_rows(const std::string& workload) {
    if (workload == "insert_array")
        return 100000;
    if (workload == "insert_rowwise")
        return 20000;
    if (workload == "fetch_bound" || workload == "fetch_getdata")
        return 1000000;
    if (workload == "roundtrip")
        return 10000;
    if (workload == "connect")
        return 200;
    return 0;
}

// Peak resident set of this process in KiB (VmHWM), 0 when /proc is not there.
inline long peak_rss_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) {
            return std::strtol(line.c_str() + 6, nullptr, 10);
        }
    }
    return 0;
}

inline double percentile(std::vector<double> v, double p) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    auto idx = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(idx, v.size() - 1)];
}

// RESULT,workload,status,rows,seconds,p50_us,p99_us,peak_rss_kib,message
inline void print_result(const std::string& workload, const char* status, const Result& r,
                         std::string message) {
    for (char& c : message) {
        if (c == ',' || c == '\n' || c == '\r')
            c = ';';
    }
    std::printf("RESULT,%s,%s,%lld,%.6f,%.1f,%.1f,%ld,%s\n", workload.c_str(), status,
                static_cast<long long>(r.rows), r.seconds, percentile(r.latencies, 0.50) * 1e6,
                percentile(r.latencies, 0.99) * 1e6, peak_rss_kib(), message.c_str());
    std::fflush(stdout);
}

// Runs one workload and prints its line. Exit status: 0 ok or unsupported, 1 error.
template <class Fn>
int run_reporting(const std::string& workload, Fn&& fn) {
    Result r;
    try {
        r = fn();
        print_result(workload, "ok", r, r.message);
        return 0;
    } catch (const Unsupported& e) {
        print_result(workload, "unsupported", Result{}, e.what());
        return 0;
    } catch (const std::exception& e) {
        print_result(workload, "error", Result{}, e.what());
        std::fprintf(stderr, "%s: error: %s\n", workload.c_str(), e.what());
        return 1;
    }
}

// Deterministic test data shared by the insert workloads of both programs.
inline int row_name(std::int64_t i, char* out, std::size_t cap) {
    return std::snprintf(out, cap, "name-%lld-%.*s", static_cast<long long>(i),
                         static_cast<int>(i % 40), "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
}

inline int row_amount(std::int64_t i, char* out, std::size_t cap) {
    return std::snprintf(out, cap, "%lld.%02lld", static_cast<long long>(i % 10000000),
                         static_cast<long long>(i % 100));
}

struct Stamp {
    int year, month, day, hour, minute, second;
};

inline Stamp row_stamp(std::int64_t i) {
    // 2024-01-01 plus i seconds, kept within January to avoid calendar arithmetic.
    const std::int64_t s = i % (31LL * 86400);
    return Stamp{2024,
                 1,
                 static_cast<int>(1 + s / 86400),
                 static_cast<int>(s / 3600 % 24),
                 static_cast<int>(s / 60 % 60),
                 static_cast<int>(s % 60)};
}

inline bool row_flag(std::int64_t i) {
    return i % 2 == 0;
}

inline const char* insert_table_ddl() {
    return "(id integer, name varchar(64), amount numeric(12,2), ts timestamp, flag boolean)";
}

// The commit-cost workloads (commit_array_*, commit_rowwise_*): a commit made to cost what it
// costs on Redshift, where every commit queues behind the cluster's others. A deferred constraint
// trigger on the target table fires at commit, once per inserted row; the first time in each
// transaction (a transaction-local setting remembers the txid) it logs the transaction in `log`
// and sleeps kCommitSleepMs. So count(*) of `log` is the number of transactions that wrote rows,
// and each of them costs kCommitSleepMs more, as much as an extra commit would.
constexpr int kCommitSleepMs = 20;

inline std::vector<std::string> commit_cost_ddl(const std::string& table, const std::string& log) {
    return {
        "DROP TABLE IF EXISTS " + table,
        "DROP TABLE IF EXISTS " + log,
        "CREATE TABLE " + table + " " + insert_table_ddl(),
        "CREATE TABLE " + log + " (txid bigint PRIMARY KEY)",
        "CREATE OR REPLACE FUNCTION bench_commit_cost() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN IF current_setting('bench.txid', true) IS DISTINCT FROM txid_current()::text THEN "
        "PERFORM set_config('bench.txid', txid_current()::text, true); "
        "EXECUTE format('INSERT INTO %I VALUES (txid_current())', TG_ARGV[0]); "
        "PERFORM pg_sleep("
            + std::to_string(kCommitSleepMs / 1000.0) + "); END IF; RETURN NULL; END $$",
        "CREATE CONSTRAINT TRIGGER " + table + "_commit AFTER INSERT ON " + table
            + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bench_commit_cost('"
            + log + "')",
    };
}

// What commit_cost_ddl made, dropped after the run (the function too: later tests list functions).
inline std::vector<std::string> commit_cost_cleanup(const std::string& table,
                                                    const std::string& log) {
    return {"DROP TABLE IF EXISTS " + table, "DROP TABLE IF EXISTS " + log,
            "DROP FUNCTION IF EXISTS bench_commit_cost()"};
}

// "1 transactions per execution (10 in 10 executions)", plus why the run stopped early when it did.
inline std::string commit_message(std::int64_t transactions, std::int64_t executions,
                                  std::int64_t planned) {
    char buf[160];
    std::snprintf(
        buf, sizeof buf, "%.3g transactions per execution (%lld in %lld executions)",
        executions > 0 ? static_cast<double>(transactions) / static_cast<double>(executions) : 0.0,
        static_cast<long long>(transactions), static_cast<long long>(executions));
    std::string out = buf;
    if (executions < planned) {
        out += "; time limit: " + std::to_string(executions) + " of " + std::to_string(planned)
               + " executions";
    }
    return out;
}

// connect_concurrent, for both programs: `threads` threads call `connect()` at the same moment
// (it returns an owning pointer to a connection); the result's seconds run from the start signal
// to the last connection made, its latencies are each thread's connect, and its message compares
// that with one connect alone (the median of five, made first). Connections close after the
// measurement, through the pointers' destructors. Any thread's error is thrown.
template <class Connect>
Result measure_concurrent_connects(std::size_t threads, Connect connect) {
    std::vector<double> alone;
    for (int i = 0; i < 5; ++i) {
        const auto t = Clock::now();
        const auto connection = connect();
        alone.push_back(seconds_since(t));  // before the connection closes
    }
    const double one = percentile(alone, 0.5);
    std::vector<double> took(threads, 0.0);
    std::vector<std::string> errors(threads);
    std::latch ready(static_cast<std::ptrdiff_t>(threads) + 1);
    std::latch go(1);
    std::latch connected(static_cast<std::ptrdiff_t>(threads) + 1);
    std::latch done(1);
    std::vector<std::thread> pool;
    for (std::size_t i = 0; i < threads; ++i) {
        pool.emplace_back([&, i] {
            decltype(connect()) connection;
            ready.count_down();
            go.wait();
            const auto t = Clock::now();
            try {
                connection = connect();
            } catch (const std::exception& e) {
                errors[i] = e.what();
            }
            took[i] = seconds_since(t);
            connected.count_down();
            done.wait();  // closing is not part of what is measured
            try {
                connection.reset();
            } catch (const std::exception& e) {
                errors[i] = e.what();
            }
        });
    }
    ready.arrive_and_wait();
    const auto start = Clock::now();
    go.count_down();
    connected.arrive_and_wait();
    Result r;
    r.seconds = seconds_since(start);
    done.count_down();
    for (auto& t : pool)
        t.join();
    for (const std::string& e : errors) {
        if (!e.empty())
            throw Failure(e);
    }
    r.rows = static_cast<std::int64_t>(threads);
    r.latencies = took;
    char msg[160];
    std::snprintf(msg, sizeof msg, "one connect alone %.1f ms; %lld at once %.1f ms (%.2f× one)",
                  one * 1e3, static_cast<long long>(threads), r.seconds * 1e3, r.seconds / one);
    r.message = msg;
    return r;
}

}  // namespace bench
