#!/usr/bin/env bash
# The opt-in real-cluster suite (issue 15 item 7): the integration tests that make sense on
# Redshift — connect, types, catalog, escapes, parameter arrays, streaming, server cursors — run
# through our driver against the cluster REDSHIFT_TEST_CONNSTR names, in a schema of their own
# (rsodbc_ci_<pid>_<random>, created first, made the search_path of every test connection through
# InitializationString, dropped with everything in it afterwards, also on failure).
#
# Usage: tests/support/redshift_suite.sh DRIVER_SO INTEGRATION_TESTS WORKDIR
#   REDSHIFT_TEST_CONNSTR  Server=…;Port=5439;Database=…;UID=…;PWD=… (plus any other keyword of
#                          ours, e.g. SSLMode); Driver= is set to the build under test.
#   RSODBC_REDSHIFT_TESTS  doctest --source-file filter (default: the files listed below).
# Called by tests/run when REDSHIFT_TEST_CONNSTR is set. Exit status: the test program's.
set -euo pipefail

driver_so=${1:?DRIVER_SO}
tests=${2:?INTEGRATION_TESTS}
work=${3:?WORKDIR}
: "${REDSHIFT_TEST_CONNSTR:?REDSHIFT_TEST_CONNSTR is not set}"
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=tests/support/odbc_ini.sh
source "$repo/tests/support/odbc_ini.sh"

# The fields odbc_ini_write and the tests read, from the connection string (keys as ODBC spells
# them, case-insensitive; a value in braces keeps its semicolons).
extra=()
while IFS= read -r -d ';' pair || [[ -n $pair ]]; do
    [[ -z $pair ]] && continue
    key=${pair%%=*}
    value=${pair#*=}
    value=${value#\{}
    value=${value%\}}
    case ${key,,} in
        server | host | servername) export RSODBC_TEST_HOST=$value ;;
        port) export RSODBC_TEST_PORT=$value ;;
        database | dbname) export RSODBC_TEST_DATABASE=$value ;;
        uid | user | username) export RSODBC_TEST_USER=$value ;;
        pwd | password) export RSODBC_TEST_PASSWORD=$value ;;
        driver) ;;
        *) extra+=("$key = $value") ;;
    esac
done <<<"$REDSHIFT_TEST_CONNSTR"
export RSODBC_TEST_PORT=${RSODBC_TEST_PORT:-5439}

schema="rsodbc_ci_$$_${RANDOM}"
odbc_ini_write "$driver_so" "$work" || exit 1
{
    for line in "${extra[@]}"; do echo "$line"; done
    echo "ServerFlavor = redshift"
    echo "InitializationString = SET search_path TO $schema"
} >>"$work/odbc.ini.dsn"
# The DSN section is the first one of odbc.ini: the keys go right under its header.
# odbc_ini_write's ServerFlavor = auto gives way to redshift.
awk -v add="$work/odbc.ini.dsn" 'NR == 1 { print; while ((getline l < add) > 0) print l; next }
    /^ServerFlavor = auto$/ && !seen { seen = 1; next } { print }' \
    "$work/odbc.ini" >"$work/odbc.ini.new" && mv "$work/odbc.ini.new" "$work/odbc.ini"
chmod 600 "$work/odbc.ini"
rm -f "$work/odbc.ini.dsn"
connstr="$RSODBC_TEST_CONNSTR;ServerFlavor=redshift"
for line in "${extra[@]}"; do connstr+=";${line%% = *}={${line#* = }}"; done
export RSODBC_TEST_CONNSTR="$connstr;InitializationString={SET search_path TO $schema}"
export RSODBC_TEST_REDSHIFT=1

# Debian's interpreter, which python3-pyodbc (a tests/run package) is built for.
python=${PYTHON:-/usr/bin/python3}
admin() {
    "$python" - "$connstr" "$1" <<'PY'
import sys
import pyodbc
conn = pyodbc.connect(sys.argv[1], autocommit=True)
conn.cursor().execute(sys.argv[2])
conn.close()
PY
}

admin "CREATE SCHEMA $schema" || { echo "redshift_suite: cannot create schema $schema" >&2; exit 1; }
trap 'admin "DROP SCHEMA IF EXISTS $schema CASCADE" || echo "redshift_suite: schema $schema was not dropped" >&2' EXIT
echo "redshift_suite: schema $schema on $RSODBC_TEST_HOST:$RSODBC_TEST_PORT/$RSODBC_TEST_DATABASE"

filter=${RSODBC_REDSHIFT_TESTS:-*connect_test.cpp,*type_info_test.cpp,*type_reporting_test.cpp,*long_types_test.cpp,*catalog_redshift_test.cpp,*escapes_test.cpp,*param_arrays_test.cpp,*streaming_test.cpp,*declare_fetch_test.cpp,*params_test.cpp,*execute_fetch_test.cpp}
"$tests" --source-file="$filter"
