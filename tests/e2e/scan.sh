# End-to-end: scan — the built-in pack on the samples and on the whole BBC
# corpus, every format, stdin, thresholds, bad input.
BUILD=$1
. tests/e2e/lib.sh

# --- the samples: the deal report ranks first with a contract-size finding
run "$SPINDLE" --color never scan --format jsonl "$ROOT/samples"
expect_status 0 "scan samples"
printf "%s\n" "$OUT" > "$WORK/samples.jsonl"
python3 - "$WORK/samples.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
arts = sorted((r for r in rows if r["type"] == "article"), key=lambda a: -a["score"])
# the two deal reports (shipyard, telecom takeover) rank above the rest,
# each with a contract-size-unsourced finding
top2 = [a["article"] for a in arts[:2]]
assert any("shipyard-deal-reports" in a for a in top2), arts[:3]
assert any("telecom-takeover-rumours" in a for a in top2), arts[:3]
for art in top2:
    deal = [r for r in rows if r["type"] == "finding" and r["article"] == art
            and r["rule"] == "contract-size-unsourced"]
    assert deal, "no contract-size-unsourced finding on " + art
PY
expect_true "the deal reports rank first, with contract-size-unsourced"

# --- the same in text, json and csv
run "$SPINDLE" --color never scan "$ROOT/samples"
expect_out "contract-size-unsourced" "text lists the rule"
run "$SPINDLE" scan --format json "$ROOT/samples"
printf "%s\n" "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert any(x["type"]=="article" for x in d)'
expect_true "json output parses"
run "$SPINDLE" scan --format csv "$ROOT/samples"
printf "%s\n" "$OUT" | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
assert rows and set(r["type"] for r in rows) == {"finding", "article"}, rows[:2]'
expect_true "csv output parses"

# --- stdin, --min-score, --fail-above
run sh -c "cat '$ROOT/samples/articles.jsonl' | '$SPINDLE' scan --format jsonl -"
expect_status 0 "scan from stdin"
expect_out "\"type\":\"article\"" "stdin articles scored"
run "$SPINDLE" scan --fail-above 0.5 "$ROOT/samples"
expect_status 3 "--fail-above exceeded"
run "$SPINDLE" scan --fail-above 0.99 "$ROOT/samples"
expect_status 0 "--fail-above not exceeded"
run "$SPINDLE" scan --format jsonl --min-score 0.6 "$ROOT/samples"
printf "%s\n" "$OUT" | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
assert all(r["score"] >= 0.6 for r in rows if r["type"] == "finding")'
expect_true "--min-score filters findings"

# --- --profile: a table of what each rule cost
run "$SPINDLE" scan -q --profile "$ROOT/samples"
expect_err "contract-size-unsourced" "--profile lists the rules"
expect_err "(sentence splitting)" "--profile shows the splitter"

# --- bad input: reported with file:line, the rest kept
printf '{"id":"x1","body":"Fine text."}\n{"id":\n{"id":"x3","body":"Also fine."}\n' > "$WORK/bad.jsonl"
run "$SPINDLE" scan --format jsonl "$WORK/bad.jsonl"
expect_status 1 "scan goes on after a bad line, then exits 1"
expect_err "bad.jsonl:2: invalid JSON" "bad line named with file:line"
expect_out "\"article\":\"x3\"" "lines after the bad one are kept"

# --- honest exit codes: a rule error is exit 1 and a record in the output
mkdir -p "$WORK/errrules"
printf 'rule{ id = "always-fails", title = "t", severity = "low", weight = 0.5,\n  check = function(doc, report) error("nope") end }\n' > "$WORK/errrules/f.lua"
run "$SPINDLE" --rules "+$WORK/errrules/f.lua" scan --format jsonl "$ROOT/samples/shipyard-deal-reports.txt"
expect_status 1 "a rule error makes scan exit 1"
expect_out '{"type":"error","article":"'"$ROOT"'/samples/shipyard-deal-reports.txt","rule":"always-fails","message":"' "the rule error is a JSON record"
expect_out '"type":"finding"' "the other rules' findings are still written"
run "$SPINDLE" --rules "+$WORK/errrules/f.lua" scan --format csv "$ROOT/samples/shipyard-deal-reports.txt"
expect_out "error,$ROOT/samples/shipyard-deal-reports.txt,,,,always-fails," "and a csv row"
printf 'rule{ id = "broken" \n' > "$WORK/errrules/g.lua"
run "$SPINDLE" --rules "+$WORK/errrules/g.lua" scan -q "$ROOT/samples/shipyard-deal-reports.txt"
expect_status 1 "a rule file that does not load makes scan exit 1"
run "$SPINDLE" scan --max-bytes 8 "$WORK/bad.jsonl"
expect_err "is 10 bytes, over the limit of 8 bytes" "oversize article refused with sizes"
# titles over --max-bytes, endless streams: tests/e2e/badinput.sh
run "$SPINDLE" scan "$WORK/missing.txt"
expect_status 1 "a missing input file"
expect_err "missing.txt" "the missing file is named"

# --- the whole BBC corpus: no crash, one UTF-8 warning, jsonl parses
if [ -d "$CORPUS" ]; then
    "$SPINDLE" scan --format jsonl "$CORPUS" >"$WORK/bbc.jsonl" 2>"$WORK/bbc.err"
    STATUS=$?
    ERR=$(cat "$WORK/bbc.err")
    expect_status 0 "scan of the BBC corpus"
    expect_err "sport/199.txt: invalid UTF-8 repaired" "the invalid UTF-8 file is named"
    n=$(grep -c "invalid UTF-8" "$WORK/bbc.err")
    expect_eq "$n" 1 "exactly one UTF-8 warning"
    lines=$(jsonl_check "$WORK/bbc.jsonl")
    expect_true "every jsonl line of the BBC scan parses"
    arts=$(grep -c '"type":"article"' "$WORK/bbc.jsonl")
    [ "$arts" -ge 2225 ]; expect_true "every BBC story scanned ($arts)"
    echo "bbc: $lines records" >&2
else
    echo "skipping the BBC corpus checks: $CORPUS not found"
fi

finish
