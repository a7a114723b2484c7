//! The hot path, measured: frames -> decode -> flow table, over synthetic plant traffic held
//! in memory (no I/O), and the pieces on their own. `cargo bench --bench hot_path`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use tapaudit_capture::CaptureFile;
use tapaudit_flow::{FlowConfig, FlowTable};
use tapaudit_pipeline::Ingest;
use tapaudit_synth::{write_pcap, Scenario, SynthConfig};

fn plant(bytes: u64) -> Vec<u8> {
    let cfg = SynthConfig {
        scenario: Scenario::Plant,
        seed: 1,
        target_bytes: bytes,
        count: 0,
    };
    let mut v = Vec::new();
    write_pcap(&cfg, &mut v).expect("synth");
    v
}

fn bench(c: &mut Criterion) {
    let bytes = plant(32 << 20);
    let file = CaptureFile::from_bytes("plant.pcap", bytes.clone()).expect("pcap");
    let mut packets = 0u64;
    let mut r = file.reader(0);
    while let Some(Ok(_)) = r.next() {
        packets += 1;
    }
    let dir = std::env::temp_dir().join(format!("tapaudit-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("plant.pcap");
    std::fs::write(&path, &bytes).expect("write pcap");
    let mapped = CaptureFile::open(&path).expect("open");
    let mut g = c.benchmark_group("plant-32MiB");
    g.sample_size(10);
    g.throughput(Throughput::Elements(packets));
    g.bench_function(BenchmarkId::new("read", packets), |b| {
        b.iter(|| {
            let mut r = file.reader(0);
            let mut n = 0u64;
            while let Some(Ok(f)) = r.next() {
                n += f.data.len() as u64;
            }
            n
        })
    });
    // The choice of reader for files (docs/performance.md): libpcap through the `pcap` crate
    // against our memory-mapped reader, both from the page cache. libpcap only with the
    // `live` feature (`cargo bench --features live`).
    #[cfg(feature = "live")]
    g.bench_function(BenchmarkId::new("file-libpcap", packets), |b| {
        b.iter(|| {
            let mut cap = pcap::Capture::from_file(&path).expect("libpcap open");
            let mut n = 0u64;
            while let Ok(p) = cap.next_packet() {
                n += p.data.len() as u64;
            }
            n
        })
    });
    g.bench_function(BenchmarkId::new("file-mmap", packets), |b| {
        b.iter(|| {
            let mut r = mapped.reader(0);
            let mut n = 0u64;
            while let Some(Ok(f)) = r.next() {
                n += f.data.len() as u64;
            }
            n
        })
    });
    g.bench_function(BenchmarkId::new("read+decode", packets), |b| {
        b.iter(|| {
            let mut r = file.reader(0);
            let mut ip = 0u64;
            while let Some(Ok(f)) = r.next() {
                if let tapaudit_decode::Decoded::Ip(p) = tapaudit_decode::decode(f.link, f.data) {
                    ip += u64::from(p.ip_len);
                }
            }
            ip
        })
    });
    // The same through the general path only (etherparse's lax slicer for every frame):
    // what the fast path of `decode` saves.
    g.bench_function(BenchmarkId::new("read+decode-general", packets), |b| {
        b.iter(|| {
            let mut r = file.reader(0);
            let mut ip = 0u64;
            while let Some(Ok(f)) = r.next() {
                if let tapaudit_decode::Decoded::Ip(p) =
                    tapaudit_decode::decode_general(f.link, f.data)
                {
                    ip += u64::from(p.ip_len);
                }
            }
            ip
        })
    });
    g.bench_function(BenchmarkId::new("read+decode+flows", packets), |b| {
        b.iter(|| {
            let mut ingest = Ingest::new(FlowTable::new(FlowConfig::default()));
            let mut r = file.reader(0);
            while let Some(Ok(f)) = r.next() {
                ingest.frame(&f);
            }
            ingest.table.finish_all().len()
        })
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
