//! Finding events: every finding once, the first time it is judged, to JSON lines (a file
//! or stdout) and to syslog (RFC 5424, over UDP or a unix socket).
//!
//! A finding is a (verdict, rule, protocol, client, server, server port, VLAN) of a flow
//! judged `violation` or `undocumented`: many connections of the same client to the same
//! undocumented service are one finding, one event. Its id is the first 16 hex digits of
//! the SHA-1 of those fields, so it is the same in every report, after a restart and on
//! every sensor. The event carries the Community ID v1 (seed 0) of the first flow of the
//! finding, so a SIEM joins it to Zeek, Suricata or Malcolm records of the same connection.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;
use sha1::{Digest, Sha1};
use tapaudit_audit::{AuditResult, JudgedFlow, Verdict};
use tapaudit_flow::FlowRecord;
use tapaudit_vocab::{IpProto, Timestamp};

/// One finding, as sent.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct FindingEvent {
    pub schema: &'static str,
    /// Stable id (see the module comment).
    pub id: String,
    /// `violation` or `undocumented`.
    pub kind: &'static str,
    /// When the sensor judged it (wall clock) and when its first flow began (packet time).
    pub judged_at: String,
    pub first_seen: String,
    pub proto: String,
    pub client: String,
    pub client_port: Option<u16>,
    pub server: String,
    pub server_port: Option<u16>,
    pub vlan: Option<u16>,
    pub client_host: Option<String>,
    pub server_host: Option<String>,
    /// Community ID v1 of the first flow (None for an aggregate without its client port).
    pub community_id: Option<String>,
    pub rule: Option<String>,
    pub pack: Option<String>,
    pub cite: Option<String>,
    pub reason: String,
}

/// The Community ID v1 (seed 0) of a flow, as `1:<base64>`.
pub fn community_id(flow: &FlowRecord) -> Option<String> {
    let (src_port, dst_port) = match flow.proto {
        IpProto::Icmp | IpProto::Icmpv6 => (Some(u16::from(flow.icmp_type.unwrap_or(0))), Some(0)),
        IpProto::Tcp | IpProto::Udp => (Some(flow.client_port?), Some(flow.server_port?)),
        IpProto::Other(_) => (None, None),
    };
    community_id::calculate_community_id(
        0,
        flow.client,
        flow.server,
        src_port,
        dst_port,
        flow.proto.number(),
        false,
    )
    .ok()
}

