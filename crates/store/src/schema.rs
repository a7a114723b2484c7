//! The store's schema, created and migrated by tapaudit (`tapaudit store init URL`).
//!
//! Migrations are numbered; `schema_migrations` records the ones applied. `init` applies
//! the missing ones in order and is idempotent: every step either is `IF NOT EXISTS` DDL or
//! checks `system.columns` first (18.16 has no `ADD COLUMN IF NOT EXISTS`), so two sensors
//! running it at once, or a run interrupted half-way, end in the same schema.
//!
//! Layout, for "one plant, a time window" (docs/store.md):
//! - `ReplacingMergeTree`, `ORDER BY (sensor, <time>, record_id)`: a sensor's rows for a
//!   window are one range of the primary index, and a row sent twice (spool, retry, the
//!   same capture ingested again) has the same sorting key, so the engine keeps one of them
//!   (at merges; queries read with `FINAL`).
//! - `PARTITION BY toYYYYMM(<time>)`: a window reads the months it touches, and retention
//!   drops whole months.
//! - Retention: `TTL` on servers that have it (19.6 and later); on older ones (18.16 has no
//!   TTL) [`crate::Store::prune`] drops old partitions and deletes older rows.

use crate::rows::Table;

/// One step of a migration.
#[derive(Clone, Debug)]
pub enum Step {
    /// Idempotent DDL (`CREATE TABLE IF NOT EXISTS ...`); `{db}` is the database.
    Sql(&'static str),
    /// `ALTER TABLE {db}.<table> ADD COLUMN <name> <definition>` unless the column exists.
    AddColumn {
        table: &'static str,
        name: &'static str,
        definition: &'static str,
    },
}

/// A numbered migration.
#[derive(Clone, Debug)]
pub struct Migration {
    pub version: u32,
    pub name: &'static str,
    pub steps: Vec<Step>,
}

/// 18.16 has neither `toString(FixedString)` tricks nor the IPv6 type: these ALIAS columns
/// give hand-written SQL the addresses as text (`10.0.0.1`, `2001:db8::1`) at no storage.
macro_rules! ip_text {
    ($col:literal) => {
        concat!(
            "replaceRegexpOne(IPv6NumToString(",
            $col,
            "), '^::ffff:([0-9.]+)$', '\\\\1')"
        )
    };
}

const FLOWS: &str = concat!(
    "CREATE TABLE IF NOT EXISTS {db}.flows (
    sensor String,
    interface String,
    record_id UInt64,
    batch_id UInt64,
    version UInt64,
    community_id String,
    proto UInt8,
    client FixedString(16),
    client_port Nullable(UInt16),
    server FixedString(16),
    server_port Nullable(UInt16),
    vlan Nullable(UInt16),
    inner_vlan Nullable(UInt16),
    icmp_type Nullable(UInt8),
    first_seen DateTime,
    first_seen_ns UInt32,
    last_seen DateTime,
    last_seen_ns UInt32,
    packets_to_server UInt64,
    packets_to_client UInt64,
    bytes_to_server UInt64,
    bytes_to_client UInt64,
    state Enum8('established' = 1, 'closed' = 2, 'refused' = 3, 'unanswered' = 4, 'blocked' = 5, 'partial' = 6, 'answered' = 7),
    finish Enum8('end-of-input' = 1, 'idle-timeout' = 2, 'closed' = 3, 'evicted' = 4),
    evidence UInt16,
    blocked_icmp_type UInt8,
    blocked_icmp_code UInt8,
    blocked_sender Nullable(FixedString(16)),
    negotiation_protocol String,
    negotiation_method String,
    control_client FixedString(16),
    control_client_port UInt16,
    control_server FixedString(16),
    control_server_port UInt16,
    announced_at DateTime,
    announced_at_ns UInt32,
    inserted_at DateTime DEFAULT now(),
    client_ip String ALIAS ",
    ip_text!("client"),
    ",
    server_ip String ALIAS ",
    ip_text!("server"),
    "
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(first_seen)
ORDER BY (sensor, first_seen, record_id)"
);

const ANNOUNCEMENTS: &str = concat!(
    "CREATE TABLE IF NOT EXISTS {db}.announcements (
    sensor String,
    interface String,
    record_id UInt64,
    batch_id UInt64,
    at DateTime,
    at_ns UInt32,
    protocol String,
    method String,
    control_client FixedString(16),
    control_client_port UInt16,
    control_server FixedString(16),
    control_server_port UInt16,
    target FixedString(16),
    port UInt16,
    transport Enum8('tcp' = 1, 'udp' = 2, 'icmp' = 3),
    connector Nullable(FixedString(16)),
    connector_side Enum8('client' = 1, 'server' = 2),
    program Nullable(UInt32),
    inserted_at DateTime DEFAULT now(),
    target_ip String ALIAS ",
    ip_text!("target"),
    ",
    control_client_ip String ALIAS ",
    ip_text!("control_client"),
    ",
    control_server_ip String ALIAS ",
    ip_text!("control_server"),
    "
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (sensor, at, record_id)"
);

const COVERAGE: &str = "CREATE TABLE IF NOT EXISTS {db}.coverage (
    sensor String,
    kind Enum8('file' = 1, 'interface' = 2),
    source String,
    record_id UInt64,
    batch_id UInt64,
    version UInt64,
    window_start DateTime,
    window_start_ns UInt32,
    window_end DateTime,
    window_end_ns UInt32,
    link_type Nullable(UInt32),
    packets UInt64,
    bytes UInt64,
    dropped_by_kernel UInt64,
    dropped_by_interface UInt64,
    decode_errors UInt64,
    gaps_total UInt64,
    gap_from Array(UInt64),
    gap_to Array(UInt64),
    gap_reason Array(String),
    complete UInt8,
    error String,
    inserted_at DateTime DEFAULT now()
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(window_start)
ORDER BY (sensor, window_start, record_id)";

/// The migrations of this tapaudit, oldest first.
pub fn migrations() -> Vec<Migration> {
    vec![Migration {
        version: 1,
        name: "flows, announcements, coverage",
        steps: vec![
            Step::Sql(FLOWS),
            Step::Sql(ANNOUNCEMENTS),
            Step::Sql(COVERAGE),
        ],
    }]
}

/// The latest schema version this tapaudit knows.
pub fn latest_version() -> u32 {
    migrations().iter().map(|m| m.version).max().unwrap_or(0)
}

pub(crate) const MIGRATIONS_TABLE: &str = "CREATE TABLE IF NOT EXISTS {db}.schema_migrations (
    version UInt32,
    name String,
    applied_at DateTime DEFAULT now()
) ENGINE = MergeTree ORDER BY version";

