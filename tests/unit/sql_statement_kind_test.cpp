#include "sql/statement_kind.h"

#include <doctest/doctest.h>

using rsodbc::sql::classify;
using rsodbc::sql::StatementKind;

TEST_SUITE_BEGIN("sql statement kind");

TEST_CASE("sql statement kind: queries") {
    CHECK(classify("SELECT 1") == StatementKind::query);
    CHECK(classify("select 1;") == StatementKind::query);
    CHECK(classify("  SELECT 1 ; -- done\n") == StatementKind::query);
    CHECK(classify("(SELECT 1) UNION (SELECT 2)") == StatementKind::query);
    CHECK(classify("WITH x AS (SELECT 1) SELECT * FROM x") == StatementKind::query);
    CHECK(classify("WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM x) SELECT n FROM x")
          == StatementKind::query);
    CHECK(classify("VALUES (1), (2)") == StatementKind::query);
    CHECK(classify("SHOW search_path") == StatementKind::query);
    CHECK(classify("EXPLAIN SELECT 1") == StatementKind::query);
    CHECK(classify("/* c */ -- c\n Select ?") == StatementKind::query);
    CHECK(classify("SELECT * FROM t WHERE a IN (SELECT b INTO c)") == StatementKind::query);
}

TEST_CASE("sql statement kind: insert ... values") {
    CHECK(classify("INSERT INTO t VALUES (?)") == StatementKind::insert_values);
    CHECK(classify("-- c\nINSERT INTO t (a) VALUES (?);") == StatementKind::insert_values);
    CHECK(classify("INSERT INTO t VALUES (1),(2)") == StatementKind::other);
    CHECK(classify("INSERT INTO t SELECT 1") == StatementKind::other);
    CHECK(classify("WITH x AS (SELECT 1) INSERT INTO t VALUES (?)") == StatementKind::other);
    CHECK(classify("INSERT INTO t VALUES (?, $1)") == StatementKind::other);
}

TEST_CASE("sql statement kind: other statements") {
    CHECK(classify("UPDATE t SET a = ?") == StatementKind::other);
    CHECK(classify("DELETE FROM t") == StatementKind::other);
    CHECK(classify("CREATE TABLE t (a int)") == StatementKind::other);
    CHECK(classify("SELECT a INTO new_t FROM t") == StatementKind::other);
    CHECK(classify("WITH x AS (SELECT 1) DELETE FROM t") == StatementKind::other);
    CHECK(classify("CALL p(?)") == StatementKind::other);
    CHECK(classify("((") == StatementKind::other);
    CHECK(classify("'unterminated") == StatementKind::other);
}

TEST_CASE("sql statement kind: several statements and none") {
    CHECK(classify("SELECT 1; SELECT 2") == StatementKind::multi_statement);
    CHECK(classify("SELECT 1;SELECT 2;") == StatementKind::multi_statement);
    CHECK(classify("BEGIN; INSERT INTO t VALUES (1); COMMIT") == StatementKind::multi_statement);
    CHECK(classify("SELECT ';'; -- ; SELECT 2") == StatementKind::query);
    CHECK(classify("SELECT $$;$$ /* ; */") == StatementKind::query);
    CHECK(classify("SELECT 1;;; ") == StatementKind::query);
    CHECK(classify("") == StatementKind::empty);
    CHECK(classify("  -- only a comment\n /* and another */ ;") == StatementKind::empty);
    CHECK(classify(";") == StatementKind::empty);
}

TEST_SUITE_END();

TEST_CASE("sql statement kind: what DECLARE ... CURSOR FOR accepts") {
    using rsodbc::sql::declarable_as_cursor;
    CHECK(declarable_as_cursor("SELECT 1"));
    CHECK(declarable_as_cursor(" (SELECT 1) UNION (SELECT 2);"));
    CHECK(declarable_as_cursor("WITH x AS (SELECT 1) SELECT * FROM x"));
    CHECK(declarable_as_cursor("VALUES (1), (2)"));
    CHECK(declarable_as_cursor("-- comment\nTABLE t"));
    CHECK_FALSE(declarable_as_cursor("SHOW search_path"));
    CHECK_FALSE(declarable_as_cursor("EXPLAIN SELECT 1"));
    CHECK_FALSE(declarable_as_cursor("FETCH ALL FROM c"));
    CHECK_FALSE(declarable_as_cursor("SELECT 1 INTO t"));
    CHECK_FALSE(declarable_as_cursor("SELECT 1; SELECT 2"));
    CHECK_FALSE(declarable_as_cursor("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x"));
    CHECK_FALSE(declarable_as_cursor("UPDATE t SET a = 1"));
}

TEST_CASE("sql statement kind: statements that change the schema") {
    using rsodbc::sql::changes_schema;
    CHECK(changes_schema("CREATE TABLE t (a int)"));
    CHECK(changes_schema("drop table t"));
    CHECK(changes_schema("/* c */ ALTER TABLE t ADD COLUMN b int"));
    CHECK(changes_schema("SELECT 1; DROP TABLE t"));
    CHECK_FALSE(changes_schema("SELECT 'DROP TABLE t'"));
    CHECK_FALSE(changes_schema("INSERT INTO t VALUES (1)"));
    CHECK_FALSE(changes_schema("SELECT create FROM t"));
    CHECK_FALSE(changes_schema(""));
}
