// Threads (issue 11 item 8): many connections opened and closed at once, statements of one
// connection used from several threads, and SQLCancel fired at random. tests/run's tsan variant
// runs these under ThreadSanitizer (any report fails it) with RSODBC_TEST_THREAD_ROUNDS=300; the
// other variants run fewer rounds. The "pool: threads:" case (issue 15 item 4) is what a BI server
// does: it needs Pooling=Yes, so tests/integration/pooling_test.sh runs it (and the tsan variant
// runs that script on its build).
#include "driver_direct.h"
#include "odbc_test.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <latch>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

using namespace odbc_test;  // NOLINT(google-build-using-namespace): test vocabulary

namespace {

constexpr int thread_count = 8;

int rounds(int fallback) {
    const char* value = std::getenv("RSODBC_TEST_THREAD_ROUNDS");
    return value != nullptr && std::atoi(value) > 0 ? std::atoi(value) : fallback;
}

// Runs `body(index)` on thread_count threads and waits for all of them.
template <class Body>
void on_threads(Body body) {
    std::vector<std::thread> threads;
    threads.reserve(thread_count);
    for (int i = 0; i < thread_count; ++i) {
        threads.emplace_back(body, i);
    }
    for (auto& thread : threads) {
        thread.join();
    }
}

doctest::skip unless_pooling() {
    const char* pooling = std::getenv("RSODBC_TEST_POOLING");
    return doctest::skip(pooling == nullptr || std::string_view(pooling) != "1");
}

// The rows of `sql` (one integer column) summed; -1 if any call failed.
long long sum_rows(SQLHSTMT stmt, const std::string& sql) {
    SQLFreeStmt(stmt, SQL_CLOSE);
    if (!SQL_SUCCEEDED(SQLExecDirect(stmt, sqlc(sql), SQL_NTS))) {
        return -1;
    }
    long long sum = 0;
    SQLRETURN rc = SQL_SUCCESS;
    while ((rc = SQLFetch(stmt)) == SQL_SUCCESS) {
        SQLBIGINT value = 0;
        if (SQLGetData(stmt, 1, SQL_C_SBIGINT, &value, 0, nullptr) != SQL_SUCCESS) {
            return -1;
        }
        sum += value;
    }
    return rc == SQL_NO_DATA ? sum : -1;
}

}  // namespace

TEST_CASE("threads: 8 threads connect, execute, fetch and disconnect in a loop") {
    const int each = rounds(25);
    Env env;  // one environment shared by every thread, as ODBC allows
    std::atomic<int> failures{0};
    on_threads([&](int index) {
        for (int round = 0; round < each; ++round) {
            SQLHDBC dbc = SQL_NULL_HDBC;
            if (SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc) != SQL_SUCCESS) {
                ++failures;
                return;
            }
            const std::string name = dsn();
            if (SQL_SUCCEEDED(SQLConnect(dbc, sqlc(name), SQL_NTS, nullptr, 0, nullptr, 0))) {
                SQLHSTMT stmt = SQL_NULL_HSTMT;
                SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
                const int n = index + round % 7 + 1;
                if (sum_rows(stmt, "SELECT generate_series(1, " + std::to_string(n) + ")")
                    != static_cast<long long>(n) * (n + 1) / 2) {
                    ++failures;
                }
                SQLFreeHandle(SQL_HANDLE_STMT, stmt);
                if (SQLDisconnect(dbc) != SQL_SUCCESS) {
                    ++failures;
                }
            } else {
                ++failures;
            }
            SQLFreeHandle(SQL_HANDLE_DBC, dbc);
        }
    });
    CHECK(failures == 0);
}

TEST_CASE("threads: 8 statements of one connection used from 8 threads") {
    const int each = rounds(25);
    Connection c;
    std::atomic<int> failures{0};
    on_threads([&](int index) {
        Stmt stmt(c.dbc);
        for (int round = 0; round < each; ++round) {
            // Long enough to stream: statements interleave while rows are still arriving.
            const int n = 500 + index * 10 + round % 5;
            if (sum_rows(stmt, "SELECT generate_series(1, " + std::to_string(n) + ")")
                != static_cast<long long>(n) * (n + 1) / 2) {
                ++failures;
            }
        }
    });
    CHECK(failures == 0);
    CHECK(query_string(c.dbc, "SELECT 1") == "1");
}

