#!/bin/sh
# tests/e2e/verdict.sh — spindle verdict: judging findings and articles,
# verdicts surviving re-scoring, a false finding leaving the score, and
# import/export in the judged fixture's shape (tests/quality/verdicts.jsonl).
BUILD=${1:-build}
. tests/e2e/lib.sh

S="$SPINDLE --db $WORK/a.db"
$S ingest "$ROOT/samples" >/dev/null && $S score -q
expect_true "ingest and score the samples"
TELECOM="$ROOT/samples/telecom-takeover-rumours.txt"

# the finding to judge: the deal size on the telecom story
id=$($S findings --format jsonl --rule contract-size-unsourced | python3 -c '
import json, sys
for line in sys.stdin:
    f = json.loads(line)
    if f["article"].endswith("telecom-takeover-rumours.txt"): print(f["id"])')
[ -n "$id" ]
expect_true "findings give each stored finding an id"
score_of() { # the article score of the telecom story
    $S top --limit 100 --format jsonl | python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    if r["type"] == "article" and r["article"].endswith("telecom-takeover-rumours.txt"): print(r["score"])'
}
before=$(score_of)

run $S verdict "$id" false --note "the source is named below"
expect_status 0 "verdict FINDING false"
expect_err "finding #$id: false" "the verdict is confirmed"
after=$(score_of)
# the score is the noisy-OR of the other rules' strongest findings
want=$($S findings --format jsonl --article "$TELECOM" | python3 -c '
import json, sys
best = {}
for line in sys.stdin:
    f = json.loads(line)
    if f.get("verdict") == "false": continue
    best[f["rule"]] = max(best.get(f["rule"], 0), f["score"])
keep = 1.0
for s in best.values(): keep *= 1 - s
print("%.4g" % (1 - keep))')
expect_eq "$after" "$want" "a false finding leaves its article's score"
python3 -c "import sys; sys.exit(0 if float('$after') < float('$before') else 1)"
expect_true "the score went down ($before -> $after)"

run $S findings --format jsonl --article "$TELECOM"
expect_out '"verdict":"false","note":"the source is named below"' "findings show the verdict and note"
run $S findings --article "$TELECOM"
expect_out "[judged false: the source is named below]" "text findings show the verdict"
run $S show "$TELECOM"
expect_out "judged false: the source is named below" "show shows the verdict"

run $S verdict --article "$TELECOM" misleading --note "rumour piece"
expect_status 0 "verdict --article"
run $S show "$TELECOM"
expect_out "verdict on the article: misleading: rumour piece" "show shows the article verdict"

# re-scoring makes new findings; the verdict follows the flagged text
$S score --force -q
run $S findings --format jsonl --article "$TELECOM" --rule contract-size-unsourced
expect_out '"verdict":"false"' "the verdict survives re-scoring"
expect_eq "$(score_of)" "$after" "and the score still leaves the false finding out"

# export, then import into another archive
run $S verdict --export "$WORK/verdicts.jsonl"
expect_status 0 "verdict --export"
expect_eq "$(cat "$WORK/verdicts.jsonl")" "{\"article\":\"$TELECOM\",\"verdict\":\"misleading\",\"reason\":\"rumour piece\"}
{\"article\":\"$TELECOM\",\"rule\":\"contract-size-unsourced\",\"text\":\"\$9.5bn\",\"verdict\":\"false\",\"reason\":\"the source is named below\"}" \
    "the export is the fixture's shape"
B="$SPINDLE --db $WORK/b.db"
$B ingest "$ROOT/samples" >/dev/null && $B score -q
run $B verdict --import "$WORK/verdicts.jsonl"
expect_status 0 "verdict --import"
expect_err "imported 1 finding verdict (1 on findings the archive holds now) and 1 article verdict; skipped 0" "the import counts"
run $B verdict --export -
expect_eq "$OUT" "$(cat "$WORK/verdicts.jsonl")" "import then export gives the same verdicts"

# bad lines are reported with file:line; the good ones are stored
printf '%s\n' '{"article":"x","rule":"r","text":"t","verdict":"maybe"}' 'not json' \
    '{"article":"nowhere","verdict":"accurate"}' > "$WORK/bad.jsonl"
run $B verdict --import "$WORK/bad.jsonl"
expect_status 1 "an import with bad lines"
expect_err "bad.jsonl:1: verdict 'maybe' must be true, useful or false" "a bad verdict named with its line"
expect_err "bad.jsonl:2: not a JSON object" "a line that is not JSON"
expect_err "skipped 1 (article not in the archive), rejected 2" "an unknown article is skipped"

# one format serves both: the judged fixture of the quality work imports
# into an archive of the BBC corpus (ids as the fixture writes them)
(cd "$ROOT/../shared/corpora" && "$SPINDLE" --db "$WORK/bbc.db" ingest bbc >/dev/null &&
    "$SPINDLE" --db "$WORK/bbc.db" --enable all score -q)
run "$SPINDLE" --db "$WORK/bbc.db" --enable all verdict --import tests/quality/verdicts.jsonl
expect_status 0 "the judged fixture imports"
n=$(grep -c . tests/quality/verdicts.jsonl)
# (an article whose text another file repeats is stored once: its twin's verdicts are skipped)
got=$(printf '%s\n' "$ERR" | grep '^imported' | sed -E 's/^imported ([0-9]+) finding.*skipped ([0-9]+) .*rejected 0$/\1 + \2/')
expect_eq "$(($got))" "$n" "every line of the fixture is stored or skipped, none rejected"
judged=$("$SPINDLE" --db "$WORK/bbc.db" findings --format jsonl | grep -c '"verdict"')
[ "$judged" -gt 20 ]
expect_true "current BBC findings carry the fixture's verdicts ($judged)"

# mistakes
run $S verdict 99999 true
expect_status 1 "a finding id that does not exist"
expect_err "no finding #99999" "says so"
run $S verdict "$id" maybe
expect_status 2 "an unknown verdict"
run $S verdict --article nowhere misleading
expect_status 1 "an unknown article"
run $S verdict --article "$TELECOM" false
expect_status 2 "a finding verdict on an article"
run $S verdict abc true
expect_status 2 "a finding id that is not a number"

finish
