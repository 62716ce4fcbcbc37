# shellcheck shell=bash
# Sourceable: a throwaway PostgreSQL 15 cluster for the integration tests and the quickstart.
#
#   pg_cluster_start [DIR]   init (if needed) and start a cluster. Without DIR: a fresh temp dir that
#                            pg_cluster_stop removes. With DIR: a kept cluster, reused when DIR
#                            already holds one (setup/quickstart), left in place by pg_cluster_stop.
#   pg_cluster_stop [DIR]    stop the server (of DIR, else of the last start) and remove the dir if
#                            it was a temp one; idempotent, never fails, safe in an EXIT trap
#   pg_cluster_psql ARGS...  psql as the cluster superuser over the unix socket (trust auth)
#   pg_cluster_log_tail      last lines of the server log, for failure reports
#   pg_cluster_restart       stop the running server (-m fast) and start it again on its port
#
# Callers: `trap pg_cluster_stop EXIT` right after sourcing, so the server stops and the temp dir
# goes away even when tests fail.
#
# Exports after pg_cluster_start:
#   RSODBC_TEST_HOST=127.0.0.1 RSODBC_TEST_PORT RSODBC_TEST_USER=rsodbc
#   RSODBC_TEST_PASSWORD=rsodbc-test-pw RSODBC_TEST_DATABASE=rsodbc_test
#   PG_CLUSTER_DIR (temp or given dir), PG_CLUSTER_SOCKET_DIR, PG_CLUSTER_SUPERUSER
# The server speaks SCRAM over TCP (so the driver's real authentication path is exercised) and
# trusts only its unix socket, which lives inside PG_CLUSTER_DIR and is reachable by its owner/root.
#
# Env knobs: PG_CLUSTER_BIN (default /usr/lib/postgresql/15/bin), PG_CLUSTER_FIRST_PORT (54329),
# PG_CLUSTER_OS_USER (the non-root account used when running as root; default rsodbc).

PG_CLUSTER_BIN=${PG_CLUSTER_BIN:-/usr/lib/postgresql/15/bin}
PG_CLUSTER_FIRST_PORT=${PG_CLUSTER_FIRST_PORT:-54329}
PG_CLUSTER_OS_USER=${PG_CLUSTER_OS_USER:-rsodbc}
PG_CLUSTER_SUPERUSER=postgres
PG_CLUSTER_DIR=${PG_CLUSTER_DIR:-}
_pgc_temp=0

_pgc_log() { echo "pg_cluster: $*" >&2; }

# PostgreSQL refuses to run as root, so as root every server-side command runs as an unprivileged
# system account; as anyone else it runs as that user. The cd matters: initdb and postgres fail when
# the current directory is not readable by the account (e.g. /root).
_pgc_as_owner() {
    if ((EUID == 0)); then
        (cd "$PG_CLUSTER_DIR" && runuser -u "$PG_CLUSTER_OS_USER" -- "$@")
    else
        (cd "$PG_CLUSTER_DIR" && "$@")
    fi
}

_pgc_ensure_os_user() {
    ((EUID == 0)) || return 0
    id -u "$PG_CLUSTER_OS_USER" >/dev/null 2>&1 && return 0
    _pgc_log "creating system user $PG_CLUSTER_OS_USER to run PostgreSQL (it refuses root)"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin "$PG_CLUSTER_OS_USER"
}

# True when nothing listens on 127.0.0.1:$1. Another run may grab the port between this check and
# the server start, so pg_cluster_start also retries the next port when the bind fails.
_pgc_port_free() {
    if command -v ss >/dev/null; then
        [[ -z $(ss -Hltn "sport = :$1" 2>/dev/null) ]]
    else
        ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
    fi
}

