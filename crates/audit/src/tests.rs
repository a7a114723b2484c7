//! Verdicts, missing statuses, exceptions and direction rules, flow by flow.

use std::net::IpAddr;

use tapaudit_dynports::Method;
use tapaudit_flow::{FinishReason, FlowRecord, Negotiation, State};
use tapaudit_rules::{RuleSet, Site};
use tapaudit_vocab::{ControlProtocol, IpProto, Timestamp};

use crate::{audit, Evidence, FailOn, MissingStatus, Verdict};

const SITE: &str = r#"
[site]
name = "test site"

[[hosts]]
name = "scada-a"
addresses = ["10.30.0.11"]
roles = ["clearscada.server"]

[[hosts]]
name = "scada-b"
addresses = ["10.30.0.12"]
roles = ["clearscada.server"]

[[hosts]]
name = "scada-c"
addresses = ["10.30.0.13"]
roles = ["clearscada.server"]

[[hosts]]
name = "scada-dmz"
addresses = ["10.31.0.13"]
roles = ["clearscada.dmz-standby"]

[[hosts]]
name = "pathtrak"
addresses = ["10.40.0.10"]
roles = ["pathtrak.server"]

[[hosts]]
name = "hcu400"
addresses = ["10.40.1.40"]
roles = ["pathtrak.hcu400"]

[[hosts]]
name = "laptop"
addresses = ["10.99.0.5"]
roles = []

[[exceptions]]
from = "laptop"
to = "pathtrak"
proto = "tcp"
ports = [22]
reason = "vendor support, ticket 4711"
expires = "2026-06-30"
"#;

fn setup() -> (RuleSet, Site) {
    let rules = RuleSet::embedded().expect("embedded packs load");
    let site = Site::from_toml_str(SITE, "test-site.toml").expect("site parses");
    (rules, site)
}

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

/// 2026-03-02 08:00:00 UTC plus `secs`.
fn at(secs: u64) -> Timestamp {
    Timestamp::from_secs_nanos(1_772_438_400 + secs, 0)
}

fn flow(proto: u8, client: &str, server: &str, port: Option<u16>, state: State) -> FlowRecord {
    let answered = state.is_answered();
    FlowRecord {
        proto: IpProto::from_number(proto),
        client: ip(client),
        client_port: port.map(|_| 50000),
        server: ip(server),
        server_port: port,
        vlan: None,
        inner_vlan: None,
        icmp_type: (proto == 1).then_some(8),
        first_seen: at(0),
        last_seen: at(1),
        packets_to_server: 3,
        packets_to_client: if answered { 3 } else { 0 },
        bytes_to_server: 180,
        bytes_to_client: if answered { 180 } else { 0 },
        state,
        blocked_by: None,
        negotiated_by: None,
        control: None,
        finish: FinishReason::EndOfInput,
    }
}

fn negotiated(mut f: FlowRecord, method: Method) -> FlowRecord {
    f.negotiated_by = Some(Box::new(Negotiation {
        protocol: ControlProtocol::Ftp,
        method,
        control_client: f.client,
        control_client_port: 40000,
        control_server: f.server,
        control_server_port: 21,
        announced_at: Timestamp(at(0).0 - 512_000_000),
        start_seen: true,
        earlier_uses: 0,
    }));
    f
}

fn judge_one(f: FlowRecord) -> crate::JudgedFlow {
    let (rules, site) = setup();
    let mut r = audit(&rules, Some(&site), vec![f]);
    r.flows.remove(0)
}

#[test]
fn fixed_port_between_partner_servers_is_documented_by_port() {
    let j = judge_one(flow(
        6,
        "10.30.0.11",
        "10.30.0.12",
        Some(5481),
        State::Established,
    ));
    assert_eq!(j.verdict, Verdict::Documented);
    assert_eq!(j.evidence, Some(Evidence::Port));
    assert_eq!(j.client_host.as_deref(), Some("scada-a"));
    assert!(j.cite.as_deref().unwrap().contains("ClearSCADA"));
}

