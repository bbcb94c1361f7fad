#!/usr/bin/env python3
"""tools/quality.py — how often each rule fires on a corpus, with a random
sample of what it flagged, so a person can judge precision at a glance.

Usage: tools/quality.py SPINDLE [CORPUS] [--sample N] [--seed S] [--rules PATH]
Runs `SPINDLE scan --format jsonl CORPUS` and prints, per rule: the articles
and sentences it fired on (and the share of articles), then N flagged
sentences picked at random (a fixed seed, so runs compare). A rule firing on
more than a quarter of the articles is marked TOO LOOSE.
"""
import argparse
import collections
import json
import random
import subprocess
import sys
import textwrap


def context(rec, width=110):
    """The flagged span in its line of the article file, marked [[...]]."""
    try:
        with open(rec["article"], encoding="utf-8", errors="replace") as f:
            text = f.read()
    except OSError:
        return rec["text"]
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    lines = lines[1:]                                  # the title
    while lines and not lines[0].strip():
        lines.pop(0)
    body = "\n".join(lines).encode("utf-8")
    start, end = rec["start"], rec["end"]
    if end > len(body):
        return rec["text"]
    line_start = body.rfind(b"\n", 0, start) + 1
    line_end = body.find(b"\n", end)
    line_end = len(body) if line_end < 0 else line_end
    before = body[line_start:start].decode("utf-8", "replace")[-width:]
    after = body[end:line_end].decode("utf-8", "replace")[:width]
    span = body[start:end].decode("utf-8", "replace")
    return f"{before}[[{span}]]{after}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("spindle")
    ap.add_argument("corpus", nargs="?", default="../shared/corpora/bbc")
    ap.add_argument("--sample", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rules", action="append", default=[])
    args = ap.parse_args()

    cmd = [args.spindle]
    for r in args.rules:
        cmd += ["--rules", r]
    cmd += ["scan", "--format", "jsonl", "-q", args.corpus]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode not in (0, 3):
        sys.stderr.write(proc.stderr)
        sys.exit(proc.returncode)
    rules_cmd = [args.spindle] + sum((["--rules", r] for r in args.rules), []) + ["rules", "--format", "jsonl"]
    rule_ids = [json.loads(l)["rule"] for l in subprocess.run(
        rules_cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout.splitlines()]

    articles = 0
    fired = collections.defaultdict(set)
    findings = collections.defaultdict(list)
    for line in proc.stdout.splitlines():
        rec = json.loads(line)
        if rec["type"] == "article":
            articles += 1
        else:
            fired[rec["rule"]].add(rec["article"])
            findings[rec["rule"]].append(rec)

    rng = random.Random(args.seed)
    print(f"corpus: {args.corpus}  articles: {articles}  rules: {len(rule_ids)}\n")
    print(f"{'rule':32} {'articles':>9} {'share':>7} {'findings':>9}")
    for rid in rule_ids:
        n = len(fired[rid])
        share = n / articles if articles else 0
        flag = "  TOO LOOSE" if share > 0.25 else ""
        print(f"{rid:32} {n:9d} {share:7.1%} {len(findings[rid]):9d}{flag}")
    for rid in rule_ids:
        rows = findings[rid]
        if not rows:
            continue
        print(f"\n== {rid}: {min(args.sample, len(rows))} of {len(rows)} findings")
        for rec in rng.sample(rows, min(args.sample, len(rows))):
            where = rec["article"].split("corpora/")[-1]
            print(f"- {where}:{rec['line']}  {rec['message']}")
            print(textwrap.indent(textwrap.fill(context(rec), 100), "    "))
    if proc.stderr.strip():
        print("\nstderr:\n" + proc.stderr.strip())


if __name__ == "__main__":
    main()
