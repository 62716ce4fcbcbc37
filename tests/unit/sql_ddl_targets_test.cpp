// sql/ddl_targets.h: which tables a DDL text creates or drops (the statement cache then forgets
// only the statements naming them), and when any statement may be affected (nullopt).
#include "sql/ddl_targets.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

using rsodbc::sql::created_or_dropped_tables;
using rsodbc::sql::names_any;
using Names = std::optional<std::vector<std::string>>;

TEST_CASE("created_or_dropped_tables: CREATE TABLE and DROP TABLE name their tables") {
    CHECK(created_or_dropped_tables("CREATE TABLE t (a int)") == Names{{"t"}});
    CHECK(created_or_dropped_tables("create temp table Tmp_1 (a int)") == Names{{"tmp_1"}});
    CHECK(created_or_dropped_tables("CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS s.\"Mixed\"\"Q\" "
                                    "AS SELECT 1")
          == Names{{"Mixed\"Q"}});
    CHECK(created_or_dropped_tables("CREATE UNLOGGED TABLE db.s.t (LIKE u)") == Names{{"t"}});
    CHECK(created_or_dropped_tables("/* x */ DROP TABLE IF EXISTS a, s.b RESTRICT")
          == Names{{"a", "b"}});
    CHECK(created_or_dropped_tables("DROP TABLE a; CREATE TEMP TABLE a (x text);")
          == Names{{"a", "a"}});
    // Text without DDL names nothing.
    CHECK(created_or_dropped_tables("INSERT INTO t VALUES (1)")
          == Names{std::vector<std::string>{}});
    CHECK(created_or_dropped_tables("") == Names{std::vector<std::string>{}});
}

TEST_CASE("created_or_dropped_tables: any other DDL may affect every statement") {
    CHECK_FALSE(created_or_dropped_tables("ALTER TABLE t ADD COLUMN b int"));
    CHECK_FALSE(created_or_dropped_tables("DROP TABLE t CASCADE"));
    CHECK_FALSE(created_or_dropped_tables("DROP TABLE t, u CASCADE"));
    CHECK_FALSE(created_or_dropped_tables("CREATE VIEW v AS SELECT 1"));
    CHECK_FALSE(
        created_or_dropped_tables("CREATE OR REPLACE FUNCTION f() RETURNS int "
                                  "LANGUAGE sql AS $$ SELECT 1 $$"));
    CHECK_FALSE(created_or_dropped_tables("DROP SCHEMA s"));
    CHECK_FALSE(created_or_dropped_tables("CREATE TYPE c AS (a int)"));
    CHECK_FALSE(created_or_dropped_tables("CREATE INDEX i ON t (a)"));
    CHECK_FALSE(created_or_dropped_tables("CREATE TABLE IF t (a int)"));
    CHECK_FALSE(created_or_dropped_tables("CREATE TABLE U&\"t\" (a int)"));
    CHECK_FALSE(created_or_dropped_tables("CREATE TEMP TABLE a (x int); ALTER TABLE b ADD c int"));
    CHECK_FALSE(created_or_dropped_tables("DROP TABLE"));
}

TEST_CASE("names_any: identifiers folded as the server folds them, not literals or comments") {
    const std::vector<std::string> names{"tmp", "Quoted"};
    CHECK(names_any("SELECT * FROM tmp WHERE a = $1", names));
    CHECK(names_any("select * from S.TMP", names));
    CHECK(names_any("SELECT * FROM \"Quoted\"", names));
    CHECK(names_any("SELECT * FROM U&\"d\\0061t\\+000061\"", names));  // undecoded: assumed
    CHECK_FALSE(names_any("SELECT * FROM tmp2, \"TMP\", quoted", names));
    CHECK_FALSE(names_any("SELECT 'tmp' -- tmp\n /* tmp */", names));
    CHECK_FALSE(names_any("SELECT * FROM tmp", {}));
}

// Found by fuzz_ddl_targets: a name with a quote is written with it doubled, so the cheap
// substring test before the scan must look for it that way (it skipped the statement, which then
// kept a plan made for the dropped table); a zero-length quoted name is no name at all.
TEST_CASE("ddl targets: quoted names with quotes, and the empty quoted name") {
    CHECK(names_any("SELECT * FROM \"My\"\"T\"", {"My\"T"}));
    CHECK_FALSE(names_any("SELECT * FROM \"My\"\"T2\"", {"My\"T"}));
    CHECK(created_or_dropped_tables("CREATE TABLE \"\" (i int)") == std::nullopt);
}
