#!/usr/bin/env bash
# Fresh-machine truth (issue 12): every external command a script runs comes from a Debian package
# that the same script installs, so the next missing package fails CI instead of a newcomer.
#
#   tests/support/script_packages.sh SCRIPT [FILE...]
#
# SCRIPT declares its Debian packages as a top-level `packages=(...)` array (tests/run,
# setup/quickstart); FILE... are the scripts it sources or runs (checked against SCRIPT's list).
# Commands are the words in command position (line start, after | ; & ( $( ! and after
# if/then/do/else/exec/command -v/runuser --/timeout/env), outside comments, that resolve to a
# file in /usr/bin, /usr/sbin, /bin or /sbin (not builtins, keywords or the scripts' own functions). Each file's package
# (dpkg -S) must be in the list, unless it is Essential or Priority required: those are on every
# Debian image (debootstrap --variant=minbase). PostgreSQL's server programs are called by path
# ($PG_CLUSTER_BIN/initdb, pg_ctl) and are checked by that path.
# Exit status: 0 when all are covered, 1 with one line per uncovered command.
set -euo pipefail

script=${1:?usage: script_packages.sh SCRIPT [FILE...]}
shift
files=("$script" "$@")

# Commands used only when they are installed (each is guarded by `command -v`): not required.
optional=(shellcheck ss sudo clang++ lintian)

mapfile -t listed < <(
    # shellcheck disable=SC2016
    bash -c 'eval "$(sed -n "/^packages=(/,/)/p" "$1")"; printf "%s\n" "${packages[@]}"' _ "$script"
)
((${#listed[@]})) || { echo "script_packages: $script has no top-level packages=(...)" >&2; exit 1; }

# Comments out, then the words in command position.
words=$(sed -E 's/(^|[[:space:]])#.*$//' "${files[@]}" \
    | grep -oE '(^|[|;&(!]|\$\(|\b(if|then|do|else|elif|exec|while|until|time|--|-v|env|timeout [0-9]+))[[:space:]]*[a-z][a-zA-Z0-9_.+-]*' \
    | grep -oE '[a-z][a-zA-Z0-9_.+-]*$' | sort -u)
functions=$(grep -ohE '^[[:space:]]*[a-zA-Z_][a-zA-Z0-9_]*\(\)' "${files[@]}" | tr -d ' ()' | sort -u)

# Debian's own directories only: a developer's ~/.local or pyenv shims are not on a fresh machine.
PATH=/usr/sbin:/usr/bin:/sbin:/bin
declare -A seen=()
paths=()
for word in $words; do
    grep -qxF "$word" <<<"$functions" && continue
    [[ $(type -t "$word" || true) == file ]] || continue
    [[ -n ${seen[$word]:-} ]] && continue
    seen[$word]=1
    paths+=("$word:$(type -P "$word")")
done
if grep -q 'PG_CLUSTER_BIN' "${files[@]}"; then
    paths+=("initdb:/usr/lib/postgresql/15/bin/initdb" "pg_ctl:/usr/lib/postgresql/15/bin/pg_ctl")
fi

# dpkg knows /bin/x on a merged-/usr system where PATH finds /usr/bin/x, and the reverse.
owner() {
    local path=$1 alt
    dpkg -S "$path" 2>/dev/null && return 0
    alt=${path#/usr}
    [[ $alt == "$path" ]] && alt=/usr$path
    dpkg -S "$alt" 2>/dev/null && return 0
    dpkg -S "$(realpath "$path")" 2>/dev/null
}

rc=0
checked=0
for entry in "${paths[@]}"; do
    cmd=${entry%%:*} path=${entry#*:}
    if [[ ! -e $path ]]; then
        echo "UNCOVERED $cmd: $path is not installed on this machine"
        rc=1
        continue
    fi
    pkg=$(owner "$path" | head -n1 | cut -d: -f1) || pkg=
    if [[ -z $pkg ]]; then
        # update-alternatives links (c++, cc) belong to no package; the link's target does.
        pkg=$(dpkg -S "$(realpath "$path")" 2>/dev/null | head -n1 | cut -d: -f1) || pkg=
    fi
    if [[ -z $pkg ]]; then
        echo "UNCOVERED $cmd: $path belongs to no Debian package"
        rc=1
        continue
    fi
    checked=$((checked + 1))
    base=$(dpkg-query -W -f='${Essential} ${Priority}' "$pkg" 2>/dev/null || true)
    [[ $base == yes* || $base == *required ]] && continue
    printf '%s\n' "${listed[@]}" | grep -qxF "$pkg" && continue
    printf '%s\n' "${optional[@]}" | grep -qxF "$cmd" && continue
    echo "UNCOVERED $cmd: $path is in package $pkg, which $script does not install (add it to packages=)"
    rc=1
done
echo "$script: $checked commands checked against ${#listed[@]} packages"
exit "$rc"
