#!/usr/bin/env python3
"""Write captures/real/EXPECTED.tsv from the captures, using tshark only.

Rows (tab-separated, see the header written first):
  announce   a frame that announces an address/port (FTP 227/229 reply, PORT/EPRT
             command; portmapper GETPORT/GETADDR/DUMP reply; EPM ept_map/ept_lookup
             response): one row per announced (address, port, transport).
  nothing    a reply of an announcing kind that announces nothing (GETADDR with an
             empty address, GETPORT port 0, EPM fault/error status).
  data       a connection (TCP SYN, or first datagram of a UDP conversation) to an
             announced address:port after the announcement; ref = the latest
             announcement frame it fits. Connections to the control ports 21/111/135
             are never listed as data (even though DUMP/ept_lookup announce them).
  flow       tshark's conv,tcp / conv,udp summary (A, B, frames, bytes).
Wildcard addresses (0.0.0.0, ::) are kept as on the wire; "fits" then means the
announcer's own address.
Usage: make-expected.py [captures/real]
"""
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "captures", "real")
FILES = ["ftp-ipv4.pcap", "ftp-ipv6.pcap", "rpcbind.pcap", "dcerpc-epm.pcap"]
CONTROL_PORTS = {21, 111, 135}


def tshark(*args):
    out = subprocess.run(["tshark", "-n", *args], check=True, capture_output=True, text=True)
    return out.stdout


def fields(path, flt, names):
    args = ["-r", path, "-Y", flt, "-T", "fields", "-E", "separator=\t", "-E", "occurrence=a",
            "-E", "aggregator=,"]
    for n in names:
        args += ["-e", n]
    rows = []
    for line in tshark(*args).splitlines():
        parts = line.split("\t")
        parts += [""] * (len(names) - len(parts))
        rows.append(dict(zip(names, parts)))
    return rows


def ep(addr, port):
    return "[%s]:%s" % (addr, port) if ":" in addr else "%s:%s" % (addr, port)


PKT = ["frame.number", "ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "tcp.srcport", "tcp.dstport",
       "udp.srcport", "udp.dstport"]


def pkt_eps(r):
    src = r["ip.src"] or r["ipv6.src"]
    dst = r["ip.dst"] or r["ipv6.dst"]
    sp = r["tcp.srcport"] or r["udp.srcport"]
    dp = r["tcp.dstport"] or r["udp.dstport"]
    return src, sp, dst, dp


def ftp(path):
    ann = []
    rows = fields(path, 'ftp.response.code == 227 || ftp.response.code == 229 || '
                        'ftp.request.command == "PORT" || ftp.request.command == "EPRT"',
                  PKT + ["ftp.response.code", "ftp.request.command", "ftp.passive.ip",
                         "ftp.passive.port", "ftp.epsv.port", "ftp.active.cip", "ftp.active.port",
                         "ftp.eprt.ip", "ftp.eprt.ipv6", "ftp.eprt.port"])
    for r in rows:
        src, sp, dst, dp = pkt_eps(r)
        code, cmd = r["ftp.response.code"], r["ftp.request.command"]
        if code == "227":
            a = ("PASV", r["ftp.passive.ip"], r["ftp.passive.port"], ep(dst, dp), ep(src, sp))
        elif code == "229":
            a = ("EPSV", src, r["ftp.epsv.port"], ep(dst, dp), ep(src, sp))
        elif cmd == "PORT":
            a = ("PORT", r["ftp.active.cip"], r["ftp.active.port"], ep(src, sp), ep(dst, dp))
        else:
            a = ("EPRT", r["ftp.eprt.ip"] or r["ftp.eprt.ipv6"], r["ftp.eprt.port"],
                 ep(src, sp), ep(dst, dp))
        method, addr, port, cli, srv = a
        ann.append(dict(frame=int(r["frame.number"]), protocol="ftp", method=method,
                        transport="tcp", address=addr, port=int(port), client=cli, server=srv,
                        ref="", note="", origin=src))
    return ann, []


def uaddr(u):
    """Universal address h1.h2.h3.h4.p1.p2 or IPv6 'x::y.p1.p2' -> (addr, port)."""
    if not u:
        return None
    head, p1, p2 = u.rsplit(".", 2)
    return head, int(p1) * 256 + int(p2)