TEST_CASE("threads: SQLCancel fired at random statements of a shared connection"
          * psqlodbc_deviates()) {
    const int each = rounds(25);
    Connection c;
    constexpr int workers = 4;
    std::vector<SQLHSTMT> statements(workers, SQL_NULL_HSTMT);
    DriverCancel cancel;
    for (auto& stmt : statements) {
        REQUIRE(SQLAllocHandle(SQL_HANDLE_STMT, c.dbc, &stmt) == SQL_SUCCESS);
        cancel.add(c.dbc, stmt);
    }
    std::atomic<int> running{workers};
    std::atomic<int> unexpected{0};
    std::atomic<int> cancelled{0};
    std::vector<std::thread> threads;
    for (int w = 0; w < workers; ++w) {
        threads.emplace_back([&, w] {
            SQLHSTMT stmt = statements[static_cast<std::size_t>(w)];
            for (int round = 0; round < each; ++round) {
                SQLFreeStmt(stmt, SQL_CLOSE);
                const char* sql =
                    round % 3 == 0 ? "SELECT pg_sleep(0.01)" : "SELECT generate_series(1, 2000)";
                SQLRETURN rc = SQLExecDirect(stmt, sqlc(sql), SQL_NTS);
                while (rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO) {
                    rc = SQLFetch(stmt);
                }
                if (rc == SQL_ERROR) {
                    // The only failure allowed is the cancel.
                    // The driver manager clears a statement's records on every call, SQLCancel's
                    // from the other thread too: an error may have lost its records by now.
                    if (has_state(SQL_HANDLE_STMT, stmt, "HY008")
                        || diag_states(SQL_HANDLE_STMT, stmt).empty()) {
                        ++cancelled;
                    } else {
                        ++unexpected;
                        MESSAGE("unexpected: " << diag_text(SQL_HANDLE_STMT, stmt));
                    }
                } else if (rc != SQL_NO_DATA) {
                    ++unexpected;
                    MESSAGE("unexpected return code " << rc);
                }
            }
            --running;
        });
    }
    threads.emplace_back([&] {
        std::mt19937 random(42);
        std::uniform_int_distribution<int> pick(0, workers - 1);
        std::uniform_int_distribution<int> pause_us(0, 3000);
        while (running > 0) {
            cancel(static_cast<std::size_t>(pick(random)));
            std::this_thread::sleep_for(std::chrono::microseconds(pause_us(random)));
        }
    });
    for (auto& thread : threads) {
        thread.join();
    }
    MESSAGE(cancelled.load() << " executions cancelled of " << workers * each);
    CHECK(unexpected == 0);
    for (auto* stmt : statements) {
        CHECK(SQLFreeHandle(SQL_HANDLE_STMT, stmt) == SQL_SUCCESS);
    }
    CHECK(query_string(c.dbc, "SELECT 1") == "1");
}

