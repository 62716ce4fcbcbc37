// sql::runs_outside_transaction: the statements manual-commit mode runs without BEGIN.
#include "sql/transaction_block.h"

#include <doctest/doctest.h>

using rsodbc::sql::runs_outside_transaction;

TEST_CASE("statements that cannot run inside a transaction block") {
    for (const char* sql : {
             "VACUUM",
             "vacuum full t;",
             "/* maintenance */ VACUUM ANALYZE t",
             "CREATE DATABASE d",
             "drop database if exists d",
             "CREATE TABLESPACE ts LOCATION '/x'",
             "DROP TABLESPACE ts",
             "CREATE INDEX CONCURRENTLY i ON t (a)",
             "CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)",
             "DROP INDEX CONCURRENTLY i",
             "REINDEX TABLE CONCURRENTLY t",
             "REINDEX DATABASE d",
             "REINDEX SYSTEM d",
             "ALTER SYSTEM SET work_mem = '8MB'",
             "CLUSTER",
             "CREATE EXTERNAL TABLE s.t (a int) STORED AS PARQUET LOCATION 's3://b/p/'",
             "DROP EXTERNAL TABLE s.t",
             "ALTER TABLE target APPEND FROM source",
             "alter table s.target append from s.source ignoreextra",
         }) {
        CAPTURE(sql);
        CHECK(runs_outside_transaction(sql));
    }
}

TEST_CASE("everything else runs inside the transaction") {
    for (const char* sql : {
             "SELECT 1",
             "INSERT INTO t VALUES (1)",
             "CREATE TABLE vacuum (a int)",
             "CREATE INDEX i ON t (a)",
             "REINDEX TABLE t",
             "CLUSTER t USING i",
             "ALTER TABLE t ADD COLUMN append int",
             "DROP TABLE database",
             "SELECT 'VACUUM'",
             "-- VACUUM\nSELECT 1",
             "VACUUM; VACUUM",
             "",
         }) {
        CAPTURE(sql);
        CHECK_FALSE(runs_outside_transaction(sql));
    }
}
