#!/bin/sh
# tools/demo.sh — the main job on the samples: a fresh archive, ingest,
# score, and the ranking with the strongest findings.
# Usage: tools/demo.sh BUILD_DIR
set -e
build=${1:-build}
db="$build/demo.db"
rm -f "$db" "$db-wal" "$db-shm"
echo "== spindle ingest samples/"
"$build/spindle" --db "$db" ingest samples/
echo
echo "== spindle score"
"$build/spindle" --db "$db" score
echo
echo "== spindle top"
"$build/spindle" --db "$db" top --limit 20
echo
echo "Next: $build/spindle --db $db show ARTICLE   (an article with its findings marked)"
echo "      $build/spindle --db $db --enable all score && $build/spindle --db $db top"
echo "          (the nine rules that ship off too: anonymous sources, media echo, hedges, ...)"
