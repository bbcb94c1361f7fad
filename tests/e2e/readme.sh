#!/bin/sh
# tests/e2e/readme.sh — README.md's quick tour runs as written: each line of
# its first code block, in order, in a fresh directory holding what the
# source tree holds (samples/, rules/, docs/, build/spindle), exits as its
# comment says ("exit N"; else 0). The two commands at the top of README
# are the Makefile's own targets.
BUILD=${1:-build}
. tests/e2e/lib.sh

TOUR="$WORK/tour"
mkdir -p "$TOUR/build"
cp -R "$ROOT/samples" "$ROOT/rules" "$ROOT/docs" "$TOUR/"
ln -s "$SPINDLE" "$TOUR/build/spindle"

# the lines of the first code block after "## Quick tour"
awk '/^## Quick tour/ { tour = 1; next }
     tour && /^```/   { if (open) exit; open = 1; next }
     tour && open' README.md > "$WORK/tour.txt"
n=$(grep -c . "$WORK/tour.txt")
[ "$n" -ge 15 ]; expect_true "the quick tour has its lines ($n)"

i=0
while IFS= read -r line; do
    [ -n "$line" ] || continue
    i=$((i + 1))
    command=$(printf '%s\n' "$line" | sed -E 's/[[:space:]]+#[^"'\'']*$//')
    want=$(printf '%s\n' "$line" | sed -nE 's/.*#.*\(exit ([0-9]+)[:)].*/\1/p')
    [ -n "$want" ] || want=0
    (cd "$TOUR" && env -u SPINDLE_DB NO_COLOR=1 sh -c "$command" </dev/null >"$WORK/tour.$i.out" 2>"$WORK/tour.$i.err")
    got=$?
    if [ "$got" -eq "$want" ]; then ok; else
        fail "README tour line $i exits $got, not $want: $command"
        head -3 "$WORK/tour.$i.err"
    fi
    printf '%s\n' "$command" > "$WORK/tour.$i.cmd"
done < "$WORK/tour.txt"

# what some lines print
out_of() { # PATTERN: the stdout of the tour line whose command matches
    for f in "$WORK"/tour.*.cmd; do
        if grep -q -- "$1" "$f"; then cat "${f%.cmd}.out"; return; fi
    done
}
err_of() {
    for f in "$WORK"/tour.*.cmd; do
        if grep -q -- "$1" "$f"; then cat "${f%.cmd}.err"; return; fi
    done
}
case "$(out_of "spindle search")" in *samples/*) ok ;; *) fail "the tour's search finds an article" ;; esac
case "$(err_of "spindle ingest")" in *"added 15, skipped 0 duplicates, rejected 0"*) ok ;; *) fail "the tour's ingest adds the samples" ;; esac
case "$(err_of "my-rules/ check")" in *"1 rule loaded, 0 problems"*) ok ;; *) fail "the tour's own rule checks clean" ;; esac
case "$(err_of "spindle test rules/")" in *" passed, 0 failed"*) ok ;; *) fail "the tour's test passes" ;; esac
case "$(out_of "spindle eval")" in *"ROC AUC"*) ok ;; *) fail "the tour's eval measures the labels" ;; esac
case "$(out_of "findings --rule denial-unnamed")" in *denial-unnamed*) ok ;; *) fail "the tour's findings listing is not empty" ;; esac
[ -s "$TOUR/findings.sarif" ] && [ -s "$TOUR/report.html" ]; expect_true "the tour writes its SARIF and HTML files"

# the two commands at the top are targets of the Makefile
for target in demo test; do
    grep -q "^make $target " README.md && grep -q "^$target:" Makefile
    expect_true "README's 'make $target' is a Makefile target"
done

finish
