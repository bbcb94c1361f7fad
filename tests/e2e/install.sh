# End-to-end: `make install PREFIX=...` puts the binary, the man page, the
# rule pack and the stdlib (with its editor annotations) in place, and the
# installed binary works on its own.
BUILD=$1
. tests/e2e/lib.sh

make --no-print-directory -s install BUILD="$BUILD" PREFIX="$WORK/prefix" >"$WORK/install.log" 2>&1
STATUS=$?
ERR=$(cat "$WORK/install.log")
expect_status 0 "make install"
for f in bin/spindle share/man/man1/spindle.1 share/spindle/rules/figures.lua \
         share/spindle/stdlib/spindle/sources.lua share/spindle/stdlib/spindle/sources/clause.lua share/spindle/stdlib/types/spindle.lua; do
    [ -f "$WORK/prefix/$f" ]; expect_true "installed $f"
done
run sh -c "cd '$WORK' && '$WORK/prefix/bin/spindle' rules --format jsonl"
expect_status 0 "the installed binary lists its rules"
expect_out "\"rule\":\"contract-size-unsourced\"" "the pack travels inside the installed binary"
run "$WORK/prefix/bin/spindle" --rules "$WORK/prefix/share/spindle/rules" check
expect_status 0 "the installed rule files check clean"

finish
