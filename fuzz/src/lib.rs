//! Input formats shared by the fuzz targets and by `make_seeds.py` (which writes seeds in
//! the same formats). Kept tiny and total: any byte string is a valid input.
#![forbid(unsafe_code)]

use tapaudit_dynports::Direction;
use tapaudit_vocab::LinkType;

/// The link type a selector byte stands for (decode and flow_table inputs start with it).
pub fn link_of(selector: u8) -> LinkType {
    match selector {
        0 => LinkType::Ethernet,
        1 => LinkType::LinuxSll,
        2 => LinkType::LinuxSll2,
        3 => LinkType::RawIp,
        4 => LinkType::Ipv4,
        5 => LinkType::Ipv6,
        6 => LinkType::Null,
        7 => LinkType::Loop,
        other => LinkType::Other(u32::from(other)),
    }
}

/// One chunk of a control stream: `[ctl u8][len u16 le][len bytes]`.
/// `ctl` bit 0: direction (0 to server, 1 to client); bit 1: a gap before this chunk;
/// bit 2 (portmap): a UDP datagram rather than TCP stream bytes.
pub struct Chunk<'a> {
    pub dir: Direction,
    pub gap: bool,
    pub datagram: bool,
    pub data: &'a [u8],
}

/// Splits an input into chunks; a short last chunk takes what is left.
pub fn chunks(mut input: &[u8]) -> Vec<Chunk<'_>> {
    let mut out = Vec::new();
    while let [ctl, a, b, rest @ ..] = input {
        let len = usize::from(u16::from_le_bytes([*a, *b])).min(rest.len());
        let (data, tail) = rest.split_at(len);
        out.push(Chunk {
            dir: if ctl & 1 == 0 {
                Direction::ToServer
            } else {
                Direction::ToClient
            },
            gap: ctl & 2 != 0,
            datagram: ctl & 4 != 0,
            data,
        });
        input = tail;
    }
    out
}

/// One frame of a flow_table input: `[dt u8 (ms after the previous)][len u16 le][bytes]`.
pub struct TimedFrame<'a> {
    pub dt_ms: u8,
    pub data: &'a [u8],
}

pub fn timed_frames(mut input: &[u8]) -> Vec<TimedFrame<'_>> {
    let mut out = Vec::new();
    while let [dt, a, b, rest @ ..] = input {
        let len = usize::from(u16::from_le_bytes([*a, *b])).min(rest.len());
        let (data, tail) = rest.split_at(len);
        out.push(TimedFrame { dt_ms: *dt, data });
        input = tail;
    }
    out
}
