# End-to-end: findings that point at the title (part "title" in json, csv,
# text and show; scan and score agree on them) and rules that ship off
# (enabled = false: listed off, run with --enable or an explicit --rules
# PATH, tested by `spindle test`, scored incrementally when turned on).
BUILD=$1
. tests/e2e/lib.sh
DATA="$ROOT/tests/data/articles"
RULES="$ROOT/tests/data/rules/basic"
DB="$WORK/h.db"
mkdir -p "$WORK/title" "$WORK/off"
cat > "$WORK/title/title.lua" <<'LUA'
rule {
  id = "title-acme", title = "Acme in the headline", severity = "medium", weight = 0.6,
  check = function(doc, report)
    local s, e = doc.title:find("Acme", 1, true)
    if s then report { at = { s - 1, e, part = "title" }, message = "acme in title" } end
  end,
}
LUA
cat > "$WORK/off/off.lua" <<'LUA'
rule {
  id = "ships-off", title = "Off unless asked", severity = "low", weight = 0.3,
  enabled = false,
  check = function(doc, report) report { at = { 0, 1 }, message = "off rule ran" } end,
  examples = { flag = { "Anything." } },
}
LUA
printf '{"id":"h1","title":"Big day: Acme wins","body":"Acme signed a $2.5bn contract, sources said."}\n{"id":"h2","title":"Nothing here","body":"Quiet day."}\n' > "$WORK/h.jsonl"
S() { "$SPINDLE" --db "$DB" --rules "$RULES" --rules "+$WORK/title" --color never "$@"; }

# --- a title finding in every format of scan
run S scan --format jsonl "$WORK/h.jsonl"
printf "%s\n" "$OUT" | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
t = [r for r in rows if r.get("rule") == "title-acme"][0]
assert (t["part"], t["start"], t["end"], t["text"], t["line"], t["col"]) == ("title", 9, 13, "Acme", 1, 10), t
assert all(r["part"] == "body" for r in rows if r["type"] == "finding" and r["rule"] != "title-acme")'
expect_true "jsonl: part title with offsets into the title"
run S scan --format csv "$WORK/h.jsonl"
printf "%s\n" "$OUT" | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
t = [r for r in rows if r["rule"] == "title-acme"][0]
assert t["part"] == "title" and t["start"] == "9", t
assert {r["part"] for r in rows if r["type"] == "finding"} == {"title", "body"}'
expect_true "csv: a part column"
run S scan "$WORK/h.jsonl"
expect_out "title:1:10  medium 0.60  title-acme" "text: a title span says title:"

# --- scan and score agree, title findings included
run S ingest "$WORK/h.jsonl" "$DATA/mixed.jsonl"
run S score
expect_status 0 "score"
S scan --format jsonl "$WORK/h.jsonl" "$DATA/mixed.jsonl" 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    o = json.loads(line)
    if o["type"] == "finding":
        print(o["article"], o["rule"], o["part"], o["start"], o["end"], o["score"], o["line"], o["col"], o["text"])' |
    sort > "$WORK/scan.txt"
S findings --format jsonl | python3 -c '
import json, sys
for line in sys.stdin:
    o = json.loads(line)
    print(o["article"], o["rule"], o["part"], o["start"], o["end"], o["score"], o["line"], o["col"], o["text"])' |
    sort > "$WORK/score.txt"
if cmp -s "$WORK/scan.txt" "$WORK/score.txt" && grep -q " title " "$WORK/score.txt"; then ok; else
    fail "scan and score findings differ (or no title finding)"; diff "$WORK/scan.txt" "$WORK/score.txt"; fi
n=$(sqlite3 "$DB" "select count(*) from findings where part = 'title'")
expect_eq "$n" 1 "the archive stores the part"
run S top --format jsonl
expect_out '"part":"title"' "top reads the part back"

# --- show marks the title span in the title line
run S show h1
expect_out "Big day: [1>Acme<1] wins" "show highlights the title span"
expect_out "title-acme 0.60 medium  acme in title (title line 1, col 10)" "show says where"
run S show h1 --format jsonl
expect_out '"part":"title","start":9,"end":13' "show --format jsonl"

# --- rules that ship off
O() { "$SPINDLE" --rules "$RULES" --rules "+$WORK/off" --color never "$@"; }
run O rules
expect_out "Off unless asked  (off)" "rules marks an off rule"
run O rules --format jsonl
printf "%s\n" "$OUT" | python3 -c '
import json, sys
rules = {r["rule"]: r for r in map(json.loads, sys.stdin)}
assert rules["ships-off"]["enabled"] is False and rules["big-money"]["enabled"] is True, rules'
expect_true "rules json: enabled false"
run O scan "$DATA/unicode.txt"
expect_no_out "off rule ran" "an off rule does not run in scan"
run O --enable ships-off scan "$DATA/unicode.txt"
expect_out "off rule ran" "--enable ID runs it"
run O --enable all rules --format jsonl
expect_no_out '"enabled":false' "--enable all"
run "$SPINDLE" --rules "$WORK/off" scan "$DATA/unicode.txt"
expect_out "off rule ran" "an explicit --rules PATH is on"
run O --enable ships-of scan "$DATA/unicode.txt"
expect_status 2 "a misspelt --enable"
expect_err "--enable ships-of: no such rule" "the misspelt id is named"
run O test "$WORK/off"
expect_err "1 passed, 0 failed" "spindle test runs an off rule's examples"
run "$SPINDLE" --help
expect_out "--enable ID" "--help documents --enable"

# --- incremental: enabling a rule later scores just that rule
DB2="$WORK/off.db"
run O --db "$DB2" ingest "$DATA/mixed.jsonl"
run O --db "$DB2" score
expect_err "run 1 done: 3 articles, 3 scored" "score without the off rule"
n=$(sqlite3 "$DB2" "select count(*) from findings where rule_id = 'ships-off'")
expect_eq "$n" 0 "no findings of the off rule"
run O --db "$DB2" --enable ships-off score
expect_err "run 2 done: 3 articles, 3 scored, 3 rule calls, 6 article-rule pairs already scored" \
    "enabling a rule runs only it"
n=$(sqlite3 "$DB2" "select count(*) from findings where rule_id = 'ships-off'")
expect_eq "$n" 3 "its findings are stored"
run O --db "$DB2" --enable ships-off score
expect_err "0 rule calls, 9 article-rule pairs already scored" "and only once"

finish