/// The column a table's retention is counted from.
pub(crate) fn time_column(t: Table) -> &'static str {
    match t {
        Table::Flows => "first_seen",
        Table::Announcements => "at",
        Table::Coverage => "window_start",
    }
}

/// What `init` found and did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaReport {
    /// The server's `version()`.
    pub server_version: String,
    /// Migrations applied by this call (empty: the schema was already current).
    pub applied: Vec<u32>,
    /// The schema version now.
    pub version: u32,
    /// How retention is enforced on this server.
    pub retention: RetentionMode,
}

/// `schema version 2 (applied migrations [1, 2]); server 24.3.1; retention Forever`.
impl std::fmt::Display for SchemaReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let applied = if self.applied.is_empty() {
            "already current".to_string()
        } else {
            format!("applied migrations {:?}", self.applied)
        };
        write!(
            f,
            "schema version {} ({applied}); server {}; retention {:?}",
            self.version, self.server_version, self.retention
        )
    }
}

/// How old rows go away.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetentionMode {
    /// Kept until deleted by hand.
    Forever,
    /// The server's `TTL` (19.6 and later).
    Ttl { days: u32 },
    /// The server has no TTL: [`crate::Store::prune`] enforces it (run it daily).
    Prune { days: u32 },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_lists_the_columns_its_row_type_writes() {
        for (t, ddl) in [
            (Table::Flows, FLOWS),
            (Table::Announcements, ANNOUNCEMENTS),
            (Table::Coverage, COVERAGE),
        ] {
            for c in t.columns() {
                assert!(
                    ddl.contains(&format!("\n    {c} ")),
                    "{}: column {c} not in the DDL",
                    t.name()
                );
            }
        }
    }

    #[test]
    fn migrations_are_numbered_in_order() {
        let m = migrations();
        for (i, m) in m.iter().enumerate() {
            assert_eq!(m.version as usize, i + 1);
        }
        assert_eq!(latest_version(), m.len() as u32);
    }
}
