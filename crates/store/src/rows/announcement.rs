//! The `announcements` table: what a control connection announced, and who may open it.

use std::net::IpAddr;
use std::sync::Arc;

use clickhouse::Row;
use serde::{Deserialize, Serialize};
use tapaudit_dynports::Connector;
use tapaudit_flow::Negotiation;
use tapaudit_vocab::Transport;

use super::{
    addr16, ip_of, join_time, method_of, split_time, transport_code, transport_of, RecordId,
};

/// An announcement as the flow table registers it: the control connection and message
/// (`negotiation`, with the time), where the announced connection goes, and who is
/// expected to open it. These are exactly the arguments of `Expectations::announce`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AnnouncementRecord {
    pub negotiation: Negotiation,
    pub transport: Transport,
    pub target: IpAddr,
    pub port: u16,
    /// The address expected to connect (None: anyone).
    pub connector: Option<IpAddr>,
    /// Which side of the control connection that is.
    pub connector_side: Connector,
    /// ONC RPC program number where known.
    pub program: Option<u32>,
}

impl From<tapaudit_flow::LoggedAnnouncement> for AnnouncementRecord {
    /// An announcement as the sensor's flow table registered it.
    fn from(a: tapaudit_flow::LoggedAnnouncement) -> Self {
        AnnouncementRecord {
            negotiation: a.negotiation,
            transport: a.transport,
            target: a.target,
            port: a.port,
            connector: Some(a.connector),
            connector_side: a.connector_side,
            program: a.program,
        }
    }
}

/// The id of an announcement: where it was seen, the control connection, the time and
/// what it announced.
pub fn announcement_record_id(sensor: &str, interface: &str, a: &AnnouncementRecord) -> u64 {
    let n = &a.negotiation;
    RecordId::new("tapaudit.announcement.1")
        .str(sensor)
        .str(interface)
        .bytes(&n.announced_at.as_nanos().to_be_bytes())
        .str(n.protocol.as_str())
        .str(&n.method.to_string())
        .bytes(&addr16(n.control_client))
        .opt16(Some(n.control_client_port))
        .bytes(&addr16(n.control_server))
        .opt16(Some(n.control_server_port))
        .bytes(&addr16(a.target))
        .opt16(Some(a.port))
        .str(a.transport.as_str())
        .bytes(&a.connector.map_or([0xff; 16], addr16))
        .finish()
}

/// One row of `announcements`.
#[derive(Row, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct AnnouncementRow {
    pub sensor: String,
    pub interface: String,
    pub record_id: u64,
    pub batch_id: u64,
    pub at: u32,
    pub at_ns: u32,
    pub protocol: String,
    pub method: String,
    pub control_client: [u8; 16],
    pub control_client_port: u16,
    pub control_server: [u8; 16],
    pub control_server_port: u16,
    pub target: [u8; 16],
    pub port: u16,
    pub transport: i8,
    pub connector: Option<[u8; 16]>,
    pub connector_side: i8,
    pub program: Option<u32>,
}

impl AnnouncementRow {
    pub fn new(
        sensor: &str,
        interface: &str,
        a: &AnnouncementRecord,
        batch_id: u64,
    ) -> Result<Self, String> {
        let n = &a.negotiation;
        let (at, at_ns) = split_time(n.announced_at)?;
        Ok(AnnouncementRow {
            sensor: sensor.to_string(),
            interface: interface.to_string(),
            record_id: announcement_record_id(sensor, interface, a),
            batch_id,
            at,
            at_ns,
            protocol: n.protocol.to_string(),
            method: n.method.to_string(),
            control_client: addr16(n.control_client),
            control_client_port: n.control_client_port,
            control_server: addr16(n.control_server),
            control_server_port: n.control_server_port,
            target: addr16(a.target),
            port: a.port,
            transport: transport_code(a.transport),
            connector: a.connector.map(addr16),
            connector_side: match a.connector_side {
                Connector::Client => 1,
                Connector::Server => 2,
            },
            program: a.program,
        })
    }

    pub fn to_record(&self) -> Result<AnnouncementRecord, String> {
        Ok(AnnouncementRecord {
            negotiation: Negotiation {
                protocol: self.protocol.parse()?,
                method: method_of(&self.method)
                    .ok_or_else(|| format!("unknown method {:?}", self.method))?,
                control_client: ip_of(self.control_client),
                control_client_port: self.control_client_port,
                control_server: ip_of(self.control_server),
                control_server_port: self.control_server_port,
                announced_at: join_time(self.at, self.at_ns),
                start_seen: true,
                earlier_uses: 0,
            },
            transport: transport_of(self.transport)
                .ok_or_else(|| format!("unknown transport code {}", self.transport))?,
            target: ip_of(self.target),
            port: self.port,
            connector: self.connector.map(ip_of),
            connector_side: match self.connector_side {
                1 => Connector::Client,
                2 => Connector::Server,
                c => return Err(format!("unknown connector side {c}")),
            },
            program: self.program,
        })
    }
}

/// An announcement read back, with where it was seen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredAnnouncement {
    pub sensor: Arc<str>,
    pub interface: Arc<str>,
    pub record_id: u64,
    pub announcement: AnnouncementRecord,
}

impl StoredAnnouncement {
    /// An announcement as the store would give it back (see [`StoredFlow::new`]).
    pub fn new(sensor: &str, interface: &str, announcement: AnnouncementRecord) -> Self {
        StoredAnnouncement {
            sensor: Arc::from(sensor),
            interface: Arc::from(interface),
            record_id: announcement_record_id(sensor, interface, &announcement),
            announcement,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::negotiation;
    use super::*;

    #[test]
    fn an_announcement_row_gives_back_the_same_record() {
        let a = AnnouncementRecord {
            negotiation: negotiation(),
            transport: Transport::Tcp,
            target: "2001:db8::2".parse().unwrap(),
            port: 50_000,
            connector: Some("2001:db8::1".parse().unwrap()),
            connector_side: Connector::Client,
            program: Some(100_003),
        };
        let row = AnnouncementRow::new("dmz", "eth2", &a, 1).unwrap();
        assert_eq!(row.to_record().unwrap(), a);
    }
}
