#!/bin/sh
# tests/e2e/exports.sh — findings for other tools: SARIF 2.1.0, schema.org
# ClaimReview for judged findings, and csv a spreadsheet opens (RFC 4180).
BUILD=${1:-build}
. tests/e2e/lib.sh

S="$SPINDLE --db $WORK/a.db"
$S ingest "$ROOT/samples" >/dev/null && $S score -q
expect_true "ingest and score the samples"
n=$($S findings --format jsonl | grep -c .)

# --- SARIF ----------------------------------------------------------------------
run $S findings --format sarif
expect_status 0 "findings --format sarif"
printf '%s\n' "$OUT" > "$WORK/a.sarif"
python3 - "$WORK/a.sarif" "$n" <<'EOF'
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
n = int(sys.argv[2])
assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
assert len(log["runs"]) == 1
run = log["runs"][0]
driver = run["tool"]["driver"]
assert driver["name"] == "spindle" and driver["version"]
rules = driver["rules"]
ids = [r["id"] for r in rules]
assert len(ids) == len(set(ids)) and "contract-size-unsourced" in ids
for r in rules:
    assert r["shortDescription"]["text"] and r["defaultConfiguration"]["level"] in ("error", "warning", "note")
results = run["results"]
assert len(results) == n, (len(results), n)
for res in results:
    assert res["level"] in ("error", "warning", "note")
    assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
    assert res["message"]["text"]
    loc = res["locations"][0]["physicalLocation"]
    assert "%2F" not in loc["artifactLocation"]["uri"] and " " not in loc["artifactLocation"]["uri"]
    reg = loc["region"]
    assert 1 <= reg["startLine"] <= reg["endLine"] and reg["startColumn"] >= 1
    assert reg["endLine"] > reg["startLine"] or reg["endColumn"] > reg["startColumn"]
    assert reg["snippet"]["text"]
    assert len(res["partialFingerprints"]["spindleFinding/v1"]) == 32
    assert 0 < res["properties"]["score"] <= 1 and res["properties"]["part"] in ("body", "title")
deal = [r for r in results if r["ruleId"] == "contract-size-unsourced" and r["properties"]["article"].endswith("shipyard-deal-reports.txt")]
assert deal and deal[0]["level"] == "error" and deal[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
# the region is on the lines of the file the uri names, as an editor counts them
import urllib.parse
for res in results:
    loc = res["locations"][0]["physicalLocation"]
    lines = open(urllib.parse.unquote(loc["artifactLocation"]["uri"]), encoding="utf-8").read().split("\n")
    reg = loc["region"]
    first = reg["snippet"]["text"].split("\n")[0]
    assert lines[reg["startLine"] - 1][reg["startColumn"] - 1:].startswith(first), (res, lines[reg["startLine"] - 1])
EOF
expect_true "the SARIF log: one run, the rules, a located result per finding"

# a finding judged false is a suppressed result; one judged useful a ClaimReview
ids=$($S findings --format jsonl --rule contract-size-unsourced | python3 -c '
import json, sys
ids = [json.loads(l)["id"] for l in sys.stdin]
print(ids[0], ids[1])')
set -- $ids
$S verdict "$1" false --note "named below" >/dev/null && $S verdict "$2" useful --note "good catch" >/dev/null
expect_true "two verdicts"
$S findings --format sarif | python3 -c '
import json, sys
results = json.load(sys.stdin)["runs"][0]["results"]
suppressed = [r for r in results if "suppressions" in r]
assert len(suppressed) == 1, suppressed
assert suppressed[0]["suppressions"] == [{"kind": "external", "justification": "named below"}]
assert suppressed[0]["properties"]["verdict"] == "false"'
expect_true "a false finding is a suppressed SARIF result"

run $S findings --format claimreview
expect_status 0 "findings --format claimreview"
printf '%s\n' "$OUT" | python3 -c '
import json, sys
reviews = json.load(sys.stdin)
assert len(reviews) == 1, reviews
r = reviews[0]
assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
assert r["claimReviewed"] and r["reviewBody"].endswith("(analyst: good catch)")
assert r["itemReviewed"]["@type"] == "Claim"
assert r["itemReviewed"]["appearance"]["@type"] == "CreativeWork" and r["itemReviewed"]["appearance"]["headline"]
assert r["reviewRating"]["@type"] == "Rating" and r["reviewRating"]["name"] == "contract-size-unsourced"'
expect_true "ClaimReview JSON-LD only for the finding judged useful"

# --- csv a spreadsheet opens -----------------------------------------------------
$S findings --format csv > "$WORK/a.csv"
python3 - "$WORK/a.csv" "$n" <<'EOF'
import csv, json, sys
raw = open(sys.argv[1], "rb").read()
raw.decode("utf-8")                                   # UTF-8 throughout
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
header = rows[0]
assert header[:3] == ["type", "article", "title"] and header[-2:] == ["id", "verdict"]
body = rows[1:]
assert len(body) == int(sys.argv[2])
assert all(len(r) == len(header) for r in body)        # every row as wide as the header
col = {name: i for i, name in enumerate(header)}
for r in body:
    json.loads(r[col["evidence"]])                    # quotes and commas survive the quoting
    assert r[col["id"]].isdigit()
assert sorted(r[col["verdict"]] for r in body if r[col["verdict"]]) == ["false", "useful"]
EOF
expect_true "csv: UTF-8, a header, every row as wide, quoted fields intact"

# --- the BBC corpus ------------------------------------------------------------------
B="$SPINDLE --db $WORK/bbc.db"
$B ingest "$CORPUS" >/dev/null 2>&1 && $B --enable all score -q
m=$($B findings --format jsonl | grep -c .)
$B findings --format sarif | python3 -c '
import json, sys
log = json.load(sys.stdin)
print(len(log["runs"][0]["results"]))' > "$WORK/bbc.count"
expect_eq "$(cat "$WORK/bbc.count")" "$m" "SARIF of the BBC archive has every finding"
run $B findings --format claimreview
expect_eq "$OUT" "[]" "no ClaimReview without verdicts"
run $S findings --format xml
expect_status 2 "an unknown format"

finish
