#!/bin/sh
# bench/run.sh — throughput and memory of spindle on the BBC corpus, with a
# grep/ripgrep baseline, in one run. Prints a table; writes nothing into the
# repository (all work happens in a temporary directory that is removed).
#
# Usage: sh bench/run.sh [BUILD_DIR]          (what `make bench` runs)
# Environment:
#   BENCH_CORPUS  folder of .txt articles (default ../shared/corpora/bbc)
#   BENCH_SCALE   copies of the corpus in the large input (default 4)
#   BENCH_SYNTH   sizes of the synthetic archives, in articles (default
#                 "10000 100000"; "" skips them)
#
# See bench/README.md for what each line measures and how to read it.

build=${1:-build}
corpus=${BENCH_CORPUS:-../shared/corpora/bbc}
scale=${BENCH_SCALE:-4}
synth=${BENCH_SYNTH-10000 100000}

die() { echo "bench: $*" >&2; exit 1; }

[ -x "$build/spindle" ] || die "no $build/spindle; run 'make' first"
[ -d "$corpus" ] || die "no corpus at $corpus (set BENCH_CORPUS to a folder of .txt articles)"
command -v python3 >/dev/null 2>&1 || die "python3 is needed for timing and the report"
case $scale in ''|*[!0-9]*) die "BENCH_SCALE must be a whole number, not '$scale'" ;; esac
[ "$scale" -ge 2 ] || die "BENCH_SCALE must be at least 2 (memory is compared at 1x and ${scale}x)"

# The baseline is ripgrep: install it when we can (as root with apt).
if ! command -v rg >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bench: installing ripgrep for the baseline" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >/dev/null 2>&1 ||
        echo "bench: could not install ripgrep; grep -E is the baseline" >&2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/spindle-bench.XXXXXX") || die "cannot make a temporary directory"
trap 'rm -rf "$tmp"' EXIT
trap 'rm -rf "$tmp"; exit 130' INT TERM

# A private copy of the binary: the shared build directory may be rebuilt
# while we measure. The stdlib and rule pack are built into it.
cp "$build/spindle" "$tmp/spindle" || die "cannot copy $build/spindle"
spindle=$tmp/spindle

# Peak memory comes from GNU time when it is there, else from the rusage of
# the child as Python sees it. Nothing is installed.
if /usr/bin/time -v true >/dev/null 2>&1; then
    BENCH_TIME=/usr/bin/time
    rss_source="/usr/bin/time -v"
else
    BENCH_TIME=
    rss_source="python3 resource.getrusage(RUSAGE_CHILDREN)"
fi
export BENCH_TIME

# measure.py NAME CMD...: runs CMD (stdout/stderr as given by the shell),
# and writes "seconds max_rss_kb exit_status" to $tmp/NAME.stats.
cat >"$tmp/measure.py" <<'EOF'
import os, resource, subprocess, sys, time
stats, cmd = sys.argv[1], sys.argv[2:]
gnu_time = os.environ.get("BENCH_TIME")
time_out = stats + ".time"
if gnu_time:
    cmd = [gnu_time, "-v", "-o", time_out] + cmd
start = time.perf_counter()
status = subprocess.call(cmd)
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
if gnu_time:
    try:
        for line in open(time_out):
            if "Maximum resident set size" in line:
                rss = int(line.rsplit(":", 1)[1])
    except OSError:
        pass
with open(stats, "w") as f:
    f.write("%.6f %d %d\n" % (seconds, rss, status))
EOF

# run NAME CMD...: measures CMD with stdout to NAME.out, stderr to NAME.err.
run() {
    name=$1; shift
    python3 "$tmp/measure.py" "$tmp/$name.stats" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
}

# jobs_supported COMMAND: whether this build accepts --jobs 2 for it.
jobs_supported() {
    case $1 in
    scan)  printf '' | "$spindle" scan --jobs 2 -q - >/dev/null 2>&1 ;;
    score) "$spindle" --db "$tmp/probe.db" score --jobs 2 -q >/dev/null 2>&1 ;;
    esac
}

echo "bench: building inputs from $corpus (1x and ${scale}x) ..." >&2
# The inputs: JSON Lines of the corpus (first line title, the rest body),
# once and scale times. Copy k > 1 gets "[copy k] " before each title, so its
# ids and contents are new to the archive (the archive skips repeated
# content). The byte counts of the text go to inputs.json for the report.
python3 - "$corpus" "$scale" "$tmp" <<'EOF' || die "cannot build the inputs"
import json, os, sys
corpus, scale, tmp = sys.argv[1], int(sys.argv[2]), sys.argv[3]
docs = []
for folder, dirs, files in os.walk(corpus):
    dirs.sort()
    for name in sorted(files):
        if not name.endswith(".txt") or name.upper() == "README.TXT":
            continue
        path = os.path.join(folder, name)
        with open(path, "rb") as f:
            text = f.read().decode("utf-8", "replace")
        lines = text.strip().split("\n")
        docs.append((os.path.relpath(path, corpus), lines[0].strip(),
                     "\n".join(lines[1:]).strip()))
