#!/bin/sh
# tests/e2e/hostile.sh — hostile rule files (tests/hostile/*.lua), each run
# beside the built-in pack on the samples: the run ends (no hang, no crash)
# with exit 1 (a rule error or a rule file that did not load), the hostile
# rule's error says what the file's "-- expect:" line says, the process's
# peak memory stays under the documented bound, and the other rules'
# findings are byte-identical to a clean run. memory-hog.lua runs on twelve
# articles with one job, enough for it to be measured and turned off.
BUILD=${1:-build}
. tests/e2e/lib.sh

# Peak memory bound (docs/security.md): the Lua state's 512 MiB, the
# findings of one rule on one article (16 MiB), the regex cache (256 MiB)
# and the process itself. Sanitizers add their own shadow and quarantine.
max_rss_mb=1200
sanitized && max_rss_mb=4000

# peak RSS in MiB of the last hostile_run, from GNU time when it is there
peak_mb() {
    kb=$(tail -n 1 "$WORK/rss" 2>/dev/null)
    case $kb in ''|*[!0-9]*) echo 0 ;; *) echo $((kb / 1024)) ;; esac
}

# hostile_run NAME FILE JOBS INPUTS...: runs the hostile file beside the pack
hostile_run() {
    name=$1 file=$2 jobs=$3
    shift 3
    : > "$WORK/rss"
    if /usr/bin/time -f %M true >/dev/null 2>&1; then
        SPINDLE_RULE_SECONDS=1 timeout 300 /usr/bin/time -o "$WORK/rss" -f %M \
            "$SPINDLE" --rules "+$file" scan --jobs "$jobs" --format jsonl -q "$@" \
            > "$WORK/$name.jsonl" 2> "$WORK/$name.err"
    else
        SPINDLE_RULE_SECONDS=1 timeout 300 \
            "$SPINDLE" --rules "+$file" scan --jobs "$jobs" --format jsonl -q "$@" \
            > "$WORK/$name.jsonl" 2> "$WORK/$name.err"
    fi
}

# others FILE: the findings and errors of every rule but the hostile ones,
# without the article scores (which the hostile rule may change)
others() {
    python3 -c '
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r.get("rule", "").startswith("hostile-"): continue
    if r["type"] == "article": r.pop("score"); r.pop("band"); r.pop("findings")
    print(json.dumps(r, sort_keys=True))' "$1"
}

INPUTS="samples/shipyard-deal-reports.txt samples/telecom-takeover-rumours.txt samples/port-fire-sabotage-claims.txt"
MANY="$INPUTS $INPUTS $INPUTS $INPUTS"
"$SPINDLE" scan --format jsonl -q $INPUTS > "$WORK/clean.jsonl" 2>/dev/null
others "$WORK/clean.jsonl" > "$WORK/clean.others"
"$SPINDLE" scan --jobs 1 --format jsonl -q $MANY > "$WORK/clean-many.jsonl" 2>/dev/null
others "$WORK/clean-many.jsonl" > "$WORK/clean-many.others"

for f in tests/hostile/*.lua; do
    name=$(basename "$f" .lua)
    want=$(sed -n '1s/^-- expect: //p' "$f")
    baseline=clean
    [ "$name" = memory-hog ] && baseline=clean-many
    if [ "$name" = memory-hog ]; then
        hostile_run "$name" "$f" 1 $MANY
    else
        hostile_run "$name" "$f" 2 $INPUTS
    fi
    status=$?
    [ "$status" -eq 1 ]
    expect_true "$name: the run ends with exit 1 (exit $status)"
    if grep -qF "$want" "$WORK/$name.err"; then ok; else
        fail "$name: stderr lacks '$want'"; head -3 "$WORK/$name.err"
    fi
    peak=$(peak_mb)
    [ "$peak" -le "$max_rss_mb" ]
    expect_true "$name: peak memory $peak MiB is within $max_rss_mb MiB"
    others "$WORK/$name.jsonl" > "$WORK/$name.others"
    cmp -s "$WORK/$baseline.others" "$WORK/$name.others"
    expect_true "$name: the other rules' findings are unchanged"
done

finish
