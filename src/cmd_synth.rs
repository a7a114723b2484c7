//! `tapaudit synth`: deterministic synthetic traffic (benchmark corpus, demo, floods).

use std::path::PathBuf;

use anyhow::Context;
use tapaudit_synth::{write_pcap, Scenario, SynthConfig};

#[derive(clap::Args)]
pub struct Args {
    /// plant, demo, syn-flood, udp-port-flood or pasv-flood.
    #[arg(long, default_value = "plant")]
    scenario: String,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Plant: approximate file size, with a unit suffix K, M or G (e.g. 1G).
    #[arg(long, default_value = "64M")]
    size: String,
    /// Floods: how many SYNs, UDP ports or PASV announcements.
    #[arg(long, default_value_t = 1_000_000)]
    count: u64,
    /// Output pcap file.
    #[arg(long, short)]
    output: PathBuf,
}

fn parse_size(s: &str) -> anyhow::Result<u64> {
    let s = s.trim();
    let (num, mult) = match s.chars().last() {
        Some('K' | 'k') => (&s[..s.len() - 1], 1u64 << 10),
        Some('M' | 'm') => (&s[..s.len() - 1], 1 << 20),
        Some('G' | 'g') => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    let n: u64 = num
        .parse()
        .with_context(|| format!("--size {s:?}: expected a number with K, M or G"))?;
    Ok(n.saturating_mul(mult))
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let scenario: Scenario = args.scenario.parse()?;
    let cfg = SynthConfig {
        scenario,
        seed: args.seed,
        target_bytes: parse_size(&args.size)?,
        count: args.count,
    };
    let file = std::fs::File::create(&args.output)
        .with_context(|| format!("creating {}", args.output.display()))?;
    let out = std::io::BufWriter::with_capacity(1 << 20, file);
    let started = std::time::Instant::now();
    let summary =
        write_pcap(&cfg, out).with_context(|| format!("writing {}", args.output.display()))?;
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "tapaudit: wrote {} ({} packets, {} bytes, {} flows) in {:.2} s ({:.0} MB/s)",
        args.output.display(),
        summary.packets,
        summary.bytes,
        summary.flows,
        secs,
        summary.bytes as f64 / 1e6 / secs.max(1e-9)
    );
    Ok(0)
}
