//! tapaudit-capture: the only crate that reads capture files or opens live interfaces.
//!
//! It yields raw [`Frame`]s (timestamp, link type, lengths, bytes) and nothing more:
//! decoding belongs to `tapaudit-wire`.
//!
//! Promises:
//! - Files are read zero-copy from a memory map (or, for `.gz`, from one decompressed buffer);
//!   a frame borrows its bytes from the [`CaptureFile`] it came from.
//! - Classic pcap (both byte orders, micro- and nanosecond) and pcapng (any number of
//!   sections and interfaces, each with its own link type and time resolution).
//! - A damaged file never panics: the reader stops with a [`CaptureError`] that names the
//!   file, the record number and the byte offset, after yielding every frame before it.
//! - Several files are merged in timestamp order by [`MergedReader`].

// Exceptions, all in file.rs and measured there: the memory map, releasing its pages behind
// the reader, and asking the CPU to prefetch the bytes ahead of it.
#![deny(unsafe_code)]

mod error;
mod file;
pub mod live;
mod merge;

pub use error::{CaptureError, ErrorKind};
pub use file::{CaptureFile, FileFormat, FileReader};
pub use merge::{FileSummary, MergedReader};

/// Largest captured length we accept for one record. Real links carry at most 64 KiB
/// (256 KiB with some offload captures); anything above is a corrupt length field.
pub const MAX_RECORD_LEN: u32 = 256 * 1024;

/// Nanoseconds since the Unix epoch, UTC. Packet time drives everything downstream.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub u64);

impl Timestamp {
    pub const NANOS_PER_SEC: u64 = 1_000_000_000;

    pub fn from_secs_nanos(secs: u64, nanos: u64) -> Self {
        Timestamp(
            secs.saturating_mul(Self::NANOS_PER_SEC)
                .saturating_add(nanos),
        )
    }
    pub fn secs(self) -> u64 {
        self.0 / Self::NANOS_PER_SEC
    }
    pub fn subsec_nanos(self) -> u32 {
        (self.0 % Self::NANOS_PER_SEC) as u32
    }
    pub fn as_nanos(self) -> u64 {
        self.0
    }
    pub fn saturating_sub(self, other: Timestamp) -> u64 {
        self.0.saturating_sub(other.0)
    }
    /// RFC 3339, UTC, microseconds: `2026-03-02T08:00:00.123456Z`.
    pub fn to_rfc3339_micros(self) -> String {
        let t = std::time::UNIX_EPOCH + std::time::Duration::from_nanos(self.0);
        humantime::format_rfc3339_micros(t).to_string()
    }
}

/// Link-layer type of a frame (the pcap LINKTYPE_ values we decode, and the rest by number).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkType {
    /// LINKTYPE_NULL (0): BSD loopback, 4-byte address family in the writer's byte order.
    Null,
    /// LINKTYPE_ETHERNET (1).
    Ethernet,
    /// LINKTYPE_RAW (101) and DLT_RAW (12/14): a bare IPv4 or IPv6 packet.
    RawIp,
    /// LINKTYPE_LOOP (108): OpenBSD loopback, address family in network byte order.
    Loop,
    /// LINKTYPE_LINUX_SLL (113).
    LinuxSll,
    /// LINKTYPE_IPV4 (228).
    Ipv4,
    /// LINKTYPE_IPV6 (229).
    Ipv6,
    /// LINKTYPE_LINUX_SLL2 (276).
    LinuxSll2,
    /// Anything else, by its LINKTYPE_ number.
    Other(u32),
}

impl LinkType {
    pub fn from_linktype(value: i32) -> Self {
        match value {
            0 => LinkType::Null,
            1 => LinkType::Ethernet,
            12 | 14 | 101 => LinkType::RawIp,
            108 => LinkType::Loop,
            113 => LinkType::LinuxSll,
            228 => LinkType::Ipv4,
            229 => LinkType::Ipv6,
            276 => LinkType::LinuxSll2,
            other => LinkType::Other(other as u32),
        }
    }
    pub fn number(self) -> u32 {
        match self {
            LinkType::Null => 0,
            LinkType::Ethernet => 1,
            LinkType::RawIp => 101,
            LinkType::Loop => 108,
            LinkType::LinuxSll => 113,
            LinkType::Ipv4 => 228,
            LinkType::Ipv6 => 229,
            LinkType::LinuxSll2 => 276,
            LinkType::Other(n) => n,
        }
    }
}

/// One captured frame, borrowed from its file (or from a live capture's buffer).
#[derive(Clone, Copy, Debug)]
pub struct Frame<'a> {
    pub ts: Timestamp,
    pub link: LinkType,
    /// Length on the wire; larger than `data.len()` when the snaplen cut the frame.
    pub orig_len: u32,
    pub data: &'a [u8],
    /// 1-based record number in its file (as tshark counts frames).
    pub number: u64,
    /// Which input it came from (index into the list given to [`MergedReader`]).
    pub source: usize,
}
