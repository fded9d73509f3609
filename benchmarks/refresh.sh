#!/usr/bin/env bash
# Refresh benchmark: newsreader's headless refresh against newsboat, in one call,
# on ../shared/bench's local news web (127.0.0.1), same concurrency for both.
#
#   benchmarks/refresh.sh [N] [M] [LATENCY_MS]      (default 200 20 50)
#   FULL_TEXT=1 benchmarks/refresh.sh 200 20 50     also fetch + clean + summarise pages
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
LABEL=$LABEL_NR \
SETUP_CMD="NEWSREADER_DB=\$BENCH_DIR/nr.db '$NR' import-opml \"\$BENCH_OPML\" >/dev/null" \
REFRESH_CMD="NEWSREADER_DB=\$BENCH_DIR/nr.db '$NR' refresh $MODE --json --concurrency \$BENCH_THREADS --per-host \$BENCH_THREADS" \
CHECK_CMD="sqlite3 \$BENCH_DIR/nr.db 'SELECT count(*) FROM items'" \
  bash "$BENCH/bench_refresh.sh" "$N" "$M" "$LAT" >/dev/null
python3 "$BENCH/summarize.py" "$RESULTS"
if [ "${FULL_TEXT:-0}" = 1 ]; then
  echo
  echo "articles stored (cold): see the check column; articles/s = items / cold wall"
fi
