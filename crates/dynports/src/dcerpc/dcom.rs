//! DCOM (MS-DCOM): `IObjectExporter` (ResolveOxid, ResolveOxid2, ServerAlive2),
//! `IRemoteActivation::RemoteActivation` and `IRemoteSCMActivator` activation responses,
//! and the DUALSTRINGARRAYs (string bindings `host[port]`) they carry.

use std::net::IpAddr;

use super::{epm_announcement, uuid, Syntax, Uuid};
use crate::reader::Reader;
use crate::{push_unique, Announcement, DecodeError, Method, Transport};

/// DCOM string binding tower id for ncacn_ip_tcp (MS-DCOM 2.2.19.3).
const TOWER_NCACN_IP_TCP: u16 = 0x0007;

/// 000001a0-0000-0000-c000-000000000046: IRemoteSCMActivator, which Wireshark calls
/// ISystemActivator.
pub(super) const IID_REMOTE_SCM_ACTIVATOR: Uuid =
    uuid(0x0000_01a0, 0, 0, [0xc0, 0, 0, 0, 0, 0, 0, 0x46]);
/// 99fcfec4-5260-101b-bbcb-00aa0021347a
pub(super) const IID_OBJECT_EXPORTER: Uuid = uuid(
    0x99fcfec4,
    0x5260,
    0x101b,
    [0xbb, 0xcb, 0x00, 0xaa, 0x00, 0x21, 0x34, 0x7a],
);
/// 4d9f4ab8-7d1c-11cf-861e-0020af6e7c57
pub(super) const IID_REMOTE_ACTIVATION: Uuid = uuid(
    0x4d9f4ab8,
    0x7d1c,
    0x11cf,
    [0x86, 0x1e, 0x00, 0x20, 0xaf, 0x6e, 0x7c, 0x57],
);

/// A string binding of a DUALSTRINGARRAY.
#[derive(Debug, Clone, PartialEq, Eq)]
struct StringBinding {
    tower_id: u16,
    network_addr: String,
}

/// Parses `aStringArray` of a DUALSTRINGARRAY (MS-DCOM 2.2.19.1): string bindings up to
/// `security_offset`, each `wTowerId` + NUL-terminated UTF-16 text, ended by an empty entry;
/// then security bindings (`wAuthnSvc`, `Reserved`, NUL-terminated name), ended likewise.
fn parse_string_array(words: &[u16], security_offset: usize) -> Option<Vec<StringBinding>> {
    let n = words.len();
    if n < 2 || security_offset == 0 || security_offset >= n {
        return None;
    }
    if words[security_offset - 1] != 0 || words[n - 1] != 0 {
        return None;
    }
    let mut bindings = Vec::new();
    let mut i = 0;
    while i < security_offset - 1 {
        let tower_id = words[i];
        if tower_id == 0 || tower_id > 0x1f {
            return None;
        }
        i += 1;
        let len = words
            .get(i..security_offset)?
            .iter()
            .position(|&w| w == 0)?;
        let text: String = char::decode_utf16(words[i..i + len].iter().copied())
            .collect::<Result<_, _>>()
            .ok()?;
        if text.is_empty() || text.chars().any(char::is_control) {
            return None;
        }
        bindings.push(StringBinding {
            tower_id,
            network_addr: text,
        });
        i += len + 1;
    }
    if i != security_offset - 1 {
        return None;
    }
    // Security bindings must be well formed too; that is what makes scanning reliable.
    let mut i = security_offset;
    while i < n - 1 {
        let authn = words[i];
        if authn == 0 || i + 2 > n - 1 {
            return None;
        }
        i += 2;
        let len = words.get(i..n)?.iter().position(|&w| w == 0)?;
        if char::decode_utf16(words[i..i + len].iter().copied())
            .any(|c| c.map_or(true, char::is_control))
        {
            return None;
        }
        i += len + 1;
    }
    (i == n - 1).then_some(bindings)
}

