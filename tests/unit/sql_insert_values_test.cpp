#include "sql/insert_values.h"
#include "sql/sql_error.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

using rsodbc::sql::InsertPlan;
using rsodbc::sql::max_bind_parameters;
using rsodbc::sql::max_statement_bytes;
using rsodbc::sql::plan_insert_values;
using rsodbc::sql::rows_per_statement;
using rsodbc::sql::SqlTextError;

namespace {

InsertPlan plan_of(std::string_view sql) {
    const std::optional<InsertPlan> plan = plan_insert_values(sql);
    REQUIRE(plan.has_value());
    return *plan;
}

bool plannable(std::string_view sql) {
    return plan_insert_values(sql).has_value();
}

// `INSERT INTO t VALUES (?,?,...)` with `markers` markers.
std::string wide_insert(std::size_t markers) {
    std::string sql = "INSERT INTO t VALUES (";
    for (std::size_t i = 0; i < markers; ++i) {
        sql += i == 0 ? "?" : ",?";
    }
    return sql + ")";
}

}  // namespace

TEST_SUITE_BEGIN("sql insert values");

TEST_CASE("sql insert values: batch text for 1, 2 and 3 rows") {
    const InsertPlan plan = plan_of("INSERT INTO t (a,b) VALUES (?,?)");
    CHECK(plan.head == "INSERT INTO t (a,b) VALUES ");
    CHECK(plan.tuple == "($1,$2)");
    CHECK(plan.markers_per_row == 2);
    CHECK(plan.batch_text(1) == "INSERT INTO t (a,b) VALUES ($1,$2)");
    CHECK(plan.batch_text(2) == "INSERT INTO t (a,b) VALUES ($1,$2),($3,$4)");
    CHECK(plan.batch_text(3) == "INSERT INTO t (a,b) VALUES ($1,$2),($3,$4),($5,$6)");
}

TEST_CASE("sql insert values: expressions, comments and odd spacing in the tuple") {
    const InsertPlan plan = plan_of(
        "insert /* c */ into \"My Schema\".t_1\n(\"A\", b, c, d)\tvalues\n"
        "( ?::int, CAST(? AS date), 'x?;VALUES', now() /* ? ; */ , ?)  ;  -- trailing ; ?\n");
    CHECK(plan.head == "insert /* c */ into \"My Schema\".t_1\n(\"A\", b, c, d)\tvalues ");
    CHECK(plan.tuple == "( $1::int, CAST($2 AS date), 'x?;VALUES', now() /* ? ; */ , $3)");
    CHECK(plan.markers_per_row == 3);
    CHECK(plan.batch_text(2)
          == plan.head + plan.tuple
                 + ",( $4::int, CAST($5 AS date), 'x?;VALUES', now() /* ? ; */ , $6)");
}

TEST_CASE("sql insert values: PostgreSQL $n markers are renumbered per row") {
    const InsertPlan plan = plan_of("INSERT INTO t VALUES ($2, $1, $2 || 'x')");
    CHECK(plan.markers_per_row == 2);
    CHECK(plan.batch_text(2) == "INSERT INTO t VALUES ($2, $1, $2 || 'x'),($4, $3, $4 || 'x')");
}

TEST_CASE("sql insert values: markers next to words get a space") {
    const InsertPlan plan = plan_of("INSERT INTO t VALUES (?||x?)");
    CHECK(plan.batch_text(2) == "INSERT INTO t VALUES ($1||x $2),($3||x $4)");
}

TEST_CASE("sql insert values: a tuple without markers") {
    const InsertPlan plan = plan_of("INSERT INTO s.t VALUES (1, now())");
    CHECK(plan.markers_per_row == 0);
    CHECK(plan.batch_text(2) == "INSERT INTO s.t VALUES (1, now()),(1, now())");
    CHECK(rows_per_statement(plan, 100) == 100);
    CHECK(rows_per_statement(plan, 0) == 1);
}

