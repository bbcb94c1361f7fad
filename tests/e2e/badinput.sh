# End-to-end: the bad-input suite. Each input in tests/badinput/ (and each
# one tests/badinput/generate.py writes, too large or odd for git) has a
# NAME.expect file: the exact outcome of `spindle ingest NAME` run in the
# input's folder on an archive that already holds the samples:
#   args: OPTIONS          extra ingest options (optional)
#   max-rss-mb: N          peak memory bound (optional)
#   exit N
#   stdout: LINE           anything on stdout (ingest prints nothing there)
#   stored: N              articles added to the archive
#   stderr: LINE           each diagnostic, in order, then the summary line
# After every case the archive passes PRAGMA integrity_check and the
# articles stored before are unchanged. Then the cases that need a live
# system: /dev/zero, an unreadable file in a folder.
BUILD=$1
. tests/e2e/lib.sh

BAD="$ROOT/tests/badinput"
GEN="$WORK/gen"
mkdir -p "$GEN"
python3 "$BAD/generate.py" "$GEN" || fail "generate.py"

DB="$WORK/archive.db"
"$SPINDLE" --db "$DB" ingest "$ROOT/samples" >/dev/null 2>&1
before=$(sqlite3 "$DB" "select count(*), group_concat(hash) from (select hash from articles order by pk)")
base_count=$(sqlite3 "$DB" "select count(*) from articles")

# peak_run MB_FILE CMD...: runs CMD with stdout and stderr in $WORK/.out and
# $WORK/.err, its exit status in $STATUS and its peak RSS (MB) in MB_FILE.
peak_run() {
    python3 - "$@" <<'PY'
import resource, subprocess, sys
with open(sys.argv[2] + "/.out", "wb") as out, open(sys.argv[2] + "/.err", "wb") as err:
    rc = subprocess.call(sys.argv[3:], stdout=out, stderr=err)
with open(sys.argv[1], "w") as f:
    f.write("%d\n" % (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024))
sys.exit(rc if rc >= 0 else 128 - rc)
PY
    STATUS=$?
    return $STATUS
}

# archive_intact ADDED WHAT: integrity ok, the old articles unchanged, ADDED new.
archive_intact() {
    expect_eq "$(sqlite3 "$DB" "pragma integrity_check")" ok "$2: integrity_check"
    now=$(sqlite3 "$DB" "select count(*), group_concat(hash) from (select hash from articles order by pk limit $base_count)")
    expect_eq "$now" "$before" "$2: the articles stored before are intact"
}

