#!/bin/sh
# tests/e2e/ruledirs.sh — rule directories as users lay them out: helper
# modules in lib/ are required, not loaded as rules; a file that defines no
# rule and a directory with no rule file are warned about; a bad module
# name in require() is named.
BUILD=${1:-build}
. tests/e2e/lib.sh

R="$WORK/my-rules"
mkdir -p "$R/lib"
cat > "$R/lib/words.lua" <<'LUA'
return { pattern = [[\bzebra\b]] }
LUA
cat > "$R/zebra.lua" <<'LUA'
local words = require "lib.words"
rule{ id = "zebra", title = "A zebra", severity = "low", weight = 0.5,
      check = function(doc, report)
        for m in doc:find(spindle.re(words.pattern)) do report{ at = m, message = "a zebra" } end
      end,
      examples = { flag = { "A zebra." }, pass = { "A horse." } } }
LUA
printf 'Title\n\nA zebra crossed.\n' > "$WORK/z.txt"

# --- lib/ holds helpers: required, never loaded as rule files -------------------
run "$SPINDLE" --rules "$R" check
expect_status 0 "a rules directory with a lib/ helper checks clean"
expect_eq "$ERR" "1 rule loaded, 0 problems" "no warning: the helper in lib/ is not a rule file"
run "$SPINDLE" --rules "$R" scan --format jsonl "$WORK/z.txt"
expect_status 0 "scan with a rule that requires lib.words"
expect_out '"rule":"zebra"' "the helper was found through require"
run "$SPINDLE" --rules "$R" test
expect_status 0 "test with a lib/ helper"
run "$SPINDLE" --rules "$R" rules --format jsonl
expect_eq "$(printf '%s\n' "$OUT" | grep -c .)" 1 "rules lists the rule, not the helper"

# --- a helper left beside the rules: loaded, defines no rule, warned -----------------
cp "$R/lib/words.lua" "$R/helpers.lua"
run "$SPINDLE" --rules "$R" check
expect_status 0 "a file that defines no rule is a warning, not a problem"
expect_err "warning: $R/helpers.lua: defines no rule (a helper module for require() belongs in a lib/ folder beside the rule files)" \
    "the file that defines no rule is named"
expect_err "1 rule loaded, 0 problems, 1 warning" "check counts the warning"
run "$SPINDLE" --rules "$R/helpers.lua" scan "$WORK/z.txt"
expect_err "warning: $R/helpers.lua: defines no rule" "a single file that defines no rule"
run "$SPINDLE" --rules "$R" test
expect_err "warning: $R/helpers.lua: defines no rule" "test shows the warning too"
expect_status 0 "and passes"
rm "$R/helpers.lua"

# --- an empty rules directory ------------------------------------------------------
mkdir -p "$WORK/empty"
run "$SPINDLE" --rules "$WORK/empty" check
expect_err "warning: $WORK/empty: no rule files (*.lua) in this directory" "an empty --rules directory is warned about"
run "$SPINDLE" --rules "$WORK/empty/" scan -q "$WORK/z.txt"
expect_err "warning: $WORK/empty: no rule files" "scan warns too"
run "$SPINDLE" --rules "+$WORK/empty" check
expect_err "warning: $WORK/empty: no rule files" "also when added with +"

# --- require() of a bad or missing module name names it ------------------------------
mkdir -p "$WORK/bad"
printf 'local h = require "my-helpers"\n' > "$WORK/bad/a.lua"
printf 'local h = require "lib.nothere"\n' > "$WORK/bad/b.lua"
printf 'local r = require\nlocal h = r("bad name")\n' > "$WORK/bad/c.lua"
run "$SPINDLE" --rules "$WORK/bad" check
expect_status 1 "bad requires are load problems"
expect_err "$WORK/bad/a.lua:1: require: 'my-helpers' is not a module name" "a bad module name is named"
expect_err "$WORK/bad/b.lua:1: module 'lib.nothere' not found" "a missing module is named"
expect_err "$WORK/bad/c.lua:2: require: 'bad name' is not a module name" "also through an alias of require"
case "$ERR" in *"bad argument"*) fail "no 'bad argument #1 to ...' for a module name" ;; *) ok ;; esac

finish
