//! IP protocols, transports and the control protocols that announce dynamic ports.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The IP protocol of a packet or flow (the IPv4 protocol / IPv6 next-header number).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IpProto {
    Icmp,
    Tcp,
    Udp,
    Icmpv6,
    /// Any other protocol, by number (GRE 47, ESP 50, OSPF 89, ...).
    Other(u8),
}

impl IpProto {
    pub const fn from_number(n: u8) -> Self {
        match n {
            1 => IpProto::Icmp,
            6 => IpProto::Tcp,
            17 => IpProto::Udp,
            58 => IpProto::Icmpv6,
            n => IpProto::Other(n),
        }
    }
    pub const fn number(self) -> u8 {
        match self {
            IpProto::Icmp => 1,
            IpProto::Tcp => 6,
            IpProto::Udp => 17,
            IpProto::Icmpv6 => 58,
            IpProto::Other(n) => n,
        }
    }
    /// `tcp`, `udp`, `icmp`, `icmpv6`; None for the others (named by their number).
    pub const fn short_name(self) -> Option<&'static str> {
        match self {
            IpProto::Icmp => Some("icmp"),
            IpProto::Tcp => Some("tcp"),
            IpProto::Udp => Some("udp"),
            IpProto::Icmpv6 => Some("icmpv6"),
            IpProto::Other(_) => None,
        }
    }
    /// The transport the rule language names it by (ICMP and ICMPv6 are both `icmp`).
    pub const fn transport(self) -> Option<Transport> {
        match self {
            IpProto::Tcp => Some(Transport::Tcp),
            IpProto::Udp => Some(Transport::Udp),
            IpProto::Icmp | IpProto::Icmpv6 => Some(Transport::Icmp),
            IpProto::Other(_) => None,
        }
    }
    pub const fn is_icmp(self) -> bool {
        matches!(self, IpProto::Icmp | IpProto::Icmpv6)
    }
    /// Flows of this protocol have ports (TCP and UDP).
    pub const fn has_ports(self) -> bool {
        matches!(self, IpProto::Tcp | IpProto::Udp)
    }
}

impl From<u8> for IpProto {
    fn from(n: u8) -> Self {
        IpProto::from_number(n)
    }
}

/// Ordered by protocol number, as reports sort flows.
impl Ord for IpProto {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.number().cmp(&other.number())
    }
}
impl PartialOrd for IpProto {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// `tcp`, `udp`, `icmp`, `icmpv6`, else the number (`47`).
impl fmt::Display for IpProto {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.short_name() {
            Some(n) => f.write_str(n),
            None => write!(f, "{}", self.number()),
        }
    }
}

/// As its name: `"tcp"`, or the number as a string (`"47"`).
impl Serialize for IpProto {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.short_name() {
            Some(n) => s.serialize_str(n),
            None => s.collect_str(&self.number()),
        }
    }
}

impl<'de> Deserialize<'de> for IpProto {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl std::str::FromStr for IpProto {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "icmp" => IpProto::Icmp,
            "tcp" => IpProto::Tcp,
            "udp" => IpProto::Udp,
            "icmpv6" => IpProto::Icmpv6,
            n => IpProto::from_number(
                n.parse()
                    .map_err(|_| format!("{s:?} is not an IP protocol name or number"))?,
            ),
        })
    }
}

/// The transports the vendor documents name: `tcp`, `udp`, and `icmp` (ICMP and ICMPv6).
/// Announced connections are TCP or UDP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Transport {
    Tcp,
    Udp,
    Icmp,
}

impl Transport {
    pub const fn as_str(self) -> &'static str {
        match self {
            Transport::Tcp => "tcp",
            Transport::Udp => "udp",
            Transport::Icmp => "icmp",
        }
    }
    /// Whether a packet or flow of `p` is of this transport.
    pub const fn carries(self, p: IpProto) -> bool {
        matches!(
            (self, p),
            (Transport::Tcp, IpProto::Tcp)
                | (Transport::Udp, IpProto::Udp)
                | (Transport::Icmp, IpProto::Icmp | IpProto::Icmpv6)
        )
    }
}

