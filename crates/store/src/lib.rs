//! tapaudit-store: the plant's flow store in ClickHouse.
//!
//! Each sensor streams what it saw, finished flow records, the announcements of its
//! control connections and its capture coverage, through a [`Writer`]; a central audit
//! reads a time window of every sensor back through a [`Store`] and [`merge`]s it into one
//! plant-wide list of flows, judged like an offline audit of all the packets.
//!
//! Promises:
//! - **Every record once.** Rows carry a record id derived from the sensor, the interface
//!   and what identifies the record (for a flow: its key and first packet time), under a
//!   `ReplacingMergeTree` key that contains it: a batch sent twice, or a capture ingested
//!   twice, is stored once. Reads deduplicate with `FINAL`.
//! - **Nothing lost while the store is away**, within a bound: sealed batches the server
//!   has not acknowledged are kept in an on-disk spool (append-only, checksummed, bounded
//!   and counted) and sent in order when it is back. A crash loses at most the batch in
//!   flight and the rows not yet sealed (one second or `batch_rows`), and the next start
//!   reports what the spool holds ([`SpoolReport`]).
//! - **Never in the caller's way.** The writer's network I/O runs on its own thread;
//!   errors are typed ([`StoreError`]) and name the store URL (never its password) or the
//!   spool file. No panic when the server is down.
//! - **Old and new servers.** Types and formats are those Debian's ClickHouse 18.16 and
//!   current servers both accept (docs/store.md lists what was tested).
//! - **The merge is pure** ([`merge`]): no server, same input in any order gives the same
//!   flows, so it can be tested against an offline audit of the same packets.

#![forbid(unsafe_code)]

pub mod central;
mod client;
mod community;
mod error;
pub mod live;
mod merge;
mod rowbinary;
mod rows;
pub mod schema;
mod spool;
mod store;
#[cfg(feature = "test-server")]
pub mod test_server;
mod url;
mod writer;

pub use community::CommunityId;
pub use error::{Result, StoreError};
pub use merge::{merge, Credit, MergeConfig, MergeStats, Merged, MergedFlow, Sighting};
pub use rows::{
    flow_record_id, state_from, AnnouncementRecord, CoverageRecord, Evidence, SourceKind,
    StoredAnnouncement, StoredFlow, Table,
};
pub use schema::{RetentionMode, SchemaReport};
pub use spool::SpoolReport;
pub use store::{PruneReport, ReadQuery, ServerVersion, Store, TableSummary};
pub use url::StoreUrl;
pub use writer::{TableCounts, Writer, WriterConfig, WriterStats};
