#!/usr/bin/env bash
# Start-up time and resident memory of the runnable sandbox (app/target/papi-sandbox.jar).
#
#   bench/scripts/server-probe.sh [--launcher] [--startup-only] [--fill N] [--keep-data] [-- extra 'serve' options]
#
# 1. starts `java -jar app/target/papi-sandbox.jar serve --port 0 --data-dir <fresh tmp dir>` (with
#    --launcher: `./papi-sandbox serve ...`, i.e. the launcher's JVM options: its AppCDS archive and
#    -Xmx768m -XX:+UseParallelGC, or PAPI_SANDBOX_JAVA_OPTS) and reports the wall time from launch to the first answered
#    GET /papi/v1/ping (polled every ~2 ms);
# 2. after 5 s idle, reports VmRSS from /proc/<pid>/status (not with --startup-only, which stops here);
# 3. with --fill N: opens enough generated accounts (--accounts, 190 orders each), places N resting
#    orders through the load generator (closed loop) and reports VmRSS again, the live heap by class
#    (jcmd GC.class_histogram) and VmRSS after that full GC;
# 4. prints the server's snapshot and warning lines (its log is deleted with the data dir).
# PROBE_JAVA_OPTS (environment) adds JVM options to the server started with `java -jar`, e.g.
# -XX:SharedArchiveFile=app.jsa; with --launcher set PAPI_SANDBOX_JAVA_OPTS instead (it replaces the launcher's defaults).
# The first launcher run after a build records the launcher's AppCDS archive first: do not time that one.
# Build first: ./mvnw -q -B -Dmaven.test.skip=true -pl app,bench -am package
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="$ROOT/app/target/papi-sandbox.jar"
BENCH="$ROOT/bench/target/benchmarks.jar"
FILL=0
KEEP=0
LAUNCHER=0
STARTUP_ONLY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --fill) FILL="$2"; shift 2 ;;
    --keep-data) KEEP=1; shift ;;
    --launcher) LAUNCHER=1; shift ;;
    --startup-only) STARTUP_ONLY=1; shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[ -f "$JAR" ] || { echo "missing $JAR: build it first" >&2; exit 2; }

DATA="$(mktemp -d /tmp/papi-probe.XXXXXX)"
LOG="$DATA/server.log"
ACCOUNT_FLAGS=()
if [ "$FILL" -gt 0 ]; then
  ACCOUNTS=$(( (FILL + 189) / 190 + 2 ))
  # shellcheck disable=SC2207
  ACCOUNT_FLAGS=($(java -cp "$BENCH" com.papisandbox.bench.LoadGenerator --print-serve-flags --accounts "$ACCOUNTS"))
fi

rss() { awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$1/status"; }

START=$(date +%s%N)
if [ "$LAUNCHER" = 1 ]; then
  # the launcher ends with `exec java`, so $! is the server's pid
  "$ROOT/papi-sandbox" serve --port 0 --data-dir "$DATA" --no-rate-limits "${ACCOUNT_FLAGS[@]}" "$@" >"$LOG" 2>&1 &
else
  java ${PROBE_JAVA_OPTS:-} -jar "$JAR" serve --port 0 --data-dir "$DATA" --no-rate-limits "${ACCOUNT_FLAGS[@]}" "$@" >"$LOG" 2>&1 &
fi
PID=$!
cleanup() {
  grep -E 'snapshot|WARN|ERROR|OutOfMemory' "$LOG" 2>/dev/null | sed 's/^/server log: /' || true
  kill "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  if [ "$KEEP" = 0 ]; then rm -rf "$DATA"; else echo "data kept in $DATA"; fi
}
trap cleanup EXIT
URL=""
while :; do
  if ! kill -0 "$PID" 2>/dev/null; then echo "server exited:" >&2; cat "$LOG" >&2; exit 1; fi
  [ -n "$URL" ] || URL="$(grep -o 'listening on http://[^ ]*' "$LOG" 2>/dev/null | head -n 1 | sed 's/listening on //; s/[^0-9a-z:/.]*$//')" || true
  if [ -n "$URL" ] && curl -sf -o /dev/null "$URL/papi/v1/ping"; then break; fi
  sleep 0.002
done
END=$(date +%s%N)
echo "server $URL (pid $PID), accounts opened at start: $(( ${#ACCOUNT_FLAGS[@]} / 2 ))"
echo "start-up to first answered ping: $(( (END - START) / 1000000 )) ms"
echo "JVM: $(tr '\0' ' ' < "/proc/$PID/cmdline" | sed 's/ -jar .*//')"
[ "$STARTUP_ONLY" = 1 ] && exit 0
sleep 5
echo "RSS idle (5 s after start): $(rss "$PID")"
if [ "$FILL" -gt 0 ]; then
  java -cp "$BENCH" com.papisandbox.bench.LoadGenerator --url "$URL" --mode closed --scenario fill \
    --prefill "$FILL" --accounts "$ACCOUNTS" --connections 64 --threads 2
  sleep 5
  echo "RSS with $FILL resting orders (5 s after the fill): $(rss "$PID")"
  echo "live heap by class (jcmd GC.class_histogram, which runs a full GC first):"
  jcmd "$PID" GC.class_histogram | head -n 16
  jcmd "$PID" GC.heap_info | grep -E 'garbage-first heap|region size' || true
  sleep 2
  echo "RSS after that full GC: $(rss "$PID")"
fi
