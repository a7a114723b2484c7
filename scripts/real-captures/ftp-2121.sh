#!/usr/bin/env bash
# Issue 16 class 6: FTP on a port that is not 21. vsftpd with listen_port=2121 and active
# data connections from an ephemeral port (connect_from_port_20=NO), curl as the client, in
# two network namespaces, captured live with tcpdump on the client-side veth.
#   captures/real/ftp-2121.pcap : PASV, EPSV and active PORT downloads over control port 2121
# Usage (as root): scripts/real-captures/ftp-2121.sh
SCENARIO=ftp2121
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

C4=10.99.5.1 S4=10.99.5.2 C6=fd00:99::5:1 S6=fd00:99::5:2
setup_pair "$C4" "$S4" "$C6" "$S6"

mkdir -p "$WORK/anon/pub" "$WORK/empty"
chmod 755 "$WORK" "$WORK/anon" "$WORK/anon/pub"
chmod 555 "$WORK/empty"
printf 'hello from vsftpd on port 2121\n' >"$WORK/anon/pub/hello.txt"
cat >"$WORK/vsftpd.conf" <<CONF
listen=YES
listen_address=$S4
listen_port=2121
background=NO
anonymous_enable=YES
anon_root=$WORK/anon
no_anon_password=YES
local_enable=NO
write_enable=NO
pasv_enable=YES
pasv_min_port=1024
pasv_max_port=5000
port_enable=YES
connect_from_port_20=NO
secure_chroot_dir=$WORK/empty
seccomp_sandbox=NO
xferlog_enable=NO
ftpd_banner=tapaudit real-capture vsftpd on 2121
CONF
ip netns exec "$NS_S" vsftpd "$WORK/vsftpd.conf" &
PIDS+=("$!")
wait_port "$NS_S" tcp 2121

start_capture "$OUT_DIR/ftp-2121.pcap" "host $S4"
log "1/3 curl anonymous PASV download over 2121"
cx "$NS_C" curl -sS --disable-epsv -o /dev/null "ftp://$S4:2121/pub/hello.txt"; sleep 0.5
log "2/3 curl anonymous EPSV download over 2121"
cx "$NS_C" curl -sS -o /dev/null "ftp://$S4:2121/pub/hello.txt"; sleep 0.5
log "3/3 curl anonymous active PORT download over 2121 (data from an ephemeral port)"
cx "$NS_C" curl -sS --ftp-port "$C4" --disable-eprt -o /dev/null "ftp://$S4:2121/pub/hello.txt"; sleep 0.5
stop_capture
log done