// 16 threads connect through unixODBC's pool at the same moment, again and again, while four
// pooled connections execute queries that a fifth thread cancels at random: no connect may fail,
// every connection answers its own query, the pool hands sessions back (far fewer server sessions
// than connects), and under ThreadSanitizer nothing races.
TEST_CASE("pool: threads: 16 threads connect through the pool while others execute and cancel"
          * unless_pooling()) {
    constexpr int connectors = 16;
    constexpr int workers = 4;
    const int each = std::min(rounds(5), 20);
    Env env;
    const std::string connstr = conn_str();
    std::atomic<int> failures{0};
    std::atomic<int> unexpected{0};
    std::atomic<int> cancelled{0};
    std::atomic<int> executed{0};
    std::mutex backends_mutex;
    std::set<long long> backends;

    std::vector<SQLHDBC> worker_dbcs(workers, SQL_NULL_HDBC);
    std::vector<SQLHSTMT> worker_stmts(workers, SQL_NULL_HSTMT);
    for (int w = 0; w < workers; ++w) {
        SQLHDBC& dbc = worker_dbcs[static_cast<std::size_t>(w)];
        REQUIRE(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc) == SQL_SUCCESS);
        REQUIRE(SQL_SUCCEEDED(SQLDriverConnect(dbc, nullptr, sqlc(connstr), SQL_NTS, nullptr, 0,
                                               nullptr, SQL_DRIVER_NOPROMPT)));
        REQUIRE(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &worker_stmts[static_cast<std::size_t>(w)])
                == SQL_SUCCESS);
    }
    DriverCancel driver_cancel;
    for (int w = 0; w < workers; ++w) {
        driver_cancel.add(worker_dbcs[static_cast<std::size_t>(w)],
                          worker_stmts[static_cast<std::size_t>(w)]);
    }
    std::atomic<bool> connecting{true};
    std::vector<std::thread> threads;
    for (int w = 0; w < workers; ++w) {
        threads.emplace_back([&, w] {
            SQLHSTMT stmt = worker_stmts[static_cast<std::size_t>(w)];
            while (connecting) {
                SQLFreeStmt(stmt, SQL_CLOSE);
                const char* sql =
                    w % 2 == 0 ? "SELECT pg_sleep(0.05)" : "SELECT generate_series(1, 2000)";
                SQLRETURN rc = SQLExecDirect(stmt, sqlc(sql), SQL_NTS);
                ++executed;
                while (rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO) {
                    rc = SQLFetch(stmt);
                }
                if (rc == SQL_ERROR) {
                    // The cancel is the only failure allowed.
                    if (has_state(SQL_HANDLE_STMT, stmt, "HY008")) {
                        ++cancelled;
                    } else {
                        ++unexpected;
                        MESSAGE("unexpected: " << diag_text(SQL_HANDLE_STMT, stmt));
                    }
                } else if (rc != SQL_NO_DATA) {
                    ++unexpected;
                }
            }
        });
    }
    threads.emplace_back([&] {
        std::mt19937 random(7);
        std::uniform_int_distribution<int> pick(0, workers - 1);
        std::uniform_int_distribution<int> pause_us(0, 5000);
        while (connecting) {
            if (driver_cancel(static_cast<std::size_t>(pick(random))) != SQL_SUCCESS) {
                ++unexpected;
            }
            std::this_thread::sleep_for(std::chrono::microseconds(pause_us(random)));
        }
    });
    std::vector<std::thread> connecting_threads;
    for (int round = 0; round < each; ++round) {
        std::latch start(connectors);
        for (int i = 0; i < connectors; ++i) {
            connecting_threads.emplace_back([&, i] {
                SQLHDBC dbc = SQL_NULL_HDBC;
                if (SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc) != SQL_SUCCESS) {
                    ++failures;
                    return;
                }
                start.arrive_and_wait();  // all sixteen connect at the same moment
                if (SQL_SUCCEEDED(SQLDriverConnect(dbc, nullptr, sqlc(connstr), SQL_NTS, nullptr, 0,
                                                   nullptr, SQL_DRIVER_NOPROMPT))) {
                    SQLHSTMT stmt = SQL_NULL_HSTMT;
                    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
                    const long long backend = sum_rows(stmt, "SELECT pg_backend_pid()");
                    const int n = i + 1;
                    if (backend <= 0
                        || sum_rows(stmt, "SELECT generate_series(1, " + std::to_string(n) + ")")
                               != static_cast<long long>(n) * (n + 1) / 2) {
                        ++failures;
                    } else {
                        const std::lock_guard lock(backends_mutex);
                        backends.insert(backend);
                    }
                    SQLFreeHandle(SQL_HANDLE_STMT, stmt);
                    if (SQLDisconnect(dbc) != SQL_SUCCESS) {
                        ++failures;
                    }
                } else {
                    ++failures;
                    MESSAGE("connect failed: " << diag_text(SQL_HANDLE_DBC, dbc));
                }
                SQLFreeHandle(SQL_HANDLE_DBC, dbc);
            });
        }
        for (auto& thread : connecting_threads) {
            thread.join();
        }
        connecting_threads.clear();
    }
    connecting = false;
    for (auto& thread : threads) {
        thread.join();
    }
    MESSAGE((connectors * each) << " pooled connects on " << backends.size() << " server sessions; "
                                << cancelled.load() << " of " << executed.load()
                                << " executions cancelled");
    CHECK(failures == 0);
    CHECK(unexpected == 0);
    // Sixteen at a time can need sixteen sessions; every later round reuses them.
    CHECK(backends.size() <= static_cast<std::size_t>(connectors));
    for (int w = 0; w < workers; ++w) {
        CHECK(SQLFreeHandle(SQL_HANDLE_STMT, worker_stmts[static_cast<std::size_t>(w)])
              == SQL_SUCCESS);
        CHECK(SQLDisconnect(worker_dbcs[static_cast<std::size_t>(w)]) == SQL_SUCCESS);
        CHECK(SQLFreeHandle(SQL_HANDLE_DBC, worker_dbcs[static_cast<std::size_t>(w)])
              == SQL_SUCCESS);
    }
}
