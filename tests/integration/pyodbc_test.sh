#!/usr/bin/env bash
# The driver under Debian's python3-pyodbc: fast_executemany of 10,000 rows (the parameter-array
# path), plain executemany and a parameterised SELECT, values checked row by row
# (tests/integration/pyodbc_fast_executemany.py); every type read back with its Python type
# (tests/integration/pyodbc_types.py); the catalog calls, getinfo and escapes
# (tests/integration/pyodbc_catalog.py); patterns applications rely on, such as a clean-up loop
# with autocommit off, SQLGetTypeInfo(SQL_LONGVARCHAR), True into an integer column
# (tests/integration/pyodbc_app_patterns.py).
#
# Usage: tests/integration/pyodbc_test.sh [--connstr STR]
#   --connstr    connection string (default $RSODBC_TEST_CONNSTR)
# Env: ODBCSYSINI/ODBCINI (tests/support/odbc_ini.sh), RSODBC_TEST_DIFFERENTIAL, RSODBC_TEST_PRELOAD
# (LD_PRELOAD for the client only, e.g. libasan for a sanitized driver in uninstrumented python),
# PYTHON (default /usr/bin/python3, Debian's interpreter that python3-pyodbc is built for).
# Exit status: 0 when every check passes; 1 with the failed checks otherwise.
set -euo pipefail

connstr=${RSODBC_TEST_CONNSTR:-}
while (($#)); do
    case $1 in
        --connstr) connstr=$2; shift 2 ;;
        -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "pyodbc_test: unknown argument $1" >&2; exit 2 ;;
    esac
done
if [[ -z $connstr || -z ${ODBCINI:-} ]]; then
    echo "pyodbc_test: no connection string; export ODBCSYSINI/ODBCINI/RSODBC_TEST_CONNSTR (tests/support/odbc_ini.sh)" >&2
    exit 2
fi
python=${PYTHON:-/usr/bin/python3}
if ! "$python" -c 'import pyodbc' 2>/dev/null; then
    echo "pyodbc_test: $python cannot import pyodbc (package python3-pyodbc)" >&2
    exit 1
fi

export LC_ALL=C.UTF-8
export PYTHONDONTWRITEBYTECODE=1  # the shared pyodbc_checks module leaves no cache in the tree
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Unique per run: runs may share a server.
table="pyodbc_test_$$_${RANDOM}"
pre=()
if [[ -n ${RSODBC_TEST_PRELOAD:-} ]]; then
    # The interpreter is not instrumented and keeps memory until exit on purpose: only its leak
    # report is switched off; memory errors in the driver still abort.
    pre=(env "LD_PRELOAD=$RSODBC_TEST_PRELOAD" "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0")
fi

echo "--- pyodbc fast_executemany ($(sed -E 's/(PWD|PASSWORD)=[^;]*/\1=***/Ig' <<<"$connstr"))"
rc=0
"${pre[@]}" "$python" "$here/pyodbc_fast_executemany.py" "$connstr" "$table" || rc=1
echo "--- pyodbc types"
"${pre[@]}" "$python" "$here/pyodbc_types.py" "$connstr" || rc=1
echo "--- pyodbc catalog and escapes"
"${pre[@]}" "$python" "$here/pyodbc_catalog.py" "$connstr" "${table}_schema" || rc=1
echo "--- pyodbc application patterns (clean-up loop, rowcount after SELECT, long type, True into integer)"
"${pre[@]}" "$python" "$here/pyodbc_app_patterns.py" "$connstr" "${table}_app" || rc=1
if ((rc == 0)); then
    echo "pyodbc_test: passed"
else
    echo "pyodbc_test: FAILED"
    exit 1
fi
