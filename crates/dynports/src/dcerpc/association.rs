//! One association's presentation contexts (bind, alter_context and their acks, C706
//! 12.6.3.1 and 12.6.4.3-4), requests matched to responses by call id, and response stubs
//! reassembled across fragments. Bounded: [`MAX_PENDING`] contexts, offers and calls,
//! [`DCERPC_MAX_REASSEMBLY`] bytes of stub per direction.

use std::borrow::Cow;
use std::collections::VecDeque;

use super::pdu::{Auth, Header, PFC_OBJECT_UUID};
use super::{method_of, read_uuid, uuid, Syntax, Uuid};
use crate::reader::Reader;
use crate::{DecodeError, Direction, Method, ParserStats, DCERPC_MAX_REASSEMBLY, MAX_PENDING};

/// 71710533-beba-4937-8319-b5dbef9ccc36: the NDR64 transfer syntax (MS-RPCE 2.2.5).
const NDR64_SYNTAX: Uuid = uuid(
    0x71710533,
    0xbeba,
    0x4937,
    [0x83, 0x19, 0xb5, 0xdb, 0xef, 0x9c, 0xcc, 0x36],
);

/// An interface bound to a presentation context.
#[derive(Debug, Clone, Copy)]
pub(super) struct Context {
    id: u16,
    iface: Uuid,
    ndr64: bool,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Call {
    call_id: u32,
    /// `None`: a call whose response cannot announce anything (tracked only so that its
    /// response is not counted as unmatched).
    pub(super) method: Option<Method>,
    ndr64: bool,
    /// The request named a context whose bind was not seen.
    unknown_context: bool,
}

pub(super) struct Reassembly {
    call_id: u32,
    syntax: Syntax,
    pub(super) stub: Vec<u8>,
}

impl std::fmt::Debug for Reassembly {
    // Sizes only: a stub is payload.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reassembly")
            .field("call_id", &self.call_id)
            .field("stub_len", &self.stub.len())
            .finish()
    }
}

/// A whole response stub of a call whose response can announce ports, ready to decode.
pub(super) struct Stub<'a> {
    /// `None`: the operation is unknown (the context's bind was not seen), so the stub is
    /// scanned for what can be read without it.
    pub(super) method: Option<Method>,
    pub(super) syntax: Syntax,
    /// Borrowed from the PDU when it came in one fragment.
    pub(super) bytes: Cow<'a, [u8]>,
}

#[derive(Debug, Default)]
pub(super) struct Association {
    /// Context id -> interface, from bind / alter_context.
    pub(super) contexts: VecDeque<Context>,
    /// Context ids offered by a bind / alter_context, by call id, until its ack.
    pub(super) offered: VecDeque<(u32, Vec<u16>)>,
    pub(super) calls: VecDeque<Call>,
    /// Response stubs being reassembled, per direction (bounded in total size).
    pub(super) reassembly: [Vec<Reassembly>; 2],
}

impl Association {
    /// bind / alter_context: `p_cont_list_t` (C706 12.6.3.1).
    pub(super) fn bind(&mut self, h: &Header, body: &[u8]) -> Result<(), DecodeError> {
        let mut r = Reader::new(body, h.endian, "DCE-RPC bind");
        let _max_xmit = r.u16()?;
        let _max_recv = r.u16()?;
        let _assoc_group = r.u32()?;
        let n_context = r.u8()?;
        r.skip(3)?;
        let mut offered = Vec::with_capacity(usize::from(n_context));
        for _ in 0..n_context {
            let ctx_id = r.u16()?;
            let n_syntax = r.u8()?;
            let _reserved = r.u8()?;
            let iface = read_uuid(&mut r)?;
            let _version = r.u32()?;
            let mut ndr64 = false;
            for i in 0..n_syntax {
                let syntax = read_uuid(&mut r)?;
                let _version = r.u32()?;
                // Until the ack says which was accepted, assume the first offered.
                if i == 0 {
                    ndr64 = syntax == NDR64_SYNTAX;
                }
            }
            offered.push(ctx_id);
            self.contexts.retain(|c| c.id != ctx_id);
            if self.contexts.len() >= MAX_PENDING {
                self.contexts.pop_front();
            }
            self.contexts.push_back(Context {
                id: ctx_id,
                iface,
                ndr64,
            });
        }
        self.offered.retain(|(id, _)| *id != h.call_id);
        if self.offered.len() >= MAX_PENDING {
            self.offered.pop_front();
        }
        self.offered.push_back((h.call_id, offered));
        Ok(())
    }

