// Parameter-count limits (issue 11, items 1 and 2): a statement with 65,535 markers, the most
// ODBC can number, runs (a record-number loop used to wrap and crash); one above the server's
// limit (PostgreSQL 65,535, Redshift 32,767) is refused with 54023 before anything is sent, the
// connection stays usable, SQLNumParams never reports a wrapped count, and a parameter array's
// status entries say no set was used.
#include "odbc_test.h"

#include <string>
#include <vector>

using namespace odbc_test;

namespace {

constexpr SQLUSMALLINT kUnwritten = 0xEEEE;  // a status nobody writes

// A query with `markers` parameters whose one value is the sum of them all, so a parameter lost
// or sent twice changes the answer. unnest over an array keeps the server's expression tree flat.
std::string sum_query(std::size_t markers) {
    std::string sql = "SELECT (SELECT sum(x) FROM unnest(ARRAY[";
    sql.reserve(sql.size() + markers * 2 + 64);
    for (std::size_t i = 0; i < markers; ++i) {
        sql += i == 0 ? "?" : ",?";
    }
    sql += "]::int8[]) AS u(x))";
    return sql;
}

// Column-wise buffers for `sets` parameter sets of `markers` int4 parameters: parameter k of set
// s holds k + s (1-based k), so each set's sum is known.
struct Values {
    std::size_t sets;
    std::vector<SQLINTEGER> values;

    Values(std::size_t markers, std::size_t sets_) : sets(sets_), values(markers * sets_) {
        for (std::size_t k = 0; k < markers; ++k) {
            for (std::size_t s = 0; s < sets; ++s) {
                values[k * sets + s] = static_cast<SQLINTEGER>(k + 1 + s);
            }
        }
    }

    // Binds as many parameters as the values have (at most 65,535, the largest number ODBC has).
    void bind(const Stmt& stmt) {
        const std::size_t markers = values.size() / sets;
        for (std::size_t k = 0; k < markers && k < 65535; ++k) {
            const SQLRETURN rc =
                SQLBindParameter(stmt, static_cast<SQLUSMALLINT>(k + 1), SQL_PARAM_INPUT,
                                 SQL_C_SLONG, SQL_INTEGER, 0, 0, &values[k * sets], 0, nullptr);
            if (!SQL_SUCCEEDED(rc)) {
                FAIL("SQLBindParameter " << k + 1 << ": " << outcome(rc, SQL_HANDLE_STMT, stmt));
            }
        }
    }
};

long long expected_sum(std::size_t markers, std::size_t set = 0) {
    const auto n = static_cast<long long>(markers);
    return n * (n + 1) / 2 + n * static_cast<long long>(set);
}

void set_attr(const Stmt& stmt, SQLINTEGER attr, SQLPOINTER value) {
    check(SQLSetStmtAttr(stmt, attr, value, 0), SQL_HANDLE_STMT, stmt);
}

long long fetch_sum(const Stmt& stmt) {
    check(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);
    SQLBIGINT sum = 0;
    SQLLEN ind = 0;
    check(SQLGetData(stmt, 1, SQL_C_SBIGINT, &sum, 0, &ind), SQL_HANDLE_STMT, stmt);
    REQUIRE(ind != SQL_NULL_DATA);
    return sum;
}

// The connection still answers after a refusal: nothing half-sent is left on the wire.
void require_usable(const Dbc& dbc) {
    CHECK(query_string(dbc, "SELECT 41 + 1") == std::optional<std::string>("42"));
}

// Prepares and executes `markers` markers (all bound as far as ODBC can number them) and expects
// the refusal: 54023 naming the count and the limit.
void require_refused(const Dbc& dbc, std::size_t markers, std::size_t limit) {
    CAPTURE(markers);
    Stmt stmt(dbc);
    Values values(markers, 1);
    values.bind(stmt);
    check(SQLPrepare(stmt, sqlc(sum_query(markers)), SQL_NTS), SQL_HANDLE_STMT, stmt);
    SQLSMALLINT count = -1;
    CHECK(SQLNumParams(stmt, &count) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "54023"));
    CHECK(count == -1);  // never the count wrapped into 16 bits (70,000 read as 4,464)
    CHECK(SQLExecute(stmt) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "54023"));
    const std::string text = diag_text(SQL_HANDLE_STMT, stmt);
    CHECK(text.find(std::to_string(markers)) != std::string::npos);
    CHECK(text.find(std::to_string(limit)) != std::string::npos);
    CHECK(SQLExecDirect(stmt, sqlc(sum_query(markers)), SQL_NTS) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "54023"));
    require_usable(dbc);
}

}  // namespace

