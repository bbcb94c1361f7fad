#!/bin/sh
# tests/e2e/repl.sh — spindle repl as an analyst uses it: through a terminal
# (tmux: keys sent, the screen read back) for line editing, continuation
# lines, Tab completion, Ctrl-C, reload and history; and without one
# (standard input, -e) for replayable sessions.
BUILD=${1:-build}
. tests/e2e/lib.sh

run "$SPINDLE" --db "$WORK/a.db" ingest "$ROOT/samples"
expect_status 0 "ingest the samples"
ID="$ROOT/samples/shipyard-deal-reports.txt"

mkdir -p "$WORK/rules" "$WORK/home"
cat > "$WORK/rules/word.lua" <<'LUA'
rule{ id = "word-watch", title = "A watched word", severity = "low", weight = 0.5,
      check = function(doc, report)
        for m in doc:find(spindle.re([[\bshipyard\b]], "i")) do
          report{ at = m, message = "watched word" }
        end
      end }
LUA

# --- without a terminal -----------------------------------------------------

cat > "$WORK/session.lua" <<EOF
1 + 1
d = article("$ID")
d.title
function twice(x)
  return 2 * x
end
twice(21)
#run("contract-size-unsourced", d)
.rules
EOF
run "$SPINDLE" --db "$WORK/a.db" repl < "$WORK/session.lua"
expect_status 0 "a session replayed from standard input"
expect_out "2
\"Valdoria and Merovia near multibillion-dollar shipyard deal, reports say\"" "expressions print without return, strings quoted"
expect_out "42" "a function defined over three lines"
expect_out "
2
" "run() gives the archive article's findings"
expect_out "Rule contract-size-unsourced (high, weight 0.7, on)" ".rules lists the rules"
expect_no_out "spindle>" "no prompt without a terminal"

printf 'x = 1\nprint(x + nil)\nprint("not reached")\n' > "$WORK/bad.lua"
run "$SPINDLE" --db "$WORK/a.db" repl < "$WORK/bad.lua"
expect_status 1 "a session stops at its first error"
expect_err "stdin:2: attempt to perform arithmetic on a nil value" "the error names the input line"
expect_no_out "not reached" "nothing runs after the error"

printf 'for i = 1, 3 do\n  print(i)\n' > "$WORK/open.lua"
run "$SPINDLE" repl < "$WORK/open.lua"
expect_status 1 "input that ends inside a statement"
expect_err "'end' expected" "the unfinished statement is reported"

run "$SPINDLE" --db "$WORK/a.db" repl -e "pp(claims.money_list(article('$ROOT/samples/shipyard-deal-reports.txt'))[2])" \
    -e 'search("shipyard")[1].id'
expect_status 0 "repl -e"
expect_out 'Claim money "$4.5 billion"' "a claim pretty-printed"
expect_out "shipyard-deal-reports.txt" "search from the archive"
run "$SPINDLE" repl -e 'error("boom")'
expect_status 1 "repl -e with an error"
expect_err "boom" "the -e error message"
run "$SPINDLE" repl -e 'article{ title = "T", body = "Officials said the deal was worth $5bn." }'
expect_out 'Article repl-1 "T"' "an ad-hoc article"
run "$SPINDLE" repl -e 'explain(article{ body = "Sources said the deal was worth $5bn." }, "contract-size-unsourced")'
expect_out "FLAGGED" "explain() in the repl"
run "$SPINDLE" repl -e 'string.rep("x", 500)'
expect_out '…" (500 bytes)' "long strings are shortened"

# --- through a terminal -----------------------------------------------------

if ! command -v tmux >/dev/null 2>&1; then
    fail "tmux is not installed (make test installs it as root)"
    finish
    exit
