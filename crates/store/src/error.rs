//! Typed errors: every one names the store (its URL, without the password) or the spool
//! file it is about.

use std::path::PathBuf;
use std::time::Duration;

/// What went wrong talking to the store or keeping the spool.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The store URL could not be understood.
    #[error(
        "store URL {url:?}: {why} (expected clickhouse://[user[:password]@]host:port/database)"
    )]
    BadUrl { url: String, why: String },
    /// No answer: connection refused, reset, DNS, ...
    #[error("store {url}: unreachable: {reason}")]
    Unreachable { url: String, reason: String },
    /// The server took longer than the request timeout.
    #[error("store {url}: no answer within {after:?}")]
    Timeout { url: String, after: Duration },
    /// The server answered with an error (ClickHouse's exception text).
    #[error("store {url}: server error: {message}")]
    Server { url: String, message: String },
    /// A stored value that tapaudit cannot turn back into its own types.
    #[error("store {url}: table {table}, record {record_id:#018x}: {why}")]
    BadRow {
        url: String,
        table: &'static str,
        record_id: u64,
        why: String,
    },
    /// The store's schema is not one this tapaudit can use.
    #[error("store {url}: schema: {why}")]
    Schema { url: String, why: String },
    /// Reading or writing the spool.
    #[error("spool {path}: {source}")]
    Spool {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Another writer (a running sensor or ingest) holds the spool directory.
    #[error(
        "spool {path}: in use by another tapaudit (locked); each sensor needs its own --spool"
    )]
    SpoolLocked { path: PathBuf },
    /// Encoding a batch (a value RowBinary cannot carry).
    #[error("encoding a {table} batch: {why}")]
    Encode { table: &'static str, why: String },
    /// The writer's threads are gone (they ended or panicked).
    #[error("store writer for {url}: stopped")]
    WriterStopped { url: String },
    /// The internal runtime could not be started.
    #[error("starting the store client's runtime: {0}")]
    Runtime(#[source] std::io::Error),
}

impl StoreError {
    /// True when the server could not be reached or did not answer in time: the batch is
    /// worth sending again later, unchanged.
    pub fn is_unavailable(&self) -> bool {
        matches!(
            self,
            StoreError::Unreachable { .. } | StoreError::Timeout { .. }
        )
    }

    pub(crate) fn from_client(url: &str, e: clickhouse::error::Error) -> Self {
        use clickhouse::error::Error as E;
        match e {
            E::Network(source) => StoreError::Unreachable {
                url: url.to_string(),
                reason: source_chain(&*source),
            },
            E::BadResponse(message) => StoreError::Server {
                url: url.to_string(),
                message: message.trim().to_string(),
            },
            other => StoreError::Server {
                url: url.to_string(),
                message: other.to_string(),
            },
        }
    }

    pub(crate) fn spool(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        StoreError::Spool {
            path: path.into(),
            source,
        }
    }
}

/// "connection refused" is three sources deep in hyper's errors: say all of them.
fn source_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut next = e.source();
    while let Some(s) = next {
        let part = s.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        next = s.source();
    }
    text
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