impl fmt::Display for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A control protocol: one that announces the ports of other connections. Adding one is a
/// variant here (name, well-known ports), a parser in `tapaudit-dynports`, and its line in
/// that crate's dispatch (docs/architecture.md, "adding a control protocol").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ControlProtocol {
    /// FTP: PASV/EPSV replies and PORT/EPRT commands announce data connections.
    #[serde(rename = "ftp")]
    Ftp,
    /// The ONC RPC portmapper / rpcbind (program 100000): GETPORT, GETADDR, DUMP.
    #[serde(rename = "onc-rpc-portmap")]
    OncRpcPortmap,
    /// The DCE-RPC endpoint mapper and DCOM (OXID resolution, activation).
    #[serde(rename = "dcerpc-epm")]
    DceRpcEpm,
}

impl ControlProtocol {
    /// Every control protocol, in order.
    pub const ALL: [ControlProtocol; 3] = [
        ControlProtocol::Ftp,
        ControlProtocol::OncRpcPortmap,
        ControlProtocol::DceRpcEpm,
    ];
    pub const COUNT: usize = Self::ALL.len();

    /// The name in rule packs and reports: `ftp`, `onc-rpc-portmap`, `dcerpc-epm`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ControlProtocol::Ftp => "ftp",
            ControlProtocol::OncRpcPortmap => "onc-rpc-portmap",
            ControlProtocol::DceRpcEpm => "dcerpc-epm",
        }
    }
    /// The key of its counters in the statistics: `ftp`, `portmap`, `dcerpc`.
    pub const fn stats_key(self) -> &'static str {
        match self {
            ControlProtocol::Ftp => "ftp",
            ControlProtocol::OncRpcPortmap => "portmap",
            ControlProtocol::DceRpcEpm => "dcerpc",
        }
    }
    /// Position in [`ControlProtocol::ALL`] (for per-protocol arrays).
    pub const fn index(self) -> usize {
        self as usize
    }
    /// The ports it is watched on when no rule pack or site says otherwise.
    pub const fn well_known_ports(self) -> &'static [(Transport, u16)] {
        match self {
            ControlProtocol::Ftp => &[(Transport::Tcp, 21)],
            ControlProtocol::OncRpcPortmap => &[(Transport::Tcp, 111), (Transport::Udp, 111)],
            ControlProtocol::DceRpcEpm => &[(Transport::Tcp, 135), (Transport::Udp, 135)],
        }
    }
    /// How many new connections one announcement is evidence for (docs/dynamic-ports.md,
    /// "Evidence"). Later connections to the announced port, within the expectation's time,
    /// are recorded with the announcement but are not "negotiated":
    /// - FTP: one. A PASV/EPSV listener accepts one data connection, a PORT/EPRT names one
    ///   (RFC 959 section 3.2, RFC 2428).
    /// - ONC RPC portmapper: one. A client looks the port up when it binds (clnt_create in
    ///   libtirpc asks rpcbind each time); a second connection is a second bind, or another
    ///   client that did not ask.
    /// - DCE-RPC endpoint mapper and DCOM: one. The runtime maps the endpoint, then binds one
    ///   association; connections opened later for concurrent calls reuse the resolved
    ///   binding without asking again, so the lookup is no evidence for them.
    pub const fn connections_per_announcement(self) -> u32 {
        match self {
            ControlProtocol::Ftp | ControlProtocol::OncRpcPortmap | ControlProtocol::DceRpcEpm => 1,
        }
    }
}

impl fmt::Display for ControlProtocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for ControlProtocol {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| format!("unknown control protocol {s:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ip_protocol_numbers_round_trip() {
        for n in 0..=255u8 {
            assert_eq!(IpProto::from_number(n).number(), n);
        }
        assert_eq!(IpProto::Other(47).to_string(), "47");
        assert_eq!("47".parse::<IpProto>(), Ok(IpProto::Other(47)));
        assert_eq!("icmpv6".parse::<IpProto>(), Ok(IpProto::Icmpv6));
        assert!(IpProto::Tcp < IpProto::Udp && IpProto::Icmp < IpProto::Tcp);
    }

    #[test]
    fn control_protocols_are_indexed_in_order() {
        for (i, p) in ControlProtocol::ALL.into_iter().enumerate() {
            assert_eq!(p.index(), i);
            assert_eq!(p.as_str().parse::<ControlProtocol>(), Ok(p));
        }
    }
}
