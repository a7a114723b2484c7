#!/usr/bin/env bash
# Issue 16 class 2, made by real software: an HCU asks the PathTrak server's portmapper
# (rpcbind) for a service and connects to the port it got.
#   captures/real/pathtrak-rpc-links.pcap (site: captures/real/pathtrak-rpc-links-site.toml)
# Server namespace: rpcbind (the real portmapper, answering every GETPORT); program 395000
# registered on 50321, inside the documented range 49152-65535, and program 395001 on 40321
# (outside it), both served by small TCP listeners; a listener on 50400 that nobody looks up.
# Client namespace (the HCU): GETPORT over UDP for 395000 -> connect to it; GETPORT over TCP
# for 395001 -> connect to it; a connection to 50400 without a lookup.
# Usage (as root): scripts/real-captures/pathtrak-rpc-links.sh
SCENARIO=ptrpc
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

C4=10.99.4.1 S4=10.99.4.2 C6=fd00:99::4:1 S6=fd00:99::4:2
TOOL="$REPO_ROOT/scripts/real-captures/pmap_tool.py"
setup_pair "$C4" "$S4" "$C6" "$S6"

ip netns exec "$NS_S" unshare -m --propagation private bash -c '
    set -e
    mount -t tmpfs tapaudit-run /run
    mkdir -p /run/rpcbind
    rpcbind -f &
    for i in $(seq 1 50); do [ -S /run/rpcbind.sock ] && break; sleep 0.1; done
    python3 "$1" set 395000 1 50321
    python3 "$1" set 395001 1 40321
    python3 "$1" listen 50321 40 &
    python3 "$1" listen 40321 40 &
    python3 "$1" listen 50400 40 &
    wait
' rpc-server "$TOOL" >"$WORK/server.log" 2>&1 &
PIDS+=("$!")
wait_port "$NS_S" tcp 111
wait_port "$NS_S" tcp 50321 || { cat "$WORK/server.log" >&2; exit 1; }
wait_port "$NS_S" tcp 40321
wait_port "$NS_S" tcp 50400

start_capture "$OUT_DIR/pathtrak-rpc-links.pcap" "host $S4"
step() { log "$*"; cx "$NS_C" "$@" >&2 || log "(exit $?)"; sleep 0.5; }
P1=$(cx "$NS_C" python3 "$TOOL" getport-udp "$S4" 395000 1); log "GETPORT/UDP 395000 -> $P1"
sleep 0.3
step python3 "$TOOL" connect "$S4" "$P1"
P2=$(cx "$NS_C" python3 "$TOOL" getport-tcp "$S4" 395001 1); log "GETPORT/TCP 395001 -> $P2"
sleep 0.3
step python3 "$TOOL" connect "$S4" "$P2"
step python3 "$TOOL" connect "$S4" 50400
stop_capture
log "server log:"; cat "$WORK/server.log" >&2 || true
log done
