# End-to-end: hostile input never crashes the engine and never trips the
# shipped rules: random bytes, word salad with stray quotes, currency signs,
# abbreviations and broken JSON, plus the inputs of bugs fixed before.
BUILD=$1
. tests/e2e/lib.sh

mkdir -p "$WORK/in"
python3 - "$WORK/in" "$CORPUS" <<'PY'
import json, os, random, sys
out, corpus = sys.argv[1], sys.argv[2]
random.seed(20261127)
words = ("The minister said a $2.5bn deal was signed , sources said . Mr. Smith of the U.S. "
         "reportedly denied it ... officials called it fabricated , according to reports "
         "from Reuters ; at least 40 killed and 12,000 jobs worth Rs 3,000 crore").split()
glue = ["", ".", ",", '"', "\u201c", "\u201d", "$", "bn", "%", "...", "\u2026", "\n\n", "\n", "(", ")", "\u00e9"]
def salad(n):
    return " ".join(random.choice(words) + random.choice(glue) for _ in range(n))
for i in range(120):
    kind = i % 3
    if kind == 0:
        with open(os.path.join(out, "f%d.jsonl" % i), "wb") as f:
            for j in range(10):
                r = random.random()
                if r < 0.15:
                    f.write(os.urandom(random.randint(1, 120)).replace(b"\n", b" ") + b"\n")
                elif r < 0.25:
                    f.write(b'{"id": "broken' + str(j).encode() + b'", "body": \n')
                else:
                    rec = {"id": "f%d-%d" % (i, j), "title": salad(6), "body": salad(random.randint(0, 400)),
                           "published": random.choice(["2005-01-01", "garbage", None])}
                    f.write(json.dumps(rec).encode() + b"\n")
    elif kind == 1:
        with open(os.path.join(out, "f%d.txt" % i), "wb") as f:
            f.write(os.urandom(random.randint(0, 4000)))
    else:
        with open(os.path.join(out, "f%d.txt" % i), "wb") as f:
            body = "".join(random.choice(['"', "\u201c", "\u201d", ".", " ", "\n", "Mr. ", "U.S. ", "$2.5bn ",
                                          "said ", "sources ", "\u20ac", "\u00e9", "\u2026", "A", "reportedly ",
                                          "(", ")", "\r\n", "40 killed "]) for _ in range(random.randint(0, 2500)))
            f.write(("Title " + salad(5) + "\n\n" + body).encode())
PY

"$SPINDLE" scan --format jsonl "$WORK/in" "$ROOT/tests/data/robustness" >"$WORK/out.jsonl" 2>"$WORK/err"
STATUS=$?
ERR=$(cat "$WORK/err")
expect_status 1 "scan of hostile input: everything written, then exit 1 for the rejected inputs"
n=$(jsonl_check "$WORK/out.jsonl")
expect_true "every output line parses ($n records)"
rule_errors=$(grep -c ": rule " "$WORK/err")
if [ "$rule_errors" -eq 0 ]; then ok; else fail "the shipped rules raised $rule_errors errors:"; grep ": rule " "$WORK/err" | head -5; fi
expect_err "invalid JSON" "broken lines are reported"

finish
