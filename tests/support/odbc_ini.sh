# shellcheck shell=bash
# Sourceable: a private unixODBC configuration, so tests never read or write /etc/odbc*.ini or
# ~/.odbc.ini and two variants (plain, sanitize) can register different builds under one name.
#
#   odbc_ini_write DRIVER_SO DIR [DSN]
#       writes DIR/odbcinst.ini and DIR/odbc.ini and exports the variables below. DSN names our
#       driver's data source (default rsodbc_test; setup/quickstart uses redshift_quickstart).
#
# Needs (from pg_cluster_start): RSODBC_TEST_HOST RSODBC_TEST_PORT RSODBC_TEST_USER
# RSODBC_TEST_PASSWORD RSODBC_TEST_DATABASE.
#
# Exports:
#   ODBCSYSINI=DIR  ODBCINSTINI=odbcinst.ini (relative to ODBCSYSINI)  ODBCINI=DIR/odbc.ini
#   RSODBC_TEST_DSN (DSN)  RSODBC_TEST_DRIVER=RedshiftODBC
#   RSODBC_TEST_CONNSTR   DSN-less: Driver={RedshiftODBC};Server=…;Port=…;Database=…;UID=…;PWD=…
#   PSQLODBC_TEST_DSN=psqlodbc_test  PSQLODBC_TEST_CONNSTR   (only when psqlODBC is installed: the
#                         reference driver, for comparisons by hand and the harness check)
#
# RSODBC_TEST_DIFFERENTIAL=1 registers psqlODBC under our driver's name instead (the same tests,
# run against the reference driver: tests/support/odbc_test.h), and gives the DSN psqlODBC's key
# names too, since psqlODBC reads Servername/Username/Password from a DSN (it accepts Server, UID
# and PWD only in connection strings).
#
# unixODBC reads drivers from $ODBCSYSINI/$ODBCINSTINI, system DSNs from $ODBCSYSINI/odbc.ini and
# user DSNs from $ODBCINI; here the last two are the same file, so the DSNs are found either way
# (SQLDataSources lists them once as user and once as system DSNs).

RSODBC_PSQLODBC_SO=${RSODBC_PSQLODBC_SO:-/usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so}

