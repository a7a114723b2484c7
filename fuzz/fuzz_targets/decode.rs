//! Frame decoding for every link type: `[link selector][frame bytes]`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tapaudit_wire::{decode, Decoded, L4};

fuzz_target!(|input: &[u8]| {
    let Some((sel, frame)) = input.split_first() else {
        return;
    };
    if let Decoded::Ip(p) = decode(tapaudit_fuzz::link_of(*sel), frame) {
        // Payload slices must borrow from the frame, never point past it.
        match &p.l4 {
            L4::Tcp(t) => assert!(t.payload.len() <= frame.len()),
            L4::Udp { payload, .. } => assert!(payload.len() <= frame.len()),
            _ => {}
        }
    }
});
