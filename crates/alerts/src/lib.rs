//! tapaudit-alerts: what a live run tells a SIEM and a monitoring system while it runs.
//!
//! - [`events`]: every finding once, the first time it is judged, as JSON lines and as
//!   syslog (RFC 5424), with a stable finding id, the flow's Community ID, rule and citation.
//! - [`metrics`]: Prometheus text-format metrics on a local HTTP port.
//!
//! Used by `tapaudit live` (docs/live.md); pure of capture, so it builds without libpcap.

pub mod events;
pub mod metrics;

pub use events::{community_id, finding_id, Events, FindingEvent, Sink, SyslogTarget};
pub use metrics::{render, serve, MetricsSnapshot, SharedMetrics};
