//! Issue 16 class 7: DCOM activations whose bind was not captured. Cut from the public
//! capture `captures/public/suricata-verify-dcerpc-ctxids-dcom-oxid-input.pcap` by
//! `scripts/real-captures/derive-midstream.py`: the ISystemActivator connection's handshake,
//! bind, bind_ack and AUTH3 are left out (tshark then shows only "Request: call_id: 3, opnum:
//! 3, Ctx: 1" and its response, the interface unknown). The RemoteGetClassObject reply still
//! carries the OXID string bindings `DC1[49724]` and `192.168.56.101[49724]`.

mod common;
use common::audit_flows as flows_of;

#[test]
fn an_activation_reply_after_an_unseen_bind_still_yields_the_port() {
    let flows = flows_of("captures/derived/dcom-activation-after-bind.pcap");
    let f = flows
        .iter()
        .find(|f| f["client_port"] == 49727 && f["server_port"] == 49724)
        .expect("the connection to the OXID port");
    let n = &f["negotiated_by"];
    assert_eq!(n["protocol"], "dcerpc-epm", "{f}");
    // The evidence says it was read without the bind.
    assert_eq!(n["method"], "string bindings (mid-stream)", "{f}");
    assert_eq!(n["control"]["client_port"], 49726, "{f}");
    assert_eq!(n["control"]["server_port"], 135, "{f}");
}

#[test]
fn with_the_bind_seen_the_operation_is_named() {
    let flows = flows_of("captures/public/suricata-verify-dcerpc-ctxids-dcom-oxid-input.pcap");
    let f = flows
        .iter()
        .find(|f| f["client_port"] == 49727 && f["server_port"] == 49724)
        .expect("the connection to the OXID port");
    assert_eq!(f["negotiated_by"]["method"], "RemoteGetClassObject", "{f}");
}
