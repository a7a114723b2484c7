//! The FTP control parser, fed the chunks of the input (see `tapaudit_fuzz::chunks`), then
//! fed the same bytes one at a time: both must give the same announcements (the crate
//! promises chunking never matters).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tapaudit_dynports::{ControlParser, FtpControl};

fuzz_target!(|input: &[u8]| {
    let chunks = tapaudit_fuzz::chunks(input);
    let mut whole = FtpControl::new();
    let mut a = Vec::new();
    for c in &chunks {
        if c.gap {
            whole.gap(c.dir);
        }
        whole.feed(c.dir, c.data, &mut a);
    }
    let mut bytewise = FtpControl::new();
    let mut b = Vec::new();
    for c in &chunks {
        if c.gap {
            bytewise.gap(c.dir);
        }
        for byte in c.data.chunks(1) {
            bytewise.feed(c.dir, byte, &mut b);
        }
    }
    assert_eq!(a, b, "chunking changed the announcements");
    assert_eq!(whole.stats().announcements, a.len() as u64);
    let _ = format!("{whole:?}");
});
