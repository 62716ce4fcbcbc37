#!/usr/bin/env bash
# The driver as unixODBC's own clients see it: isql (ANSI calls) and iusql (wide calls), in batch
# mode, through the DSN and DSN-less, plus a failed login that must say SQLSTATE 28000.
#
# Usage: tests/integration/isql_test.sh [--dsn NAME] [--connstr STR] [--auth-state STATE]
#   --dsn        DSN to test (default $RSODBC_TEST_DSN)
#   --connstr    DSN-less connection string (default $RSODBC_TEST_CONNSTR)
#   --auth-state SQLSTATE expected for a wrong password (default 28000, what ODBC specifies;
#                psqlODBC says 08001, so tests/run passes that when it checks the harness with it)
# Env: ODBCSYSINI/ODBCINI (tests/support/odbc_ini.sh), RSODBC_TEST_PRELOAD (LD_PRELOAD for the
# clients only, e.g. libasan for a sanitized driver in uninstrumented isql; never for this shell's
# own grep/sed, which would then report their own leaks).
# Exit status: 0 when every check passes; 1 with the client's output otherwise.
set -euo pipefail

dsn=${RSODBC_TEST_DSN:-}
connstr=${RSODBC_TEST_CONNSTR:-}
auth_state=28000
while (($#)); do
    case $1 in
        --dsn) dsn=$2; shift 2 ;;
        --connstr) connstr=$2; shift 2 ;;
        --auth-state) auth_state=$2; shift 2 ;;
        -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "isql_test: unknown argument $1" >&2; exit 2 ;;
    esac
done
if [[ -z $dsn || -z ${ODBCINI:-} ]]; then
    echo "isql_test: no DSN; export ODBCSYSINI/ODBCINI/RSODBC_TEST_DSN (tests/support/odbc_ini.sh)" >&2
    exit 2
fi
command -v isql >/dev/null || { echo "isql_test: isql not found (package unixodbc)" >&2; exit 2; }

# The expected bytes below are UTF-8; isql converts nothing, iusql converts through the locale.
export LC_ALL=C.UTF-8
failures=0
passes=0
output=

# run NAME STDIN CLIENT ARGS...: runs a client, keeps its combined output in $output, returns its
# status. isql -b carries on after a failed statement and still exits 0, so callers also look for
# its "[ISQL]ERROR" lines.
run() {
    local name=$1 input=$2
    shift 2
    local -a pre=()
    if [[ -n ${RSODBC_TEST_PRELOAD:-} ]]; then
        pre=(env "LD_PRELOAD=$RSODBC_TEST_PRELOAD")
        # iusql 2.3.11 itself strncpy()s a buffer onto itself and never frees it: ASan's string
        # checks and leak report would flag iusql, not the driver. Memory errors in the driver are
        # still caught; its leaks are checked by the isql runs and the integration tests.
        # (The intercept_* flags only silence ASan's warning that replace_str=0 leaves them on.)
        if [[ $1 == iusql ]]; then
            local quiet=intercept_strlen=0:intercept_strchr=0:intercept_strndup=0
            pre+=("ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0:replace_str=0:$quiet")
        fi
    fi
    # The command line may carry a password; the log never shows one.
    echo "--- $name: $(sed -E 's/(PWD|PASSWORD)=[^;]*/\1=***/Ig' <<<"$*")"
    set +e
    output=$(printf '%s\n' "$input" | "${pre[@]}" "$@" 2>&1)
    local rc=$?
    set -e
    return $rc
}

fail() {
    echo "FAIL: $1"
    echo "----- output -----"
    printf '%s\n' "$output"
    echo "------------------"
    failures=$((failures + 1))
}

# expect_ok NAME STDIN EXPECTED_LINES CLIENT ARGS...: the run succeeds, reports no error, and every
# line of EXPECTED_LINES appears as a whole line of the output (-d output is one row per line).
expect_ok() {
    local name=$1 input=$2 expected=$3 line
    shift 3
    local rc=0
    run "$name" "$input" "$@" || rc=$?
    if ((rc != 0)); then
        fail "$name: exit status $rc"
        return
    fi
    # Class 00/01 states are notices and warnings (e.g. DROP TABLE IF EXISTS), anything else an error.
    if grep -aq '\[ISQL\]ERROR' <<<"$output" \
        || grep -aqE '^\[(0[2-9A-Z]|[1-9A-Z][0-9A-Z])[0-9A-Z]{3}\]' <<<"$output"; then
        fail "$name: the client reported an error"
        return
    fi
    # Byte comparison (LC_ALL=C): the expected lines may hold exact non-UTF-8 bytes (see iusql).
    while IFS= read -r line; do
        [[ -z $line ]] && continue
        if ! LC_ALL=C grep -aqxF -- "$line" <<<"$output"; then
            fail "$name: missing line '$line'"
            return
        fi
    done <<<"$expected"
    passes=$((passes + 1))
}

