//! Classic pcap output (microsecond timestamps, Ethernet link type) and the hot-path frame
//! emitters: a header template built once with etherparse, copied and patched per packet.

use std::io::{self, Write};

use crate::frame::Tpl;

/// 2026-03-02T08:00:00Z: every capture starts here, so timestamps are reproducible.
pub(crate) const EPOCH_SECS: u64 = 1_772_438_400;

/// Flush to the writer once this much is buffered: few, large `write` calls.
const FLUSH_AT: usize = 4 << 20;

/// Minimum Ethernet frame without FCS. A tap sees short frames padded to this size.
const MIN_FRAME: usize = 60;

pub(crate) const TCP_FIN: u8 = 0x01;
pub(crate) const TCP_SYN: u8 = 0x02;
pub(crate) const TCP_RST: u8 = 0x04;
pub(crate) const TCP_PSH: u8 = 0x08;
pub(crate) const TCP_ACK: u8 = 0x10;

pub(crate) struct Pcap<'w> {
    w: &'w mut dyn Write,
    buf: Vec<u8>,
    pub(crate) packets: u64,
    pub(crate) bytes: u64,
    /// Where the last frame sits in `buf` (valid until the next emit).
    last: (usize, usize),
}

impl<'w> Pcap<'w> {
    pub(crate) fn new(w: &'w mut dyn Write) -> Self {
        let mut buf = Vec::with_capacity(FLUSH_AT + 70_000);
        buf.extend_from_slice(&0xa1b2_c3d4u32.to_le_bytes());
        buf.extend_from_slice(&2u16.to_le_bytes());
        buf.extend_from_slice(&4u16.to_le_bytes());
        buf.extend_from_slice(&0i32.to_le_bytes()); // thiszone
        buf.extend_from_slice(&0u32.to_le_bytes()); // sigfigs
        buf.extend_from_slice(&65_535u32.to_le_bytes()); // snaplen
        buf.extend_from_slice(&1u32.to_le_bytes()); // LINKTYPE_ETHERNET
        let bytes = buf.len() as u64;
        Pcap {
            w,
            buf,
            packets: 0,
            bytes,
            last: (0, 0),
        }
    }

    /// Starts a record: reserves the 16-byte record header and returns the frame's offset.
    fn begin(&mut self, ts_us: u64) -> usize {
        let secs = EPOCH_SECS + ts_us / 1_000_000;
        let usecs = ts_us % 1_000_000;
        // pcap's classic format has 32-bit seconds: fine until 2106.
        self.buf.extend_from_slice(&(secs as u32).to_le_bytes());
        self.buf.extend_from_slice(&(usecs as u32).to_le_bytes());
        self.buf.extend_from_slice(&[0u8; 8]);
        self.buf.len()
    }

    /// Pads the frame, fills the record lengths, counts it and flushes when the buffer is full.
    fn end(&mut self, start: usize) -> io::Result<()> {
        let mut len = self.buf.len() - start;
        if len < MIN_FRAME {
            self.buf.resize(start + MIN_FRAME, 0);
            len = MIN_FRAME;
        }
        let l = (len as u32).to_le_bytes();
        self.buf[start - 8..start - 4].copy_from_slice(&l);
        self.buf[start - 4..start].copy_from_slice(&l);
        self.packets += 1;
        self.bytes += 16 + len as u64;
        self.last = (start, start + len);
        Ok(())
    }

    /// The bytes of the frame emitted last (for quoting it in an ICMP error).
    pub(crate) fn last_frame(&self) -> &[u8] {
        self.buf.get(self.last.0..self.last.1).unwrap_or(&[])
    }

    /// Flushes when the buffer is full. Called between packets, never inside one, so
    /// `last_frame` stays valid for the packet just written.
    pub(crate) fn maybe_flush(&mut self) -> io::Result<()> {
        if self.buf.len() >= FLUSH_AT {
            self.w.write_all(&self.buf)?;
            self.buf.clear();
            self.last = (0, 0);
        }
        Ok(())
    }

    pub(crate) fn finish(&mut self) -> io::Result<()> {
        self.w.write_all(&self.buf)?;
        self.buf.clear();
        self.w.flush()
    }

    /// A complete prebuilt frame (cold path: ARP, DNS, ICMP, LLDP, ...).
    pub(crate) fn frame(&mut self, ts_us: u64, frame: &[u8]) -> io::Result<()> {
        let start = self.begin(ts_us);
        self.buf.extend_from_slice(frame);
        self.end(start)
    }

