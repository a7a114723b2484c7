//! Property tests: any bytes, in any chunking, never panic, and the chunking never changes
//! what is announced.

use proptest::prelude::*;
use tapaudit_dynports::{parser_for, ControlParser, DceRpc, Direction, FtpControl, Portmap};
use tapaudit_vocab::ControlProtocol;

fn dir(to_server: bool) -> Direction {
    if to_server {
        Direction::ToServer
    } else {
        Direction::ToClient
    }
}

/// Feeds each (direction, bytes) whole, then again with every piece split at `split % len`,
/// and checks both give the same announcements.
fn same_either_way<P: ControlParser + Default>(steps: &[(bool, Vec<u8>, usize)]) {
    let mut whole = P::default();
    let mut out_whole = Vec::new();
    let mut split = P::default();
    let mut out_split = Vec::new();
    for (to_server, bytes, at) in steps {
        let d = dir(*to_server);
        whole.feed(d, bytes, &mut out_whole);
        let at = if bytes.is_empty() {
            0
        } else {
            at % bytes.len()
        };
        split.feed(d, &bytes[..at], &mut out_split);
        split.feed(d, &bytes[at..], &mut out_split);
    }
    assert_eq!(out_whole, out_split);
}

/// Bytes biased towards the tokens the parsers look for.
fn ftp_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![
            Just(b"227 (10,0,0,1,4,1)\r\n".to_vec()),
            Just(b"229 (|||2000|)\n".to_vec()),
            Just(b"227-".to_vec()),
            Just(b"PORT 1,2,3,4,5,6\r\n".to_vec()),
            Just(b"EPRT |2|::1|5|\r\n".to_vec()),
            Just(b"234 go\r\n".to_vec()),
            prop::collection::vec(any::<u8>(), 0..20),
        ],
        0..12,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn ftp_any_input(steps in prop::collection::vec((any::<bool>(), ftp_bytes(), any::<usize>()), 0..8)) {
        same_either_way::<FtpControl>(&steps);
    }

    #[test]
    fn portmap_stream_any_input(steps in prop::collection::vec((any::<bool>(), prop::collection::vec(any::<u8>(), 0..200), any::<usize>()), 0..8)) {
        same_either_way::<Portmap>(&steps);
    }

    #[test]
    fn portmap_datagram_any_input(steps in prop::collection::vec((any::<bool>(), prop::collection::vec(any::<u8>(), 0..200)), 0..8)) {
        let mut p = Portmap::new();
        let mut out = Vec::new();
        for (to_server, b) in steps {
            p.datagram(dir(to_server), &b, &mut out);
        }
    }

    #[test]
    fn dcerpc_any_input(steps in prop::collection::vec((any::<bool>(), prop::collection::vec(any::<u8>(), 0..300), any::<usize>()), 0..8)) {
        same_either_way::<DceRpc>(&steps);
    }

    #[test]
    fn gaps_anywhere_never_panic(steps in prop::collection::vec((any::<bool>(), prop::collection::vec(any::<u8>(), 0..100), any::<bool>()), 0..10)) {
        let mut parsers = ControlProtocol::ALL.map(parser_for);
        let mut out = Vec::new();
        for (to_server, b, gap) in steps {
            let dr = dir(to_server);
            for p in &mut parsers {
                if gap {
                    p.gap(dr);
                }
                p.feed(dr, &b, &mut out);
            }
        }
    }
}
