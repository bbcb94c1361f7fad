#!/usr/bin/env python3
"""Writes the bad inputs too large or too odd to keep in git into DIR:
huge-line.jsonl (a 16 MB line and a 2 MB body), huge-title.jsonl and huge-title.txt (a 16 MB
title), deep.jsonl (JSON nested 100,000 deep, and a shallow record after it),
binary.bin (random bytes, fixed seed). Usage: generate.py DIR"""
import json, os, random, sys

out = sys.argv[1]
BIG = 16 * 1024 * 1024


def path(name):
    return os.path.join(out, name)


with open(path("huge-line.jsonl"), "w") as f:
    f.write(json.dumps({"id": "small-1", "body": "A small article before."}) + "\n")
    f.write('{"id": "huge", "body": "' + "x" * BIG + '"}\n')
    # under 6 x --max-bytes, so it is parsed and its body measured
    f.write(json.dumps({"id": "b-mid", "body": "w" * 2000000}) + "\n")
    f.write(json.dumps({"id": "small-2", "body": "A small article after."}) + "\n")
with open(path("huge-title.jsonl"), "w") as f:
    # under 6 x --max-bytes, so it is parsed and its title measured
    f.write(json.dumps({"id": "t-mid", "title": "y" * 3000000, "body": "Short."}) + "\n")
    f.write('{"id": "t-huge", "title": "' + "y" * BIG + '", "body": "Short."}\n')
    f.write(json.dumps({"id": "t-ok", "title": "Fine", "body": "Kept."}) + "\n")
with open(path("huge-title.txt"), "w") as f:
    f.write("z" * BIG + "\n\nA short body.\n")
with open(path("deep.jsonl"), "w") as f:
    f.write('{"id": "d1", "body": "x", "meta": ' + "[" * 100000 + "]" * 100000 + "}\n")
    f.write('{"id": "d2", "body": "x", "meta": ' + '{"a": ' * 3000 + "1" + "}" * 3000 + "}\n")
    f.write('{"id": "d3", "body": "Shallow nesting is kept.", "meta": ' + "[" * 10 + "]" * 10 + "}\n")
rng = random.Random(20261128)
with open(path("binary.bin"), "wb") as f:
    f.write(bytes(rng.getrandbits(8) for _ in range(4096)))
