//! The figures of docs/store.md: insert rate of one writer, and the time and memory of
//! reading and merging 10 M flow records, against a private server (test_server).
//!
//! cargo run --release -p tapaudit-store --example store_bench -- [insert rows] [total rows]
//! (defaults 2,000,000 and 10,000,000). The first sensor writes with the default batches
//! (8,192 rows), the second, for the rest of the records, with 65,536-row batches.

#[path = "../tests/common/mod.rs"]
mod common;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tapaudit_store::test_server::TestServer;
use tapaudit_store::{merge, MergeConfig, ReadQuery, Store, Table, Writer, WriterConfig};

fn self_peak_rss() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

fn mb(b: u64) -> f64 {
    b as f64 / 1e6
}

/// Writes `range` of the generated flows as `sensor`; returns (seconds, writer stats).
fn write(
    url: &tapaudit_store::StoreUrl,
    sensor: &str,
    range: std::ops::Range<u64>,
    batch_rows: usize,
) -> (f64, tapaudit_store::WriterStats) {
    let spool = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut c = WriterConfig::new(url.clone(), sensor, spool.path());
    c.spool_sync = false;
    c.batch_rows = batch_rows;
    let (w, _) = Writer::start(c).unwrap_or_else(|e| panic!("{e}"));
    let t = Instant::now();
    let chunk = 4096;
    let mut i = range.start;
    while i < range.end {
        let end = (i + chunk).min(range.end);
        w.flows("", common::flows(i..end))
            .unwrap_or_else(|e| panic!("{e}"));
        i = end;
    }
    let done = w.flush(Duration::from_secs(600)).unwrap_or(false);
    let secs = t.elapsed().as_secs_f64();
    let stats = w.close(Duration::from_secs(60));
    assert!(done, "not all sent: {stats:?}");
    (secs, stats)
}

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    let insert_rows = args.first().copied().unwrap_or(2_000_000);
    let total = args.get(1).copied().unwrap_or(10_000_000).max(insert_rows);
    let Some(mut server) = TestServer::start_or_skip("store_bench") else {
        return;
    };
    let url = server.url("bench");
    let store = Store::connect(&url, Duration::from_secs(600)).unwrap_or_else(|e| panic!("{e}"));
    let schema = store.init(None).unwrap_or_else(|e| panic!("{e}"));
    println!("server {}", schema.server_version);

    // 1. One writer, default batching (8,192 rows or 1 s).
    let (secs, stats) = write(&url, "cell-a", 0..insert_rows, 8192);
    println!(
        "insert, 8192-row batches: {insert_rows} rows in {secs:.1} s = {:.0} rows/s ({} batches, {} through the spool)",
        insert_rows as f64 / secs,
        stats.batches_sent,
        stats.batches_sent_from_spool
    );

    // 2. Up to `total` records: a second sensor that saw a part of the first's flows (the
    // same connections: merged), and more of its own.
    let rest = total - insert_rows;
    let overlap = rest / 4;
    let b_from = insert_rows - overlap.min(insert_rows);
    let (secs_b, _) = write(&url, "cell-b", b_from..b_from + rest, 65536);
    println!(
        "insert, 65536-row batches: {rest} rows in {secs_b:.1} s = {:.0} rows/s ({overlap} of them also seen by cell-a)",
        rest as f64 / secs_b
    );
    store
        .execute("OPTIMIZE TABLE {db}.flows FINAL")
        .unwrap_or_else(|e| panic!("{e}"));
    let summary = store
        .summary(Table::Flows)
        .unwrap_or_else(|e| panic!("{e}"));
    println!("stored: {summary:?}");

    // 3. Read + merge, the server freshly started so that its peak memory is the read's.
    server.restart().unwrap_or_else(|e| panic!("{e}"));
    let pid_rss = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = {
        let (peak, stop) = (pid_rss.clone(), stop.clone());
        let pid = server.pid().unwrap_or(0);
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                if let Ok(s) = std::fs::read_to_string(format!("/proc/{pid}/status")) {
                    if let Some(kb) = s
                        .lines()
                        .find_map(|l| l.strip_prefix("VmRSS:"))
                        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                    {
                        peak.fetch_max(kb * 1024, Ordering::Relaxed);
                    }
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        })
    };
    let idle = server.memory().map_or(0, |m| m.0);
    let t = Instant::now();
    let flows = store
        .read_flows(&ReadQuery::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let read_secs = t.elapsed().as_secs_f64();
    let server_mem = server.memory();
    stop.store(true, Ordering::Relaxed);
    let _ = sampler.join();
    let n = flows.len();
    let t = Instant::now();
    let merged = merge(flows, &[], &MergeConfig::default());
    let merge_secs = t.elapsed().as_secs_f64();
    println!(
        "read: {n} records in {read_secs:.1} s ({:.0} rows/s); merge: {merge_secs:.1} s -> {} flows ({} seen by both)",
        n as f64 / read_secs,
        merged.stats.flows,
        merged.stats.seen_by_several
    );
    println!(
        "server RSS: idle {:.0} MB, peak while reading {:.0} MB (sampled), VmHWM {:.0} MB",
        mb(idle),
        mb(pid_rss.load(Ordering::Relaxed)),
        mb(server_mem.map_or(0, |m| m.1))
    );
    println!("this process: peak RSS {:.0} MB", mb(self_peak_rss()));
}