    /// A TCP segment from a template: patches IP length/id/checksum and TCP seq/ack/flags/
    /// window/checksum. The payload is the concatenation of `parts`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn tcp(
        &mut self,
        ts_us: u64,
        tpl: &Tpl,
        ip_id: u16,
        seq: u32,
        ack: u32,
        flags: u8,
        window: u16,
        parts: &[&[u8]],
    ) -> io::Result<()> {
        let start = self.begin(ts_us);
        self.buf.extend_from_slice(&tpl.bytes);
        for p in parts {
            self.buf.extend_from_slice(p);
        }
        let f = &mut self.buf[start..];
        let ip = tpl.ip_off;
        let l4 = tpl.l4_off;
        let l4_len = f.len() - l4;
        patch_ipv4(f, ip, l4_len, ip_id);
        f[l4 + 4..l4 + 8].copy_from_slice(&seq.to_be_bytes());
        let ack = if flags & TCP_ACK != 0 { ack } else { 0 };
        f[l4 + 8..l4 + 12].copy_from_slice(&ack.to_be_bytes());
        f[l4 + 13] = flags;
        f[l4 + 14..l4 + 16].copy_from_slice(&window.to_be_bytes());
        f[l4 + 16..l4 + 18].copy_from_slice(&[0, 0]);
        let sum = fold(tpl.pseudo + l4_len as u64 + sum_be(&f[l4..]));
        f[l4 + 16..l4 + 18].copy_from_slice(&(!sum).to_be_bytes());
        self.end(start)
    }

    /// A UDP datagram from a template (the CIP I/O hot path).
    pub(crate) fn udp(
        &mut self,
        ts_us: u64,
        tpl: &Tpl,
        ip_id: u16,
        parts: &[&[u8]],
    ) -> io::Result<()> {
        let start = self.begin(ts_us);
        self.buf.extend_from_slice(&tpl.bytes);
        for p in parts {
            self.buf.extend_from_slice(p);
        }
        let f = &mut self.buf[start..];
        let ip = tpl.ip_off;
        let l4 = tpl.l4_off;
        let l4_len = f.len() - l4;
        patch_ipv4(f, ip, l4_len, ip_id);
        f[l4 + 4..l4 + 6].copy_from_slice(&(l4_len as u16).to_be_bytes());
        f[l4 + 6..l4 + 8].copy_from_slice(&[0, 0]);
        let mut sum = !fold(tpl.pseudo + l4_len as u64 + sum_be(&f[l4..]));
        if sum == 0 {
            sum = 0xffff; // RFC 768: a computed zero is sent as all ones
        }
        f[l4 + 6..l4 + 8].copy_from_slice(&sum.to_be_bytes());
        self.end(start)
    }
}

/// Sets total length, identification and header checksum of the IPv4 header at `ip`.
fn patch_ipv4(f: &mut [u8], ip: usize, l4_len: usize, ip_id: u16) {
    let total = (20 + l4_len) as u16;
    f[ip + 2..ip + 4].copy_from_slice(&total.to_be_bytes());
    f[ip + 4..ip + 6].copy_from_slice(&ip_id.to_be_bytes());
    f[ip + 10..ip + 12].copy_from_slice(&[0, 0]);
    let sum = !fold(sum_be(&f[ip..ip + 20]));
    f[ip + 10..ip + 12].copy_from_slice(&sum.to_be_bytes());
}

/// Ones' complement sum of big-endian 16-bit words (odd tail padded with zero), unfolded.
/// Summing 32-bit words into a u64 gives the same folded result and vectorises well.
pub(crate) fn sum_be(data: &[u8]) -> u64 {
    let mut chunks = data.chunks_exact(4);
    let mut s: u64 = 0;
    for c in &mut chunks {
        s += u32::from_be_bytes([c[0], c[1], c[2], c[3]]) as u64;
    }
    match *chunks.remainder() {
        [a] => s += (a as u64) << 8,
        [a, b] => s += u16::from_be_bytes([a, b]) as u64,
        [a, b, c] => s += u16::from_be_bytes([a, b]) as u64 + ((c as u64) << 8),
        _ => {}
    }
    s
}

pub(crate) fn fold(mut s: u64) -> u16 {
    while s >> 16 != 0 {
        s = (s & 0xffff) + (s >> 16);
    }
    s as u16
}
