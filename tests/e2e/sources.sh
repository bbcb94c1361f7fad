# End-to-end: evidence sources on the whole BBC corpus are sources or
# nothing. Every finding's evidence `source` (and the source part of
# "type: source") is checked against the shapes a clause parse leaves when
# it picks the wrong words: a leading conjunction ("But officials"), a time
# phrase ("earlier this week"), a prepositional phrase ("of brokers ING"),
# a gerund clause ("orchestrating massive fraud"), a clause with a finite
# verb ("insurance costs are", "it believed it could show"). One check per
# finding that carries a source.
BUILD=$1
. tests/e2e/lib.sh

if [ ! -d "$CORPUS" ]; then
    echo "skipping the BBC corpus checks: $CORPUS not found"
    finish
    exit $?
fi

run "$SPINDLE" --enable all scan --format jsonl -q "$CORPUS"
expect_status 0 "scan the BBC corpus with every rule on"
printf "%s\n" "$OUT" > "$WORK/bbc.jsonl"

python3 - "$WORK/bbc.jsonl" > "$WORK/report" <<'PY'
import json, re, sys

CONJUNCTIONS = set("""but and while whilst although though whereas as which who that so
yet now then meanwhile however because since if when where plus nor or""".split())
TIME = set("""earlier later this last next past coming week weeks month months year
years day days today yesterday tomorrow tonight ago recently morning afternoon
evening night weekend previously on in at the a an of monday tuesday wednesday
thursday friday saturday sunday january february march april may june july
august september october november december""".split())
PREPOSITIONS = set("""of at in on to from for with by about into over under than like
against between without within upon during after before amid despite following part""".split())
AUXILIARIES = set("""is are was were be been am has have had will would could can may
might should must do does did shall""".split())
PRONOUNS = set("it he she they we i".split())

def problem(src):
    words = re.findall(r"[\w'’.-]+", src)
    if not words:
        return "empty"
    low = [w.lower().rstrip(".") for w in words]
    if low[0] in CONJUNCTIONS and len(low) > 1:
        return "starts with a conjunction"
    if all(w in TIME or w.isdigit() for w in low):
        return "a time phrase"
    if low[0] in PREPOSITIONS:
        return "a prepositional phrase"
    if re.match(r"^[a-z]+ing$", words[0]):
        return "a gerund clause"
    if len(low) > 1 and low[0] in PRONOUNS:
        return "a clause (pronoun and verb)"
    relative = False
    for i, (w, lw) in enumerate(zip(words, low)):
        if lw in ("who", "that", "which", "whose"):
            relative = True
        if i > 0 and lw in AUXILIARIES and w[0].islower() and not relative:
            return "a clause (finite verb '%s')" % w
    return None

checked = bad = 0
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    if r.get("type") != "finding":
        continue
    src = (r.get("evidence") or {}).get("source")
    if not isinstance(src, str) or src == "none":
        continue
    if re.match(r"^[a-z-]+: ", src):           # "official-named: the ministry"
        src = src.split(": ", 1)[1]
    checked += 1
    why = problem(src)
    if why:
        bad += 1
        print("BAD %s %s: source %r is %s" % (r["article"].split("corpora/")[-1], r["rule"], src, why))
print("CHECKED %d BAD %d" % (checked, bad))
PY
cat "$WORK/report" | grep '^BAD' | head -20
checked=$(sed -n 's/^CHECKED \([0-9]*\) BAD \([0-9]*\)$/\1/p' "$WORK/report")
bad=$(sed -n 's/^CHECKED \([0-9]*\) BAD \([0-9]*\)$/\2/p' "$WORK/report")
if [ -n "$checked" ] && [ "$checked" -gt 100 ]; then ok; else fail "too few findings with a source to check: '$checked'"; fi
passed=$((passed + checked - bad))
failed=$((failed + bad))

finish
