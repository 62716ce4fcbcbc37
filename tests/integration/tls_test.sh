#!/usr/bin/env bash
# TLS against a server of its own: generates a CA, a server certificate for localhost, an expired
# one and an unrelated CA with the openssl CLI, starts a throwaway PostgreSQL 15 with ssl=on, and
# runs the integration tests' "tls:" cases (tests/integration/tls_test.cpp) once per server
# configuration: valid certificate, expired certificate, ssl=off, TLS 1.2 at most.
#
# Env: ODBCSYSINI/ODBCINI (tests/support/odbc_ini.sh: our driver registered); RSODBC_TEST_BUILD,
# the build whose integration_tests to run (default build/plain).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [[ -z ${ODBCSYSINI:-} || -z ${RSODBC_TEST_DRIVER:-} ]]; then
    echo "tls_test: export ODBCSYSINI/ODBCINI/RSODBC_TEST_* first (tests/support/odbc_ini.sh)" >&2
    exit 2
fi
tests=${RSODBC_TEST_BUILD:-$repo/build/plain}/tests/integration/integration_tests
[[ -x $tests ]] || { echo "tls_test: $tests not built" >&2; exit 2; }

# shellcheck source=tests/support/pg_cluster.sh
source "$repo/tests/support/pg_cluster.sh"
# shellcheck source=tests/support/doctest_cases.sh
source "$repo/tests/support/doctest_cases.sh"
# A cluster of its own (the suite's server keeps its configuration), removed on exit.
PG_CLUSTER_DIR=
trap pg_cluster_stop EXIT
# shellcheck disable=SC2119  # no DIR: a temp cluster
pg_cluster_start >/dev/null 2>&1 || { echo "tls_test: could not start a server" >&2; exit 1; }

tls=$PG_CLUSTER_DIR/tls
mkdir -p "$tls"
(
    cd "$tls"
    key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:prime256v1 -out "$1" 2>/dev/null; }
    ca() {
        key "$1.key"
        openssl req -x509 -new -key "$1.key" -out "$1.crt" -subj "/CN=$2" -days 2 \
            -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
    }
    ca ca "redshift-odbc test CA"
    ca other_ca "redshift-odbc unrelated CA"
    key server.key
    openssl req -new -key server.key -out server.csr -subj /CN=localhost
    printf 'subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\n' >server.ext
    openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
        -extfile server.ext -out server.crt 2>/dev/null
    # OpenSSL 3.0 has no -not_after; a negative validity ends the certificate a day before now.
    openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days -1 \
        -extfile server.ext -out expired.crt 2>/dev/null
) || { echo "tls_test: openssl could not make the certificates" >&2; exit 1; }
chmod 600 "$tls"/*.key
# The server reads its key as the cluster's account, which must own it (as root: rsodbc).
((EUID == 0)) && chown -R "$PG_CLUSTER_OS_USER:" "$tls"

# Applies a server configuration and waits until new sessions see it (a reload is asynchronous).
configure() {
    local ssl=$1 cert=$2 max=$3 i
    pg_cluster_psql -d postgres -q -c "ALTER SYSTEM SET ssl_cert_file = '$tls/$cert'" \
        -c "ALTER SYSTEM SET ssl_key_file = '$tls/server.key'" \
        -c "ALTER SYSTEM SET ssl_max_protocol_version = '$max'" \
        -c "ALTER SYSTEM SET ssl = $ssl" -c 'SELECT pg_reload_conf()' >/dev/null || return 1
    for ((i = 0; i < 100; i++)); do
        [[ $(pg_cluster_psql -d postgres -Atc "SELECT current_setting('ssl') || current_setting('ssl_cert_file') || current_setting('ssl_max_protocol_version')") \
            == "$ssl$tls/$cert$max" ]] && return 0
        sleep 0.1
    done
    echo "tls_test: the server did not take configuration $ssl $cert $max" >&2
    return 1
}

rc=0
run() {
    local name=$1 out
    shift
    configure "$@" || { rc=1; return; }
    echo "-- server: $name"
    doctest_cases "tls_test (server $name)" env RSODBC_TLS_SERVER="$name" RSODBC_TLS_DIR="$tls" \
        RSODBC_TLS_PORT="$PG_CLUSTER_PORT" "$tests" -tc='tls:*' || rc=1
}
run valid on server.crt ''
run expired on expired.crt ''
run off off server.crt ''
run tls12 on server.crt TLSv1.2
exit "$rc"
