"""Checks that each command's --help names every option its getopt table
parses (long and short) and ends with a whole sentence.

Usage: python3 tests/e2e/help_options.py SPINDLE RUNTIME_DIR
Prints one line per problem; exits 1 when there is one.
"""
import glob
import re
import subprocess
import sys

COMMAND = re.compile(r"int cmd_(\w+)\(cli \*c, int argc, char \*\*argv\)\s*\{(.*?)\n\}", re.S)
LONG = re.compile(r'\{\s*"([\w-]+)",\s*(?:no|required|optional)_argument')
SHORT = re.compile(r'CLI_SHORT_OPTIONS\("([^"]*)"\)')


def problems(spindle, runtime):
    for path in sorted(glob.glob(runtime + "/cmd_*.c")):
        for m in COMMAND.finditer(open(path, encoding="utf-8").read()):
            command, body = m.group(1), m.group(2)
            text = subprocess.run([spindle, command, "--help"], capture_output=True,
                                  text=True).stdout
            for name in LONG.findall(body):
                if not re.search(r"(?<![\w-])--" + re.escape(name) + r"(?![\w-])", text):
                    yield "%s --help lacks --%s" % (command, name)
            letters = SHORT.findall(body)
            for letter in (letters[0].replace(":", "") if letters else ""):
                if not re.search(r"(?<![\w-])-" + letter + r"\b", text):
                    yield "%s --help lacks -%s" % (command, letter)
            if not text.rstrip().endswith((".", "this help")):
                yield "%s --help ends mid-sentence: %r" % (command, text.rstrip()[-60:])


found = list(problems(sys.argv[1], sys.argv[2]))
for p in found:
    print(p)
sys.exit(1 if found else 0)
