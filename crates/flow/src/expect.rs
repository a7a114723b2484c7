//! Expectations: connections announced by a control protocol, waiting for their flow.
//!
//! Shared between capture threads (a `DashMap`), bounded in time (each expectation expires,
//! packet time) and in size (past the cap, new announcements are dropped and counted).

use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use dashmap::DashMap;
use serde::Serialize;
use tapaudit_vocab::{ControlProtocol, IpProto, Timestamp, Transport};

use crate::key::Addr;
use crate::record::Negotiation;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Target {
    transport: Transport,
    addr: Addr,
    port: u16,
}

#[derive(Clone, Debug)]
struct Expectation {
    /// The address expected to open the connection; None: anyone.
    connector: Option<Addr>,
    negotiation: Negotiation,
    expires: Timestamp,
    /// New connections it was already taken by.
    uses: u32,
}

/// Counters of the expectation table.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct ExpectationStats {
    pub announced: u64,
    pub matched: u64,
    pub expired: u64,
    /// Announcements dropped because the table was full.
    pub dropped_full: u64,
    /// Announcements of an already pending expectation (its expiry was refreshed).
    pub refreshed: u64,
}

/// The table of pending expectations.
pub struct Expectations {
    map: DashMap<Target, Vec<Expectation>, foldhash::fast::FixedState>,
    len: AtomicUsize,
    cap: usize,
    ttl_nanos: u64,
    announced: AtomicU64,
    matched: AtomicU64,
    expired: AtomicU64,
    dropped_full: AtomicU64,
    refreshed: AtomicU64,
}

impl Expectations {
    pub fn new(cap: usize, ttl_secs: u64) -> Self {
        Expectations {
            map: DashMap::with_hasher(foldhash::fast::FixedState::with_seed(0x7a9a_0d17)),
            len: AtomicUsize::new(0),
            cap: cap.max(1),
            ttl_nanos: ttl_secs.saturating_mul(Timestamp::NANOS_PER_SEC),
            announced: AtomicU64::new(0),
            matched: AtomicU64::new(0),
            expired: AtomicU64::new(0),
            dropped_full: AtomicU64::new(0),
            refreshed: AtomicU64::new(0),
        }
    }

