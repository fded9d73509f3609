#!/usr/bin/env bash
# Refresh benchmark: newsreader's headless refresh against newsboat, in one call,
# on ../shared/bench's local news web (127.0.0.1), same concurrency for both.
#
#   benchmarks/refresh.sh [N] [M] [LATENCY_MS]      (default 200 20 50)
#   FULL_TEXT=1 benchmarks/refresh.sh 200 20 50     also fetch + clean + summarise pages
#   BASE_DB=store.db benchmarks/refresh.sh ...      refresh into a copy of that store (its feeds
#                                                   stay; the bench's are added), e.g. the
#                                                   million-item store of benchmarks/big_store.py
#   CONFIG=file.toml benchmarks/refresh.sh ...      newsreader with that config (rules, say)
#   DUE=1 benchmarks/refresh.sh ...                 refresh --due (as BASE_DB runs do; warm runs then
#                                                   find nothing due: use WARM_RUNS=0)
#
# Needs: apt-get install newsboat time sqlite3.  Prints a Markdown table of medians.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BENCH=${BENCH:-$ROOT/../shared/bench}
N=${1:-200}; M=${2:-20}; LAT=${3:-50}
export THREADS=${THREADS:-16} REPEATS=${REPEATS:-3} WARM_RUNS=${WARM_RUNS:-2}
WORK=${WORK_ROOT:-${TMPDIR:-/tmp}/newsreader-bench}
RESULTS=$WORK/results/refresh-$N-$M-$LAT-$(date +%s).tsv
export WORK_ROOT=$WORK RESULTS
NR=${NEWSREADER:-$ROOT/.venv/bin/newsreader}

if [ "${FULL_TEXT:-0}" = 1 ]; then MODE=""; LABEL_NR=newsreader-fulltext; else MODE="--feeds-only"; LABEL_NR=newsreader; fi

if [ "${SKIP_NEWSBOAT:-0}" != 1 ] && [ "${FULL_TEXT:-0}" != 1 ]; then
  LABEL=newsboat bash "$BENCH/bench_refresh.sh" "$N" "$M" "$LAT" >/dev/null
fi
COPY=""
if [ -n "${BASE_DB:-}" ]; then
  # The copy's own feeds were just refreshed, so `refresh --due` leaves them be and
  # refreshes the bench's feeds alone, as on an empty store.
  COPY="cp '$BASE_DB' \$BENCH_DIR/nr.db && sqlite3 \$BENCH_DIR/nr.db \"UPDATE feeds SET last_ok = strftime('%s','now')\" && "
  LABEL_NR="$LABEL_NR-$(basename "$BASE_DB" .db)"; MODE="$MODE --due"
fi
if [ "${DUE:-0}" = 1 ]; then MODE="$MODE --due"; fi
CFG=""
if [ -n "${CONFIG:-}" ]; then CFG="--config '$CONFIG'"; LABEL_NR="$LABEL_NR-$(basename "$CONFIG" .toml)"; fi
LABEL=$LABEL_NR \
SETUP_CMD="${COPY}NEWSREADER_DB=\$BENCH_DIR/nr.db '$NR' $CFG import-opml \"\$BENCH_OPML\" >/dev/null" \
REFRESH_CMD="NEWSREADER_DB=\$BENCH_DIR/nr.db '$NR' $CFG refresh $MODE --json --concurrency \$BENCH_THREADS --per-host \$BENCH_THREADS" \
CHECK_CMD="sqlite3 \$BENCH_DIR/nr.db 'SELECT count(*) FROM items'" \
  bash "$BENCH/bench_refresh.sh" "$N" "$M" "$LAT" >/dev/null
python3 "$BENCH/summarize.py" "$RESULTS"
if [ "${FULL_TEXT:-0}" = 1 ]; then
  echo
  echo "articles stored (cold): see the check column; articles/s = items / cold wall"
fi
