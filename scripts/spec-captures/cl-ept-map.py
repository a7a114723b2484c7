#!/usr/bin/env python3
"""Issue 16 class 3: the endpoint mapper over UDP 135 (ncadg_ip_udp), packets built from the
specification (DCE 1.1 RPC, C706 chapter 12 connectionless PDUs; chapter 14 NDR; appendix L
towers; the ept_map operation of the endpoint mapper interface e1af8308-5d1f-11c9-91a4-
08002b14a0fa v3, opnum 3), then the TCP connection the client makes to the mapped port.

  captures/spec/cl-ept-map-le.pcap   little-endian data representation (Windows' choice)
  captures/spec/cl-ept-map-be.pcap   big-endian

Hosts: 10.20.0.31 (client, ftac-client1 in captures/demo/site.toml) asks 10.20.0.10 (ftac-srv)
for ISystemActivator over ncacn_ip_tcp; the reply maps it to 10.20.0.10:49160; the client
connects there (handshake, a bind, the server's bind_ack, close). Check with
`tshark -r FILE -V -Y dcerpc`. Usage: scripts/spec-captures/cl-ept-map.py (no root).
"""
import struct
import uuid as uuidlib
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "captures/spec"
CLIENT, SERVER = bytes([10, 20, 0, 31]), bytes([10, 20, 0, 10])
CLIENT_MAC, SERVER_MAC = bytes.fromhex("020000000031"), bytes.fromhex("020000000010")
EPM = "e1af8308-5d1f-11c9-91a4-08002b14a0fa"
NDR = "8a885d04-1ceb-11c9-9fe8-08002b104860"
ISYSTEMACTIVATOR = "000001a0-0000-0000-c000-000000000046"
MAPPED_PORT = 49160
BASE = 1_772_438_400 + 3600  # 2026-03-02 09:00:00 UTC


def uuid_bytes(u, le):
    b = uuidlib.UUID(u).bytes
    if not le:
        return b
    return b[3::-1] + b[5:3:-1] + b[7:5:-1] + b[8:]


def tower(port):
    """Appendix L: floors of ncacn_ip_tcp for ISystemActivator (always little-endian)."""
    def floor(lhs, rhs):
        return struct.pack("<H", len(lhs)) + lhs + struct.pack("<H", len(rhs)) + rhs

    floors = [
        floor(b"\x0d" + uuid_bytes(ISYSTEMACTIVATOR, True) + struct.pack("<H", 0), struct.pack("<H", 0)),
        floor(b"\x0d" + uuid_bytes(NDR, True) + struct.pack("<H", 2), struct.pack("<H", 0)),
        floor(b"\x0b", struct.pack("<H", 0)),
        floor(b"\x07", struct.pack(">H", port)),
        floor(b"\x09", SERVER),
    ]
    return struct.pack("<H", len(floors)) + b"".join(floors)


class Ndr:
    def __init__(self, le):
        self.le, self.buf = le, b""

    def u32(self, v):
        self.buf += struct.pack("<I" if self.le else ">I", v)
        return self

    def raw(self, b):
        self.buf += b
        return self

    def align(self, n):
        self.buf += b"\0" * (-len(self.buf) % n)
        return self


def ept_map_request(le):
    t = tower(0)
    n = Ndr(le)
    n.u32(1).raw(uuid_bytes("00000000-0000-0000-0000-000000000000", le))  # object (unique ptr)
    n.u32(2).u32(len(t)).u32(len(t)).raw(t).align(4)  # map_tower (ptr, twr_t)
    n.raw(b"\0" * 20)  # entry_handle (context handle, nil)
    n.u32(4)  # max_towers
    return n.buf


def ept_map_response(le):
    t = tower(MAPPED_PORT)
    n = Ndr(le)
    n.raw(b"\0" * 20)  # entry_handle
    n.u32(1)  # num_towers
    n.u32(4).u32(0).u32(1)  # towers: max_count, offset, actual_count
    n.u32(3)  # referent id of towers[0]
    n.u32(len(t)).u32(len(t)).raw(t).align(4)
    n.u32(0)  # status: ok
    return n.buf


def cl_pdu(le, ptype, flags1, interface, activity, seqnum, opnum, body):
    """C706 12.5.3: the 80-byte connectionless header, in the sender's data representation."""
    u16 = (lambda v: struct.pack("<H", v)) if le else (lambda v: struct.pack(">H", v))
    u32 = (lambda v: struct.pack("<I", v)) if le else (lambda v: struct.pack(">I", v))
    h = bytes([4, ptype, flags1, 0, 0x10 if le else 0x00, 0, 0, 0])
    h += uuid_bytes("00000000-0000-0000-0000-000000000000", le)  # object
    h += uuid_bytes(interface, le)
    h += uuid_bytes(activity, le)
    h += u32(0x5F0A1B2C)  # server boot time
    h += u32(3)  # interface version 3.0
    h += u32(seqnum) + u16(opnum) + u16(0xFFFF) + u16(0xFFFF)  # ihint, ahint
    h += u16(len(body)) + u16(0)  # length, fragnum
    h += bytes([0, 0])  # auth_proto none, serial_lo
    assert len(h) == 80
    return h + body