    pub fn len(&self) -> usize {
        self.len.load(Ordering::Relaxed)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Records that `connector` (None: anyone) will connect to `target`:`port`.
    pub fn announce(
        &self,
        transport: Transport,
        target: IpAddr,
        port: u16,
        connector: Option<IpAddr>,
        negotiation: Negotiation,
    ) {
        self.announced.fetch_add(1, Ordering::Relaxed);
        let now = negotiation.announced_at;
        let key = Target {
            transport,
            addr: Addr::from_ip(target),
            port,
        };
        let connector = connector.map(Addr::from_ip);
        let expires = Timestamp(now.0.saturating_add(self.ttl_nanos));
        if let Some(mut list) = self.map.get_mut(&key) {
            if let Some(e) = list.iter_mut().find(|e| {
                e.connector == connector && e.negotiation.protocol == negotiation.protocol
            }) {
                e.expires = expires;
                e.negotiation = negotiation;
                // A new announcement is new evidence: it accounts for connections again.
                e.uses = 0;
                self.refreshed.fetch_add(1, Ordering::Relaxed);
                return;
            }
        }
        // Check the cap before touching the map: an entry created for an announcement that
        // is then dropped stayed behind empty, so a flood of distinct ports grew the map
        // without bound (regression test: dropped_announcements_leave_no_empty_entries).
        if self.len.load(Ordering::Relaxed) >= self.cap {
            self.dropped_full.fetch_add(1, Ordering::Relaxed);
            return;
        }
        self.map.entry(key).or_default().push(Expectation {
            connector,
            negotiation,
            expires,
            uses: 0,
        });
        self.len.fetch_add(1, Ordering::Relaxed);
    }

    /// The announcement that a new flow from `client` to `server`:`port` fulfils, if any,
    /// with how many connections it had already accounted for (`earlier_uses`) and whether
    /// the flow's start was seen (`start_seen`). FTP expectations are removed at their first
    /// use (one data connection per announcement); portmapper and endpoint-mapper answers
    /// stay until they expire, so that later connections to the port are recorded with them
    /// (and judged as not evidenced by them, [`Negotiation::is_evidence`]).
    pub fn take(
        &self,
        proto: IpProto,
        client: IpAddr,
        server: IpAddr,
        port: u16,
        now: Timestamp,
        start_seen: bool,
    ) -> Option<Negotiation> {
        if self.is_empty() {
            return None;
        }
        let transport = proto.transport()?;
        let key = Target {
            transport,
            addr: Addr::from_ip(server),
            port,
        };
        let client = Addr::from_ip(client);
        let mut entry = self.map.get_mut(&key)?;
        let list = entry.value_mut();
        let before = list.len();
        list.retain(|e| e.expires >= now);
        let expired = before - list.len();
        let pos = list
            .iter()
            .position(|e| e.connector.is_none_or(|c| c == client));
        let found = pos.map(|i| {
            let e = &mut list[i];
            let mut n = e.negotiation;
            n.start_seen = start_seen;
            n.earlier_uses = e.uses;
            e.uses = e.uses.saturating_add(1);
            if n.protocol == ControlProtocol::Ftp {
                list.remove(i);
            }
            n
        });
        let removed = before - list.len();
        let empty = list.is_empty();
        drop(entry);
        if empty {
            self.map.remove_if(&key, |_, v| v.is_empty());
        }
        self.len.fetch_sub(removed, Ordering::Relaxed);
        if expired > 0 {
            self.expired.fetch_add(expired as u64, Ordering::Relaxed);
        }
        if found.is_some() {
            self.matched.fetch_add(1, Ordering::Relaxed);
        }
        found
    }

    /// Drops every expectation that expired before `now`.
    pub fn sweep(&self, now: Timestamp) {
        let mut expired = 0usize;
        self.map.retain(|_, list| {
            let before = list.len();
            list.retain(|e| e.expires >= now);
            expired += before - list.len();
            !list.is_empty()
        });
        self.len.fetch_sub(expired, Ordering::Relaxed);
        self.expired.fetch_add(expired as u64, Ordering::Relaxed);
    }

    pub fn stats(&self) -> ExpectationStats {
        ExpectationStats {
            announced: self.announced.load(Ordering::Relaxed),
            matched: self.matched.load(Ordering::Relaxed),
            expired: self.expired.load(Ordering::Relaxed),
            dropped_full: self.dropped_full.load(Ordering::Relaxed),
            refreshed: self.refreshed.load(Ordering::Relaxed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tapaudit_dynports::Method;

    fn neg(protocol: ControlProtocol, at: u64) -> Negotiation {
        Negotiation {
            protocol,
            method: Method::Pasv,
            control_client: "10.0.0.1".parse().unwrap(),
            control_client_port: 40000,
            control_server: "10.0.0.2".parse().unwrap(),
            control_server_port: 21,
            announced_at: Timestamp::from_secs_nanos(at, 0),
            start_seen: true,
            earlier_uses: 0,
        }
    }
    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn ftp_expectation_is_used_once_and_only_by_the_connector() {
        let t = Expectations::new(10, 300);
        let c = Some(ip("10.0.0.1"));
        t.announce(
            Transport::Tcp,
            ip("10.0.0.2"),
            3000,
            c,
            neg(ControlProtocol::Ftp, 100),
        );
        let now = Timestamp::from_secs_nanos(101, 0);
        assert!(t
            .take(
                IpProto::Tcp,
                ip("10.0.0.9"),
                ip("10.0.0.2"),
                3000,
                now,
                true
            )
            .is_none());
        assert!(t
            .take(
                IpProto::Udp,
                ip("10.0.0.1"),
                ip("10.0.0.2"),
                3000,
                now,
                true
            )
            .is_none());
        assert!(t
            .take(
                IpProto::Tcp,
                ip("10.0.0.1"),
                ip("10.0.0.2"),
                3000,
                now,
                true
            )
            .is_some());
        assert!(t
            .take(
                IpProto::Tcp,
                ip("10.0.0.1"),
                ip("10.0.0.2"),
                3000,
                now,
                true
            )
            .is_none());
        assert!(t.is_empty());
    }

    #[test]
    fn expectations_expire_in_packet_time() {
        let t = Expectations::new(10, 300);
        t.announce(
            Transport::Tcp,
            ip("10.0.0.2"),
            700,
            None,
            neg(ControlProtocol::OncRpcPortmap, 100),
        );
        let late = Timestamp::from_secs_nanos(401, 0);
        assert!(t
            .take(
                IpProto::Tcp,
                ip("10.0.0.1"),
                ip("10.0.0.2"),
                700,
                late,
                true
            )
            .is_none());
        assert_eq!(t.stats().expired, 1);
        assert!(t.is_empty());
    }

    #[test]
    fn dropped_announcements_leave_no_empty_entries() {
        let t = Expectations::new(3, 300);
        for port in 1000..11000 {
            t.announce(
                Transport::Tcp,
                ip("10.0.0.2"),
                port,
                None,
                neg(ControlProtocol::Ftp, 1),
            );
        }
        assert_eq!(t.len(), 3);
        assert_eq!(t.stats().dropped_full, 9997);
        assert_eq!(
            t.map.len(),
            3,
            "a dropped announcement must not leave a map entry"
        );
    }

    #[test]
    fn full_table_drops_and_counts() {
        let t = Expectations::new(3, 300);
        for port in 1000..1010 {
            t.announce(
                Transport::Tcp,
                ip("10.0.0.2"),
                port,
                None,
                neg(ControlProtocol::Ftp, 1),
            );
        }
        assert_eq!(t.len(), 3);
        assert_eq!(t.stats().dropped_full, 7);
        t.sweep(Timestamp::from_secs_nanos(1000, 0));
        assert_eq!(t.len(), 0);
    }
}
