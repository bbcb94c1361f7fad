#!/bin/sh
# tests/e2e/eval.sh — spindle eval against numbers worked out by hand on a
# labelled set written for the test (tests/data/eval-labelled.jsonl), and
# on the labelled development set.
BUILD=${1:-build}
. tests/e2e/lib.sh

# Six articles: p1 and p2 (fake) get a deal-size finding (0.7), n1 (real) a
# question-headline finding (0.2), p3 (fake), n2 and n3 (real) none.
#   AUC: p1, p2 beat all three negatives (6 pairs); p3 loses to n1 and ties
#   n2, n3 (1): 7/9 = 0.778. Best F1 at score >= 0.7: P 1, R 2/3, F1 0.8.
#   Length (body characters 70, 75, 34 against 68, 53, 55): 6/9 = 0.667.
#   contract-size-unsourced hits 2 of 3 positives, no negative: S/O 1, rank 1;
#   question-headline 1 of 3 negatives: S/O 0, rank 2.
LABELS="$ROOT/tests/data/eval-labelled.jsonl"
S="$SPINDLE --db $WORK/e.db"
$S ingest "$LABELS" >/dev/null && $S score -q
run $S eval --labels "$LABELS" --format json
expect_status 0 "eval --labels"
check() { # PYTHON-EXPRESSIONS DESCRIPTION: asserts on the JSON in $OUT as e
    printf '%s\n' "$OUT" | python3 -c "
import json, sys
e = json.load(sys.stdin)
r = {x['rule']: x for x in e['rules']}
close = lambda a, b: abs(a - b) < 1e-9
$1"
    expect_true "$2"
}
check "assert (e['articles'], e['positives'], e['negatives']) == (6, 3, 3)" "six labelled articles, three of each"
check "assert close(e['auc'], 7/9), e['auc']" "AUC 7/9"
check "assert e['auc_interval'][0] <= 7/9 <= e['auc_interval'][1]" "the bootstrap interval holds the AUC"
check "assert close(e['best_f1']['f1'], 0.8) and close(e['best_f1']['threshold'], 0.7) and close(e['best_f1']['precision'], 1) and close(e['best_f1']['recall'], 2/3), e['best_f1']" "best F1 0.8 at 0.7"
check "assert close(e['length_auc'], 6/9), e['length_auc']" "length AUC 6/9"
check "c = r['contract-size-unsourced']; assert (c['positive_hits'], c['negative_hits'], c['so'], c['rank']) == (2, 0, 1.0, 1), c" "contract-size: 2 positives hit, S/O 1, rank 1"
check "q = r['question-headline']; assert (q['positive_hits'], q['negative_hits'], q['so'], q['rank']) == (0, 1, 0.0, 2), q" "question-headline: 1 negative hit, S/O 0, rank 2"
check "assert r['loaded-language']['so'] is None and r['loaded-language']['rank'] is None" "a rule that hits nothing has no S/O"

run $S eval --labels "$LABELS"
expect_out "article score: ROC AUC 0.778" "the text report"
expect_out "contract-size-unsourced      66.7       0.0  1.000     1" "the text rule table"

# verdicts: p1 useful, p2 true, n1's finding false (it stops counting)
ids=$($S findings --format jsonl | python3 -c '
import json, sys
for line in sys.stdin:
    f = json.loads(line); print(f["article"] + "=" + str(f["id"]))')
for pair in $ids; do
    case $pair in p1=*) $S verdict "${pair#p1=}" useful >/dev/null ;;
                  p2=*) $S verdict "${pair#p2=}" true >/dev/null ;;
                  n1=*) $S verdict "${pair#n1=}" false >/dev/null ;; esac
done
run $S eval --labels "$LABELS" --format json
# n1 now scores 0: p3 ties all three negatives: (6 + 1.5) / 9
check "assert close(e['auc'], 7.5/9), e['auc']" "a false finding leaves the score: AUC 7.5/9"
check "c = r['contract-size-unsourced']; assert (c['judged'], c['precision']) == (2, 1.0), c" "precision from verdicts: 2 judged, 1.0"
check "q = r['question-headline']; assert (q['judged'], q['precision'], q['negative_hits']) == (1, 0.0, 0), q" "a rule whose only finding is false: precision 0, no hit"

