//! Properties of the flow key, port sets and rule matching, checked on many generated cases.
//!
//! Two kinds of case generation: proptest strategies (with shrinking to a minimal failing
//! case), and a small seeded generator biased towards edge values (0, 1, 1023/1024, 65535,
//! equal endpoints, the ports of the real rules). Both are deterministic to rerun.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use tapaudit_decode::{Packet, L4};
use tapaudit_flow::{Addr, Endpoint, FlowConfig, FlowKey, FlowTable};
use tapaudit_rules::{PortRange, PortSet, Rule, RuleKind, RuleSet};
use tapaudit_vocab::Timestamp;
use tapaudit_vocab::Transport;

const CASES: u64 = 5_000;

/// xorshift64*: small, seeded, good enough to spread cases.
struct Gen(u64);

impl Gen {
    fn new(seed: u64) -> Self {
        Gen(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, one_in: u64) -> bool {
        self.below(one_in) == 0
    }
    /// A port, often an edge value.
    fn port(&mut self) -> u16 {
        const EDGES: [u16; 8] = [0, 1, 21, 135, 1023, 1024, 49152, 65535];
        if self.chance(3) {
            EDGES[self.below(EDGES.len() as u64) as usize]
        } else {
            self.next() as u16
        }
    }
    fn ip(&mut self) -> IpAddr {
        match self.below(4) {
            0 => IpAddr::V4(Ipv4Addr::new(10, 0, 0, self.below(4) as u8)),
            1 => IpAddr::V4(Ipv4Addr::from(self.next() as u32)),
            2 => IpAddr::V6(Ipv6Addr::from(
                u128::from(self.next()) << 64 | u128::from(self.next()),
            )),
            _ => IpAddr::V6(Ipv6Addr::new(
                0xfe80,
                0,
                0,
                0,
                0,
                0,
                0,
                self.below(4) as u16,
            )),
        }
    }
    fn endpoint(&mut self) -> Endpoint {
        Endpoint {
            addr: Addr::from_ip(self.ip()),
            port: self.port(),
        }
    }
}

// ---- flow key ----

#[test]
fn either_direction_gives_the_same_flow_key() {
    let mut g = Gen::new(1);
    for case in 0..CASES {
        let a = g.endpoint();
        let b = if g.chance(10) { a } else { g.endpoint() };
        let (proto, vlan, inner) = (g.next() as u8, g.port() & 0x0fff, g.port() & 0x0fff);
        let (k1, a_is_lo) = FlowKey::new(proto, vlan, inner, a, b);
        let (k2, b_is_lo) = FlowKey::new(proto, vlan, inner, b, a);
        assert_eq!(k1, k2, "case {case}: {a:?} {b:?}");
        assert!(k1.lo <= k1.hi, "case {case}");
        if a != b {
            assert_ne!(a_is_lo, b_is_lo, "case {case}: exactly one side is lo");
            assert_eq!(if a_is_lo { k1.lo } else { k1.hi }, a, "case {case}");
        }
    }
}

/// End to end through the flow table: a datagram each way is one flow, whichever went
/// first, with one packet in each direction.
#[test]
fn a_request_and_its_reply_make_one_flow_whichever_direction_comes_first() {
    let mut g = Gen::new(2);
    for case in 0..500 {
        let (a, b) = (g.ip(), g.ip());
        let (pa, pb) = (g.port(), g.port());
        if (a, pa) == (b, pb) {
            continue;
        }
        let pkt = |src, dst, sp, dp| Packet {
            vlan: 0,
            inner_vlan: 0,
            src,
            dst,
            proto: tapaudit_vocab::IpProto::Udp,
            ip_len: 40,
            fragment: None,
            l4: L4::Udp {
                src_port: sp,
                dst_port: dp,
                payload: &[],
            },
        };
        let mut t = FlowTable::new(FlowConfig::default());
        t.process(Timestamp(1_000), &pkt(a, b, pa, pb));
        t.process(Timestamp(2_000), &pkt(b, a, pb, pa));
        let flows = t.finish_all();
        assert_eq!(flows.len(), 1, "case {case}: {a}:{pa} <-> {b}:{pb}");
        let f = &flows[0];
        assert_eq!(
            (f.packets_to_server, f.packets_to_client),
            (1, 1),
            "case {case}"
        );
        let ends = [(f.client, f.client_port), (f.server, f.server_port)];
        assert!(
            ends.contains(&(a, Some(pa))) && ends.contains(&(b, Some(pb))),
            "case {case}"
        );
    }
}

// ---- port lists ----

fn range(g: &mut Gen) -> PortRange {
    let a = g.port().max(1);
    let b = if g.chance(3) { a } else { g.port().max(1) };
    PortRange {
        start: a.min(b),
        end: a.max(b),
    }
}

fn text_of(r: PortRange, g: &mut Gen) -> String {
    let sep = ["-", " - ", "-", " -"][g.below(4) as usize];
    if r.start == r.end && g.chance(2) {
        format!(" {} ", r.start)
    } else {
        format!("{}{sep}{}", r.start, r.end)
    }
}

#[test]
fn a_parsed_port_list_contains_exactly_the_ports_of_its_ranges() {
    let mut g = Gen::new(3);
    for case in 0..CASES {
        let ranges: Vec<PortRange> = (0..1 + g.below(5)).map(|_| range(&mut g)).collect();
        let text: Vec<String> = ranges.iter().map(|r| text_of(*r, &mut g)).collect();
        let set: PortSet = text
            .join(",")
            .parse()
            .unwrap_or_else(|e| panic!("case {case}: {text:?}: {e}"));
        assert_eq!(set, PortSet::new(ranges.iter().copied()), "case {case}");
        for _ in 0..20 {
            let p = if g.chance(2) {
                // Near a range edge.
                let r = ranges[g.below(ranges.len() as u64) as usize];
                [
                    r.start.saturating_sub(1),
                    r.start,
                    r.end,
                    r.end.saturating_add(1),
                ][g.below(4) as usize]
            } else {
                g.port()
            };
            let want = ranges.iter().any(|r| r.start <= p && p <= r.end);
            assert_eq!(set.contains(p), want, "case {case}: {text:?} contains {p}");
        }
        // Sorted, non-overlapping, and printed text parses back to the same set.
        for w in set.ranges().windows(2) {
            assert!(w[0].end < w[1].start, "case {case}: {set}");
        }
        assert_eq!(
            set.to_string().parse::<PortSet>().as_ref(),
            Ok(&set),
            "case {case}"
        );
    }
}

#[test]
fn bad_ports_are_errors_never_panics() {
    let mut g = Gen::new(4);
    for bad in [
        "0", "65536", "70000", "-1", "10-5", "1-2-3", "", " ", "x-1", "1-", "-", "1,,2",
    ] {
        assert!(bad.parse::<PortSet>().is_err(), "{bad:?} must not parse");
    }
    // Random short strings over the port alphabet: parse or error, no panic, and whatever
    // parses holds only ports 1..=65535.
    let alphabet = b"0123456789-, 6";
    for _ in 0..CASES {
        let s: String = (0..g.below(12))
            .map(|_| alphabet[g.below(alphabet.len() as u64) as usize] as char)
            .collect();
        if let Ok(set) = s.parse::<PortSet>() {
            assert!(!set.contains(0), "{s:?}");
            assert!(
                set.ranges()
                    .iter()
                    .all(|r| 1 <= r.start && r.start <= r.end),
                "{s:?}"
            );
        }
    }
}

// ---- rule matching ----

/// The naive reading of a rule: protocol listed, port in its ports (any for ICMP), and a
/// role of each side among the rule's.
fn naive_matches(
    rules: &RuleSet,
    rule: &Rule,
    from: &[String],
    to: &[String],
    proto: Transport,
    port: Option<u16>,
) -> bool {
    let from = rules.expand_roles(from);
    let to = rules.expand_roles(to);
    rule.protocols.contains(&proto)
        && rule.from.iter().any(|r| from.contains(r))
        && rule.to.iter().any(|r| to.contains(r))
        && match (proto, port) {
            (Transport::Icmp, _) => true,
            (_, Some(p)) => rules.effective_ports(rule, None).contains(p),
            (_, None) => false,
        }
}

#[test]
fn lookup_finds_exactly_the_rules_a_naive_reading_matches() {
    let rules = RuleSet::embedded().expect("embedded packs load");
    let roles: Vec<String> = rules.role_ids().map(str::to_string).collect();
    let all: Vec<&Rule> = rules.rules().collect();
    assert!(!all.is_empty() && !roles.is_empty());
    // Ports worth asking about: every rule's range edges, and random ones.
    let mut interesting: Vec<u16> = vec![0, 1, 65535];
    for r in &all {
        for pr in r.ports.ranges() {
            interesting.extend([
                pr.start.saturating_sub(1),
                pr.start,
                pr.end,
                pr.end.saturating_add(1),
            ]);
        }
    }
    let mut g = Gen::new(5);
    let (mut with_allow, mut with_deny) = (0, 0);
    for case in 0..CASES {
        let pick = |g: &mut Gen| -> Vec<String> {
            (0..g.below(3))
                .map(|_| {
                    if g.chance(20) {
                        "no-such-role".to_string()
                    } else {
                        roles[g.below(roles.len() as u64) as usize].clone()
                    }
                })
                .collect()
        };
        // Half the time, the roles, a protocol and a port of a real rule, so that matches
        // are common; the rest random.
        let model = g.chance(2).then(|| all[g.below(all.len() as u64) as usize]);
        let (from, to) = match model {
            Some(r) => (r.from.clone(), r.to.clone()),
            None => (pick(&mut g), pick(&mut g)),
        };
        let proto = match model {
            Some(r) if !r.protocols.is_empty() => {
                r.protocols[g.below(r.protocols.len() as u64) as usize]
            }
            _ => [Transport::Tcp, Transport::Udp, Transport::Icmp][g.below(3) as usize],
        };
        let in_model = model.and_then(|r| {
            let rs = r.ports.ranges();
            (!rs.is_empty()).then(|| {
                let pr = rs[g.below(rs.len() as u64) as usize];
                pr.start + g.below(u64::from(pr.end - pr.start) + 1) as u16
            })
        });
        let port = match (proto, in_model) {
            (Transport::Icmp, _) => None,
            (_, Some(p)) if g.chance(2) => Some(p),
            _ if g.chance(2) => Some(interesting[g.below(interesting.len() as u64) as usize]),
            _ => Some(g.port()),
        };
        let got = rules.lookup(&from, &to, proto, port, None);
        let want: Vec<&Rule> = all
            .iter()
            .copied()
            .filter(|r| naive_matches(&rules, r, &from, &to, proto, port))
            .collect();
        let mut want_allow: Vec<&str> = want
            .iter()
            .filter(|r| r.kind == RuleKind::Allow)
            .map(|r| r.id.as_str())
            .collect();
        let mut got_allow: Vec<&str> = got.allow.iter().map(|r| r.id.as_str()).collect();
        want_allow.sort_unstable();
        got_allow.sort_unstable();
        let ctx = format!("case {case}: {from:?} -> {to:?} {proto:?} {port:?}");
        assert_eq!(got_allow, want_allow, "{ctx}");
        let want_deny = want
            .iter()
            .filter(|r| r.kind == RuleKind::Deny)
            .map(|r| r.id.as_str())
            .min();
        assert_eq!(got.deny.map(|r| r.id.as_str()), want_deny, "{ctx}");
        with_allow += usize::from(!got_allow.is_empty());
        with_deny += usize::from(want_deny.is_some());
    }
    // The property is not vacuous: many cases match something.
    assert!(
        with_allow > CASES as usize / 10,
        "only {with_allow} cases matched an allow rule"
    );
    eprintln!("{with_allow} cases matched allow rules, {with_deny} a deny rule");
}

// ---- the same properties with proptest (shrinks a failure to a minimal case) ----

mod with_proptest {
    use super::*;
    use proptest::prelude::*;

