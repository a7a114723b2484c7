#!/usr/bin/env bash
# Real FTP traffic: vsftpd (server) and curl + lftp (clients) in two network
# namespaces, captured live with tcpdump on the client-side veth.
#   captures/real/ftp-ipv4.pcap : PASV, EPSV, PORT downloads; USER/PASS login, LIST
#   captures/real/ftp-ipv6.pcap : EPSV and EPRT downloads and a LIST over IPv6
# Usage (as root): scripts/real-captures/ftp.sh
SCENARIO=ftp
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

C4=10.99.1.1 S4=10.99.1.2 C6=fd00:99::1:1 S6=fd00:99::1:2
FTP_USER=taftp
# Throwaway password, deliberately recognisable: tests check it never leaks.
FTP_PASS=real-secret-do-not-report

setup_pair "$C4" "$S4" "$C6" "$S6"

# --- server files and a throwaway local user (removed again at teardown) ---
mkdir -p "$WORK/anon/pub" "$WORK/home" "$WORK/empty"
chmod 755 "$WORK" "$WORK/anon" "$WORK/anon/pub"
chmod 555 "$WORK/empty"
printf 'hello from vsftpd in a network namespace\n' >"$WORK/anon/pub/hello.txt"
# 3000 bytes of deterministic text: several data segments, still tiny.
python3 -c "import sys; sys.stdout.write(''.join('line %04d of the tapaudit test file\n' % i for i in range(85)))" \
    >"$WORK/anon/pub/data.txt"
cp "$WORK/anon/pub/hello.txt" "$WORK/home/readme.txt"
userdel "$FTP_USER" >/dev/null 2>&1 || true
useradd -M -d "$WORK/home" -s /bin/sh "$FTP_USER"
CLEANUP_EXTRA+=("userdel $FTP_USER")
echo "$FTP_USER:$FTP_PASS" | chpasswd
chown "$FTP_USER" "$WORK/home"
chmod 555 "$WORK/home"

write_conf() { # $1 = listen line(s)
    cat >"$WORK/vsftpd.conf" <<CONF
$1
background=NO
anonymous_enable=YES
anon_root=$WORK/anon
no_anon_password=YES
local_enable=YES
chroot_local_user=YES
write_enable=NO
pasv_enable=YES
pasv_min_port=1024
pasv_max_port=5000
port_enable=YES
connect_from_port_20=YES
secure_chroot_dir=$WORK/empty
pam_service_name=vsftpd
seccomp_sandbox=NO
userlist_enable=NO
xferlog_enable=YES
dual_log_enable=YES
log_ftp_protocol=YES
vsftpd_log_file=$WORK/vsftpd.log
xferlog_file=$WORK/xferlog
ftpd_banner=tapaudit real-capture vsftpd
CONF
}

start_vsftpd() {
    ip netns exec "$NS_S" vsftpd "$WORK/vsftpd.conf" &
    VSFTPD_PID=$!
    PIDS+=("$VSFTPD_PID")
    wait_port "$NS_S" tcp 21
}
stop_vsftpd() { kill "$VSFTPD_PID"; wait "$VSFTPD_PID" 2>/dev/null || true; }

LFTP_BASE='set ftp:ssl-allow no; set net:max-retries 1; set net:timeout 10; set cmd:fail-exit yes'
pause() { sleep 0.5; }

# ---------------- IPv4 ----------------
write_conf 'listen=YES
listen_address='"$S4"
start_vsftpd
start_capture "$OUT_DIR/ftp-ipv4.pcap" "host $S4"
log "IPv4 1/5 curl anonymous PASV download"
cx "$NS_C" curl -sS --disable-epsv -o /dev/null "ftp://$S4/pub/hello.txt"; pause
log "IPv4 2/5 curl anonymous EPSV download"
cx "$NS_C" curl -sS -o /dev/null "ftp://$S4/pub/data.txt"; pause
log "IPv4 3/5 curl anonymous active PORT download"
cx "$NS_C" curl -sS --ftp-port "$C4" --disable-eprt -o /dev/null "ftp://$S4/pub/hello.txt"; pause
log "IPv4 4/5 lftp USER/PASS login, passive (PASV) listing"
cx "$NS_C" lftp -e "$LFTP_BASE; set ftp:passive-mode on; set ftp:prefer-epsv no; ls; bye" \
    -u "$FTP_USER,$FTP_PASS" "ftp://$S4" >/dev/null; pause
log "IPv4 5/5 lftp USER/PASS login, active (PORT) download"
cx "$NS_C" lftp -e "$LFTP_BASE; set ftp:passive-mode off; set ftp:port-range 40000-40100; cat readme.txt; bye" >/dev/null \
    -u "$FTP_USER,$FTP_PASS" "ftp://$S4"; pause
stop_capture
stop_vsftpd

# ---------------- IPv6 ----------------
write_conf 'listen=NO
listen_ipv6=YES'
start_vsftpd
start_capture "$OUT_DIR/ftp-ipv6.pcap" "host $S6"
log "IPv6 1/4 curl anonymous EPSV download"
cx "$NS_C" curl -sS -g -o /dev/null "ftp://[$S6]/pub/hello.txt"; pause
log "IPv6 2/4 curl anonymous active EPRT download"
cx "$NS_C" curl -sS -g --ftp-port "$C6" -o /dev/null "ftp://[$S6]/pub/data.txt"; pause
log "IPv6 3/4 lftp USER/PASS login, passive (EPSV) listing"
cx "$NS_C" lftp -e "$LFTP_BASE; set ftp:passive-mode on; ls; bye" \
    -u "$FTP_USER,$FTP_PASS" "ftp://[$S6]" >/dev/null; pause
log "IPv6 4/4 lftp USER/PASS login, active (EPRT) download"
cx "$NS_C" lftp -e "$LFTP_BASE; set ftp:passive-mode off; set ftp:port-range 40000-40100; cat readme.txt; bye" >/dev/null \
    -u "$FTP_USER,$FTP_PASS" "ftp://[$S6]"; pause
stop_capture
stop_vsftpd
log "server log (protocol lines left out):"; grep -v "FTP command\|FTP response" "$WORK/vsftpd.log" >&2 || true
log done
