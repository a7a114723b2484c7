//! The merge alone, without a server: `n` generated records of two sensors, a quarter
//! of them seen by both. cargo run --release -p tapaudit-store --example merge_bench -- [n]
#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;
use tapaudit_store::{merge, Evidence, MergeConfig, StoredFlow};

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.replace('_', "").parse().ok())
        .unwrap_or(2_000_000);
    let a = n * 5 / 8;
    let mut records: Vec<StoredFlow> = (0..a)
        .map(|i| StoredFlow::new("cell-a", "", common::flow(i), Evidence::default()))
        .collect();
    records.extend(
        (a - n / 4..a - n / 4 + (n - a))
            .map(|i| StoredFlow::new("cell-b", "", common::flow(i), Evidence::default())),
    );
    let t = Instant::now();
    let m = merge(records, &[], &MergeConfig::default());
    println!(
        "merge: {n} records in {:.2} s -> {} flows ({} seen by both)",
        t.elapsed().as_secs_f64(),
        m.stats.flows,
        m.stats.seen_by_several
    );
}
