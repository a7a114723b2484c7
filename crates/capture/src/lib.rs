//! tapaudit-capture: the only crate that reads capture files or opens live interfaces
//! (live interfaces through libpcap, with the `live` feature only).
//!
//! It yields raw [`Frame`]s (timestamp, link type, lengths, bytes) and nothing more:
//! decoding belongs to `tapaudit-decode`.
//!
//! Promises:
//! - Files are read zero-copy from a memory map (or, for `.gz`, from one decompressed buffer);
//!   a frame borrows its bytes from the [`CaptureFile`] it came from.
//! - Classic pcap (both byte orders, micro- and nanosecond) and pcapng (any number of
//!   sections and interfaces, each with its own link type and time resolution).
//! - A damaged file never panics: the reader stops with a [`CaptureError`] that names the
//!   file, the record number and the byte offset, after yielding every frame before it.
//! - Several files are merged in timestamp order by [`MergedReader`].
//! - A frame's timestamp is its record's, unless that is implausible for its file (decades
//!   ahead, an hour back): then it is the file's clock time, and the record is counted
//!   ([`clock`], docs/flows.md). Live captures apply the same rule per interface.

// Exceptions, all in file/mod.rs and measured there: the memory map, releasing its pages behind
// the reader, and asking the CPU to prefetch the bytes ahead of it.
#![deny(unsafe_code)]

pub mod clock;
pub mod digest;
mod error;
mod file;
#[cfg(feature = "live")]
pub mod live;
mod merge;

pub use clock::PlausibleClock;
pub use error::{CaptureError, ErrorKind};
pub use file::{CaptureFile, FileFormat, FileReader};
pub use merge::{FileSummary, MergedReader};
use tapaudit_vocab::{LinkType, Timestamp};

/// Largest captured length we accept for one record. Real links carry at most 64 KiB
/// (256 KiB with some offload captures); anything above is a corrupt length field.
pub const MAX_RECORD_LEN: u32 = 256 * 1024;

/// One captured frame, borrowed from its file (or from a live capture's buffer).
#[derive(Clone, Copy, Debug)]
pub struct Frame<'a> {
    /// Packet time: the record's timestamp, or its input's clock time when the record's is
    /// implausible ([`clock`]).
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
