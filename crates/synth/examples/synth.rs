//! Throwaway driver: `cargo run --release -p tapaudit-synth --example synth -- SCENARIO SEED SIZE_OR_COUNT OUT`
//! Prints packets, bytes, flows, seconds and MB/s.

use std::fs::File;
use std::io::BufWriter;
use std::time::Instant;

use tapaudit_synth::{write_pcap, Scenario, SynthConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let scenario: Scenario = args.get(1).map_or("plant", String::as_str).parse()?;
    let seed: u64 = args.get(2).map_or(Ok(1), |s| s.parse())?;
    let n: u64 = args.get(3).map_or(Ok(64 << 20), |s| s.parse())?;
    let path = args.get(4).map_or("/tmp/synth.pcap", String::as_str);
    let mut cfg = SynthConfig::new(scenario);
    cfg.seed = seed;
    cfg.target_bytes = n;
    cfg.count = n;
    let t = Instant::now();
    let sum = write_pcap(&cfg, BufWriter::with_capacity(1 << 20, File::create(path)?))?;
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{scenario} seed {seed}: {} packets, {} bytes, {} flows in {secs:.2} s = {:.0} MB/s",
        sum.packets,
        sum.bytes,
        sum.flows,
        sum.bytes as f64 / 1e6 / secs
    );
    Ok(())
}
