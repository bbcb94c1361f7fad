# End-to-end: every listing command in every format parses, and text is for
# people (no escape codes unless asked, colour when asked).
BUILD=$1
. tests/e2e/lib.sh
RULES="$ROOT/tests/data/rules/basic"
DB="$WORK/f.db"
S() { "$SPINDLE" --db "$DB" --rules "$RULES" "$@"; }
S ingest "$ROOT/tests/data/articles/mixed.jsonl" >/dev/null 2>&1
S score >/dev/null 2>&1

# parse FORMAT: checks $WORK/.out in that format; prints the record count
parse() {
    python3 - "$1" "$WORK/.out" <<'PY'
import csv, json, sys
fmt, path = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
if fmt == "json":
    data = json.loads(text)
    assert isinstance(data, list)
    n = len(data)
elif fmt == "jsonl":
    rows = [json.loads(l) for l in text.splitlines()]
    assert all(isinstance(r, dict) and "type" in r for r in rows)
    n = len(rows)
elif fmt == "csv":
    rows = list(csv.DictReader(text.splitlines()))
    n = len(rows)
else:
    assert "\033[" not in text, "escape codes in plain text"
    n = len(text.splitlines())
print(n)
PY
}

for cmd in "findings" "top" "show a1" "search deal" "rules" "scan $ROOT/tests/data/articles/mixed.jsonl"; do
    for fmt in text json jsonl csv; do
        run S $cmd --format $fmt
        # mixed.jsonl holds rejected lines: scan writes the rest, then exits 1
        case "$cmd" in scan*) want=1 ;; *) want=0 ;; esac
        expect_status $want "$cmd --format $fmt"
        n=$(parse $fmt)
        if [ -n "$n" ] && [ "$n" -gt 0 ]; then ok; else fail "$cmd --format $fmt: no records ($n)"; fi
    done
done

# the record shapes of the brief
run S findings --format jsonl
printf "%s\n" "$OUT" | head -n 1 | python3 -c '
import json, sys
o = json.loads(sys.stdin.read())
want = ["type","article","rule","severity","score","part","start","end","line","col","text","message","evidence","id"]
assert list(o) == want, list(o)   # the brief's fields, then the archive's finding id
assert isinstance(o["id"], int) and o["id"] > 0
assert o["part"] == "body", o
assert isinstance(o["evidence"], dict)'
expect_true "finding fields in the brief's order"
run S top --format jsonl --findings 0
printf "%s\n" "$OUT" | head -n 1 | python3 -c '
import json, sys
o = json.loads(sys.stdin.read())
for k in ["type","article","title","score","findings"]: assert k in o, k
assert o["type"] == "article"'
expect_true "article fields of the brief"
run S rules --format json
printf "%s\n" "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert [r["rule"] for r in d] == ["big-money", "said-sources"], d
assert d[0]["severity"] == "high" and d[0]["weight"] == 0.8 and d[0]["examples"] == {"flag": 2, "pass": 2}'
expect_true "rules --format json carries the metadata"

# colour: never by default into a pipe, always when asked, never with NO_COLOR
run S top
case "$OUT" in *"$(printf '\033[')"*) fail "colour into a pipe" ;; *) ok ;; esac
run S --color always top
expect_out "$(printf '\033[')" "--color always colours"
run env NO_COLOR=1 "$SPINDLE" --db "$DB" --rules "$RULES" top
case "$OUT" in *"$(printf '\033[')"*) fail "NO_COLOR ignored" ;; *) ok ;; esac

# empty results are still valid documents
run S findings --rule none --format json
expect_eq "$OUT" "[]" "empty json is []"
run S findings --rule none --format csv
expect_eq "$OUT" "type,article,title,score,findings,rule,severity,part,start,end,line,col,text,message,evidence,id,verdict" "empty csv is its header"

finish
