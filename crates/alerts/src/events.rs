//! Finding events: every finding once, the first time it is judged, to JSON lines (a file
//! or stdout) and to syslog (RFC 5424, over UDP or a unix socket).
//!
//! A finding is what [`tapaudit_audit::FindingKey`] says it is: the kind (`violation` or
//! `undocumented`, which includes a flow an expired exception would have accepted), the
//! rule, the host pair and the service of a judged flow. Many connections of the same
//! client to the same undocumented service are one finding, one event. Its id is the
//! report's own (`F-` and 12 hex digits, `flows[].finding` in the JSON report), so it is
//! the same in every report, after a restart and on every sensor, and an event is looked
//! up in a report by it. The event carries the Community ID v1 (seed 0) of the first flow
//! judged with the finding, so a SIEM joins it to Zeek, Suricata or Malcolm records of the
//! same connection.
//!
//! Memory: the ids sent are kept as 48-bit numbers in one set, at most [`MAX_TRACKED`]
//! (1,000,000 ids: 2^21 slots of 8 bytes and a control byte, about 18 MiB); beyond, new
//! findings are counted (`untracked`) and logged, not sent. Required flows missing are not events: a periodic
//! snapshot cannot tell "missing" from "not seen yet"; they are in the reports.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;
use tapaudit_audit::{AuditResult, FindingKey, JudgedFlow};
use tapaudit_flow::FlowRecord;
use tapaudit_vocab::{IpProto, Timestamp};

/// One finding, as sent.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct FindingEvent {
    pub schema: &'static str,
    /// Stable id, as in the reports (see the module comment).
    pub id: String,
    /// `violation`, `undocumented` or, with zones, `zone-crossing` (the event of its first
    /// flow).
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

/// The stable id of the finding a judged flow belongs to, as the reports print it
/// (None: documented, no finding).
pub fn finding_id(j: &JudgedFlow) -> Option<String> {
    FindingKey::of_flow(j).map(|k| k.id())
}

/// The 48 bits of an id `F-` + 12 hex digits, the form the sent set keeps.
fn id_bits(id: &str) -> Option<u64> {
    let hex = id.strip_prefix("F-")?;
    if hex.len() != 12 {
        return None;
    }
    u64::from_str_radix(hex, 16).ok()
}