    /// bind_ack / alter_context_resp: forget the context ids the server rejected.
    pub(super) fn bind_ack(&mut self, h: &Header, body: &[u8]) -> Result<(), DecodeError> {
        let Some(pos) = self.offered.iter().position(|(id, _)| *id == h.call_id) else {
            return Ok(());
        };
        let offered = self.offered.remove(pos).map(|(_, o)| o).unwrap_or_default();
        let mut r = Reader::new(body, h.endian, "DCE-RPC bind_ack");
        let _max_xmit = r.u16()?;
        let _max_recv = r.u16()?;
        let _assoc_group = r.u32()?;
        let sec_addr_len = usize::from(r.u16()?);
        r.skip(sec_addr_len)?;
        // Alignment is relative to the PDU start; the body starts 16 bytes in.
        r.align(4)?;
        let n_results = r.u8()?;
        r.skip(3)?;
        for i in 0..usize::from(n_results) {
            let result = r.u16()?;
            let _reason = r.u16()?;
            let syntax = read_uuid(&mut r)?;
            let _version = r.u32()?;
            let Some(&ctx) = offered.get(i) else {
                continue;
            };
            if result == 0 {
                if let Some(c) = self.contexts.iter_mut().find(|c| c.id == ctx) {
                    c.ndr64 = syntax == NDR64_SYNTAX;
                }
            } else {
                self.contexts.retain(|c| c.id != ctx);
            }
        }
        Ok(())
    }

    /// bind_nak: the offer is void.
    pub(super) fn bind_nak(&mut self, h: &Header) {
        self.offered.retain(|(id, _)| *id != h.call_id);
    }

    pub(super) fn request(
        &mut self,
        h: &Header,
        body: &[u8],
        auth: Auth,
        stats: &mut ParserStats,
    ) -> Result<(), DecodeError> {
        let mut r = Reader::new(body, h.endian, "DCE-RPC request");
        let _alloc_hint = r.u32()?;
        let ctx_id = r.u16()?;
        let opnum = r.u16()?;
        if h.flags & PFC_OBJECT_UUID != 0 {
            r.skip(16)?;
        }
        let ctx = self.contexts.iter().find(|c| c.id == ctx_id).copied();
        // Encrypted calls matter only where they could announce a port: on an interface that
        // does (the endpoint mapper, DCOM activation and OXID resolution), or on a context
        // whose interface is unknown. An encrypted LSA call hides no port.
        if auth.privacy() && ctx.is_none_or(|c| method_of(&c.iface, opnum).is_some()) {
            stats.encrypted_pdus += 1;
            stats.encrypted_bytes += r.remaining() as u64;
        }
        if !h.first_frag() {
            return Ok(());
        }
        if ctx.is_none() {
            stats.unknown_context += 1;
        }
        self.calls.retain(|c| c.call_id != h.call_id);
        if self.calls.len() >= MAX_PENDING {
            self.calls.pop_front();
            stats.evicted_calls += 1;
        }
        self.calls.push_back(Call {
            call_id: h.call_id,
            method: ctx.and_then(|c| method_of(&c.iface, opnum)),
            ndr64: ctx.is_some_and(|c| c.ndr64),
            unknown_context: ctx.is_none(),
        });
        Ok(())
    }

