# End-to-end: the judged fixture (tests/quality/verdicts.jsonl) is well
# formed, and every rule that ships on meets the bar on the BBC corpus:
# precision >= 0.9 and useful share >= 0.7 on its judged findings, at least
# min(20, findings) judged, and firing on no more than a quarter of the
# articles (tools/quality.py --check; docs/quality.md).
BUILD=$1
. tests/e2e/lib.sh

FIXTURE="$ROOT/tests/quality/verdicts.jsonl"

# --- the fixture: keys, verdicts and reasons; no key judged twice
python3 - "$FIXTURE" > "$WORK/fixture" <<'PY'
import json, sys
seen, bad, n = set(), 0, 0
for i, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    if not line.strip():
        continue
    n += 1
    try:
        v = json.loads(line)
        for field in ("article", "rule", "text", "verdict", "reason"):
            assert isinstance(v.get(field), str) and v[field], "missing %s" % field
        assert v["verdict"] in ("useful", "true", "false"), "verdict %r" % v["verdict"]
        assert isinstance(v.get("round"), int), "round must be a number"
        key = (v["article"], v["rule"], v["text"])
        assert key not in seen, "judged twice"
        seen.add(key)
    except (ValueError, AssertionError) as e:
        bad += 1
        print("line %d: %s" % (i, e))
print("VERDICTS %d BAD %d" % (n, bad))
PY
grep -v '^VERDICTS' "$WORK/fixture" | head -10
verdicts=$(sed -n 's/^VERDICTS \([0-9]*\) BAD.*/\1/p' "$WORK/fixture")
bad=$(sed -n 's/^VERDICTS [0-9]* BAD \([0-9]*\)$/\1/p' "$WORK/fixture")
expect_eq "$bad" 0 "every verdict line is well formed"
if [ "${verdicts:-0}" -ge 200 ]; then ok; else fail "the fixture holds $verdicts verdicts, want at least 200"; fi

# --- the bar, from the fixture, for every rule that ships on
if [ ! -d "$CORPUS" ]; then
    echo "skipping the judged-precision bar: $CORPUS not found"
    finish
    exit $?
fi
run python3 tools/quality.py "$SPINDLE" "$CORPUS" --verdicts "$FIXTURE" --check
printf "%s\n" "$OUT" | grep -E '^(below the bar|rule|[a-z-]+ +(yes|off))' | head -40
expect_status 0 "every rule that ships on meets the bar (make quality-check)"
expect_out "passed, 0 failed" "quality --check ends with its count"

finish