#[test]
fn main_to_dmz_standby_is_documented_but_the_reverse_is_a_violation() {
    let ok = judge_one(flow(
        6,
        "10.30.0.11",
        "10.31.0.13",
        Some(5481),
        State::Established,
    ));
    assert_eq!(ok.verdict, Verdict::Documented);
    let bad = judge_one(flow(
        6,
        "10.31.0.13",
        "10.30.0.11",
        Some(5481),
        State::Established,
    ));
    assert_eq!(bad.verdict, Verdict::Violation);
    assert!(
        bad.rule.as_deref().unwrap().contains("deny"),
        "{:?}",
        bad.rule
    );
    let ping = judge_one(flow(1, "10.31.0.13", "10.30.0.11", None, State::Answered));
    assert_eq!(ping.verdict, Verdict::Violation);
}

#[test]
fn right_port_wrong_direction_is_undocumented_and_says_so() {
    // Boot event listener 5808 is documented from the HCU to the server, not back.
    let j = judge_one(flow(
        6,
        "10.40.0.10",
        "10.40.1.40",
        Some(5808),
        State::Established,
    ));
    assert_eq!(j.verdict, Verdict::Undocumented);
    assert!(j.reason().contains("other way"), "{}", j.reason());
}

#[test]
fn negotiated_ftp_data_inside_the_documented_range() {
    let f = negotiated(
        flow(6, "10.40.0.10", "10.40.1.40", Some(3000), State::Closed),
        Method::Pasv,
    );
    let j = judge_one(f);
    assert_eq!(j.verdict, Verdict::Documented);
    assert_eq!(j.evidence, Some(Evidence::Negotiated));
    assert!(
        j.reason().contains("PASV at 07:59:59.488"),
        "{}",
        j.reason()
    );
}

#[test]
fn negotiated_port_outside_the_documented_range_is_a_violation_naming_the_announcement() {
    let f = negotiated(
        flow(6, "10.40.0.10", "10.40.1.40", Some(40000), State::Closed),
        Method::Pasv,
    );
    let j = judge_one(f);
    assert_eq!(j.verdict, Verdict::Violation);
    assert!(
        j.reason().contains("PASV at 07:59:59.488"),
        "{}",
        j.reason()
    );
    assert!(j.reason().contains("announced 40000"), "{}", j.reason());
    assert!(j.reason().contains("1024-5000"), "{}", j.reason());
}

#[test]
fn dynamic_range_without_announcement_is_range_evidence() {
    let j = judge_one(flow(
        6,
        "10.40.0.10",
        "10.40.1.40",
        Some(3000),
        State::Closed,
    ));
    assert_eq!(j.verdict, Verdict::Documented);
    assert_eq!(j.evidence, Some(Evidence::Range));
}

/// A flow announced by a portmapper lookup on 111 of `control_server`.
fn looked_up(mut f: FlowRecord, control_server: &str) -> FlowRecord {
    f.negotiated_by = Some(Box::new(Negotiation {
        protocol: ControlProtocol::OncRpcPortmap,
        method: Method::GetPort,
        control_client: f.client,
        control_client_port: 871,
        control_server: ip(control_server),
        control_server_port: 111,
        announced_at: Timestamp(at(0).0 - 20_000_000),
        start_seen: true,
        earlier_uses: 0,
    }));
    f
}

// Issue 16 class 2: "From HCUs: RPC Portmapper (111)" and "Other RPC Communication Links
// (49152-65535, dynamically allocated)": a lookup then a connection inside the range.
#[test]
fn negotiated_port_inside_documented_range_after_a_portmapper_lookup_is_documented_by_negotiation()
{
    let f = looked_up(
        flow(6, "10.40.1.40", "10.40.0.10", Some(50321), State::Closed),
        "10.40.0.10",
    );
    let j = judge_one(f);
    assert_eq!(j.verdict, Verdict::Documented, "{}", j.reason());
    assert_eq!(j.evidence, Some(Evidence::Negotiated));
    assert_eq!(j.rule.as_deref(), Some("pathtrak.hcu-server.rpc-links"));
    assert!(j.reason().contains("GETPORT"), "{}", j.reason());
}

