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
expect_eq "$ERR" "spindle: ingest needs at least one FILE, DIR or - (see 'spindle ingest --help')" \
    "ingest without inputs: one line, not the whole help"

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

# --- help: complete, and every option a command parses is in its help ---------
run "$SPINDLE" --help
expect_out "for a command's
                   arguments and options" "the global help's last option line is a whole sentence"
last=$(printf '%s\n' "$OUT" | tail -n 1)
case "$last" in *.) ok ;; *) fail "the global help ends mid-sentence: $last" ;; esac
python3 tests/e2e/help_options.py "$SPINDLE" "$ROOT/runtime"
expect_true "each command's --help names every option its getopt table parses"

# --- a bad option: one line, exit 2, not the whole help --------------------------
run "$SPINDLE" scan --frob x
expect_status 2 "unknown scan option"
expect_eq "$ERR" "spindle scan: unknown option '--frob' (see 'spindle scan --help')" "one line names the option"
expect_eq "$OUT" "" "no help on stdout"
run "$SPINDLE" score --forse
expect_status 2 "a typo in an option"
expect_eq "$ERR" "spindle score: unknown option '--forse'; did you mean '--force'? (see 'spindle score --help')" \
    "a typo gets a did-you-mean"
run "$SPINDLE" findings --limit
expect_status 2 "an option without its value"
expect_eq "$ERR" "spindle findings: option '--limit' needs a value (see 'spindle findings --help')" "missing value named"
run "$SPINDLE" rules -z
expect_eq "$ERR" "spindle rules: unknown option '-z' (see 'spindle rules --help')" "an unknown short option"
for c in scan ingest score findings top show search rules check test explain repl verdict diff eval report; do
    run "$SPINDLE" $c --no-such-option
    expect_status 2 "$c: unknown option"
    expect_eq "$(printf '%s\n' "$ERR" | wc -l)" 1 "$c: an unknown option is one line"
done
run "$SPINDLE" --dbb x.db top
expect_status 2 "unknown global option"
expect_eq "$ERR" "spindle: unknown option '--dbb'; did you mean '--db'? (see 'spindle --help')" "global option: one line"
run "$SPINDLE" scna
expect_status 2 "unknown command"
expect_eq "$ERR" "spindle: unknown command 'scna'; did you mean 'scan'? (see 'spindle --help')" "unknown command: one line"

# --- summaries on stderr, data on stdout ----------------------------------------
D="$WORK/summary.db"
run "$SPINDLE" --db "$D" ingest "$ROOT/samples"
expect_status 0 "ingest"
expect_eq "$OUT" "" "ingest: nothing on stdout"
expect_err "added 15, skipped 0 duplicates, rejected 0" "ingest: the summary on stderr"
run "$SPINDLE" --db "$D" score
expect_eq "$OUT" "" "score: nothing on stdout"
expect_err "run 1 done: 15 articles, 15 scored" "score: the summary on stderr"
run "$SPINDLE" check
expect_eq "$OUT" "" "check: nothing on stdout"
expect_err ", 0 problems" "check: the summary on stderr"
run "$SPINDLE" --rules "$ROOT/tests/data/rules/typos" check
expect_eq "$OUT" "" "check: problems are diagnostics, on stderr"
expect_err "typos.lua:6: rule 'typo-field'" "check: a problem on stderr"
run "$SPINDLE" test "$ROOT/rules/hedging.lua"
expect_eq "$OUT" "" "test: nothing on stdout"
case "$(printf '%s\n' "$ERR" | tail -n 1)" in *" passed, 0 failed") ok ;; *) fail "test: the last line of stderr is the count" ;; esac
run "$SPINDLE" scan --format jsonl "$ROOT/samples/fraud-trial.txt"
expect_err "scanned 1 article" "scan: the summary on stderr"
printf '%s\n' "$OUT" | python3 -c 'import json, sys; [json.loads(l) for l in sys.stdin]'
expect_true "scan: stdout is only JSON Lines"

# --- scan --rule and --tag --------------------------------------------------------
run "$SPINDLE" scan --format jsonl -q --rule denial-unnamed "$ROOT/samples"
expect_status 0 "scan --rule"
expect_eq "$(printf '%s\n' "$OUT" | grep '"type":"finding"' | grep -vc '"rule":"denial-unnamed"')" 0 "only the rule named runs"
expect_out '"rule":"denial-unnamed"' "and it runs"
run "$SPINDLE" scan --rule anonymous-sourcing --rule denial-unnamed "$ROOT/samples/fraud-trial.txt"
expect_err "with 2 rules" "--rule is repeatable and runs a rule that ships off"
run "$SPINDLE" scan --tag headline "$ROOT/samples/fraud-trial.txt"
expect_err "with 3 rules" "--tag runs the rules on that carry it"
run "$SPINDLE" scan --tag headline --rule denial-unnamed "$ROOT/samples/fraud-trial.txt"
expect_err "with 4 rules" "--tag and --rule together"
run "$SPINDLE" scan --rule denial-unamed "$ROOT/samples"
expect_status 2 "an unknown --rule"
expect_eq "$ERR" "spindle scan: --rule denial-unamed: no such rule is loaded; did you mean 'denial-unnamed'? (see 'spindle rules')" \
    "the unknown id named, with a did-you-mean"
run "$SPINDLE" test --rule denial-unamed
expect_status 1 "test --rule with an unknown id"
expect_err "FAIL --rule denial-unamed: no such rule loaded; did you mean 'denial-unnamed'?" "test --rule: did you mean"
run "$SPINDLE" scan --tag sourcng "$ROOT/samples"
expect_status 2 "an unknown --tag"
expect_eq "$ERR" "spindle scan: --tag sourcng: no loaded rule has this tag; did you mean 'sourcing'? (see 'spindle rules')" \
    "the unknown tag named, with a did-you-mean"
run "$SPINDLE" scan --jobs 2 --format jsonl -q --rule single-wire-source "$ROOT/samples"
expect_eq "$(printf '%s\n' "$OUT" | grep '"type":"finding"' | grep -vc '"rule":"single-wire-source"')" 0 "the selection holds on every worker"
expect_out '"rule":"single-wire-source"' "and the rule runs on the workers"

finish