TEST_CASE("65,535 parameter markers, the most ODBC can number, run on PostgreSQL"
          * only_our_driver()) {
    Connection c;
    Stmt stmt(c.dbc);
    Values values(65535, 1);
    values.bind(stmt);
    check(SQLPrepare(stmt, sqlc(sum_query(65535)), SQL_NTS), SQL_HANDLE_STMT, stmt);
    // SQLNumParams answers in an SQLSMALLINT: 65,535 does not fit, and a wrapped value would lie.
    SQLSMALLINT count = -1;
    CHECK(SQLNumParams(stmt, &count) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "22003"));
    check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
    CHECK(fetch_sum(stmt) == expected_sum(65535));
    check(SQLFreeStmt(stmt, SQL_CLOSE), SQL_HANDLE_STMT, stmt);
    // libpq 15 drops the connection on the server's description of more than 7,498 parameters:
    // SQLDescribeParam says so instead of losing the connection (it was 08S01).
    SQLSMALLINT type = 0;
    SQLULEN size = 0;
    SQLSMALLINT digits = 0;
    SQLSMALLINT nullable = 0;
    CHECK(SQLDescribeParam(stmt, 65535, &type, &size, &digits, &nullable) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, stmt, "HYC00"));
    require_usable(c.dbc);
    // Described before execution (SQLPrepare, SQLNumResultCols): the same, connection kept.
    Stmt fresh(c.dbc);
    check(SQLPrepare(fresh, sqlc(sum_query(7499)), SQL_NTS), SQL_HANDLE_STMT, fresh);
    SQLSMALLINT columns = -1;
    CHECK(SQLNumResultCols(fresh, &columns) == SQL_ERROR);
    CHECK(has_state(SQL_HANDLE_STMT, fresh, "HYC00"));
    require_usable(c.dbc);
    // 7,498 is the most that can be described.
    check(SQLPrepare(fresh, sqlc(sum_query(7498)), SQL_NTS), SQL_HANDLE_STMT, fresh);
    check(SQLNumResultCols(fresh, &columns), SQL_HANDLE_STMT, fresh);
    CHECK(columns == 1);
    check(SQLDescribeParam(fresh, 7498, &type, &size, &digits, &nullable), SQL_HANDLE_STMT, fresh);
    require_usable(c.dbc);
}

TEST_CASE("32,767 markers run in both flavours and SQLNumParams counts them" * only_our_driver()) {
    for (const char* flavour : {"postgresql", "redshift"}) {
        CAPTURE(flavour);
        Connection c(conn_str() + ";ServerFlavor=" + flavour);
        Stmt stmt(c.dbc);
        Values values(32767, 1);
        values.bind(stmt);
        check(SQLPrepare(stmt, sqlc(sum_query(32767)), SQL_NTS), SQL_HANDLE_STMT, stmt);
        SQLSMALLINT count = -1;
        check(SQLNumParams(stmt, &count), SQL_HANDLE_STMT, stmt);
        CHECK(count == 32767);
        check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
        CHECK(fetch_sum(stmt) == expected_sum(32767));
    }
}

TEST_CASE("above PostgreSQL's 65,535 parameters: refused before anything is sent"
          * only_our_driver()) {
    Connection c(conn_str() + ";ServerFlavor=postgresql");
    require_refused(c.dbc, 65536, 65535);
    require_refused(c.dbc, 70000, 65535);
}

TEST_CASE("above Redshift's 32,767 parameters: refused before anything is sent"
          * only_our_driver()) {
    Connection c(conn_str() + ";ServerFlavor=redshift");
    require_refused(c.dbc, 32768, 32767);
    require_refused(c.dbc, 65535, 32767);
    require_refused(c.dbc, 65536, 32767);
    require_refused(c.dbc, 70000, 32767);
}

TEST_CASE("parameter arrays at and above the limit" * only_our_driver()) {
    struct Case {
        const char* flavour;
        std::size_t ok;       // runs
        std::size_t refused;  // one above the limit
    };

    for (const Case& k : {Case{"postgresql", 65535, 65536}, Case{"redshift", 32767, 32768}}) {
        CAPTURE(k.flavour);
        Connection c(conn_str() + ";ServerFlavor=" + k.flavour);
        {
            // Three sets of the largest statement the server takes: each runs.
            Stmt stmt(c.dbc);
            Values values(k.ok, 3);
            std::vector<SQLUSMALLINT> status(3, kUnwritten);
            SQLULEN processed = 99;
            set_attr(stmt, SQL_ATTR_PARAMSET_SIZE, reinterpret_cast<SQLPOINTER>(3));
            set_attr(stmt, SQL_ATTR_PARAM_STATUS_PTR, status.data());
            set_attr(stmt, SQL_ATTR_PARAMS_PROCESSED_PTR, &processed);
            values.bind(stmt);
            check(SQLPrepare(stmt, sqlc(sum_query(k.ok)), SQL_NTS), SQL_HANDLE_STMT, stmt);
            check(SQLExecute(stmt), SQL_HANDLE_STMT, stmt);
            CHECK(processed == 3);
            CHECK(status == std::vector<SQLUSMALLINT>(3, SQL_PARAM_SUCCESS));
        }
        {
            // One marker too many: nothing is sent, and the status array says so.
            Stmt stmt(c.dbc);
            Values values(k.refused, 3);
            std::vector<SQLUSMALLINT> status(3, kUnwritten);
            SQLULEN processed = 99;
            set_attr(stmt, SQL_ATTR_PARAMSET_SIZE, reinterpret_cast<SQLPOINTER>(3));
            set_attr(stmt, SQL_ATTR_PARAM_STATUS_PTR, status.data());
            set_attr(stmt, SQL_ATTR_PARAMS_PROCESSED_PTR, &processed);
            values.bind(stmt);
            check(SQLPrepare(stmt, sqlc(sum_query(k.refused)), SQL_NTS), SQL_HANDLE_STMT, stmt);
            CHECK(SQLExecute(stmt) == SQL_ERROR);
            CHECK(has_state(SQL_HANDLE_STMT, stmt, "54023"));
            CHECK(processed == 0);
            CHECK(status == std::vector<SQLUSMALLINT>(3, SQL_PARAM_UNUSED));
        }
        require_usable(c.dbc);
    }
}
