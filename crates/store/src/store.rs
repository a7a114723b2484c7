//! [`Store`]: the schema (init, migrations, retention) and the reads of a central audit.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use std::time::Duration;

use clickhouse::Row;
use serde::Deserialize;
use tapaudit_vocab::Timestamp;

use crate::client::Connection;
use crate::community::CommunityId;
use crate::error::{Result, StoreError};
use crate::rows::{
    AnnouncementRow, CoverageRecord, CoverageRow, Evidence, FlowRow, StoredAnnouncement,
    StoredFlow, Table,
};
use crate::schema::{self, Migration, RetentionMode, SchemaReport, Step};
use crate::url::StoreUrl;

/// A server version, as `version()` says it (`18.16.1`, `24.8.4.13`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ServerVersion {
    pub major: u32,
    pub minor: u32,
    pub patch: u32,
}

impl ServerVersion {
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().split('.').map(|p| p.parse::<u32>().ok());
        Some(ServerVersion {
            major: parts.next()??,
            minor: parts.next()??,
            patch: parts.next().flatten().unwrap_or(0),
        })
    }
    /// MergeTree `TTL` came with 19.6.
    pub fn has_ttl(self) -> bool {
        (self.major, self.minor) >= (19, 6)
    }
}

/// Which rows a read takes: those whose time span overlaps `[since, until)`, of the given
/// sensors (all when empty).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadQuery {
    pub since: Option<Timestamp>,
    pub until: Option<Timestamp>,
    pub sensors: Vec<String>,
}

impl ReadQuery {
    fn overlaps(&self, first: Timestamp, last: Timestamp) -> bool {
        self.since.is_none_or(|s| last >= s) && self.until.is_none_or(|u| first < u)
    }

    /// `AND ...` conditions on whole seconds (the index's resolution; the exact test on
    /// nanoseconds is made on the rows), and the sensor names to bind.
    fn conditions(&self, first: &str, last: &str) -> (String, Vec<&str>) {
        let mut sql = String::new();
        if let Some(u) = self.until {
            sql.push_str(&format!(" AND {first} <= toDateTime({})", clamp_secs(u)));
        }
        if let Some(s) = self.since {
            sql.push_str(&format!(" AND {last} >= toDateTime({})", clamp_secs(s)));
        }
        if !self.sensors.is_empty() {
            let marks = vec!["?"; self.sensors.len()].join(", ");
            sql.push_str(&format!(" AND sensor IN ({marks})"));
        }
        (sql, self.sensors.iter().map(String::as_str).collect())
    }
}

fn clamp_secs(t: Timestamp) -> u64 {
    t.secs().min(u64::from(u32::MAX))
}

/// Row counts and record-id checksums of one table, as stored and after deduplication.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableSummary {
    /// Rows on disk, copies not yet merged away included.
    pub rows_stored: u64,
    /// Distinct records (`FINAL`).
    pub records: u64,
    /// Wrapping sum and XOR of the distinct record ids.
    pub id_sum: u64,
    pub id_xor: u64,
}

/// What [`Store::prune`] removed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PruneReport {
    /// `table:partition` of every dropped partition.
    pub dropped_partitions: Vec<String>,
    /// Tables where older rows were deleted within a partition (a mutation).
    pub deleted_from: Vec<&'static str>,
}

