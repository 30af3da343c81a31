#!/usr/bin/env bash
# Runs the Fairnote benchmarks and writes JMH JSON (and logs) under benchmarks/results/.
#   benchmarks/run-benchmarks.sh quick     # about 3 minutes: full screen on 2 KB notes, the main peers
#   benchmarks/run-benchmarks.sh full      # about 35 minutes on 2 cores: every table in README.md
# Environment: JAVA (java binary, default java), OUT (output folder), BENCH_GROUPS (subset of the full
# groups, e.g. "screen peers"), PIN (e.g. "taskset -c 0,1" to hold the JVM to two cores), JAR (another
# build's benchmarks jar, e.g. a baseline copied aside), JVM_ARGS (added to every forked JVM's
# arguments, e.g. "-XX:+UseTransparentHugePages").
# Build first: mvn -q -B -pl benchmarks -am install -DskipTests
set -uo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-benchmarks/target/benchmarks.jar}
JAVA=${JAVA:-java}
PIN=${PIN:-}
MODE=${1:-quick}
OUT=${OUT:-benchmarks/results/$(date -u +%Y-%m-%d)-$MODE}
mkdir -p "$OUT"
if [ "$MODE" = quick ]; then
  OPTS=(-f 1 -wi 1 -w 1s -i 2 -r 2s)
else
  OPTS=(-f 1 -wi 4 -w 3s -i 5 -r 3s)
fi
{ echo "date: $(date -u +%FT%TZ)"; echo "nproc: $(nproc)"; grep -m1 'model name' /proc/cpuinfo;
  grep MemTotal /proc/meminfo; uptime; $JAVA -version 2>&1; echo "pin: ${PIN:-none}"; echo "jvm args: ${JVM_ARGS:-none}"; } > "$OUT/machine-$(date -u +%H%M%S).txt"
jmh() {
  local name=$1; shift
  $PIN $JAVA -jar "$JAR" "$@" "${OPTS[@]}" ${JVM_ARGS:+-jvmArgsPrepend "$JVM_ARGS"} -jvm "$(command -v $JAVA || echo $JAVA)" -rf json -rff "$OUT/$name.json" > "$OUT/$name.log" 2>&1
  echo "$name: $(grep -c '^Iteration' "$OUT/$name.log") iterations $(grep -m1 'WARNING' "$OUT/$name.log")"
}
want() { [ -z "${BENCH_GROUPS:-}" ] || [[ " $BENCH_GROUPS " == *" $1 "* ]]; }

if [ "$MODE" = quick ]; then
  jmh screen 'ScreenBenchmark.screen$' -p noteSize=2048 -p lexicon=DEFAULT -prof gc
  jmh peers 'PeerBenchmark.find$' -p phraseCount=500 -p peer=ENGINE,REGEX,LUCENE_MONITOR,AHO_CORASICK,FLOOR
  exit 0
fi

want screen && jmh screen 'ScreenBenchmark.screen$' -p lexicon=DEFAULT -prof gc
want screen && jmh screen-varied 'ScreenBenchmark.screen$' -p noteSize=2048 -p lexicon=DEFAULT -p corpus=VARIED -prof gc
want screen && jmh screen-threads 'ScreenBenchmark.screenAllThreads' -p noteSize=2048 -p lexicon=DEFAULT
want model && jmh screen-model 'ScreenWithModelBenchmark' -prof gc
want latency && jmh latency 'ScreenLatencyBenchmark' -p lexicon=DEFAULT,X100
want peers && jmh peers 'PeerBenchmark.find$' -p phraseCount=500 -prof gc
want scaling && jmh screen-lexicon-size 'ScreenBenchmark.screen$' -p noteSize=2048 -p lexicon=X10,X100 -prof gc
want scaling && jmh match 'MatchBenchmark.match$' -p noteSize=2048,1048576 -prof gc
want peers2 && jmh peers-threads 'PeerBenchmark.findAllThreads' -p phraseCount=500 -p peer=ENGINE,AHO_CORASICK
want peers2 && jmh peers-all 'PeerBenchmark.find$' -p phraseCount=ALL -p peer=ENGINE,REGEX,AHO_CORASICK,INDEX_OF,FLOOR
want tokenize && jmh tokenize 'TokenizeBenchmark' -prof gc
want sentences && jmh sentences 'SentenceBenchmark' -prof gc
if want coldstart; then
  $PIN $JAVA -jar "$JAR" ColdStartBenchmark -jvm "$(command -v $JAVA || echo $JAVA)" -rf json -rff "$OUT/coldstart.json" > "$OUT/coldstart.log" 2>&1
  for i in 1 2 3; do $PIN $JAVA -cp "$JAR" org.fairnote.benchmarks.ColdStart 2>&1 | grep -v WARNING; done > "$OUT/coldstart-main.txt"
  cat "$OUT/coldstart-main.txt"
fi
if want heap; then
  $JAVA -Djdk.attach.allowAttachSelf=true -cp "$JAR" org.fairnote.benchmarks.HeapFootprint 2>&1 | grep -v '^WARNING' > "$OUT/heap.txt"
  $JAVA -cp "$JAR" org.fairnote.benchmarks.SentenceEval > "$OUT/sentence-accuracy.txt" 2>/dev/null
fi