if not docs:
    sys.exit("no .txt articles under " + corpus)
info = {"corpus_articles": len(docs)}
for copies, label in ((1, "1x"), (scale, "big")):
    seen, total, unique = set(), 0, 0
    with open(os.path.join(tmp, label + ".jsonl"), "w", encoding="utf-8") as out:
        for k in range(1, copies + 1):
            for ident, title, body in docs:
                if k > 1:
                    ident, title = "copy%d/%s" % (k, ident), "[copy %d] %s" % (k, title)
                out.write(json.dumps({"id": ident, "title": title, "body": body},
                                     ensure_ascii=False) + "\n")
                size = len(title.encode()) + len(body.encode())
                total += size
                if (title, body) not in seen:
                    seen.add((title, body))
                    unique += size
    info[label] = {"articles": copies * len(docs), "text_bytes": total,
                   "unique_bytes": unique,
                   "file_bytes": os.path.getsize(os.path.join(tmp, label + ".jsonl"))}
json.dump(info, open(os.path.join(tmp, "inputs.json"), "w"))
EOF

# The pack: its rules and their needs words, as one regex for the baseline.
"$spindle" rules --format jsonl >"$tmp/rules.jsonl" 2>"$tmp/rules.err" ||
    die "spindle rules failed: $(cat "$tmp/rules.err")"
python3 - "$tmp" <<'EOF'
import json, re, sys
tmp = sys.argv[1]
words, rules, always = set(), 0, 0
for line in open(tmp + "/rules.jsonl", encoding="utf-8"):
    if not line.strip():
        continue
    r = json.loads(line)
    if r.get("type", "rule") != "rule":
        continue
    rules += 1
    needs = r.get("needs") or []
    if not needs:
        always += 1
    words.update(needs)
