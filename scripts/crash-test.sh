#!/usr/bin/env sh
# The long crash test: signed place/cancel load from several accounts, kill -9 at random moments,
# ROUNDS times (default 20), checking acknowledged state, ids and the state hash after each restart.
# Usage: scripts/crash-test.sh [ROUNDS] [SEED]
set -e
cd "$(dirname "$0")/.."
ROUNDS="${1:-20}"
SEED="${2:-$(date +%s)}"
echo "crash test: $ROUNDS rounds, seed $SEED"
./mvnw -q -B -Dmaven.test.skip=true install -pl app -am
./mvnw -B -pl app test -Dtest=CrashTest -Dsurefire.failIfNoSpecifiedTests=false -Dpapi.crash.rounds="$ROUNDS" -Dpapi.crash.seed="$SEED"
