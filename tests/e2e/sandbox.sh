# End-to-end: hostile and broken rules. Each problem is named with file:line
# (or rule id and budget), nothing hangs or crashes, the other rules run.
BUILD=$1
. tests/e2e/lib.sh
HOSTILE="$ROOT/tests/data/rules/hostile"
printf 'Title\n\nFirst sentence here. Second one.\n' > "$WORK/t.txt"

run "$SPINDLE" --rules "$HOSTILE" check
expect_status 1 "check reports problems"
expect_err "bad_fields.lua:1: rule 'Bad_Id': id 'Bad_Id' must be lowercase-kebab-case" "bad id at file:line"
expect_err "bad_fields.lua:6: rule 'bad-weight': weight 1.5 must be in (0, 1]" "bad weight at file:line"
expect_err "bad_fields.lua:11: rule 'bad-severity': severity 'urgent'" "bad severity at file:line"
expect_err "bad_fields.lua:16: rule 'typo-field': unknown field 'wieght'" "unknown field at file:line"
expect_err "bad_fields.lua:21: spindle.re: missing closing parenthesis at offset 9 in pattern '(unclosed'" \
    "bad regex at file:line with the pattern offset"
expect_err "broken_syntax.lua:4: unexpected symbol near 'then'" "syntax error at file:line"
expect_err "zz_duplicate.lua:2: rule 'works-after': duplicate id (first defined at" "duplicate id"
expect_err "5 rules loaded, 7 problems" "check summary"

run "$SPINDLE" --rules "$HOSTILE" scan --format jsonl "$WORK/t.txt"
expect_status 1 "scan with hostile rules goes on, then exits 1 for their errors"
expect_err "rule infinite-loop: instruction budget of" "infinite loop stopped by the budget"
expect_err "loops.lua:4" "the budget error names where the loop was"
expect_err "rule pcall-swallow: instruction budget of" "pcall cannot swallow the budget"
expect_err "rule memory-bomb: memory budget of" "memory bomb stopped"
expect_out "\"rule\":\"escape-attempts\"" "no forbidden global reachable"
expect_out "\"rule\":\"works-after\"" "a good rule still runs after the bad ones"
expect_no_out "should never get here" "the swallowing rule reported nothing"

run "$SPINDLE" --rules "$HOSTILE" test
expect_status 1 "test fails with broken rules"
last=$(printf "%s\n" "$ERR" | tail -n 1)
case "$last" in *" passed, "*" failed") ok ;; *) fail "test's last line: $last" ;; esac
expect_err "FAIL $HOSTILE/broken_syntax.lua:4" "test lists the load problem"

# a rule that errors on one article only leaves the others alone
mkdir -p "$WORK/r"
cat > "$WORK/r/flaky.lua" <<'LUA'
rule {
  id = "flaky", title = "Errors on one article", severity = "low", weight = 0.5,
  check = function(doc, report)
    if doc.title == "Bad" then error("this article upsets me") end
    report { at = doc:sentences()[1], message = "fine" }
  end,
}
rule {
  id = "bad-report", title = "Reports nonsense", severity = "low", weight = 0.5,
  check = function(doc, report)
    report { at = doc:sentences()[1], message = "partial" }
    report { at = { 0, 10 ^ 9 }, message = "out of range" }
  end,
}
LUA
printf '{"id":"g","title":"Good","body":"One. Two."}\n{"id":"b","title":"Bad","body":"Three. Four."}\n' > "$WORK/two.jsonl"
run "$SPINDLE" --rules "$WORK/r" --db "$WORK/s.db" ingest "$WORK/two.jsonl"
run "$SPINDLE" --rules "$WORK/r" --db "$WORK/s.db" score
expect_err "3 rule errors" "score counts rule errors (flaky on one article, bad-report on both)"
expect_err "b: rule flaky:" "rule error names the article"
expect_err "flaky.lua:4: this article upsets me" "rule error names file:line"
expect_err "report: span [0, 1000000000) is outside the body" "bad report explained"
n=$(sqlite3 "$WORK/s.db" "select count(*) from rule_errors")
expect_eq "$n" 3 "rule errors stored"
n=$(sqlite3 "$WORK/s.db" "select count(*) from findings where rule_id = 'bad-report'")
expect_eq "$n" 0 "a failed rule's partial findings are dropped"
n=$(sqlite3 "$WORK/s.db" "select count(*) from findings f join articles a on a.pk = f.article_pk where a.id = 'g' and rule_id = 'flaky'")
expect_eq "$n" 1 "the rule still ran on the good article"

# bytecode is refused
printf '\033Lua' > "$WORK/r/bytecode.lua"
run "$SPINDLE" --rules "$WORK/r/bytecode.lua" check
expect_status 1 "bytecode rule file refused"
expect_err "attempt to load a binary chunk" "bytecode refusal explained"

finish
