//! The HTTP connection to ClickHouse, through the official `clickhouse` crate, made
//! blocking: a current-thread tokio runtime of its own, every request under a timeout.
//!
//! What the crate is asked for, and why, against Debian's 18.16:
//! - Inserts: `INSERT INTO t(cols) FORMAT RowBinary` with the crate's LZ4 block compression
//!   (`decompress=1`): works on 18.16 and current servers. The bytes are the batch as
//!   encoded once by [`crate::rowbinary`] (see [`RawRows`]).
//! - Queries: RowBinary output, read by the crate's decoder, **without** compression: on
//!   Debian's 18.16 a response with `compress=1` arrives empty (the server logs a Poco
//!   assertion, `!_pStream`), so the query client never asks for it. Version 0.13 of the
//!   crate reads plain RowBinary; later versions validate with
//!   `RowBinaryWithNamesAndTypes`, which 18.16 lacks (and need a newer Rust than the
//!   workspace's 1.80).

use std::marker::PhantomData;
use std::time::Duration;

use clickhouse::{Client, Compression, Row};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{Result, StoreError};
use crate::url::StoreUrl;

/// Pre-encoded RowBinary rows of `R`'s columns, sent as they are. The crate's encoder
/// writes an integer's little-endian bytes and nothing else, so the bytes go through it as
/// u64s (and a tail of u8s) unchanged.
pub(crate) struct RawRows<'a, R> {
    bytes: &'a [u8],
    _row: PhantomData<R>,
}

impl<'a, R> RawRows<'a, R> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        RawRows {
            bytes,
            _row: PhantomData,
        }
    }
}

impl<R: Row> Row for RawRows<'_, R> {
    const COLUMN_NAMES: &'static [&'static str] = R::COLUMN_NAMES;
}

impl<R> Serialize for RawRows<'_, R> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        let words = self.bytes.chunks_exact(8);
        let tail = words.remainder();
        let mut t = s.serialize_tuple(self.bytes.len() / 8 + tail.len())?;
        for w in words {
            let mut b = [0u8; 8];
            b.copy_from_slice(w);
            t.serialize_element(&u64::from_le_bytes(b))?;
        }
        for b in tail {
            t.serialize_element(b)?;
        }
        t.end()
    }
}

/// A blocking connection. Not for use from inside a tokio runtime's worker thread (it
/// runs its own); the binary calls it from plain threads or `spawn_blocking`.
pub(crate) struct Connection {
    url: StoreUrl,
    shown: String,
    query: Client,
    insert: Client,
    runtime: tokio::runtime::Runtime,
    timeout: Duration,
}

impl Connection {
    pub(crate) fn new(url: &StoreUrl, timeout: Duration) -> Result<Self> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(StoreError::Runtime)?;
        let mut base = Client::default()
            .with_url(url.http_url())
            .with_database(url.database());
        if let Some(user) = url.user() {
            base = base.with_user(user);
        }
        if let Some(password) = url.password() {
            base = base.with_password(password);
        }
        Ok(Connection {
            url: url.clone(),
            shown: url.display(),
            query: base.clone().with_compression(Compression::None),
            insert: base.with_compression(Compression::Lz4),
            runtime,
            timeout,
        })
    }

    pub(crate) fn url(&self) -> &StoreUrl {
        &self.url
    }
    pub(crate) fn shown(&self) -> &str {
        &self.shown
    }

    /// A client without the database set: for `CREATE DATABASE` before it exists.
    fn server_client(&self) -> Client {
        let mut c = Client::default()
            .with_url(self.url.http_url())
            .with_compression(Compression::None);
        if let Some(user) = self.url.user() {
            c = c.with_user(user);
        }
        if let Some(password) = self.url.password() {
            c = c.with_password(password);
        }
        c
    }

    fn run<T>(
        &self,
        fut: impl std::future::Future<Output = clickhouse::error::Result<T>>,
    ) -> Result<T> {
        let timeout = self.timeout;
        match self
            .runtime
            .block_on(async move { tokio::time::timeout(timeout, fut).await })
        {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(e)) => Err(StoreError::from_client(&self.shown, e)),
            Err(_) => Err(StoreError::Timeout {
                url: self.shown.clone(),
                after: timeout,
            }),
        }
    }

    /// DDL or any statement without a result. `{db}` is replaced by the database.
    pub(crate) fn execute(&self, sql: &str) -> Result<()> {
        let sql = sql.replace("{db}", self.url.database());
        match self.run(self.query.query(&sql).execute()) {
            // See `fetch_each`: a connection closed by a restarted server.
            Err(e) if e.is_unavailable() => self.run(self.query.query(&sql).execute()),
            r => r,
        }
    }

    /// A statement that runs before the database exists.
    pub(crate) fn execute_on_server(&self, sql: &str) -> Result<()> {
        let sql = sql.replace("{db}", self.url.database());
        let client = self.server_client();
        self.run(async move { client.query(&sql).execute().await })
    }

    /// Rows of a query that needs no database (`version()`, before `CREATE DATABASE`).
    pub(crate) fn fetch_all_on_server<T: Row + DeserializeOwned>(
        &self,
        sql: &str,
    ) -> Result<Vec<T>> {
        let client = self.server_client();
        let sql = sql.to_string();
        self.run(async move { client.query(&sql).fetch_all::<T>().await })
    }

    /// Every row of a query, with `?` bound to `binds` in order.
    pub(crate) fn fetch_all<T: Row + DeserializeOwned>(
        &self,
        sql: &str,
        binds: &[&str],
    ) -> Result<Vec<T>> {
        self.fetch_each(sql, binds, Vec::new(), |v, row| v.push(row))
    }

    /// Folds the rows of a query as they arrive (no intermediate list of rows).
    pub(crate) fn fetch_each<T: Row + DeserializeOwned, A>(
        &self,
        sql: &str,
        binds: &[&str],
        init: A,
        mut each: impl FnMut(&mut A, T),
    ) -> Result<A> {
        let sql = sql.replace("{db}", self.url.database());
        let mut acc = init;
        let mut delivered = 0u64;
        // A pooled connection the server closed (it restarted) fails before the first row:
        // that one attempt is repeated on a new connection.
        for attempt in 0..2 {
            let mut q = self.query.query(&sql);
            for b in binds {
                q = q.bind(*b);
            }
            let (acc_ref, each_ref, delivered_ref) = (&mut acc, &mut each, &mut delivered);
            let result = self.run(async move {
                let mut cursor = q.fetch::<T>()?;
                while let Some(row) = cursor.next().await? {
                    each_ref(acc_ref, row);
                    *delivered_ref += 1;
                }
                Ok(())
            });
            match result {
                Err(e) if attempt == 0 && delivered == 0 && e.is_unavailable() => continue,
                Err(e) => return Err(e),
                Ok(()) => break,
            }
        }
        Ok(acc)
    }

    /// Sends pre-encoded rows of `R` to `table` in one INSERT.
    pub(crate) fn insert_raw<R: Row>(&self, table: &str, bytes: &[u8]) -> Result<()> {
        let client = self.insert.clone();
        let table = table.to_string();
        self.run(async move {
            let mut insert = client.insert::<RawRows<'_, R>>(&table)?;
            insert.write(&RawRows::<R>::new(bytes)).await?;
            insert.end().await
        })
    }
}
