#!/bin/sh
# tests/e2e/hostile.sh — hostile rule files (tests/hostile/*.lua), each run
# beside the built-in pack on the samples: the run ends (no hang, no
# crash), the hostile rule's error says what the file's "-- expect:" line
# says, and the other rules' findings are byte-identical to a clean run.
BUILD=${1:-build}
. tests/e2e/lib.sh

INPUTS="samples/shipyard-deal-reports.txt samples/telecom-takeover-rumours.txt samples/port-fire-sabotage-claims.txt"
"$SPINDLE" scan --format jsonl -q $INPUTS > "$WORK/clean.jsonl" 2>/dev/null
for f in tests/hostile/*.lua; do
    name=$(basename "$f" .lua)
    want=$(sed -n '1s/^-- expect: //p' "$f")
    SPINDLE_RULE_SECONDS=1 timeout 120 "$SPINDLE" --rules "+$f" scan --format jsonl -q $INPUTS \
        > "$WORK/$name.jsonl" 2> "$WORK/$name.err"
    status=$?
    [ "$status" -ne 124 ] && [ "$status" -lt 128 ]
    expect_true "$name: the run ends (exit $status)"
    if grep -qF "$want" "$WORK/$name.err"; then ok; else
        fail "$name: stderr lacks '$want'"; head -3 "$WORK/$name.err"
    fi
    grep -v '"rule":"hostile-' "$WORK/$name.jsonl" | python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    if r["type"] == "article": r.pop("score"); r.pop("band"); r.pop("findings")
    print(json.dumps(r, sort_keys=True))' > "$WORK/$name.others"
    python3 -c '
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r["type"] == "article": r.pop("score"); r.pop("band"); r.pop("findings")
    print(json.dumps(r, sort_keys=True))' "$WORK/clean.jsonl" > "$WORK/clean.others"
    cmp -s "$WORK/clean.others" "$WORK/$name.others"
    expect_true "$name: the other rules' findings are unchanged"
done

finish
