//! tapaudit-flow: decoded packets in, finished flows out.
//!
//! It owns the flow table (direction-free key, who initiated, TCP state, per-direction
//! counters, timeouts, eviction), IP fragment bookkeeping, and the dynamic-port machinery:
//! control connections (FTP, ONC RPC portmapper, DCE-RPC endpoint mapper) are fed to the
//! `tapaudit-dynports` parsers, whose announcements become [`Expectations`] that mark the
//! next matching flow as negotiated.
//!
//! Promises:
//! - Time is packet time: replaying the same capture gives the same flows, always.
//! - Memory is bounded: `max_flows` flows, `max_expectations` expectations, 65,536
//!   pending fragmented datagrams; whatever is finished early or dropped is counted.
//! - No per-packet allocation on the hot path (decode -> key -> lookup -> update).
//! - No payload bytes are kept beyond the parsers' bounded buffers; no secrets are stored.

#![forbid(unsafe_code)]

mod control;
mod expect;
mod flowmap;
mod frag;
mod key;
mod record;
mod store;
mod table;
pub mod text;

pub use control::{ControlStats, ControlStatsByProtocol};
pub use expect::{ExpectationStats, Expectations};
pub use flowmap::{drain_shrinking, Drain};
pub use key::{Addr, Endpoint, FlowKey};
pub use record::{
    serialize_flow_fields, sort_in_flow_order, FinishReason, FlowRecord, Negotiation, State,
};
pub use store::FinishedStore;
pub use table::{
    client_by_ports, FlowConfig, FlowStats, FlowTable, LoggedAnnouncement, ServerControlPort,
};

#[cfg(test)]
mod tests;