#[test]
fn negotiated_port_inside_documented_range_without_a_lookup_is_documented_by_range() {
    let j = judge_one(flow(
        6,
        "10.40.1.40",
        "10.40.0.10",
        Some(50321),
        State::Closed,
    ));
    assert_eq!(j.verdict, Verdict::Documented);
    assert_eq!(j.evidence, Some(Evidence::Range));
    assert_eq!(j.rule.as_deref(), Some("pathtrak.hcu-server.rpc-links"));
    assert!(
        j.reason().contains("no onc-rpc-portmap announcement"),
        "{}",
        j.reason()
    );
}

#[test]
fn negotiated_port_outside_documented_range_is_a_violation_naming_the_lookup() {
    let f = looked_up(
        flow(6, "10.40.1.40", "10.40.0.10", Some(40321), State::Closed),
        "10.40.0.10",
    );
    let j = judge_one(f);
    assert_eq!(j.verdict, Verdict::Violation, "{}", j.reason());
    assert_eq!(j.rule.as_deref(), Some("pathtrak.hcu-server.rpc-links"));
    assert!(j.reason().contains("GETPORT"), "{}", j.reason());
    assert!(j.reason().contains("10.40.0.10:111"), "{}", j.reason());
    assert!(j.reason().contains("announced 40321"), "{}", j.reason());
    assert!(j.reason().contains("49152-65535"), "{}", j.reason());
}

#[test]
fn a_lookup_by_another_protocol_does_not_document_a_range_it_does_not_name() {
    // FTP announced a port in the RPC-links range: the document ties that range to RPC, so
    // the FTP announcement is not evidence for it.
    let f = negotiated(
        flow(6, "10.40.1.40", "10.40.0.10", Some(50321), State::Closed),
        Method::Pasv,
    );
    let j = judge_one(f);
    assert_ne!(j.verdict, Verdict::Documented, "{}", j.reason());
}

#[test]
fn host_missing_from_the_inventory_is_undocumented() {
    let j = judge_one(flow(
        6,
        "10.1.2.3",
        "10.30.0.11",
        Some(5481),
        State::Established,
    ));
    assert_eq!(j.verdict, Verdict::Undocumented);
    assert!(
        j.reason().contains("10.1.2.3 is not in the site inventory"),
        "{}",
        j.reason()
    );
    assert_eq!(j.client_host, None);
}

#[test]
fn valid_exception_documents_and_expired_one_does_not() {
    let f = flow(6, "10.99.0.5", "10.40.0.10", Some(22), State::Closed);
    let j = judge_one(f.clone());
    assert_eq!(j.verdict, Verdict::Documented);
    assert_eq!(j.evidence, Some(Evidence::Exception));
    assert!(j.reason().contains("ticket 4711"));
    // The same flow after the expiry date.
    let mut late = f;
    late.first_seen = at(200 * 86_400);
    late.last_seen = late.first_seen;
    let j = judge_one(late);
    assert_eq!(j.verdict, Verdict::Undocumented);
    assert!(
        j.reason().contains("expired on 2026-06-30"),
        "{}",
        j.reason()
    );
}

#[test]
fn unknown_ip_protocol_is_undocumented() {
    let j = judge_one(flow(47, "10.30.0.11", "10.30.0.12", None, State::Answered));
    assert_eq!(j.verdict, Verdict::Undocumented);
}

