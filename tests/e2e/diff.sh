#!/bin/sh
# tests/e2e/diff.sh — spindle diff: findings added, removed and re-scored
# between two runs, counts per rule and per article, exit 0 when equal.
BUILD=${1:-build}
. tests/e2e/lib.sh

D="$WORK/d.db"
S="$SPINDLE --db $D"
$S ingest samples >/dev/null                      # ids samples/...: stable output
$S score -q                                       # run 1: the pack as it ships
$S score --force -q                               # run 2: the same again
run $S diff 1 2
expect_status 0 "diff of two equal runs"
expect_out "run 1 -> run 2: 0 added, 0 removed, 0 re-scored" "equal runs"

$S --enable all score -q                          # run 3: the rules that ship off too
run $S diff -v 2 3
expect_status 1 "diff of runs that differ"
if [ "$OUT" = "$(cat tests/golden/diff-samples.txt)" ]; then ok; else
    fail "diff -v 2 3 differs from tests/golden/diff-samples.txt"
    printf '%s\n' "$OUT" | diff tests/golden/diff-samples.txt - | head -20
fi
n2=$($S findings --format jsonl --run 0 | grep -c .)
added=$($S diff --format json 2 3 | python3 -c 'import json,sys; print(json.load(sys.stdin)["counts"]["added"])')
before=$(sqlite3 "$D" "SELECT COUNT(*) FROM run_findings WHERE run_pk = 2")
expect_eq "$((before + added))" "$n2" "added = the findings the rules turned on brought"

# a re-weighted rule re-scores its findings
mkdir -p "$WORK/rules"
cp rules/*.lua "$WORK/rules/"
sed -i 's/^  weight   = 0.7,$/  weight   = 0.6,/' "$WORK/rules/figures.lua"
grep -q "weight   = 0.6" "$WORK/rules/figures.lua"
expect_true "the test re-weights contract-size-unsourced"
$S --rules "$WORK/rules" --enable all score -q   # run 4
run $S diff --format json -v 3 4
expect_status 1 "diff after re-weighting"
printf '%s\n' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["counts"] == {"added": 0, "removed": 0, "rescored": 3}, d["counts"]
assert list(d["by_rule"]) == ["contract-size-unsourced"]
for f in d["findings"]:
    assert f["change"] == "rescored" and abs(f["old_score"] - 0.7) < 1e-9 and abs(f["score"] - 0.6) < 1e-9, f'
expect_true "re-scored findings carry the old and the new score"

$S score -q                                       # run 5: back to the rules that ship on
run $S diff 4 5
expect_out "0 added, $added removed, 3 re-scored" "the rules turned off again: their findings removed"
expect_out "contract-size-unsourced        0        0          3" "and contract-size-unsourced back at its weight"

# runs that cannot be compared
run $S diff 1 99
expect_status 2 "a run that does not exist"
expect_err "there is no run 99" "named"
sqlite3 "$D" "UPDATE runs SET snapshot = 0 WHERE pk = 1"
run $S diff 1 2
expect_status 2 "a run with no snapshot"
expect_err "run 1 has no snapshot" "named"
run $S diff 1
expect_status 2 "one run only"
run $S diff x 2
expect_status 2 "not a run number"

# the BBC corpus: scoring twice changes nothing
B="$SPINDLE --db $WORK/bbc.db"
$B ingest "$CORPUS" >/dev/null 2>&1 && $B score -q && $B score --force -q
run $B diff 1 2
expect_status 0 "two scorings of the BBC corpus are equal"
run $B --enable all score -q
run $B diff 2 3
expect_status 1 "turning every rule on adds BBC findings"

finish
