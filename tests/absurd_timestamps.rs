//! Issue 16, class 9, "one absurd timestamp splits a flow": a single packet stamped decades
//! ahead finished every open flow (its time aged them all) and the rest of its TCP
//! connection became a second flow record. Timestamps far outside an input's clock (more
//! than a day ahead, more than a minute back) are now counted and processed at the clock's
//! time; agreeing packets still show a genuine clock step (docs/flows.md, "Implausible
//! timestamps").
//!
//! The captures are made here, a Modbus/TCP connection built with etherparse and written as
//! classic pcap; `TAPAUDIT_KEEP_CAPTURES=DIR` keeps them (to check them with
//! `tshark -r FILE -q -z conv,tcp`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use etherparse::PacketBuilder;
use serde_json::Value;
use tapaudit_flow::FlowConfig;
use tapaudit_pipeline::replay_files;

const BIN: &str = env!("CARGO_BIN_EXE_tapaudit");
/// 2026-03-02T08:00:00Z, as tapaudit-synth.
const BASE: u64 = 1_772_438_400;
const YEARS_40: u64 = 40 * 365 * 24 * 3600;
const US: u64 = 1_000_000;

/// One packet: microseconds since the epoch, client to server or back, TCP flags, payload.
struct Pkt {
    ts_us: u64,
    to_server: bool,
    syn: bool,
    ack: bool,
    fin: bool,
    payload: Vec<u8>,
}

/// A whole Modbus/TCP connection from `client_port`, starting at `start_us`, one packet
/// every 100 ms: handshake, `requests` read requests each answered, FIN both ways.
fn connection(start_us: u64, client_port: u16, requests: usize) -> (u16, Vec<Pkt>) {
    let mut v = Vec::new();
    let mut t = start_us;
    let mut push = |to_server, syn, ack, fin, payload: Vec<u8>| {
        v.push(Pkt {
            ts_us: t,
            to_server,
            syn,
            ack,
            fin,
            payload,
        });
        t += 100_000;
    };
    push(true, true, false, false, vec![]);
    push(false, true, true, false, vec![]);
    push(true, false, true, false, vec![]);
    for i in 0..requests {
        let id = (i as u16).to_be_bytes();
        // Read holding registers 0..10 of unit 1.
        push(
            true,
            false,
            true,
            false,
            vec![id[0], id[1], 0, 0, 0, 6, 1, 3, 0, 0, 0, 10],
        );
        let mut reply = vec![id[0], id[1], 0, 0, 0, 23, 1, 3, 20];
        reply.extend_from_slice(&[0x11; 20]);
        push(false, false, true, false, reply);
    }
    push(true, false, true, true, vec![]);
    push(false, false, true, true, vec![]);
    push(true, false, true, false, vec![]);
    (client_port, v)
}

/// Frames of `pkts` (one connection) with sequence numbers that follow the payloads; the
/// timestamps are written as given. Returns (frame bytes, IP length) per packet.
fn frames(client_port: u16, pkts: &[Pkt]) -> Vec<(u64, Vec<u8>, u64)> {
    let (client, server) = ([10, 0, 0, 1], [10, 0, 0, 2]);
    let (mut cseq, mut sseq) = (1_000u32, 5_000u32);
    let mut out = Vec::new();
    for p in pkts {
        let (src, dst, sp, dp, seq, ack) = if p.to_server {
            (client, server, client_port, 502, cseq, sseq)
        } else {
            (server, client, 502, client_port, sseq, cseq)
        };
        let b = PacketBuilder::ethernet2([2, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 2])
            .ipv4(src, dst, 64)
            .tcp(sp, dp, seq, 64_240);
        let b = if p.syn { b.syn() } else { b };
        let b = if p.ack { b.ack(ack) } else { b };
        let b = if p.fin { b.fin() } else { b };
        let mut frame = Vec::new();
        b.write(&mut frame, &p.payload).unwrap();
        let ip_len = (frame.len() - 14) as u64;
        let used = p.payload.len() as u32 + u32::from(p.syn) + u32::from(p.fin);
        if p.to_server {
            cseq = cseq.wrapping_add(used);
        } else {
            sseq = sseq.wrapping_add(used);
        }
        out.push((p.ts_us, frame, ip_len));
    }
    out
}

