#!/usr/bin/env bash
# Real ONC RPC portmapper traffic: rpcbind + rpc.statd (a real registered
# service, program 100024) in the server namespace, rpcinfo in the client
# namespace, captured live with tcpdump on the client-side veth.
#   captures/real/rpcbind.pcap
# Usage (as root): scripts/real-captures/rpcbind.sh
SCENARIO=rpc
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

C4=10.99.2.1 S4=10.99.2.2 C6=fd00:99::2:1 S6=fd00:99::2:2
STATUS_PROG=100024   # rpc.statd (NSM status monitor)
NFS_PROG=100003      # deliberately NOT registered: GETADDR answers an empty address

setup_pair "$C4" "$S4" "$C6" "$S6"
mkdir -p "$WORK/statd/sm" "$WORK/statd/sm.bak"
chown -R statd "$WORK/statd" 2>/dev/null || true
# Client-side NSM state: one monitored peer (the server), in the format rpc.statd
# writes (addr prog vers proc priv[16] mon_name my_name), so sm-notify notifies it.
mkdir -p "$WORK/client-statd/sm" "$WORK/client-statd/sm.bak"
printf '%08x %08x %08x %08x %s %s %s\n' 0 100021 4 16 00000000000000000000000000000000 ta-rpc-server ta-rpc-client \
    >"$WORK/client-statd/sm/ta-rpc-server"
chown -R statd "$WORK/client-statd" 2>/dev/null || true

# rpcbind and rpc.statd talk over /run/rpcbind.sock: give them a private /run
# (own mount namespace) so nothing on the host is touched or reused.
ip netns exec "$NS_S" unshare -m --propagation private bash -c '
    set -e
    mount -t tmpfs tapaudit-run /run
    mkdir -p /run/rpcbind
    rpcbind -f &
    for i in $(seq 1 50); do [ -S /run/rpcbind.sock ] && break; sleep 0.1; done
    rpc.statd -F --no-notify -P "$1" &
    wait
' rpc-server "$WORK/statd" >"$WORK/server.log" 2>&1 &
PIDS+=("$!")
wait_port "$NS_S" tcp 111
wait_port "$NS_S" udp 111
# Bounded wait until statd is registered (seen over the veth, before the capture).
for i in $(seq 1 50); do
    if cx "$NS_C" rpcinfo -p "$S4" 2>/dev/null | grep -q " $STATUS_PROG "; then break; fi
    sleep 0.2
done
cx "$NS_C" rpcinfo -p "$S4" >&2

start_capture "$OUT_DIR/rpcbind.pcap" "host $S4 or host $S6"
pause() { sleep 0.5; }
run() { log "$*"; cx "$NS_C" "$@" >&2 || log "(exit $?)"; pause; }
run rpcinfo -p "$S4"                           # PMAPPROC_DUMP v2 over TCP
run rpcinfo -s "$S4"                           # RPCBPROC_DUMP v3/v4
run rpcinfo -T tcp "$S4" "$STATUS_PROG"        # GETADDR over TCP, then NULL calls to statd/TCP
run rpcinfo -T udp "$S4" "$STATUS_PROG" 1      # GETADDR over UDP, then NULL call to statd/UDP
run rpcinfo -u "$S4" "$STATUS_PROG" 1          # libtirpc: GETADDR v4 over UDP (not GETPORT), NULL call over UDP
run rpcinfo -t "$S4" "$STATUS_PROG" 1          # libtirpc: GETADDR v4 over TCP (not GETPORT), NULL call over TCP
run rpcinfo -T tcp6 "$S6" "$STATUS_PROG" 1     # GETADDR over IPv6 (IPv6 universal address)
run rpcinfo -u "$S4" "$NFS_PROG" 3             # GETADDR for an unregistered program: empty address
# libtirpc's rpcinfo asks with GETADDR (v4) even for -u/-t; PMAPPROC_GETPORT (v2)
# comes from nfs-utils' sm-notify: it asks the peer's portmapper for statd's UDP
# port with GETPORT v2 over UDP, then sends SM_NOTIFY to that port.
log "sm-notify (GETPORT v2 over UDP, then SM_NOTIFY over UDP)"
# sm-notify resolves names: give it a private /etc/hosts and an empty resolv.conf
# (own mount namespace) so no lookup ever leaves the namespace.
printf '127.0.0.1 localhost\n%s ta-rpc-client\n%s ta-rpc-server\n' "$C4" "$S4" >"$WORK/hosts"
: >"$WORK/resolv.conf"
cx "$NS_C" unshare -m --propagation private sh -c '
    mount --bind "$1/hosts" /etc/hosts && mount --bind "$1/resolv.conf" /etc/resolv.conf &&
    exec sm-notify -d -f -n -m 0 -v ta-rpc-client -P "$1/client-statd"' sm-notify "$WORK" >&2 || log "(exit $?)"
pause
stop_capture
log "server log:"; cat "$WORK/server.log" >&2 || true
log done
