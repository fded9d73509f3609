#!/usr/bin/env bash
# Peak resident memory of a command's whole process tree (main process, the forkserver and
# its workers), sampled every 100 ms from /proc.  GNU time reports only the largest process.
#   benchmarks/tree_rss.sh COMMAND [ARGS...]
set -uo pipefail
"$@" & root=$!
descendants() {
  local pid=$1
  echo "$pid"
  for child in $(pgrep -P "$pid"); do descendants "$child"; done
}
peak=0
while kill -0 "$root" 2>/dev/null; do
  total=0
  for p in $(descendants "$root"); do
    kb=$(awk '/^VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null)
    total=$((total + ${kb:-0}))
  done
  [ "$total" -gt "$peak" ] && peak=$total
  sleep 0.1
done
wait "$root"
status=$?
echo "peak tree RSS: $((peak / 1024)) MB" >&2
exit $status
