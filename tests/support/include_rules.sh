#!/usr/bin/env bash
# The folder rule, checked (issue 14): each driver/ folder's README says which other folders (or
# single headers) its files may include, in its "May include …" sentence; this script reads those
# sentences and every `#include "folder/…"` under driver/, and fails on an edge the README does not
# allow. The READMEs are the one statement of the rule, so code and rule cannot drift apart.
#
#   tests/support/include_rules.sh [DRIVER_DIR]     (default: driver/ of this checkout)
#
# The rule text is the paragraph holding "May include", cut at its first "never"/"Never"/"; no"/
# ": no"; the allowed entries are its backticked `folder/` (the whole folder) and `folder/file.h`
# (that header only). A folder's own headers are always allowed; <libpq-fe.h> only in wire/*.cpp.
# Exit status: 0 when every edge is allowed, 1 with one line per forbidden edge.
set -euo pipefail

driver=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../driver" && pwd)}
rc=0
edges=0

# shellcheck disable=SC2016 # the backticks are README text, not a command substitution
allowed_for() {
    local readme=$1
    # The paragraph (up to the next blank line) from "May include", cut at the first negation.
    sed -n '/May include/,/^$/p' "$readme" | tr '\n' ' ' \
        | sed -E 's/.*(May include)/\1/; s/([Nn]ever|[;:] no ).*//' \
        | grep -oE '`[a-z_]+/([a-z_/]+\.h)?`' | tr -d '`' || true
}

for dir in "$driver"/*/; do
    folder=$(basename "$dir")
    readme=$dir/README.md
    if [[ ! -f $readme ]] || ! grep -q 'May include' "$readme"; then
        echo "driver/$folder: no README.md with a \"May include\" rule"
        rc=1
        continue
    fi
    mapfile -t allowed < <(allowed_for "$readme")
    while IFS=: read -r file _ include; do
        edges=$((edges + 1))
        target=${include#*\"}
        target=${target%\"*}
        to=${target%%/*}
        [[ $to == "$folder" ]] && continue
        ok=0
        for entry in "${allowed[@]}"; do
            if [[ $entry == "$to/" || $entry == "$target" ]]; then
                ok=1
                break
            fi
        done
        if ((!ok)); then
            echo "driver/$folder: ${file#"$driver"/} includes $target, which driver/$folder/README.md does not allow"
            rc=1
        fi
    done < <(grep -rnE '^#include "[a-z_]+/[^"]+"' --include='*.h' --include='*.cpp' "$dir" || true)
done

# libpq stays behind wire/: its headers forward-declare libpq's structs (wire/README.md).
while IFS= read -r line; do
    echo "${line#"$driver"/}: only wire/*.cpp may include <libpq-fe.h>"
    rc=1
done < <(grep -rnE '^#include <libpq-fe\.h>' "$driver" | grep -vE "^$driver/wire/[^/:]+\.cpp:" || true)

echo "include rules: $edges cross-file includes checked against the driver/*/README.md rules"
exit "$rc"