    fn port_range() -> impl Strategy<Value = PortRange> {
        (1u16..=65535, 1u16..=65535).prop_map(|(a, b)| PortRange {
            start: a.min(b),
            end: a.max(b),
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn port_list_parses_to_exactly_its_ranges(
            ranges in prop::collection::vec(port_range(), 1..6),
            probes in prop::collection::vec(any::<u16>(), 1..30),
        ) {
            let text: Vec<String> = ranges.iter().map(|r| format!("{}-{}", r.start, r.end)).collect();
            let set: PortSet = text.join(",").parse::<PortSet>().map_err(|e| TestCaseError::fail(e.to_string()))?;
            for p in probes.into_iter().chain(ranges.iter().flat_map(|r| [r.start, r.end, r.end.saturating_add(1)])) {
                let want = ranges.iter().any(|r| r.start <= p && p <= r.end);
                prop_assert_eq!(set.contains(p), want, "{:?} contains {}", text, p);
            }
            prop_assert_eq!(set.to_string().parse::<PortSet>().ok(), Some(set));
        }

        #[test]
        fn port_text_never_panics(s in "[0-9, -]{0,16}") {
            if let Ok(set) = s.parse::<PortSet>() {
                prop_assert!(!set.contains(0));
            }
        }

        #[test]
        fn flow_key_is_the_same_from_either_side(
            a in any::<[u8; 16]>(), b in any::<[u8; 16]>(), pa in any::<u16>(), pb in any::<u16>(),
            proto in any::<u8>(), vlan in any::<u16>(), inner in any::<u16>(),
        ) {
            let ea = Endpoint { addr: Addr(a), port: pa };
            let eb = Endpoint { addr: Addr(b), port: pb };
            let (k1, _) = FlowKey::new(proto, vlan, inner, ea, eb);
            let (k2, _) = FlowKey::new(proto, vlan, inner, eb, ea);
            prop_assert_eq!(k1, k2);
        }
    }

    /// A flow matches a rule iff its protocol is listed, its port is in the rule's ports
    /// (any for ICMP) and a role of each side is among the rule's.
    #[test]
    fn lookup_agrees_with_the_naive_reading() {
        let rules = RuleSet::embedded().expect("embedded packs load");
        let roles: Vec<String> = rules.role_ids().map(str::to_string).collect();
        let all: Vec<&Rule> = rules.rules().collect();
        let strategy = (
            prop::collection::vec(prop::sample::select(roles.clone()), 0..3),
            prop::collection::vec(prop::sample::select(roles.clone()), 0..3),
            prop::sample::select(vec![Transport::Tcp, Transport::Udp, Transport::Icmp]),
            any::<u16>(),
            prop::sample::select((0..all.len()).collect::<Vec<_>>()),
            any::<bool>(),
        );
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(3_000));
        runner
            .run(&strategy, |(from, to, proto, port, model, use_model)| {
                // Half the cases take the roles of a real rule, so that matches are common.
                let (from, to) = if use_model {
                    (all[model].from.clone(), all[model].to.clone())
                } else {
                    (from, to)
                };
                let port = (proto != Transport::Icmp).then_some(port);
                let got = rules.lookup(&from, &to, proto, port, None);
                let mut want: Vec<&str> = all
                    .iter()
                    .filter(|r| {
                        r.kind == RuleKind::Allow
                            && naive_matches(&rules, r, &from, &to, proto, port)
                    })
                    .map(|r| r.id.as_str())
                    .collect();
                let mut have: Vec<&str> = got.allow.iter().map(|r| r.id.as_str()).collect();
                want.sort_unstable();
                have.sort_unstable();
                prop_assert_eq!(have, want);
                let want_deny = all
                    .iter()
                    .filter(|r| {
                        r.kind == RuleKind::Deny
                            && naive_matches(&rules, r, &from, &to, proto, port)
                    })
                    .map(|r| r.id.as_str())
                    .min();
                prop_assert_eq!(got.deny.map(|r| r.id.as_str()), want_deny);
                Ok(())
            })
            .unwrap();
    }
}
