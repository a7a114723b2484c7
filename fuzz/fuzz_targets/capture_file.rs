//! Capture file readers: the input is a whole pcap/pcapng file (gzip too, via `open`'s
//! decoder being bypassed: `from_bytes` reads the bytes as given). Every frame is read,
//! then the same bytes are read again as two files through `MergedReader`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tapaudit_capture::{CaptureFile, MAX_RECORD_LEN};

fuzz_target!(|input: &[u8]| {
    let Ok(file) = CaptureFile::from_bytes("fuzz.pcap", input.to_vec()) else {
        return;
    };
    let mut reader = file.reader(0);
    let mut frames = 0u64;
    let mut last_number = 0;
    let mut ended_with_error = false;
    // A reader yields at most one frame per 12 input bytes (the smallest record): the
    // bound turns an endless loop into a failure.
    let bound = input.len() as u64 / 12 + 2;
    while let Some(r) = reader.next() {
        match r {
            Ok(f) => {
                assert!(f.data.len() <= MAX_RECORD_LEN as usize);
                assert!(f.number > last_number, "record numbers increase");
                last_number = f.number;
                frames += 1;
                assert!(frames <= bound, "reader does not end");
            }
            Err(e) => {
                assert!(!ended_with_error);
                ended_with_error = true;
                assert!(e.to_string().starts_with("fuzz.pcap"), "{e}");
                assert!(e.offset <= input.len() as u64);
            }
        }
    }
    assert!(reader.next().is_none(), "nothing after the end");

    let second = CaptureFile::from_bytes("second.pcap", input.to_vec()).ok();
    let files: Vec<CaptureFile> = std::iter::once(file).chain(second).collect();
    let mut merged = tapaudit_capture::MergedReader::new(&files);
    let mut n = 0u64;
    let mut last_ts = None;
    while let Some(f) = merged.next() {
        n += 1;
        // Frames of different files come out in time order; within one file, in file order.
        if let Some((src, ts)) = last_ts {
            if src != f.source {
                assert!(f.ts >= ts, "merge went back in time across files");
            }
        }
        last_ts = Some((f.source, f.ts));
        assert!(n <= 2 * bound);
    }
    let summaries = merged.into_summaries();
    assert_eq!(summaries.iter().map(|s| s.packets).sum::<u64>(), n);
    assert_eq!(summaries[0].packets, frames);
    assert_eq!(summaries[0].complete, !ended_with_error);
});
