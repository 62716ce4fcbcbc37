# shellcheck shell=bash
# Sourceable: run a doctest binary's cases from a test script and fail unless at least one case
# passed — cases that were all skipped (their environment missing) would prove nothing.
#
#   doctest_cases LABEL COMMAND...
#       runs COMMAND (e.g. env VAR=x "$tests" -tc='pool:*'); on failure, or when no case passed,
#       prints its output and "LABEL: no case ran" and returns 1; otherwise prints the summary line.
doctest_cases() {
    local label=$1 out
    shift
    if ! out=$("$@" 2>&1); then
        echo "$out"
        return 1
    fi
    if ! grep -qE 'test cases: *[0-9]+ \| *[1-9][0-9]* passed' <<<"$out"; then
        echo "$out"
        echo "$label: no case ran" >&2
        return 1
    fi
    grep -E 'test cases:' <<<"$out"
}