# expect_state NAME STATE CLIENT ARGS...: the connection fails and isql prints [STATE].
expect_state() {
    local name=$1 state=$2
    shift 2
    if run "$name" "SELECT 1" "$@"; then
        fail "$name: connected although it must not"
        return
    fi
    if ! grep -aqF "[$state]" <<<"$output"; then
        fail "$name: no [$state] in the diagnostics"
        return
    fi
    passes=$((passes + 1))
}

greeting="SELECT 42 AS answer, 'héllo' AS greeting"
greeting_rows=$'answer|greeting\n42|héllo'

# Both ways isql executes (SQLPrepare+SQLExecute by default, -e SQLExecDirect), both ODBC versions
# (-3: SQLAllocHandle/ODBC 3 behaviour), and the wide-character client.
expect_ok "isql prepare" "$greeting" "$greeting_rows" isql -v -b -d'|' -c "$dsn"
expect_ok "isql exec-direct odbc3" "$greeting" "$greeting_rows" isql -v -b -3 -e -d'|' -c "$dsn"
expect_ok "iusql" "$greeting" "$greeting_rows" iusql -v -b -d'|' -c "$dsn"
# Table mode goes through SQLDescribeCol/SQLColAttribute for the column widths.
expect_ok "isql table output" "$greeting" "" isql -v -b "$dsn"
if ! grep -aqE '^\| 42 +\| héllo +\|$' <<<"$output"; then
    fail "isql table output: no '| 42 | héllo |' row"
fi
if [[ -n $connstr ]]; then
    expect_ok "isql DSN-less" "$greeting" "$greeting_rows" isql -v -b -k -d'|' -c "$connstr"
fi

# A real table: written by isql in one session, read by iusql in another (so the rows really went
# through the server), NULLs and non-ASCII text included. Unique name: runs may share a server.
table="isql_test_$$_${RANDOM}"
setup="DROP TABLE IF EXISTS $table
CREATE TABLE $table (id integer PRIMARY KEY, name varchar(20), price numeric(8,2), born date)
INSERT INTO $table VALUES (1, 'alpha', 1.50, '2024-01-31'), (2, 'ßeta ✓', NULL, NULL), (3, NULL, -7.25, '1999-12-31')
SELECT count(*) AS n FROM $table"
rows=$'id|name|price|born\n1|alpha|1.50|2024-01-31\n2|ßeta ✓||\n3||-7.25|1999-12-31'
expect_ok "isql create table" "$setup" $'n\n3' isql -v -b -d'|' -c "$dsn"
# iusql (unixODBC 2.3.11) widens its input bytes one by one to SQLWCHAR and narrows results by
# keeping the low byte of each code unit: a UTF-8 literal survives the round trip (as above), but
# stored 'ßeta ✓' (U+00DF, U+2713) comes back as the bytes DF and 13, which is exactly what proves
# the driver returned the right UTF-16 code units.
expect_ok "iusql select table" "SELECT * FROM $table ORDER BY id" "${rows/ßeta ✓/$'\xdf'eta $'\x13'}" \
    iusql -v -b -d'|' -c "$dsn"
expect_ok "isql select table" "SELECT * FROM $table ORDER BY id" "$rows" isql -v -b -3 -d'|' -c "$dsn"
expect_ok "isql drop table" "DROP TABLE $table" "" isql -v -b "$dsn"

# A wrong password must fail the connection with SQLSTATE 28000 (invalid authorization
# specification), whether the password overrides the DSN's or the string is DSN-less. Keys are
# matched case-insensitively, as the driver and the ODBC spec do.
expect_state "wrong password over DSN" "$auth_state" isql -v -b -k "DSN=$dsn;PWD=wrong"
if [[ -n $connstr ]]; then
    bad=$(sed -E 's/(^|;)(PWD|PASSWORD)=[^;]*/\1\2=wrong/I' <<<"$connstr")
    expect_state "wrong password DSN-less" "$auth_state" isql -v -b -k "$bad"
fi

echo "isql_test ($dsn): $passes passed, $failures failed"
((failures == 0))