#[test]
fn missing_statuses_per_host_pair() {
    let (rules, site) = setup();
    let flows = vec![
        // scada-a -> scada-b 5481 works; scada-b -> scada-a is only refused.
        flow(
            6,
            "10.30.0.11",
            "10.30.0.12",
            Some(5481),
            State::Established,
        ),
        flow(6, "10.30.0.12", "10.30.0.11", Some(5481), State::Refused),
        // ICMP: a -> b blocked by a firewall; b -> a unanswered.
        flow(1, "10.30.0.11", "10.30.0.12", None, State::Blocked),
        flow(1, "10.30.0.12", "10.30.0.11", None, State::Unanswered),
    ];
    let r = audit(&rules, Some(&site), flows);
    let status = |c: &str, s: &str, proto: &str| {
        r.missing
            .iter()
            .find(|m| m.client_host == c && m.server_host == s && m.proto == proto)
            .map(|m| m.status)
    };
    // The partner rules are required both ways between every pair of partner servers.
    assert_eq!(status("scada-a", "scada-b", "tcp"), None, "it worked");
    assert_eq!(
        status("scada-b", "scada-a", "tcp"),
        Some(MissingStatus::Refused)
    );
    assert_eq!(
        status("scada-a", "scada-b", "icmp"),
        Some(MissingStatus::Blocked)
    );
    assert_eq!(
        status("scada-b", "scada-a", "icmp"),
        Some(MissingStatus::Unanswered)
    );
    assert_eq!(
        status("scada-a", "scada-c", "tcp"),
        Some(MissingStatus::NeverSeen)
    );
    assert_eq!(
        status("scada-c", "scada-b", "icmp"),
        Some(MissingStatus::NeverSeen)
    );
    let m = r
        .missing
        .iter()
        .find(|m| m.client_host == "scada-b" && m.proto == "tcp")
        .unwrap();
    assert_eq!(
        (m.client.as_str(), m.server.as_str(), m.attempts),
        ("10.30.0.12", "10.30.0.11", 1)
    );
    // Nothing from the DMZ standby is required.
    assert!(r.missing.iter().all(|m| m.client_host != "scada-dmz"));
    assert!(r.fails(FailOn::Missing));
    assert!(!r.fails(FailOn::Undocumented));
}

#[test]
fn unused_lists_applicable_rules_without_traffic() {
    let (rules, site) = setup();
    let r = audit(&rules, Some(&site), vec![]);
    assert!(r
        .unused
        .iter()
        .any(|u| u.rule.contains("5808") || u.ports.contains("5808")));
    // Rules of roles absent from the site (FactoryTalk) are not listed.
    assert!(r.unused.iter().all(|u| u.pack != "ftac"));
}

#[test]
fn same_input_same_result() {
    let (rules, site) = setup();
    let flows = vec![
        flow(6, "10.30.0.12", "10.30.0.11", Some(5481), State::Blocked),
        flow(
            6,
            "10.30.0.11",
            "10.30.0.12",
            Some(5481),
            State::Established,
        ),
    ];
    let a = audit(&rules, Some(&site), flows.clone());
    let mut rev = flows;
    rev.reverse();
    let b = audit(&rules, Some(&site), rev);
    let key = |r: &crate::AuditResult| {
        r.flows
            .iter()
            .map(|f| (f.flow.client, f.verdict, f.reason().into_owned()))
            .collect::<Vec<_>>()
    };
    assert_eq!(key(&a), key(&b));
    assert_eq!(a.missing, b.missing);
}

