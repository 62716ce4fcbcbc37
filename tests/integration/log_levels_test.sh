#!/usr/bin/env bash
# The driver log at each level, as a support engineer reads it (issue 15 item 6): one session per
# level (a process each, since the log is per process) connects, runs a parameterized SELECT, a
# failing statement and an array insert, then fails a connect with a wrong password; the log
# file is then checked for the lines each level must have and must not have, and for secrets:
# the password, a secret access key and a session token given in the connection string never
# appear at any level. Also: LogParameters=1 shows parameter values at trace (never otherwise),
# LogMaxSize/LogFileCount bound the files, and LogLevel/LogPath are read from odbc.ini's [ODBC]
# section. The checks are in tests/integration/log_levels.py.
#
# Usage: tests/integration/log_levels_test.sh [--connstr STR]
# Env: ODBCSYSINI/ODBCINI (tests/support/odbc_ini.sh), RSODBC_TEST_PASSWORD, RSODBC_TEST_PRELOAD,
# PYTHON (default /usr/bin/python3).
# Exit status: 0 when every check passes; 1 with the failed checks otherwise.
set -euo pipefail

connstr=${RSODBC_TEST_CONNSTR:-}
while (($#)); do
    case $1 in
        --connstr) connstr=$2; shift 2 ;;
        -h | --help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "log_levels_test: unknown argument $1" >&2; exit 2 ;;
    esac
done
if [[ -z $connstr || -z ${ODBCINI:-} ]]; then
    echo "log_levels_test: no connection string; export ODBCSYSINI/ODBCINI/RSODBC_TEST_CONNSTR (tests/support/odbc_ini.sh)" >&2
    exit 2
fi
python=${PYTHON:-/usr/bin/python3}
if ! "$python" -c 'import pyodbc' 2>/dev/null; then
    echo "log_levels_test: $python cannot import pyodbc (package python3-pyodbc)" >&2
    exit 1
fi
export LC_ALL=C.UTF-8
export PYTHONDONTWRITEBYTECODE=1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT
pre=()
if [[ -n ${RSODBC_TEST_PRELOAD:-} ]]; then
    pre=(env "LD_PRELOAD=$RSODBC_TEST_PRELOAD" "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0")
fi
"${pre[@]}" "$python" "$here/log_levels.py" --connstr "$connstr" --work "$work" \
    --password "${RSODBC_TEST_PASSWORD:-}"
