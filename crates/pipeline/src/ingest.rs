//! Frames in: decode, count, and feed the flow table. The one ingest step of replay and live.

use std::collections::BTreeMap;

use tapaudit_capture::Frame;
use tapaudit_decode::{decode, Decoded, L4};
use tapaudit_flow::FlowTable;
use tapaudit_vocab::{CaptureStats, Timestamp};

/// A look at UDP datagrams beside the flow table, for what the flows do not keep (the names
/// hosts announce: DNS, NetBIOS, DHCP, EtherNet/IP identities; `tapaudit site draft`).
/// Off unless given to [`Ingest::with_observer`]: without one, ingest pays one branch per
/// packet. With one, `wants` is asked for every UDP datagram (keep it a port test) and
/// `datagram` sees only the wanted ones.
pub trait DatagramObserver: Send {
    fn wants(&self, src_port: u16, dst_port: u16) -> bool;
    fn datagram(&mut self, datagram: &Datagram<'_>);
}

/// One UDP datagram, borrowed from the frame.
#[derive(Debug, Clone, Copy)]
pub struct Datagram<'a> {
    pub ts: Timestamp,
    pub src: std::net::IpAddr,
    pub dst: std::net::IpAddr,
    pub src_port: u16,
    pub dst_port: u16,
    pub payload: &'a [u8],
}

/// Frames -> decoded packets -> flow table, with the frame-level counters.
pub struct Ingest {
    pub table: FlowTable,
    packets: u64,
    bytes: u64,
    ip_packets: u64,
    truncated_by_snaplen: u64,
    // Kept by number and static name on the hot path; named when reported.
    decode_errors: BTreeMap<&'static str, u64>,
    non_ip: BTreeMap<u16, u64>,
    /// Decode errors per input (index = the frame's `source`).
    decode_errors_by_source: Vec<u64>,
    observer: Option<Box<dyn DatagramObserver>>,
}

impl Ingest {
    pub fn new(table: FlowTable) -> Self {
        Ingest {
            table,
            packets: 0,
            bytes: 0,
            ip_packets: 0,
            truncated_by_snaplen: 0,
            decode_errors: BTreeMap::new(),
            non_ip: BTreeMap::new(),
            decode_errors_by_source: Vec::new(),
            observer: None,
        }
    }

    /// Ingest that also shows UDP datagrams to `observer`.
    pub fn with_observer(mut self, observer: Option<Box<dyn DatagramObserver>>) -> Self {
        self.observer = observer;
        self
    }

    /// One frame. Allocation-free except when a new error kind or EtherType is first seen.
    pub fn frame(&mut self, frame: &Frame<'_>) {
        self.decoded_frame(frame, decode(frame.link, frame.data));
    }

    /// One frame already decoded (by [`decode`] on `frame.data`): replay decodes on the
    /// reading thread and hands both to the flow thread.
    pub fn decoded_frame(&mut self, frame: &Frame<'_>, decoded: Decoded<'_>) {
        self.packets += 1;
        self.bytes += u64::from(frame.orig_len);
        if (frame.data.len() as u32) < frame.orig_len {
            self.truncated_by_snaplen += 1;
        }
        match decoded {
            Decoded::Ip(pkt) => {
                self.ip_packets += 1;
                if let Some(o) = &mut self.observer {
                    if let L4::Udp {
                        src_port,
                        dst_port,
                        payload,
                    } = pkt.l4
                    {
                        if o.wants(src_port, dst_port) {
                            o.datagram(&Datagram {
                                ts: frame.ts,
                                src: pkt.src,
                                dst: pkt.dst,
                                src_port,
                                dst_port,
                                payload,
                            });
                        }
                    }
                }
                self.table.process(frame.ts, &pkt);
            }
            Decoded::NonIp { ether_type } => *self.non_ip.entry(ether_type).or_insert(0) += 1,
            Decoded::Error(e) => {
                *self.decode_errors.entry(e.kind()).or_insert(0) += 1;
                let by_source = &mut self.decode_errors_by_source;
                if by_source.len() <= frame.source {
                    by_source.resize(frame.source + 1, 0);
                }
                by_source[frame.source] += 1;
            }
        }
    }

    /// Frames of input `source` that could not be decoded.
    pub fn decode_errors_of(&self, source: usize) -> u64 {
        self.decode_errors_by_source
            .get(source)
            .copied()
            .unwrap_or(0)
    }

    /// The frame-level counters, error kinds and EtherTypes named.
    pub fn capture_stats(&self) -> CaptureStats {
        CaptureStats {
            packets: self.packets,
            bytes: self.bytes,
            ip_packets: self.ip_packets,
            truncated_by_snaplen: self.truncated_by_snaplen,
            decode_errors: self
                .decode_errors
                .iter()
                .map(|(k, n)| ((*k).to_string(), *n))
                .collect(),
            non_ip: self
                .non_ip
                .iter()
                .map(|(et, n)| (format!("{et:#06x}"), *n))
                .collect(),
            // Counted where the frames are stamped: by the file readers (replay) and the
            // flow thread's per-interface clocks (live).
            timestamps_implausible: 0,
            clock_steps: 0,
        }
    }
}