meta = r"\.^$|?*+()[]{}"
escape = lambda w: "".join("\\" + c if c in meta else c for c in w)
with open(tmp + "/needs.re", "w", encoding="utf-8") as f:
    if words:
        f.write("(" + "|".join(escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")\n")
json.dump({"rules": rules, "needs_words": len(words), "always_run": always},
          open(tmp + "/pack.json", "w"))
EOF

# Without GNU time the peak of a child includes the Python that started it
# (its pages before exec count): measure that floor with `true`.
[ -z "$BENCH_TIME" ] && run floor true

echo "bench: scan ..." >&2
run scan_1x "$spindle" scan --jobs 1 --format jsonl "$tmp/1x.jsonl"
run scan_big "$spindle" scan --jobs 1 --format jsonl "$tmp/big.jsonl"
if jobs_supported scan; then
    run scan_big_j2 "$spindle" scan --jobs 2 --format jsonl "$tmp/big.jsonl"
fi

echo "bench: ingest and score ..." >&2
run ingest_1x "$spindle" --db "$tmp/1x.db" ingest "$tmp/1x.jsonl"
run score_1x "$spindle" --db "$tmp/1x.db" score --jobs 1
run ingest_big "$spindle" --db "$tmp/big.db" ingest "$tmp/big.jsonl"
score_j2=no
if jobs_supported score; then
    score_j2=yes
    # the same unscored archive for the 2-job run (ingest closed it cleanly)
    for f in "$tmp/big.db" "$tmp/big.db-wal"; do
        [ -f "$f" ] && cp "$f" "$tmp/j2${f#"$tmp/big"}"
    done
fi
run score_big "$spindle" --db "$tmp/big.db" score --jobs 1
run rescore_big "$spindle" --db "$tmp/big.db" score --jobs 1
[ "$score_j2" = yes ] && run score_big_j2 "$spindle" --db "$tmp/j2.db" score --jobs 2

# Archive scale: synthetic news-like articles built from the corpus's own
# sentences (a fixed seed, new ids, 8-24 sentences in 2-6 paragraphs, a
# sentence as title), so every article is new to the archive. Scan and score
# at one and two jobs, with the rule files of rules/ (all rules on); memory
# at each size; then re-score after editing one rule file (only its rules
# run again).
if [ -n "$synth" ]; then
    echo "bench: synthetic archives ($synth articles) ..." >&2
    python3 - "$corpus" "$tmp" $synth <<'EOF' || die "cannot build the synthetic inputs"
import json, os, random, re, sys
corpus, tmp, sizes = sys.argv[1], sys.argv[2], [int(x) for x in sys.argv[3:]]
sentences = []
for folder, dirs, files in os.walk(corpus):
    dirs.sort()
    for name in sorted(files):
        if not name.endswith(".txt") or name.upper() == "README.TXT":
            continue
        text = open(os.path.join(folder, name), "rb").read().decode("utf-8", "replace")
        for para in text.split("\n")[1:]:
            sentences += [x for x in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", para.strip()) if len(x) > 20]
info = json.load(open(os.path.join(tmp, "inputs.json")))
for n in sizes:
    rng = random.Random(n)
    total = 0
    with open(os.path.join(tmp, "synth%d.jsonl" % n), "w", encoding="utf-8") as out:
        for i in range(n):
            paras = []
            for _ in range(rng.randint(2, 6)):
                paras.append(" ".join(rng.choice(sentences) for _ in range(rng.randint(1, 5))))
            title = rng.choice(sentences)[:90]
            body = "\n\n".join(paras)
            out.write(json.dumps({"id": "synth-%d-%d" % (n, i), "title": "%s (%d)" % (title, i),
                                  "body": body}, ensure_ascii=False) + "\n")
            total += len(title.encode()) + len(body.encode())
    info["synth%d" % n] = {"articles": n, "text_bytes": total}
json.dump(info, open(os.path.join(tmp, "inputs.json"), "w"))
EOF
    mkdir -p "$tmp/rules"
    cp "$(dirname "$0")/../rules/"*.lua "$tmp/rules/" || die "cannot copy the rule files"
    for n in $synth; do
        run "scan_s${n}_j1" "$spindle" --rules "$tmp/rules" scan --jobs 1 --format jsonl -q "$tmp/synth$n.jsonl"
        run "scan_s${n}_j2" "$spindle" --rules "$tmp/rules" scan --jobs 2 --format jsonl -q "$tmp/synth$n.jsonl"
        run "ingest_s$n" "$spindle" --db "$tmp/s$n.db" ingest "$tmp/synth$n.jsonl"
        for f in "$tmp/s$n.db" "$tmp/s$n.db-wal"; do
            [ -f "$f" ] && cp "$f" "$tmp/s${n}j2${f#"$tmp/s$n"}"
        done
        run "score_s${n}_j1" "$spindle" --db "$tmp/s$n.db" --rules "$tmp/rules" score --jobs 1
        run "score_s${n}_j2" "$spindle" --db "$tmp/s${n}j2.db" --rules "$tmp/rules" score --jobs 2
    done
    # edit one rule file (a comment is enough to change its source) and re-score
    last=${synth##* }
    printf '\n-- edited for the benchmark\n' >>"$tmp/rules/sourcing_wire.lua"
    run "rescore_edit" "$spindle" --db "$tmp/s$last.db" --rules "$tmp/rules" score --jobs 2
    # and a rule whose needs words are rarer, so that its candidate articles
    # come from the full-text index (docs/scale.md)
    printf '\n-- edited for the benchmark\n' >>"$tmp/rules/sourcing_denial.lua"
    run "rescore_rare" "$spindle" --db "$tmp/s$last.db" --rules "$tmp/rules" score --jobs 2
fi

echo "bench: baseline ..." >&2
if [ -s "$tmp/needs.re" ]; then
    if command -v rg >/dev/null 2>&1; then
        baseline="rg -c -i"
        run baseline rg -c -i -f "$tmp/needs.re" "$tmp/big.jsonl"
    else
        baseline="grep -E -i -c (no rg)"
        run baseline env LC_ALL=C grep -E -i -c -f "$tmp/needs.re" "$tmp/big.jsonl"
    fi
else
    baseline="none: the pack declares no needs words"
fi

# The report.
python3 - "$tmp" "$scale" "$rss_source" "$baseline" "$build/spindle" <<'EOF'
import json, os, re, sys
tmp, scale, rss_source, baseline, binary = sys.argv[1:6]
inputs = json.load(open(tmp + "/inputs.json"))
pack = json.load(open(tmp + "/pack.json"))
failed = []

def stats(name):
    path = "%s/%s.stats" % (tmp, name)
    if not os.path.exists(path):
        return None
    seconds, rss, status = open(path).read().split()
    return float(seconds), int(rss), int(status)

def text(name, stream):
    try:
        return open("%s/%s.%s" % (tmp, name, stream), encoding="utf-8", errors="replace").read()
    except OSError:
        return ""

def number(pattern, s, default=0):
    m = re.search(pattern, s)
    return int(m.group(1)) if m else default

def mb(n):
    return n / 1e6

version = os.popen("'%s' --version 2>/dev/null" % (tmp + "/spindle")).read().strip()
cpus = os.cpu_count() or 1
model = ""
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
except OSError:
    pass
big, one = inputs["big"], inputs["1x"]
print()
print("Spindle benchmark: %s (%s)" % (binary, version or "version unknown"))
print("machine:  %d CPU%s%s; peak RSS from %s" % (cpus, "" if cpus == 1 else "s",
      " (" + model + ")" if model else "", rss_source))
floor = stats("floor")
if floor:
    print("          (without GNU time every peak includes the measuring python3: %.1f MB for"
          " `true`)" % (floor[1] / 1024))
print("rules:    %d in the built-in pack, %d needs words, %d without needs (always run)"
      % (pack["rules"], pack["needs_words"], pack["always_run"]))
print("input:    BBC corpus, %d articles, %.1f MB of text; %sx = %d articles, %.1f MB "
      "(%.1f MB as JSON Lines)" % (inputs["corpus_articles"], mb(one["text_bytes"]), scale,
      big["articles"], mb(big["text_bytes"]), mb(big["file_bytes"])))
print("          MB = 10^6 bytes of title+body text; score counts the articles the archive keeps")
print()

header = "%-34s %5s %8s %8s %11s %9s  %s" % ("step", "input", "time s", "MB/s", "articles/s",
                                             "peak MB", "notes")
print(header)
print("-" * len(header))

def row(label, name, size, articles, notes="", label_input=None):
    s = stats(name)
    inp = label_input or (scale + "x")
    if s is None:
        print("%-34s %5s %8s" % (label, inp, "n/a"), notes)
        return None
    seconds, rss, status = s
    if status != 0:
        failed.append(name)
        err = text(name, "err").strip().splitlines()
        print("%-34s %5s   FAILED (exit %d): %s" % (label, inp, status, err[-1] if err else ""))
        return s
    rate = lambda x: x / seconds if seconds > 0 else float("inf")
    mbs = "%8.2f" % rate(mb(size)) if size is not None else "%8s" % "-"
    arts = "%11.0f" % rate(articles) if articles is not None else "%11s" % "-"
    print("%-34s %5s %8.3f %s %s %9.1f  %s" % (label, inp, seconds, mbs, arts, rss / 1024, notes))
    return s

# scan
scan_err = text("scan_big", "err")
scanned = number(r"scanned (\d+) article", scan_err, big["articles"])
findings = number(r": (\d+) finding", scan_err)
scan = row("scan --format jsonl", "scan_big", big["text_bytes"], scanned,
           "%d findings" % findings)
scan2 = row("scan --jobs 2", "scan_big_j2", big["text_bytes"], scanned,
            notes="" if stats("scan_big_j2") else "(single-threaded build)")

# ingest
ingest_out = text("ingest_big", "err")          # summaries go to stderr
added = number(r"added (\d+)", ingest_out)
row("ingest", "ingest_big", big["text_bytes"], big["articles"],
    "%d added, %d duplicates skipped" % (added, number(r"skipped (\d+)", ingest_out)))

# score
def score_notes(name):
    out = text(name, "err")
    return (number(r"(\d+) articles,", out), number(r"(\d+) rule calls", out),
            number(r"(\d+) article-rule pairs", out), number(r"(\d+) findings", out))
n, calls, skipped, found = score_notes("score_big")
score = row("score (first run)", "score_big", big["unique_bytes"], n,
            "%d rule calls, %d findings" % (calls, found))
score2 = row("score --jobs 2 (first run)", "score_big_j2", big["unique_bytes"], n,
             notes="" if stats("score_big_j2") else "(single-threaded build)")
n2, calls2, skipped2, _ = score_notes("rescore_big")
row("score again (incremental)", "rescore_big", None, None,
    "%d articles read, %d rule calls, %d pairs already scored" % (n2, calls2, skipped2))

# baseline
base = None
if stats("baseline"):
    matched = text("baseline", "out").strip().split()
    base = row("baseline: " + baseline, "baseline", big["text_bytes"], big["articles"],
               "%s lines match a needs word" % (matched[0] if matched else "?"))
    if "no rg" in baseline:
        print("%-34s %5s   (ripgrep is not installed, so grep -E is the baseline)" % ("", ""))
else:
    print("%-34s %5s %8s  %s" % ("baseline", scale + "x", "n/a", baseline))
print()

def ok(s):
    return s is not None and s[2] == 0

if ok(scan) and ok(base) and base[0] > 0:
    print("scan vs baseline: spindle scan takes %.1fx the time of %s over the same text"
          % (scan[0] / base[0], baseline.split(" (")[0]))
    print("                  (the baseline only finds the needs words; spindle runs the rules)")
for label, one_job, two in (("scan", scan, scan2), ("score", score, score2)):
    if ok(one_job) and ok(two) and two[0] > 0:
        speedup = one_job[0] / two[0]
        print("%s --jobs 2: %.2fx one job (target >= 1.7x)%s" % (label, speedup,
              "" if speedup >= 1.7 else "  BELOW TARGET"))
print()

# memory against input and archive size
print("%-22s %10s %10s %8s" % ("peak memory", "1x MB", scale + "x MB", "ratio"))
for label, small_name, big_name in (("scan", "scan_1x", "scan_big"),
                                    ("ingest", "ingest_1x", "ingest_big"),
                                    ("score (first run)", "score_1x", "score_big")):
    a, b = stats(small_name), stats(big_name)
    if not ok(a) or not ok(b):
        failed.extend(x for x, s in ((small_name, a), (big_name, b)) if s and s[2] != 0)
        print("%-22s %10s" % (label, "failed"))
        continue
    ratio = b[1] / a[1] if a[1] else float("inf")
    verdict = "flat" if ratio < 1.25 else "GROWS with input size"
    if floor and b[1] <= floor[1] * 1.1:
        verdict = "not measurable: at the python3 floor"
    print("%-22s %10.1f %10.1f %7.2fx  %s" % (label, a[1] / 1024, b[1] / 1024, ratio, verdict))
for name in ("scan_1x", "score_1x", "ingest_1x"):
    s = stats(name)
    if s and s[2] != 0 and name not in failed:
        failed.append(name)
# archive scale
sizes = sorted(int(k[5:]) for k in inputs if k.startswith("synth"))
if sizes:
    print()
    print("archive scale: synthetic articles from the corpus's sentences; the rule files of")
    print("rules/ loaded with --rules, so all %d rules run (those that ship off too)" % pack["rules"])
    print(header)
    print("-" * len(header))
    for n in sizes:
        size, label = inputs["synth%d" % n]["text_bytes"], "%dk" % (n // 1000)
        for what, name in (("scan --jobs 1", "scan_s%d_j1"), ("scan --jobs 2", "scan_s%d_j2"),
                           ("ingest", "ingest_s%d"), ("score --jobs 1 (first run)", "score_s%d_j1"),
                           ("score --jobs 2 (first run)", "score_s%d_j2")):
            row(what, name % n, size, n, label_input=label)
    for name, label in (("rescore_edit", "score again after editing one rule"),
                        ("rescore_rare", "the same, a rule with rarer needs")):
        out = text(name, "err")
        row(label, name, None, None,
            "%d rule calls for %d articles" % (number(r"(\d+) rule calls", out),
                                              number(r"(\d+) articles,", out)),
            label_input="%dk" % (sizes[-1] // 1000))
    if len(sizes) > 1:
        a_n, b_n = sizes[0], sizes[-1]
        print()
        print("%-22s %10s %10s %8s" % ("peak memory", "%dk MB" % (a_n // 1000),
                                       "%dk MB" % (b_n // 1000), "ratio"))
        for label, name in (("scan --jobs 1", "scan_s%d_j1"), ("scan --jobs 2", "scan_s%d_j2"),
                            ("score --jobs 1", "score_s%d_j1"), ("score --jobs 2", "score_s%d_j2")):
            a, b = stats(name % a_n), stats(name % b_n)
            if ok(a) and ok(b):
                ratio = b[1] / a[1] if a[1] else float("inf")
                print("%-22s %10.1f %10.1f %7.2fx  %s" % (label, a[1] / 1024, b[1] / 1024, ratio,
                      "within 10%" if ratio <= 1.10 else "GROWS by more than 10%"))
    for n in sizes:
        for name in ("scan_s%d_j1", "scan_s%d_j2", "ingest_s%d", "score_s%d_j1", "score_s%d_j2"):
            s = stats(name % n)
            if s and s[2] != 0 and (name % n) not in failed:
                failed.append(name % n)

t1, tb = stats("score_1x"), stats("score_big")
if ok(t1) and ok(tb) and t1[0] > 0:
    print("score time %sx / 1x: %.2f (linear would be %s)" % (scale, tb[0] / t1[0], scale))
if failed:
    print()
    for name in sorted(set(failed)):
        print("FAILED: %s; its stderr ends:" % name)
        for line in text(name, "err").strip().splitlines()[-5:]:
            print("    " + line)
    sys.exit(1)
EOF
