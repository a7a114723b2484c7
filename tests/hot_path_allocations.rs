//! The per-packet path (frame -> decode -> flow key -> lookup -> update) does not allocate.
//!
//! A counting global allocator wraps the system one. Replaying plant traffic a first time
//! creates the flows (tables grow, amortised); replaying the same frames again touches only
//! existing flows, so every allocation in the second pass would be a per-packet one.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};

use tapaudit_capture::CaptureFile;
use tapaudit_flow::{FlowConfig, FlowTable};
use tapaudit_pipeline::Ingest;
use tapaudit_synth::{write_pcap, Scenario, SynthConfig};

struct Counting;

/// Bytes currently allocated.
static LIVE: AtomicU64 = AtomicU64::new(0);
thread_local! {
    /// Allocations made by this thread: the passes are counted on the thread that runs them,
    /// so that the test harness and other tests allocating meanwhile are not counted.
    static THREAD_ALLOCATIONS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn count_allocation() {
    let _ = THREAD_ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
}

/// Allocations made by the calling thread so far.
fn thread_allocations() -> u64 {
    THREAD_ALLOCATIONS.with(|c| c.get())
}

/// The byte counter is process-wide: the tests take turns.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_allocation();
        LIVE.fetch_add(layout.size() as u64, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as u64, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_allocation();
        LIVE.fetch_add(new_size as u64, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size() as u64, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn plant_capture() -> CaptureFile {
    let cfg = SynthConfig {
        scenario: Scenario::Plant,
        seed: 7,
        target_bytes: 4 << 20,
        count: 0,
    };
    let mut bytes = Vec::new();
    write_pcap(&cfg, &mut bytes).unwrap();
    CaptureFile::from_bytes("plant.pcap", bytes).unwrap()
}

/// Allocations of a first and a second pass over the same frames.
fn two_passes(config: FlowConfig) -> (u64, u64, u64, usize) {
    let _turn = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let file = plant_capture();
    let mut ingest = Ingest::new(FlowTable::new(config));

    let before_first = thread_allocations();
    let mut reader = file.reader(0);
    let mut packets = 0u64;
    while let Some(Ok(frame)) = reader.next() {
        ingest.frame(&frame);
        packets += 1;
    }
    let first = thread_allocations() - before_first;
    assert!(packets > 5_000, "{packets} packets");

    // The reader's per-file setup (its interface table, made when the file header is read)
    // is not per packet: the count starts after the first frame.
    let mut reader = file.reader(0);
    if let Some(Ok(frame)) = reader.next() {
        ingest.frame(&frame);
    }
    let before_second = thread_allocations();
    while let Some(Ok(frame)) = reader.next() {
        ingest.frame(&frame);
    }
    let second = thread_allocations() - before_second;
    (packets, first, second, ingest.table.len())
}

#[test]
fn second_pass_over_known_flows_allocates_nothing() {
    // Control-protocol parsing switched off (no control port, no detection by content):
    // the pure hot path.
    let config = FlowConfig {
        control_ports: Vec::new(),
        detect_by_content: false,
        ..FlowConfig::default()
    };
    let (packets, first, second, flows) = two_passes(config);
    eprintln!("hot path: {packets} packets, {flows} flows: first pass {first} allocations, second pass {second}");
    assert_eq!(
        second, 0,
        "the per-packet path allocated {second} times over {packets} packets"
    );
}

#[test]
fn control_protocol_parsing_allocates_only_on_control_connections() {
    // The FTP, portmapper and endpoint-mapper parsers buffer split messages and register
    // announcements: bounded work on the few control connections, not per packet.
    let (packets, first, second, flows) = two_passes(FlowConfig::default());
    eprintln!("with control protocols: {packets} packets, {flows} flows: first pass {first}, second pass {second}");
    assert!(
        second * 100 < packets,
        "{second} allocations for {packets} packets"
    );
}

#[test]
fn flow_table_memory_per_concurrent_flow() {
    // 300,000 unanswered SYNs from random sources: 300,000 flows open at once.
    let cfg = SynthConfig {
        scenario: Scenario::SynFlood,
        seed: 3,
        target_bytes: 0,
        count: 300_000,
    };
    let mut bytes = Vec::new();
    write_pcap(&cfg, &mut bytes).unwrap();
    let file = CaptureFile::from_bytes("flood.pcap", bytes).unwrap();
    let _turn = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let before = LIVE.load(Ordering::Relaxed);
    let mut peak = 0u64;
    let mut ingest = Ingest::new(FlowTable::new(FlowConfig::default()));
    let mut reader = file.reader(0);
    let mut n = 0u64;
    while let Some(Ok(frame)) = reader.next() {
        ingest.frame(&frame);
        n += 1;
        if n.is_multiple_of(1024) {
            peak = peak.max(LIVE.load(Ordering::Relaxed).saturating_sub(before));
        }
    }
    let flows = ingest.table.len() as u64;
    let now = LIVE.load(Ordering::Relaxed).saturating_sub(before);
    peak = peak.max(now);
    eprintln!(
        "{flows} concurrent flows: {} bytes per flow now, {} at the peak (table growth)",
        now / flows,
        peak / flows
    );
    assert!(flows > 290_000, "{flows}");
    // 96 bytes a flow, in a vector that grows by a quarter at a time (at most 120 bytes a
    // flow allocated, less resident), and a 4-byte index slot in a hash table that doubles
    // (at most 17 bytes a flow while it does). The whole process, with the report's records,
    // is measured in tests/memory_per_flow.rs.
    assert!(now / flows <= 140, "{} bytes per flow", now / flows);
    assert!(
        peak / flows <= 140,
        "{} bytes per flow at the peak",
        peak / flows
    );
}
