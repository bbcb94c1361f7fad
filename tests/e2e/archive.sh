# End-to-end: ingest, score (incremental, crash-safe), findings, top, show,
# search — on test articles with the stable test rules, in every format.
BUILD=$1
. tests/e2e/lib.sh
RULES="$ROOT/tests/data/rules/basic"
DATA="$ROOT/tests/data/articles"
DB="$WORK/a.db"
S() { "$SPINDLE" --db "$DB" --rules "$RULES" --color never "$@"; }

# --- ingest: summary line, rejections as file:line: reason
run S ingest "$DATA/mixed.jsonl" "$DATA/unicode.txt"
expect_status 1 "ingest with rejected lines exits 1 (after storing the rest)"
expect_err "added 4, skipped 0 duplicates, rejected 3" "ingest summary"
expect_err "mixed.jsonl:3: invalid JSON" "malformed line named"
expect_err "mixed.jsonl:5: missing \"body\"" "missing body named"
expect_err "mixed.jsonl:6: article id 'a2' is already in the archive with other content" "id conflict named"
run S ingest "$DATA/mixed.jsonl"
expect_err "added 0, skipped 3 duplicates, rejected 3" "second ingest skips duplicates"
n=$(sqlite3 "$DB" "select count(*) from articles")
expect_eq "$n" 4 "articles stored once"

# --- score: a run; the second does no rule work
run S score
expect_status 0 "score"
expect_err "run 1 done: 4 articles, 4 scored" "first run scores all"
calls1=$(sqlite3 "$DB" "select rule_calls from runs where pk = 1")
[ "$calls1" -gt 0 ]; expect_true "first run made rule calls ($calls1)"
run S score
expect_err "run 2 done: 4 articles, 0 scored, 0 rule calls, 8 article-rule pairs already scored" \
    "second run does no rule work"
run S score --force
expect_err "run 3 done: 4 articles, 4 scored" "--force scores again"
nf=$(sqlite3 "$DB" "select count(*) from findings")
expect_eq "$nf" 7 "findings not doubled by --force"

# --- a changed rule is re-run, an unchanged one is not
mkdir -p "$WORK/rules2"
cp "$RULES/basic.lua" "$WORK/rules2/basic.lua"
printf '\n-- a comment changes the source hash of every rule in this file\n' >> "$WORK/rules2/basic.lua"
run "$SPINDLE" --db "$DB" --rules "$WORK/rules2" score
expect_err "4 scored" "changed rule file is re-run"
nf=$(sqlite3 "$DB" "select count(*) from findings")
expect_eq "$nf" 7 "re-run of a changed rule replaces its findings"

# --- scan and score agree
S scan --format jsonl "$DATA/mixed.jsonl" "$DATA/unicode.txt" 2>/dev/null |
    python3 -c '
import json, sys
for line in sys.stdin:
    o = json.loads(line)
    if o["type"] == "finding":
        print(o["article"].split("/")[-1], o["rule"], o["start"], o["end"], o["score"], o["line"], o["col"])' |
    sort > "$WORK/scan.txt"
S findings --format jsonl | python3 -c '
import json, sys
for line in sys.stdin:
    o = json.loads(line)
    print(o["article"].split("/")[-1], o["rule"], o["start"], o["end"], o["score"], o["line"], o["col"])' |
    sort > "$WORK/score.txt"
if cmp -s "$WORK/scan.txt" "$WORK/score.txt" && [ -s "$WORK/scan.txt" ]; then ok; else
    fail "scan and score findings differ"; diff "$WORK/scan.txt" "$WORK/score.txt"; fi

# --- findings filters and formats
run S findings --rule big-money --format jsonl
expect_eq "$(printf "%s\n" "$OUT" | wc -l)" 4 "findings --rule"
expect_no_out "said-sources" "findings --rule filters"
run S findings --article a3 --format json
printf "%s\n" "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d)==3 and all(x["article"]=="a3" for x in d); assert [x["start"] for x in d]==sorted(x["start"] for x in d)'
expect_true "findings --article as json, in body order"
run S findings --min-score 0.5 --format csv
expect_out "type,article,title,score,findings,rule,severity,part,start,end,line,col,text,message,evidence" "csv header"
expect_no_out "said-sources" "min-score drops 0.4 findings"
python3 -c 'import csv,sys; rows=list(csv.DictReader(open(sys.argv[1]))); assert len(rows)==4, rows; assert rows[0]["evidence"].startswith("{")' "$WORK/.out"
expect_true "csv parses"
run S findings --run 3 --format jsonl
[ -z "$OUT" ]; expect_true "run 3's findings were replaced by run 4"

