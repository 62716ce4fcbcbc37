#!/usr/bin/env bash
# The server stopped and restarted under open connections (issue 11, fault injection): the
# "restart:" cases of tests/integration/fault_injection_test.cpp, given a command that restarts the
# test server (pg_ctl restart -m fast). Run by tests/run with the other *_test.sh scripts, one
# after another: no other test has a session open while the server restarts.
#
# Env: ODBCSYSINI/ODBCINI and RSODBC_TEST_* (tests/support/odbc_ini.sh), PG_CLUSTER_DIR and
# PG_CLUSTER_PORT of the running server (tests/support/pg_cluster.sh); RSODBC_TEST_BUILD, the build
# whose integration_tests to run (default build/plain).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [[ -z ${ODBCSYSINI:-} || -z ${RSODBC_TEST_CONNSTR:-} || -z ${PG_CLUSTER_DIR:-} ]]; then
    echo "restart_test: export ODBCSYSINI/ODBCINI/RSODBC_TEST_*/PG_CLUSTER_* first" >&2
    exit 2
fi
tests=${RSODBC_TEST_BUILD:-$repo/build/plain}/tests/integration/integration_tests
[[ -x $tests ]] || { echo "restart_test: $tests not built" >&2; exit 2; }

# shellcheck source=tests/support/doctest_cases.sh
source "$repo/tests/support/doctest_cases.sh"
doctest_cases restart_test env \
    RSODBC_TEST_RESTART_COMMAND="bash -c 'source \"$repo/tests/support/pg_cluster.sh\" && pg_cluster_restart'" \
    "$tests" -tc='restart:*'
