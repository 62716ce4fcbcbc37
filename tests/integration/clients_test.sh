#!/usr/bin/env bash
# The driver under three more real clients (issue 13 item 5), each a short application script:
# PHP's odbc extension (php_app.php), Ruby's ruby-odbc (ruby_app.rb) and Qt's QODBC plugin through
# PyQt5 (qt_app.py). Each creates and drops its own table.
#
# ruby-odbc 0.99998 as built by Debian 12 loads the driver manager with dlopen but its own
# fallback stubs win symbol lookup, so every call returns SQL_ERROR ("Cannot allocate SQLHENV")
# before any driver is involved; preloading unixODBC's libodbc.so.2 lets the real functions bind.
#
# Usage: tests/integration/clients_test.sh
# Env: ODBCSYSINI/ODBCINI, RSODBC_TEST_DSN, RSODBC_TEST_CONNSTR (tests/support/odbc_ini.sh),
# RSODBC_TEST_PRELOAD (LD_PRELOAD for the clients, e.g. libasan for a sanitized driver).
# Exit status: 0 when every client's checks pass; 1 otherwise.
set -euo pipefail

if [[ -z ${RSODBC_TEST_CONNSTR:-} || -z ${RSODBC_TEST_DSN:-} || -z ${ODBCINI:-} ]]; then
    echo "clients_test: export ODBCSYSINI/ODBCINI/RSODBC_TEST_DSN/RSODBC_TEST_CONNSTR (tests/support/odbc_ini.sh)" >&2
    exit 2
fi
export LC_ALL=C.UTF-8
export QT_QPA_PLATFORM=offscreen
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
suffix="$$_${RANDOM}"
libodbc=/usr/lib/x86_64-linux-gnu/libodbc.so.2
preload=${RSODBC_TEST_PRELOAD:-}
if [[ -n $preload ]]; then
    # A sanitized driver in uninstrumented interpreters: their own leaks at exit are not ours
    # (as pyodbc_test.sh).
    export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
fi
rc=0

echo "-- PHP (php-odbc)"
if [[ -n $preload ]]; then
    # PHP dlopens every extension (odbc.so too) with RTLD_DEEPBIND, which the ASan runtime refuses
    # (google/sanitizers#611): PHP runs in the plain variant only.
    echo "   skipped in the sanitize variant (PHP's RTLD_DEEPBIND and ASan do not mix)"
else
    LD_PRELOAD=$preload php "$here/php_app.php" "$RSODBC_TEST_CONNSTR" "php_app_$suffix" || rc=1
fi
echo "-- Ruby (ruby-odbc)"
LD_PRELOAD="${preload:+$preload }$libodbc" ruby "$here/ruby_app.rb" "$RSODBC_TEST_DSN" \
    "ruby_app_$suffix" || rc=1
echo "-- Qt (PyQt5 QtSql, QODBC)"
LD_PRELOAD=$preload /usr/bin/python3 "$here/qt_app.py" "$RSODBC_TEST_CONNSTR" "qt_app_$suffix" || rc=1
exit "$rc"
