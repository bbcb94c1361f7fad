# tests/e2e/lib.sh — a few checks for the end-to-end scripts, which run the
# built binary as a user would. Source it with BUILD set; call `finish` last.
# Each script prints a line per failure and ends "NAME: N passed, N failed".

BUILD=${BUILD:-build}
SPINDLE="$(cd "$BUILD" && pwd)/spindle"
ROOT=$(pwd)
CORPUS="$ROOT/../shared/corpora/bbc"
passed=0
failed=0
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# True when the binary was built with a sanitizer (make SANITIZE=...), in
# whatever build directory.
sanitized() { grep -qa -e __asan_init -e __ubsan_handle "$SPINDLE"; }

ok()   { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# run CMD...: runs it, keeping stdout in $OUT, stderr in $ERR, exit in $STATUS.
run() {
    "$@" >"$WORK/.out" 2>"$WORK/.err"
    STATUS=$?
    OUT=$(cat "$WORK/.out")
    ERR=$(cat "$WORK/.err")
}

expect_status() { # WANT DESCRIPTION
    if [ "$STATUS" -eq "$1" ]; then ok; else fail "$2: exit $STATUS, want $1"; echo "  stderr: $(printf "%s\n" "$ERR" | head -5)"; fi
}
expect_out() { # TEXT DESCRIPTION — stdout contains TEXT
    case "$OUT" in *"$1"*) ok ;; *) fail "$2: stdout lacks '$1'"; echo "  stdout: $(printf "%s\n" "$OUT" | head -5)" ;; esac
}
expect_no_out() { # TEXT DESCRIPTION — stdout does not contain TEXT
    case "$OUT" in *"$1"*) fail "$2: stdout has '$1'" ;; *) ok ;; esac
}
expect_err() { # TEXT DESCRIPTION — stderr contains TEXT
    case "$ERR" in *"$1"*) ok ;; *) fail "$2: stderr lacks '$1'"; echo "  stderr: $(printf "%s\n" "$ERR" | head -5)" ;; esac
}
expect_eq() { # GOT WANT DESCRIPTION
    if [ "$1" = "$2" ]; then ok; else fail "$3: got '$1', want '$2'"; fi
}
expect_true() { # DESCRIPTION — the last command's status was 0
    if [ "$?" -eq 0 ]; then ok; else fail "$1"; fi
}

# jsonl_check FILE: every line parses as a JSON object; prints the count.
jsonl_check() {
    python3 -c '
import json, sys
n = 0
for i, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    obj = json.loads(line)
    assert isinstance(obj, dict), "line %d is not an object" % i
    n += 1
print(n)' "$1"
}

finish() {
    echo "$(basename "$0" .sh): $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