TEST_CASE("sql insert values: what is not a single-row INSERT ... VALUES") {
    CHECK_FALSE(plannable("INSERT INTO t VALUES (?),(?)"));
    CHECK_FALSE(plannable("INSERT INTO t VALUES (?) , (?)"));
    CHECK_FALSE(plannable("INSERT INTO t SELECT ?"));
    CHECK_FALSE(plannable("INSERT INTO t (SELECT ?)"));
    CHECK_FALSE(plannable("INSERT INTO t (VALUES (?))"));
    CHECK_FALSE(plannable("INSERT INTO t DEFAULT VALUES"));
    CHECK_FALSE(plannable("INSERT INTO t VALUES (?) RETURNING id"));
    CHECK_FALSE(plannable("INSERT INTO t VALUES (?) ON CONFLICT DO NOTHING"));
    CHECK_FALSE(plannable("INSERT INTO t VALUES (?);SELECT 1"));
    CHECK_FALSE(plannable("INSERT INTO t VALUES (?);;"));
    CHECK_FALSE(plannable("INSERT INTO t VALUES (?; ?)"));
    CHECK_FALSE(plannable("INSERT INTO t VALUES (?"));
    CHECK_FALSE(plannable("INSERT INTO t VALUES ('?)"));
    CHECK_FALSE(plannable("INSERT INTO t VALUES"));
    CHECK_FALSE(plannable("INSERT INTO t VALUES ($0)"));
    CHECK_FALSE(plannable("INSERT INTO $1 VALUES (?)"));
    CHECK_FALSE(plannable("INSERT t VALUES (?)"));
    CHECK_FALSE(plannable("WITH x AS (SELECT 1) INSERT INTO t VALUES (?)"));
    CHECK_FALSE(plannable("UPDATE t SET a = ?"));
    CHECK_FALSE(plannable("-- INSERT INTO t VALUES (?)"));
    CHECK_FALSE(plannable("INSERT INTO t VALUES (?) /* unterminated"));
    CHECK_FALSE(plannable(""));
}

TEST_CASE("sql insert values: mixed marker styles are an error") {
    CHECK_THROWS_AS(plan_insert_values("INSERT INTO t VALUES (?, $1)"), SqlTextError);
    CHECK_THROWS_AS(plan_insert_values("INSERT INTO t VALUES ($1, ?)"), SqlTextError);
    CHECK_THROWS_AS(plan_insert_values("INSERT INTO t VALUES ($70000)"), SqlTextError);
}

TEST_CASE("sql insert values: rows per statement respect the parameter cap") {
    CHECK(rows_per_statement(plan_of(wide_insert(400)), 100) == 81);
    CHECK(rows_per_statement(plan_of(wide_insert(400)), 50) == 50);
    CHECK(rows_per_statement(plan_of(wide_insert(1)), 1000000) == max_bind_parameters);
    CHECK(rows_per_statement(plan_of(wide_insert(2)), 1000000) == 16383);
    CHECK(rows_per_statement(plan_of(wide_insert(32767)), 100) == 1);
    CHECK(rows_per_statement(plan_of(wide_insert(32768)), 100) == 1);
    CHECK(rows_per_statement(plan_of("INSERT INTO t VALUES ($32767)"), 100) == 1);
    CHECK(rows_per_statement(plan_of("INSERT INTO t VALUES ($16383)"), 100) == 2);
}

TEST_CASE("sql insert values: rows per statement respect the 16 MB text limit") {
    // One marker and a 100,000-byte literal per row: about 167 rows fit.
    const std::string literal(100000, 'x');
    const InsertPlan plan = plan_of("INSERT INTO t VALUES (?, '" + literal + "')");
    const std::size_t rows = rows_per_statement(plan, 1000);
    CHECK(rows > 100);
    CHECK(rows < 1000);
    CHECK(plan.batch_text(rows).size() <= max_statement_bytes);
    CHECK(plan.batch_text(rows + 1).size() > max_statement_bytes);

    const InsertPlan fixed = plan_of("INSERT INTO t VALUES ('" + literal + "')");
    const std::size_t fixed_rows = rows_per_statement(fixed, 1000);
    CHECK(fixed.batch_text(fixed_rows).size() <= max_statement_bytes);
    CHECK(fixed.batch_text(fixed_rows + 1).size() > max_statement_bytes);

    // A single row over the limit is still one row: the server gives the error.
    const InsertPlan huge =
        plan_of("INSERT INTO t VALUES ('" + std::string(max_statement_bytes, 'y') + "', ?)");
    CHECK(rows_per_statement(huge, 100) == 1);
}

TEST_CASE("sql insert values: the size limit counts the widths of parameter numbers exactly") {
    // Three markers cap a statement at 10,922 rows. With a 1,500-byte literal those rows just fit
    // in 16 MB; with 1,600 bytes the text limit binds, and the estimate must match the real text
    // although parameter numbers grow from one to five digits along the way.
    const InsertPlan plan =
        plan_of("INSERT INTO t VALUES (?,?,?,'" + std::string(1500, 'z') + "')");
    const std::size_t rows = rows_per_statement(plan, 20000);
    CHECK(rows == 10922);
    CHECK(plan.batch_text(rows).size() <= max_statement_bytes);
    const InsertPlan tight =
        plan_of("INSERT INTO t VALUES (?,?,?,'" + std::string(1600, 'z') + "')");
    const std::size_t tight_rows = rows_per_statement(tight, 20000);
    CHECK(tight_rows < 10922);
    CHECK(tight.batch_text(tight_rows).size() <= max_statement_bytes);
    CHECK(tight.batch_text(tight_rows + 1).size() > max_statement_bytes);
}

TEST_SUITE_END();
