//! SHA-256 of a capture file, computed while its records are read (no second pass over the
//! file after it). A mapped file is hashed by a thread of its own ([`BackgroundDigest`]),
//! which reads the file from the page cache while the reader parses it: on the reader
//! thread, the hash had doubled the time of a replay (SHA-NI at ~1.8 GB/s against a reader
//! at about the same pace; docs/performance.md). Bytes given in memory are hashed by the
//! reader behind its read position in chunks ([`StreamDigest`]). For a `.gz` file the
//! compressed bytes are hashed as they are decompressed, so the digest is always that of the
//! file on disk (what `sha256sum` prints).

use std::sync::{Mutex, OnceLock};
use std::thread::JoinHandle;

use sha2::{Digest, Sha256};

/// Bytes the background digest hashes before it gives their pages back.
const HASH_AT_ONCE: usize = 4 << 20;

/// The SHA-256 of the first `len` bytes of an open file (the bytes that are mapped), taken by
/// a thread started at the first record read, so that a merge of many files hashes only the
/// ones being read. The thread maps the file a second time and gives its pages back behind
/// it, so it neither depends on the pages the reader keeps nor grows the resident set (a
/// `pread` into a buffer instead cost a copy of the file: +60 ms of system time on 256 MB).
/// If the thread cannot be started or the read fails, the mapped bytes are hashed on the
/// reader's thread when it stops: the digest is the same either way.
pub(crate) struct BackgroundDigest {
    file: std::fs::File,
    len: u64,
    job: Mutex<Option<JoinHandle<std::io::Result<[u8; 32]>>>>,
    started: OnceLock<()>,
    digest: OnceLock<[u8; 32]>,
}

impl BackgroundDigest {
    pub fn new(file: std::fs::File, len: u64) -> Self {
        BackgroundDigest {
            file,
            len,
            job: Mutex::new(None),
            started: OnceLock::new(),
            digest: OnceLock::new(),
        }
    }

    /// Starts the thread (once; later calls cost one atomic load).
    #[inline]
    pub fn start(&self) {
        if self.started.get().is_none() {
            self.spawn();
        }
    }

    #[cold]
    fn spawn(&self) {
        self.started.get_or_init(|| {
            let (Ok(file), len) = (self.file.try_clone(), self.len) else {
                return;
            };
            let job = std::thread::Builder::new()
                .name("capture-sha256".into())
                .spawn(move || hash_file(&file, len));
            if let (Ok(job), Ok(mut slot)) = (job, self.job.lock()) {
                *slot = Some(job);
            }
        });
    }

    /// The digest; `mapped` (the same bytes) is hashed here if the thread gave none.
    pub fn finish(&self, mapped: &[u8]) -> [u8; 32] {
        *self.digest.get_or_init(|| {
            self.start();
            let job = self.job.lock().ok().and_then(|mut j| j.take());
            match job.map(JoinHandle::join) {
                Some(Ok(Ok(d))) => d,
                _ => Sha256::digest(mapped).into(),
            }
        })
    }
}

fn hash_file(file: &std::fs::File, len: u64) -> std::io::Result<[u8; 32]> {
    let map = crate::file::map_file(file)?;
    let bytes = map
        .get(..len as usize)
        .ok_or(std::io::ErrorKind::UnexpectedEof)?;
    let mut hasher = Sha256::new();
    for (i, chunk) in bytes.chunks(HASH_AT_ONCE).enumerate() {
        hasher.update(chunk);
        // Its own pages are given back behind it, as the reader does with its map.
        crate::file::release_range(&map, i * HASH_AT_ONCE, i * HASH_AT_ONCE + chunk.len());
    }
    Ok(hasher.finalize().into())
}

/// Bytes hashed at a time behind the read position: large enough that the hasher runs on
/// long runs (SHA-NI), small enough that the bytes are still in the CPU caches' reach.
pub(crate) const CHUNK: usize = 256 << 10;

/// A running SHA-256 over a byte slice read front to back.
#[derive(Clone, Default)]
pub(crate) struct StreamDigest {
    hasher: Sha256,
    /// Bytes `[0, to)` have been hashed.
    to: usize,
}

impl StreamDigest {
    /// Hashes `data[self.to..upto]` when at least one chunk is pending.
    #[inline]
    pub fn advance(&mut self, data: &[u8], upto: usize) {
        if upto >= self.to + CHUNK {
            self.catch_up(data, upto);
        }
    }

    fn catch_up(&mut self, data: &[u8], upto: usize) {
        let upto = upto.min(data.len());
        if let Some(bytes) = data.get(self.to..upto) {
            self.hasher.update(bytes);
            self.to = upto;
        }
    }

    /// The digest of the whole of `data` (the bytes not hashed yet are hashed now).
    pub fn finish(&mut self, data: &[u8]) -> [u8; 32] {
        self.catch_up(data, data.len());
        std::mem::take(&mut self.hasher).finalize().into()
    }
}

/// A reader that hashes what it hands on (the compressed bytes of a `.gz` file).
pub(crate) struct HashingReader<R> {
    pub inner: R,
    pub hasher: Sha256,
}

impl<R: std::io::Read> std::io::Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

/// Lowercase hex, as `sha256sum` prints it.
pub fn hex(digest: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(digest.len() * 2);
    for b in digest {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// SHA-256 of bytes held in memory, in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_digest_equals_the_digest_of_the_whole() {
        let data: Vec<u8> = (0..(3 * CHUNK + 17)).map(|i| (i * 7 % 251) as u8).collect();
        let whole = Sha256::digest(&data);
        for step in [1usize, 1000, CHUNK - 1, CHUNK, CHUNK + 5] {
            let mut d = StreamDigest::default();
            let mut at = 0;
            while at < data.len() {
                at = (at + step).min(data.len());
                d.advance(&data, at);
            }
            assert_eq!(d.finish(&data), whole.as_slice(), "step {step}");
        }
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn background_digest_equals_the_digest_of_the_file() {
        use std::io::Write;
        let data: Vec<u8> = (0..(2 * HASH_AT_ONCE + 99))
            .map(|i| (i * 13 % 251) as u8)
            .collect();
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(&data).unwrap();
        let whole: [u8; 32] = Sha256::digest(&data).into();
        let d = BackgroundDigest::new(f.reopen().unwrap(), data.len() as u64);
        d.start();
        d.start();
        assert_eq!(d.finish(&data), whole);
        // Asked again (a second reader of the same file): the same digest, no second thread.
        assert_eq!(d.finish(&[]), whole);
        // Never started: finishing starts it.
        let d = BackgroundDigest::new(f.reopen().unwrap(), data.len() as u64);
        assert_eq!(d.finish(&data), whole);
    }

    #[test]
    fn a_file_shorter_than_its_map_falls_back_to_the_mapped_bytes() {
        // The file was truncated after it was mapped: the thread's read ends early, and the
        // digest is taken of the bytes the reader has (what it read the records from).
        let f = tempfile::NamedTempFile::new().unwrap();
        let mapped = b"bytes the reader holds".to_vec();
        let d = BackgroundDigest::new(f.reopen().unwrap(), mapped.len() as u64);
        let expected: [u8; 32] = Sha256::digest(&mapped).into();
        assert_eq!(d.finish(&mapped), expected);
    }
}
