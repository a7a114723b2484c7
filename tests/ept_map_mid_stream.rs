//! Issue 16 class 7: DCE-RPC mid-stream, endpoint-mapper towers. Cut from the public capture
//! `captures/public/zeek-dce-rpc-mapi-epm.pcap` by
//! `scripts/real-captures/derive-ept-map-midstream.py`: the first endpoint-mapper
//! connection's handshake, bind and bind_ack are left out (tshark then shows only "Request:
//! call_id: 1, opnum: 3, Ctx: 0" and its response, "No bind info for interface Context ID 0").
//! The ept_map reply still carries its tower: ncacn_ip_tcp 192.168.0.2 port 4997, to which
//! the client connects next (from 1067, with its handshake).

use serde_json::Value;

mod common;
use common::audit_flows as flows_of;

fn to_nspi(flows: &[Value], client_port: u16) -> &Value {
    flows
        .iter()
        .find(|f| {
            f["client"] == "192.168.0.173"
                && f["client_port"] == client_port
                && f["server"] == "192.168.0.2"
                && f["server_port"] == 4997
        })
        .expect("the connection to the mapped port")
}

#[test]
fn an_ept_map_reply_after_an_unseen_bind_still_yields_the_port() {
    let flows = flows_of("captures/derived/ept-map-after-bind.pcap");
    let f = to_nspi(&flows, 1067);
    let n = &f["negotiated_by"];
    assert_eq!(n["protocol"], "dcerpc-epm", "{f}");
    // The evidence says it was read without the bind (without the tower scan there is no
    // announcement at all: the reply names no DCOM string binding).
    assert_eq!(n["method"], "endpoint-mapper towers (mid-stream)", "{f}");
    assert_eq!(n["control"]["client"], "192.168.0.173", "{f}");
    assert_eq!(n["control"]["client_port"], 1066, "{f}");
    assert_eq!(n["control"]["server_port"], 135, "{f}");
    // And it is evidence for this connection: its handshake was seen, after the reply, and
    // it is the first to use the announcement.
    assert!(n.get("start_seen").is_none(), "{f}");
    assert!(n.get("earlier_uses").is_none(), "{f}");
}

#[test]
fn with_the_bind_seen_the_operation_is_named() {
    let flows = flows_of("captures/public/zeek-dce-rpc-mapi-epm.pcap");
    let f = to_nspi(&flows, 1067);
    assert_eq!(f["negotiated_by"]["method"], "ept_map", "{f}");
}
