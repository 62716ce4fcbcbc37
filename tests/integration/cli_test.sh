#!/usr/bin/env bash
# The `redshift-odbc` command line tool through the real driver manager and the test server:
# check on a good DSN (report lines, no password), the hints for a wrong password, a refused port,
# an unknown host, a missing database and an unknown DSN, --json that parses; register/unregister
# (UsageCount) and add-dsn/list/remove-dsn in a private ODBCSYSINI/ODBCINI.
#
# Usage: tests/integration/cli_test.sh
# Env: ODBCSYSINI/ODBCINI/RSODBC_TEST_* (tests/support/odbc_ini.sh); RSODBC_CLI, the program to
# test (default: the redshift-odbc built next to the driver registered as $RSODBC_TEST_DRIVER).
# Exit status: 0 when every check passes; 1 with the failing output otherwise; 2 without setup.
set -euo pipefail

dsn=${RSODBC_TEST_DSN:-}
if [[ -z $dsn || -z ${ODBCSYSINI:-} || -z ${RSODBC_TEST_PASSWORD:-} ]]; then
    echo "cli_test: no DSN; export ODBCSYSINI/ODBCINI/RSODBC_TEST_* (tests/support/odbc_ini.sh)" >&2
    exit 2
fi
driver_name=${RSODBC_TEST_DRIVER:-RedshiftODBC}
driver_so=$(sed -n "/^\[$driver_name\]/,/^\[/s/^Driver *= *//p" "$ODBCSYSINI/${ODBCINSTINI:-odbcinst.ini}" | head -n1)
cli=${RSODBC_CLI:-$(dirname "$driver_so")/../setup/cli/redshift-odbc}
if [[ ! -x $cli ]]; then
    echo "cli_test: $cli not built (cmake --build ... --target redshift-odbc)" >&2
    exit 2
fi
if [[ $driver_so == *psqlodbc* ]]; then
    echo "cli_test: skipped (differential run: the registered driver is psqlODBC)"
    exit 0
fi

failures=0
passes=0
output=
status=0

# run ARGS...: runs the CLI, keeps its combined output in $output and its exit status in $status.
run() {
    echo "--- redshift-odbc $(sed -E 's/(PWD|PASSWORD)=[^;]*/\1=***/Ig' <<<"$*")"
    set +e
    output=$("$cli" "$@" 2>&1)
    status=$?
    set -e
}

fail() {
    echo "FAIL: $1"
    echo "----- output -----"
    printf '%s\n' "$output"
    echo "------------------"
    failures=$((failures + 1))
}

# expect NAME STATUS PATTERN... : the last run exited with STATUS and its output matches every
# extended regular expression PATTERN.
expect() {
    local name=$1 want=$2 pattern
    shift 2
    if [[ $status != "$want" ]]; then
        fail "$name: exit status $status, expected $want"
        return 0
    fi
    for pattern in "$@"; do
        if ! grep -aqE -- "$pattern" <<<"$output"; then
            fail "$name: no line matching '$pattern'"
            return 0
        fi
    done
    passes=$((passes + 1))
}

# assert DESCRIPTION COMMAND...: the command succeeds; refute: it fails.
assert() {
    local what=$1
    shift
    if "$@"; then passes=$((passes + 1)); else fail "$what"; fi
}
refute() {
    local what=$1
    shift
    if "$@"; then fail "$what"; else passes=$((passes + 1)); fi
}

no_password() {
    if grep -aqF -- "$RSODBC_TEST_PASSWORD" <<<"$output"; then
        fail "$1: the password appears in the output"
    else
        passes=$((passes + 1))
    fi
}

# json_field EXPR: evaluates a Python expression on the last run's JSON (bound to j).
json_field() {
    python3 -c 'import json, sys; j = json.loads(sys.stdin.read()); print(eval(sys.argv[1]))' "$1" <<<"$output"
}

base="Driver={$driver_name};Server=$RSODBC_TEST_HOST;Database=$RSODBC_TEST_DATABASE;UID=$RSODBC_TEST_USER"

# ---- check ---------------------------------------------------------------------------------------
run check "$dsn"
expect "check good DSN" 0 '^Connection: OK in [0-9.]+ ms' '^Server: PostgreSQL ' \
    '^Round trip \(SELECT 1\): [0-9.]+ ms' '^TLS: ' '^OK$' \
    "^  Server +$RSODBC_TEST_HOST +\[DSN $dsn\]" '^  PWD +\*\*\*\* +\[DSN ' \
    '^  Pipeline +1 +\[default\]' '^  SSLMode +prefer +\[default \(not a Redshift endpoint\)\]'
no_password "check good DSN"

run check "$dsn" --json
expect "check --json" 0 '"ok": true'
assert "check --json: not JSON" python3 -m json.tool >/dev/null <<<"$output"
assert "--json flavor" [ "$(json_field 'j["server"]["flavor"]')" = postgresql ]
assert "--json round_trip_ms" [ "$(json_field 'j["round_trip_ms"] > 0')" = True ]
no_password "check --json"

run check "DSN=$dsn;Sever=typo;ProxyHost=proxy;PWD=$RSODBC_TEST_PASSWORD"
expect "check connection string over DSN" 0 '^  Sever: did you mean Server\?' \
    '^Not supported by this driver:' '^  ProxyHost: ' '^  PWD +\*\*\*\* +\[connection string\]' \
    '^  ConnectTimeout +10 +\[redshift-odbc check --timeout\]'
no_password "check connection string"

