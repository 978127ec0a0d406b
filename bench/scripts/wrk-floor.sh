#!/usr/bin/env bash
# Cross-check of the HTTP floor with wrk (apt-get install wrk), as issue 5's calibration was measured:
# GET /papi/v1/ping, then a signed DELETE /papi/v1/cm/order of an order that does not exist (-2011),
# each `wrk -t2 -c64 -d${DURATION}s`, against the same running server, and the ratio of the two.
#
#   bench/scripts/wrk-floor.sh http://127.0.0.1:18080 KEY SECRET [DURATION_SECONDS]
#
# wrk replays one request, so the cancel is signed once with recvWindow=60000 (valid for 60 s): keep
# DURATION well under that. Start the server with --no-rate-limits and --account KEY:SECRET.
# Both requests carry "Accept-Encoding: gzip", as every real client sends it (small replies stay plain).
set -euo pipefail
URL="$1"; KEY="$2"; SECRET="$3"; DURATION="${4:-10}"
LUA="$(mktemp /tmp/wrk-delete.XXXXXX.lua)"
trap 'rm -f "$LUA"' EXIT
printf 'wrk.method = "DELETE"\nwrk.headers["X-MBX-APIKEY"] = "%s"\nwrk.headers["Accept-Encoding"] = "gzip"\n' "$KEY" > "$LUA"

rate() { awk '/Requests\/sec/ {print $2}'; }
PING=$(wrk -t2 -c64 -d"${DURATION}s" -H "Accept-Encoding: gzip" "$URL/papi/v1/ping" | tee -a /dev/stderr | rate)
Q="symbol=BTCUSD_PERP&orderId=1&recvWindow=60000&timestamp=$(date +%s%3N)"
S=$(printf '%s' "$Q" | openssl dgst -sha256 -hmac "$SECRET" | awk '{print $NF}')
curl -s -X DELETE -H "X-MBX-APIKEY: $KEY" "$URL/papi/v1/cm/order?$Q&signature=$S" >&2; echo >&2
CANCEL=$(wrk -t2 -c64 -d"${DURATION}s" -s "$LUA" "$URL/papi/v1/cm/order?$Q&signature=$S" | tee -a /dev/stderr | rate)
echo "ping ${PING} req/s; signed cancel of an unknown order (-2011) ${CANCEL} req/s; ratio $(awk -v a="$CANCEL" -v b="$PING" 'BEGIN {printf "%.2f", a / b}')"
