#!/usr/bin/env python3
"""tools/quality.py — judged precision of each rule on a corpus.

Usage:
  tools/quality.py SPINDLE [CORPUS] [--verdicts FILE] [--sample N]
  tools/quality.py SPINDLE [CORPUS] --draw N --out FILE [--seed S]
  tools/quality.py SPINDLE [CORPUS] --check

Runs `SPINDLE --enable all scan --format jsonl CORPUS` (every loaded rule,
those off by default too) and matches each finding against the judged
fixture (tests/quality/verdicts.jsonl). A verdict is keyed by the article's
path below the corpora folder, the rule and the flagged text, so it survives
changes that do not touch what a rule flags; docs/quality.md has the format
and the judging standard.

The table gives, per rule: the articles and findings, how many current
findings are judged and how they were judged (useful, true, false), the
precision (true or useful / judged) and the useful share (useful / judged),
how many current findings are unjudged, and how many judged findings have
vanished (the rule no longer flags that text). Then N unjudged findings per
rule in context, so a change shows its effect at once.

--draw N writes, for each rule, enough unjudged findings (picked with a fixed
seed) to bring its judged count to N (all of them where a rule has fewer),
as JSON Lines with the context a judge needs and empty verdict fields.
--check exits 1 when a rule that is on by default is under the bar
(precision 0.9, useful share 0.7) or has fewer than min(20, findings)
judged, or fires on more than a quarter of the articles.
"""
import argparse
import collections
import json
import os
import random
import subprocess
import sys
import textwrap

MIN_PRECISION = 0.9
MIN_USEFUL = 0.7
MIN_JUDGED = 20
MAX_SHARE = 0.25
VERDICTS = ("useful", "true", "false")


def article_key(path):
    """The article's path below the corpora folder ("bbc/business/1.txt")."""
    path = path.replace(os.sep, "/")
    marker = "corpora/"
    i = path.rfind(marker)
    return path[i + len(marker):] if i >= 0 else path


def finding_key(rec):
    return (article_key(rec["article"]), rec["rule"], rec["text"])


def load_verdicts(path):
    """Verdicts by key; a malformed line is an error naming it."""
    verdicts = {}
    if not os.path.exists(path):
        return verdicts
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                v = json.loads(line)
                key = (v["article"], v["rule"], v["text"])
                if v["verdict"] not in VERDICTS:
                    raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}")
            except (ValueError, KeyError) as e:
                sys.exit(f"{path}:{n}: {e}")
            verdicts[key] = v
    return verdicts


def read_article(path):
    """(title, body) as the text reader splits a .txt file."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    title = lines.pop(0).strip() if lines else ""
    while lines and not lines[0].strip():
        lines.pop(0)
    return title, "\n".join(lines)


def context(rec, width=160):
    """The flagged span in its paragraph, marked [[...]], with the title."""
    try:
        title, body = read_article(rec["article"])
    except OSError:
        return rec["text"]
    if rec.get("part") == "title":
        raw = title.encode("utf-8")
        s, e = rec["start"], rec["end"]
        return (raw[:s] + b"[[" + raw[s:e] + b"]]" + raw[e:]).decode("utf-8", "replace") + "  (title)"
    raw = body.encode("utf-8")
    start, end = rec["start"], rec["end"]
    if end > len(raw):
        return rec["text"]
    para_start = raw.rfind(b"\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = raw.find(b"\n\n", end)
    para_end = len(raw) if para_end < 0 else para_end
    before = raw[para_start:start].decode("utf-8", "replace")
    after = raw[end:para_end].decode("utf-8", "replace")
    if len(before) > width * 2:
        before = "…" + before[-width * 2:]
    if len(after) > width:
        after = after[:width] + "…"
    return f"{before}[[{raw[start:end].decode('utf-8', 'replace')}]]{after}"


def run_spindle(args):
    """(findings by rule, articles scanned, rule list) for the corpus."""
    base = [args.spindle]
    for r in args.rules:
        base += ["--rules", r]
    rules_out = subprocess.run(base + ["rules", "--format", "jsonl"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    if rules_out.returncode != 0:
        sys.exit(rules_out.stderr.strip() or "spindle rules failed")
    rules = [json.loads(line) for line in rules_out.stdout.splitlines()]
    has_off = any(r.get("enabled") is False for r in rules)
    cmd = base + (["--enable", "all"] if has_off else []) + \
        ["scan", "--format", "jsonl", "-q", args.corpus]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode not in (0, 3):
        sys.stderr.write(proc.stderr)
        sys.exit(proc.returncode)
    articles = 0
    findings = collections.defaultdict(list)
    for line in proc.stdout.splitlines():
        rec = json.loads(line)
        if rec["type"] == "article":
            articles += 1
        elif rec["type"] == "finding":
            findings[rec["rule"]].append(rec)
    return findings, articles, rules, proc.stderr


class Tally:
    """How one rule's current findings were judged."""

    def __init__(self, rid, found, verdicts, enabled):
        self.rid, self.enabled = rid, enabled
        self.findings = len(found)
        self.articles = len({r["article"] for r in found})
        self.counts = collections.Counter()
        self.unjudged = []
        current = set()
        for rec in found:
            key = finding_key(rec)
            current.add(key)
            v = verdicts.get(key)
            if v:
                self.counts[v["verdict"]] += 1
            else:
                self.unjudged.append(rec)
        self.vanished = sum(1 for k in verdicts if k[1] == rid and k not in current)
        self.judged = sum(self.counts.values())

    def precision(self):
        return (self.counts["true"] + self.counts["useful"]) / self.judged if self.judged else None

    def useful(self):
        return self.counts["useful"] / self.judged if self.judged else None

    def problems(self, articles):
        """Why this rule misses the bar (empty when it meets it)."""
        out = []
        need = min(MIN_JUDGED, self.findings)
        if self.judged < need:
            out.append(f"{self.judged} judged, needs {need}")
        p, u = self.precision(), self.useful()
        if p is not None and p < MIN_PRECISION:
            out.append(f"precision {p:.2f} < {MIN_PRECISION}")
        if u is not None and u < MIN_USEFUL:
            out.append(f"useful {u:.2f} < {MIN_USEFUL}")
        if articles and self.articles / articles > MAX_SHARE:
            out.append(f"fires on {self.articles / articles:.0%} of articles")
        return out