    /// A response fragment. Returns the whole stub once the last fragment of a call that
    /// can announce ports is in.
    pub(super) fn response<'a>(
        &mut self,
        dir: Direction,
        h: &Header,
        body: &'a [u8],
        auth: Auth,
        stats: &mut ParserStats,
    ) -> Result<Option<Stub<'a>>, DecodeError> {
        let mut r = Reader::new(body, h.endian, "DCE-RPC response");
        let _alloc_hint = r.u32()?;
        let ctx_id = r.u16()?;
        let _cancel_count = r.u8()?;
        let _reserved = r.u8()?;
        let stub_len = r
            .remaining()
            .checked_sub(auth.pad)
            .ok_or_else(|| r.invalid("auth pad length"))?;
        let stub = r.take(stub_len)?;
        let first = h.first_frag();
        let last = h.last_frag();
        let reassembly = &mut self.reassembly[dir.index()];
        if first {
            reassembly.retain(|ra| ra.call_id != h.call_id);
        }
        let call = self.calls.iter().position(|c| c.call_id == h.call_id);
        // Mid-stream (the bind was not seen): the interface is unknown, but a DCOM
        // activation or OXID answer still carries its string bindings in the clear, and an
        // endpoint-mapper answer its towers. A whole (single-fragment) readable response on
        // an unknown context is scanned for them.
        let context_unknown = !self.contexts.iter().any(|c| c.id == ctx_id);
        let unknown_call =
            call.is_none_or(|i| self.calls.get(i).is_some_and(|c| c.unknown_context));
        if context_unknown && unknown_call && first && last && !auth.privacy() {
            match call {
                Some(i) => {
                    self.calls.remove(i);
                }
                None => stats.unmatched_replies += 1,
            }
            return Ok(Some(Stub {
                method: None,
                syntax: Syntax {
                    endian: h.endian,
                    ndr64: false,
                },
                bytes: Cow::Borrowed(stub),
            }));
        }
        if auth.privacy() {
            // As for requests: counted when the call could announce a port, or is unknown.
            if call.is_none_or(|i| self.calls.get(i).is_some_and(|c| c.method.is_some())) {
                stats.encrypted_pdus += 1;
                stats.encrypted_bytes += stub.len() as u64;
            }
            reassembly.retain(|ra| ra.call_id != h.call_id);
        }
        let Some(call_idx) = call else {
            if first {
                stats.unmatched_replies += 1;
            }
            return Ok(None);
        };
        let call = self.calls.get(call_idx).copied();
        let (
            Some(Call {
                method: Some(method),
                ndr64,
                ..
            }),
            false,
        ) = (call, auth.privacy())
        else {
            if last {
                self.calls.remove(call_idx);
            }
            return Ok(None);
        };
        let syntax = Syntax {
            endian: h.endian,
            ndr64,
        };
        if first && last {
            self.calls.remove(call_idx);
            return Ok(Some(Stub {
                method: Some(method),
                syntax,
                bytes: Cow::Borrowed(stub),
            }));
        }
        let total: usize = reassembly.iter().map(|ra| ra.stub.len()).sum();
        if first {
            if total + stub.len() > DCERPC_MAX_REASSEMBLY {
                stats.dropped_bytes += stub.len() as u64;
                return Err(r.invalid("reassembled stub over the limit"));
            }
            reassembly.push(Reassembly {
                call_id: h.call_id,
                syntax,
                stub: stub.to_vec(),
            });
            return Ok(None);
        }
        let Some(idx) = reassembly.iter().position(|ra| ra.call_id == h.call_id) else {
            // Its first fragment was lost or not ours.
            return Ok(None);
        };
        if total + stub.len() > DCERPC_MAX_REASSEMBLY {
            let dropped = reassembly.remove(idx);
            stats.dropped_bytes += (dropped.stub.len() + stub.len()) as u64;
            self.calls.remove(call_idx);
            return Err(r.invalid("reassembled stub over the limit"));
        }
        reassembly[idx].stub.extend_from_slice(stub);
        if !last {
            return Ok(None);
        }
        let ra = reassembly.remove(idx);
        self.calls.remove(call_idx);
        Ok(Some(Stub {
            method: Some(method),
            syntax: ra.syntax,
            bytes: Cow::Owned(ra.stub),
        }))
    }

    /// A fault ends the call.
    pub(super) fn fault(&mut self, dir: Direction, h: &Header) {
        self.calls.retain(|c| c.call_id != h.call_id);
        self.reassembly[dir.index()].retain(|r| r.call_id != h.call_id);
    }

    /// Bytes were lost in `dir`: drops the stubs being reassembled there. Returns how many
    /// bytes were dropped.
    pub(super) fn gap(&mut self, dir: Direction) -> usize {
        let reassembly = &mut self.reassembly[dir.index()];
        let dropped = reassembly.iter().map(|r| r.stub.len()).sum();
        reassembly.clear();
        dropped
    }
}

#[cfg(test)]
mod tests {
    use super::super::epm::IID_EPM;
    use super::super::pdu::{PFC_FIRST_FRAG, PFC_LAST_FRAG, PTYPE_FAULT, PTYPE_RESPONSE};
    use super::super::test_pdus::{
        bind, bind_ack, ept_map_conversation, ept_map_expected, ept_map_stub, pdu, request,
        response, response_body, run, three_towers, NDR,
    };
    use super::*;
    use crate::dcerpc::DceRpc;
    use crate::ControlParser;

