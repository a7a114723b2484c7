//! Frame decoding for every link type: `[link selector][frame bytes]`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tapaudit_decode::{decode, decode_general, Decoded, L4};

fuzz_target!(|input: &[u8]| {
    let Some((sel, frame)) = input.split_first() else {
        return;
    };
    let link = tapaudit_fuzz::link_of(*sel);
    let decoded = decode(link, frame);
    // The fast path (plain Ethernet TCP/UDP) answers exactly as the general path would.
    assert_eq!(decoded, decode_general(link, frame));
    if let Decoded::Ip(p) = decoded {
        // Payload slices must borrow from the frame, never point past it.
        match &p.l4 {
            L4::Tcp(t) => assert!(t.payload.len() <= frame.len()),
            L4::Udp { payload, .. } => assert!(payload.len() <= frame.len()),
            _ => {}
        }
    }
});