/// A classic microsecond pcap (Ethernet) of `frames`, in the order given.
fn write_pcap(path: &Path, frames: &[(u64, Vec<u8>, u64)]) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    f.write_all(&0xa1b2_c3d4u32.to_le_bytes()).unwrap();
    f.write_all(&2u16.to_le_bytes()).unwrap();
    f.write_all(&4u16.to_le_bytes()).unwrap();
    f.write_all(&[0; 8]).unwrap();
    f.write_all(&65_535u32.to_le_bytes()).unwrap();
    f.write_all(&1u32.to_le_bytes()).unwrap();
    for (ts_us, frame, _) in frames {
        let secs = u32::try_from(ts_us / US).expect("a pcap time");
        f.write_all(&secs.to_le_bytes()).unwrap();
        f.write_all(&((ts_us % US) as u32).to_le_bytes()).unwrap();
        f.write_all(&(frame.len() as u32).to_le_bytes()).unwrap();
        f.write_all(&(frame.len() as u32).to_le_bytes()).unwrap();
        f.write_all(frame).unwrap();
    }
    f.flush().unwrap();
}

struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let d = match std::env::var_os("TAPAUDIT_KEEP_CAPTURES") {
            Some(keep) => PathBuf::from(keep),
            None => std::env::temp_dir().join(format!(
                "tapaudit-absurd-timestamps-{}-{name}",
                std::process::id()
            )),
        };
        std::fs::create_dir_all(&d).unwrap();
        Dir(d)
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        if std::env::var_os("TAPAUDIT_KEEP_CAPTURES").is_none() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// `tapaudit audit --format FORMAT --fail-on never FILE` (no site: the flows are what
/// matters here).
fn audit(file: &Path, format: &str) -> String {
    let out = Command::new(BIN)
        .args(["audit", "--format", format, "--fail-on", "never"])
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c == 0 || c == 1),
        "tapaudit audit {}: {:?}\n{}",
        file.display(),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn rfc3339_us(ts_us: u64) -> String {
    tapaudit_vocab::Timestamp(ts_us * 1000).to_rfc3339_micros()
}

#[test]
fn regression_one_absurd_timestamp_does_not_split_a_flow() {
    let start = BASE * US + 100_000;
    let (port, mut pkts) = connection(start, 40_000, 10);
    let n = pkts.len();
    let (first_us, last_us) = (pkts[0].ts_us, pkts[n - 1].ts_us);
    // Mid-connection: one request stamped 40 years ahead, a later reply an hour back.
    pkts[9].ts_us += YEARS_40 * US;
    pkts[16].ts_us -= 3600 * US;
    let frames = frames(port, &pkts);
    let ip_bytes: u64 = frames.iter().map(|f| f.2).sum();
    let dir = Dir::new("split");
    let path = dir.0.join("absurd-timestamps.pcap");
    write_pcap(&path, &frames);

    // The flows: one record, every packet and byte in it, the window of the real packets.
    let run = replay_files(std::slice::from_ref(&path), FlowConfig::default());
    assert!(run.complete());
    assert_eq!(
        run.flows.len(),
        1,
        "one connection, one flow: {:#?}",
        run.flows
    );
    let f = &run.flows[0];
    assert_eq!((f.packets_to_server + f.packets_to_client), n as u64);
    assert_eq!((f.bytes_to_server + f.bytes_to_client), ip_bytes);
    assert_eq!(f.first_seen.as_nanos(), first_us * 1000);
    assert_eq!(f.last_seen.as_nanos(), last_us * 1000);
    assert_eq!(run.flow_stats.idle_timeouts, 0);
    let file = &run.coverage.files[0];
    assert_eq!(file.timestamps_implausible, 2);
    assert_eq!(
        file.timestamps_backwards, 1,
        "the hour back, not every packet after 2066"
    );
    assert_eq!(file.clock_steps, 0);
    assert_eq!(file.first_seen.map(|t| t.as_nanos()), Some(first_us * 1000));
    assert_eq!(file.last_seen.map(|t| t.as_nanos()), Some(last_us * 1000));
    assert_eq!(run.coverage.capture.timestamps_implausible, 2);

    // The reports: counted, and the window printed is the real one.
    let report: Value = serde_json::from_str(&audit(&path, "json")).unwrap();
    let flows = report["flows"].as_array().unwrap();
    assert_eq!(flows.len(), 1, "{flows:#?}");
    let sent = |k: &str| flows[0][k].as_u64().unwrap();
    assert_eq!(
        sent("packets_to_server") + sent("packets_to_client"),
        n as u64
    );
    assert_eq!(sent("bytes_to_server") + sent("bytes_to_client"), ip_bytes);
    assert_eq!(report["statistics"]["capture"]["timestamps_implausible"], 2);
    assert_eq!(report["captures"][0]["timestamps_implausible"], 2);
    assert_eq!(report["captures"][0]["timestamps_backwards"], 1);
    let window = &report["evidence"]["capture_window"];
    assert_eq!(window["first"], rfc3339_us(first_us).as_str(), "{window}");
    assert_eq!(window["last"], rfc3339_us(last_us).as_str(), "{window}");
    assert_eq!(
        report["captures"][0]["last_seen"],
        rfc3339_us(last_us).as_str()
    );
    let md = audit(&path, "markdown");
    assert!(md.contains("Implausible timestamps: 2 packets"), "{md}");
    assert!(!md.contains("2066"), "the window reaches 2066:\n{md}");
}

