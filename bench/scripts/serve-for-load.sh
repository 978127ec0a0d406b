#!/usr/bin/env bash
# Runs app/target/papi-sandbox.jar as the load generator's target: a fresh journal in a new temporary
# directory, rate limits off, and the generator's deterministic accounts (bench000000...) opened.
#
#   bench/scripts/serve-for-load.sh PORT ACCOUNTS [more 'serve' options, e.g. --snapshot-every 0]
#
# JAVA_OPTS (environment) adds JVM options, e.g. JAVA_OPTS="-Xlog:gc:file=gc.log".
# LAUNCHER=1 (environment) starts the server through ./papi-sandbox instead of `java -jar`, i.e. with the
# launcher's JVM options (its AppCDS archive and -Xmx768m -XX:+UseParallelGC, or PAPI_SANDBOX_JAVA_OPTS, which replaces
# those; JAVA_OPTS is then ignored).
# Then, in another terminal:
#   java -cp bench/target/benchmarks.jar com.papisandbox.bench.LoadGenerator --url http://127.0.0.1:PORT --accounts ACCOUNTS ...
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PORT="$1"; ACCOUNTS="$2"; shift 2
DATA="$(mktemp -d /tmp/papi-load.XXXXXX)"
# shellcheck disable=SC2207
FLAGS=($(java -cp "$ROOT/bench/target/benchmarks.jar" com.papisandbox.bench.LoadGenerator --print-serve-flags --accounts "$ACCOUNTS"))
echo "journal in $DATA" >&2
if [ "${LAUNCHER:-0}" = 1 ]; then
  exec "$ROOT/papi-sandbox" serve --port "$PORT" --data-dir "$DATA" --no-rate-limits "${FLAGS[@]}" "$@"
fi
exec java ${JAVA_OPTS:-} -jar "$ROOT/app/target/papi-sandbox.jar" serve --port "$PORT" --data-dir "$DATA" --no-rate-limits "${FLAGS[@]}" "$@"