    #[test]
    fn response_fragments_are_reassembled() {
        for le in [true, false] {
            let stub = ept_map_stub(le, &three_towers(), 0);
            let mut conv = ept_map_conversation(le);
            conv.pop();
            let pieces = [&stub[..10], &stub[10..77], &stub[77..]];
            for (k, piece) in pieces.iter().enumerate() {
                let flags = match k {
                    0 => PFC_FIRST_FRAG,
                    2 => PFC_LAST_FRAG,
                    _ => 0,
                };
                let body = response_body(le, piece);
                conv.push((
                    Direction::ToClient,
                    pdu(le, PTYPE_RESPONSE, flags, 2, &body, None),
                ));
            }
            let (out, p) = run(&conv);
            assert_eq!(out, ept_map_expected(), "le={le}");
            assert!(p.association.reassembly[1].is_empty());
            // Byte by byte.
            let mut p = DceRpc::new();
            let mut out = Vec::new();
            for (d, b) in &conv {
                for c in b.chunks(1) {
                    p.feed(*d, c, &mut out);
                }
            }
            assert_eq!(out, ept_map_expected());
        }
    }

    #[test]
    fn contexts_calls_and_faults() {
        // Request on a context never bound: counted, its response is only scanned as
        // mid-stream (what it finds says so).
        let stub = ept_map_stub(true, &three_towers(), 0);
        let mid_stream = |out: &[crate::Announcement]| {
            !out.is_empty() && out.iter().all(|a| a.method == Method::MidStreamTowers)
        };
        let (out, p) = run(&[
            (Direction::ToServer, request(true, 2, 7, 3)),
            (Direction::ToClient, response(true, 2, &stub)),
        ]);
        assert!(mid_stream(&out), "{out:?}");
        assert_eq!(p.stats().unknown_context, 1);
        assert_eq!(p.stats().unmatched_replies, 0);
        assert!(p.association.calls.is_empty());
        // A response without a request (capture started mid-call) is unmatched.
        let (out, p) = run(&[(Direction::ToClient, response(true, 2, &stub))]);
        assert!(mid_stream(&out), "{out:?}");
        assert_eq!(p.stats().unmatched_replies, 1);
        // A rejected context is forgotten: its calls are as on a context never bound.
        let mut conv = ept_map_conversation(true);
        conv[1].1 = bind_ack(true, 1, 2);
        let (out, p) = run(&conv);
        assert!(mid_stream(&out), "{out:?}");
        assert_eq!(p.stats().unknown_context, 1);
        // A fault ends the call.
        let mut conv = ept_map_conversation(true);
        conv[3].1 = pdu(true, PTYPE_FAULT, 3, 2, &[0; 16], None);
        let (out, p) = run(&conv);
        assert!(out.is_empty());
        assert!(p.association.calls.is_empty());
        // Other interfaces and opnums are not tracked.
        let (_, p) = run(&[
            (Direction::ToServer, bind(true, 1, 0, &NDR)),
            (Direction::ToServer, request(true, 2, 0, 3)),
            (Direction::ToServer, bind(true, 3, 1, &IID_EPM)),
            (Direction::ToServer, request(true, 4, 1, 1)),
        ]);
        assert!(p.association.calls.iter().all(|c| c.method.is_none()));
    }

    #[test]
    fn pending_calls_and_contexts_are_bounded() {
        let mut p = DceRpc::new();
        let mut out = Vec::new();
        for ctx in 0..300u16 {
            p.feed(
                Direction::ToServer,
                &bind(true, u32::from(ctx), ctx, &IID_EPM),
                &mut out,
            );
        }
        for call in 0..300u32 {
            p.feed(
                Direction::ToServer,
                &request(true, 1000 + call, 299, 3),
                &mut out,
            );
        }
        assert_eq!(p.association.contexts.len(), MAX_PENDING);
        assert_eq!(p.association.offered.len(), MAX_PENDING);
        assert_eq!(p.association.calls.len(), MAX_PENDING);
        assert_eq!(p.stats().evicted_calls, 300 - MAX_PENDING as u64);
    }

    #[test]
    fn reassembly_is_bounded() {
        let mut conv = ept_map_conversation(true);
        conv.pop();
        let piece = vec![0u8; 60_000];
        let mut p = DceRpc::new();
        let mut out = Vec::new();
        for (d, b) in &conv {
            p.feed(*d, b, &mut out);
        }
        let first = pdu(
            true,
            PTYPE_RESPONSE,
            PFC_FIRST_FRAG,
            2,
            &response_body(true, &piece),
            None,
        );
        let middle = pdu(
            true,
            PTYPE_RESPONSE,
            0,
            2,
            &response_body(true, &piece),
            None,
        );
        p.feed(Direction::ToClient, &first, &mut out);
        for _ in 0..5 {
            p.feed(Direction::ToClient, &middle, &mut out);
        }
        assert!(
            p.association.reassembly[1]
                .iter()
                .map(|r| r.stub.len())
                .sum::<usize>()
                <= DCERPC_MAX_REASSEMBLY
        );
        assert_eq!(p.stats().malformed, 1);
        assert!(out.is_empty());
    }
}