# --fit: weights learned from the labels, written with --save, applied by
# scan and score with --weights (the coefficients themselves are checked
# against a synthetic set drawn with known ones in tests/unit/test_logit.c)
run $S eval --labels "$LABELS" --fit --save "$WORK/w.json" --format json
expect_status 0 "eval --fit --save"
printf '%s\n' "$OUT" | tail -n 1 > "$WORK/fit.json"
python3 - "$WORK/fit.json" "$WORK/w.json" <<'PY'
import json, sys
fit = json.load(open(sys.argv[1]))
w = json.load(open(sys.argv[2]))
assert fit["type"] == "fit" and fit["folds"] == 5 and fit["articles"] == 6
rows = {r["rule"]: r for r in fit["rules"]}
assert rows["contract-size-unsourced"]["coefficient"] > 0, rows
assert w["type"] == "weights" and set(w["weights"]) == set(rows), (w, rows)
for rule, weight in w["weights"].items():
    assert 0 < weight <= 1 and abs(weight - rows[rule]["fitted_weight"]) < 1e-9
PY
expect_true "the fit and the weights file agree; a rule that hits positives gets a positive coefficient"
want=$(python3 -c "import json; print('%.4g' % json.load(open('$WORK/w.json'))['weights']['contract-size-unsourced'])")
got=$($SPINDLE --weights "$WORK/w.json" scan --format jsonl -q "$LABELS" | python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    if r["type"] == "finding" and r["article"] == "p1": print("%.4g" % r["score"])')
expect_eq "$got" "$want" "scan --weights scores the finding with the fitted weight"
run $S --weights "$WORK/w.json" score
expect_err "rule calls" "score --weights"
case "$OUT" in *" 0 rule calls"*) fail "score --weights re-runs the re-weighted rules" ;; *) ok ;; esac
printf '{"weights": {"contract-size-unsourced": 1.5}}\n' > "$WORK/bad-w.json"
run $SPINDLE --weights "$WORK/bad-w.json" scan -q "$LABELS"
expect_status 2 "a weight outside (0, 1]"
expect_err "must be a number in (0, 1]" "the bad weight named"
run $S eval --save "$WORK/x.json"
expect_status 2 "--save without --fit"

# the same labels as CSV, and as verdicts on the articles
printf 'article,label\np1,1\np2,1\np3,1\nn1,0\nn2,0\n"n3",0\n' > "$WORK/labels.csv"
run $S eval --labels "$WORK/labels.csv" --format json
check "assert close(e['auc'], 7.5/9) and e['articles'] == 6" "CSV labels give the same numbers"
for a in p1 p2 p3; do $S verdict --article $a misleading >/dev/null; done
for a in n1 n2 n3; do $S verdict --article $a accurate >/dev/null; done
run $S eval --format json
check "assert close(e['auc'], 7.5/9) and e['articles'] == 6" "article verdicts as labels"

# mistakes
printf '{"id":"p1","label":"maybe"}\n{"id":"p2","label":"fake"}\n' > "$WORK/bad.jsonl"
run $S eval --labels "$WORK/bad.jsonl"
expect_status 1 "a labels file with a bad line (and one class only)"
expect_err "bad.jsonl:1: no label" "the bad line named"
printf 'name,value\n' > "$WORK/nohead.csv"
run $S eval --labels "$WORK/nohead.csv"
expect_status 1 "a CSV without article and label columns"
expect_err "needs an 'article'" "says which columns"

# the labelled development set (ReCOVery: labels by outlet)
R="$ROOT/../shared/corpora/recovery/articles.jsonl"
if [ -f "$R" ]; then
    $SPINDLE --db "$WORK/r.db" ingest "$R" >/dev/null && $SPINDLE --db "$WORK/r.db" score -q
    run $SPINDLE --db "$WORK/r.db" eval --labels "$R" --format json
    expect_status 0 "eval on the ReCOVery set"
    check "assert e['articles'] == 1196 and e['positives'] == 598 and 0.4 < e['auc'] < 1" "ReCOVery: 1,196 articles, an AUC"
fi

finish
