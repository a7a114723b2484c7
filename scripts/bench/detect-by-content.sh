#!/usr/bin/env bash
# Cost of finding control protocols by content (issue 16 class 6): the same release binary
# with and without --no-detect-by-content on several synthetic mixes (docs/performance.md).
# Usage: scripts/bench/detect-by-content.sh [DIR] [SIZE]   (needs hyperfine; no root)
set -euo pipefail
DIR="${1:-/tmp/tapaudit-detect-bench}"
SIZE="${2:-64M}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cargo build --release -q --manifest-path "$ROOT/Cargo.toml" -p tapaudit -p tapaudit-synth
BIN="$ROOT/target/release/tapaudit"
mkdir -p "$DIR"
printf '| mix | detection on (median) | off (median) |\n|---|---|---|\n'
for mix in plant concurrent junk-control churn; do
    [ -f "$DIR/$mix.pcap" ] || "$ROOT/target/release/tapaudit-synth" --scenario "$mix" --seed 1 \
        --size "$SIZE" -o "$DIR/$mix.pcap" >/dev/null
    timeout 600 hyperfine -N -w 1 -r 7 --export-json "$DIR/$mix.json" \
        "$BIN audit --format json --fail-on never -o $DIR/on.json $DIR/$mix.pcap" \
        "$BIN audit --format json --fail-on never --no-detect-by-content -o $DIR/off.json $DIR/$mix.pcap" \
        >/dev/null 2>&1
    python3 - "$DIR/$mix.json" "$mix" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(f"| {sys.argv[2]} | {r[0]['median']*1000:.0f} ms | {r[1]['median']*1000:.0f} ms |")
PY
done
