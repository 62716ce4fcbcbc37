#!/usr/bin/env bash
# The benchmark's quick mode against the server and ini files tests/run already set up: every
# workload runs once on small sizes for our driver, psqlODBC and libpq. Fails only when a workload
# ERRORS (a wrong row count, a driver error); a workload our driver does not support yet is
# reported as unsupported and passes. Speed is never judged here.
#
# Env: ODBCSYSINI/ODBCINI and RSODBC_TEST_* (tests/support/odbc_ini.sh, pg_cluster.sh);
# RSODBC_TEST_PRELOAD (a sanitized driver's runtime, passed to the ODBC bench program only).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [[ -z ${RSODBC_TEST_CONNSTR:-} || -z ${ODBCSYSINI:-} ]]; then
    echo "bench_smoke_test: export ODBCSYSINI/ODBCINI/RSODBC_TEST_* first (tests/support/odbc_ini.sh)" >&2
    exit 2
fi
out=$(mktemp -d)
# The bench's tables go away afterwards, so later tests see the database as they left it.
cleanup() {
    PGPASSWORD=$RSODBC_TEST_PASSWORD psql -q -h "$RSODBC_TEST_HOST" -p "$RSODBC_TEST_PORT" \
        -U "$RSODBC_TEST_USER" -d "$RSODBC_TEST_DATABASE" -c 'SET client_min_messages = warning' \
        -c 'DROP TABLE IF EXISTS bench_fetch' -c 'DROP SCHEMA IF EXISTS bench_catalog CASCADE' \
        >/dev/null || echo "bench_smoke_test: could not drop the bench tables" >&2
    rm -rf -- "$out"
}
trap cleanup EXIT
export RSODBC_BENCH_PRELOAD=${RSODBC_TEST_PRELOAD:-}
# The driver under test is the one registered in $ODBCSYSINI (this variant's build).
unset RSODBC_BENCH_DRIVER
timeout 300 "$repo/bench/run" --quick --no-build --no-install --out "$out"
