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