# --- unicode positions: line and column in characters
run S findings --article "$DATA/unicode.txt" --format jsonl
printf "%s\n" "$OUT" | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
money = [r for r in rows if r["rule"] == "big-money"][0]
assert money["text"] == "$9bn", money
assert (money["line"], money["col"]) == (3, 37), money   # line 3 of the file
assert money["start"] == 38, money
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
assert lines[money["line"] - 1][money["col"] - 1:].startswith("$9bn")
body = "\n".join(lines[2:])
assert body.encode()[money["start"]:money["end"]].decode() == "$9bn"
src = [r for r in rows if r["rule"] == "said-sources"][0]
assert src["line"] == 4 and src["col"] == 1, src' "$DATA/unicode.txt"
expect_true "byte offsets into the body and line:col on the file's lines, with multibyte text"

# --- top
run S top --format jsonl
expect_status 0 "top"
printf "%s\n" "$OUT" | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
arts = [r for r in rows if r["type"] == "article"]
assert [a["article"] for a in arts][1:3] == ["a1", "a3"], arts
assert all(abs(a["score"] - (1 - (1 - 0.8) * (1 - 0.4))) < 1e-3 for a in arts[:3]), arts
assert [a["findings"] for a in arts[1:3]] == [2, 3], arts
assert arts[-1]["score"] == 0 and arts[-1]["band"] == "low"'
expect_true "top ranks by noisy-OR score"
run S top --limit 2
expect_out "2. a1" "top text"
expect_no_out "3. " "top --limit 2"
run S top --fail-above 0.5
expect_status 3 "top --fail-above exceeded"
run S top --fail-above 0.99
expect_status 0 "top --fail-above not exceeded"

# --- show
run S show a1
expect_status 0 "show"
expect_out "[1>Acme signed a [2>\$2.5bn<2] contract, sources said.<1]" "show marks nested spans without colour"
expect_out "big-money" "show explains the finding"
expect_out "evidence: {\"amount\":\"\$2.5bn\"}" "show prints evidence"
run S show a1 --format json
printf "%s\n" "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[0]["type"]=="article" and len(d)==3'
expect_true "show --format json"
run S --color always show a1
expect_out "$(printf '\033[4;1;31m')" "show highlights in colour when asked"
run S show nope
expect_status 1 "show of a missing article"
expect_err "no article 'nope'" "missing article named"

# --- search
run S search council
expect_out "a2" "search finds a word"
run S search '"sources told"' --format jsonl
expect_out "\"article\":\"a3\"" "search a phrase as jsonl"
run S search 'AND ('
expect_status 2 "bad FTS query"
expect_err "not valid FTS5 syntax" "bad query explained"

# --- bad archives
echo "not a database at all, just text, long enough to be read as a header" > "$WORK/junk.db"
run "$SPINDLE" --db "$WORK/junk.db" top
expect_status 1 "junk archive"
expect_err "is not a Spindle archive" "junk archive explained"
sqlite3 "$WORK/other.db" "create table t(x); insert into t values (1);"
run "$SPINDLE" --db "$WORK/other.db" ingest "$DATA/unicode.txt"
expect_status 1 "foreign SQLite file"
expect_err "not a Spindle archive" "foreign SQLite file explained"
n=$(sqlite3 "$WORK/other.db" "select count(*) from t")
expect_eq "$n" 1 "foreign file untouched"

# --- kill -9 during score leaves a consistent archive that a re-run completes
python3 - "$WORK/many.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(20000):
        f.write(json.dumps({"id": "k%d" % i, "title": "T%d" % i,
            "body": "Report %d. Acme paid $%d.5bn for it, sources said. Officials declined." % (i, i)}) + "\n")
PY
DB2="$WORK/kill.db"
"$SPINDLE" --db "$DB2" ingest "$WORK/many.jsonl" >/dev/null 2>&1
"$SPINDLE" --db "$DB2" --rules "$RULES" score >/dev/null 2>&1 &
pid=$!
# wait until the first batches are committed, then kill mid-run
tries=0
while [ "$(sqlite3 "$DB2" "select count(*) from scored" 2>/dev/null || echo 0)" -lt 400 ] && [ $tries -lt 200 ]; do
    sleep 0.02; tries=$((tries + 1))
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
partial=$(sqlite3 "$DB2" "select count(distinct article_pk) from scored")
[ "$partial" -gt 0 ] && [ "$partial" -lt 20000 ]; expect_true "killed mid-run ($partial of 20000 scored)"
wait $pid 2>/dev/null
integrity=$(sqlite3 "$DB2" "pragma integrity_check")
expect_eq "$integrity" ok "integrity_check after kill -9"
run "$SPINDLE" --db "$DB2" --rules "$RULES" score
expect_status 0 "re-run after kill -9"
scored=$(sqlite3 "$DB2" "select count(distinct article_pk) from scored")
expect_eq "$scored" 20000 "every article scored after the re-run"
nf=$(sqlite3 "$DB2" "select count(*) from findings")
expect_eq "$nf" 40000 "no finding lost or doubled"
st=$(sqlite3 "$DB2" "select group_concat(status) from runs")
expect_eq "$st" "interrupted,done" "the killed run is marked interrupted"

finish
