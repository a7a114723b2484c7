//! tapaudit-vocab: the words every layer of tapaudit shares, so that no crate maps one
//! enum onto another by hand.
//!
//! - [`Timestamp`]: packet time (nanoseconds since the epoch, UTC) and its RFC 3339 text.
//! - [`IpProto`] (the IP protocol, with `Other(u8)`), [`Transport`] (`tcp`, `udp`, `icmp`:
//!   what vendor documents and rule packs name) and [`ControlProtocol`] (the protocols that
//!   announce dynamic ports: used by the parsers, the rules and the reports alike).
//! - [`LinkType`]: the link layer of a captured frame.
//! - [`coverage`]: what was read (files, or live interfaces with gaps and drops) and how
//!   completely: made by the pipeline, read by the audit and the printers.
//!
//! Plain data with serde; no I/O, no other dependency.

#![forbid(unsafe_code)]

pub mod coverage;
mod link;
mod proto;
mod time;

pub use coverage::{
    CaptureInterface, CaptureStats, Coverage, FileCoverage, FileError, Gap, InterfaceCoverage,
    LiveCoverage, RecordStats,
};
pub use link::LinkType;
pub use proto::{ControlProtocol, IpProto, Transport};
pub use time::{civil_from_days, Timestamp};
