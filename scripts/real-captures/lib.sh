# shellcheck shell=bash
# Shared helpers for the real-capture scripts: one client and one server network
# namespace joined by a veth pair, tcpdump on the client side, and a trap that
# always tears everything down. Sourced, never run directly.
#
# Safety: every address used lives on the veth pair between the two namespaces
# created here (10.99.x.0/24, fd00:99::/64); nothing is routed anywhere else
# (no default route exists in either namespace).

set -euo pipefail

: "${SCENARIO:?SCENARIO must be set before sourcing lib.sh}"
NS_C="ta-${SCENARIO}-c"
NS_S="ta-${SCENARIO}-s"
VETH_C="${SCENARIO}-c"
VETH_S="${SCENARIO}-s"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT_DIR="${OUT_DIR:-$REPO_ROOT/captures/real}"
WORK="$(mktemp -d "/tmp/tapaudit-${SCENARIO}.XXXXXX")"
PIDS=()           # background processes we started (servers, tcpdump)
CLEANUP_EXTRA=()  # extra commands run at teardown (e.g. userdel)

log() { printf '[%s %s] %s\n' "$SCENARIO" "$(date +%T)" "$*" >&2; }

cleanup() {
    local rc=$?
    set +e
    local pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null
    done
    # Bounded wait for the processes we started, then force.
    local i
    for i in 1 2 3 4 5 6 7 8 9 10; do
        local alive=0
        for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ "$alive" = 0 ] && break
        sleep 0.2
    done
    for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null; done
    # Anything still living inside our namespaces was started by us.
    local ns
    for ns in "$NS_C" "$NS_S"; do
        if ip netns list | grep -qw "$ns"; then
            for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null; done
            ip netns del "$ns" 2>/dev/null
        fi
    done
    local cmd
    for cmd in "${CLEANUP_EXTRA[@]}"; do eval "$cmd" >/dev/null 2>&1; done
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT INT TERM

# Idempotent: remove leftovers of an earlier, interrupted run first.
setup_pair() {
    local c4="$1" s4="$2" c6="$3" s6="$4"
    local ns
    for ns in "$NS_C" "$NS_S"; do
        if ip netns list | grep -qw "$ns"; then
            for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
            ip netns del "$ns"
        fi
    done
    ip link del "$VETH_C" 2>/dev/null || true
    ip netns add "$NS_C"
    ip netns add "$NS_S"
    ip link add "$VETH_C" netns "$NS_C" type veth peer name "$VETH_S" netns "$NS_S"
    for ns in "$NS_C" "$NS_S"; do
        # Quiet links: no router solicitations, no autoconf, no DAD delay.
        ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_ra=0 net.ipv6.conf.default.accept_ra=0 \
            net.ipv6.conf.all.router_solicitations=0 net.ipv6.conf.default.router_solicitations=0 \
            net.ipv6.conf.default.autoconf=0 net.ipv6.conf.all.autoconf=0
        ip netns exec "$ns" ip link set lo up
    done
    ip -n "$NS_C" addr add "$c4/24" dev "$VETH_C"
    ip -n "$NS_S" addr add "$s4/24" dev "$VETH_S"
    ip -n "$NS_C" addr add "$c6/64" dev "$VETH_C" nodad
    ip -n "$NS_S" addr add "$s6/64" dev "$VETH_S" nodad
    ip -n "$NS_C" link set "$VETH_C" up
    ip -n "$NS_S" link set "$VETH_S" up
    # Let link-up chatter (MLD reports) pass before the capture starts.
    sleep 2
    log "namespaces $NS_C ($c4, $c6) <-> $NS_S ($s4, $s6) up"
}

# wait_port NS PROTO PORT: bounded wait (10 s) until something listens.
wait_port() {
    local ns="$1" proto="$2" port="$3" i
    for i in $(seq 1 50); do
        if ip netns exec "$ns" ss -Hln"${proto:0:1}" "sport = :$port" | grep -q .; then return 0; fi
        sleep 0.2
    done
    log "nothing listens on $proto/$port in $ns"; return 1
}

# start_capture FILE [filter...]: tcpdump on the client-side veth, full snaplen.
start_capture() {
    CAP_FILE="$1"; shift
    rm -f "$CAP_FILE"
    ip netns exec "$NS_C" tcpdump -i "$VETH_C" -s 0 -U -n -w "$CAP_FILE" "$@" 2>"$WORK/tcpdump.log" &
    CAP_PID=$!
    PIDS+=("$CAP_PID")
    local i
    for i in $(seq 1 50); do
        grep -q 'listening on' "$WORK/tcpdump.log" 2>/dev/null && return 0
        sleep 0.1
    done
    log "tcpdump did not start"; cat "$WORK/tcpdump.log" >&2; return 1
}

stop_capture() {
    sleep 1   # let the last FIN/ACKs through
    kill -INT "$CAP_PID"
    local i
    for i in $(seq 1 50); do kill -0 "$CAP_PID" 2>/dev/null || break; sleep 0.1; done
    wait "$CAP_PID" 2>/dev/null || true
    cat "$WORK/tcpdump.log" >&2
    chown root:root "$CAP_FILE"; chmod 644 "$CAP_FILE"
    log "wrote $CAP_FILE ($(stat -c %s "$CAP_FILE") bytes)"
}

# cx NS CMD...: run a client command in a namespace, bounded to 20 s.
cx() { local ns="$1"; shift; timeout 20 ip netns exec "$ns" "$@"; }