fi
TMUX_SOCKET="spindle-test-$$"
tm() { tmux -L "$TMUX_SOCKET" "$@" 2>/dev/null; }
screen() { tm capture-pane -t repl -p -S -200; }
last_lines() { screen | grep -v '^$' | tail -n "${1:-1}"; }
# wait_prompt: until the last line of the screen is a prompt
wait_prompt() {
    i=0
    while [ $i -lt 200 ]; do
        last=$(last_lines)
        [ "$last" = "spindle>" ] || [ "$last" = ">>" ] && return 0
        sleep 0.05
        i=$((i + 1))
    done
    return 1
}
type_line() { tm send-keys -t repl -l "$1"; tm send-keys -t repl Enter; sleep 0.1; wait_prompt; }
start_repl() {
    tm kill-server
    sleep 0.3
    tm new-session -d -s repl -x 160 -y 50 \
        "cd '$WORK' && HOME='$WORK/home' NO_COLOR=1 '$SPINDLE' --db '$WORK/a.db' --rules '$WORK/rules' repl; sleep 30"
    wait_prompt
}
trap 'tm kill-server 2>/dev/null; rm -rf "$WORK"' EXIT

start_repl
expect_true "the prompt appears in a terminal"
type_line 'function sq(x)'
type_line '  return x * x'
type_line 'end'
type_line 'sq(12)'
case "$(screen)" in *">> end"*144*) ok ;; *) fail "a multi-line function in the terminal"; screen | tail -8 ;; esac

type_line "d = article(\"$ID\")"
tm send-keys -t repl -l 'd:paragr'
tm send-keys -t repl Tab
sleep 0.3
case "$(last_lines)" in *"d:paragraphs"*) ok ;; *) fail "Tab completes a doc method"; screen | tail -3 ;; esac
tm send-keys -t repl C-u
tm send-keys -t repl -l 'run("word-w'
tm send-keys -t repl Tab
sleep 0.3
case "$(last_lines)" in *'run("word-watch'*) ok ;; *) fail "Tab completes a rule id in run(\""; screen | tail -3 ;; esac
tm send-keys -t repl -l '", d)'
tm send-keys -t repl Enter
sleep 0.2
wait_prompt
case "$(screen)" in *'Finding word-watch 0.50 low line 3:'*'watched word'*) ok ;; *) fail "run() prints the finding"; screen | tail -6 ;; esac

# reload after editing the rule file: the new behaviour shows
sed -i 's/shipyard/dry docks/' "$WORK/rules/word.lua"
type_line 'reload()'
type_line 'run("word-watch", d)'
case "$(screen)" in *"reloaded: 1 file changed"*'"dry docks"'*) ok ;; *) fail "reload() picks up the edited rule"; screen | tail -8 ;; esac
# a broken edit: the error with file:line, the old version kept
printf 'rule{ id = "word-watch", title = "x" \n' > "$WORK/rules/word.lua"
type_line 'reload()'
type_line '#run("word-watch", d)'
case "$(screen)" in *"word.lua:"*"the old version of a file with a problem is kept"*) ok ;; *) fail "a broken rule file on reload"; screen | tail -8 ;; esac
case "$(last_lines 2)" in *"1"*) ok ;; *) fail "the old rule still runs after a failed reload"; screen | tail -4 ;; esac

# an error leaves the prompt alive; Ctrl-C ends an endless loop
type_line 'error("kaboom")'
type_line 'sq(3)'
case "$(screen)" in *kaboom*"stack traceback"*"sq(3)"*9*) ok ;; *) fail "an error leaves the prompt alive"; screen | tail -8 ;; esac
tm send-keys -t repl -l 'while true do end'
tm send-keys -t repl Enter
sleep 0.5
tm send-keys -t repl C-c
wait_prompt
type_line 'sq(4)'
case "$(screen)" in *interrupted*16*) ok ;; *) fail "Ctrl-C ends an endless loop"; screen | tail -8 ;; esac

# history survives a restart
type_line 'history_marker = 7'
tm send-keys -t repl C-d
sleep 0.3
start_repl
tm send-keys -t repl Up
sleep 0.3
case "$(last_lines)" in *"history_marker = 7"*) ok ;; *) fail "history survives a restart"; screen | tail -3 ;; esac
[ -s "$WORK/home/.spindle_history" ]
expect_true "the history file is ~/.spindle_history"
tm kill-server 2>/dev/null

finish