/// The stable id of the finding a judged flow belongs to (None: documented, no finding).
pub fn finding_id(j: &JudgedFlow) -> Option<u64> {
    if j.verdict == Verdict::Documented {
        return None;
    }
    let f = &j.flow;
    let mut key = String::with_capacity(96);
    let _ = write!(
        key,
        "{}|{}|{}|{}|{}|{:?}|{:?}",
        j.verdict.as_str(),
        j.rule.as_deref().unwrap_or(""),
        f.proto.number(),
        f.client,
        f.server,
        f.server_port,
        f.vlan
    );
    let digest = Sha1::digest(key.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    Some(u64::from_be_bytes(first))
}

fn event(j: &JudgedFlow, id: u64, judged_at: Timestamp) -> FindingEvent {
    let f = &j.flow;
    FindingEvent {
        schema: "tapaudit.finding/1",
        id: format!("{id:016x}"),
        kind: j.verdict.as_str(),
        judged_at: judged_at.to_rfc3339_seconds(),
        first_seen: f.first_seen.to_rfc3339_seconds(),
        proto: f.proto_name(),
        client: f.client.to_string(),
        client_port: f.client_port,
        server: f.server.to_string(),
        server_port: f.server_port,
        vlan: f.vlan,
        client_host: j.client_host.clone(),
        server_host: j.server_host.clone(),
        community_id: community_id(f),
        rule: j.rule.clone(),
        pack: j.pack.clone(),
        cite: j.cite.clone(),
        reason: j.reason().into_owned(),
    }
}

/// Where events go.
pub enum Sink {
    /// One JSON object per line, flushed after each batch.
    Lines(Box<dyn Write + Send>),
    Syslog(Box<syslog::Logger<syslog::LoggerBackend, syslog::Formatter5424>>),
}

/// Where to send syslog messages.
#[derive(Clone, Debug)]
pub enum SyslogTarget {
    /// `udp://HOST:PORT`: sent from an ephemeral local port.
    Udp(String),
    /// `unix:///dev/log` or another datagram/stream socket path.
    Unix(PathBuf),
}

impl SyslogTarget {
    /// `udp://127.0.0.1:514` or `unix:///dev/log`.
    pub fn parse(s: &str) -> Result<Self, String> {
        if let Some(a) = s.strip_prefix("udp://") {
            Ok(SyslogTarget::Udp(a.to_string()))
        } else if let Some(p) = s.strip_prefix("unix://") {
            Ok(SyslogTarget::Unix(PathBuf::from(p)))
        } else {
            Err(format!(
                "{s:?}: a syslog target is udp://HOST:PORT or unix:///PATH"
            ))
        }
    }
}

impl Sink {
    /// Appends to a file (created if needed), or writes to stdout for `-`.
    pub fn lines(path: &str) -> std::io::Result<Sink> {
        if path == "-" {
            return Ok(Sink::Lines(Box::new(std::io::stdout())));
        }
        let f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)?;
        Ok(Sink::Lines(Box::new(f)))
    }

    pub fn syslog(target: &SyslogTarget) -> Result<Sink, String> {
        let formatter = syslog::Formatter5424 {
            facility: syslog::Facility::LOG_DAEMON,
            process: "tapaudit".into(),
            ..Default::default()
        };
        let logger = match target {
            SyslogTarget::Udp(addr) => syslog::udp(formatter, "0.0.0.0:0", addr.as_str()),
            SyslogTarget::Unix(path) => syslog::unix_custom(formatter, path),
        }
        .map_err(|e| format!("syslog {target:?}: {e}"))?;
        Ok(Sink::Syslog(Box::new(logger)))
    }

    fn send(&mut self, e: &FindingEvent) -> Result<(), String> {
        match self {
            Sink::Lines(w) => {
                let mut line = serde_json::to_vec(e).map_err(|x| x.to_string())?;
                line.push(b'\n');
                w.write_all(&line).map_err(|x| x.to_string())
            }
            Sink::Syslog(logger) => {
                let mut params = std::collections::BTreeMap::new();
                let mut put = |k: &str, v: Option<String>| {
                    if let Some(v) = v {
                        params.insert(k.to_string(), v);
                    }
                };
                put("id", Some(e.id.clone()));
                put("kind", Some(e.kind.to_string()));
                put("proto", Some(e.proto.clone()));
                put("client", Some(e.client.clone()));
                put("client_port", e.client_port.map(|p| p.to_string()));
                put("server", Some(e.server.clone()));
                put("server_port", e.server_port.map(|p| p.to_string()));
                put("vlan", e.vlan.map(|p| p.to_string()));
                put("community_id", e.community_id.clone());
                put("rule", e.rule.clone());
                put("cite", e.cite.clone());
                put("first_seen", Some(e.first_seen.clone()));
                // 32473 is the example enterprise number of RFC 5612 (for documentation):
                // tapaudit has no registered one.
                let mut sd: std::collections::BTreeMap<
                    String,
                    std::collections::BTreeMap<String, String>,
                > = std::collections::BTreeMap::new();
                sd.insert("finding@32473".to_string(), params);
                let msg = format!(
                    "{} {} {}:{} -> {}:{}: {}",
                    e.kind,
                    e.proto,
                    e.client,
                    e.client_port.map_or("-".into(), |p| p.to_string()),
                    e.server,
                    e.server_port.map_or("-".into(), |p| p.to_string()),
                    e.reason
                );
                let r = if e.kind == "violation" {
                    logger.warning((1u32, sd, msg))
                } else {
                    logger.notice((1u32, sd, msg))
                };
                r.map_err(|x| x.to_string())
            }
        }
    }

    fn flush(&mut self) {
        if let Sink::Lines(w) = self {
            let _ = w.flush();
        }
    }
}

/// Finding ids remembered (so each finding is sent once); beyond this, new findings are
/// counted and logged but not sent, so memory stays bounded under a scan storm.
pub const MAX_TRACKED: usize = 1_000_000;

/// Sends each finding once, to every sink.
pub struct Events {
    sinks: Vec<Sink>,
    seen: HashSet<u64>,
    /// Events sent since the start.
    pub sent: u64,
    /// Findings not sent because [`MAX_TRACKED`] was reached.
    pub untracked: u64,
    /// Send errors (logged; the event is not retried).
    pub errors: u64,
}

impl Events {
    pub fn new(sinks: Vec<Sink>) -> Self {
        Events {
            sinks,
            seen: HashSet::new(),
            sent: 0,
            untracked: 0,
            errors: 0,
        }
    }

    /// Findings judged so far.
    pub fn known(&self) -> usize {
        self.seen.len()
    }

    /// Sends the findings of `result` not sent before; returns how many were new.
    pub fn judge(&mut self, result: &AuditResult, judged_at: Timestamp) -> usize {
        let mut new = 0;
        for j in &result.flows {
            let Some(id) = finding_id(j) else { continue };
            if self.seen.contains(&id) {
                continue;
            }
            if self.seen.len() >= MAX_TRACKED {
                self.untracked += 1;
                continue;
            }
            self.seen.insert(id);
            new += 1;
            let e = event(j, id, judged_at);
            tracing::info!(
                finding = %e.id,
                kind = e.kind,
                proto = %e.proto,
                client = %e.client,
                server = %e.server,
                server_port = e.server_port,
                community_id = e.community_id.as_deref().unwrap_or("-"),
                rule = e.rule.as_deref().unwrap_or("-"),
                "finding"
            );
            for s in &mut self.sinks {
                if let Err(err) = s.send(&e) {
                    self.errors += 1;
                    tracing::warn!(finding = %e.id, error = %err, "cannot send a finding event");
                }
            }
            self.sent += 1;
        }
        for s in &mut self.sinks {
            s.flush();
        }
        new
    }
}
