#!/usr/bin/env bash
# Regenerates the tshark conversation lists the flow tests compare against.
# Run from the repository root: bash tests/golden/make-tshark-conv.sh (needs tshark).
set -euo pipefail
for f in zeek-ftp-ipv4.pcap zeek-ftp-ipv6.pcap zeek-ftp-bigtransfer-epsv-ipv4.pcap \
         arkime-tds7-mssql.pcap zeek-smtp.pcap ndpi-log4j-webapp-exploit-sll.pcap \
         zeek-pcapng-multi-interface.pcapng ndpi-snmp-161-162-vlan.pcap zeek-http-qinq-0.pcap \
         suricata-verify-enip_cip_example.pcap zeek-mysql.pcap zeek-tls-ecdhe-https.pcap \
         zeek-nfs_write-portmap-tcp-udp.pcap; do
  tshark -n -r "captures/public/$f" -q -z conv,tcp -z conv,udp > "tests/golden/$f.tshark-conv.txt"
done
tshark --version | head -1 > tests/golden/TSHARK_VERSION
