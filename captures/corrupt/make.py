#!/usr/bin/env python3
"""Makes the corrupt-capture corpus from real captures in ../public. Deterministic: the
same inputs give the same bytes (gzip with mtime 0). Run from anywhere:

    python3 captures/corrupt/make.py

Each file is described in README.md; tests/corrupt_captures.rs checks what tapaudit says."""

import gzip
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
PUBLIC = os.path.join(HERE, "..", "public")
PCAP = open(os.path.join(PUBLIC, "zeek-ftp-ipv4.pcap"), "rb").read()  # LE, usec, Ethernet, 95 records
PCAPNG = open(os.path.join(PUBLIC, "chrissanders-icmp_echo.pcapng"), "rb").read()  # LE, 8 EPBs

BREAK_AT = 40  # 1-based record number where the damage is


def pcap_records(data):
    """Byte offsets of the record headers of a little-endian pcap."""
    offs, off = [], 24
    while off + 16 <= len(data):
        offs.append(off)
        off += 16 + struct.unpack("<I", data[off + 8:off + 12])[0]
    return offs


def ng_blocks(data):
    """(offset, type, length) of every block of a little-endian pcapng."""
    out, off = [], 0
    while off + 12 <= len(data):
        btype, blen = struct.unpack("<II", data[off:off + 8])
        out.append((off, btype, blen))
        off += blen
    return out


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def main():
    recs = pcap_records(PCAP)
    at = recs[BREAK_AT - 1]

    # Classic pcap.
    write("empty.pcap", b"")
    write("truncated-global-header.pcap", PCAP[:14])
    write("truncated-record-header.pcap", PCAP[:at + 9])
    write("truncated-mid-packet.pcap", PCAP[:at + 16 + 20])
    write("wrong-magic.pcap", b"\x89PNG" + PCAP[4:])
    absurd = bytearray(PCAP)
    absurd[at + 8:at + 12] = struct.pack("<I", 300_000)
    write("absurd-caplen.pcap", bytes(absurd))
    write("zero-length-records.pcap", zero_length(PCAP, recs))
    write("unknown-link-type.pcap", PCAP[:20] + struct.pack("<I", 147) + PCAP[24:])
    write("timestamps-backwards.pcap", backwards(PCAP, recs))

    # pcapng.
    blocks = ng_blocks(PCAPNG)
    epbs = [b for b in blocks if b[1] == 6]
    third = epbs[2][0]
    bad_len = bytearray(PCAPNG)
    bad_len[third + 4:third + 8] = struct.pack("<I", 0x1D)  # not a multiple of 4
    write("pcapng-bad-block-length.pcapng", bytes(bad_len))
    over = bytearray(PCAPNG)
    over[third + 4:third + 8] = struct.pack("<I", 0x10000)  # past the end of the file
    write("pcapng-block-length-past-end.pcapng", bytes(over))
    unknown = struct.pack("<II", 0x0BAD0001, 20) + b"whatever" + struct.pack("<I", 20)
    write("pcapng-unknown-block-type.pcapng", PCAPNG[:third] + unknown + PCAPNG[third:])
    undeclared = bytearray(PCAPNG)
    undeclared[third + 8:third + 12] = struct.pack("<I", 7)  # interface 7: never declared
    write("pcapng-unknown-interface.pcapng", bytes(undeclared))
    write("pcapng-truncated-section-header.pcapng", PCAPNG[:10])

    # gzip cut mid-stream: the first half of the compressed bytes of a valid capture.
    gz = gzip.compress(PCAP, compresslevel=6, mtime=0)
    write("truncated-stream.pcap.gz", gz[:len(gz) // 2])


def zero_length(data, recs):
    """Records 10, 20 and 30 replaced by records with captured and original length 0."""
    out = bytearray(data[:24])
    for i, off in enumerate(recs):
        caplen = struct.unpack("<I", data[off + 8:off + 12])[0]
        if (i + 1) in (10, 20, 30):
            out += data[off:off + 8] + struct.pack("<II", 0, 0)
        else:
            out += data[off:off + 16 + caplen]
    return bytes(out)


def backwards(data, recs):
    """Record 40's timestamp set one hour before record 39's."""
    out = bytearray(data)
    prev = recs[BREAK_AT - 2]
    sec = struct.unpack("<I", data[prev:prev + 4])[0]
    out[recs[BREAK_AT - 1]:recs[BREAK_AT - 1] + 4] = struct.pack("<I", sec - 3600)
    return bytes(out)


if __name__ == "__main__":
    main()
