#!/usr/bin/env python3
"""Issue 16 class 8 ("credit that is not evidence"): two captures cut from the real Samba
capture captures/real/dcerpc-epm.pcap (an ept_map on 135, then the client's connection to
the announced port 49153), written to captures/derived/:

  epm-connection-start-not-seen.pcap  the ept_map connection, then the follow-up connection
                                      without its handshake (as a connection already open
                                      when the capture began would look)
  epm-second-connection.pcap          the ept_map connection, the follow-up connection, and a
                                      copy of it 3 ms later from another client port (a second
                                      connection the one announcement did not ask for)

Frames are copied byte for byte; the copy gets client port 36591 and its TCP checksum
recomputed. Usage: scripts/real-captures/derive-credit.py (no root, no network).
"""
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "captures/real/dcerpc-epm.pcap"
OUT = ROOT / "captures/derived"
EPM_CLIENT_PORT, FOLLOW_UP_CLIENT_PORT, COPY_CLIENT_PORT = 41208, 36590, 36591


def read_pcap(path):
    data = path.read_bytes()
    header, off, frames = data[:24], 24, []
    magic = struct.unpack("<I", data[:4])[0]
    assert magic == 0xA1B2C3D4, "expects a little-endian microsecond pcap"
    while off < len(data):
        sec, usec, incl, orig = struct.unpack("<IIII", data[off : off + 16])
        frames.append([sec, usec, orig, bytearray(data[off + 16 : off + 16 + incl])])
        off += 16 + incl
    return header, frames


def write_pcap(path, header, frames):
    with open(path, "wb") as f:
        f.write(header)
        for sec, usec, orig, body in frames:
            f.write(struct.pack("<IIII", sec, usec, len(body), orig) + bytes(body))


def tcp_ports(frame):
    body = frame[3]
    if len(body) < 34 or body[12:14] != b"\x08\x00" or body[23] != 6:
        return None
    ihl = (body[14] & 0x0F) * 4
    return struct.unpack(">HH", body[14 + ihl : 14 + ihl + 4])


def tcp_flags(frame):
    body = frame[3]
    ihl = (body[14] & 0x0F) * 4
    return body[14 + ihl + 13]


def checksum(data):
    if len(data) % 2:
        data += b"\x00"
    total = sum(struct.unpack(f">{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def set_client_port(frame, old, new):
    body = frame[3]
    ihl = (body[14] & 0x0F) * 4
    t = 14 + ihl
    sport, dport = struct.unpack(">HH", body[t : t + 4])
    if sport == old:
        body[t : t + 2] = struct.pack(">H", new)
    if dport == old:
        body[t + 2 : t + 4] = struct.pack(">H", new)
    total_len = struct.unpack(">H", body[16:18])[0]
    segment = body[t : 14 + total_len]
    segment[16:18] = b"\x00\x00"
    pseudo = bytes(body[26:34]) + struct.pack(">BBH", 0, 6, len(segment))
    body[t + 16 : t + 18] = struct.pack(">H", checksum(pseudo + bytes(segment)))


def of_connection(frames, client_port):
    return [f for f in frames if (p := tcp_ports(f)) and client_port in p]


def later(frame, micros):
    sec, usec, orig, body = frame
    usec += micros
    return [sec + usec // 1_000_000, usec % 1_000_000, orig, bytearray(body)]


def main():
    header, frames = read_pcap(SOURCE)
    epm = of_connection(frames, EPM_CLIENT_PORT)
    follow = of_connection(frames, FOLLOW_UP_CLIENT_PORT)
    assert epm and follow, "source capture changed"
    OUT.mkdir(exist_ok=True)

    no_handshake = [f for f in follow if not tcp_flags(f) & 0x02]  # without SYN, SYN-ACK
    write_pcap(OUT / "epm-connection-start-not-seen.pcap", header, epm + no_handshake)

    copy = [later(f, 3000) for f in follow]
    for f in copy:
        set_client_port(f, FOLLOW_UP_CLIENT_PORT, COPY_CLIENT_PORT)
    merged = sorted(epm + follow + copy, key=lambda f: (f[0], f[1]))
    write_pcap(OUT / "epm-second-connection.pcap", header, merged)


if __name__ == "__main__":
    main()