/// The site of [`SITE`] with two more exceptions: one that covers a flow a rule already
/// documents (ClearSCADA partner 5481), one that no flow matches.
fn site_with_three_exceptions() -> Site {
    let text = format!(
        "{SITE}
[[exceptions]]
from = \"scada-a\"
to = \"scada-b\"
proto = \"tcp\"
ports = [5481]
reason = \"written before the pack had the rule\"

[[exceptions]]
from = [\"10.77.0.0/16\"]
to = \"pathtrak\"
proto = \"icmp\"
reason = \"monitoring pings, never seen\"
"
    );
    Site::from_toml_str(&text, "test-site.toml").expect("site parses")
}

#[test]
fn exception_use_says_used_expired_and_stale_per_exception() {
    use crate::ExceptionStatus;
    let rules = RuleSet::embedded().expect("embedded packs load");
    let site = site_with_three_exceptions();
    let ssh = flow(6, "10.99.0.5", "10.40.0.10", Some(22), State::Closed);
    let mut late = ssh.clone();
    late.first_seen = at(200 * 86_400);
    late.last_seen = late.first_seen;
    let partner = flow(6, "10.30.0.11", "10.30.0.12", Some(5481), State::Closed);
    let r = audit(&rules, Some(&site), vec![ssh, late, partner]);
    assert_eq!(r.exceptions.len(), 3);
    let pos = |port: u16, v: Verdict| {
        r.flows
            .iter()
            .position(|f| f.flow.server_port == Some(port) && f.verdict == v)
            .unwrap()
    };
    let ssh_used = &r.exceptions[0];
    assert_eq!(ssh_used.index, 0);
    assert_eq!(ssh_used.status, ExceptionStatus::Used);
    assert_eq!(ssh_used.accepted, [pos(22, Verdict::Documented)]);
    assert_eq!(ssh_used.expired, [pos(22, Verdict::Undocumented)]);
    // Documented by the pack's rule: the exception was not needed, so it is stale.
    let shadowed = &r.exceptions[1];
    assert_eq!(shadowed.status, ExceptionStatus::Stale);
    assert!(shadowed.accepted.is_empty() && shadowed.expired.is_empty());
    assert_eq!(shadowed.judged_by_rules, 1);
    let never = &r.exceptions[2];
    assert_eq!(never.status, ExceptionStatus::Stale);
    assert_eq!(never.judged_by_rules, 0);

    // Only the late flow: the exception accepted nothing, and its match is a finding.
    let mut late = flow(6, "10.99.0.5", "10.40.0.10", Some(22), State::Closed);
    late.first_seen = at(200 * 86_400);
    late.last_seen = late.first_seen;
    let r = audit(&rules, Some(&site), vec![late]);
    assert_eq!(r.exceptions[0].status, ExceptionStatus::Expired);
    assert_eq!(r.exceptions[0].expired, [0]);
    assert!(crate::FindingKey::of_flow(&r.flows[0]).is_some());
    // No site, no exceptions.
    assert!(audit(&rules, None, Vec::new()).exceptions.is_empty());
}

#[test]
fn with_a_baseline_only_new_findings_fail() {
    use crate::{Assessment, FindingKey, Outcome};
    let (rules, site) = setup();
    let flows = vec![
        flow(6, "10.1.2.3", "10.30.0.11", Some(5481), State::Established),
        flow(6, "10.1.2.4", "10.30.0.11", Some(5481), State::Established),
    ];
    let result = audit(&rules, Some(&site), flows);
    let ids: Vec<String> = result
        .flows
        .iter()
        .filter_map(FindingKey::of_flow)
        .map(|k| k.id())
        .collect();
    assert_eq!(ids.len(), 2);
    let a = Assessment {
        outcome: Outcome::Fail,
        reasons: Vec::new(),
        missing_counts: true,
    };
    let none = |_: &str| false;
    let all = |_: &str| true;
    let first = |id: &str| id == ids[0];
    for level in [
        FailOn::Violation,
        FailOn::Undocumented,
        FailOn::Missing,
        FailOn::Never,
    ] {
        let missing_only = result.missing.is_empty() || level != FailOn::Missing;
        assert_eq!(a.fails_new(&result, level, &none), a.fails(&result, level));
        if missing_only {
            assert!(!a.fails_new(&result, level, &all), "{level:?}");
        }
    }
    assert!(a.fails_new(&result, FailOn::Undocumented, &first));
    let both = |id: &str| ids.iter().any(|i| i == id);
    assert!(!a.fails_new(&result, FailOn::Undocumented, &both));
}

/// The test site with three zones and two conduits: ClearSCADA servers in "control", the
/// DMZ standby in "dmz", PathTrak's /16 in "field"; the laptop in no zone.
fn zoned_site() -> Site {
    let zones = r#"
[[zones]]
name = "control"
security_level = 3
members = ["scada-a", "scada-b", "scada-c"]

[[zones]]
name = "dmz"
members = ["scada-dmz"]

[[zones]]
name = "field"
members = ["10.40.0.0/16"]

[[conduits]]
name = "main-polls-dmz"
from = "control"
to = "dmz"
rules = ["clearscada.main-to-dmz.tcp-5481"]

[[conduits]]
name = "field-reports"
from = "field"
to = "control"
services = ["tcp/5481"]
"#;
    Site::from_toml_str(&format!("{SITE}{zones}"), "zoned-site.toml").expect("site parses")
}

#[test]
fn zones_place_flows_and_find_crossings_outside_conduits() {
    let rules = RuleSet::embedded().unwrap();
    let site = zoned_site();
    let flows = vec![
        // Through the conduit, by its rule.
        flow(
            6,
            "10.30.0.11",
            "10.31.0.13",
            Some(5481),
            State::Established,
        ),
        // Inside "control" and inside "field" (by block): no boundary.
        flow(
            6,
            "10.30.0.11",
            "10.30.0.12",
            Some(5481),
            State::Established,
        ),
        flow(6, "10.40.0.10", "10.40.1.40", Some(21), State::Closed),
        // control -> field, answered, no conduit: a finding.
        flow(6, "10.30.0.11", "10.40.0.10", Some(80), State::Established),
        // outside -> field, accepted by a site exception: still a zone finding.
        flow(6, "10.99.0.5", "10.40.0.10", Some(22), State::Established),
        // control -> field, never answered: listed, no finding.
        flow(6, "10.30.0.12", "10.40.1.40", Some(21), State::Unanswered),
        // Multicast stays in the sender's zone.
        flow(
            17,
            "10.30.0.11",
            "224.0.0.251",
            Some(5353),
            State::Unanswered,
        ),
    ];
    let r = audit(&rules, Some(&site), flows);
    let z = r.zones.as_ref().expect("the site has zones");
    assert_eq!(z.zones, ["control", "dmz", "field", "outside"]);
    let findings: Vec<(&str, &str, &str, &str)> = z
        .findings()
        .map(|c| {
            (
                c.from_zone.as_str(),
                c.to_zone.as_str(),
                c.server.as_str(),
                c.service.as_str(),
            )
        })
        .collect();
    assert_eq!(
        findings,
        [
            ("control", "field", "pathtrak", "tcp/80"),
            ("outside", "field", "pathtrak", "tcp/22")
        ]
    );
    let attempt = z.crossings.iter().find(|c| !c.is_finding()).unwrap();
    assert_eq!((attempt.client.as_str(), attempt.attempts), ("scada-b", 1));
    assert_eq!(
        z.conduits[0].carried.flows, 1,
        "main-polls-dmz carried the poll"
    );
    assert_eq!(
        z.conduits[1].carried.flows, 0,
        "field-reports carried nothing"
    );
    let cell = |a: usize, b: usize| z.matrix.get(&(a, b)).cloned().unwrap_or_default();
    assert_eq!(
        cell(0, 0).all.flows,
        2,
        "control -> control, the multicast among them"
    );
    assert_eq!((cell(0, 2).outside_conduit, cell(0, 2).attempts), (1, 1));
    assert_eq!(cell(0, 1).in_conduit, 1);
    // A zone finding fails the run at every level, even the strictest.
    assert!(r.fails(FailOn::Violation));
    // The same traffic without zones: only the undocumented flow fails, not at Violation.
    let (_, plain) = setup();
    let r = audit(
        &rules,
        Some(&plain),
        vec![flow(
            6,
            "10.99.0.5",
            "10.40.0.10",
            Some(22),
            State::Established,
        )],
    );
    assert!(r.zones.is_none());
    assert!(!r.fails(FailOn::Violation) && !r.fails(FailOn::Undocumented));
}

#[test]
fn a_conduit_by_rule_carries_only_flows_that_rule_documents() {
    let rules = RuleSet::embedded().unwrap();
    let site = zoned_site();
    // Port 5481 from the DMZ standby back to a server: denied by the pack, and the
    // conduit names the main-to-DMZ rule only (and goes the other way).
    let r = audit(
        &rules,
        Some(&site),
        vec![flow(
            6,
            "10.31.0.13",
            "10.30.0.11",
            Some(5481),
            State::Established,
        )],
    );
    let z = r.zones.unwrap();
    assert_eq!(z.findings().count(), 1);
    assert_eq!(z.conduits[0].carried.flows, 0);
}

#[test]
fn zone_mistakes_are_each_located() {
    let bad = r#"
[[zones]]
name = "outside"
members = ["scada-a", "nonesuch"]

[[zones]]
name = "control"
security_level = 7
members = ["scada-a", "10.40.0.0/16"]

[[zones]]
name = "field"
members = ["10.40.0.0/16"]

[[conduits]]
name = "c1"
from = "control"
to = "feild"
services = ["tcp/80", "sctp/9"]

[[conduits]]
name = "c2"
from = "control"
to = "field"
"#;
    let rules = RuleSet::embedded().unwrap();
    let text = format!("{SITE}{bad}");
    let Err(tapaudit_rules::RulesError::Invalid(diags)) =
        Site::from_toml_str_for(&text, "bad.toml", &rules)
    else {
        panic!("the site must not load");
    };
    let messages: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    let expect = [
        "\"outside\" is reserved",
        "unknown member \"nonesuch\"",
        "security level 7",
        "host \"scada-a\" is in two zones",
        "10.40.0.0/16 is in two zones",
        "unknown zone \"feild\"",
        "did you mean \"field\"",
        "\"sctp/9\" is not a service",
        "conduit \"c2\" names no `services` and no `rules`",
    ];
    for e in expect {
        assert!(
            messages.iter().any(|m| m.contains(e)),
            "no diagnostic says {e:?}:\n{}",
            messages.join("\n")
        );
    }
    assert!(
        messages.iter().all(|m| m.starts_with("bad.toml:")),
        "{messages:?}"
    );
}

/// The id of a flow's finding made on the stack is the key's own, for every kind of flow.
#[test]
fn id_of_flow_is_the_keys_id() {
    use crate::{FindingKey, JudgedFlow, Judgment, Reason};
    let mut flows = vec![
        flow(6, "10.0.0.1", "10.0.0.2", Some(502), State::Closed),
        flow(17, "10.0.0.1", "10.0.0.2", Some(53), State::Answered),
        flow(1, "10.0.0.1", "10.0.0.2", None, State::Unanswered),
        flow(58, "fe80::1", "2001:db8::ffff:1", None, State::Unanswered),
        flow(47, "255.255.255.255", "0.0.0.0", None, State::Unanswered),
        flow(
            6,
            "::ffff:10.1.2.3",
            "2001:db8:1:2:3:4:5:6",
            Some(65535),
            State::Closed,
        ),
        negotiated(
            flow(6, "10.0.0.1", "10.0.0.2", Some(40001), State::Closed),
            Method::Pasv,
        ),
    ];
    flows.push(flows[0].clone());
    let mut checked = 0;
    for f in flows {
        for verdict in [
            Verdict::Documented,
            Verdict::Undocumented,
            Verdict::Violation,
        ] {
            for hosts in [
                (None, None),
                (Some("eng-ws"), None),
                (Some("a"), Some("b \" é")),
            ] {
                let j = JudgedFlow {
                    flow: f.clone(),
                    judgment: std::sync::Arc::new(Judgment {
                        client_host: hosts.0.map(str::to_owned),
                        server_host: hosts.1.map(str::to_owned),
                        verdict,
                        evidence: None,
                        rule: (verdict == Verdict::Violation).then(|| "deny-x".to_owned()),
                        pack: None,
                        cite: None,
                        reason: Reason::Text(String::new()),
                    }),
                };
                let slow = FindingKey::of_flow(&j).map(|k| k.id());
                let fast = FindingKey::id_of_flow(&j).map(|i| i.as_str().to_owned());
                assert_eq!(fast, slow, "{f:?} {verdict:?} {hosts:?}");
                checked += usize::from(slow.is_some());
            }
        }
    }
    assert_eq!(checked, 8 * 2 * 3);
}
