# End-to-end: the samples produce the findings samples/expected.jsonl says
# they must, and not those it says they must not (every rule on, those that
# ship off too).
BUILD=$1
. tests/e2e/lib.sh

"$SPINDLE" --enable all scan --format jsonl "samples/" >"$WORK/samples.jsonl" 2>"$WORK/err"
STATUS=$?
ERR=$(cat "$WORK/err")
expect_status 0 "scan samples/"
case "$ERR" in *rejected*" 0 inputs rejected"*|*"0 inputs rejected"*) ok ;; *) fail "samples/ has rejected inputs: $ERR" ;; esac
python3 tools/check_expected.py samples/expected.jsonl <"$WORK/samples.jsonl" >"$WORK/check" 2>&1
status=$?
cat "$WORK/check"
line=$(tail -n 1 "$WORK/check")
p=$(echo "$line" | sed -E 's/expected: ([0-9]+) passed, ([0-9]+) failed/\1/')
f=$(echo "$line" | sed -E 's/expected: ([0-9]+) passed, ([0-9]+) failed/\2/')
passed=$((passed + p))
failed=$((failed + f))
[ "$status" -eq 0 ] || [ "$f" -gt 0 ] || fail "check_expected.py exited $status"

finish
