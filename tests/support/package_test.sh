#!/usr/bin/env bash
# The packages as a user meets them (issue 12 item 7): builds the .deb and .rpm from BUILD_DIR
# (configured with -DCMAKE_INSTALL_PREFIX=/usr), checks the .deb's contents, dependencies and
# lintian, installs it system-wide with dpkg, and checks that odbcinst lists the driver, that isql
# runs a query through the registered driver, that a reinstall keeps one registration
# (UsageCount 1), that another holder's reference survives removal, and that dpkg --purge leaves no
# registration behind. The .rpm cannot be installed here: its file list, requirements and
# scriptlets are inspected.
#
#   tests/support/package_test.sh BUILD_DIR
#
# Needs root (dpkg -i) and the test server's RSODBC_TEST_HOST/PORT/USER/PASSWORD/DATABASE
# (tests/support/pg_cluster.sh). Refuses to run when redshift-odbc is already installed. Whatever
# happens, the package is purged and /etc/odbcinst.ini restored byte for byte at the end.
# Exit status: 0 when every check passes, 1 otherwise, 2 on a usage error.
# Single-quoted $… below is meant: eval'd by `check` later, or matched literally in scripts.
# shellcheck disable=SC2016
set -euo pipefail

build=$(realpath "${1:?usage: package_test.sh BUILD_DIR}")
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
package=redshift-odbc
driver_name="Redshift ODBC"
odbcinst_ini=/etc/odbcinst.ini
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)

if [[ $(id -u) != 0 ]]; then
    echo "package_test: needs root (dpkg -i)" >&2
    exit 2
fi
for var in RSODBC_TEST_HOST RSODBC_TEST_PORT RSODBC_TEST_USER RSODBC_TEST_PASSWORD \
    RSODBC_TEST_DATABASE; do
    [[ -n ${!var:-} ]] || { echo "package_test: $var is not set (pg_cluster_start)" >&2; exit 2; }
done
if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q installed; then
    echo "package_test: $package is already installed; not touching it" >&2
    exit 2
fi

# The system's odbcinst.ini, not a test's private one: dpkg hands its environment to the
# maintainer scripts, and an ODBCSYSINI there would make them register somewhere else.
unset ODBCSYSINI ODBCINSTINI ODBCINI

failures=0
passes=0
check() {
    local what=$1
    shift
    if "$@"; then
        passes=$((passes + 1))
    else
        failures=$((failures + 1))
        echo "FAIL: $what"
    fi
}

work=$(mktemp -d)
saved_ini=
if [[ -f $odbcinst_ini ]]; then
    saved_ini=$work/odbcinst.ini.saved
    cp -p "$odbcinst_ini" "$saved_ini"
fi
cleanup() {
    dpkg --purge "$package" >/dev/null 2>&1 || true
    if [[ -n $saved_ini ]]; then
        cmp -s "$saved_ini" "$odbcinst_ini" || cp -p "$saved_ini" "$odbcinst_ini"
    fi
    rm -rf -- "$work"
}
trap cleanup EXIT

# ---- build ------------------------------------------------------------------------------------
echo "-- cmake --build $build --target package"
cmake --build "$build" --target package >"$work/cpack.log" 2>&1 || {
    tail -30 "$work/cpack.log"
    echo "FAIL: cpack"
    exit 1
}
deb=$(find "$build" -maxdepth 1 -name "${package}_*.deb" -newer "$work" -print -quit)
rpm=$(find "$build" -maxdepth 1 -name "${package}-*.rpm" -newer "$work" -print -quit)
[[ -n $deb ]] || { echo "FAIL: no .deb in $build"; exit 1; }
echo "   $(basename "$deb") $(stat -c %s "$deb") bytes"
[[ -n $rpm ]] && echo "   $(basename "$rpm") $(stat -c %s "$rpm") bytes"

