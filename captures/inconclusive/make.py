#!/usr/bin/env python3
"""Wrong-but-readable captures: each reads to its end and carries no IP packet, so an audit
of it is INCONCLUSIVE (tests/verdict_no_evidence.rs). Written by this script (python3
make.py), byte for byte reproducible; no traffic was sent anywhere."""
import struct

def pcap(name, linktype, frames):
    with open(name, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, linktype))
        for i, data in enumerate(frames):
            f.write(struct.pack("<IIII", 1_700_000_000 + i, 0, len(data), len(data)))
            f.write(data)

a = bytes.fromhex("020000000001")
b = bytes.fromhex("020000000002")
bcast = b"\xff" * 6
def arp(op, sha, spa, tpa):
    return struct.pack(">HHBBH", 1, 0x0800, 6, 4, op) + sha + bytes(spa) + b"\0" * 6 + bytes(tpa)
ipv4_tcp = bytes.fromhex("450000280001000040060000c0a80001c0a800020400006600000000000000005002200000000000")
# Only ARP: who-has and is-at between two hosts, 10 frames.
pcap("only-arp.pcap", 1, [
    (bcast if i % 2 == 0 else a) + (a if i % 2 == 0 else b) + b"\x08\x06"
    + arp(1 if i % 2 == 0 else 2, a if i % 2 == 0 else b, [192, 168, 0, 1], [192, 168, 0, 2])
    for i in range(10)])
# Only non-IP: LLDP (0x88cc) and an 802.3/LLC frame (STP), 6 frames.
lldp = bytes.fromhex("0180c200000e") + a + b"\x88\xcc" + bytes.fromhex("020704020000000001040403657468300602007800 00".replace(" ", ""))
stp = bytes.fromhex("0180c2000000") + a + struct.pack(">H", 38) + bytes.fromhex("424203") + bytes(35)
pcap("only-non-ip.pcap", 1, [lldp, stp] * 3)
# Truncated after the header: a valid pcap global header and no record at all.
pcap("header-only.pcap", 1, [])
# Unknown link type: DLT_USER0 (147), frames that hold an IPv4 packet tapaudit cannot know is there.
pcap("unknown-link-type-user0.pcap", 147, [ipv4_tcp] * 5)