/// `host[port]` of an ncacn_ip_tcp string binding; the host becomes an address when it is an
/// IP literal.
fn binding_endpoint(b: &StringBinding) -> Option<(Option<IpAddr>, u16)> {
    if b.tower_id != TOWER_NCACN_IP_TCP {
        return None;
    }
    let (host, rest) = b.network_addr.split_once('[')?;
    let port = rest.strip_suffix(']')?;
    if port.is_empty() || port.len() > 5 || !port.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let port = port.parse::<u16>().ok().filter(|&p| p != 0)?;
    let addr = host.parse::<IpAddr>().ok().filter(|a| !a.is_unspecified());
    Some((addr, port))
}

fn bindings_to_announcements(
    bindings: &[StringBinding],
    method: Method,
    found: &mut Vec<Announcement>,
) {
    for b in bindings {
        if let Some((addr, port)) = binding_endpoint(b) {
            push_unique(found, epm_announcement(method, addr, port, Transport::Tcp));
        }
    }
}

/// An NDR-marshalled DUALSTRINGARRAY behind a unique pointer (MS-DCOM 2.2.19.1): referent id,
/// conformance, wNumEntries, wSecurityOffset, aStringArray.
fn read_dsa_ptr(r: &mut Reader<'_>) -> Result<Vec<StringBinding>, DecodeError> {
    if r.ndr_long()? == 0 {
        return Ok(Vec::new());
    }
    let max_count = r.ndr_long()?;
    let num_entries = r.u16()?;
    let security_offset = usize::from(r.u16()?);
    if max_count != u64::from(num_entries) {
        return Err(r.invalid("DUALSTRINGARRAY conformance"));
    }
    let num_entries = usize::from(num_entries);
    let mut words = Vec::with_capacity(num_entries.min(r.remaining() / 2));
    for _ in 0..num_entries {
        words.push(r.u16()?);
    }
    parse_string_array(&words, security_offset).ok_or_else(|| r.invalid("DUALSTRINGARRAY"))
}

/// ServerAlive2 response (opnum 5): COMVERSION, DUALSTRINGARRAY*, reserved, status.
pub(super) fn decode_server_alive2(
    stub: &[u8],
    syntax: Syntax,
) -> Result<Vec<Announcement>, DecodeError> {
    let mut r = syntax.reader(stub, "ServerAlive2 response");
    let _major = r.u16()?;
    let _minor = r.u16()?;
    let bindings = read_dsa_ptr(&mut r)?;
    r.align(4)?;
    let _reserved = r.u32()?;
    let status = r.u32()?;
    let mut found = Vec::new();
    if status == 0 {
        bindings_to_announcements(&bindings, Method::ServerAlive2, &mut found);
    }
    Ok(found)
}

/// ResolveOxid (opnum 0) / ResolveOxid2 (opnum 4) response: DUALSTRINGARRAY*, IPID,
/// AuthnHint, [COMVERSION for ResolveOxid2], status.
pub(super) fn decode_resolve_oxid(
    stub: &[u8],
    syntax: Syntax,
    method: Method,
) -> Result<Vec<Announcement>, DecodeError> {
    let mut r = syntax.reader(stub, "ResolveOxid response");
    let bindings = read_dsa_ptr(&mut r)?;
    r.align(4)?;
    r.skip(16)?; // IPID of IRemUnknown
    let _authn_hint = r.u32()?;
    if method == Method::ResolveOxid2 {
        let _major = r.u16()?;
        let _minor = r.u16()?;
    }
    let status = r.u32()?;
    let mut found = Vec::new();
    if status == 0 {
        bindings_to_announcements(&bindings, method, &mut found);
    }
    Ok(found)
}

/// ORPCTHAT (MS-DCOM 2.2.13): flags and a unique pointer to extensions. Returns whether
/// extensions follow (then the rest is not decoded field by field).
fn read_orpcthat(r: &mut Reader<'_>) -> Result<bool, DecodeError> {
    let _flags = r.u32()?;
    Ok(r.ndr_long()? != 0)
}