# ---- the .deb before installation -------------------------------------------------------------
contents=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|')
has_file() { grep -qxF "$1" <<<"$contents"; }
for file in "/usr/lib/$multiarch/odbc/libredshiftodbc.so" \
    "/usr/lib/$multiarch/odbc/libredshiftodbcS.so" /usr/share/redshift-odbc/odbcinst.ini \
    /usr/include/redshift_odbc.h /usr/share/doc/redshift-odbc/copyright \
    /usr/share/doc/redshift-odbc/NOTICE /usr/share/doc/redshift-odbc/README.md \
    /usr/bin/redshift-odbc /usr/share/man/man1/redshift-odbc.1.gz; do
    check "the .deb contains $file" has_file "$file"
done
check "the .deb carries no second license file" eval '! has_file /usr/share/doc/redshift-odbc/LICENSE'
depends=$(dpkg-deb -f "$deb" Depends)
echo "   Depends: $depends"
for dependency in libodbc2 odbcinst libodbcinst2 libpq5 libspdlog; do
    check "Depends names $dependency" grep -q "$dependency" <<<"$depends"
done
check "version from project()" test "$(dpkg-deb -f "$deb" Version)" \
    = "$(sed -nE 's/^project\(redshift_odbc VERSION ([0-9.]+).*/\1/p' CMakeLists.txt)"
template=$(dpkg-deb --fsys-tarfile "$deb" | tar -xOf - ./usr/share/redshift-odbc/odbcinst.ini)
check "the template names the installed driver" \
    grep -qx "Driver *= */usr/lib/$multiarch/odbc/libredshiftodbc.so" <<<"$template"
check "the template names the installed setup library" \
    grep -qx "Setup *= */usr/lib/$multiarch/odbc/libredshiftodbcS.so" <<<"$template"

# lintian: every tag left is explained in packaging/README.md (lintian-overrides would need
# debhelper); the ones listed there are suppressed here, anything new fails.
if command -v lintian >/dev/null; then
    echo "-- lintian"
    suppressed=$(sed -nE 's/^- `([a-z0-9-]+)`.*/\1/p' packaging/README.md | paste -sd, -)
    check "lintian is clean" lintian --fail-on error,warning,info --tag-display-limit 0 \
        ${suppressed:+--suppress-tags "$suppressed"} "$deb"
fi

# ---- installed ---------------------------------------------------------------------------------
registration() {
    # The driver's section of the system odbcinst.ini ('' when absent).
    awk -v name="[$driver_name]" '$0 == name {on = 1; print; next} /^\[/ {on = 0} on' \
        "$odbcinst_ini" 2>/dev/null || true
}
usage_count() { registration | sed -nE 's/^UsageCount *= *//p'; }
sections() { grep -cxF "[$driver_name]" "$odbcinst_ini" 2>/dev/null || true; }

echo "-- dpkg -i"
dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; echo "FAIL: dpkg -i"; exit 1; }
check "odbcinst -q -d lists the driver" eval 'odbcinst -q -d | grep -qxF "[$driver_name]"'
check "the installed redshift-odbc runs and lists the driver" \
    eval '/usr/bin/redshift-odbc list | grep -qF "$driver_name"'
check "registered once with UsageCount 1" test "$(sections)/$(usage_count)" = 1/1
check "registered with the installed driver" \
    eval 'registration | grep -qx "Driver *= */usr/lib/$multiarch/odbc/libredshiftodbc.so"'

# A user DSN on the registered driver, made as a user would: with the installed CLI, in a private
# user odbc.ini (no system DSN is written; the file goes away with $work).
export ODBCINI=$work/odbc.ini
: >"$ODBCINI"
check "redshift-odbc add-dsn writes the DSN" /usr/bin/redshift-odbc add-dsn package_test --user \
    "Driver=$driver_name" "Server=$RSODBC_TEST_HOST" "Port=$RSODBC_TEST_PORT" \
    "Database=$RSODBC_TEST_DATABASE" "UID=$RSODBC_TEST_USER" "PWD=$RSODBC_TEST_PASSWORD" \
    SSLMode=prefer
