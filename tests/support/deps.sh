# shellcheck shell=bash
# Sourceable: install the Debian 12 packages that tests/run and setup/quickstart need, and only those
# that are missing, so a machine that already has them never touches apt (or needs the network/sudo).
#
#   deps_install pkg...      install whichever of pkg... dpkg-query does not report as installed
#
# Env: RSODBC_NO_INSTALL=1 turns a missing package into an error instead of an apt-get install
# (for developer machines where the script should not call sudo).

deps_missing() {
    local pkg status
    for pkg in "$@"; do
        # db:Status-Status is "installed" only for fully configured packages; half-installed or
        # config-files-only packages count as missing so apt repairs them.
        status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
        if [[ $status != installed ]]; then
            printf '%s\n' "$pkg"
        fi
    done
}

deps_install() {
    local -a missing sudo=()
    mapfile -t missing < <(deps_missing "$@")
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    echo "deps: missing Debian packages: ${missing[*]}" >&2
    if [[ ${RSODBC_NO_INSTALL:-0} == 1 ]]; then
        echo "deps: RSODBC_NO_INSTALL=1, not installing; run: sudo apt-get install ${missing[*]}" >&2
        return 1
    fi
    if ((EUID != 0)); then
        if ! command -v sudo >/dev/null; then
            echo "deps: not root and no sudo; install them first: apt-get install ${missing[*]}" >&2
            return 1
        fi
        # -n: fail instead of prompting when there is no tty (CI) and no passwordless sudo.
        if [[ -t 0 ]]; then sudo=(sudo); else sudo=(sudo -n); fi
    fi
    # The package lists are only refreshed when something is really missing: a fresh container has
    # none, and an up-to-date machine should not pay for (or depend on) the network.
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        "${missing[@]}"
}