/// A store: schema management and reads. Blocking (it runs its own small runtime).
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Requests time out after `timeout`. Does not contact the server.
    pub fn connect(url: &StoreUrl, timeout: Duration) -> Result<Self> {
        Ok(Store {
            conn: Connection::new(url, timeout)?,
        })
    }

    pub fn url(&self) -> &StoreUrl {
        self.conn.url()
    }

    pub fn server_version(&self) -> Result<(String, ServerVersion)> {
        #[derive(Row, Deserialize)]
        struct V {
            v: String,
        }
        let rows: Vec<V> = self.conn.fetch_all_on_server("SELECT version() AS v")?;
        let text = rows.into_iter().next().map(|r| r.v).unwrap_or_default();
        let parsed = ServerVersion::parse(&text).ok_or_else(|| StoreError::Schema {
            url: self.conn.shown().to_string(),
            why: format!("cannot read the server version {text:?}"),
        })?;
        Ok((text, parsed))
    }

    /// Creates the database and tables, or brings them to the latest schema; idempotent.
    /// `retention_days`: rows older than that go (None: kept).
    pub fn init(&self, retention_days: Option<u32>) -> Result<SchemaReport> {
        self.init_with(&schema::migrations(), retention_days)
    }

    #[doc(hidden)]
    /// `init` with another list of migrations (tests of the mechanism).
    pub fn init_with(
        &self,
        migrations: &[Migration],
        retention_days: Option<u32>,
    ) -> Result<SchemaReport> {
        let (server_version, version) = self.server_version()?;
        self.conn
            .execute_on_server("CREATE DATABASE IF NOT EXISTS {db}")?;
        self.conn.execute(schema::MIGRATIONS_TABLE)?;
        let done = self.applied_migrations()?;
        let known = migrations.iter().map(|m| m.version).max().unwrap_or(0);
        if let Some(&newest) = done.iter().next_back() {
            if newest > known {
                return Err(StoreError::Schema {
                    url: self.conn.shown().to_string(),
                    why: format!(
                        "the store's schema is version {newest}, newer than this tapaudit's \
                         {known}: upgrade tapaudit"
                    ),
                });
            }
        }
        let mut applied = Vec::new();
        for m in migrations.iter().filter(|m| !done.contains(&m.version)) {
            for step in &m.steps {
                self.apply(step)?;
            }
            self.conn.execute(&format!(
                "INSERT INTO {{db}}.schema_migrations (version, name) VALUES ({}, '{}')",
                m.version,
                m.name.replace(['\'', '\\'], "")
            ))?;
            applied.push(m.version);
        }
        let retention = match retention_days {
            None => RetentionMode::Forever,
            Some(days) if version.has_ttl() => {
                for t in Table::ALL {
                    self.conn.execute(&format!(
                        "ALTER TABLE {{db}}.{} MODIFY TTL {} + INTERVAL {days} DAY",
                        t.name(),
                        schema::time_column(t)
                    ))?;
                }
                RetentionMode::Ttl { days }
            }
            Some(days) => RetentionMode::Prune { days },
        };
        Ok(SchemaReport {
            server_version,
            applied,
            version: known.max(done.iter().next_back().copied().unwrap_or(0)),
            retention,
        })
    }

    /// The schema versions recorded as applied.
    pub fn applied_migrations(&self) -> Result<BTreeSet<u32>> {
        #[derive(Row, Deserialize)]
        struct V {
            version: u32,
        }
        let rows: Vec<V> = self
            .conn
            .fetch_all("SELECT version FROM {db}.schema_migrations", &[])?;
        Ok(rows.into_iter().map(|r| r.version).collect())
    }

    /// Fails unless the schema is this tapaudit's latest (writers and readers check first).
    pub fn check_schema(&self) -> Result<u32> {
        let done = self.applied_migrations().map_err(|e| match e {
            StoreError::Server { url, message } => StoreError::Schema {
                url,
                why: format!("no tapaudit schema ({message}); run `tapaudit store init`"),
            },
            e => e,
        })?;
        let latest = schema::latest_version();
        let missing: Vec<u32> = (1..=latest).filter(|v| !done.contains(v)).collect();
        if !missing.is_empty() {
            return Err(StoreError::Schema {
                url: self.conn.shown().to_string(),
                why: format!(
                    "migrations {missing:?} not applied; run `tapaudit store init` to apply them"
                ),
            });
        }
        Ok(latest)
    }

    fn apply(&self, step: &Step) -> Result<()> {
        match step {
            Step::Sql(sql) => self.conn.execute(sql),
            Step::AddColumn {
                table,
                name,
                definition,
            } => {
                #[derive(Row, Deserialize)]
                struct N {
                    n: u64,
                }
                let found: Vec<N> = self.conn.fetch_all(
                    "SELECT count() AS n FROM system.columns \
                     WHERE database = ? AND table = ? AND name = ?",
                    &[self.conn.url().database(), table, name],
                )?;
                if found.first().is_none_or(|r| r.n == 0) {
                    self.conn.execute(&format!(
                        "ALTER TABLE {{db}}.{table} ADD COLUMN {name} {definition}"
                    ))?;
                }
                Ok(())
            }
        }
    }

    /// Retention on servers without TTL: drops every partition whose rows are all older
    /// than `now - days`, then deletes the older rows of the partitions left (a mutation,
    /// which the server runs in the background).
    pub fn prune(&self, days: u32, now: Timestamp) -> Result<PruneReport> {
        let cutoff = now
            .secs()
            .saturating_sub(u64::from(days) * 86_400)
            .min(u64::from(u32::MAX));
        let mut report = PruneReport::default();
        #[derive(Row, Deserialize)]
        struct Part {
            partition: String,
            newest: u32,
        }
        #[derive(Row, Deserialize)]
        struct N {
            n: u64,
        }
        for t in Table::ALL {
            let parts: Vec<Part> = self.conn.fetch_all(
                "SELECT partition, toUInt32(max(max_time)) AS newest FROM system.parts \
                 WHERE database = ? AND table = ? AND active GROUP BY partition",
                &[self.conn.url().database(), t.name()],
            )?;
            for p in parts {
                // Partitions are toYYYYMM values: digits only, safe to write into SQL.
                if u64::from(p.newest) < cutoff && p.partition.bytes().all(|b| b.is_ascii_digit()) {
                    self.conn.execute(&format!(
                        "ALTER TABLE {{db}}.{} DROP PARTITION {}",
                        t.name(),
                        p.partition
                    ))?;
                    report
                        .dropped_partitions
                        .push(format!("{}:{}", t.name(), p.partition));
                }
            }
            let column = schema::time_column(t);
            let older: Vec<N> = self.conn.fetch_all(
                &format!(
                    "SELECT count() AS n FROM {{db}}.{} WHERE {column} < toDateTime({cutoff})",
                    t.name()
                ),
                &[],
            )?;
            if older.first().is_some_and(|r| r.n > 0) {
                self.conn.execute(&format!(
                    "ALTER TABLE {{db}}.{} DELETE WHERE {column} < toDateTime({cutoff})",
                    t.name()
                ))?;
                report.deleted_from.push(t.name());
            }
        }
        Ok(report)
    }

    /// Flow records of the window and sensors, one per record id (`FINAL`).
    pub fn read_flows(&self, q: &ReadQuery) -> Result<Vec<StoredFlow>> {
        let (cond, binds) = q.conditions("first_seen", "last_seen");
        // Room for every row at once (the count without FINAL is an upper bound): a list
        // grown by doubling would hold up to twice the records while it grows.
        #[derive(Row, Deserialize)]
        struct N {
            n: u64,
        }
        let upper: Vec<N> = self.conn.fetch_all(
            &format!("SELECT count() AS n FROM {{db}}.flows WHERE 1 = 1{cond}"),
            &binds,
        )?;
        let room = upper.first().map_or(0, |n| n.n).min(1 << 28) as usize;
        let sql = format!("SELECT ?fields FROM {{db}}.flows FINAL WHERE 1 = 1{cond}");
        let mut names = Interner::default();
        let url = self.conn.shown().to_string();
        let (flows, bad) = self.conn.fetch_each(
            &sql,
            &binds,
            (Vec::with_capacity(room), None),
            |(flows, bad): &mut (Vec<StoredFlow>, Option<StoreError>), row: FlowRow| {
                if bad.is_some() {
                    return;
                }
                match stored_flow(&mut names, &row) {
                    Ok(f) if q.overlaps(f.flow.first_seen, f.flow.last_seen) => flows.push(f),
                    Ok(_) => {}
                    Err(why) => {
                        *bad = Some(StoreError::BadRow {
                            url: url.clone(),
                            table: "flows",
                            record_id: row.record_id,
                            why,
                        })
                    }
                }
            },
        )?;
        match bad {
            Some(e) => Err(e),
            None => Ok(flows),
        }
    }

    /// Announcements of the window and sensors, one per record id.
    pub fn read_announcements(&self, q: &ReadQuery) -> Result<Vec<StoredAnnouncement>> {
        let (cond, binds) = q.conditions("at", "at");
        let sql = format!("SELECT ?fields FROM {{db}}.announcements FINAL WHERE 1 = 1{cond}");
        let rows: Vec<AnnouncementRow> = self.conn.fetch_all(&sql, &binds)?;
        let mut names = Interner::default();
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let announcement = row.to_record().map_err(|why| StoreError::BadRow {
                url: self.conn.shown().to_string(),
                table: "announcements",
                record_id: row.record_id,
                why,
            })?;
            let at = announcement.negotiation.announced_at;
            if q.overlaps(at, at) {
                out.push(StoredAnnouncement {
                    sensor: names.get(&row.sensor),
                    interface: names.get(&row.interface),
                    record_id: row.record_id,
                    announcement,
                });
            }
        }
        Ok(out)
    }

    /// Coverage rows of the window and sensors, one per record id (the latest of a live
    /// run's rows).
    pub fn read_coverage(&self, q: &ReadQuery) -> Result<Vec<CoverageRecord>> {
        let (cond, binds) = q.conditions("window_start", "window_end");
        let sql = format!("SELECT ?fields FROM {{db}}.coverage FINAL WHERE 1 = 1{cond}");
        let rows: Vec<CoverageRow> = self.conn.fetch_all(&sql, &binds)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let c = row.to_record().map_err(|why| StoreError::BadRow {
                url: self.conn.shown().to_string(),
                table: "coverage",
                record_id: row.record_id,
                why,
            })?;
            if q.overlaps(c.window_start, c.window_end) {
                out.push(c);
            }
        }
        out.sort_by(|a, b| {
            (&a.sensor, a.window_start, &a.source).cmp(&(&b.sensor, b.window_start, &b.source))
        });
        Ok(out)
    }

    /// Counts and record-id checksums of a table (tests, `tapaudit store status`).
    pub fn summary(&self, table: Table) -> Result<TableSummary> {
        #[derive(Row, Deserialize)]
        struct S {
            records: u64,
            id_sum: u64,
            id_xor: u64,
        }
        #[derive(Row, Deserialize)]
        struct N {
            n: u64,
        }
        let stored: Vec<N> = self.conn.fetch_all(
            &format!("SELECT count() AS n FROM {{db}}.{}", table.name()),
            &[],
        )?;
        let s: Vec<S> = self.conn.fetch_all(
            &format!(
                "SELECT count() AS records, sum(record_id) AS id_sum, \
                 groupBitXor(record_id) AS id_xor FROM {{db}}.{} FINAL",
                table.name()
            ),
            &[],
        )?;
        let s = s.into_iter().next();
        Ok(TableSummary {
            rows_stored: stored.first().map_or(0, |n| n.n),
            records: s.as_ref().map_or(0, |s| s.records),
            id_sum: s.as_ref().map_or(0, |s| s.id_sum),
            id_xor: s.as_ref().map_or(0, |s| s.id_xor),
        })
    }

    /// Runs a statement (tests and tools; `{db}` is the database).
    #[doc(hidden)]
    pub fn execute(&self, sql: &str) -> Result<()> {
        self.conn.execute(sql)
    }
}

/// One `Arc<str>` per distinct sensor or interface name: millions of records, a few names.
#[derive(Default)]
struct Interner(HashMap<String, Arc<str>>);

impl Interner {
    fn get(&mut self, name: &str) -> Arc<str> {
        if let Some(a) = self.0.get(name) {
            return a.clone();
        }
        let a: Arc<str> = Arc::from(name);
        self.0.insert(name.to_string(), a.clone());
        a
    }
}

fn stored_flow(names: &mut Interner, row: &FlowRow) -> std::result::Result<StoredFlow, String> {
    Ok(StoredFlow {
        sensor: names.get(&row.sensor),
        interface: names.get(&row.interface),
        record_id: row.record_id,
        community_id: if row.community_id.is_empty() {
            None
        } else {
            Some(row.community_id.parse::<CommunityId>()?)
        },
        evidence: Evidence(row.evidence).table_flags(),
        flow: row.to_record()?,
    })
}