fn event(j: &JudgedFlow, id: String, judged_at: Timestamp) -> FindingEvent {
    let f = &j.flow;
    FindingEvent {
        schema: "tapaudit.finding/1",
        id,
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
    max_tracked: usize,
    /// Findings judged since the start (distinct ids), by kind.
    pub by_kind: BTreeMap<&'static str, u64>,
    /// Events sent since the start.
    pub sent: u64,
    /// Findings not sent because [`MAX_TRACKED`] was reached.
    pub untracked: u64,
    /// Send errors (logged; the event is not retried).
    pub errors: u64,
}

impl Events {
    pub fn new(sinks: Vec<Sink>) -> Self {
        Events::with_max_tracked(sinks, MAX_TRACKED)
    }

    /// As [`Events::new`], remembering at most `max_tracked` ids (tests).
    pub fn with_max_tracked(sinks: Vec<Sink>, max_tracked: usize) -> Self {
        Events {
            sinks,
            seen: HashSet::new(),
            max_tracked,
            by_kind: BTreeMap::new(),
            sent: 0,
            untracked: 0,
            errors: 0,
        }
    }

    /// Findings judged so far.
    pub fn known(&self) -> usize {
        self.seen.len()
    }

    /// Sends the findings of `result` not sent before, in the result's order (first seen
    /// first); returns how many were new. Each new one is logged at WARN with its id.
    pub fn judge(&mut self, result: &AuditResult, judged_at: Timestamp) -> usize {
        let mut new = 0;
        let flow_findings = result
            .flows
            .iter()
            .filter_map(|j| Some((finding_id(j)?, j, None)));
        // With zones: crossings outside any conduit, each with its first flow.
        let zone_findings = result
            .zone_findings()
            .filter_map(|c| Some((c.key().id(), result.flows.get(c.first_flow)?, Some(c))));
        for (id, j, zone) in flow_findings.chain(zone_findings) {
            let Some(bits) = id_bits(&id) else { continue };
            if self.seen.contains(&bits) {
                continue;
            }
            if self.seen.len() >= self.max_tracked {
                self.untracked += 1;
                tracing::warn!(finding = %id, "finding not sent: too many findings tracked");
                continue;
            }
            self.seen.insert(bits);
            new += 1;
            let mut e = event(j, id, judged_at);
            if let Some(c) = zone {
                e.kind = "zone-crossing";
                e.rule = None;
                e.pack = None;
                e.cite = Some(format!("zones {} -> {}", c.from_zone, c.to_zone));
                e.reason = format!(
                    "crossed from zone {} to zone {} outside any conduit",
                    c.from_zone, c.to_zone
                );
            }
            *self.by_kind.entry(e.kind).or_default() += 1;
            // Addresses, ports, rule and inventory names only: nothing from a payload.
            tracing::warn!(
                finding = %e.id,
                kind = e.kind,
                proto = %e.proto,
                client = %e.client,
                server = %e.server,
                server_port = e.server_port,
                community_id = e.community_id.as_deref().unwrap_or("-"),
                rule = e.rule.as_deref().unwrap_or("-"),
                "new finding"
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

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use tapaudit_audit::{Judgment, Reason, Verdict};
    use tapaudit_flow::{FinishReason, State};

    use super::*;

    /// A sink tests can read back.
    #[derive(Clone, Default)]
    struct Buf(Arc<Mutex<Vec<u8>>>);

    impl Write for Buf {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Buf {
        fn lines(&self) -> Vec<serde_json::Value> {
            let bytes = self.0.lock().unwrap().clone();
            String::from_utf8(bytes)
                .unwrap()
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect()
        }
    }

    fn judged(client: &str, client_port: u16, server: &str, port: u16, v: Verdict) -> JudgedFlow {
        JudgedFlow {
            flow: FlowRecord {
                proto: IpProto::Tcp,
                client: client.parse().unwrap(),
                client_port: Some(client_port),
                server: server.parse().unwrap(),
                server_port: Some(port),
                vlan: None,
                inner_vlan: None,
                icmp_type: None,
                first_seen: Timestamp::from_secs_nanos(1_772_438_400, 0),
                last_seen: Timestamp::from_secs_nanos(1_772_438_401, 0),
                packets_to_server: 3,
                packets_to_client: 3,
                bytes_to_server: 180,
                bytes_to_client: 180,
                state: State::Established,
                blocked_by: None,
                negotiated_by: None,
                control: None,
                finish: FinishReason::EndOfInput,
            },
            judgment: Arc::new(Judgment {
                client_host: None,
                server_host: Some("plc-1".into()),
                verdict: v,
                evidence: None,
                rule: (v == Verdict::Violation).then(|| "deny-telnet".to_string()),
                pack: None,
                cite: (v == Verdict::Violation).then(|| "Guide 4.2".to_string()),
                reason: Reason::Text("because".into()),
            }),
        }
    }

    fn result(flows: Vec<JudgedFlow>) -> AuditResult {
        AuditResult {
            flows,
            ..Default::default()
        }
    }

    fn at() -> Timestamp {
        Timestamp::from_secs_nanos(1_772_438_460, 0)
    }

    #[test]
    fn community_id_matches_the_specification_test_vector() {
        // corelight/community-id-spec, baseline: TCP 128.232.110.120:34855 -> 66.35.250.204:80.
        let j = judged(
            "128.232.110.120",
            34855,
            "66.35.250.204",
            80,
            Verdict::Violation,
        );
        assert_eq!(
            community_id(&j.flow).as_deref(),
            Some("1:LQU9qZlK+B5F3KDmev6m5PMibrg=")
        );
    }

    #[test]
    fn each_finding_is_sent_once_across_ticks_with_the_report_id() {
        let buf = Buf::default();
        let mut ev = Events::new(vec![Sink::Lines(Box::new(buf.clone()))]);
        let v1 = judged("10.0.0.5", 40000, "10.0.0.9", 23, Verdict::Violation);
        // Another connection of the same client to the same service: the same finding.
        let v2 = judged("10.0.0.5", 40001, "10.0.0.9", 23, Verdict::Violation);
        let u = judged("10.0.0.5", 40002, "10.0.0.9", 3389, Verdict::Undocumented);
        let d = judged("10.0.0.5", 40003, "10.0.0.9", 502, Verdict::Documented);
        assert_eq!(
            ev.judge(&result(vec![v1.clone(), v2.clone(), d.clone()]), at()),
            1
        );
        assert_eq!(
            ev.judge(&result(vec![v1.clone(), v2, u.clone(), d]), at()),
            1
        );
        assert_eq!(ev.judge(&result(vec![v1.clone(), u.clone()]), at()), 0);
        let lines = buf.lines();
        assert_eq!(lines.len(), 2);
        assert_eq!(ev.sent, 2);
        assert_eq!(ev.by_kind.get("violation"), Some(&1));
        assert_eq!(ev.by_kind.get("undocumented"), Some(&1));
        let first = &lines[0];
        assert_eq!(first["id"], finding_id(&v1).unwrap());
        assert!(first["id"].as_str().unwrap().starts_with("F-"));
        assert_eq!(first["kind"], "violation");
        assert_eq!(first["rule"], "deny-telnet");
        assert_eq!(first["cite"], "Guide 4.2");
        assert_eq!(first["client_port"], 40000, "the first flow of the finding");
        assert_eq!(first["community_id"], community_id(&v1.flow).unwrap());
        assert_eq!(first["schema"], "tapaudit.finding/1");
        assert_eq!(lines[1]["id"], finding_id(&u).unwrap());
    }

    #[test]
    fn a_zone_crossing_is_one_event_with_its_report_id() {
        use tapaudit_audit::{Traffic, ZoneAudit, ZoneCrossing};
        let buf = Buf::default();
        let mut ev = Events::new(vec![Sink::Lines(Box::new(buf.clone()))]);
        // A documented flow (no finding of its own) that crossed outside any conduit.
        let d = judged("10.0.0.5", 40003, "10.0.0.9", 502, Verdict::Documented);
        let crossing = ZoneCrossing {
            from_zone: "operations".into(),
            to_zone: "cell-a".into(),
            client: "10.0.0.5".into(),
            server: "plc-1".into(),
            service: "tcp/502".into(),
            answered: Traffic {
                flows: 1,
                packets: 6,
                bytes: 360,
            },
            attempts: 0,
            first_seen: d.flow.first_seen,
            last_seen: d.flow.last_seen,
            documented_by: vec!["modbus".into()],
            first_flow: 0,
        };
        let mut r = result(vec![d]);
        r.zones = Some(ZoneAudit {
            crossings: vec![crossing.clone()],
            ..Default::default()
        });
        assert_eq!(ev.judge(&r, at()), 1);
        assert_eq!(ev.judge(&r, at()), 0, "sent once");
        let lines = buf.lines();
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0]["kind"], "zone-crossing");
        assert_eq!(lines[0]["id"], crossing.key().id());
        assert_eq!(lines[0]["cite"], "zones operations -> cell-a");
        assert_eq!(ev.by_kind.get("zone-crossing"), Some(&1));
    }

    #[test]
    fn beyond_the_bound_findings_are_counted_not_sent() {
        let buf = Buf::default();
        let mut ev = Events::with_max_tracked(vec![Sink::Lines(Box::new(buf.clone()))], 2);
        let flows: Vec<JudgedFlow> = (1..=4)
            .map(|n| {
                judged(
                    "10.0.0.5",
                    40000,
                    "10.0.0.9",
                    1000 + n,
                    Verdict::Undocumented,
                )
            })
            .collect();
        assert_eq!(ev.judge(&result(flows.clone()), at()), 2);
        assert_eq!((ev.known(), ev.untracked), (2, 2));
        // The two tracked ones are still not sent again.
        assert_eq!(ev.judge(&result(flows), at()), 0);
        assert_eq!(buf.lines().len(), 2);
    }

    #[test]
    fn syslog_over_udp_is_rfc_5424_with_the_finding_as_structured_data() {
        let collector = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        collector
            .set_read_timeout(Some(std::time::Duration::from_secs(5)))
            .unwrap();
        let target = SyslogTarget::parse(&format!("udp://{}", collector.local_addr().unwrap()));
        let mut ev = Events::new(vec![Sink::syslog(&target.unwrap()).unwrap()]);
        let v = judged("10.0.0.5", 40000, "10.0.0.9", 23, Verdict::Violation);
        assert_eq!(ev.judge(&result(vec![v.clone()]), at()), 1);
        let mut buf = [0u8; 2048];
        let n = collector.recv(&mut buf).unwrap();
        let msg = String::from_utf8_lossy(&buf[..n]);
        // <PRI>VERSION: daemon (3) * 8 + warning (4) = 28.
        assert!(msg.starts_with("<28>1 "), "{msg}");
        let id = finding_id(&v).unwrap();
        assert!(msg.contains("[finding@32473 "), "{msg}");
        assert!(msg.contains(&format!("id=\"{id}\"")), "{msg}");
        assert!(msg.contains("rule=\"deny-telnet\""), "{msg}");
        assert!(msg.contains(" tapaudit "), "{msg}");
        assert_eq!(ev.errors, 0);
    }

    #[test]
    fn a_syslog_target_is_udp_or_unix() {
        assert!(matches!(
            SyslogTarget::parse("udp://127.0.0.1:514"),
            Ok(SyslogTarget::Udp(a)) if a == "127.0.0.1:514"
        ));
        assert!(matches!(
            SyslogTarget::parse("unix:///dev/log"),
            Ok(SyslogTarget::Unix(_))
        ));
        assert!(SyslogTarget::parse("tcp://x:1").is_err());
    }

    #[test]
    fn every_report_id_fits_the_sent_set() {
        let j = judged("10.0.0.5", 40000, "10.0.0.9", 23, Verdict::Violation);
        let id = finding_id(&j).unwrap();
        assert_eq!(id_bits(&id).map(|b| format!("F-{b:012x}")), Some(id));
        assert_eq!(id_bits("F-123"), None);
        assert_eq!(id_bits("X-0123456789ab"), None);
    }
}
