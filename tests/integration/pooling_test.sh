#!/usr/bin/env bash
# unixODBC connection pooling: the same driver and DSNs as the suite, in a copy of odbcinst.ini
# with Pooling=Yes in [ODBC] and CPTimeout on our driver, and the integration tests' "pool:"
# cases (tests/integration/pooling_test.cpp) run against it.
#
# Env: ODBCSYSINI/ODBCINI and RSODBC_TEST_* (tests/support/odbc_ini.sh, pg_cluster.sh);
# RSODBC_TEST_BUILD, the build whose integration_tests to run (default build/plain);
# RSODBC_TEST_POOL_CASES, the doctest case filter (default 'pool:*'; the tsan variant picks the
# threaded one).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [[ -z ${ODBCSYSINI:-} || -z ${RSODBC_TEST_CONNSTR:-} ]]; then
    echo "pooling_test: export ODBCSYSINI/ODBCINI/RSODBC_TEST_* first (tests/support/odbc_ini.sh)" >&2
    exit 2
fi
tests=${RSODBC_TEST_BUILD:-$repo/build/plain}/tests/integration/integration_tests
[[ -x $tests ]] || { echo "pooling_test: $tests not built" >&2; exit 2; }

dir=$(mktemp -d)
trap 'rm -rf -- "$dir"' EXIT
{
    printf '[ODBC]\nPooling = Yes\n\n'
    # CPTimeout: how long an unused connection stays in the pool, per driver.
    sed '/^\[RedshiftODBC\]$/a CPTimeout = 120' "$ODBCSYSINI/${ODBCINSTINI:-odbcinst.ini}"
} >"$dir/odbcinst.ini"
cp "$ODBCINI" "$dir/odbc.ini"

# shellcheck source=tests/support/doctest_cases.sh
source "$repo/tests/support/doctest_cases.sh"
# Sanitize variant: ASan/UBSan stay on, LeakSanitizer does not. unixODBC's pool leaks 88 bytes
# (a calloc and a strdup inside SQLDriverConnect, no driver frame in the stack) once a pooled
# connection has been discarded as dead; libodbc is stripped, so no function name can be suppressed,
# and a module pattern would hide the driver's own leaks everywhere (tests/support/lsan.supp). The
# same driver paths run with leak checks in ctest sanitize and tests/run --valgrind.
if [[ ${ASAN_OPTIONS:-} == *detect_leaks=1* ]]; then
    export ASAN_OPTIONS=${ASAN_OPTIONS//detect_leaks=1/detect_leaks=0}
fi
doctest_cases pooling_test env ODBCSYSINI="$dir" ODBCINSTINI=odbcinst.ini ODBCINI="$dir/odbc.ini" \
    RSODBC_TEST_POOLING=1 "$tests" -tc="${RSODBC_TEST_POOL_CASES:-pool:*}"
