#!/bin/sh
# tests/e2e/lines.sh — where findings are: line:col on a text file's own
# lines (what `sed -n Np` and editors count) in every output and command,
# body lines for JSON Lines; and `scan -` with a text article on stdin.
BUILD=${1:-build}
. tests/e2e/lib.sh

cat > "$WORK/zebra.lua" <<'LUA'
rule{ id = "zebra", title = "A zebra", severity = "low", weight = 0.5,
      check = function(doc, report)
        for m in doc:find(spindle.re([[zebra]], "i")) do report{ at = m, message = "a zebra" } end
        local s, e = doc.title:find("Zebra", 1, true)
        if s then report{ at = { s - 1, e, part = "title" }, message = "a zebra in the title" } end
      end }
LUA
S="$SPINDLE --rules $WORK/zebra.lua"
# a blank line before the title, a Markdown heading, multibyte text before the span
printf '\n  # The Zebra report\n\nFirst line of the body.\nSecond line, with \303\251 and a zebra here.\n\nAnother paragraph: zebra.\n' > "$WORK/a.md"
F="$WORK/a.md"

# at_file LINE COL: the file's text from line LINE, column COL (characters)
at_file() { sed -n "$1p" "$F" | python3 -c 'import sys; print(sys.stdin.read()[int(sys.argv[1]) - 1:].strip())' "$2"; }

# --- text output: LINE:COL on the file's lines ---------------------------------
run env NO_COLOR=1 $S scan "$F"
expect_status 0 "scan a text file"
expect_out "  5:27  low    0.50  zebra  a zebra" "a body finding on the file's line 5"
expect_out "  7:20  low " "a body finding on the file's line 7"
expect_out "  title:2:9  low " "the title finding on the file's line 2, after '  # The '"
expect_eq "$(at_file 5 27)" "zebra here." "sed -n 5p shows the span at col 27"
expect_eq "$(at_file 7 20)" "zebra." "sed -n 7p shows the span at col 20"
expect_eq "$(at_file 2 9)" "Zebra report" "sed -n 2p shows the title span at col 9"

# --- JSON: the same line and col; start and end stay offsets into the body ------
run $S scan --format jsonl "$F"
printf '%s\n' "$OUT" | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin if "\"finding\"" in l]
got = [(r["part"], r["line"], r["col"], r["start"]) for r in rows]
assert got == [("body", 5, 27, 51), ("body", 7, 20, 83), ("title", 2, 9, 4)], got'
expect_true "jsonl: line and col on the file's lines, start and end in the part"

# --- the archive: findings, show, SARIF, explain agree ----------------------------
D="$WORK/a.db"
$S --db "$D" ingest "$F" 2>/dev/null >/dev/null && $S --db "$D" score -q
expect_true "ingest and score the text file"
run $S --db "$D" findings --format csv --article "$F"
expect_out ",5,27,zebra," "findings from the archive: line 5, col 27"
run env NO_COLOR=1 $S --db "$D" show "$F"
expect_out "(line 5, col 27)" "show: line 5, col 27"
expect_out "(title line 2, col 9)" "show: the title finding on line 2"
run $S --db "$D" findings --format sarif
printf '%s\n' "$OUT" | python3 -c '
import json, sys
res = json.load(sys.stdin)["runs"][0]["results"]
regions = sorted((r["locations"][0]["physicalLocation"]["region"]["startLine"],
                  r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in res)
assert regions == [(2, 9), (5, 27), (7, 20)], regions'
expect_true "SARIF regions on the file's lines"
run env NO_COLOR=1 $S explain zebra "$F"
expect_out "(line 5, col 1)" "explain places the sentence on the file's line 5"

# --- JSON Lines have no file lines: positions in the body -------------------------
printf '{"id":"j1","title":"t","body":"one\\ntwo zebra"}\n' > "$WORK/a.jsonl"
run $S scan --format jsonl "$WORK/a.jsonl"
expect_out '"line":2,"col":5' "JSON Lines: line and col within the body"

# --- scan - : text or JSON Lines on stdin -----------------------------------------
run sh -c "$S scan --color=never - < '$F'"
expect_status 0 "scan - with a text article on stdin"
expect_out "-  0.50 medium  (3 findings)  # The Zebra report" "text on stdin is one article with the id -"
expect_out "  5:27  low " "text on stdin: the stream's own lines"
run sh -c "cat '$F' | $S scan --format jsonl -"
expect_out '"article":"-"' "piped text is read as an article"
printf '\n  \n{"id":"j1","title":"t","body":"a zebra"}\n{oops\n' > "$WORK/b.jsonl"
run sh -c "cat '$WORK/b.jsonl' | $S scan --format jsonl -"
expect_status 1 "JSON Lines on stdin with a bad line"
expect_out '"article":"j1"' "JSON Lines on stdin after blank lines"
expect_err "-:4: invalid JSON" "the bad line keeps its own line number"
run sh -c "printf '' | $S scan -"
expect_status 0 "empty stdin: nothing to scan"
expect_no_out "0 findings" "empty stdin: no data"
run sh -c "printf 'Title\n\nBody with a zebra.\n' | $S ingest --db '$WORK/b.db' -"
expect_status 0 "ingest - takes text too"
run sh -c "printf 'Title\n\nBody with a zebra.\n' | NO_COLOR=1 $S explain zebra -"
expect_status 0 "explain - takes text too"
expect_out "(line 3, col 1)" "explain -: the sentence on the stream's line 3"

# on a terminal, scan says it is waiting and how to end
python3 - "$SPINDLE" "$WORK/zebra.lua" "$WORK/tty.err" > "$WORK/tty.out" <<'EOF'
import os, pty, subprocess, sys
master, slave = pty.openpty()
with open(sys.argv[3], "w") as err:
    p = subprocess.Popen([sys.argv[1], "--rules", sys.argv[2], "scan", "--color=never", "-"],
                         stdin=slave, stdout=subprocess.PIPE, stderr=err)
    os.close(slave)
    os.write(master, b"A title\n\nThe body has a zebra.\n\x04")
    out, _ = p.communicate(timeout=20)
sys.stdout.write(out.decode())
sys.exit(p.returncode)
EOF
expect_true "scan - on a terminal"
grep -q "reading an article from the terminal; end with Ctrl-D" "$WORK/tty.err"
expect_true "scan - on a terminal says it waits for an article"
grep -q "  3:16  low " "$WORK/tty.out"
expect_true "the typed article is scanned"
run sh -c "printf 'T\n\nzebra\n' | $S scan -"
case "$ERR" in *"from the terminal"*) fail "a pipe is read without the terminal notice" ;; *) ok ;; esac

finish
