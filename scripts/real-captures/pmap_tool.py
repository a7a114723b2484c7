#!/usr/bin/env python3
"""ONC RPC portmapper (program 100000, version 2) calls by hand, for the real captures.

  pmap_tool.py set PROG VERS PORT          register PROG/VERS on TCP PORT (to 127.0.0.1:111)
  pmap_tool.py getport-udp HOST PROG VERS  PMAPPROC_GETPORT over UDP, print the port
  pmap_tool.py getport-tcp HOST PROG VERS  PMAPPROC_GETPORT over TCP, print the port
  pmap_tool.py listen PORT SECONDS         accept TCP connections, answer each with one line
  pmap_tool.py connect HOST PORT           open a TCP connection, send a line, read the answer

Message layout from RFC 5531 (RPC v2) and RFC 1833 section 3 (portmapper v2). Every socket
has a timeout and every loop a bound: nothing here can run forever.
"""
import os
import socket
import struct
import sys
import time

PMAP_PROG, PMAP_VERS = 100000, 2
PMAPPROC_SET, PMAPPROC_GETPORT = 1, 3
IPPROTO_TCP = 6


def call(xid, proc, prog, vers, port):
    # xid, CALL(0), rpcvers 2, prog, vers, proc, cred AUTH_NONE, verf AUTH_NONE, then mapping.
    head = struct.pack(">IIIIII", xid, 0, 2, PMAP_PROG, PMAP_VERS, proc)
    auth = struct.pack(">IIII", 0, 0, 0, 0)
    mapping = struct.pack(">IIII", prog, vers, IPPROTO_TCP, port)
    return head + auth + mapping


def reply_value(data, xid):
    rxid, mtype, stat = struct.unpack(">III", data[:12])
    if rxid != xid or mtype != 1 or stat != 0:
        raise SystemExit(f"unexpected reply: xid {rxid} type {mtype} stat {stat}")
    # verifier flavor + length (+ body), accept_stat, then the u_int result.
    vlen = struct.unpack(">I", data[16:20])[0]
    off = 20 + vlen
    accept, value = struct.unpack(">II", data[off : off + 8])
    if accept != 0:
        raise SystemExit(f"call not accepted: {accept}")
    return value


def udp_call(host, msg, xid, src_port=0):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(5)
        if src_port:
            s.bind(("127.0.0.1", src_port))
        s.sendto(msg, (host, 111))
        data, _ = s.recvfrom(4096)
        return reply_value(data, xid)


def tcp_call(host, msg, xid):
    with socket.create_connection((host, 111), timeout=5) as s:
        s.sendall(struct.pack(">I", 0x80000000 | len(msg)) + msg)
        mark = s.recv(4)
        length = struct.unpack(">I", mark)[0] & 0x7FFFFFFF
        data = b""
        while len(data) < length:
            chunk = s.recv(length - len(data))
            if not chunk:
                break
            data += chunk
        return reply_value(data, xid)


def listen(port, seconds):
    deadline = time.time() + seconds
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("0.0.0.0", port))
        s.listen(8)
        while time.time() < deadline:
            s.settimeout(max(0.1, deadline - time.time()))
            try:
                conn, _ = s.accept()
            except socket.timeout:
                break
            with conn:
                conn.settimeout(5)
                conn.recv(1024)
                conn.sendall(b"rpc link ok\n")


def connect(host, port):
    with socket.create_connection((host, port), timeout=5) as s:
        s.sendall(b"hcu event\n")
        print(s.recv(1024).decode().strip())


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    xid = int.from_bytes(os.urandom(4), "big")
    if cmd == "set":
        prog, vers, port = map(int, args)
        # rpcbind accepts SET only from the local host, from a reserved port.
        ok = udp_call("127.0.0.1", call(xid, PMAPPROC_SET, prog, vers, port), xid, src_port=700)
        print("registered" if ok else "refused")
    elif cmd in ("getport-udp", "getport-tcp"):
        host, prog, vers = args[0], int(args[1]), int(args[2])
        msg = call(xid, PMAPPROC_GETPORT, prog, vers, 0)
        port = (udp_call if cmd == "getport-udp" else tcp_call)(host, msg, xid)
        print(port)
    elif cmd == "listen":
        listen(int(args[0]), float(args[1]))
    elif cmd == "connect":
        connect(args[0], int(args[1]))
    else:
        raise SystemExit(f"unknown command {cmd}")


if __name__ == "__main__":
    main()