echo "-- isql through the registered driver"
isql_query() {
    local out
    out=$(printf 'SELECT 6*7 AS answer\n' \
        | isql -b -v -d, package_test 2>&1) || true
    grep -qx 42 <<<"$out" || { echo "$out"; return 1; }
}
check "isql runs a query through the registered driver" isql_query

# The CLI (issue 12 item 6) when the package carries it.
if command -v redshift-odbc >/dev/null; then
    echo "-- redshift-odbc check"
    cli_good() { redshift-odbc check package_test >"$work/check.out" 2>&1 || { cat "$work/check.out"; return 1; }; }
    check "redshift-odbc check passes on the package's DSN" cli_good
    check "redshift-odbc list shows the driver" eval 'redshift-odbc list 2>&1 | grep -qF "$driver_name"'
else
    echo "   (no redshift-odbc CLI in this package yet: check skipped)"
fi

echo "-- reinstall (upgrade path: prerm upgrade, postinst configure)"
dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; failures=$((failures + 1)); }
check "reinstall keeps one registration with UsageCount 1" test "$(sections)/$(usage_count)" = 1/1
check "isql still works after the reinstall" isql_query

echo "-- another holder's reference survives removal"
odbcinst -i -d -f /usr/share/redshift-odbc/odbcinst.ini >/dev/null
check "a second holder makes UsageCount 2" test "$(usage_count)" = 2
dpkg -r "$package" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; failures=$((failures + 1)); }
check "removal gives back only the package's reference" test "$(sections)/$(usage_count)" = 1/1
odbcinst -u -d -n "$driver_name" >/dev/null
check "the other holder's odbcinst -u removes the entry" test "$(sections)" = 0

echo "-- install again, then purge"
dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; failures=$((failures + 1)); }
check "registered again after remove + install" test "$(sections)/$(usage_count)" = 1/1
dpkg --purge "$package" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; failures=$((failures + 1)); }
check "dpkg --purge leaves no registration" test "$(sections)" = 0
check "odbcinst -q -d no longer lists the driver" \
    eval '! odbcinst -q -d 2>/dev/null | grep -qxF "[$driver_name]"'
check "dpkg --purge leaves no state behind" test ! -e /var/lib/redshift-odbc
check "dpkg --purge removes the files" test ! -e "/usr/lib/$multiarch/odbc/libredshiftodbc.so"

# ---- the .rpm (rpm cannot install it on Debian: inspected) --------------------------------------
if [[ -n $rpm ]]; then
    echo "-- rpm -qlp / -qp --scripts / -qpR"
    rpm_files=$(rpm -qlp "$rpm" 2>/dev/null)
    for file in /usr/lib/"$multiarch"/odbc/libredshiftodbc.so \
        /usr/lib/"$multiarch"/odbc/libredshiftodbcS.so /usr/share/redshift-odbc/odbcinst.ini \
        /usr/include/redshift_odbc.h /usr/share/doc/redshift-odbc/LICENSE; do
        check "the .rpm contains $file" grep -qxF "$file" <<<"$rpm_files"
    done
    scripts=$(rpm -qp --scripts "$rpm" 2>/dev/null)
    check "the .rpm's %post registers with odbcinst" \
        grep -qF 'odbcinst -i -d -f "$template"' <<<"$scripts"
    check "the .rpm's %preun unregisters on final removal only" \
        grep -qF 'if [ "$1" = 0 ]' <<<"$scripts"
    requires=$(rpm -qpR "$rpm" 2>/dev/null)
    check "the .rpm requires unixODBC" grep -qx unixODBC <<<"$requires"
    check "the .rpm requires libpq" grep -q '^libpq.so.5' <<<"$requires"
else
    echo "   (rpmbuild not installed: no .rpm)"
fi

echo "package_test: $passes passed, $failures failed"
((failures == 0))
