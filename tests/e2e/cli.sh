# End-to-end: the command line itself — help, usage errors, exit codes.
BUILD=$1
. tests/e2e/lib.sh

run "$SPINDLE" --help
expect_status 0 "--help"
for c in scan ingest score findings top show search rules check test explain repl verdict diff eval report; do
    expect_out "  $c" "--help lists $c"
done

for c in scan ingest score findings top show search rules check test explain repl verdict diff eval report; do
    run "$SPINDLE" $c --help
    expect_status 0 "$c --help"
    expect_out "usage: spindle" "$c --help prints its usage"
done

run "$SPINDLE" --version
expect_status 0 "--version"
expect_out "spindle 0." "--version prints the version"

run "$SPINDLE" frobnicate
expect_status 2 "unknown command"
expect_err "unknown command 'frobnicate'" "unknown command is named"

run "$SPINDLE" --bogus scan
expect_status 2 "unknown global option"

run "$SPINDLE" scan --format yaml
expect_status 2 "unknown format"
expect_err "unknown format 'yaml'" "bad format named"

run "$SPINDLE" scan --min-score 2 x
expect_status 2 "--min-score out of range"

run "$SPINDLE"
expect_status 2 "no command"

run "$SPINDLE" ingest
expect_status 2 "ingest without inputs"

run "$SPINDLE" score --jobs 0 --db "$WORK/x.db"
expect_status 2 "--jobs 0 is refused"
run "$SPINDLE" scan --jobs x -q samples/
expect_status 2 "--jobs x is refused"

run "$SPINDLE" --db "$WORK/none.db" top
expect_status 1 "top on a missing archive"
expect_err "no archive at" "missing archive explained"

# global options may follow the command
run "$SPINDLE" ingest --db "$WORK/after.db" "$ROOT/tests/data/articles/unicode.txt"
expect_status 0 "ingest --db after the command"
[ -f "$WORK/after.db" ]; expect_true "--db after the command names the archive"
run "$SPINDLE" top --db
expect_status 2 "--db without a value"

finish
