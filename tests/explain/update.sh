#!/bin/sh
# tests/explain/update.sh — rewrites the golden explain accounts
# (tests/explain/RULE.txt) from tests/explain/cases ("RULE SAMPLE" lines).
# Run from the repository root after a deliberate change; read the diff.
# Usage: sh tests/explain/update.sh [BUILD_DIR]
build=${1:-build}
while read -r rule sample; do
    case "$rule" in ''|'#'*) continue ;; esac
    NO_COLOR=1 "$build/spindle" --enable all explain "$rule" "$sample" > "tests/explain/$rule.txt" ||
        echo "explain $rule $sample failed" >&2
done < tests/explain/cases
