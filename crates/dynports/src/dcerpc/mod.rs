//! DCE-RPC connection-oriented PDUs (C706 chapter 12, MS-RPCE 2.2.2) on the endpoint mapper
//! port: the endpoint mapper (C706 appendix O / MS-RPCE 2.2.1.2) and the DCOM interfaces that
//! return OXID string bindings (MS-DCOM 3.1.2.5).
//!
//! Parsers apart from state, as in Suricata's `rust/src/dcerpc`:
//! - `pdu`: the common header, PDU framing of the byte stream (and resynchronisation after
//!   lost bytes), the auth trailer.
//! - `association`: presentation contexts (bind, alter_context and their acks), requests
//!   matched to responses by call id, response stubs reassembled across fragments.
//! - `epm`: endpoint mapper responses (`ept_map`, `ept_lookup`) and their towers.
//! - `dcom`: OXID resolution and activation responses, DUALSTRINGARRAYs.
//! - mid-stream: a response on a context whose bind was not seen is scanned for what needs
//!   no bind (`dcom`'s DUALSTRINGARRAYs, `epm`'s towers).
//! - `state`: [`DceRpc`], one association's state, tying them together.
//!
//! The stub decoders of `epm` and `dcom` are pure functions of the stub bytes and its
//! [`Syntax`]; this module says which (interface, opnum) each one answers.

mod association;
pub(crate) mod cl;
mod dcom;
mod epm;
mod pdu;
mod state;
#[cfg(test)]
mod test_pdus;

use std::net::IpAddr;

use crate::reader::{Endian, Reader};
use crate::{Announcement, Connector, ControlProtocol, DecodeError, Method, Transport};

pub use state::DceRpc;

type Uuid = [u8; 16];

/// A UUID in its string (big-endian) byte order.
const fn uuid(d1: u32, d2: u16, d3: u16, d4: [u8; 8]) -> Uuid {
    let a = d1.to_be_bytes();
    let b = d2.to_be_bytes();
    let c = d3.to_be_bytes();
    [
        a[0], a[1], a[2], a[3], b[0], b[1], c[0], c[1], d4[0], d4[1], d4[2], d4[3], d4[4], d4[5],
        d4[6], d4[7],
    ]
}

/// A UUID in NDR (first three fields in the data representation's byte order).
fn read_uuid(r: &mut Reader<'_>) -> Result<Uuid, DecodeError> {
    let d1 = r.u32()?;
    let d2 = r.u16()?;
    let d3 = r.u16()?;
    let mut d4 = [0u8; 8];
    d4.copy_from_slice(r.take(8)?);
    Ok(uuid(d1, d2, d3, d4))
}

/// How a stub is encoded: byte order from the PDU's data representation, NDR or NDR64 from
/// the transfer syntax negotiated for the context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Syntax {
    endian: Endian,
    ndr64: bool,
}

impl Syntax {
    fn reader<'a>(self, stub: &'a [u8], context: &'static str) -> Reader<'a> {
        Reader::new(stub, self.endian, context).with_ndr64(self.ndr64)
    }
}

/// The method a (interface, opnum) pair stands for, when its response can announce ports.
/// The endpoint mapper's interface id, for tests outside this module.
#[cfg(test)]
pub(crate) fn epm_iid_for_tests() -> Uuid {
    epm::IID_EPM
}

fn method_of(iface: &Uuid, opnum: u16) -> Option<Method> {
    use dcom::{IID_OBJECT_EXPORTER, IID_REMOTE_ACTIVATION, IID_REMOTE_SCM_ACTIVATOR};
    use epm::IID_EPM;
    match (iface, opnum) {
        (&IID_EPM, 2) => Some(Method::EptLookup),
        (&IID_EPM, 3) => Some(Method::EptMap),
        (&IID_REMOTE_SCM_ACTIVATOR, 3) => Some(Method::RemoteGetClassObject),
        (&IID_REMOTE_SCM_ACTIVATOR, 4) => Some(Method::RemoteCreateInstance),
        (&IID_OBJECT_EXPORTER, 0) => Some(Method::ResolveOxid),
        (&IID_OBJECT_EXPORTER, 4) => Some(Method::ResolveOxid2),
        (&IID_OBJECT_EXPORTER, 5) => Some(Method::ServerAlive2),
        (&IID_REMOTE_ACTIVATION, 0) => Some(Method::RemoteActivation),
        _ => None,
    }
}

/// Decodes a whole response stub of a call whose response can announce ports.
fn decode_stub(
    method: Method,
    stub: &[u8],
    syntax: Syntax,
) -> Result<Vec<Announcement>, DecodeError> {
    match method {
        Method::EptMap => epm::decode_ept_map(stub, syntax),
        Method::EptLookup => epm::decode_ept_lookup(stub, syntax),
        Method::ServerAlive2 => dcom::decode_server_alive2(stub, syntax),
        Method::ResolveOxid | Method::ResolveOxid2 => {
            dcom::decode_resolve_oxid(stub, syntax, method)
        }
        Method::RemoteGetClassObject | Method::RemoteCreateInstance => {
            dcom::decode_scm_activation(stub, syntax, method)
        }
        Method::RemoteActivation => dcom::decode_remote_activation(stub, syntax),
        _ => Ok(Vec::new()),
    }
}

/// A whole response stub on a context whose bind was not seen (mid-stream): the operation
/// is unknown, so it is scanned for what can be read without the bind, DCOM string bindings
/// and endpoint-mapper towers, each announced with its mid-stream method.
fn scan_mid_stream(stub: &[u8], syntax: Syntax) -> Vec<Announcement> {
    let mut found = dcom::scan_mid_stream(stub);
    found.extend(epm::scan_mid_stream(stub, syntax.endian));
    found
}

/// An endpoint announced by the endpoint mapper or a DCOM response: the control
/// connection's client connects to it.
fn epm_announcement(
    method: Method,
    addr: Option<IpAddr>,
    port: u16,
    transport: Transport,
) -> Announcement {
    Announcement {
        protocol: ControlProtocol::DceRpcEpm,
        method,
        addr,
        port,
        transport,
        connector: Connector::Client,
        program: None,
    }
}

#[cfg(test)]
mod tests {
    use super::test_pdus::{
        activation_stub, ept_map_stub, mutate, resolve_oxid2_stub, three_towers,
    };
    use super::*;
    use crate::Direction;

    proptest::proptest! {
        #[test]
        fn mutated_stubs_never_panic(
            flips in proptest::collection::vec((0usize..100_000, proptest::num::u8::ANY), 1..6),
            ndr64: bool,
        ) {
            let syntax = Syntax { endian: Endian::Little, ndr64 };
            for method in [
                Method::EptMap,
                Method::EptLookup,
                Method::ResolveOxid2,
                Method::ServerAlive2,
                Method::RemoteCreateInstance,
                Method::RemoteActivation,
            ] {
                for stub in [
                    ept_map_stub(true, &three_towers(), 0),
                    resolve_oxid2_stub(true, 0),
                    activation_stub(true, 0),
                ] {
                    let mut conv = [(Direction::ToClient, stub)];
                    mutate(&mut conv, &flips);
                    let _ = decode_stub(method, &conv[0].1, syntax);
                    let _ = scan_mid_stream(&conv[0].1, syntax);
                }
            }
        }
    }
}