/// RemoteGetClassObject (opnum 3) / RemoteCreateInstance (opnum 4) response: ORPCTHAT,
/// `MInterfacePointer*` to the activation properties blob, HRESULT. The blob is scanned for
/// DUALSTRINGARRAYs (the ScmReplyInfo's OXID bindings and the OBJREFs' resolver addresses).
pub(super) fn decode_scm_activation(
    stub: &[u8],
    syntax: Syntax,
    method: Method,
) -> Result<Vec<Announcement>, DecodeError> {
    let mut r = syntax.reader(stub, "activation response");
    let mut found = Vec::new();
    if read_orpcthat(&mut r)? {
        // ORPC extensions precede the blob: do not decode them, scan the whole stub.
        scan_dsas(stub, method, &mut found);
        return Ok(found);
    }
    if r.ndr_long()? == 0 {
        r.align(4)?;
        let _hr = r.u32()?;
        return Ok(found);
    }
    let max_count = r.ndr_long()?;
    r.align(4)?;
    let cnt = r.u32()?;
    if u64::from(cnt) != max_count {
        return Err(r.invalid("MInterfacePointer size"));
    }
    let blob = r.take(cnt as usize)?;
    r.align(4)?;
    let hr = r.u32()?;
    if hr == 0 {
        scan_dsas(blob, method, &mut found);
    }
    Ok(found)
}

/// IRemoteActivation::RemoteActivation response (opnum 0): ORPCTHAT, OXID, DUALSTRINGARRAY*,
/// IPID, AuthnHint, COMVERSION, HRESULT (then interface data, not needed).
pub(super) fn decode_remote_activation(
    stub: &[u8],
    syntax: Syntax,
) -> Result<Vec<Announcement>, DecodeError> {
    let mut r = syntax.reader(stub, "RemoteActivation response");
    let mut found = Vec::new();
    if read_orpcthat(&mut r)? {
        scan_dsas(stub, Method::RemoteActivation, &mut found);
        return Ok(found);
    }
    r.align(8)?;
    let _oxid = r.u64()?;
    let bindings = read_dsa_ptr(&mut r)?;
    r.align(4)?;
    r.skip(16)?; // IPID
    let _authn_hint = r.u32()?;
    let _major = r.u16()?;
    let _minor = r.u16()?;
    let hr = r.u32()?;
    if hr == 0 {
        bindings_to_announcements(&bindings, Method::RemoteActivation, &mut found);
    }
    Ok(found)
}

/// A response whose operation is unknown (its bind was not seen): every well-formed
/// DUALSTRINGARRAY in it, as OBJREFs and activation blobs carry them.
pub(super) fn scan_mid_stream(stub: &[u8]) -> Vec<Announcement> {
    let mut found = Vec::new();
    scan_dsas(stub, Method::MidStreamBindings, &mut found);
    found
}

