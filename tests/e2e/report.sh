#!/bin/sh
# tests/e2e/report.sh — spindle report --html: one self-contained file,
# rendered in headless Chromium (a screenshot is taken) and checked through
# the DOM Chromium built: summary, charts, top articles, marked spans,
# verdicts.
BUILD=${1:-build}
. tests/e2e/lib.sh

S="$SPINDLE --db $WORK/a.db"
$S ingest samples >/dev/null && $S score -q
id=$($S findings --format jsonl --rule contract-size-unsourced | head -n 1 | python3 -c '
import json, sys; print(json.load(sys.stdin)["id"])')
$S verdict "$id" false --note "named below" >/dev/null
$S score --force -q                       # a run whose snapshot holds the verdict
run $S report --html "$WORK/report.html"
expect_status 0 "report --html"
[ -s "$WORK/report.html" ]; expect_true "the report is written"

# self-contained: no scripts, nothing fetched
if grep -qiE '<script|<link|src=|url\(|https?://' "$WORK/report.html"; then
    fail "the report refers to something outside itself"
else ok; fi

findings=$($S findings --format jsonl | grep -c .)
flagged=$($S findings --format jsonl | python3 -c '
import json, sys; print(len({json.loads(l)["article"] for l in sys.stdin}))')
articles=$(sqlite3 "$WORK/a.db" "SELECT COUNT(*) FROM articles")

if ! command -v chromium >/dev/null 2>&1; then
    fail "chromium is not installed (make test installs it as root)"
    finish
    exit
fi
chrome() { timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "$@" 2>/dev/null; }
chrome --dump-dom "file://$WORK/report.html" > "$WORK/dom.html"
[ -s "$WORK/dom.html" ]; expect_true "Chromium renders the report"
python3 - "$WORK/dom.html" "$articles" "$flagged" "$findings" <<'EOF'
import sys
from html.parser import HTMLParser
dom, articles, flagged, findings = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
class Walk(HTMLParser):
    def __init__(self):
        super().__init__()
        self.cards, self.bins, self.rule_bars, self.top_rows = {}, [], [], 0
        self.marks, self.false_marks, self.verdicts, self.docs = 0, 0, [], 0
        self.card, self.capture = None, None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class", "")
        if tag == "div" and cls == "card": self.card = a["data-key"]
        if tag == "b" and self.card: self.capture = "card"
        if tag == "rect" and "data-bin" in a: self.bins.append(int(a["data-count"]))
        if tag == "rect" and "data-rule" in a: self.rule_bars.append((a["data-rule"], int(a["data-count"])))
        if tag == "tr" and cls == "top-article": self.top_rows += 1
        if tag == "mark":
            self.marks += 1
            assert a.get("title", "").startswith("["), a
            if "judged-false" in cls: self.false_marks += 1
        if tag == "span" and cls.startswith("verdict"): self.capture = "verdict"
        if tag == "article" and cls == "doc": self.docs += 1
    def handle_data(self, data):
        if self.capture == "card": self.cards[self.card] = int(data); self.card = None
        if self.capture == "verdict": self.verdicts.append(data)
        self.capture = None
w = Walk()
w.feed(open(dom, encoding="utf-8").read())
assert w.cards["articles"] == articles, w.cards
assert w.cards["flagged"] == flagged and w.cards["findings"] == findings - 1, (w.cards, flagged, findings)
assert len(w.bins) == 20 and sum(w.bins) == articles, w.bins
assert sum(c for _, c in w.rule_bars) == findings - 1 and "contract-size-unsourced" in dict(w.rule_bars)
assert w.top_rows == min(25, flagged) and w.docs == flagged
assert w.marks == findings, (w.marks, findings)           # every span marked
assert w.false_marks == 1 and w.verdicts == ["judged false"], (w.false_marks, w.verdicts)
EOF
expect_true "the DOM: summary, 20 histogram bins, bars per rule, top articles, every span marked, the verdict"

chrome --window-size=1280,1700 --screenshot="$WORK/report.png" "file://$WORK/report.html"
python3 - "$WORK/report.png" <<'EOF'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
width, height = struct.unpack(">II", data[16:24])
assert (width, height) == (1280, 1700), (width, height)
assert len(data) > 30000, len(data)                          # not a blank page
EOF
expect_true "a screenshot of the report"

# the BBC corpus
B="$SPINDLE --db $WORK/bbc.db"
(cd "$ROOT/../shared/corpora" && $B ingest bbc >/dev/null 2>&1) && $B score -q
run $B report --html "$WORK/bbc.html" --limit 50
expect_status 0 "report of the BBC archive"
docs=$(grep -o '<article class="doc"' "$WORK/bbc.html" | wc -l)
[ "$docs" -le 50 ]; expect_true "--limit bounds the articles written in full ($docs)"

# mistakes
run $S report
expect_status 2 "report without --html"
run $S report --html "$WORK/x.html" --run 999
expect_status 1 "a run that does not exist"
expect_err "there is no run 999" "named"
[ ! -e "$WORK/x.html" ]; expect_true "no file is left behind on an error"
run $SPINDLE --db "$WORK/empty.db" ingest samples
run $SPINDLE --db "$WORK/empty.db" report --html "$WORK/y.html"
expect_status 1 "an archive never scored"
expect_err "no run has a snapshot" "says to score first"

finish