def rpc(path):
    ann, nothing = [], []
    calls = {r["frame.number"]: r for r in fields(
        path, "portmap && rpc.msgtyp == 0",
        PKT + ["rpc.programversion", "rpc.procedure", "portmap.prog", "portmap.proto",
               "portmap.rpcb.prog", "portmap.rpcb.netid"])}
    replies = fields(path, "portmap && rpc.msgtyp == 1",
                     PKT + ["rpc.repframe", "rpc.programversion", "rpc.procedure", "portmap.port",
                            "portmap.uaddr", "portmap.prog", "portmap.version", "portmap.proto",
                            "portmap.rpcb.prog", "portmap.rpcb.version", "portmap.rpcb.netid",
                            "portmap.rpcb.addr", "rpc.state_accept"])
    for r in replies:
        src, sp, dst, dp = pkt_eps(r)
        call = calls.get(r["rpc.repframe"], {})
        vers = r["rpc.programversion"].split(",")[0]
        proc = r["rpc.procedure"].split(",")[0]
        base = dict(frame=int(r["frame.number"]), protocol="onc-rpc", client=ep(dst, dp),
                    server=ep(src, sp), ref=r["rpc.repframe"], origin=src)
        transport_ctl = "tcp" if r["tcp.srcport"] else "udp"
        if vers == "2" and proc == "3":  # PMAPPROC_GETPORT
            port = int(r["portmap.port"] or 0)
            t = {"6": "tcp", "17": "udp"}.get(call.get("portmap.proto", ""), "?")
            note = "prog=%s via=%s" % (call.get("portmap.prog", ""), transport_ctl)
            if port:
                ann.append(dict(base, method="GETPORT", transport=t, address=src, port=port,
                                note=note))
            else:
                nothing.append(dict(base, method="GETPORT", transport=t, address="", port=0,
                                    note=note + " port=0"))
        elif vers == "2" and proc == "4":  # PMAPPROC_DUMP
            for prog, v, proto, port in zip(*(r[k].split(",") for k in (
                    "portmap.prog", "portmap.version", "portmap.proto", "portmap.port"))):
                ann.append(dict(base, method="DUMP", transport={"6": "tcp", "17": "udp"}[proto],
                                address=src, port=int(port),
                                note="v2 prog=%s vers=%s via=%s" % (prog, v, transport_ctl)))
        elif vers in ("3", "4") and proc == "3":  # RPCBPROC_GETADDR
            netid = call.get("portmap.rpcb.netid", "")
            note = "v%s prog=%s netid=%s via=%s" % (vers, call.get("portmap.rpcb.prog", ""),
                                                    netid, transport_ctl)
            u = uaddr(r["portmap.uaddr"])
            if u:
                ann.append(dict(base, method="GETADDR", transport=netid.rstrip("6"), address=u[0],
                                port=u[1], note=note))
            else:
                nothing.append(dict(base, method="GETADDR", transport=netid.rstrip("6"),
                                    address="", port=0, note=note + " empty-uaddr"))
        elif vers in ("3", "4") and proc == "4":  # RPCBPROC_DUMP
            for prog, v, netid, addr in zip(*(r[k].split(",") for k in (
                    "portmap.rpcb.prog", "portmap.rpcb.version", "portmap.rpcb.netid",
                    "portmap.rpcb.addr"))):
                if netid not in ("tcp", "udp", "tcp6", "udp6"):
                    continue  # local (unix socket) entries announce no port
                a, p = uaddr(addr)
                ann.append(dict(base, method="DUMP", transport=netid.rstrip("6"), address=a,
                                port=p, note="v%s prog=%s vers=%s netid=%s via=%s" % (
                                    vers, prog, v, netid, transport_ctl)))
    return ann, nothing


