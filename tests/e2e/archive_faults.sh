# End-to-end: the archive when its disk fills up and when it is read-only.
#  - a full disk (simulated with a file size limit, RLIMIT_FSIZE, with
#    SIGXFSZ ignored so that write() fails with EFBIG): ingest says so,
#    exits 1, and its summary counts only what was committed (it once
#    printed "added 1099" with 976 stored); the archive stays whole and a
#    second ingest adds the rest.
#  - a read-only archive (file, folder or both): the commands that only read
#    work (the archive is opened read-only, immutable when no -shm can be
#    made), those that write say "cannot write to ARCHIVE: read-only" and
#    exit 1. Root writes anything, so as root these run as nobody (setpriv).
BUILD=$1
. tests/e2e/lib.sh

python3 - "$WORK/many.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(3000):
        f.write(json.dumps({"id": "d%d" % i, "title": "Story %d" % i,
            "body": ("Story %d: Acme paid $%d.5bn for the plant, sources said. " % (i, i)) * 30}) + "\n")
PY

# limited BYTES CMD...: runs CMD with a file size limit, SIGXFSZ ignored.
limited() {
    python3 -c '
import os, resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
os.execv(sys.argv[2], sys.argv[2:])' "$@"
}

for limit in 1500000 2500000 3500000; do
    DB="$WORK/full$limit.db"
    (cd "$ROOT" && "$SPINDLE" --db "$DB" ingest samples >/dev/null 2>&1)
    run limited "$limit" "$SPINDLE" --db "$DB" ingest "$WORK/many.jsonl"
    expect_status 1 "ingest on a full disk ($limit bytes)"
    expect_err "spindle: cannot write to $DB: " "the failed write named ($limit)"
    case "$ERR" in
        *"the disk is full"*|*"write failed, perhaps the disk is full"*) ok ;;
        *) fail "the failure says the disk is full ($limit): $ERR" ;;
    esac
    expect_err "the last batch was rolled back" "the lost batch is told ($limit)"
    added=$(printf '%s\n' "$ERR" | sed -n 's/^added \([0-9]*\),.*/\1/p')
    stored=$(sqlite3 "$DB" "select count(*) from articles where id like 'd%'")
    expect_eq "$added" "$stored" "the summary counts what was stored ($limit)"
    [ "$stored" -lt 3000 ]; expect_true "the disk filled before the end ($stored stored)"
    expect_eq "$(sqlite3 "$DB" "pragma integrity_check")" ok "integrity_check after a full disk ($limit)"
    expect_eq "$(sqlite3 "$DB" "select count(*) from articles where id not like 'd%'")" 15 \
        "the articles stored before are kept ($limit)"
    run "$SPINDLE" --db "$DB" ingest "$WORK/many.jsonl"
    expect_status 0 "ingest again with room ($limit)"
    expect_err "added $((3000 - stored)), skipped $stored duplicates, rejected 0" "the rest is added ($limit)"
    expect_eq "$(sqlite3 "$DB" "select count(*) from articles")" 3015 "every article once ($limit)"
done

# score on a full disk: an error, exit 1, the archive whole; a re-run finishes
DB="$WORK/full1500000.db"
cp "$DB" "$WORK/score.db"
run limited "$(($(stat -c %s "$DB") + 300000))" "$SPINDLE" --db "$WORK/score.db" score
expect_status 1 "score on a full disk"
expect_err "spindle: cannot write to $WORK/score.db: " "score names the failed write"
expect_eq "$(sqlite3 "$WORK/score.db" "pragma integrity_check")" ok "integrity_check after score on a full disk"
run "$SPINDLE" --db "$WORK/score.db" score
expect_status 0 "score again with room"
expect_eq "$(sqlite3 "$WORK/score.db" "select count(distinct article_pk) from scored")" 3015 "every article scored"

# --- read-only archives
as_user=
if [ "$(id -u)" -eq 0 ]; then
    if command -v setpriv >/dev/null 2>&1; then
        as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
    else
        echo "skipped (root, no setpriv): the read-only archive checks"
        finish; exit $?
    fi
fi
chmod 755 "$WORK"
ro() { # MODE_DIR MODE_FILE: a scored archive in $WORK/ro with those modes
    rm -rf "$WORK/ro"; mkdir "$WORK/ro"
    (cd "$ROOT" && "$SPINDLE" --db "$WORK/ro/a.db" ingest samples >/dev/null 2>&1)
    "$SPINDLE" --db "$WORK/ro/a.db" score >/dev/null 2>&1
    chmod "$2" "$WORK/ro/a.db"; chmod "$1" "$WORK/ro"
}
ro 755 644
A="$WORK/ro/a.db"
"$SPINDLE" --db "$A" top --format jsonl >"$WORK/top.want"
"$SPINDLE" --db "$A" findings --format jsonl >"$WORK/findings.want"
"$SPINDLE" --db "$A" search minister >"$WORK/search.want" 2>/dev/null
"$SPINDLE" --db "$A" show samples/budget-speech.txt >"$WORK/show.want"
for modes in "555 444" "555 666" "777 444"; do
    # shellcheck disable=SC2086
    ro $modes
    sum=$(cksum <"$A")
    for cmd in "top --format jsonl" "findings --format jsonl" "search minister" "show samples/budget-speech.txt"; do
        set -- $cmd
        run $as_user "$SPINDLE" --db "$A" "$@"
        expect_status 0 "$1 on a read-only archive ($modes)"
        expect_eq "$OUT" "$(cat "$WORK/$1.want")" "$1 reads a read-only archive ($modes)"
    done
    for cmd in "ingest $ROOT/tests/badinput/crlf.txt" "score --force"; do
        set -- $cmd
        run $as_user "$SPINDLE" --db "$A" "$@"
        expect_status 1 "$1 on a read-only archive ($modes)"
        case "$ERR" in
            "spindle: cannot write to $A: read-only ("*) ok ;;
            *) fail "$1 on a read-only archive ($modes) says so: $ERR" ;;
        esac
    done
    expect_eq "$(cksum <"$A")" "$sum" "the read-only archive is unchanged ($modes)"
    chmod 755 "$WORK/ro"
    expect_eq "$(sqlite3 "$A" "pragma integrity_check")" ok "integrity_check ($modes)"
done
[ ! -e "$A-wal" ] || [ ! -s "$A-wal" ]; expect_true "no write-ahead log left behind"
chmod 555 "$WORK/ro"
run $as_user "$SPINDLE" --db "$WORK/ro/new.db" ingest "$ROOT/tests/badinput/crlf.txt"
expect_status 1 "a new archive in a read-only folder"
expect_eq "$ERR" "spindle: cannot write to $WORK/ro/new.db: read-only (no write permission on its directory)" \
    "a new archive in a read-only folder: the reason"
chmod 755 "$WORK/ro"

finish
