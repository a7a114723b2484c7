//! `tapaudit-synth` says how many flows it wrote; the flow table must build exactly that many
//! from the file (issue 20: synth said 19,514 for a plant file in which the flow table, and
//! tshark, found 13,974: repeated pings, NetBIOS announcements and DNS-like datagrams of one
//! key had been counted once per exchange).

use tapaudit_flow::FlowConfig;
use tapaudit_pipeline::{replay, CaptureInput};
use tapaudit_synth::{write_pcap, Scenario, SynthConfig};

fn flow_table_count(name: &str, bytes: Vec<u8>) -> u64 {
    let run = replay(
        [CaptureInput::Memory {
            name: name.to_string(),
            bytes,
        }],
        FlowConfig::default(),
    );
    assert!(run.complete(), "{name}: not read to its end");
    run.flow_stats.flows
}

fn check(cfg: SynthConfig) {
    let mut bytes = Vec::new();
    let summary = write_pcap(&cfg, &mut bytes).unwrap();
    let name = format!("{} seed {} {} B", cfg.scenario, cfg.seed, cfg.target_bytes);
    let built = flow_table_count(&name, bytes);
    eprintln!("{name}: synth {} flows, flow table {built}", summary.flows);
    assert_eq!(
        summary.flows, built,
        "{name}: synth's count against the flow table's"
    );
}

#[test]
fn synth_counts_the_flows_the_flow_table_builds() {
    check(SynthConfig::new(Scenario::Demo));
    for seed in [1, 2] {
        check(SynthConfig {
            target_bytes: 4 << 20,
            seed,
            ..SynthConfig::new(Scenario::Plant)
        });
    }
    for scenario in [
        Scenario::SynFlood,
        Scenario::UdpPortFlood,
        Scenario::PasvFlood,
    ] {
        check(SynthConfig {
            count: 3_000,
            ..SynthConfig::new(scenario)
        });
    }
}

/// Long enough in packet time (several minutes) for UDP and ICMP flows to go idle and come
/// back: the case of the issue.
#[test]
fn synth_counts_flows_across_idle_timeouts() {
    check(SynthConfig {
        target_bytes: 96 << 20,
        seed: 1,
        ..SynthConfig::new(Scenario::Plant)
    });
}
