#!/usr/bin/env python3
"""Writes classic pcaps that stress the control-protocol parsers (issue 15).

  junk-control-capture.py junk OUT.pcap [SESSIONS]   TCP sessions to ports 21, 111 and 135
      (handshake, payload, FIN) whose payload is random bytes or HTTP-like text, not FTP,
      ONC RPC or DCE-RPC; each session 8 data segments of 1,400 bytes, interleaved 64 at a time.
  junk-control-capture.py syn OUT.pcap COUNT PORTS    COUNT SYNs from random sources to the
      comma-separated PORTS in turn (e.g. 80,502,44818 or 21,111,135).

Deterministic (fixed seed); stdlib only. Checksums are left 0 (tapaudit does not check them).
"""
import random
import struct
import sys

rng = random.Random(15)


def pcap_header():
    return struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1)


def frame(ts, src, dst, sport, dport, seq, ack, flags, payload=b""):
    tcp = struct.pack(">HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF,
                      5 << 4, flags, 65535, 0, 0)
    ip_len = 20 + len(tcp) + len(payload)
    ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, ip_len, 0, 0x4000, 64, 6, 0, src, dst)
    eth = b"\x02\x00\x00\x00\x00\x01\x02\x00\x00\x00\x00\x02\x08\x00"
    data = eth + ip + tcp + payload
    sec, usec = divmod(ts, 1_000_000)
    return struct.pack("<IIII", sec, usec, len(data), len(data)) + data


SYN, ACK, PSH, FIN = 0x02, 0x10, 0x08, 0x01
HTTP = (b"GET /health HTTP/1.1\r\nHost: plc\r\nUser-Agent: probe/1.0\r\n"
        b"Accept: */*\r\nX-Pad: " + b"a" * 1200 + b"\r\n\r\n")


def junk_payload(kind):
    if kind == 0:
        return bytes(rng.getrandbits(8) for _ in range(1400))
    return (HTTP * 2)[:1400]


def junk(out, sessions):
    ts = 1_700_000_000_000_000
    with open(out, "wb") as f:
        f.write(pcap_header())
        for batch in range(0, sessions, 64):
            conns = []
            for i in range(batch, min(batch + 64, sessions)):
                cli = bytes([10, 1, (i >> 8) & 255, i & 255])
                srv = bytes([10, 2, 0, 1 + i % 3])
                port = (21, 111, 135)[i % 3]
                conns.append([cli, srv, 40000 + i % 20000, port, 1000, 5000, i % 2])
            for c in conns:
                cli, srv, sp, dp, cs, ss, _ = c
                f.write(frame(ts, cli, srv, sp, dp, cs, 0, SYN)); ts += 10
                f.write(frame(ts, srv, cli, dp, sp, ss, cs + 1, SYN | ACK)); ts += 10
                c[4] += 1; c[5] += 1
            for _seg in range(8):
                for c in conns:
                    cli, srv, sp, dp, cs, ss, kind = c
                    p = junk_payload(kind)
                    if _seg % 2 == 0:
                        f.write(frame(ts, cli, srv, sp, dp, cs, ss, ACK | PSH, p)); c[4] += len(p)
                    else:
                        f.write(frame(ts, srv, cli, dp, sp, ss, cs, ACK | PSH, p)); c[5] += len(p)
                    ts += 10
            for c in conns:
                cli, srv, sp, dp, cs, ss, _ = c
                f.write(frame(ts, cli, srv, sp, dp, cs, ss, FIN | ACK)); ts += 10
                f.write(frame(ts, srv, cli, dp, sp, ss, cs + 1, FIN | ACK)); ts += 10


def syn(out, count, ports):
    ts = 1_700_000_000_000_000
    dst = bytes([10, 2, 0, 1])
    with open(out, "wb") as f:
        f.write(pcap_header())
        for i in range(count):
            src = struct.pack(">I", 0x0B000000 | rng.getrandbits(24))
            f.write(frame(ts, src, dst, 1024 + rng.getrandbits(15), ports[i % len(ports)],
                          rng.getrandbits(32), 0, SYN))
            ts += 1


if __name__ == "__main__":
    if sys.argv[1] == "junk":
        junk(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 6000)
    elif sys.argv[1] == "syn":
        syn(sys.argv[2], int(sys.argv[3]), [int(p) for p in sys.argv[4].split(",")])
    else:
        sys.exit(__doc__)
