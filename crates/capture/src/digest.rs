//! SHA-256 of a capture file, computed while its records are read (no second pass over the
//! file): the reader hashes the bytes behind its read position in chunks, while they are
//! still mapped and in the page cache, and the rest of the file when it stops. For a `.gz`
//! file the compressed bytes are hashed as they are decompressed, so the digest is always
//! that of the file on disk (what `sha256sum` prints).

use sha2::{Digest, Sha256};

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
}
