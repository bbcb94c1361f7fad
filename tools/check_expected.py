#!/usr/bin/env python3
"""tools/check_expected.py — checks a scan of the samples against
samples/expected.jsonl, the findings each sample must and must not produce.

Usage: spindle scan --format jsonl samples/ | tools/check_expected.py samples/expected.jsonl

Each line of expected.jsonl is
  {"article": ID, "rule": RULE, "expect": "flag"|"pass", "sentence": TEXT?,
   "part": "title"|"body"?, "note": WHY?}
"flag": some finding of RULE starts inside the words TEXT of that part of
the article (the body unless "part" says "title"), or anywhere in the
article when "sentence" is absent; "pass": none does. Prints one line per
expectation that fails and ends "expected: N passed, N failed".
"""
import json
import sys


def article_bodies(samples_dir):
    """Bodies of the sample articles by id, as the engine reads them."""
    import os
    bodies = {}
    for name in sorted(os.listdir(samples_dir)):
        path = os.path.join(samples_dir, name)
        if name.endswith(".txt"):
            lines = open(path, encoding="utf-8").read().split("\n")
            while lines and not lines[0].strip():
                lines.pop(0)
            rest = lines[1:]
            while rest and not rest[0].strip():
                rest.pop(0)
            bodies[path] = {"body": "\n".join(rest), "title": lines[0].strip() if lines else ""}
        elif name.endswith(".jsonl"):
            for line in open(path, encoding="utf-8"):
                if line.strip():
                    rec = json.loads(line)
                    if rec.get("type", "article") == "article":
                        bodies[str(rec["id"])] = {"body": rec["body"], "title": rec.get("title", "")}
    return bodies


def main():
    expected_path = sys.argv[1]
    samples_dir = expected_path.rsplit("/", 1)[0] if "/" in expected_path else "."
    bodies = article_bodies(samples_dir)
    findings = {}
    for line in sys.stdin:
        rec = json.loads(line)
        if rec["type"] == "finding":
            findings.setdefault((rec["article"], rec["rule"]), []).append(rec)
    passed = failed = 0
    for n, line in enumerate(open(expected_path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        exp = json.loads(line)
        art, rule, want = exp["article"], exp["rule"], exp["expect"]
        if art not in bodies:
            print(f"{expected_path}:{n}: no sample article '{art}'")
            failed += 1
            continue
        # the named part; the body for a sentence; the whole article otherwise
        part = exp.get("part") or ("body" if "sentence" in exp else None)
        hits = [h for h in findings.get((art, rule), [])
                if part is None or h.get("part", "body") == part]
        if "sentence" in exp:
            body = bodies[art][part].encode("utf-8")
            at = body.find(exp["sentence"].encode("utf-8"))
            if at < 0:
                print(f"{expected_path}:{n}: sentence not found in {art}: {exp['sentence'][:60]}")
                failed += 1
                continue
            end = at + len(exp["sentence"].encode("utf-8"))
            hits = [h for h in hits if at <= h["start"] < end or h["start"] <= at < h["end"]]
        ok = bool(hits) if want == "flag" else not hits
        if ok:
            passed += 1
        else:
            failed += 1
            where = f" in \"{exp['sentence'][:70]}\"" if "sentence" in exp else ""
            if want == "flag":
                print(f"{expected_path}:{n}: {art}: {rule} should flag{where} but did not")
            else:
                print(f"{expected_path}:{n}: {art}: {rule} should not flag{where}: "
                      + "; ".join(h["text"][:60] for h in hits))
    print(f"expected: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
