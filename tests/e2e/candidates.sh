# End-to-end: after one rule with needs words is edited, score finds the
# articles to read in the full-text index instead of reading them all. The
# archive must end exactly as when every article is read
# (SPINDLE_SCORE_NO_INDEX=1): findings with their keys, rule errors, scored
# pairs, article scores and runs; and findings and top as a fresh archive
# scored with the edited rules gives them. The inputs are the samples, BBC
# business by path, and articles whose needs words lie inside tokens
# ("35bn", "UNCONFIRMED"), behind the Kelvin sign or the long s, across
# white space, in the title only, in a token longer than the index keeps,
# and in text with accents, combining marks and full-width letters.
BUILD=$1
. tests/e2e/lib.sh
DATA="$ROOT/tests/data/candidates"
RULES="$WORK/rules"
mkdir -p "$RULES"
cp "$ROOT"/rules/*.lua "$DATA/probe.lua" "$RULES/"
INPUTS="$ROOT/samples $DATA/articles.jsonl"
[ -d "$CORPUS/entertainment" ] && INPUTS="$INPUTS $CORPUS/entertainment"

S() { s_db=$1; shift; "$SPINDLE" --db "$s_db" --rules "$RULES" --color never "$@"; }

# dump DB: every table score writes, without the clock and process columns.
dump() {
    python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
queries = [
    "SELECT * FROM findings ORDER BY pk",
    "SELECT * FROM rule_errors ORDER BY pk",
    "SELECT * FROM scored ORDER BY article_pk, rule_pk",
    "SELECT article_pk, score, findings, run_pk FROM article_scores ORDER BY article_pk",
    "SELECT pk, status, ruleset_hash, rules, articles, scored, rule_calls, skipped, findings,"
    " errors, snapshot FROM runs ORDER BY pk",
    "SELECT * FROM run_findings ORDER BY run_pk, article_pk, rule_id, part, start, stop",
    "SELECT pk, id, source_hash, title, severity, weight, file, line FROM rules ORDER BY pk",
]
for q in queries:
    print("--", q)
    for row in db.execute(q):
        print(repr(row))
PY
}

# rescore NAME: scores $WORK/fast.db (with the index) and $WORK/slow.db
# (reading every article) with the rules as they are now, and compares.
rescore() {
    run S "$WORK/fast.db" score
    expect_status 0 "$1: score with the index"
    fast_summary=$(printf "%s\n" "$OUT" | sed 's/^run [0-9]* //')
    SPINDLE_SCORE_NO_INDEX=1 run S "$WORK/slow.db" score
    expect_status 0 "$1: score reading every article"
    slow_summary=$(printf "%s\n" "$OUT" | sed 's/^run [0-9]* //')
    expect_eq "$fast_summary" "$slow_summary" "$1: the same summary"
    dump "$WORK/fast.db" >"$WORK/fast.dump"
    dump "$WORK/slow.db" >"$WORK/slow.dump"
    if cmp -s "$WORK/fast.dump" "$WORK/slow.dump"; then ok
    else fail "$1: archives differ"; diff "$WORK/slow.dump" "$WORK/fast.dump" | head -10; fi
}

# --- one archive, scored once, in two copies
# shellcheck disable=SC2086
S "$WORK/fast.db" ingest $INPUTS >/dev/null 2>&1
run S "$WORK/fast.db" score
expect_status 0 "first score"
cp "$WORK/fast.db" "$WORK/slow.db"
[ -f "$WORK/fast.db-wal" ] && cp "$WORK/fast.db-wal" "$WORK/slow.db-wal"

# --- the probe's message changes: every finding of it changes
sed -i 's/"probe v1"/"probe v2"/' "$RULES/probe.lua"
rescore "probe message"
n=$(sqlite3 "$WORK/fast.db" "SELECT COUNT(*) FROM fts_terms_state")
expect_eq "$n" 1 "the index's terms were listed (the candidates were used)"
for id in p-bn p-unconfirmed p-kelvin p-long-s p-spaces p-long-token p-cut-token p-accents p-mark; do
    n=$(sqlite3 "$WORK/fast.db" "SELECT COUNT(*) FROM findings f JOIN articles a ON a.pk = f.article_pk
        WHERE a.id = '$id' AND f.rule_id = 'needs-probe' AND f.message = 'probe v2'")
    [ "$n" -gt 0 ]; expect_true "$id: found through the index ($n findings)"
done
for id in p-none p-fullwidth; do
    n=$(sqlite3 "$WORK/fast.db" "SELECT COUNT(*) FROM findings f JOIN articles a ON a.pk = f.article_pk
        WHERE a.id = '$id' AND f.rule_id = 'needs-probe'")
    expect_eq "$n" 0 "$id: nothing to find"
done

# --- its words change: articles with only "confirm" lose their findings
# without being read, and their scores change
sed -i 's/"bn", "confirm", /"bn", /; s/"probe v2"/"probe v3"/' "$RULES/probe.lua"
rescore "probe words"
n=$(sqlite3 "$WORK/fast.db" "SELECT COUNT(*) FROM findings WHERE rule_id = 'needs-probe'
    AND lower(text) LIKE '%confirm%'")
expect_eq "$n" 0 "no finding left of a word the rule dropped"

# --- a shipped rule with needs words, and two rules of one file at once
printf '\n-- edited by tests/e2e/candidates.sh\n' >>"$RULES/sourcing_denial.lua"
rescore "sourcing_denial.lua"
printf '\n-- edited by tests/e2e/candidates.sh\n' >>"$RULES/fabrication_claims.lua"
rescore "fabrication_claims.lua"
# a rule with a word the index cannot look for ("$"): every article is read
printf '\n-- edited by tests/e2e/candidates.sh\n' >>"$RULES/figures.lua"
rescore "figures.lua"

# --- the same as a fresh archive scored with the edited rules
# shellcheck disable=SC2086
S "$WORK/fresh.db" ingest $INPUTS >/dev/null 2>&1
S "$WORK/fresh.db" score >/dev/null 2>&1
# normalized FILE: its JSON lines without the findings' keys ("id": the
# fresh archive numbers its findings otherwise), sorted (ties in score
# are listed in key order)
normalized() {
    python3 - "$1" <<'PY'
import json, sys
def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k != "id"}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v
lines = [json.dumps(strip(json.loads(l)), sort_keys=True, ensure_ascii=False)
         for l in open(sys.argv[1], encoding="utf-8")]
print("\n".join(sorted(lines)))
PY
}
for db in fast fresh; do
    S "$WORK/$db.db" findings --format jsonl >"$WORK/$db.jsonl"
    normalized "$WORK/$db.jsonl" >"$WORK/$db.findings"
    S "$WORK/$db.db" top --limit 100000 --format jsonl >"$WORK/$db.jsonl"
    normalized "$WORK/$db.jsonl" >"$WORK/$db.top"
done
[ -s "$WORK/fresh.findings" ]; expect_true "the fresh archive has findings"
cmp -s "$WORK/fast.findings" "$WORK/fresh.findings"; expect_true "findings = a fresh archive's"
cmp -s "$WORK/fast.top" "$WORK/fresh.top"; expect_true "top = a fresh archive's"

# --- articles added: scored by every rule (all read), then the list of
# the index's terms is made again for the next edit
printf '{"id":"late-1","title":"Late","body":"A late article, its source unnamed, at 2bn."}\n' \
    >"$WORK/late.jsonl"
S "$WORK/fast.db" ingest "$WORK/late.jsonl" >/dev/null 2>&1
S "$WORK/slow.db" ingest "$WORK/late.jsonl" >/dev/null 2>&1
rescore "after an ingest"
sed -i 's/"probe v3"/"probe v4"/' "$RULES/probe.lua"
rescore "an edit after an ingest"
n=$(sqlite3 "$WORK/fast.db" "SELECT articles FROM fts_terms_state")
total=$(sqlite3 "$WORK/fast.db" "SELECT COUNT(*) FROM articles")
expect_eq "$n" "$total" "the list of terms was made again for the added article"

[ -n "$KEEP" ] && cp -r "$WORK" "$KEEP"
finish
