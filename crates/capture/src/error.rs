use std::fmt;
use std::path::PathBuf;

/// What went wrong reading a capture, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptureError {
    pub file: PathBuf,
    /// Byte offset (in the decompressed stream for `.gz`) where the bad record starts.
    pub offset: u64,
    /// 1-based number of the record that could not be read (0: the file header).
    pub record: u64,
    pub kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErrorKind {
    #[error("cannot open: {0}")]
    Open(String),
    #[error("not a pcap or pcapng file (magic {0:#010x})")]
    BadMagic(u32),
    #[error("file header truncated ({have} of {need} bytes)")]
    TruncatedFileHeader { need: usize, have: usize },
    #[error("record header truncated ({have} of {need} bytes)")]
    TruncatedRecordHeader { need: usize, have: usize },
    #[error("packet data truncated ({have} of {need} bytes)")]
    TruncatedRecord { need: usize, have: usize },
    #[error("captured length {0} is larger than 256 KiB: corrupt record header")]
    AbsurdLength(u32),
    #[error("pcapng block length {0} is invalid")]
    BadBlockLength(u32),
    #[error("pcapng packet for interface {0}, which no Interface Description Block declared")]
    UnknownInterface(u32),
    #[error("pcapng block could not be parsed: {0}")]
    BadBlock(String),
    #[error("gzip stream is corrupt: {0}")]
    Gzip(String),
}

impl fmt::Display for CaptureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.display();
        match self.kind {
            ErrorKind::Open(_) => write!(f, "{file}: {}", self.kind),
            ErrorKind::BadMagic(_) => write!(f, "{file}: at byte offset 0: {}", self.kind),
            ErrorKind::TruncatedFileHeader { .. } => {
                write!(f, "{file}: at byte offset {}: {}", self.offset, self.kind)
            }
            _ => write!(
                f,
                "{file}: record {} at byte offset {}: {}",
                self.record, self.offset, self.kind
            ),
        }
    }
}

impl std::error::Error for CaptureError {}
