#!/usr/bin/env python3
"""Issue 16 class 7 (DCE-RPC mid-stream, endpoint-mapper towers): a capture that starts after
an endpoint-mapper client bound, cut from the public capture
captures/public/zeek-dce-rpc-mapi-epm.pcap (zeek/zeek testing/btest/Traces/dce-rpc/mapi.pcap,
BSD-3-Clause-style).

Its first connection to 135 (192.168.0.173:1066 -> 192.168.0.2:135) binds the endpoint
mapper (f397, bind_ack f398) and calls ept_map for NSPI (f399), whose response (f400) carries
one tower: ncacn_ip_tcp 192.168.0.2 port 4997; the client then connects to 4997 (SYN f405,
and again f412). Here that connection's handshake (f394-f396), bind and bind_ack are left out
(as a capture started, or a filter applied, after the client bound); every other frame is
copied byte for byte.

  captures/derived/ept-map-after-bind.pcap

Usage: scripts/real-captures/derive-ept-map-midstream.py (no root, no network).
"""
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "captures/public/zeek-dce-rpc-mapi-epm.pcap"
OUT = ROOT / "captures/derived/ept-map-after-bind.pcap"
CLIENT = (bytes([192, 168, 0, 173]), 1066)
SERVER = (bytes([192, 168, 0, 2]), 135)
# The connection's frames before its ept_map request: SYN, SYN-ACK, ACK, bind, bind_ack
# (tshark frames 394-398 of the source).
SKIPPED = 5


def endpoints(body):
    """(source, destination) as (IPv4 address, TCP port) of an Ethernet/IPv4/TCP frame."""
    if len(body) < 38 or body[12:14] != b"\x08\x00" or body[23] != 6:
        return None
    t = 14 + (body[14] & 0x0F) * 4
    sport, dport = struct.unpack(">HH", body[t : t + 4])
    return (body[26:30], sport), (body[30:34], dport)


def main():
    data = SOURCE.read_bytes()
    assert struct.unpack("<I", data[:4])[0] == 0xA1B2C3D4, "expects a little-endian pcap"
    out, off, skipped = [data[:24]], 24, 0
    while off < len(data):
        incl = struct.unpack("<I", data[off + 8 : off + 12])[0]
        rec = data[off : off + 16 + incl]
        off += 16 + incl
        ends = endpoints(rec[16:])
        is_conn = ends in ((CLIENT, SERVER), (SERVER, CLIENT))
        if is_conn and skipped < SKIPPED:
            skipped += 1
            continue
        out.append(rec)
    assert skipped == SKIPPED, "source capture changed"
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_bytes(b"".join(out))


if __name__ == "__main__":
    main()