run check "$base;Port=$RSODBC_TEST_PORT;PWD={wrong-password}"
expect "check wrong password" 1 '^Connection: FAILED' '^  SQLSTATE 28000: ' \
    '^Hint: The server refused user .* with this password'
run check "$base;Port=$RSODBC_TEST_PORT;PWD={wrong-password}" --json
expect "check wrong password --json" 1 '"ok": false'
assert "--json cause password" [ "$(json_field 'j["hint"]["cause"]')" = password ]

run check "Driver={$driver_name};Server=127.0.0.1;Port=1;Database=x;UID=u;PWD=p"
expect "check refused port" 1 '^Connection: FAILED' 'Connection refused' \
    '^Hint: Nothing accepted a connection on 127.0.0.1 port 1\. Check Port= \(Redshift listens on 5439'

run check "Driver={$driver_name};Server=no-such-host.invalid;Port=5439;Database=x;UID=u;PWD=p" --timeout 5
expect "check unknown host" 1 '^Connection: FAILED' "^Hint: The host name 'no-such-host.invalid' does not resolve"

run check "Driver={$driver_name};Server=$RSODBC_TEST_HOST;Port=$RSODBC_TEST_PORT;UID=$RSODBC_TEST_USER;PWD=$RSODBC_TEST_PASSWORD;Database=no_such_database_x"
expect "check missing database" 1 "^Hint: Database 'no_such_database_x' does not exist"
no_password "check missing database"

run check no_such_dsn_x
expect "check unknown DSN" 1 '^  SQLSTATE IM002: ' '^Hint: The driver manager found no DSN'

run
expect "no command" 2 '^usage: redshift-odbc'
run check
expect "check without target" 2 "bad arguments for 'check'"

# ---- register, add-dsn, list, remove-dsn in a private configuration ------------------------------
private=$(mktemp -d)
trap 'rm -rf "$private"' EXIT
export ODBCSYSINI=$private ODBCINSTINI=odbcinst.ini ODBCINI=$private/user-odbc.ini
: >"$private/odbcinst.ini"
name="Redshift ODBC cli test"
usage_count() { sed -n "/^\[$name\]/,/^\[/s/^UsageCount *= *//p" "$private/odbcinst.ini"; }

run register --name "$name" --driver "$driver_so"
expect "register" 0 "registered driver '$name' .*UsageCount 1"
assert "UsageCount after register: $(usage_count)" [ "$(usage_count)" = 1 ]
assert "no APILevel (odbcinst.ini.in)" grep -q '^APILevel *= *1' "$private/odbcinst.ini"
run register --name "$name" --driver "$driver_so"
expect "register again" 0 'UsageCount 2'
assert "UsageCount after 2 registers: $(usage_count)" [ "$(usage_count)" = 2 ]

run add-dsn cli_dsn "Driver=$name" "Sever=$RSODBC_TEST_HOST"
expect "add-dsn unknown keyword" 3 "unknown keyword 'Sever' \(did you mean 'Server'\?\)"
run add-dsn cli_dsn "Driver=$name" SSLMode=sometimes
expect "add-dsn bad choice" 3 'SSLMode=sometimes is not one of'
run add-dsn cli_dsn "Driver=$name" "Server=$RSODBC_TEST_HOST" "Port=$RSODBC_TEST_PORT" \
    "Database=$RSODBC_TEST_DATABASE" "UID=$RSODBC_TEST_USER" "PWD=$RSODBC_TEST_PASSWORD"
expect "add-dsn" 0 "added user DSN 'cli_dsn'"
assert "add-dsn: no [cli_dsn] in $ODBCINI" grep -q '^\[cli_dsn\]' "$ODBCINI"
run add-dsn cli_sys_dsn --system "Driver=$name" Server=example.org
expect "add-dsn --system" 0 "added system DSN 'cli_sys_dsn'"
assert "no [cli_sys_dsn] in odbc.ini" grep -q '^\[cli_sys_dsn\]' "$private/odbc.ini"

run list
expect "list" 0 "^  $name  $driver_so  UsageCount=2" '^User DSNs:' "^  cli_dsn  Driver=$name" \
    '^System DSNs:' "^  cli_sys_dsn  Driver=$name"
run list --json
assert "list --json: not JSON" python3 -m json.tool >/dev/null <<<"$output"
assert "list --json: 2 DSNs" [ "$(json_field 'len(j["dsns"])')" = 2 ]

run check cli_dsn
expect "check the added DSN" 0 '^OK$' "^Driver: $name -> $driver_so"
no_password "check the added DSN"

run remove-dsn cli_dsn
expect "remove-dsn" 0 "removed user DSN 'cli_dsn'"
refute "remove-dsn: [cli_dsn] still there" grep -q '^\[cli_dsn\]' "$ODBCINI"
run remove-dsn cli_dsn
expect "remove-dsn again" 4 "no user DSN 'cli_dsn'"
run remove-dsn cli_sys_dsn --system
expect "remove-dsn --system" 0 "removed system DSN"

run unregister --name "$name"
expect "unregister once" 0 'UsageCount 1, still registered'
assert "UsageCount after unregister: $(usage_count)" [ "$(usage_count)" = 1 ]
run unregister --name "$name"
expect "unregister last" 0 'removed from odbcinst.ini'
refute "unregister: entry still there" grep -qF "[$name]" "$private/odbcinst.ini"
run unregister --name "$name"
expect "unregister unknown" 4 'is not registered'

echo "cli_test: $passes passed, $failures failed"
((failures == 0))
