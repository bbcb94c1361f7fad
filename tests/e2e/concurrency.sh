#!/bin/sh
# tests/e2e/concurrency.sh — the archive while `score` writes to it:
# `ingest`, `findings` and `top` work (score commits a batch at a time, and
# the archive is in WAL mode with a busy timeout).
BUILD=${1:-build}
. tests/e2e/lib.sh

S="$SPINDLE --db $WORK/a.db"
$S ingest "$CORPUS" >/dev/null 2>&1
$S --enable all score --jobs 1 -q > "$WORK/score.log" 2>&1 &
pid=$!
sleep 0.5
kill -0 "$pid" 2>/dev/null
expect_true "score is still running when the others start"
for i in 1 2 3; do
    printf '{"id":"late-%s","title":"Late %s","body":"A late article, number %s, about a harbour."}\n' \
        "$i" "$i" "$i" > "$WORK/late$i.jsonl"
    run $S ingest "$WORK/late$i.jsonl"
    expect_status 0 "ingest $i while score runs"
    expect_err "added 1" "ingest $i stored its article"
done
run $S top --limit 3
expect_status 0 "top while score runs"
run $S findings --limit 3
expect_status 0 "findings while score runs"
wait "$pid"
expect_eq "$?" 0 "score finished"
run $S score -q
run $S findings --format jsonl
n=$(sqlite3 "$WORK/a.db" "SELECT COUNT(*) FROM articles WHERE id LIKE 'late-%'")
expect_eq "$n" 3 "the three late articles are in the archive"

finish
