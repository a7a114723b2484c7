#!/usr/bin/env bash
# Real DCE-RPC endpoint-mapper traffic: Samba's samba-dcerpcd (with its rpcd_*
# helpers: epmapper on TCP 135, LSA/SAMR/winreg... on dynamic ports 49152+) in
# the server namespace; impacket (epm_client.py) in the client namespace:
# ept_map, follow-up binds to the announced ports (anonymous, NTLM level
# connect, NTLM packet privacy), ept_lookup.
#   captures/real/dcerpc-epm.pcap
# Usage (as root): scripts/real-captures/dcerpc-epm.sh
SCENARIO=dce
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

C4=10.99.3.1 S4=10.99.3.2 C6=fd00:99::3:1 S6=fd00:99::3:2
DCE_USER=tadce
# Throwaway password; NTLM never sends it in clear, tests may still check.
DCE_PASS=real-secret-do-not-report
DCERPCD=/usr/libexec/samba/samba-dcerpcd
HERE="$(cd "$(dirname "$0")" && pwd)"

setup_pair "$C4" "$S4" "$C6" "$S6"

S="$WORK/samba"
mkdir -p "$S"/{private,lock,state,cache,pid,log,ncalrpc}
cat >"$S/smb.conf" <<CONF
[global]
  server role = standalone server
  workgroup = TAPAUDIT
  netbios name = TA-DCE-SRV
  private dir = $S/private
  lock directory = $S/lock
  state directory = $S/state
  cache directory = $S/cache
  pid directory = $S/pid
  ncalrpc dir = $S/ncalrpc
  log file = $S/log/%m.log
  disable netbios = yes
  # Start every rpcd_* helper at once so the endpoint mapper knows them all.
  rpc start on demand helpers = no
  rpc server dynamic port range = 49152-65535
CONF
# Throwaway unix + samba account (tdbsam inside $S/private), removed at teardown.
userdel "$DCE_USER" >/dev/null 2>&1 || true
useradd -M -d /nonexistent -s /usr/sbin/nologin "$DCE_USER"
CLEANUP_EXTRA+=("userdel $DCE_USER")
printf '%s\n%s\n' "$DCE_PASS" "$DCE_PASS" | smbpasswd -c "$S/smb.conf" -s -a "$DCE_USER" >/dev/null

ip netns exec "$NS_S" "$DCERPCD" -s "$S/smb.conf" -F --libexec-rpcds --debug-stdout -d 1 \
    >"$WORK/samba-dcerpcd.log" 2>&1 &
PIDS+=("$!")
wait_port "$NS_S" tcp 135
sleep 2  # helpers register their endpoints after 135 is up
ip netns exec "$NS_S" ss -Hltn >&2

start_capture "$OUT_DIR/dcerpc-epm.pcap" "host $S4 or host $S6"
log "impacket client"
cx "$NS_C" python3 "$HERE/epm_client.py" "$S4" "$DCE_USER" "$DCE_PASS" >&2
stop_capture
log "samba-dcerpcd log (tail):"; tail -n 20 "$WORK/samba-dcerpcd.log" >&2 || true
log done
