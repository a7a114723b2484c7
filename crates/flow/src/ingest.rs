//! Frames in: decode, count, and feed the flow table.

use std::collections::BTreeMap;

use serde::Serialize;
use tapaudit_capture::{Frame, LinkType};
use tapaudit_wire::{decode, Decoded, Link};

use crate::table::FlowTable;

/// Capture-level counters: what came in and what could not be decoded.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct CaptureStats {
    pub packets: u64,
    /// Bytes on the wire (original frame lengths).
    pub bytes: u64,
    pub ip_packets: u64,
    /// Frames cut by the snaplen (still decoded and counted).
    pub truncated_by_snaplen: u64,
    /// Decode errors by kind.
    pub decode_errors: BTreeMap<&'static str, u64>,
    /// Non-IP frames by EtherType, as `0x88cc` (0x0000: 802.3 / LLC).
    pub non_ip: BTreeMap<String, u64>,
    /// Decode errors per input (index = the frame's `source`); reported per file instead.
    #[serde(skip)]
    pub decode_errors_by_source: Vec<u64>,
}

/// Frames -> decoded packets -> flow table.
pub struct Ingest {
    pub table: FlowTable,
    pub stats: CaptureStats,
    // EtherType counts kept numerically on the hot path; named when reported.
    non_ip: BTreeMap<u16, u64>,
}

pub fn link_of(l: LinkType) -> Link {
    match l {
        LinkType::Ethernet => Link::Ethernet,
        LinkType::LinuxSll => Link::LinuxSll,
        LinkType::LinuxSll2 => Link::LinuxSll2,
        LinkType::RawIp => Link::RawIp,
        LinkType::Ipv4 => Link::Ipv4,
        LinkType::Ipv6 => Link::Ipv6,
        LinkType::Null => Link::Null,
        LinkType::Loop => Link::Loop,
        LinkType::Other(n) => Link::Unsupported(n),
    }
}

impl Ingest {
    pub fn new(table: FlowTable) -> Self {
        Ingest {
            table,
            stats: CaptureStats::default(),
            non_ip: BTreeMap::new(),
        }
    }

    /// One frame. Allocation-free except when a new error kind or EtherType is first seen.
    pub fn frame(&mut self, frame: &Frame<'_>) {
        self.decoded_frame(frame, decode(link_of(frame.link), frame.data));
    }

    /// One frame already decoded (by [`decode`] on `frame.data`): replay decodes on the
    /// reading thread and hands both to the flow thread.
    pub fn decoded_frame(&mut self, frame: &Frame<'_>, decoded: Decoded<'_>) {
        self.stats.packets += 1;
        self.stats.bytes += u64::from(frame.orig_len);
        if (frame.data.len() as u32) < frame.orig_len {
            self.stats.truncated_by_snaplen += 1;
        }
        match decoded {
            Decoded::Ip(pkt) => {
                self.stats.ip_packets += 1;
                self.table.process(frame.ts, &pkt);
            }
            Decoded::NonIp { ether_type } => *self.non_ip.entry(ether_type).or_insert(0) += 1,
            Decoded::Error(e) => {
                *self.stats.decode_errors.entry(e.kind()).or_insert(0) += 1;
                let by_source = &mut self.stats.decode_errors_by_source;
                if by_source.len() <= frame.source {
                    by_source.resize(frame.source + 1, 0);
                }
                by_source[frame.source] += 1;
            }
        }
    }

    /// The statistics with EtherTypes named.
    pub fn capture_stats(&self) -> CaptureStats {
        let mut s = self.stats.clone();
        s.non_ip = self
            .non_ip
            .iter()
            .map(|(et, n)| (format!("{et:#06x}"), *n))
            .collect();
        s
    }
}
