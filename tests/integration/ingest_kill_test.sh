#!/usr/bin/env bash
# Crash safety of `parallax ingest`: SIGKILL at random points of an ingest of a generated corpus
# (KILL_RUNS runs, default 20). After each kill the database must open, pass PRAGMA
# integrity_check, hold whole batches only (every stored article has its story membership and
# its batch's journal; the article count is a multiple of the batch size), and a re-run must
# complete the rest: the final database equals one uninterrupted ingest, article for article
# (story and duplicate_of), story for story.
source "$(dirname "$0")/lib.sh"

RUNS="${KILL_RUNS:-20}"
N="${KILL_ARTICLES:-1500}"
BATCH=50
q() { sqlite3 -batch -noheader "$1" "$2"; }

# A fictional corpus: events with their own names and vocabulary, dated over two months, with
# wire copies (the same text under another outlet with a sentence added).
python3 - "$WORK/corpus.jsonl" "$N" <<'PY' || fail "corpus generation"
import json, random, sys
path, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(7)
places = ["Kellbrook", "Ostmere", "Varnholm", "Drecht", "Pellham", "Saltmarsh", "Verensk",
          "Alvara", "Norrtide", "Quillan"]
topics = [["ferry", "harbour", "rescue", "divers"], ["ballots", "recount", "turnout", "coalition"],
          ["vaccine", "trial", "dose", "regulator"], ["wildfire", "evacuation", "hectares", "winds"],
          ["merger", "shares", "takeover", "bid"], ["strike", "union", "wages", "railway"]]
generic = ["officials", "said", "on", "the", "a", "of", "in", "after", "local", "statement",
           "according", "to", "residents", "later", "morning", "region", "council"]
out = open(path, "w")
written = 0
i = 0
while written < n:
    e = i % 37
    place, topic = places[e % len(places)], topics[e % len(topics)]
    people = ["Person%d Lastname%d" % (e, e), "Other%d Name%d" % (e, e)]
    day = 1 + (e * 3 + i // 37) % 58
    sents = []
    for s in range(8):
        words = [rng.choice(topic + generic + [place] + people) for _ in range(14)]
        sents.append(" ".join(words).capitalize() + ".")
    title = "%s %s %s %d" % (place, topic[0], topic[1], i)
    rec = {"id": "a%d" % i, "title": title, "date": "2031-%02d-%02d" % (3 + day // 29, 1 + day % 29),
           "outlet": "Outlet %d" % (i % 9), "text": "\n\n".join(sents)}
    out.write(json.dumps(rec) + "\n")
    written += 1
    if i % 13 == 0 and written < n:
        copy = dict(rec, id="a%d-copy" % i, outlet="Outlet %d" % ((i + 4) % 9),
                    text=rec["text"] + "\n\nReporting by the wire desk.")
        out.write(json.dumps(copy) + "\n")
        written += 1
    i += 1
PY
FLAGS=(--text-field text --title-field title --date-field date --outlet-field outlet
       --id-field id --stages text --batch-size "$BATCH" -j 2 -q)

snapshot() {  # db -> per-article and per-story outcome, sorted
  q "$1" "SELECT a.id, m.story_id, COALESCE(d.duplicate_of, '') FROM articles a
          LEFT JOIN story_members m ON m.article_id = a.id
          LEFT JOIN duplicates d ON d.article_id = a.id ORDER BY a.id;
          SELECT id, label, first, last, article_count FROM stories ORDER BY id;"
}

start=$(date +%s%N)
"$BIN" ingest "$WORK/corpus.jsonl" --db "$WORK/ref.db" "${FLAGS[@]}" ||
  fail "reference ingest failed"
ref_ms=$((($(date +%s%N) - start) / 1000000))
snapshot "$WORK/ref.db" > "$WORK/ref.txt"
[[ $(q "$WORK/ref.db" "SELECT count(*) FROM articles") == "$N" ]] || fail "reference: not $N articles"
echo "reference ingest: $N articles in $ref_ms ms"

STORED=0
check_whole() {  # db run; sets STORED
  local db=$1 run=$2 n members journal batches
  STORED=0
  [[ $(q "$db" "PRAGMA integrity_check") == ok ]] || { fail "run $run: integrity_check"; return; }
  # Killed before the schema's first transaction committed: an empty database, nothing stored.
  [[ $(q "$db" "SELECT count(*) FROM sqlite_master WHERE type = 'table'") != 0 ]] || return 0
  n=$(q "$db" "SELECT count(*) FROM articles")
  members=$(q "$db" "SELECT count(*) FROM story_members")
  [[ "$n" == "$members" ]] || fail "run $run: $n articles but $members story members"
  # corpus.meta: "parallax.corpus/1 BATCHES CHECKPOINT"; batches are all full until the end.
  batches=$(q "$db" "SELECT CAST(value AS TEXT) FROM state WHERE key = 'corpus.meta'" | awk '{print $2}')
  batches=${batches:-0}
  ((n == batches * BATCH || n == N)) || fail "run $run: $n articles in $batches batches of $BATCH"
  journal=$(q "$db" "SELECT count(*) FROM state WHERE key LIKE 'corpus.journal.%'")
  [[ "$journal" == "$batches" ]] || fail "run $run: $journal journal entries for $batches batches"
  [[ $(q "$db" "SELECT count(*) FROM duplicates d LEFT JOIN articles a ON a.id = d.article_id
                WHERE a.id IS NULL") == 0 ]] || fail "run $run: duplicate rows without article"
  STORED=$n
}

killed_mid=0
for ((run = 0; run < RUNS; run++)); do
  db="$WORK/run$run.db"
  # Kill points spread over the whole ingest (opening, first batches, middle, end).
  delay_ms=$(((RANDOM % 100 + 1) * ref_ms / 100 + run % 3))
  "$BIN" ingest "$WORK/corpus.jsonl" --db "$db" "${FLAGS[@]}" &
  pid=$!
  sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
  kill -KILL "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  stored=0
  if [[ -f "$db" ]]; then
    check_whole "$db" "$run"
    stored=$STORED
  fi
  ((stored > 0 && stored < N)) && killed_mid=$((killed_mid + 1))
  # Every other run is killed a second time while resuming.
  if ((run % 2 == 1)); then
    "$BIN" ingest "$WORK/corpus.jsonl" --db "$db" "${FLAGS[@]}" &
    pid=$!
    sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 2000 }')"
    kill -KILL "$pid" 2> /dev/null
    wait "$pid" 2> /dev/null
    [[ -f "$db" ]] && check_whole "$db" "$run.2"
  fi
  "$BIN" ingest "$WORK/corpus.jsonl" --db "$db" "${FLAGS[@]}"
  rc=$?
  [[ $rc == 0 ]] || fail "run $run: re-run exit $rc"
  [[ $(q "$db" "SELECT count(*) FROM articles") == "$N" ]] || fail "run $run: final count"
  snapshot "$db" > "$WORK/run.txt"
  cmp -s "$WORK/ref.txt" "$WORK/run.txt" ||
    fail "run $run (killed after $delay_ms ms, $stored stored): differs from one run: $(diff "$WORK/ref.txt" "$WORK/run.txt" | head -5)"
  echo "run $run: killed after ${delay_ms} ms with $stored articles stored; re-run complete"
  rm -f "$db" "$db-wal" "$db-shm"
done
((killed_mid >= RUNS / 4)) || fail "only $killed_mid of $RUNS kills landed mid-ingest"
finish