#[test]
fn regression_a_genuine_clock_step_is_followed() {
    // One connection; the sensor's clock is then stepped three days ahead and a second
    // connection follows, every packet of it at the new time.
    let (port_a, a) = connection(BASE * US, 40_001, 3);
    let step_us = (BASE + 3 * 86_400) * US;
    let (port_b, b) = connection(step_us, 40_002, 3);
    let (a_n, b_n) = (a.len() as u64, b.len() as u64);
    let b_last = b[b.len() - 1].ts_us;
    let mut all = frames(port_a, &a);
    all.extend(frames(port_b, &b));
    let dir = Dir::new("step");
    let path = dir.0.join("clock-step.pcap");
    write_pcap(&path, &all);

    let run = replay_files(std::slice::from_ref(&path), FlowConfig::default());
    let file = &run.coverage.files[0];
    assert_eq!(file.clock_steps, 1);
    // A file looks ahead: the step is taken at its first packet, none is given the old
    // time (live, without look-ahead, gives the first STEP_CONFIRMATIONS - 1 the old time).
    assert_eq!(file.timestamps_implausible, 0);
    // The window follows the step: the second connection's time is real.
    assert_eq!(file.last_seen.map(|t| t.as_nanos()), Some(b_last * 1000));
    assert_eq!(run.flows.len(), 2, "{:#?}", run.flows);
    let by_port = |p: u16| {
        run.flows
            .iter()
            .find(|f| f.client_port == Some(p))
            .unwrap_or_else(|| panic!("no flow from port {p}"))
    };
    assert_eq!(
        {
            let f = by_port(port_a);
            f.packets_to_server + f.packets_to_client
        },
        a_n
    );
    let fb = by_port(port_b);
    assert_eq!(fb.packets_to_server + fb.packets_to_client, b_n);
    assert_eq!(fb.first_seen.as_nanos(), step_us * 1000);
    assert_eq!(fb.last_seen.as_nanos(), b_last * 1000);
}

#[test]
fn regression_an_absurd_record_in_one_of_two_merged_files() {
    // Two files of the same time, one with the record stamped 40 years ahead: the merge
    // goes by the times frames are read at, so the rest of that file is not held back.
    let start = BASE * US + 100_000;
    let (pa, mut a) = connection(start, 40_000, 10);
    a[9].ts_us += YEARS_40 * US;
    let (pb, b) = connection(start + 50_000, 40_003, 10);
    let dir = Dir::new("merged");
    let (fa, fb) = (dir.0.join("sensor-a.pcap"), dir.0.join("sensor-b.pcap"));
    write_pcap(&fa, &frames(pa, &a));
    write_pcap(&fb, &frames(pb, &b));
    let run = replay_files(&[fa, fb], FlowConfig::default());
    assert_eq!(run.flows.len(), 2, "{:#?}", run.flows);
    for f in &run.flows {
        assert_eq!(f.packets_to_server + f.packets_to_client, a.len() as u64);
        assert_eq!(f.finish, tapaudit_flow::FinishReason::EndOfInput);
    }
    assert_eq!(run.coverage.capture.timestamps_implausible, 1);
    assert_eq!(run.flow_stats.idle_timeouts, 0);
}

#[test]
fn regression_two_interleaved_clocks_in_one_file_never_step() {
    // Two sensors merged by arrival, not sorted: the second sensor's clock is two days
    // ahead. Its records are implausible one by one (the next record disagrees), counted,
    // and read at the first sensor's time; neither connection is split.
    let (pa, a) = connection(BASE * US, 40_004, 5);
    let (pb, b) = connection((BASE + 2 * 86_400) * US + 50_000, 40_005, 5);
    let (fa, fb) = (frames(pa, &a), frames(pb, &b));
    let mut all = Vec::new();
    for (x, y) in fa.into_iter().zip(fb) {
        all.push(x);
        all.push(y);
    }
    let dir = Dir::new("interleaved");
    let path = dir.0.join("interleaved-clocks.pcap");
    write_pcap(&path, &all);
    let run = replay_files(std::slice::from_ref(&path), FlowConfig::default());
    assert_eq!(run.flows.len(), 2, "{:#?}", run.flows);
    for f in &run.flows {
        assert_eq!(f.packets_to_server + f.packets_to_client, a.len() as u64);
    }
    let file = &run.coverage.files[0];
    assert_eq!(file.timestamps_implausible, b.len() as u64);
    assert_eq!(file.clock_steps, 0);
    assert_eq!(
        file.last_seen.map(|t| t.as_nanos()),
        Some(a[a.len() - 1].ts_us * 1000)
    );
}
