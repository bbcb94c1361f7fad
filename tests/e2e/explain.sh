#!/bin/sh
# tests/e2e/explain.sh — spindle explain: the golden account of each shipped
# rule on a sample (tests/explain/), the walk-through of docs/repl.md, JSON
# output, and the errors a user can make.
BUILD=${1:-build}
. tests/e2e/lib.sh

# --- golden files: every shipped rule, one sample each -----------------------
# tests/explain/cases lists "RULE SAMPLE"; tests/explain/RULE.txt is what
# `spindle --enable all explain RULE SAMPLE` prints (NO_COLOR). Regenerate
# with: sh tests/explain/update.sh [BUILD]
ids=$("$SPINDLE" rules --format json | python3 -c '
import json, sys
for r in json.load(sys.stdin): print(r["rule"])')
for id in $ids; do
    grep -q "^$id " tests/explain/cases || fail "rule $id has no case in tests/explain/cases"
done
while read -r rule sample; do
    case "$rule" in ''|'#'*) continue ;; esac
    run env NO_COLOR=1 "$SPINDLE" --enable all explain "$rule" "$sample"
    expect_status 0 "explain $rule $sample"
    if [ "$OUT" = "$(cat "tests/explain/$rule.txt")" ]; then ok; else
        fail "explain $rule $sample differs from tests/explain/$rule.txt"
        printf '%s\n' "$OUT" | diff "tests/explain/$rule.txt" - | head -20
    fi
    case "$OUT" in *"not flagged"*) ok ;; *) fail "explain $rule $sample gives no reason for passing a candidate over" ;; esac
done < tests/explain/cases

# --- the walk-through of docs/repl.md ----------------------------------------
mkdir -p "$WORK/my-rules"
cp docs/examples/video-claims.lua "$WORK/my-rules/"
cat > "$WORK/walk1.lua" <<'EOF'
d = article("docs/examples/viral-video.txt")
#run("video-claims", d)
explain(d, "video-claims")
sources.around(d:sentences()[1])
EOF
run "$SPINDLE" --rules "$WORK/my-rules" repl < "$WORK/walk1.lua"
expect_status 0 "the walk-through, first version"
expect_out "0
video-claims on docs/examples/viral-video.txt" "the first version stays silent"
expect_out 'claim count "300 people"' "explain shows the claim the rule saw"
expect_out 'not flagged "300 people": no attribution to a video in the sentence' "explain shows why it was passed over"
expect_out "asked: sources.around -> 0 items" "explain shows the empty answer of sources.around"
cp docs/examples/video-claims-fixed.lua "$WORK/my-rules/video-claims.lua"
printf 'd = article("docs/examples/viral-video.txt")\nrun("video-claims", d)\n' > "$WORK/walk2.lua"
run "$SPINDLE" --rules "$WORK/my-rules" repl < "$WORK/walk2.lua"
expect_out 'Finding video-claims 0.50 medium line 3:83 "300 people" — claim resting on a video: video circulating on social media showed' "the fixed rule fires"
run "$SPINDLE" test docs/examples/video-claims-fixed.lua
expect_status 0 "the fixed rule's examples pass"

# --- JSON ---------------------------------------------------------------------
run "$SPINDLE" explain --format json contract-size-unsourced samples/shipyard-deal-reports.txt
expect_status 0 "explain --format json"
printf '%s\n' "$OUT" | python3 -c '
import json, sys
x = json.load(sys.stdin)
assert x["type"] == "explain" and x["rule"] == "contract-size-unsourced", x.keys()
assert x["ran"] is True and "$" in x["needs"]["found"]
assert len(x["findings"]) == 2 and x["findings"][0]["rule"] == "contract-size-unsourced"
s = [e for e in x["sentences"] if e["findings"]]
assert s and s[0]["sentence"] == 1 and s[0]["line"] == 3   # line 3 of the file
assert any(i["kind"] == "claim" and i["fields"]["currency"] == "USD" for i in s[0]["seen"])
assert any(i["kind"] == "attribution" and i["fields"]["type"] == "media" for i in s[0]["seen"])
'
expect_true "the JSON account: needs, findings, sentences with what the stdlib saw"

# a rule whose needs words are absent does not run, and says so
printf '{"id":"calm","title":"Weather","body":"It rained on Tuesday in the north."}\n' > "$WORK/calm.jsonl"
run "$SPINDLE" explain contract-size-unsourced - < "$WORK/calm.jsonl"
expect_status 0 "explain on standard input"
expect_out "not run: none of its" "a rule its needs words kept from running"
expect_out "findings: 0" "no findings"

# --- mistakes -------------------------------------------------------------------
run "$SPINDLE" explain no-such-rule samples/shipyard-deal-reports.txt
expect_status 2 "an unknown rule"
expect_err "no rule 'no-such-rule' is loaded" "the unknown rule named"
run "$SPINDLE" --db "$WORK/none.db" explain contract-size-unsourced missing-article-id
expect_status 1 "an article that is neither a file nor in the archive"
expect_err "no archive" "says there is no archive"
run "$SPINDLE" explain contract-size-unsourced
expect_status 2 "a missing argument"
run "$SPINDLE" explain --help
expect_out "report.trace" "explain --help tells where the reasons come from"

finish