for expect in "$BAD"/*.expect; do
    name=$(basename "$expect" .expect)
    if [ -e "$BAD/$name" ]; then dir=$BAD; else dir=$GEN; fi
    args=$(sed -n 's/^args: //p' "$expect")
    max_rss=$(sed -n 's/^max-rss-mb: //p' "$expect")
    n0=$(sqlite3 "$DB" "select count(*) from articles")
    # shellcheck disable=SC2086
    (cd "$dir" && peak_run "$WORK/.rss" "$WORK" "$SPINDLE" --db "$DB" ingest $args "$name")
    STATUS=$?
    n1=$(sqlite3 "$DB" "select count(*) from articles")
    {
        [ -n "$args" ] && echo "args: $args"
        [ -n "$max_rss" ] && echo "max-rss-mb: $max_rss"
        echo "exit $STATUS"
        sed 's/^/stdout: /' "$WORK/.out"
        echo "stored: $((n1 - n0))"
        sed 's/^/stderr: /' "$WORK/.err"
    } >"$WORK/got"
    if cmp -s "$expect" "$WORK/got"; then ok; else
        fail "$name: the outcome differs from $name.expect:"
        diff "$expect" "$WORK/got" | head -10
    fi
    if [ -n "$max_rss" ]; then
        rss=$(cat "$WORK/.rss")
        [ "$rss" -le "$max_rss" ]; expect_true "$name: peak memory $rss MB, bound $max_rss MB"
    fi
    archive_intact "$((n1 - n0))" "$name"
done

# --- what the accepted cases stored
q() { sqlite3 "$DB" "$1"; }
expect_eq "$(q "select count(*) from articles where id <> 'c1' and (body like '%'||char(13)||'%' or title like '%'||char(13)||'%')")" 0 \
    "CRLF line ends are stored as LF"
expect_eq "$(q "select hex(body) from articles where id = 'c1'")" "$(printf 'Line one.\r\nLine two.' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" \
    "an escaped CR LF inside a JSON string is content, kept"
expect_eq "$(q "select title || '|' || body from articles where id = 'crlf.txt'")" \
    "CRLF title|First paragraph.
$(printf '\nSecond paragraph.')" "crlf.txt: title and paragraphs"
expect_eq "$(q "select group_concat(id) from articles where id in ('b1', 'b2', 'bom.txt')")" "b1,b2,bom.txt" \
    "a byte order mark is not part of the id"
expect_eq "$(q "select title from articles where id = 'bom.txt'")" "BOM title" "nor of the title"
expect_eq "$(q "select body from articles where id = 'n2'")" "Raw $(printf '\357\277\275') NUL." \
    "a NUL byte becomes U+FFFD"
expect_eq "$(q "select body from articles where id = 'u1'")" \
    "Bad $(printf '\357\277\275\357\277\275') byte and $(printf '\357\277\275') truncated." \
    "invalid UTF-8 becomes U+FFFD, byte by byte"
expect_eq "$(q "select body from articles where id = '7'")" "Integer ids are fine." "an integer id is kept as text"
expect_eq "$(q "select count(*) from articles where id in ('m1','m2','m3','m4','w1','w3','w5','huge','t-huge','t-mid','b-mid','d1','d2')")" 0 \
    "no refused article was stored"

# --- /dev/zero: an endless stream is refused at the limit, at once, in
# bounded memory (scan and ingest)
if [ -r /dev/zero ]; then
    start=$(date +%s)
    peak_run "$WORK/.rss" "$WORK" timeout 20 "$SPINDLE" scan --max-bytes 1000000 /dev/zero
    ERR=$(cat "$WORK/.err")
    expect_status 1 "scan /dev/zero"
    expect_err "/dev/zero: article /dev/zero has a title of 1000001 bytes, over the limit of 1000000 bytes" "scan /dev/zero says why"
    [ $(( $(date +%s) - start )) -le 5 ]; expect_true "scan /dev/zero refuses within 5 s"
    rss=$(cat "$WORK/.rss")
    [ "$rss" -le 200 ]; expect_true "scan /dev/zero in bounded memory ($rss MB)"
    run timeout 20 "$SPINDLE" --db "$DB" ingest --max-bytes 1000000 /dev/zero
    expect_status 1 "ingest /dev/zero"
    expect_err "added 0, skipped 0 duplicates, rejected 1" "ingest /dev/zero summary"
    archive_intact 0 "ingest /dev/zero"
fi

# --- a folder with an unreadable file: the rest is read, the file named.
# root reads any file, so the check then runs as nobody (setpriv), on an
# archive nobody may write.
mkdir -p "$WORK/folder/sub"
printf 'Readable one\n\nThe first readable story.\n' >"$WORK/folder/a.txt"
printf 'Secret\n\nNobody may read this.\n' >"$WORK/folder/sub/locked.txt"
printf '{"id":"r2","body":"The second readable story."}\n' >"$WORK/folder/sub/z.jsonl"
chmod 000 "$WORK/folder/sub/locked.txt"
as_user=
if [ "$(id -u)" -eq 0 ]; then
    if command -v setpriv >/dev/null 2>&1; then
        as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
        chmod 755 "$WORK" "$WORK/folder" "$WORK/folder/sub"
        mkdir -m 777 "$WORK/nobody"
    else
        echo "skipped (root, no setpriv): the unreadable-file case"
    fi
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$as_user" ]; then
    udb="$WORK/nobody/u.db"
    [ -n "$as_user" ] || udb="$WORK/u.db"
    (cd "$WORK" && $as_user "$SPINDLE" --db "$udb" ingest folder >"$WORK/.out" 2>"$WORK/.err")
    STATUS=$?
    OUT=$(cat "$WORK/.out"); ERR=$(cat "$WORK/.err")
    expect_status 1 "a folder with an unreadable file"
    expect_eq "$(printf '%s\n' "$ERR" | head -n 1)" "folder/sub/locked.txt: Permission denied" \
        "the unreadable file named with the reason"
    expect_err "added 2, skipped 0 duplicates, rejected 0" "the readable files are added"
    expect_eq "$(sqlite3 "$udb" "select group_concat(id) from (select id from articles order by id)")" \
        "folder/a.txt,r2" "exactly the readable articles stored"
    expect_eq "$(sqlite3 "$udb" "pragma integrity_check")" ok "integrity_check"
fi
chmod 644 "$WORK/folder/sub/locked.txt"

finish
