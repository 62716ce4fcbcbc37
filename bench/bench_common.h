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
#include <map>
#include <stdexcept>
#include <string>
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
};

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
        print_result(workload, "ok", r, "");
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

}  // namespace bench
