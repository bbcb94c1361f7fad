# End-to-end: kill -9 at 20 random moments (fixed seed) — 10 during
# `ingest` (of BBC business, politics and tech stories read by path: 1,250
# articles, two batches) and 10 during `score` (the 490 business stories,
# all rules on: three batches), each on its own archive; after each kill the archive passes PRAGMA
# integrity_check, and after an uninterrupted re-run its articles, findings
# and article scores are those of a run that was never killed.
BUILD=$1
. tests/e2e/lib.sh

if [ ! -d "$CORPUS/business" ]; then
    echo "skipped: $CORPUS not found"
    finish; exit $?
fi

python3 - "$SPINDLE" "$WORK" "$CORPUS/business" "$CORPUS/politics" "$CORPUS/tech" <<'PY' >"$WORK/results"
import os, random, shutil, signal, sqlite3, subprocess, sys, time

spindle, work, corpus = sys.argv[1], sys.argv[2], sys.argv[3:]
rng = random.Random(20261128)
RULES = ["--enable", "all"]


def spindle_args(db, *args):
    return [spindle, "--db", db] + RULES + list(args)


def check(cond, what):
    print(("ok " if cond else "FAIL ") + what)


def timed(db, *args):
    start = time.monotonic()
    rc = subprocess.call(spindle_args(db, *args), stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    return rc, time.monotonic() - start


def killed_at(db, delay, *args):
    """Starts spindle, SIGKILLs it after delay seconds; True if it was
    still running then."""
    p = subprocess.Popen(spindle_args(db, *args), stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    time.sleep(delay)
    alive = p.poll() is None
    if alive:
        p.send_signal(signal.SIGKILL)
    p.wait()
    return alive


def integrity(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("pragma integrity_check").fetchone()[0]
    finally:
        con.close()


def listing(db, *args):
    out = subprocess.run(spindle_args(db, *args, "--format", "jsonl"),
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
    return sorted(out.decode().splitlines())


def articles(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("select id, hash from articles order by id").fetchall()
    finally:
        con.close()


# the uninterrupted run, timed to place the kills
ref = os.path.join(work, "ref.db")
rc, ingest_time = timed(ref, "ingest", *corpus)
check(rc == 0, "reference ingest")
ref_articles = articles(ref)
os.remove(ref)
# score: the business stories only (about 500: three batches)
rc, _ = timed(ref, "ingest", corpus[0])
check(rc == 0, "ingest for the reference score")
shutil.copy(ref, os.path.join(work, "ingested.db"))
rc, score_time = timed(ref, "score")
check(rc == 0, "reference score")
ref_findings = listing(ref, "findings")
ref_top = listing(ref, "top", "--limit", "100000")

# each kill on its own archive: killed at a random moment of the job, then
# the job run again to the end
kills = 0
for i in range(10):
    db = os.path.join(work, "ingest%d.db" % i)
    delay = rng.uniform(0, 0.9 * ingest_time)
    kills += killed_at(db, delay, "ingest", *corpus)
    if os.path.exists(db):
        check(integrity(db) == "ok", "integrity_check after ingest was killed at %.3f s" % delay)
    rc, _ = timed(db, "ingest", *corpus)
    check(rc == 0 and articles(db) == ref_articles,
          "ingest killed at %.3f s and run again = an uninterrupted ingest" % delay)
    os.remove(db)

for i in range(10):
    db = os.path.join(work, "score%d.db" % i)
    shutil.copy(os.path.join(work, "ingested.db"), db)
    delay = rng.uniform(0, 0.9 * score_time)
    kills += killed_at(db, delay, "score")
    check(integrity(db) == "ok", "integrity_check after score was killed at %.3f s" % delay)
    rc, _ = timed(db, "score")
    check(rc == 0, "score runs to the end after the kill at %.3f s" % delay)
    check(listing(db, "findings") == ref_findings,
          "score killed at %.3f s and run again: the findings of an uninterrupted run" % delay)
    check(listing(db, "top", "--limit", "100000") == ref_top,
          "score killed at %.3f s and run again: the article scores of an uninterrupted run" % delay)
    con = sqlite3.connect(db)
    statuses = [s for (s,) in con.execute("select status from runs order by pk")]
    con.close()
    check(statuses[-1] == "done" and "running" not in statuses,
          "the killed run is marked interrupted, the last done (%s)" % ",".join(statuses))
    os.remove(db)
check(kills >= 12, "%d of the 20 kills hit a running process" % kills)
print("ok findings %d, articles %d, ingest %.2f s, score %.2f s" % (
    len(ref_findings), len(ref_articles), ingest_time, score_time), file=sys.stderr)
PY
while read -r verdict what; do
    if [ "$verdict" = ok ]; then ok; else fail "$what"; fi
done <"$WORK/results"
[ -s "$WORK/results" ]; expect_true "the crash driver ran"

finish