def ip_checksum(h):
    s = sum(struct.unpack(f">{len(h) // 2}H", h))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def frame(src, dst, proto, l4):
    ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(l4), 0x1234, 0x4000, 64, proto, 0, src, dst)
    ip = ip[:10] + struct.pack(">H", ip_checksum(ip)) + ip[12:]
    macs = (SERVER_MAC + CLIENT_MAC) if src == CLIENT else (CLIENT_MAC + SERVER_MAC)
    return macs + b"\x08\x00" + ip + l4


def l4_checksum(src, dst, proto, seg):
    pseudo = src + dst + struct.pack(">BBH", 0, proto, len(seg))
    data = pseudo + seg + (b"\0" if len(seg) % 2 else b"")
    s = sum(struct.unpack(f">{len(data) // 2}H", data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def udp(src, dst, sport, dport, payload):
    seg = struct.pack(">HHHH", sport, dport, 8 + len(payload), 0) + payload
    c = l4_checksum(src, dst, 17, seg)
    return frame(src, dst, 17, seg[:6] + struct.pack(">H", c) + seg[8:])


def tcp(src, dst, sport, dport, seq, ack, flags, payload=b""):
    seg = struct.pack(">HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, 64240, 0, 0) + payload
    c = l4_checksum(src, dst, 6, seg)
    return frame(src, dst, 6, seg[:16] + struct.pack(">H", c) + seg[18:])


def co_bind(le):
    """A connection-oriented bind to ISystemActivator (C706 12.6.4.3), to make the follow-up
    connection look like what a DCOM client sends."""
    u16 = (lambda v: struct.pack("<H", v)) if le else (lambda v: struct.pack(">H", v))
    u32 = (lambda v: struct.pack("<I", v)) if le else (lambda v: struct.pack(">I", v))
    body = u16(5840) + u16(5840) + u32(0)  # max xmit/recv frag, assoc group
    body += bytes([1, 0, 0, 0])  # one context element
    body += u16(0) + bytes([1, 0])  # context id 0, one transfer syntax
    body += uuid_bytes(ISYSTEMACTIVATOR, le) + u16(0) + u16(0)
    body += uuid_bytes(NDR, le) + u32(2)
    hdr = bytes([5, 0, 11, 3, 0x10 if le else 0, 0, 0, 0]) + u16(16 + len(body)) + u16(0) + u32(1)
    return hdr + body


def co_bind_ack(le):
    u16 = (lambda v: struct.pack("<H", v)) if le else (lambda v: struct.pack(">H", v))
    u32 = (lambda v: struct.pack("<I", v)) if le else (lambda v: struct.pack(">I", v))
    sec = b"49160\0"
    body = u16(5840) + u16(5840) + u32(0x1234) + u16(len(sec)) + sec
    body += b"\0" * (-(len(body) + 16) % 4)
    body += bytes([1, 0, 0, 0]) + u16(0) + u16(0) + uuid_bytes(NDR, le) + u32(2)
    hdr = bytes([5, 0, 12, 3, 0x10 if le else 0, 0, 0, 0]) + u16(16 + len(body)) + u16(0) + u32(1)
    return hdr + body


def capture(le):
    activity = "6d0f4b3a-1c2e-4f5a-9b8c-7d6e5f4a3b2c"
    frames = []
    t = 0.0

    def add(f, dt=0.001):
        nonlocal t
        t += dt
        frames.append((BASE + t, f))

    add(udp(CLIENT, SERVER, 1035, 135, cl_pdu(le, 0, 0x08 | 0x20, EPM, activity, 1, 3, ept_map_request(le))))
    add(udp(SERVER, CLIENT, 135, 1035, cl_pdu(le, 2, 0x08, EPM, activity, 1, 3, ept_map_response(le))), 0.004)
    cp, cs, ss = 50011, 0x10000000, 0x20000000
    add(tcp(CLIENT, SERVER, cp, MAPPED_PORT, cs, 0, 0x02), 0.010)
    add(tcp(SERVER, CLIENT, MAPPED_PORT, cp, ss, cs + 1, 0x12))
    add(tcp(CLIENT, SERVER, cp, MAPPED_PORT, cs + 1, ss + 1, 0x10))
    bind, ack = co_bind(le), co_bind_ack(le)
    add(tcp(CLIENT, SERVER, cp, MAPPED_PORT, cs + 1, ss + 1, 0x18, bind))
    add(tcp(SERVER, CLIENT, MAPPED_PORT, cp, ss + 1, cs + 1 + len(bind), 0x18, ack))
    add(tcp(CLIENT, SERVER, cp, MAPPED_PORT, cs + 1 + len(bind), ss + 1 + len(ack), 0x11))
    add(tcp(SERVER, CLIENT, MAPPED_PORT, cp, ss + 1 + len(ack), cs + 2 + len(bind), 0x11))
    add(tcp(CLIENT, SERVER, cp, MAPPED_PORT, cs + 2 + len(bind), ss + 2 + len(ack), 0x10))
    return frames


def write(path, frames):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for ts, fr in frames:
            sec = int(ts)
            usec = int(round((ts - sec) * 1e6))
            f.write(struct.pack("<IIII", sec, usec, len(fr), len(fr)) + fr)


def main():
    OUT.mkdir(exist_ok=True)
    write(OUT / "cl-ept-map-le.pcap", capture(True))
    write(OUT / "cl-ept-map-be.pcap", capture(False))


if __name__ == "__main__":
    main()