def epm(path):
    ann, nothing = [], []
    xml = tshark("-r", path, "-Y", "epm && dcerpc.pkt_type == 2", "-T", "pdml")
    root = ET.fromstring(xml)
    for packet in root.iter("packet"):
        flat = {}
        for f in packet.iter("field"):
            flat.setdefault(f.get("name"), f.get("show"))
        frame = int(flat["frame.number"])
        src = flat.get("ip.src") or flat.get("ipv6.src")
        dst = flat.get("ip.dst") or flat.get("ipv6.dst")
        base = dict(frame=frame, protocol="dcerpc-epm", client=ep(dst, flat["tcp.dstport"]),
                    server=ep(src, flat["tcp.srcport"]), ref=flat.get("dcerpc.request_in", ""),
                    origin=src)
        opnum = flat.get("epm.opnum")
        method = {"2": "ept_lookup", "3": "ept_map"}.get(opnum, "opnum" + str(opnum))
        towers, cur = [], None
        for f in packet.iter("field"):
            n, s = f.get("name"), f.get("show")
            if n == "epm.tower.num_floors":
                cur = dict(uuid=None, tcp=None, udp=None, ip=None)
                towers.append(cur)
            elif cur is None:
                continue
            elif n == "epm.uuid" and cur["uuid"] is None:
                cur["uuid"] = s
            elif n == "epm.proto.tcp_port":
                cur["tcp"] = s
            elif n == "epm.proto.udp_port":
                cur["udp"] = s
            elif n == "epm.proto.ip":
                cur["ip"] = s
        found = 0
        for t in towers:
            for transport in ("tcp", "udp"):
                if t[transport] and t["ip"]:
                    found += 1
                    ann.append(dict(base, method=method, transport=transport, address=t["ip"],
                                    port=int(t[transport]), note="if=%s" % t["uuid"]))
        if not found:
            nothing.append(dict(base, method=method, transport="tcp", address="", port=0,
                                note="towers=%d rc=%s" % (len(towers), flat.get("epm.rc", ""))))
    return ann, nothing


def connections(path):
    """First packet of every TCP connection (SYN) and UDP conversation, in order."""
    out, seen = [], set()
    for r in fields(path, "(tcp.flags.syn == 1 && tcp.flags.ack == 0) || udp", PKT):
        src, sp, dst, dp = pkt_eps(r)
        t = "tcp" if r["tcp.srcport"] else "udp"
        key = (t, src, sp, dst, dp)
        if key in seen:
            continue
        seen.add(key)
        out.append(dict(frame=int(r["frame.number"]), transport=t, src=src, sp=sp, dst=dst,
                        dp=int(dp)))
    return out


def data_rows(path, ann):
    rows = []
    for c in connections(path):
        if c["dp"] in CONTROL_PORTS:
            continue  # a new control connection (to 21/111/135) is not a data connection
        best = None
        for a in ann:
            if a["frame"] >= c["frame"] or a["transport"] != c["transport"] or a["port"] != c["dp"]:
                continue
            addr = a["address"]
            if addr in ("0.0.0.0", "::"):
                addr = a["origin"]
            if addr == c["dst"] and (best is None or a["frame"] >= best["frame"]):
                best = a
        if best:
            rows.append(dict(frame=c["frame"], protocol=best["protocol"], method=best["method"],
                             transport=c["transport"], address=best["address"], port=best["port"],
                             client=ep(c["src"], c["sp"]), server=ep(c["dst"], c["dp"]),
                             ref=best["frame"], note=""))
    return rows


def flows(path):
    rows = []
    for conv in ("tcp", "udp"):
        for line in tshark("-r", path, "-q", "-z", "conv," + conv).splitlines():
            if "<->" not in line:
                continue
            parts = line.split()
            a, b = parts[0], parts[2]
            frames, nbytes = parts[9], parts[10]
            rows.append(dict(frame="", protocol="", method="", transport=conv, address="",
                             port="", client=a, server=b, ref="",
                             note="frames=%s bytes=%s" % (frames, nbytes)))
    return rows


COLS = ["file", "kind", "frame", "protocol", "method", "transport", "address", "port", "client",
        "server", "ref", "note"]


def main():
    out = [
        "# Ground truth for captures/real/*.pcap, generated by scripts/real-captures/make-expected.py",
        "# from tshark %s output. Columns: see captures/real/README.md." % tshark("-v").split()[2],
        "\t".join(COLS),
    ]
    for name in FILES:
        path = os.path.join(DIR, name)
        if name.startswith("ftp"):
            ann, nothing = ftp(path)
        elif name.startswith("rpcbind"):
            ann, nothing = rpc(path)
        else:
            ann, nothing = epm(path)
        rows = [dict(r, kind="announce") for r in ann]
        rows += [dict(r, kind="nothing") for r in nothing]
        rows += [dict(r, kind="data") for r in data_rows(path, ann)]
        rows.sort(key=lambda r: (r["frame"], r["kind"] != "announce"))
        rows += [dict(r, kind="flow") for r in flows(path)]
        for r in rows:
            r["file"] = name
            out.append("\t".join(str(r.get(c, "")) for c in COLS))
    with open(os.path.join(DIR, "EXPECTED.tsv"), "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
