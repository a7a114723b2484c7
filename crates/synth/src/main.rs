//! `tapaudit-synth`: writes deterministic synthetic traffic (benchmark corpus, demo, floods)
//! as classic pcap. `tapaudit-synth --scenario plant --size 1G -o plant.pcap`.

#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use tapaudit_synth::{write_pcap, Scenario, SynthConfig};

/// Write deterministic synthetic plant traffic (benchmarks, demo, flood tests).
#[derive(Parser)]
#[command(name = "tapaudit-synth", version)]
struct Args {
    /// plant, demo, syn-flood, udp-port-flood, pasv-flood, churn, concurrent or junk-control.
    #[arg(long, default_value = "plant")]
    scenario: String,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Plant and the mixes (churn, concurrent, junk-control): approximate file size, with a unit suffix K, M or G (e.g. 1G).
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

fn run(args: Args) -> anyhow::Result<()> {
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
        "tapaudit-synth: wrote {} ({} packets, {} bytes, {} flows) in {:.2} s ({:.0} MB/s)",
        args.output.display(),
        summary.packets,
        summary.bytes,
        summary.flows,
        secs,
        summary.bytes as f64 / 1e6 / secs.max(1e-9)
    );
    Ok(())
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tapaudit-synth: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_take_binary_suffixes() {
        assert_eq!(parse_size("1G").unwrap(), 1 << 30);
        assert_eq!(parse_size("64m").unwrap(), 64 << 20);
        assert_eq!(parse_size("512").unwrap(), 512);
        assert!(parse_size("lots").is_err());
    }
}
