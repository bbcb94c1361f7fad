# End-to-end: the shipped rule pack — it loads cleanly, every example
# passes, from the files and from the copy built into the binary.
BUILD=$1
. tests/e2e/lib.sh

run "$SPINDLE" check
expect_status 0 "the built-in pack checks clean"
expect_err ", 0 problems" "no load problems"

run "$SPINDLE" test "$ROOT/rules"
expect_status 0 "spindle test rules/"
last=$(printf "%s\n" "$ERR" | tail -n 1)
case "$last" in *" passed, 0 failed") ok ;; *) fail "spindle test rules/: $last"; printf "%s\n" "$ERR" | grep FAIL | head ;; esac

run "$SPINDLE" test
expect_status 0 "spindle test on the built-in pack"
expect_eq "$(printf "%s\n" "$ERR" | tail -n 1)" "$last" "built-in pack and rules/ agree"

# every rule carries what the brief asks of it
run "$SPINDLE" rules --format jsonl
printf "%s\n" "$OUT" | python3 -c '
import json, sys
rules = [json.loads(l) for l in sys.stdin]
assert len(rules) >= 15, len(rules)
ids = [r["rule"] for r in rules]
for want in ["contract-size-unsourced", "anonymous-sourcing", "hedged-claim", "figure-unsourced",
             "media-echo", "single-wire-source", "official-unnamed", "vague-magnitude",
             "unattributed-quote", "loaded-language", "absolute-claim", "headline-not-in-body",
             "denial-unnamed", "sourcing-balance", "stale-or-vague-time"]:
    assert want in ids, want
for r in rules:
    assert r["title"] and r["description"], r["rule"]
    assert r["examples"]["flag"] >= 4 and r["examples"]["pass"] >= 4, r["rule"]
    assert r["tags"], r["rule"]'
expect_true "the 15 rules of the pack, each with a title, description, tags and at least 4 flag and 4 pass examples"

# running from another directory works: the pack is inside the binary
run sh -c "cd / && '$SPINDLE' scan '$ROOT/samples/shipyard-deal-reports.txt'"
expect_status 0 "scan from another directory"
expect_out "contract-size-unsourced" "built-in rules found from another directory"

# needs words: one shared index for most words, a rule's own pattern for
# words with a cased letter outside ASCII; both in any case, a space for
# any run of white space
cat > "$WORK/needs.lua" <<'LUA'
rule{ id = "needs-spaced", title = "t", severity = "low", weight = 0.5,
      needs = { "been told" },
      check = function(doc, report) report{ at = doc:sentences()[1], message = "ran" } end }
rule{ id = "needs-accent", title = "t", severity = "low", weight = 0.5,
      needs = { "café" },
      check = function(doc, report) report{ at = doc:sentences()[1], message = "ran" } end }
LUA
printf '%s\n' '{"id":"a","title":"One","body":"We have BEEN\n\t told so."}' \
              '{"id":"b","title":"Two","body":"We have beentold so."}' \
              '{"id":"c","title":"Le CAFÉ","body":"A quiet evening."}' \
              '{"id":"d","title":"Three","body":"A cafe without its accent."}' > "$WORK/needs.jsonl"
run "$SPINDLE" scan --format jsonl -q --rules "$WORK/needs.lua" "$WORK/needs.jsonl"
expect_status 0 "needs words"
got=$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    if r["type"] == "finding": print(r["article"] + ":" + r["rule"], end=" ")')
expect_eq "$got" "a:needs-spaced c:needs-accent " "rules run exactly on the articles with their needs words"

# a needs word that is not UTF-8 (a Latin-1 rule file) is reported with
# its file:line, not read past its end
printf 'rule{ id = "latin", title = "t", severity = "low", weight = 0.5,\n  needs = { "caf\351", "cab" }, check = function() end }\n' > "$WORK/latin.lua"
run "$SPINDLE" scan -q --rules "$WORK/latin.lua" "$WORK/needs.jsonl"
expect_err "latin.lua:1: rule 'latin': needs: word 1 is not valid UTF-8" "a Latin-1 needs word named with file:line"

# strict checking: typos in rule{}, examples{} and report{} are named, with
# a suggestion, instead of passing silently
run "$SPINDLE" --rules "$ROOT/tests/data/rules/typos" test
expect_status 1 "test of a file with typos"
expect_err "typos.lua:3: rule 'typo-examples': examples: unknown field 'flags' (did you mean 'flag'?); examples: unknown field 'pas' (did you mean 'pass'?)" "examples typos named"
expect_err "typos.lua:6: rule 'typo-field': unknown field 'neds' (did you mean 'needs'?)" "rule field typo named"
run "$SPINDLE" --rules "$ROOT/tests/data/rules/typos" scan -q "$ROOT/samples/shipyard-deal-reports.txt"
expect_status 1 "scan with a report{} typo exits 1"
expect_err "rule typo-report: $ROOT/tests/data/rules/typos/typos.lua:2: report: unknown fields 'evidance' (did you mean 'evidence'?), 'mesage' (did you mean 'message'?)" "report{} typos named at file:line"

finish
