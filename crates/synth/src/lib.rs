//! tapaudit-synth: a deterministic generator of realistic OT plant traffic, written as classic
//! pcap (Ethernet link type, microsecond timestamps starting 2026-03-02T08:00:00Z).
//!
//! It owns the scenarios, never reads anything, and promises:
//! - the same [`SynthConfig`] gives byte-identical output, on every platform and run;
//! - timestamps never go backwards;
//! - every frame decodes with etherparse, and the payloads that tapaudit learns dynamic
//!   ports from (FTP 227, ONC RPC portmapper GETPORT, DCE-RPC ept_map towers) are byte-correct,
//!   so tshark reads the same announcements;
//! - the demo capture is fixed (its seed is built in) and matches `captures/demo/README.md`.
//!
//! Frames are built with etherparse's `PacketBuilder`. The hot paths (CIP I/O, TCP segments)
//! build each flow's headers once and patch lengths, ids, sequence numbers and checksums
//! per packet; output goes through one large buffer.
#![forbid(unsafe_code)]

mod blocks;
mod count;
mod demo;
mod flood;
mod frame;
mod mixes;
mod out;
mod plant;
mod proto;
mod rng;
mod sim;

use std::fmt;
use std::io::Write;
use std::str::FromStr;

pub use demo::DEMO_FTP_PASSWORD;

/// The site inventory of the demo capture (`captures/demo/site.toml`).
pub const DEMO_SITE_TOML: &str = include_str!("../../../captures/demo/site.toml");

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scenario {
    /// Busy plant traffic of any size (`target_bytes`), from the seed.
    Plant,
    /// The small bundled demo: every pack, every kind of finding. Seed and sizes are ignored.
    Demo,
    /// `count` unanswered SYNs from random sources to random ports.
    SynFlood,
    /// `count` UDP datagrams from one host, each to a distinct destination port/address.
    UdpPortFlood,
    /// One FTP control flow whose server announces `count` distinct PASV ports.
    PasvFlood,
    /// Benchmark mix: many short flows (DNS from random ports, a scanner, health checks).
    Churn,
    /// Benchmark mix: ~3,000 interleaved open TCP sessions, CIP I/O, DNS, ARP, NetBIOS, 10 % VLAN.
    Concurrent,
    /// Benchmark mix: sessions on 21/111/135 that are not FTP, ONC RPC or DCE-RPC.
    JunkControl,
}

impl Scenario {
    pub const ALL: [Scenario; 8] = [
        Scenario::Plant,
        Scenario::Demo,
        Scenario::SynFlood,
        Scenario::UdpPortFlood,
        Scenario::PasvFlood,
        Scenario::Churn,
        Scenario::Concurrent,
        Scenario::JunkControl,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Scenario::Plant => "plant",
            Scenario::Demo => "demo",
            Scenario::SynFlood => "syn-flood",
            Scenario::UdpPortFlood => "udp-port-flood",
            Scenario::PasvFlood => "pasv-flood",
            Scenario::Churn => "churn",
            Scenario::Concurrent => "concurrent",
            Scenario::JunkControl => "junk-control",
        }
    }
}

impl fmt::Display for Scenario {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An unknown scenario name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown scenario {0:?}; expected one of: plant, demo, syn-flood, udp-port-flood, pasv-flood, churn, concurrent, junk-control"
)]
pub struct UnknownScenario(pub String);

impl FromStr for Scenario {
    type Err = UnknownScenario;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Scenario::ALL
            .into_iter()
            .find(|x| x.name() == s)
            .ok_or_else(|| UnknownScenario(s.to_string()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthConfig {
    pub scenario: Scenario,
    pub seed: u64,
    /// Plant and the benchmark mixes: stop at about this file size (the first packet that reaches it is the last).
    pub target_bytes: u64,
    /// Floods: how many SYNs / UDP ports / PASV announcements.
    pub count: u64,
}

impl SynthConfig {
    /// Defaults: seed 1, 64 MiB of plant traffic, floods of one million.
    pub fn new(scenario: Scenario) -> SynthConfig {
        SynthConfig {
            scenario,
            seed: 1,
            target_bytes: 64 << 20,
            count: 1_000_000,
        }
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SynthSummary {
    pub packets: u64,
    /// File size, global header included.
    pub bytes: u64,
    /// The flows tapaudit's flow table builds from the file (with its default timeouts):
    /// TCP connections, CIP I/O connections, and UDP and ICMP echo flows by key.
    pub flows: u64,
}

/// Writes the scenario as a classic pcap to `out`.
pub fn write_pcap<W: Write>(cfg: &SynthConfig, mut out: W) -> std::io::Result<SynthSummary> {
    let w: &mut dyn Write = &mut out;
    match cfg.scenario {
        Scenario::Plant => {
            let world = sim::World::new(cfg.seed, plant::hosts(cfg.seed));
            let mut s = sim::Sim::new(world, out::Pcap::new(w));
            s.stop_at = cfg.target_bytes.max(1);
            plant::setup(&mut s)?;
            s.run()?;
            Ok(summary(&s.out, s.flows.total()))
        }
        Scenario::Demo => {
            let world = sim::World::new(demo::DEMO_SEED, demo::hosts());
            let mut s = sim::Sim::new(world, out::Pcap::new(w));
            demo::setup(&mut s)?;
            s.run()?;
            Ok(summary(&s.out, s.flows.total()))
        }
        Scenario::PasvFlood => {
            let mut s = sim::Sim::new(flood::world(cfg.seed), out::Pcap::new(w));
            flood::pasv_flood(&mut s, cfg.count)?;
            s.run()?;
            Ok(summary(&s.out, s.flows.total()))
        }
        Scenario::SynFlood => {
            let mut p = out::Pcap::new(w);
            let flows = flood::syn_flood(&mut p, cfg.seed, cfg.count)?;
            p.finish()?;
            Ok(summary(&p, flows))
        }
        Scenario::UdpPortFlood => {
            let mut p = out::Pcap::new(w);
            let flows = flood::udp_port_flood(&mut p, cfg.count)?;
            p.finish()?;
            Ok(summary(&p, flows))
        }
        Scenario::Churn | Scenario::Concurrent | Scenario::JunkControl => {
            let mix = match cfg.scenario {
                Scenario::Churn => mixes::Mix::Churn,
                Scenario::Concurrent => mixes::Mix::Concurrent,
                _ => mixes::Mix::JunkControl,
            };
            let mut p = out::Pcap::new(w);
            let flows = mixes::write(&mut p, mix, cfg.seed, cfg.target_bytes)?;
            Ok(summary(&p, flows))
        }
    }
}

fn summary(p: &out::Pcap, flows: u64) -> SynthSummary {
    SynthSummary {
        packets: p.packets,
        bytes: p.bytes,
        flows,
    }
}

/// The site inventory that goes with a scenario's capture: the demo's committed file, or the
/// plant's hosts for `cfg.seed`. Floods have none.
pub fn site_toml(cfg: &SynthConfig) -> Option<String> {
    match cfg.scenario {
        Scenario::Demo => Some(DEMO_SITE_TOML.to_string()),
        Scenario::Plant => Some(plant::site_toml(cfg.seed)),
        _ => None,
    }
}
