//! The flow table fed decoded fuzz frames: `[link selector]` then timed frames (see
//! `tapaudit_fuzz::timed_frames`). Small limits, so eviction, expectation caps and idle
//! sweeps all happen within one input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tapaudit_capture::Frame;
use tapaudit_vocab::Timestamp;
use tapaudit_flow::{FlowConfig, FlowTable};
use tapaudit_pipeline::Ingest;

const MAX_FLOWS: usize = 8;
const MAX_EXPECTATIONS: usize = 4;

fuzz_target!(|input: &[u8]| {
    let Some((sel, rest)) = input.split_first() else {
        return;
    };
    let link = tapaudit_fuzz::link_of(*sel);
    let config = FlowConfig {
        max_flows: MAX_FLOWS,
        max_expectations: MAX_EXPECTATIONS,
        tcp_idle_secs: 30,
        udp_idle_secs: 20,
        icmp_idle_secs: 10,
        expectation_ttl_secs: 15,
        ..FlowConfig::default()
    };
    let mut ingest = Ingest::new(FlowTable::new(config));
    // dt is in units of 100 ms, so an input of a few hundred frames spans idle timeouts.
    let mut ts = Timestamp::from_secs_nanos(1_700_000_000, 0);
    for (i, f) in tapaudit_fuzz::timed_frames(rest).iter().enumerate() {
        ts = Timestamp(ts.0 + u64::from(f.dt_ms) * 100_000_000);
        let frame = Frame {
            ts,
            link,
            orig_len: f.data.len() as u32,
            data: f.data,
            number: i as u64 + 1,
            source: 0,
        };
        ingest.frame(&frame);
        assert!(ingest.table.len() <= MAX_FLOWS);
        assert!(ingest.table.expectations().len() <= MAX_EXPECTATIONS);
    }
    let stats = ingest.table.stats();
    let records = ingest.table.finish_all();
    // Every flow created is finished exactly once.
    assert_eq!(records.len() as u64, stats.flows);
    let packets: u64 = records
        .iter()
        .map(|r| r.packets_to_server + r.packets_to_client)
        .sum();
    assert!(packets <= ingest.capture_stats().ip_packets + stats.fragments);
    for r in &records {
        assert!(r.first_seen <= r.last_seen);
        serde_json::to_string(r).expect("a flow record serialises");
    }
});
