#!/bin/sh
# Runs every fuzz target in turn, one process at a time, SECS seconds each (default 120),
# logging to logs/<target>.log. Usage, from fuzz/: ./run_all.sh [SECS] [target...]
set -u
secs=${1:-120}
[ $# -gt 0 ] && shift
targets=${*:-"decode capture_file ftp portmap dcerpc flow_table rules site"}
mkdir -p logs
[ -d corpus ] || python3 make_seeds.py
for t in $targets; do
    mkdir -p "corpus/$t"
    cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
        -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        > "logs/$t.log" 2>&1
    echo "$t: exit $? $(grep -E '^stat::number_of_executed_units' "logs/$t.log") corpus $(ls "corpus/$t" | wc -l)"
done