_pgc_initdb() {
    local pw
    # The superuser password is never needed (the socket trusts the owner) but initdb wants one
    # when host auth is scram; a random one keeps the superuser unusable over TCP.
    pw=$(head -c 18 /dev/urandom | base64)
    printf '%s\n' "$pw" >"$PG_CLUSTER_DIR/superuser.pw"
    chmod 600 "$PG_CLUSTER_DIR/superuser.pw"
    ((EUID == 0)) && chown "$PG_CLUSTER_OS_USER:" "$PG_CLUSTER_DIR/superuser.pw"

    # C.UTF-8 ships with glibc on Debian 12, so no locales package is needed; C is the fallback.
    local locale=C.UTF-8
    locale -a 2>/dev/null | grep -qix 'c\.utf-\?8' || locale=C
    if ! _pgc_as_owner "$PG_CLUSTER_BIN/initdb" -D "$PG_CLUSTER_DIR/data" -E UTF8 \
        --locale="$locale" -U "$PG_CLUSTER_SUPERUSER" --pwfile="$PG_CLUSTER_DIR/superuser.pw" \
        --auth-host=scram-sha-256 --auth-local=trust >"$PG_CLUSTER_DIR/initdb.log" 2>&1; then
        _pgc_log "initdb failed:"
        cat "$PG_CLUSTER_DIR/initdb.log" >&2
        return 1
    fi
    # Only 127.0.0.1 (never a public interface), socket inside our dir (no clash with a system
    # cluster in /var/run/postgresql). Durability is pointless for a throwaway cluster and
    # costs seconds per test run. The port is passed at start time, so a kept cluster can move.
    cat >>"$PG_CLUSTER_DIR/data/postgresql.conf" <<CONF

# --- redshift-odbc test cluster (tests/support/pg_cluster.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_CLUSTER_DIR'
password_encryption = 'scram-sha-256'
max_connections = 100
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
log_connections = off
CONF
}

# Starts the server on the first free port from PG_CLUSTER_FIRST_PORT, retrying on a lost race.
_pgc_start_server() {
    local port=$PG_CLUSTER_FIRST_PORT tries=0
    while ((tries < 50)); do
        if _pgc_port_free "$port"; then
            if _pgc_as_owner "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" \
                -l "$PG_CLUSTER_DIR/postgres.log" -o "-p $port" -w -t 60 start >/dev/null; then
                PG_CLUSTER_PORT=$port
                printf '%s\n' "$port" >"$PG_CLUSTER_DIR/port"
                return 0
            fi
            if ! grep -q 'could not bind\|Address already in use' "$PG_CLUSTER_DIR/postgres.log"; then
                _pgc_log "server did not start:"
                pg_cluster_log_tail
                return 1
            fi
        fi
        port=$((port + 1))
        tries=$((tries + 1))
    done
    _pgc_log "no free port in $PG_CLUSTER_FIRST_PORT..$port"
    return 1
}

# pg_ctl -w only knows the postmaster is up; pg_isready over TCP proves clients can connect the way
# the driver will (127.0.0.1, our port).
_pgc_wait_ready() {
    local i
    for ((i = 0; i < 60; i++)); do
        if pg_isready -q -h 127.0.0.1 -p "$PG_CLUSTER_PORT" -t 2; then
            return 0
        fi
        sleep 0.5
    done
    _pgc_log "server on port $PG_CLUSTER_PORT not ready after 30 s"
    pg_cluster_log_tail
    return 1
}

_pgc_create_test_objects() {
    # Idempotent, so a kept cluster can be reused; ON_ERROR_STOP makes any failure fatal.
    pg_cluster_psql -d postgres -q <<'SQL' || return 1
SELECT 'CREATE ROLE rsodbc LOGIN CREATEDB'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rsodbc') \gexec
ALTER ROLE rsodbc LOGIN CREATEDB PASSWORD 'rsodbc-test-pw';
SELECT 'CREATE DATABASE rsodbc_test OWNER rsodbc ENCODING ''UTF8'' TEMPLATE template0'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'rsodbc_test') \gexec
SQL
}

