#!/usr/bin/env bash
# A/B of two builds' benchmarks jars by ScreenLoop: RUNS fresh JVMs of each, alternating, LOOP_SECONDS
# each; prints, per build, quantiles of the per-second MB/s after WARMUP seconds. This VM's slow state
# only lowers figures, so compare the upper quantiles; the median tells how often a build met it.
#   benchmarks/alternate-loops.sh A.jar B.jar [varied]
# Environment: RUNS (default 6), LOOP_SECONDS (11), WARMUP (5), JAVA (java).
set -euo pipefail
A=$1; B=$2; KIND=${3:-}
RUNS=${RUNS:-6}; SECONDS_EACH=${LOOP_SECONDS:-11}; WARMUP=${WARMUP:-5}; JAVA=${JAVA:-java}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for ((k = 0; k < RUNS; k++)); do
  for side in A B; do
    jar=$A; [ "$side" = B ] && jar=$B
    if ! "$JAVA" -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp "$jar" org.fairnote.benchmarks.ScreenLoop "$SECONDS_EACH" $KIND \
        > "$work/run" 2> "$work/err"; then
      echo "ScreenLoop failed with $jar (a jar built before ScreenLoop existed?):" >&2
      cat "$work/err" >&2
      exit 1
    fi
    tail -n +$((WARMUP + 1)) "$work/run" >> "$work/$side"
  done
done
for side in A B; do
  jar=$A; [ "$side" = B ] && jar=$B
  sort -n "$work/$side" | awk -v name="$side $(basename "$jar")" '{v[NR] = $1}
    END {printf "%s: n=%d p50 %.1f p75 %.1f p90 %.1f max %.1f MB/s\n", name, NR, v[int((NR + 1) * 0.5)],
         v[int(NR * 0.75)], v[int(NR * 0.9)], v[NR]}'
done
