# End-to-end: beyond one machine. GNU parallel runs `spindle scan` as a
# mapper in 4 processes over the articles; `ingest --results` loads the
# merged result lines into an archive as a run; the archive then holds the
# same findings and article scores as a single-process `score` of the same
# articles. Malformed result lines are rejected with file:line.
BUILD=$1
. tests/e2e/lib.sh

if ! command -v parallel >/dev/null 2>&1; then
    echo "skipping: GNU parallel is not installed (apt-get install parallel)"
    finish
    exit $?
fi

# the articles: the samples and, where the corpus is here, BBC business
python3 - "$WORK/articles.jsonl" "$ROOT/samples" "$CORPUS/business" <<'PY'
import json, os, sys
out = open(sys.argv[1], "w", encoding="utf-8")
for folder in sys.argv[2:]:
    if not os.path.isdir(folder):
        continue
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        lines = open(os.path.join(folder, name), encoding="utf-8", errors="replace").read().split("\n")
        while lines and not lines[0].strip():
            lines.pop(0)
        body = "\n".join(lines[1:]).strip("\n")
        out.write(json.dumps({"id": os.path.basename(folder) + "/" + name, "title": lines[0],
                              "body": body}) + "\n")
PY
n=$(wc -l <"$WORK/articles.jsonl" | tr -d ' ')

"$SPINDLE" --db "$WORK/one.db" ingest "$WORK/articles.jsonl" >/dev/null 2>&1
run "$SPINDLE" --db "$WORK/one.db" --enable all score --jobs 1
expect_status 0 "single-process score"

"$SPINDLE" --db "$WORK/cluster.db" ingest "$WORK/articles.jsonl" >/dev/null 2>&1
parallel --will-cite --pipe -N 20 -j 4 "$SPINDLE" --enable all scan --jobs 1 --format jsonl -q - \
    <"$WORK/articles.jsonl" >"$WORK/results.jsonl"
expect_eq "$?" 0 "GNU parallel ran 4 mappers"
articles=$(grep -c '"type":"article"' "$WORK/results.jsonl")
expect_eq "$articles" "$n" "the mappers scored every article once"

run "$SPINDLE" --db "$WORK/cluster.db" --enable all ingest --results "$WORK/results.jsonl"
expect_status 0 "ingest --results"
expect_err "articles, " "ingest --results summary"
expect_err "rejected 0" "no result line rejected"

for d in one cluster; do
    # the archive's own finding ids differ between archives: leave them out
    "$SPINDLE" --db "$WORK/$d.db" findings --format jsonl | sed 's/,"id":[0-9]*//' | sort >"$WORK/$d.findings"
    "$SPINDLE" --db "$WORK/$d.db" top --limit 100000 --format jsonl | sed 's/,"id":[0-9]*//' | sort >"$WORK/$d.top"
done
[ -s "$WORK/one.findings" ]; expect_true "there are findings to compare"
cmp -s "$WORK/one.findings" "$WORK/cluster.findings"; expect_true "cluster findings = single-process findings"
cmp -s "$WORK/one.top" "$WORK/cluster.top"; expect_true "cluster article scores = single-process scores"

# the run is recorded, and a later score has nothing left to do
run "$SPINDLE" --db "$WORK/cluster.db" --enable all score
expect_err " 0 scored, 0 rule calls" "score after ingest --results runs no rule"

# bad result lines: reported with file:line, the rest stored, exit 1
printf '{"type":"finding","article":"x","rule":"no-such-rule"}\nnot json\n' >"$WORK/bad.jsonl"
run "$SPINDLE" --db "$WORK/cluster.db" ingest --results "$WORK/bad.jsonl"
expect_status 1 "ingest --results with bad lines"
expect_err "bad.jsonl:1: rule 'no-such-rule' is not loaded" "unknown rule named with file:line"
expect_err "bad.jsonl:2: not a JSON object" "bad JSON named with file:line"

finish
