//! tapaudit-alerts: what a live run tells a SIEM and a monitoring system while it runs.
//!
//! - [`events`]: every finding once, the first time it is judged, as JSON lines and as
//!   syslog (RFC 5424), with a stable finding id, the flow's Community ID, rule and citation.
//! - [`metrics`]: Prometheus text-format metrics, to a file (node_exporter's textfile
//!   collector) and on a local HTTP port.
//! - [`live`]: what `tapaudit live` does at each report with both, and its log lines.
//!
//! Used by `tapaudit live` (docs/live.md); pure of capture, so it builds without libpcap.
//! Bounded memory: the ids of findings sent ([`events::MAX_TRACKED`]) and one metrics
//! snapshot.

#![forbid(unsafe_code)]

pub mod events;
pub mod live;
pub mod metrics;

pub use events::{community_id, finding_id, Events, FindingEvent, Sink, SyslogTarget};
pub use live::{AlertsConfig, LiveAlerts, Published, StartError};
pub use metrics::{render, serve, write_textfile, MetricsSnapshot, SharedMetrics};
