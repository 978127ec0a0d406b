#!/bin/bash
# Idle sandbox with the default market: CPU share of one core, and store growth as the database's
# logical size (page_count x page_size, WAL content included) and the files on disk. Needs sqlite3 and bc;
# measures from 60 s after the start (start-up and JIT excluded) for SECONDS (default 900).
DIR=${1:?usage: market-idle.sh DATA_DIR [SECONDS]}; SECS=${2:-900}
if [ -e "$DIR" ]; then echo "$DIR exists: give a directory that does not exist yet" >&2; exit 1; fi
mkdir -p "$DIR"
java -XX:+UseParallelGC -jar "$(dirname "$0")/../../app/target/papi-sandbox.jar" serve --port 0 --data-dir "$DIR" > "$DIR.out" 2>&1 &
PID=$!
sleep 60
size() { sqlite3 "$DIR/papi-sandbox.db" "select page_count*page_size from pragma_page_count, pragma_page_size"; }
T0=$(awk '{print $14+$15}' /proc/$PID/stat); L0=$(size); F0=$(du -sb "$DIR" | cut -f1); R0=$(sqlite3 "$DIR/papi-sandbox.db" "select count(*) from journal"); W0=$(date +%s.%N)
sleep "$SECS"
T1=$(awk '{print $14+$15}' /proc/$PID/stat); L1=$(size); F1=$(du -sb "$DIR" | cut -f1); R1=$(sqlite3 "$DIR/papi-sandbox.db" "select count(*) from journal"); W1=$(date +%s.%N)
HZ=$(getconf CLK_TCK)
echo "seconds=$(echo "$W1-$W0" | bc)"
echo "cpu_percent_of_one_core=$(echo "scale=3; 100*($T1-$T0)/$HZ/($W1-$W0)" | bc)"
echo "journal_rows_per_hour=$(echo "scale=0; ($R1-$R0)*3600/($W1-$W0)" | bc)"
echo "logical_db_bytes before=$L0 after=$L1 growth_mb_per_hour=$(echo "scale=3; ($L1-$L0)*3600/($W1-$W0)/1000000" | bc)"
echo "files_on_disk before=$F0 after=$F1"
ls -la "$DIR"
kill -TERM $PID; wait $PID
