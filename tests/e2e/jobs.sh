# End-to-end: scoring on several worker threads. scan and score give the
# same output, in the same order, for 1, 2 and 4 jobs; a score --jobs 2
# killed mid-run and resumed ends with the same archive as an uninterrupted
# run; after one rule is edited, only that rule runs again.
BUILD=$1
. tests/e2e/lib.sh

# --- the input: the samples and, where the corpus is here, BBC business
INPUTS="$ROOT/samples"
[ -d "$CORPUS/business" ] && INPUTS="$INPUTS $CORPUS/business"

# --- scan: byte-identical for 1, 2 and 4 jobs, in every format
for fmt in jsonl text csv; do
    for j in 1 2 4; do
        # shellcheck disable=SC2086
        "$SPINDLE" --enable all --color never scan --all --jobs $j --format $fmt -q $INPUTS \
            >"$WORK/scan.$fmt.$j" 2>"$WORK/scan.err.$j"
        expect_eq "$?" 0 "scan --jobs $j --format $fmt"
    done
    cmp -s "$WORK/scan.$fmt.1" "$WORK/scan.$fmt.2"; expect_true "scan $fmt: 2 jobs = 1 job"
    cmp -s "$WORK/scan.$fmt.1" "$WORK/scan.$fmt.4"; expect_true "scan $fmt: 4 jobs = 1 job"
done
n=$(grep -c '"type":"article"' "$WORK/scan.jsonl.1")
[ "$n" -gt 10 ]; expect_true "scan saw the articles ($n)"

# --- score: the same archive contents for 1, 2 and 4 jobs
for j in 1 2 4; do
    # shellcheck disable=SC2086
    "$SPINDLE" --db "$WORK/s$j.db" ingest $INPUTS >/dev/null 2>&1
    run "$SPINDLE" --db "$WORK/s$j.db" --enable all score --jobs $j
    expect_status 0 "score --jobs $j"
    printf "%s\n" "$OUT" | sed 's/^run [0-9]* //' >"$WORK/summary.$j"
    "$SPINDLE" --db "$WORK/s$j.db" findings --format jsonl >"$WORK/findings.$j"
    "$SPINDLE" --db "$WORK/s$j.db" top --limit 100000 --format jsonl >"$WORK/top.$j"
done
for j in 2 4; do
    cmp -s "$WORK/summary.1" "$WORK/summary.$j"; expect_true "score summary: $j jobs = 1 job"
    cmp -s "$WORK/findings.1" "$WORK/findings.$j"; expect_true "findings: $j jobs = 1 job"
    cmp -s "$WORK/top.1" "$WORK/top.$j"; expect_true "article scores: $j jobs = 1 job"
done
[ -s "$WORK/findings.1" ]; expect_true "score found something to compare"

# --- scan and score agree with more than one job
python3 - "$WORK/scan.jsonl.2" "$WORK/findings.2" <<'PY'
import json, sys
def keys(path):
    out = set()
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if r["type"] == "finding":
            out.add((r["article"].split("/")[-1], r["rule"], r.get("part"), r["start"], r["end"], r["message"]))
    return out
a, b = keys(sys.argv[1]), keys(sys.argv[2])
assert a == b, (len(a), len(b), sorted(a ^ b)[:5])
PY
expect_true "scan --jobs 2 and score --jobs 2 give the same findings"

# --- kill -9 during score --jobs 2, resume: the same as an uninterrupted run
python3 - "$WORK/many.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(20000):
        f.write(json.dumps({"id": "k%d" % i, "title": "T%d" % i,
            "body": "Report %d. Acme will pay $%d.5bn for the unit, a person briefed on the talks said." % (i, i)}) + "\n")
PY
"$SPINDLE" --db "$WORK/whole.db" ingest "$WORK/many.jsonl" >/dev/null 2>&1
cp "$WORK/whole.db" "$WORK/kill.db"
[ -f "$WORK/whole.db-wal" ] && cp "$WORK/whole.db-wal" "$WORK/kill.db-wal"
"$SPINDLE" --db "$WORK/whole.db" score --jobs 1 >/dev/null 2>&1
"$SPINDLE" --db "$WORK/kill.db" score --jobs 2 >/dev/null 2>&1 &
pid=$!
tries=0
while [ "$(sqlite3 "$WORK/kill.db" "select count(*) from scored" 2>/dev/null || echo 0)" -lt 400 ] && [ $tries -lt 300 ]; do
    sleep 0.02; tries=$((tries + 1))
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
partial=$(sqlite3 "$WORK/kill.db" "select count(distinct article_pk) from scored")
[ "$partial" -lt 20000 ]; expect_true "score --jobs 2 killed mid-run ($partial of 20000 scored)"
expect_eq "$(sqlite3 "$WORK/kill.db" "pragma integrity_check")" ok "integrity_check after kill -9"
run "$SPINDLE" --db "$WORK/kill.db" score --jobs 2
expect_status 0 "resumed score --jobs 2"
"$SPINDLE" --db "$WORK/whole.db" findings --format jsonl | sort >"$WORK/whole.findings"
"$SPINDLE" --db "$WORK/kill.db" findings --format jsonl | sort >"$WORK/kill.findings"
cmp -s "$WORK/whole.findings" "$WORK/kill.findings"; expect_true "interrupted + resumed = uninterrupted findings"
expect_eq "$(wc -l <"$WORK/whole.findings" | tr -d ' ')" 20000 "a finding per article, none lost or doubled"
"$SPINDLE" --db "$WORK/whole.db" top --limit 100000 --format jsonl | sort >"$WORK/whole.top"
"$SPINDLE" --db "$WORK/kill.db" top --limit 100000 --format jsonl | sort >"$WORK/kill.top"
cmp -s "$WORK/whole.top" "$WORK/kill.top"; expect_true "interrupted + resumed = uninterrupted article scores"

# --- edit one rule: with 2 jobs only that rule runs again
mkdir -p "$WORK/rules"
for word in deal talks; do
    cat >"$WORK/rules/$word.lua" <<LUA
rule { id = "says-$word", title = "t", severity = "low", weight = 0.5,
  description = "d", check = function(doc, report)
    for m in doc:find(spindle.re("$word")) do report { at = m, message = "$word" } end
  end,
  examples = { flag = { "$word", "a $word", "the $word", "one $word" }, pass = { "a", "b", "c", "d" } } }
LUA
done
"$SPINDLE" --db "$WORK/edit.db" ingest "$ROOT/samples" >/dev/null 2>&1
articles=$(sqlite3 "$WORK/edit.db" "select count(*) from articles")
"$SPINDLE" --db "$WORK/edit.db" --rules "$WORK/rules" score --jobs 2 >/dev/null 2>&1
sed -i 's/message = "talks"/message = "talks!"/' "$WORK/rules/talks.lua"
run "$SPINDLE" --db "$WORK/edit.db" --rules "$WORK/rules" score --jobs 2
expect_err "$articles articles, $articles scored, $articles rule calls" "only the edited rule runs again"

finish
