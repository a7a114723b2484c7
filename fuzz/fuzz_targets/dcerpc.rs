//! The DCE-RPC (endpoint mapper, DCOM) parser over TCP stream chunks and UDP datagrams
//! (connectionless); the same stream bytes fed one at a time must give the same announcements.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tapaudit_dynports::{ControlParser, DceRpc};

fuzz_target!(|input: &[u8]| {
    let chunks = tapaudit_fuzz::chunks(input);
    let run = |bytewise: bool| {
        let mut p = DceRpc::new();
        let mut out = Vec::new();
        for c in &chunks {
            if c.gap {
                p.gap(c.dir);
            }
            if c.datagram {
                // Connectionless DCE-RPC (UDP 135): one whole PDU per datagram.
                p.datagram(c.dir, c.data, &mut out);
            } else if bytewise {
                for byte in c.data.chunks(1) {
                    p.feed(c.dir, byte, &mut out);
                }
            } else {
                p.feed(c.dir, c.data, &mut out);
            }
        }
        assert_eq!(p.stats().announcements, out.len() as u64);
        out
    };
    assert_eq!(run(false), run(true), "chunking changed the announcements");
});
