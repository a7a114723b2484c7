//! The `flows` table: one finished flow record per row.

use std::sync::Arc;

use clickhouse::Row;
use serde::{Deserialize, Serialize};
use tapaudit_flow::{FlowRecord, Negotiation};
use tapaudit_vocab::{ControlProtocol, IpProto};

use super::{
    addr16, finish_code, finish_of, ip_of, join_time, method_of, split_time, state_code, Evidence,
    RecordId, STATES,
};
use crate::community::CommunityId;

/// The id of a flow record: sensor, interface, and what the flow table keys a flow by,
/// plus its first packet's time. A record re-sent (spool, retry, the same capture ingested
/// twice) has the same id and is stored once.
pub fn flow_record_id(sensor: &str, interface: &str, f: &FlowRecord) -> u64 {
    RecordId::new("tapaudit.flow.1")
        .str(sensor)
        .str(interface)
        .bytes(&[f.proto.number()])
        .bytes(&addr16(f.client))
        .opt16(f.client_port)
        .bytes(&addr16(f.server))
        .opt16(f.server_port)
        .opt16(f.vlan)
        .opt16(f.inner_vlan)
        .opt16(f.icmp_type.map(u16::from))
        .bytes(&f.first_seen.as_nanos().to_be_bytes())
        .finish()
}

/// One row of `flows`. Field order is column order.
#[derive(Row, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct FlowRow {
    pub sensor: String,
    pub interface: String,
    pub record_id: u64,
    pub batch_id: u64,
    pub version: u64,
    pub community_id: String,
    pub proto: u8,
    pub client: [u8; 16],
    pub client_port: Option<u16>,
    pub server: [u8; 16],
    pub server_port: Option<u16>,
    pub vlan: Option<u16>,
    pub inner_vlan: Option<u16>,
    pub icmp_type: Option<u8>,
    pub first_seen: u32,
    pub first_seen_ns: u32,
    pub last_seen: u32,
    pub last_seen_ns: u32,
    pub packets_to_server: u64,
    pub packets_to_client: u64,
    pub bytes_to_server: u64,
    pub bytes_to_client: u64,
    pub state: i8,
    pub finish: i8,
    pub evidence: u16,
    pub blocked_icmp_type: u8,
    pub blocked_icmp_code: u8,
    pub blocked_sender: Option<[u8; 16]>,
    pub negotiation_protocol: String,
    pub negotiation_method: String,
    pub control_client: [u8; 16],
    pub control_client_port: u16,
    pub control_server: [u8; 16],
    pub control_server_port: u16,
    pub announced_at: u32,
    pub announced_at_ns: u32,
}

impl FlowRow {
    /// The row of one finished flow. `evidence`: the table's flags when the caller has
    /// them, else [`Evidence::default`].
    pub fn new(
        sensor: &str,
        interface: &str,
        f: &FlowRecord,
        evidence: Evidence,
        batch_id: u64,
    ) -> Result<Self, String> {
        let (first_seen, first_seen_ns) = split_time(f.first_seen)?;
        let (last_seen, last_seen_ns) = split_time(f.last_seen)?;
        let n = f.negotiated_by.as_deref();
        let (announced_at, announced_at_ns) = match n {
            Some(n) => split_time(n.announced_at)?,
            None => (0, 0),
        };
        let blocked = f.blocked_by.as_deref().copied();
        Ok(FlowRow {
            sensor: sensor.to_string(),
            interface: interface.to_string(),
            record_id: flow_record_id(sensor, interface, f),
            batch_id,
            version: f.last_seen.as_nanos(),
            community_id: CommunityId::of(f).map_or(String::new(), |c| c.to_string()),
            proto: f.proto.number(),
            client: addr16(f.client),
            client_port: f.client_port,
            server: addr16(f.server),
            server_port: f.server_port,
            vlan: f.vlan,
            inner_vlan: f.inner_vlan,
            icmp_type: f.icmp_type,
            first_seen,
            first_seen_ns,
            last_seen,
            last_seen_ns,
            packets_to_server: f.packets_to_server,
            packets_to_client: f.packets_to_client,
            bytes_to_server: f.bytes_to_server,
            bytes_to_client: f.bytes_to_client,
            state: state_code(f.state),
            finish: finish_code(f.finish),
            evidence: evidence.0 | f.control.map_or(0, Evidence::control_bit),
            blocked_icmp_type: blocked.map_or(0, |b| b.0),
            blocked_icmp_code: blocked.map_or(0, |b| b.1),
            blocked_sender: blocked.map(|b| addr16(b.2)),
            negotiation_protocol: n.map_or(String::new(), |n| n.protocol.to_string()),
            negotiation_method: n.map_or(String::new(), |n| n.method.to_string()),
            control_client: n.map_or([0; 16], |n| addr16(n.control_client)),
            control_client_port: n.map_or(0, |n| n.control_client_port),
            control_server: n.map_or([0; 16], |n| addr16(n.control_server)),
            control_server_port: n.map_or(0, |n| n.control_server_port),
            announced_at,
            announced_at_ns,
        })
    }

