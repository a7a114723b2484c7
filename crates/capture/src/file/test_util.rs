//! Capture bytes built by hand for the reader's tests.

use super::*;

pub(super) fn pcap_header(big_endian: bool, nanos: bool, link: u32) -> Vec<u8> {
    let magic = if nanos {
        PCAP_MAGIC_NANO
    } else {
        PCAP_MAGIC_MICRO
    };
    let mut v = Vec::new();
    let put32 = |v: &mut Vec<u8>, x: u32| {
        if big_endian {
            v.extend_from_slice(&x.to_be_bytes())
        } else {
            v.extend_from_slice(&x.to_le_bytes())
        }
    };
    put32(&mut v, magic);
    let ver: [u8; 4] = if big_endian {
        [0, 2, 0, 4]
    } else {
        [2, 0, 4, 0]
    };
    v.extend_from_slice(&ver);
    put32(&mut v, 0);
    put32(&mut v, 0);
    put32(&mut v, 65535);
    put32(&mut v, link);
    v
}

pub(super) fn pcap_record(big_endian: bool, sec: u32, sub: u32, data: &[u8]) -> Vec<u8> {
    let mut v = Vec::new();
    for x in [sec, sub, data.len() as u32, data.len() as u32] {
        if big_endian {
            v.extend_from_slice(&x.to_be_bytes())
        } else {
            v.extend_from_slice(&x.to_le_bytes())
        }
    }
    v.extend_from_slice(data);
    v
}

pub(super) fn read_all(f: &CaptureFile) -> (Vec<(Timestamp, Vec<u8>)>, Option<CaptureError>) {
    let mut r = f.reader(0);
    let mut out = Vec::new();
    while let Some(x) = r.next() {
        match x {
            Ok(fr) => out.push((fr.ts, fr.data.to_vec())),
            Err(e) => return (out, Some(e)),
        }
    }
    (out, None)
}

/// A pcapng block: type, options (code, value) padded to 4 bytes, ending opt_endofopt.
pub(super) fn ng_block(block_type: u32, body: &[u8], options: &[(u16, &[u8])]) -> Vec<u8> {
    let mut b = body.to_vec();
    if !options.is_empty() {
        for (code, value) in options {
            b.extend_from_slice(&code.to_le_bytes());
            b.extend_from_slice(&(value.len() as u16).to_le_bytes());
            b.extend_from_slice(value);
            b.resize(b.len().div_ceil(4) * 4, 0);
        }
        b.extend_from_slice(&[0, 0, 0, 0]);
    }
    let len = (12 + b.len()) as u32;
    let mut v = block_type.to_le_bytes().to_vec();
    v.extend_from_slice(&len.to_le_bytes());
    v.extend_from_slice(&b);
    v.extend_from_slice(&len.to_le_bytes());
    v
}

/// Record times of one absurd record and a genuine clock step (issue 16, class 9), in
/// seconds: the absurd one is read at the clock's time, the step at its first record.
pub(super) const CLOCK_RAW: [u64; 9] = [
    BASE_SECS,
    BASE_SECS + 1,
    BASE_SECS + 40 * 365 * 86_400,
    BASE_SECS + 2,
    BASE_SECS + 3,
    BASE_SECS + 3 * 86_400,
    BASE_SECS + 3 * 86_400 + 1,
    BASE_SECS + 3 * 86_400 + 2,
    BASE_SECS + 3 * 86_400 + 3,
];
pub(super) const BASE_SECS: u64 = 1_772_438_400;

pub(super) fn clock_read(r: &mut FileReader<'_>) -> Vec<u64> {
    let mut out = Vec::new();
    while let Some(f) = r.next() {
        out.push(f.unwrap().ts.secs());
    }
    out
}

pub(super) fn clock_expected() -> Vec<u64> {
    let mut want = CLOCK_RAW.to_vec();
    want[2] = BASE_SECS + 1;
    want
}
