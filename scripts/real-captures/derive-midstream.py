#!/usr/bin/env python3
"""Issue 16 class 7 (DCOM activations whose bind was not captured): a capture that starts
after a DCOM client bound, cut from the public capture
captures/public/suricata-verify-dcerpc-ctxids-dcom-oxid-input.pcap (OISF/suricata-verify, MIT).

Its second connection to 135 (client port 49726) binds ISystemActivator, authenticates
(NTLMSSP, AUTH3) and calls RemoteGetClassObject, whose reply carries the OXID string bindings
DC1[49724] and 192.168.56.101[49724]; the client then connects to 49724. Here that
connection's handshake, bind, bind_ack and AUTH3 are left out (as a capture started, or a
filter applied, after the client bound); every other frame is copied byte for byte.

  captures/derived/dcom-activation-after-bind.pcap

Usage: scripts/real-captures/derive-midstream.py (no root, no network).
"""
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "captures/public/suricata-verify-dcerpc-ctxids-dcom-oxid-input.pcap"
OUT = ROOT / "captures/derived/dcom-activation-after-bind.pcap"
CLIENT_PORT = 49726
# The connection's frames before its RemoteGetClassObject request: SYN, SYN-ACK, ACK,
# bind, bind_ack, AUTH3 (tshark frames 8-13 of the source).
SKIPPED = 6


def main():
    data = SOURCE.read_bytes()
    assert struct.unpack("<I", data[:4])[0] == 0xA1B2C3D4, "expects a little-endian pcap"
    out, off, skipped = [data[:24]], 24, 0
    while off < len(data):
        incl = struct.unpack("<I", data[off + 8 : off + 12])[0]
        rec = data[off : off + 16 + incl]
        off += 16 + incl
        body = rec[16:]
        is_conn = False
        if len(body) > 38 and body[12:14] == b"\x08\x00" and body[23] == 6:
            t = 14 + (body[14] & 0x0F) * 4
            sport, dport = struct.unpack(">HH", body[t : t + 4])
            is_conn = CLIENT_PORT in (sport, dport)
        if is_conn and skipped < SKIPPED:
            skipped += 1
            continue
        out.append(rec)
    assert skipped == SKIPPED, "source capture changed"
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_bytes(b"".join(out))


if __name__ == "__main__":
    main()