/// Finds well-formed little-endian DUALSTRINGARRAYs (wNumEntries, wSecurityOffset,
/// aStringArray) anywhere in `data`. OBJREFs and the activation blob are little-endian
/// whatever the PDU's data representation (MS-DCOM 2.2.18).
fn scan_dsas(data: &[u8], method: Method, found: &mut Vec<Announcement>) {
    let word = |i: usize| -> Option<u16> {
        let s = data.get(i..i + 2)?;
        Some(u16::from_le_bytes([s[0], s[1]]))
    };
    // Candidates can overlap; a crafted blob could make every offset one. Words decoded
    // over the whole scan are capped at a few times the blob, so the scan stays linear.
    let mut budget = data.len().saturating_mul(2);
    let mut p = 0;
    while p + 8 <= data.len() {
        let (Some(n), Some(sec)) = (word(p), word(p + 2)) else {
            break;
        };
        let (n, sec) = (usize::from(n), usize::from(sec));
        let end = p + 4 + 2 * n;
        let candidate = n >= 3 && sec >= 2 && sec < n && end <= data.len();
        if candidate && word(p + 4 + 2 * (sec - 1)) == Some(0) && word(end - 2) == Some(0) {
            if budget < n {
                break;
            }
            budget -= n;
            let words: Vec<u16> = (0..n).filter_map(|i| word(p + 4 + 2 * i)).collect();
            if let Some(bindings) = parse_string_array(&words, sec) {
                if !bindings.is_empty() {
                    bindings_to_announcements(&bindings, method, found);
                    p = end;
                    continue;
                }
            }
        }
        p += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::decode_stub;
    use super::super::test_pdus::{
        activation_stub, dcom_run, dsa_ptr, ept_map_stub, oxid_bindings, oxid_expected,
        resolve_oxid2_stub, three_towers, W,
    };
    use super::*;
    use crate::reader::Endian;
    use crate::test_util::hex;
    use crate::ControlParser;

    /// Regression: a blob where every offset looks like a DUALSTRINGARRAY header must not
    /// make the scan quadratic (found by review of the fuzz targets).
    #[test]
    fn overlapping_dualstringarray_candidates_stay_linear() {
        // Words repeating [n = 0x7f01, sec = 2, 0, 0]: at every 8th byte the header, the
        // word before the security offset and the last word all pass the quick checks, so
        // each offset is a candidate of 32,513 words.
        let mut data = Vec::new();
        while data.len() < 256 * 1024 {
            data.extend_from_slice(&[0x01, 0x7f, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00]);
        }
        let started = std::time::Instant::now();
        let mut found = Vec::new();
        scan_dsas(&data, Method::RemoteCreateInstance, &mut found);
        assert!(found.is_empty());
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn resolve_oxid2_both_endiannesses() {
        for le in [true, false] {
            let (out, p) = dcom_run(le, &IID_OBJECT_EXPORTER, 4, &resolve_oxid2_stub(le, 0));
            assert_eq!(out, oxid_expected(Method::ResolveOxid2), "le={le}");
            assert_eq!(p.stats().malformed, 0);
            let (out, _) = dcom_run(
                le,
                &IID_OBJECT_EXPORTER,
                4,
                &resolve_oxid2_stub(le, 0x8001_0108),
            );
            assert!(out.is_empty());
        }
        // ResolveOxid (opnum 0) has no COMVERSION.
        let (words, sec) = oxid_bindings();
        let mut s = W::new(true);
        dsa_ptr(&mut s, &words, sec);
        s.bytes(&[0x77; 16]).u32(0x0a).u32(0);
        let (out, _) = dcom_run(true, &IID_OBJECT_EXPORTER, 0, &s.buf);
        assert_eq!(out, oxid_expected(Method::ResolveOxid));
    }

    #[test]
    fn server_alive2_from_capture_lists_no_port() {
        // suricata-verify dcerpc-ctxids f7 stub: COMVERSION 5.7, bindings DC1 and
        // 192.168.56.101 without ports, seven security bindings, status 0.
        let stub = hex("
            0500 0700              # COMVERSION 5.7
            00000200               # referent id
            2c000000               # conformance 44
            2c00 1600              # wNumEntries 44, wSecurityOffset 22
            0700 440043003100 0000 # ncacn_ip_tcp \"DC1\"
            0700 310039003200 2e00 310036003800 2e00 35003600 2e00 310030003100 0000  # \"192.168.56.101\"
            0000                   # end of string bindings
            0900 ffff 0000  1e00 ffff 0000  1000 ffff 0000  0a00 ffff 0000
            1600 ffff 0000  1f00 ffff 0000  0e00 ffff 0000  # security bindings
            0000                   # end of security bindings
            0000                   # pad to 4
            00000000               # reserved
            00000000               # status
        ");
        let found = decode_server_alive2(
            &stub,
            Syntax {
                endian: Endian::Little,
                ndr64: false,
            },
        );
        assert_eq!(found, Ok(Vec::new()));
        let (words, sec) = oxid_bindings();
        let mut s = W::new(false);
        s.u16(5).u16(7);
        dsa_ptr(&mut s, &words, sec);
        s.u32(0).u32(0);
        let (out, _) = dcom_run(false, &IID_OBJECT_EXPORTER, 5, &s.buf);
        assert_eq!(out, oxid_expected(Method::ServerAlive2));
    }

    #[test]
    fn remote_create_instance_and_get_class_object_blob_scan() {
        for le in [true, false] {
            for (opnum, method) in [
                (4, Method::RemoteCreateInstance),
                (3, Method::RemoteGetClassObject),
            ] {
                let (out, p) = dcom_run(
                    le,
                    &IID_REMOTE_SCM_ACTIVATOR,
                    opnum,
                    &activation_stub(le, 0),
                );
                assert_eq!(out, oxid_expected(method));
                assert_eq!(p.stats().malformed, 0);
                let (out, _) = dcom_run(
                    le,
                    &IID_REMOTE_SCM_ACTIVATOR,
                    opnum,
                    &activation_stub(le, 0x8000_4005),
                );
                assert!(out.is_empty());
            }
        }
    }

    /// Issue 16 class 7: the capture began after the bind. The request names context 0,
    /// never bound in what was seen; its response still yields the string bindings, marked
    /// mid-stream. With the bind seen, a context of another interface is never scanned.
    #[test]
    fn activation_reply_on_a_context_whose_bind_was_not_seen() {
        use super::super::test_pdus::{bind, bind_ack, request, response, run};
        use crate::Direction;
        for le in [true, false] {
            let (out, _) = run(&[
                (Direction::ToServer, request(le, 7, 0, 3)),
                (
                    Direction::ToClient,
                    response(le, 7, &activation_stub(le, 0)),
                ),
            ]);
            assert_eq!(out, oxid_expected(Method::MidStreamBindings), "le={le}");
            let other_iface = [0x42; 16];
            let (out, _) = run(&[
                (Direction::ToServer, bind(le, 1, 0, &other_iface)),
                (Direction::ToClient, bind_ack(le, 1, 0)),
                (Direction::ToServer, request(le, 2, 0, 3)),
                (
                    Direction::ToClient,
                    response(le, 2, &activation_stub(le, 0)),
                ),
            ]);
            assert!(
                out.is_empty(),
                "a known interface that names no port: {out:?}"
            );
        }
    }

    #[test]
    fn remote_activation() {
        let (words, sec) = oxid_bindings();
        let mut s = W::new(true);
        s.u32(0).u32(0).bytes(&[0x11; 8]); // ORPCTHAT, OXID (already 8-aligned)
        dsa_ptr(&mut s, &words, sec);
        s.bytes(&[0x22; 16]).u32(0).u16(5).u16(7).u32(0);
        s.bytes(&[0; 12]); // interface data, not decoded
        let (out, _) = dcom_run(true, &IID_REMOTE_ACTIVATION, 0, &s.buf);
        assert_eq!(out, oxid_expected(Method::RemoteActivation));
    }

    #[test]
    fn every_truncation_of_dcom_stubs_announces_nothing() {
        let syntax = Syntax {
            endian: Endian::Little,
            ndr64: false,
        };
        let cases = [
            (Method::ResolveOxid2, resolve_oxid2_stub(true, 0)),
            (Method::RemoteCreateInstance, activation_stub(true, 0)),
            (Method::EptMap, ept_map_stub(true, &three_towers(), 0)),
        ];
        for (method, stub) in cases {
            assert!(!decode_stub(method, &stub, syntax).unwrap().is_empty());
            for len in 0..stub.len() {
                let r = decode_stub(method, &stub[..len], syntax);
                assert!(r.is_err(), "{method} truncated at {len}: {r:?}");
            }
        }
    }

    #[test]
    fn string_binding_parsing() {
        let b = |s: &str| StringBinding {
            tower_id: 7,
            network_addr: s.to_string(),
        };
        assert_eq!(
            binding_endpoint(&b("10.0.0.5[135]")),
            Some((Some("10.0.0.5".parse().unwrap()), 135))
        );
        assert_eq!(binding_endpoint(&b("host[65535]")), Some((None, 65535)));
        for bad in [
            "host",
            "host[]",
            "host[0]",
            "host[65536]",
            "host[12",
            "host[ab]",
        ] {
            assert_eq!(binding_endpoint(&b(bad)), None, "{bad}");
        }
        // Malformed arrays are rejected.
        let (mut words, sec) = oxid_bindings();
        assert!(parse_string_array(&words, usize::from(sec)).is_some());
        assert!(parse_string_array(&words, usize::from(sec) - 1).is_none());
        words.pop();
        assert!(parse_string_array(&words, usize::from(sec)).is_none());
    }
}
