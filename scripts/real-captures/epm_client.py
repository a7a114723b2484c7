#!/usr/bin/env python3
"""DCE-RPC endpoint-mapper client for the real captures (impacket).

Run inside the client namespace by dcerpc-epm.sh. Each step prints what it did,
so the script log says which announcement each follow-up connection answers.
Talks only to the host given on the command line.
"""
import sys

from impacket.dcerpc.v5 import epm, lsad, lsat, rrp, transport
from impacket.dcerpc.v5.rpcrt import (
    RPC_C_AUTHN_LEVEL_CONNECT,
    RPC_C_AUTHN_LEVEL_PKT_PRIVACY,
    RPC_C_AUTHN_WINNT,
)


def say(*args):
    print("epm_client:", *args, flush=True)


def connect(binding, user=None, password=None, level=None):
    rpct = transport.DCERPCTransportFactory(binding)
    rpct.set_connect_timeout(5)
    if user is not None:
        rpct.set_credentials(user, password, "", "", "")
    dce = rpct.get_dce_rpc()
    if level is not None:
        dce.set_auth_type(RPC_C_AUTHN_WINNT)
        dce.set_auth_level(level)
    dce.connect()
    return dce


def lsa_open_close(dce, label):
    try:
        resp = lsad.hLsarOpenPolicy2(dce, lsad.POLICY_LOOKUP_NAMES)
        lsad.hLsarClose(dce, resp["PolicyHandle"])
        say(label, "LsarOpenPolicy2 + LsarClose: ok")
    except Exception as exc:  # the fault itself is part of the capture
        say(label, "LsarOpenPolicy2 failed:", str(exc).splitlines()[0])


def main():
    host, user, password = sys.argv[1], sys.argv[2], sys.argv[3]

    # 1. ept_map (opnum 3) for LSARPC over ncacn_ip_tcp, own connection to 135.
    lsa_binding = epm.hept_map(host, lsat.MSRPC_UUID_LSAT, protocol="ncacn_ip_tcp")
    say("1 ept_map lsarpc ->", lsa_binding)
    # 2. Follow-up: anonymous bind to LSARPC on the announced port, a call, close.
    dce = connect(lsa_binding)
    dce.bind(lsat.MSRPC_UUID_LSAT)
    lsa_open_close(dce, "2 anonymous")
    dce.disconnect()

    # 3. ept_map for WINREG, then 4. an NTLM bind at level connect (stub readable).
    reg_binding = epm.hept_map(host, rrp.MSRPC_UUID_RRP, protocol="ncacn_ip_tcp")
    say("3 ept_map winreg ->", reg_binding)
    dce = connect(reg_binding, user, password, RPC_C_AUTHN_LEVEL_CONNECT)
    dce.bind(rrp.MSRPC_UUID_RRP)
    try:
        resp = rrp.hOpenLocalMachine(dce)
        rrp.hBaseRegCloseKey(dce, resp["phKey"])
        say("4 winreg (NTLM, level connect) OpenLocalMachine + CloseKey: ok")
    except Exception as exc:
        say("4 winreg (NTLM, level connect) failed:", str(exc).splitlines()[0])
    dce.disconnect()

    # 5. ept_map for LSARPC again, 6. follow-up with NTLM at packet privacy
    #    (stub encrypted: a passive reader can only count it).
    b1 = epm.hept_map(host, lsat.MSRPC_UUID_LSAT, protocol="ncacn_ip_tcp")
    say("5 ept_map lsarpc ->", b1)
    dce = connect(b1, user, password, RPC_C_AUTHN_LEVEL_PKT_PRIVACY)
    dce.bind(lsat.MSRPC_UUID_LSAT)
    lsa_open_close(dce, "6 NTLM packet privacy")
    dce.disconnect()

    # 7. ept_lookup (opnum 2), all elements: the whole table, many towers.
    #    Samba answers the call after the last batch with ept_s_not_registered
    #    (impacket's hept_lookup raises on it), so loop here, bounded.
    dce = connect("ncacn_ip_tcp:%s[135]" % host)
    dce.bind(epm.MSRPC_UUID_PORTMAP)
    handle = epm.ept_lookup_handle_t()
    bindings = []
    for _ in range(5):
        req = epm.ept_lookup()
        req["inquiry_type"] = epm.RPC_C_EP_ALL_ELTS
        req["object"] = epm.NULL
        req["Ifid"] = epm.NULL
        req["vers_option"] = epm.RPC_C_VERS_ALL
        req["entry_handle"] = handle
        req["max_ents"] = 500
        try:
            resp = dce.request(req)
        except Exception as exc:
            # Samba sends the towers AND status ept_s_not_registered (0x16c9a0d6)
            # in one response; impacket raises on the status. The towers are
            # still on the wire (see EXPECTED.tsv).
            say("7 ept_lookup response status:", str(exc).splitlines()[0])
            break
        for i in range(resp["num_ents"]):
            ent = resp["entries"][i]
            tower = epm.EPMTower(b"".join(ent["tower"]["tower_octet_string"]))
            bindings.append("%s %s" % (epm.PrintStringBinding(tower["Floors"]), ent["annotation"].decode(errors="replace").rstrip("\x00")))
        handle = resp["entry_handle"]
        if handle["context_handle_uuid"] == b"\x00" * 16:
            break
    dce.disconnect()
    say("7 ept_lookup:", len(bindings), "entries")
    for b in bindings:
        say("   ", b)

if __name__ == "__main__":
    main()
