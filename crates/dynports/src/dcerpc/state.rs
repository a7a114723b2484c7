//! [`DceRpc`]: the state of one association, tying framing, contexts and calls, and the
//! stub decoders together.

use super::association::Association;
use super::pdu::{
    Framer, Header, Next, PTYPE_ALTER_CONTEXT, PTYPE_ALTER_CONTEXT_RESP, PTYPE_BIND,
    PTYPE_BIND_ACK, PTYPE_BIND_NAK, PTYPE_FAULT, PTYPE_REQUEST, PTYPE_RESPONSE,
};
use super::{decode_stub, scan_mid_stream};
use crate::{Announcement, ControlParser, DecodeError, Direction, ParserStats};

/// Parser of one DCE-RPC connection-oriented association (one TCP connection).
#[derive(Debug, Default)]
pub struct DceRpc {
    /// PDUs of each direction, cut out of the byte stream.
    pub(super) framers: [Framer; 2],
    pub(super) association: Association,
    pub(super) stats: ParserStats,
    /// Connectionless calls, when the flow is UDP (datagrams).
    connectionless: super::cl::Connectionless,
    /// The stream was found not to be DCE-RPC: nothing more is looked at.
    not_protocol: bool,
}

impl DceRpc {
    pub fn new() -> Self {
        Self::default()
    }

    /// The stream is not DCE-RPC: counted once, every buffer freed, the rest ignored.
    fn give_up(&mut self) {
        self.not_protocol = true;
        self.stats.not_protocol = 1;
        for f in &mut self.framers {
            f.release();
        }
        self.association = Association::default();
    }
}

impl ControlParser for DceRpc {
    /// Feeds in-order TCP bytes of one direction.
    fn feed(&mut self, dir: Direction, data: &[u8], out: &mut Vec<Announcement>) {
        if self.not_protocol {
            return;
        }
        let mut data = data;
        let other = 1 - dir.index();
        let may_give_up = !self.framers[other].confirmed();
        loop {
            let framer = &mut self.framers[dir.index()];
            match framer.next(&mut data, &mut self.stats, may_give_up) {
                Next::Pdu(h) => {
                    pdu(
                        &mut self.association,
                        &mut self.stats,
                        dir,
                        &h,
                        framer.pdu(),
                        out,
                    );
                    framer.consumed();
                }
                Next::More => return,
                Next::NotProtocol => {
                    self.give_up();
                    return;
                }
            }
        }
    }

    fn midstream(&mut self, dir: Direction) {
        self.framers[dir.index()].midstream();
    }

    fn is_not_protocol(&self) -> bool {
        self.not_protocol
    }

    /// Bytes were lost in `dir`: drop the partial PDU and any stub being reassembled, then
    /// look for the next plausible PDU header.
    fn gap(&mut self, dir: Direction) {
        self.stats.gaps += 1;
        if self.not_protocol {
            return;
        }
        let dropped = self.framers[dir.index()].gap() + self.association.gap(dir);
        self.stats.dropped_bytes += dropped as u64;
    }

    /// One connectionless PDU (UDP 135: the endpoint mapper, DCOM OXID resolution).
    fn datagram(&mut self, dir: Direction, payload: &[u8], out: &mut Vec<Announcement>) {
        self.connectionless
            .datagram(dir, payload, &mut self.stats, out);
    }

    fn stats(&self) -> &ParserStats {
        &self.stats
    }
}

/// One whole PDU of `dir`.
fn pdu(
    association: &mut Association,
    stats: &mut ParserStats,
    dir: Direction,
    h: &Header,
    pdu: &[u8],
    out: &mut Vec<Announcement>,
) {
    stats.messages += 1;
    let (body, auth) = h.split(pdu);
    let result =
        match h.ptype {
            PTYPE_BIND | PTYPE_ALTER_CONTEXT => association.bind(h, body),
            PTYPE_BIND_ACK | PTYPE_ALTER_CONTEXT_RESP => association.bind_ack(h, body),
            PTYPE_BIND_NAK => {
                association.bind_nak(h);
                Ok(())
            }
            PTYPE_REQUEST => association.request(h, body, auth, stats),
            PTYPE_RESPONSE => association
                .response(dir, h, body, auth, stats)
                .and_then(|stub| match stub {
                    Some(stub) => match stub.method {
                        Some(method) => decode_stub(method, &stub.bytes, stub.syntax),
                        None => Ok(scan_mid_stream(&stub.bytes, stub.syntax)),
                    }
                    .map(|found| stats.emit(found, out)),
                    None => Ok(()),
                }),
            PTYPE_FAULT => {
                association.fault(dir, h);
                Ok(())
            }
            _ => Ok::<(), DecodeError>(()),
        };
    if let Err(e) = result {
        stats.malformed(e);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_pdus::{activation_stub, ept_map_conversation, mutate, request, run};
    use super::*;

    proptest::proptest! {
        #[test]
        fn mutated_pdus_never_panic_and_chunking_is_irrelevant(
            le: bool,
            flips in proptest::collection::vec((0usize..100_000, proptest::num::u8::ANY), 0..6),
            splits in proptest::collection::vec(0usize..1000, 4),
        ) {
            let mut conv = ept_map_conversation(le);
            conv.push((Direction::ToServer, request(le, 5, 0, 3)));
            conv.push((Direction::ToClient, activation_stub(le, 0)));
            mutate(&mut conv, &flips);
            let (whole, _) = run(&conv);
            let mut p = DceRpc::new();
            let mut out = Vec::new();
            for ((d, b), at) in conv.iter().zip(splits.iter().cycle()) {
                let at = at % (b.len() + 1);
                p.feed(*d, &b[..at], &mut out);
                p.feed(*d, &b[at..], &mut out);
            }
            proptest::prop_assert_eq!(whole, out);
        }
    }
}
