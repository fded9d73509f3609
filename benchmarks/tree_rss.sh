#!/usr/bin/env bash
# Peak resident memory of a command's whole process tree (main process plus workers),
# sampled every 100 ms from /proc.  GNU time reports only the largest single process.
#   benchmarks/tree_rss.sh COMMAND [ARGS...]
set -euo pipefail
"$@" & pid=$!
peak=0
while kill -0 "$pid" 2>/dev/null; do
  pids="$pid $(pgrep -P "$pid" | tr "\n" " " || true)"
  total=0
  for p in $pids; do
    kb=$(awk '/^VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  [ "$total" -gt "$peak" ] && peak=$total
  sleep 0.1
done
wait "$pid" || true
echo "peak tree RSS: $((peak / 1024)) MB" >&2
