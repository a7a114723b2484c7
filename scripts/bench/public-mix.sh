#!/usr/bin/env bash
# Builds the "public" benchmark mix (issue 15): the real public captures of
# /work/shared/captures/public (or DIR), concatenated one after another in time, then repeated
# (each copy shifted after the previous one) until the file reaches SIZE bytes.
#
#   scripts/bench/public-mix.sh OUT.pcap [SIZE_BYTES] [DIR]
#
# Only Ethernet captures are used, so that every reference tool (libpcap refuses a pcapng whose
# interfaces have different link types) reads the same file; each capture is shifted (editcap
# -t) to start one second after the previous one ends, and written as classic pcap with
# microsecond timestamps (mergecap -a -F pcap). Deterministic: same inputs, same bytes.
# Needs editcap, mergecap and capinfos (Debian: tshark's wireshark-common).
set -euo pipefail

out=${1:?usage: public-mix.sh OUT.pcap [SIZE_BYTES] [DIR]}
size=${2:-268435456}
src=${3:-/work/shared/captures/public}
for t in editcap mergecap capinfos; do
    command -v "$t" >/dev/null || { echo "public-mix: $t not found (apt-get install tshark)" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/public-mix.XXXXXX")
trap 'rm -rf "$work"' EXIT

# capinfos -T -r -S -a -e: tab-separated, raw, epoch seconds for first and last packet.
cursor=1772438400 # 2026-03-02T08:00:00Z, as tapaudit-synth
parts=()
i=0
for f in "$src"/*.pcap "$src"/*.pcapng; do
    [[ -f $f ]] || continue
    enc=$(capinfos -T -r -E "$f" 2>/dev/null | cut -f2 || true)
    [[ $enc == ether ]] || { echo "public-mix: skipping $(basename "$f") (${enc:-unreadable})" >&2; continue; }
    read -r first last < <(capinfos -T -r -S -a -e "$f" 2>/dev/null | awk -F'\t' '{ print $2, $3 }') || true
    [[ -n ${first:-} && -n ${last:-} ]] || continue
    shift_s=$(awk -v c="$cursor" -v f="$first" 'BEGIN { printf "%.6f", c - f }')
    i=$((i + 1))
    p=$(printf '%s/%03d.pcap' "$work" "$i")
    editcap -F pcap -t "$shift_s" "$f" "$p" 2>/dev/null || { echo "public-mix: skipping $(basename "$f") (editcap failed)" >&2; continue; }
    parts+=("$p")
    cursor=$(awk -v c="$cursor" -v f="$first" -v l="$last" 'BEGIN { printf "%.6f", c + (l - f) + 1 }')
done
((${#parts[@]})) || { echo "public-mix: no usable capture in $src" >&2; exit 2; }
mergecap -a -F pcap -w "$work/base.pcap" "${parts[@]}"

# Double until large enough: the copy starts one second after the file ends.
cp "$work/base.pcap" "$work/cur.pcap"
while (($(stat -c %s "$work/cur.pcap") < size)); do
    read -r first last < <(capinfos -T -r -S -a -e "$work/cur.pcap" | awk -F'\t' '{ print $2, $3 }')
    d=$(awk -v f="$first" -v l="$last" 'BEGIN { printf "%.6f", l - f + 1 }')
    editcap -F pcap -t "$d" "$work/cur.pcap" "$work/shifted.pcap"
    mergecap -a -F pcap -w "$work/next.pcap" "$work/cur.pcap" "$work/shifted.pcap"
    mv "$work/next.pcap" "$work/cur.pcap"
    rm -f "$work/shifted.pcap"
done
mv "$work/cur.pcap" "$out"
echo "public-mix: wrote $out ($(stat -c %s "$out") bytes, ${#parts[@]} captures)" >&2