odbc_ini_write() {
    local driver_so=${1:?odbc_ini_write DRIVER_SO DIR [DSN]} dir=${2:?odbc_ini_write DRIVER_SO DIR [DSN]}
    local dsn=${3:-rsodbc_test} var
    for var in RSODBC_TEST_HOST RSODBC_TEST_PORT RSODBC_TEST_USER RSODBC_TEST_PASSWORD \
        RSODBC_TEST_DATABASE; do
        if [[ -z ${!var:-} ]]; then
            echo "odbc_ini: $var is not set (start the cluster with pg_cluster_start first)" >&2
            return 1
        fi
    done
    mkdir -p "$dir" || return 1
    dir=$(cd "$dir" && pwd)
    # An absolute path: unixODBC dlopens exactly this file, not whatever is installed system-wide.
    driver_so=$(realpath -m "$driver_so")
    local differential=${RSODBC_TEST_DIFFERENTIAL:-0}
    if [[ $differential == 1 ]]; then
        driver_so=$RSODBC_PSQLODBC_SO
    fi
    [[ -f $driver_so ]] || echo "odbc_ini: warning: $driver_so does not exist (yet)" >&2

    # DontDLClose=1: unixODBC keeps the driver mapped after SQLDisconnect, so LeakSanitizer, which
    # reports at exit, can still symbolize our frames (STYLE.md 7.3).
    {
        echo "[RedshiftODBC]"
        echo "Description = redshift-odbc under test ($driver_so)"
        echo "Driver = $driver_so"
        echo "DontDLClose = 1"
        echo "UsageCount = 1"
        if [[ -f $RSODBC_PSQLODBC_SO ]]; then
            echo
            echo "[PostgreSQL Unicode]"
            echo "Description = psqlODBC (reference driver for comparison)"
            echo "Driver = $RSODBC_PSQLODBC_SO"
            echo "UsageCount = 1"
        fi
    } >"$dir/odbcinst.ini"

    {
        echo "[$dsn]"
        echo "Description = redshift-odbc against the local test server"
        echo "Driver = RedshiftODBC"
        echo "Server = $RSODBC_TEST_HOST"
        echo "Port = $RSODBC_TEST_PORT"
        echo "Database = $RSODBC_TEST_DATABASE"
        echo "UID = $RSODBC_TEST_USER"
        echo "PWD = $RSODBC_TEST_PASSWORD"
        echo "ServerFlavor = auto"
        if [[ $differential == 1 ]]; then
            echo "Servername = $RSODBC_TEST_HOST"
            echo "Username = $RSODBC_TEST_USER"
            echo "Password = $RSODBC_TEST_PASSWORD"
        fi
        if [[ -f $RSODBC_PSQLODBC_SO ]]; then
            echo
            echo "[psqlodbc_test]"
            echo "Description = psqlODBC against the same server, for comparison"
            echo "Driver = PostgreSQL Unicode"
            echo "Servername = $RSODBC_TEST_HOST"
            echo "Port = $RSODBC_TEST_PORT"
            echo "Database = $RSODBC_TEST_DATABASE"
            echo "Username = $RSODBC_TEST_USER"
            echo "Password = $RSODBC_TEST_PASSWORD"
        fi
    } >"$dir/odbc.ini"
    # The files hold a password: only a test one, but keep the habit.
    chmod 600 "$dir/odbc.ini"

    export ODBCSYSINI=$dir
    export ODBCINSTINI=odbcinst.ini
    export ODBCINI=$dir/odbc.ini
    export RSODBC_TEST_DSN=$dsn
    export RSODBC_TEST_DRIVER=RedshiftODBC
    export RSODBC_TEST_CONNSTR="Driver={RedshiftODBC};Server=$RSODBC_TEST_HOST;Port=$RSODBC_TEST_PORT;Database=$RSODBC_TEST_DATABASE;UID=$RSODBC_TEST_USER;PWD=$RSODBC_TEST_PASSWORD"
    if [[ -f $RSODBC_PSQLODBC_SO ]]; then
        export PSQLODBC_TEST_DSN=psqlodbc_test
        export PSQLODBC_TEST_CONNSTR="Driver={PostgreSQL Unicode};Servername=$RSODBC_TEST_HOST;Port=$RSODBC_TEST_PORT;Database=$RSODBC_TEST_DATABASE;UID=$RSODBC_TEST_USER;PWD=$RSODBC_TEST_PASSWORD"
    else
        unset PSQLODBC_TEST_DSN PSQLODBC_TEST_CONNSTR
    fi
}

# Fails unless unixODBC really resolves our files: catches a typo'd variable or a driver manager
# that ignores ODBCSYSINI (e.g. a different unixODBC build) before tests fail in confusing ways.
odbc_ini_verify() {
    local info drivers
    # "SYSTEM DATA SOURCES: /x/odbc.ini" once the padding dots are gone.
    info=$(odbcinst -j | sed -E 's/\.+: /: /') || return 1
    # odbcinst -j prints the DRIVERS path without the file name when ODBCINSTINI is set (2.3.11),
    # so the driver list itself is compared below instead.
    if ! grep -qxF "SYSTEM DATA SOURCES: $ODBCSYSINI/odbc.ini" <<<"$info" \
        || ! grep -qxF "USER DATA SOURCES: $ODBCINI" <<<"$info"; then
        echo "odbc_ini: unixODBC does not use the private files:" >&2
        echo "$info" >&2
        return 1
    fi
    # Exactly the drivers of our odbcinst.ini: one from /etc/odbcinst.ini would mean it is ignored.
    drivers=$(odbcinst -q -d) || return 1
    if [[ $drivers != "$(grep -x '\[.*\]' "$ODBCSYSINI/$ODBCINSTINI")" ]]; then
        echo "odbc_ini: unixODBC lists other drivers than $ODBCSYSINI/$ODBCINSTINI:" >&2
        echo "$drivers" >&2
        return 1
    fi
    if ! odbcinst -q -s | grep -qxF "[$RSODBC_TEST_DSN]"; then
        echo "odbc_ini: DSN $RSODBC_TEST_DSN not found in $ODBCINI" >&2
        return 1
    fi
}
