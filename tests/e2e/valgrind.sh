#!/bin/sh
# tests/e2e/valgrind.sh — memcheck finds nothing in a scan of three samples
# with every rule on, a check, and an ingest and score into an archive.
# (The PCRE2 JIT turns itself off under valgrind, whose reports inside JIT
# code are false positives.) Sanitizer builds cannot run under valgrind:
# there the script checks only that the scan succeeds.
BUILD=${1:-build}
. tests/e2e/lib.sh

INPUTS="samples/shipyard-deal-reports.txt samples/telecom-takeover-rumours.txt samples/port-fire-sabotage-claims.txt"
VG=
if ! sanitized; then
    if ! command -v valgrind >/dev/null 2>&1; then
        fail "valgrind is not installed (.ci/run installs it)"
        finish
    fi
    VG="valgrind -q --error-exitcode=99 --leak-check=no"
fi

run $VG "$SPINDLE" --rules rules --enable all scan --jobs 2 --format jsonl $INPUTS
expect_status 0 "scan under valgrind"
expect_out '"type":"finding"' "scan under valgrind reports findings"
run $VG "$SPINDLE" check rules
expect_status 0 "check under valgrind"
run $VG "$SPINDLE" --db "$WORK/v.db" ingest $INPUTS
expect_status 0 "ingest under valgrind"
run $VG "$SPINDLE" --db "$WORK/v.db" score --jobs 2
expect_status 0 "score under valgrind"
finish
