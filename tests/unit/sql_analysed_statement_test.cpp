// sql::AnalysedStatement: every fact execution reads, from one scan of the text.
#include "sql/analysed_statement.h"
#include "sql/placeholders.h"
#include "sql/statement_kind.h"
#include "sql/transaction_block.h"

#include <doctest/doctest.h>

#include <string>

using rsodbc::sql::AnalysedStatement;
using rsodbc::sql::scans_on_this_thread;
using rsodbc::sql::SqlTextError;
using rsodbc::sql::StatementKind;

TEST_CASE("analysing a statement scans its text once") {
    for (const char* sql : {"SELECT 1", "INSERT INTO t (a, b) VALUES (?, ?::int)", "VACUUM t",
                            "CREATE TABLE t (a int); SELECT ?", ""}) {
        CAPTURE(sql);
        const std::size_t before = scans_on_this_thread;
        const AnalysedStatement statement(sql);
        CHECK(scans_on_this_thread == before + 1);
        // Reading the facts scans nothing.
        (void)statement.kind();
        (void)statement.numbered_text();
        (void)statement.parameter_count();
        (void)statement.insert();
        CHECK(scans_on_this_thread == before + 1);
    }
}

TEST_CASE("the analysis agrees with the single-purpose functions") {
    for (const char* sql :
         {"SELECT 1", "select ? , ?", "SELECT $2, $1", "WITH x AS (SELECT 1) SELECT * FROM x",
          "SHOW search_path", "SELECT 1 INTO t", "INSERT INTO s.\"T\" (a) VALUES (?)",
          "INSERT INTO t SELECT 1", "UPDATE t SET a = ? WHERE b = ?", "VACUUM", "vacuum t",
          "CREATE DATABASE d", "DROP TABLE t", "ALTER TABLE t APPEND FROM u", "SELECT 1; SELECT 2",
          "-- only a comment", "x=?AND y=?", "SELECT '?' || ? -- ?\n"}) {
        CAPTURE(sql);
        const AnalysedStatement statement(sql);
        const auto numbered = rsodbc::sql::number_markers(sql);
        CHECK(statement.kind() == rsodbc::sql::classify(sql));
        CHECK(statement.declarable_as_cursor() == rsodbc::sql::declarable_as_cursor(sql));
        CHECK(statement.changes_schema() == rsodbc::sql::changes_schema(sql));
        CHECK(statement.runs_outside_transaction() == rsodbc::sql::runs_outside_transaction(sql));
        CHECK(statement.question_markers() == rsodbc::sql::count_markers(sql));
        CHECK(statement.parameter_count() == numbered.marker_count);
        CHECK(statement.numbered_text() == numbered.text);
        CHECK(statement.insert().has_value() == rsodbc::sql::plan_insert_values(sql).has_value());
        CHECK(statement.text() == sql);
    }
}

TEST_CASE("a numbering error is raised only when the parameters are used") {
    const AnalysedStatement mixed("SELECT ?, $1");
    CHECK(mixed.kind() == StatementKind::query);
    CHECK(mixed.question_markers() == 1);
    CHECK_THROWS_AS((void)mixed.parameter_count(), SqlTextError);
    CHECK_THROWS_WITH_AS((void)mixed.numbered_text(),
                         "the statement mixes ? parameter markers and $n parameters", SqlTextError);
    const AnalysedStatement too_high("SELECT $70000");
    CHECK(too_high.question_markers() == 0);
    CHECK(too_high.text() == "SELECT $70000");
    CHECK_THROWS_AS((void)too_high.parameter_count(), SqlTextError);
}

TEST_CASE("an INSERT ... VALUES keeps its plan") {
    const AnalysedStatement statement("INSERT INTO s.t (a, b) VALUES (?, ?::int)");
    CHECK(statement.kind() == StatementKind::insert_values);
    REQUIRE(statement.insert().has_value());
    CHECK(statement.insert()->markers_per_row == 2);
    CHECK(statement.insert()->target == "s.t ");
    CHECK(statement.numbered_text() == "INSERT INTO s.t (a, b) VALUES ($1, $2::int)");
}
