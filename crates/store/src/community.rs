//! Community ID v1 of a flow record (the flow hash Zeek, Suricata, Malcolm and Security Onion
//! share), computed by the `community-id` crate with seed 0.

use std::fmt;
use std::str::FromStr;

use base64::Engine as _;
use tapaudit_flow::FlowRecord;
use tapaudit_vocab::IpProto;

/// A Community ID v1: the 20-byte SHA-1 behind `1:<base64>`. Kept as bytes in memory (a
/// central audit holds millions), written as its text in the store.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CommunityId(pub [u8; 20]);

impl CommunityId {
    /// The Community ID of a flow. Direction-free, like the spec: the same for both sides.
    /// TCP and UDP use the ports; ICMP uses the flow's message type with code 0 (the flow
    /// table keys ICMP flows by type, so the code is not kept: for echo request/reply,
    /// where the code is always 0, the ID is exact). A record without ports (an aggregate,
    /// whose client port was dropped) or with mixed address families has none.
    pub fn of(flow: &FlowRecord) -> Option<Self> {
        let (src_port, dst_port) = match flow.proto {
            IpProto::Icmp | IpProto::Icmpv6 => {
                (Some(u16::from(flow.icmp_type.unwrap_or(0))), Some(0))
            }
            IpProto::Tcp | IpProto::Udp => (Some(flow.client_port?), Some(flow.server_port?)),
            IpProto::Other(_) => (None, None),
        };
        let text = community_id::calculate_community_id(
            0,
            flow.client,
            flow.server,
            src_port,
            dst_port,
            flow.proto.number(),
            false,
        )
        .ok()?;
        text.parse().ok()
    }
}

impl fmt::Display for CommunityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("1:")?;
        f.write_str(&base64::engine::general_purpose::STANDARD.encode(self.0))
    }
}

/// `1:<base64 of 20 bytes>`.
impl FromStr for CommunityId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let b64 = s
            .strip_prefix("1:")
            .ok_or_else(|| format!("{s:?} is not a Community ID v1 (no \"1:\")"))?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .map_err(|e| format!("{s:?} is not a Community ID v1: {e}"))?;
        let hash: [u8; 20] = bytes
            .try_into()
            .map_err(|_| format!("{s:?} is not a Community ID v1: not 20 bytes"))?;
        Ok(CommunityId(hash))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tapaudit_flow::{FinishReason, State};
    use tapaudit_vocab::Timestamp;

    fn record(proto: IpProto, c: &str, cp: Option<u16>, s: &str, sp: Option<u16>) -> FlowRecord {
        FlowRecord {
            proto,
            client: c.parse().unwrap(),
            client_port: cp,
            server: s.parse().unwrap(),
            server_port: sp,
            vlan: None,
            inner_vlan: None,
            icmp_type: proto
                .is_icmp()
                .then_some(if proto == IpProto::Icmpv6 { 128 } else { 8 }),
            first_seen: Timestamp(0),
            last_seen: Timestamp(0),
            packets_to_server: 1,
            packets_to_client: 0,
            bytes_to_server: 1,
            bytes_to_client: 0,
            state: State::Unanswered,
            blocked_by: None,
            negotiated_by: None,
            control: None,
            finish: FinishReason::EndOfInput,
        }
    }

    /// Values from Python's `communityid` 1.5 (the reference implementation); the full
    /// comparison over many tuples is `tests/community_id.rs`.
    #[test]
    fn known_values_both_ways_round() {
        let tcp = record(IpProto::Tcp, "1.2.3.4", Some(1122), "5.6.7.8", Some(3344));
        let back = record(IpProto::Tcp, "5.6.7.8", Some(3344), "1.2.3.4", Some(1122));
        let ping = record(IpProto::Icmp, "10.0.0.1", None, "10.0.0.2", None);
        let ping6 = record(IpProto::Icmpv6, "2001:db8::1", None, "2001:db8::2", None);
        for (f, want) in [
            (&tcp, "1:wCb3OG7yAFWelaUydu0D+125CLM="),
            (&back, "1:wCb3OG7yAFWelaUydu0D+125CLM="),
            (&ping, "1:YcMyyWJfhc95EW1GfXt6jlZ3DiQ="),
            (&ping6, "1:u2vMS3HiWth2lIMKHB1fjELshpQ="),
        ] {
            let id = CommunityId::of(f).unwrap();
            assert_eq!(id.to_string(), want);
            assert_eq!(want.parse::<CommunityId>(), Ok(id));
        }
    }

    #[test]
    fn records_without_ports_have_none() {
        let agg = record(IpProto::Tcp, "1.2.3.4", None, "5.6.7.8", Some(502));
        assert_eq!(CommunityId::of(&agg), None);
        assert!("2:abc".parse::<CommunityId>().is_err());
        assert!("1:!!".parse::<CommunityId>().is_err());
    }
}
