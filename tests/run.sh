#!/bin/sh
# tests/run.sh — runs every unit test binary and every end-to-end script,
# sums their "N passed, N failed" lines and ends with the total.
# Usage: tests/run.sh BUILD_DIR
build=${1:-build}
total_pass=0 total_fail=0 broken=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

run_one() {
    name=$1; shift
    "$@" >"$log" 2>&1
    status=$?
    line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    if [ -z "$line" ]; then
        echo "$name: no result line (exit $status)"
        cat "$log"
        broken=$((broken + 1))
        return
    fi
    p=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) passed, ([0-9]+) failed.*$/\2/')
    f=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) passed, ([0-9]+) failed.*$/\3/')
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
    if [ "$f" -ne 0 ] || [ "$status" -ne 0 ]; then
        cat "$log"
        [ "$f" -eq 0 ] && { echo "$name: exit $status"; broken=$((broken + 1)); }
    else
        echo "$name: $p passed"
    fi
}

for t in "$build"/tests/test_*; do
    [ -x "$t" ] || continue
    run_one "$(basename "$t")" "$t"
done
for s in tests/e2e/*.sh; do
    [ -f "$s" ] || continue
    [ "$(basename "$s")" = lib.sh ] && continue
    run_one "$(basename "$s" .sh)" sh "$s" "$build"
done
total_fail=$((total_fail + broken))
echo "total: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
