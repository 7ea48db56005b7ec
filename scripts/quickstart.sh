#!/usr/bin/env bash
# The README's first command: install what is missing, build Release, and analyse the bundled
# example corpus (five fictional outlets covering one fictional event).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release
bin=build/release/apps/cli/parallax
echo
echo "== parallax analyze --format markdown examples/corpus"
"$bin" analyze --format markdown --outlet-map examples/outlets.csv examples/corpus
echo
echo "JSON records: $bin analyze examples/corpus --outlet-map examples/outlets.csv --pretty"
db=build/example.db
rm -f "$db" "$db-wal" "$db-shm"
echo
echo "== parallax ingest examples/corpus --db $db"
"$bin" ingest --progress never --outlet-map examples/outlets.csv --db "$db" examples/corpus
"$bin" stories --db "$db" --format table
echo
echo "Compare a story:   $bin compare --db $db --story ID"
echo "Open the web app:  $bin serve --db $db    then open http://127.0.0.1:8080 in a browser"
