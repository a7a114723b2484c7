#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from the captures, rule packs and site files
of the repository, in the input formats of fuzz/src/lib.rs. Deterministic; run from fuzz/:

    python3 make_seeds.py            # writes corpus/<target>/seed-*

Frames are split out of the pcaps with a small pure-Python reader; control-stream payloads
are extracted with tshark (-T fields -e tcp.payload)."""

import glob
import hashlib
import os
import struct
import subprocess

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
CAPS = sorted(glob.glob(f"{ROOT}/captures/public/*.pcap*") + glob.glob(f"{ROOT}/captures/real/*.pcap")
              + glob.glob(f"{ROOT}/captures/demo/*.pcap"))

# LINKTYPE -> selector byte of fuzz/src/lib.rs link_of
SELECTOR = {1: 0, 113: 1, 276: 2, 101: 3, 12: 3, 14: 3, 228: 4, 229: 5, 0: 6, 108: 7}


def frames(path):
    """(linktype, bytes) of every record of a pcap or pcapng file."""
    data = open(path, "rb").read()
    out = []
    magic = data[:4]
    if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1", b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
        e = "<" if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
        link = struct.unpack(e + "I", data[20:24])[0] & 0x0FFFFFFF
        off = 24
        while off + 16 <= len(data):
            caplen = struct.unpack(e + "I", data[off + 8:off + 12])[0]
            out.append((link, data[off + 16:off + 16 + caplen]))
            off += 16 + caplen
    elif magic == b"\x0a\x0d\x0d\x0a":
        off, e, links = 0, "<", []
        while off + 12 <= len(data):
            btype = struct.unpack("<I", data[off:off + 4])[0]
            if btype == 0x0A0D0D0A:
                e = "<" if data[off + 8:off + 12] == b"\x4d\x3c\x2b\x1a" else ">"
                links = []
            blen = struct.unpack(e + "I", data[off + 4:off + 8])[0]
            body = data[off + 8:off + blen - 4]
            if btype == 1:
                links.append(struct.unpack(e + "H", body[:2])[0])
            elif btype == 6:
                ifid, _, _, caplen = struct.unpack(e + "IIII", body[:16])
                out.append((links[ifid], body[20:20 + caplen]))
            if blen < 12:
                break
            off += blen
    return out


def tcp_streams(path, port_filter):
    """Per TCP stream: [(to_client, payload)] in capture order."""
    r = subprocess.run(["tshark", "-r", path, "-Y", f"({port_filter}) && tcp.len > 0", "-T", "fields",
                        "-e", "tcp.stream", "-e", "tcp.srcport", "-e", "tcp.dstport", "-e", "tcp.payload"],
                       capture_output=True, text=True, check=False)
    streams = {}
    for line in r.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) < 4 or not parts[3]:
            continue
        sid, sport, dport, payload = parts[0], int(parts[1]), int(parts[2]), bytes.fromhex(parts[3].replace(":", ""))
        streams.setdefault(sid, {"server": None, "chunks": []})
        s = streams[sid]
        if s["server"] is None:
            # The lower port is the service (21, 111, 135) or the dynamic DCOM port.
            s["server"] = min(sport, dport)
        s["chunks"].append((sport == s["server"], payload))
    return [s["chunks"] for _, s in sorted(streams.items(), key=lambda kv: int(kv[0]))]


def udp_datagrams(path, port_filter):
    r = subprocess.run(["tshark", "-r", path, "-Y", f"{port_filter}", "-T", "fields",
                        "-e", "udp.srcport", "-e", "udp.dstport", "-e", "udp.payload"],
                       capture_output=True, text=True, check=False)
    out = []
    for line in r.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or not parts[2]:
            continue
        out.append((int(parts[0]) == 111, bytes.fromhex(parts[2].replace(":", ""))))
    return out


def chunk(ctl, data):
    out = b""
    while True:
        piece, data = data[:65535], data[65535:]
        out += bytes([ctl]) + struct.pack("<H", len(piece)) + piece
        if not data:
            return out


def write(target, content):
    d = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", target)
    os.makedirs(d, exist_ok=True)
    name = "seed-" + hashlib.sha1(content).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(content)


def main():
    for path in CAPS:
        fr = frames(path)
        # decode: every distinct frame (capped per file), with its link selector.
        for link, data in fr[:64]:
            write("decode", bytes([SELECTOR.get(link, 200)]) + data)
        # capture_file: the small files whole, and the first 256 KiB of the big ones.
        raw = open(path, "rb").read()
        write("capture_file", raw[:262144])
        # flow_table: the first 200 frames of each capture, 1 unit (100 ms) apart.
        if fr:
            link = fr[0][0]
            body = b"".join(bytes([1]) + struct.pack("<H", len(d[:65535])) + d[:65535] for _, d in fr[:200])
            write("flow_table", bytes([SELECTOR.get(link, 200)]) + body)
    for path in CAPS:
        for target, flt in (("ftp", "tcp.port == 21"), ("portmap", "tcp.port == 111"),
                            ("dcerpc", "dcerpc")):
            for s in tcp_streams(path, flt):
                write(target, b"".join(chunk(int(to_client), p) for to_client, p in s)[:65536])
        dg = udp_datagrams(path, "udp.port == 111")
        if dg:
            write("portmap", b"".join(chunk(4 | int(to_client), p) for to_client, p in dg))
    for path in sorted(glob.glob(f"{ROOT}/rules/*.toml")):
        write("rules", open(path, "rb").read())
    packs = sorted(glob.glob(f"{ROOT}/rules/*.toml"))
    if len(packs) >= 2:
        write("rules", open(packs[0], "rb").read() + b"\0" + open(packs[1], "rb").read())
    for path in sorted(glob.glob(f"{ROOT}/captures/*/site.toml") + glob.glob(f"{ROOT}/docs/*.toml")):
        write("site", open(path, "rb").read())


if __name__ == "__main__":
    main()
