//! Several capture files read as one stream, in timestamp order (a tap writes rotated files).

use std::path::PathBuf;

use crate::{CaptureError, CaptureFile, FileReader, Frame, Timestamp};

/// What one input file gave: the `captures` section of the audit report.
#[derive(Debug, Clone)]
pub struct FileSummary {
    pub file: PathBuf,
    pub packets: u64,
    /// Bytes on the wire (original lengths).
    pub bytes: u64,
    pub first_ts: Option<Timestamp>,
    pub last_ts: Option<Timestamp>,
    /// Records stamped earlier than the one before them in the same file (implausible
    /// records left out of "the one before": see `timestamps_implausible`).
    pub timestamps_backwards: u64,
    /// Records whose timestamp was implausible for the file (decades ahead, an hour back):
    /// read at the file's clock time instead ([`crate::clock`]). `first_ts` and `last_ts`
    /// are the times frames were read at, so these records do not widen the window.
    pub timestamps_implausible: u64,
    /// Genuine clock steps accepted in the file ([`crate::clock`]).
    pub clock_steps: u64,
    /// pcapng blocks without a usable packet (statistics, name resolution, unknown types).
    pub skipped_blocks: u64,
    /// False when the file could not be read to its end.
    pub complete: bool,
    pub error: Option<CaptureError>,
    /// SHA-256 of the file (set once it has been read to its end or to its damage).
    pub sha256: Option<[u8; 32]>,
    pub interfaces: Vec<tapaudit_vocab::CaptureInterface>,
}

impl FileSummary {
    fn new(file: PathBuf) -> Self {
        FileSummary {
            file,
            packets: 0,
            bytes: 0,
            first_ts: None,
            last_ts: None,
            timestamps_backwards: 0,
            timestamps_implausible: 0,
            clock_steps: 0,
            skipped_blocks: 0,
            complete: true,
            error: None,
            sha256: None,
            interfaces: Vec::new(),
        }
    }
    /// A file that could not even be opened.
    pub fn failed(error: CaptureError) -> Self {
        let mut s = FileSummary::new(error.file.clone());
        s.complete = false;
        s.error = Some(error);
        s
    }
}

struct Input<'a> {
    reader: FileReader<'a>,
    head: Option<Frame<'a>>,
}

/// Yields the frames of several files in timestamp order (ties: the earlier file first).
pub struct MergedReader<'a> {
    inputs: Vec<Input<'a>>,
    summaries: Vec<FileSummary>,
}

impl<'a> MergedReader<'a> {
    /// `files[i]` frames carry `source == i`.
    pub fn new(files: &'a [CaptureFile]) -> Self {
        let mut summaries = Vec::with_capacity(files.len());
        let mut inputs = Vec::with_capacity(files.len());
        for (i, f) in files.iter().enumerate() {
            summaries.push(FileSummary::new(f.path().to_path_buf()));
            inputs.push(Input {
                reader: f.reader(i),
                head: None,
            });
        }
        let mut m = MergedReader { inputs, summaries };
        for i in 0..m.inputs.len() {
            m.advance(i);
        }
        m
    }

    fn advance(&mut self, i: usize) {
        let input = &mut self.inputs[i];
        let summary = &mut self.summaries[i];
        input.head = match input.reader.next() {
            Some(Ok(frame)) => {
                summary.packets += 1;
                summary.bytes += u64::from(frame.orig_len);
                if summary.first_ts.is_none() {
                    summary.first_ts = Some(frame.ts);
                }
                if summary.last_ts.is_none_or(|last| frame.ts > last) {
                    summary.last_ts = Some(frame.ts);
                }
                Some(frame)
            }
            Some(Err(e)) => {
                summary.complete = false;
                summary.error = Some(e);
                None
            }
            None => None,
        };
        summary.skipped_blocks = input.reader.skipped_blocks();
        summary.timestamps_backwards = input.reader.timestamps_backwards();
        summary.timestamps_implausible = input.reader.timestamps_implausible();
        summary.clock_steps = input.reader.clock_steps();
        if input.head.is_none() && summary.sha256.is_none() {
            summary.sha256 = input.reader.sha256();
            summary.interfaces = input.reader.interfaces().to_vec();
        }
    }

    /// The earliest pending frame of all inputs.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Option<Frame<'a>> {
        let pick = if self.inputs.len() == 1 {
            0
        } else {
            let mut best: Option<(usize, Timestamp)> = None;
            for (i, input) in self.inputs.iter().enumerate() {
                if let Some(f) = &input.head {
                    if best.is_none_or(|(_, t)| f.ts < t) {
                        best = Some((i, f.ts));
                    }
                }
            }
            best?.0
        };
        let frame = self.inputs.get_mut(pick)?.head.take()?;
        self.advance(pick);
        Some(frame)
    }

    /// Per-file results so far (complete once `next` returned None).
    pub fn summaries(&self) -> &[FileSummary] {
        &self.summaries
    }
    pub fn into_summaries(self) -> Vec<FileSummary> {
        self.summaries
    }
}