    /// Back to tapaudit's record; an error names what could not be read.
    pub fn to_record(&self) -> Result<FlowRecord, String> {
        let state = STATES
            .into_iter()
            .find(|s| state_code(*s) == self.state)
            .ok_or_else(|| format!("unknown state code {}", self.state))?;
        let finish =
            finish_of(self.finish).ok_or_else(|| format!("unknown finish code {}", self.finish))?;
        let negotiated_by = if self.negotiation_protocol.is_empty() {
            None
        } else {
            let protocol: ControlProtocol = self.negotiation_protocol.parse()?;
            let method = method_of(&self.negotiation_method)
                .ok_or_else(|| format!("unknown method {:?}", self.negotiation_method))?;
            Some(Box::new(Negotiation {
                protocol,
                method,
                control_client: ip_of(self.control_client),
                control_client_port: self.control_client_port,
                control_server: ip_of(self.control_server),
                control_server_port: self.control_server_port,
                announced_at: join_time(self.announced_at, self.announced_at_ns),
                start_seen: true,
                earlier_uses: 0,
            }))
        };
        Ok(FlowRecord {
            proto: IpProto::from_number(self.proto),
            client: ip_of(self.client),
            client_port: self.client_port,
            server: ip_of(self.server),
            server_port: self.server_port,
            vlan: self.vlan,
            inner_vlan: self.inner_vlan,
            icmp_type: self.icmp_type,
            first_seen: join_time(self.first_seen, self.first_seen_ns),
            last_seen: join_time(self.last_seen, self.last_seen_ns),
            packets_to_server: self.packets_to_server,
            packets_to_client: self.packets_to_client,
            bytes_to_server: self.bytes_to_server,
            bytes_to_client: self.bytes_to_client,
            state,
            blocked_by: self
                .blocked_sender
                .map(|s| Box::new((self.blocked_icmp_type, self.blocked_icmp_code, ip_of(s)))),
            negotiated_by,
            control: Evidence(self.evidence).control(),
            finish,
        })
    }
}

/// A flow record read back from the store, with where it was seen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredFlow {
    pub sensor: Arc<str>,
    pub interface: Arc<str>,
    pub record_id: u64,
    /// None for records without one (aggregates without a client port).
    pub community_id: Option<CommunityId>,
    pub evidence: Evidence,
    pub flow: FlowRecord,
}

impl StoredFlow {
    /// A record as the store would give it back (record id and Community ID computed):
    /// for merging records that never went through a server (tests, offline comparisons).
    pub fn new(sensor: &str, interface: &str, flow: FlowRecord, evidence: Evidence) -> Self {
        StoredFlow {
            sensor: Arc::from(sensor),
            interface: Arc::from(interface),
            record_id: flow_record_id(sensor, interface, &flow),
            community_id: CommunityId::of(&flow),
            evidence,
            flow,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{flow, negotiation};
    use super::*;
    use tapaudit_vocab::Timestamp;

    #[test]
    fn a_flow_row_gives_back_the_same_record() {
        let mut f = flow(1);
        f.negotiated_by = Some(Box::new(negotiation()));
        f.blocked_by = Some(Box::new((3, 13, "10.0.0.254".parse().unwrap())));
        f.control = Some(ControlProtocol::OncRpcPortmap);
        let table = Evidence(Evidence::RECORDED | Evidence::SYN_FROM_CLIENT);
        let row = FlowRow::new("cell-a", "eth1", &f, table, 7).unwrap();
        assert_eq!(row.to_record().unwrap(), f);
        // The control protocol rides in the evidence column; the table flags come back alone.
        assert_eq!(Evidence(row.evidence).table_flags(), table);
        assert_eq!(row.record_id, flow_record_id("cell-a", "eth1", &f));
        assert_eq!(row.version, f.last_seen.as_nanos());
    }

    #[test]
    fn record_ids_depend_on_where_and_when_not_on_the_counters() {
        let f = flow(1);
        let mut later = f.clone();
        later.packets_to_server += 10;
        later.last_seen = Timestamp(later.last_seen.0 + 1);
        assert_eq!(flow_record_id("a", "", &f), flow_record_id("a", "", &later));
        assert_ne!(flow_record_id("a", "", &f), flow_record_id("b", "", &f));
        assert_ne!(flow_record_id("a", "", &f), flow_record_id("a", "eth1", &f));
        assert_ne!(
            flow_record_id("a", "", &f),
            flow_record_id("a", "", &flow(2))
        );
        // Stable across versions: this value is in the store of every sensor. Computed
        // independently (Python hashlib, the encoding in docs/store.md).
        assert_eq!(flow_record_id("a", "", &f), 0xe828_5c13_e17c_558f);
    }

    #[test]
    fn times_past_datetime_are_refused_not_wrapped() {
        let mut f = flow(1);
        f.last_seen = Timestamp(u64::MAX);
        assert!(FlowRow::new("a", "", &f, Evidence::default(), 1).is_err());
    }
}