def fmt(x):
    return "   -" if x is None else f"{x:4.2f}"


def print_table(tallies, articles, corpus):
    print(f"corpus: {corpus}  articles: {articles}  rules: {len(tallies)}\n")
    print(f"{'rule':28} {'on':>3} {'arts':>5} {'share':>6} {'finds':>6} {'judged':>6} "
          f"{'useful':>6} {'true':>5} {'false':>5} {'prec':>5} {'usef':>5} {'unjdg':>5} {'gone':>5}")
    for t in tallies:
        share = t.articles / articles if articles else 0
        print(f"{t.rid:28} {'yes' if t.enabled else 'off':>3} {t.articles:5d} {share:6.1%} "
              f"{t.findings:6d} {t.judged:6d} {t.counts['useful']:6d} {t.counts['true']:5d} "
              f"{t.counts['false']:5d} {fmt(t.precision()):>5} {fmt(t.useful()):>5} "
              f"{len(t.unjudged):5d} {t.vanished:5d}")


def print_samples(tallies, n, rng):
    for t in tallies:
        if not t.unjudged or n <= 0:
            continue
        pick = rng.sample(t.unjudged, min(n, len(t.unjudged)))
        print(f"\n== {t.rid}: {len(pick)} of {len(t.unjudged)} unjudged findings")
        for rec in pick:
            print(f"- {article_key(rec['article'])}:{rec['line']}  {rec['message']}")
            print(textwrap.indent(textwrap.fill(context(rec), 100), "    "))


def draw(tallies, n, rng, out_path):
    """Writes the findings a judge should read next; returns how many."""
    rows = []
    for t in tallies:
        want = max(0, n - t.judged)
        for rec in rng.sample(t.unjudged, min(want, len(t.unjudged))):
            title, _ = read_article(rec["article"]) if os.path.exists(rec["article"]) else ("", "")
            rows.append({
                "article": article_key(rec["article"]), "rule": rec["rule"], "text": rec["text"],
                "line": rec["line"], "part": rec.get("part", "body"), "message": rec["message"],
                "evidence": rec.get("evidence", {}), "title": title, "context": context(rec),
                "verdict": "", "reason": "",
            })
    with open(out_path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("spindle")
    ap.add_argument("corpus", nargs="?", default="../shared/corpora/bbc")
    ap.add_argument("--verdicts", default="tests/quality/verdicts.jsonl")
    ap.add_argument("--sample", type=int, default=3, help="unjudged findings shown per rule")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rules", action="append", default=[])
    ap.add_argument("--draw", type=int, metavar="N")
    ap.add_argument("--out", help="where --draw writes")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()

    verdicts = load_verdicts(args.verdicts)
    findings, articles, rules, stderr = run_spindle(args)
    tallies = [Tally(r["rule"], findings[r["rule"]], verdicts, r.get("enabled", True))
               for r in rules]
    rng = random.Random(args.seed)

    if args.draw is not None:
        if not args.out:
            sys.exit("--draw needs --out FILE")
        print(f"{draw(tallies, args.draw, rng, args.out)} findings to judge written to {args.out}")
        return

    print_table(tallies, articles, args.corpus)
    if args.check:
        on = [t for t in tallies if t.enabled]
        failing = [(t.rid, p) for t in on for p in [t.problems(articles)] if p]
        for rid, p in failing:
            print(f"below the bar: {rid}: {'; '.join(p)}")
        print(f"\nrules on by default: {len(on) - len(failing)} passed, {len(failing)} failed")
        sys.exit(1 if failing else 0)
    print_samples(tallies, args.sample, rng)
    if stderr.strip():
        print("\nstderr:\n" + stderr.strip())


if __name__ == "__main__":
    main()