pg_cluster_start() {
    local dir=${1:-}
    if [[ ! -x $PG_CLUSTER_BIN/initdb ]]; then
        _pgc_log "$PG_CLUSTER_BIN/initdb not found; install postgresql-15"
        return 1
    fi
    _pgc_ensure_os_user || return 1
    if [[ -z $dir ]]; then
        # /tmp rather than $TMPDIR: as root TMPDIR may point somewhere the server account cannot
        # enter. The path stays short, too: a unix socket path must fit in 107 bytes.
        PG_CLUSTER_DIR=$(mktemp -d /tmp/rsodbc-pg.XXXXXX) || return 1
        _pgc_temp=1
    else
        mkdir -p "$dir" || return 1
        PG_CLUSTER_DIR=$(cd "$dir" && pwd)
        _pgc_temp=0
    fi
    export PG_CLUSTER_DIR
    chmod 700 "$PG_CLUSTER_DIR"
    if ((EUID == 0)); then
        chown "$PG_CLUSTER_OS_USER:" "$PG_CLUSTER_DIR"
        if ! runuser -u "$PG_CLUSTER_OS_USER" -- test -w "$PG_CLUSTER_DIR"; then
            _pgc_log "$PG_CLUSTER_OS_USER cannot reach $PG_CLUSTER_DIR (a parent directory is closed)"
            return 1
        fi
    fi

    if [[ -f $PG_CLUSTER_DIR/data/PG_VERSION ]]; then
        if _pgc_as_owner "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" status >/dev/null 2>&1; then
            PG_CLUSTER_PORT=$(cat "$PG_CLUSTER_DIR/port")
            _pgc_log "reusing running cluster in $PG_CLUSTER_DIR on port $PG_CLUSTER_PORT"
        else
            _pgc_start_server || return 1
        fi
    else
        _pgc_initdb || return 1
        _pgc_start_server || return 1
    fi
    _pgc_wait_ready || return 1
    _pgc_create_test_objects || return 1

    export PG_CLUSTER_PORT PG_CLUSTER_SUPERUSER
    export PG_CLUSTER_SOCKET_DIR=$PG_CLUSTER_DIR
    export RSODBC_TEST_HOST=127.0.0.1
    export RSODBC_TEST_PORT=$PG_CLUSTER_PORT
    export RSODBC_TEST_USER=rsodbc
    export RSODBC_TEST_PASSWORD=rsodbc-test-pw
    export RSODBC_TEST_DATABASE=rsodbc_test
    _pgc_log "PostgreSQL $(pg_cluster_psql -d postgres -Atc 'SHOW server_version') on" \
        "127.0.0.1:$PG_CLUSTER_PORT, data in $PG_CLUSTER_DIR (running as $(_pgc_as_owner id -un))"
}

# Stops the running server (-m fast: every session is cut) and starts it again on the same port;
# returns when it accepts connections.
pg_cluster_restart() {
    _pgc_as_owner "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m fast -w -t 60 restart \
        -l "$PG_CLUSTER_DIR/postgres.log" >/dev/null || return 1
    _pgc_wait_ready
}

pg_cluster_psql() {
    psql -X -v ON_ERROR_STOP=1 -h "$PG_CLUSTER_DIR" -p "$PG_CLUSTER_PORT" \
        -U "$PG_CLUSTER_SUPERUSER" "$@"
}

pg_cluster_log_tail() {
    [[ -f $PG_CLUSTER_DIR/postgres.log ]] && tail -n 30 "$PG_CLUSTER_DIR/postgres.log" >&2
    return 0
}

pg_cluster_stop() {
    if [[ -n ${1:-} ]]; then
        PG_CLUSTER_DIR=$1
        _pgc_temp=0
    fi
    [[ -n $PG_CLUSTER_DIR && -d $PG_CLUSTER_DIR ]] || return 0
    # -m fast: disconnect whatever clients a failed or hung test left behind.
    if [[ -f $PG_CLUSTER_DIR/data/postmaster.pid ]]; then
        _pgc_as_owner "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m fast -w -t 60 stop \
            >/dev/null 2>&1 || _pgc_log "pg_ctl stop failed in $PG_CLUSTER_DIR"
    fi
    if ((_pgc_temp)); then
        rm -rf -- "$PG_CLUSTER_DIR"
        _pgc_temp=0
        PG_CLUSTER_DIR=
    fi
    return 0
}
