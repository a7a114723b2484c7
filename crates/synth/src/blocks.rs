//! Conversations as the vendors' software has them, shared by the plant and the demo: each
//! builder returns a task that plays one complete exchange (handshake, data, close) and, for
//! the dynamic-port protocols, the follow-up connection to the announced port.

use std::io;

use crate::proto;
use crate::sim::{Act, HostId, Task, TcpConv, World};

fn tls_response(t: &mut TcpConv, client: bool, mut total: usize) {
    while total > 0 {
        let n = total.min(16_384);
        let head = proto::tls_record_head(n);
        if client {
            t.c(head, n);
        } else {
            t.s(head, n);
        }
        total -= n;
    }
}

/// HTTPS (TLS application data) request/response pairs, e.g. FTAC client -> server 443.
pub(crate) fn https(
    w: &mut World,
    c: HostId,
    s: HostId,
    port: u16,
    exchanges: u32,
    resp_max: usize,
) -> io::Result<Task> {
    let mut t = w.tcp(c, s, port)?;
    t.open();
    for i in 0..exchanges.max(1) {
        let req = w.rng.range(300, 1400) as usize;
        t.c(proto::tls_record_head(req), req);
        let resp = w.rng.range(600, resp_max.max(700) as u64) as usize;
        tls_response(&mut t, false, resp);
        if i + 1 < exchanges {
            t.think(w.rng.range(2_000, 400_000) as u32);
        }
    }
    t.close();
    Ok(t.task())
}

/// Socket.IO long polling over plain HTTP (FactoryTalk Chapter 4), Directory client -> server.
pub(crate) fn socketio(w: &mut World, c: HostId, s: HostId, polls: u32) -> io::Result<Task> {
    let mut t = w.tcp(c, s, 80)?;
    t.open();
    let host = w.host(s).name.clone();
    for i in 0..polls.max(1) {
        let req = format!(
            "GET /socket.io/?EIO=4&transport=polling&t=P{:x} HTTP/1.1\r\nHost: {host}\r\nAccept: */*\r\nConnection: keep-alive\r\n\r\n",
            w.rng.next_u32()
        );
        t.c(req.into_bytes(), 0);
        let body = if i == 0 {
            format!("0{{\"sid\":\"{:016x}\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000}}", w.rng.next_u64())
        } else {
            "2".to_string()
        };
        let resp = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Length: {}\r\nConnection: keep-alive\r\n\r\n{body}",
            body.len()
        );
        t.think(w.rng.range(500, 25_000) as u32);
        t.s(resp.into_bytes(), 0);
    }
    t.close();
    Ok(t.task())
}

/// SQL Server TDS batches and results, e.g. FTAC server -> SQL 1433.
pub(crate) fn sql(
    w: &mut World,
    c: HostId,
    s: HostId,
    batches: u32,
    result_max: usize,
) -> io::Result<Task> {
    let mut t = w.tcp(c, s, 1433)?;
    let spid = w.rng.range(51, 200) as u16;
    t.open();
    t.c(proto::tds_prelogin(false), 0);
    t.s(proto::tds_prelogin(true), 0);
    const QUERIES: [&str; 4] = [
        "SELECT AssetId, Name, Revision FROM dbo.Assets WHERE ParentId = @p0",
        "EXEC dbo.ArchiveGetVersion @AssetId = @p0, @Version = @p1",
        "INSERT INTO dbo.AuditLog (Time, UserName, Action, Detail) VALUES (@p0, @p1, @p2, @p3)",
        "SELECT ScheduleId, NextRun, State FROM dbo.Schedules WHERE Agent = @p0",
    ];
    for _ in 0..batches.max(1) {
        let q = QUERIES[w.rng.below(4) as usize];
        t.c(proto::tds_sql_batch(spid, q), 0);
        let mut total = w.rng.range(200, result_max.max(300) as u64) as usize;
        while total > 0 {
            let n = total.min(32_000);
            let (head, fill, tail) = proto::tds_result(spid, n / 2);
            t.s3(head, fill, tail);
            total -= n;
        }
        t.think(w.rng.range(500, 30_000) as u32);
    }
    t.close();
    Ok(t.task())
}

/// An opaque proprietary stream: `exchanges` request/response pairs framed by `head`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn framed(
    w: &mut World,
    c: HostId,
    s: HostId,
    port: u16,
    exchanges: u32,
    req_max: usize,
    resp_max: usize,
    head: fn(usize) -> Vec<u8>,
) -> io::Result<Task> {
    let mut t = w.tcp(c, s, port)?;
    t.open();
    for _ in 0..exchanges.max(1) {
        let q = w.rng.range(40, req_max.max(41) as u64) as usize;
        chunked(&mut t, true, q, head);
        let r = w.rng.range(40, resp_max.max(41) as u64) as usize;
        chunked(&mut t, false, r, head);
        t.think(w.rng.range(1_000, 200_000) as u32);
    }
    t.close();
    Ok(t.task())
}

/// Sends `total` bytes as frames of at most 16 KiB, each with its own header (TLS records
/// cannot be larger).
fn chunked(t: &mut TcpConv, client: bool, mut total: usize, head: fn(usize) -> Vec<u8>) {
    while total > 0 {
        let n = total.min(16_384);
        if client {
            t.c(head(n), n);
        } else {
            t.s(head(n), n);
        }
        total -= n;
    }
}

/// Plain HTTP GET with a `len`-byte binary response (firmware download).
pub(crate) fn http_get(
    w: &mut World,
    c: HostId,
    s: HostId,
    path: &str,
    len: usize,
) -> io::Result<Task> {
    let host = w.host(s).name.clone();
    let mut t = w.tcp(c, s, 80)?;
    t.open();
    t.c(format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: PathTrak/4.2\r\nAccept: */*\r\n\r\n").into_bytes(), 0);
    t.s(
        format!("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {len}\r\n\r\n").into_bytes(),
        len,
    );
    t.close();
    Ok(t.task())
}

/// AJP13 from the reverse proxy to the PathTrak server (8009): forward request, then the
/// container's headers, body chunks and end of response.
pub(crate) fn ajp(
    w: &mut World,
    proxy: HostId,
    s: HostId,
    requests: u32,
    resp_max: usize,
) -> io::Result<Task> {
    let mut t = w.tcp(proxy, s, 8009)?;
    let (pip, sname) = (w.host(proxy).ip, w.host(s).name.clone());
    t.open();
    for _ in 0..requests.max(1) {
        let uri = format!("/pathtrak/api/hcu/{}/spectrum", w.rng.range(1, 40));
        t.c(proto::ajp_forward_request(&uri, pip, &sname), 0);
        let mut body = w.rng.range(200, resp_max.max(201) as u64) as usize;
        t.s(proto::ajp_send_headers(), 0);
        while body > 0 {
            let n = body.min(8_000);
            let (head, tail) = proto::ajp_body_chunk(n);
            t.s3(head, n, tail);
            body -= n;
        }
        t.s(proto::ajp_end_response(), 0);
        t.think(w.rng.range(5_000, 300_000) as u32);
    }
    t.close();
    Ok(t.task())
}

/// MySQL: greeting, login, then queries whose result sets carry `rows` blob rows.
pub(crate) fn mysql(
    w: &mut World,
    c: HostId,
    s: HostId,
    queries: u32,
    row_max: usize,
) -> io::Result<Task> {
    let mut t = w.tcp(c, s, 3306)?;
    t.open();
    t.s(proto::mysql_greeting(w.rng.next_u32()), 0);
    t.c(proto::mysql_login("replica"), 0);
    t.s(proto::mysql_ok(2), 0);
    for _ in 0..queries.max(1) {
        t.c(
            proto::mysql_query("SELECT data FROM pathtrak.measurements WHERE id > ? LIMIT 100"),
            0,
        );
        let rows = w.rng.range(1, 8) as u8;
        t.s(proto::mysql_result_head(), 0);
        for i in 0..rows {
            let n = w.rng.range(100, row_max.max(101) as u64) as usize;
            t.s(proto::mysql_row_head(4 + i, n), n);
        }
        t.s(proto::mysql_eof(4 + rows), 0);
        t.think(w.rng.range(10_000, 500_000) as u32);
    }
    t.close();
    Ok(t.task())
}

/// ClearSCADA partner link on 5481: `from` opens to `to` and streams sync messages.
pub(crate) fn clearscada(
    w: &mut World,
    from: HostId,
    to: HostId,
    messages: u32,
    max: usize,
) -> io::Result<Task> {
    let mut t = w.tcp(from, to, 5481)?;
    t.open();
    t.c(proto::clearscada_head(1, 58), 58); // hello
    t.s(proto::clearscada_head(2, 58), 58);
    for _ in 0..messages {
        let n = w.rng.range(60, max.max(61) as u64) as usize;
        t.c(proto::clearscada_head(0x10, n), n);
        t.s(proto::clearscada_head(0x11, 12), 12);
        t.think(w.rng.range(20_000, 400_000) as u32);
    }
    t.close();
    Ok(t.task())
}

/// EtherNet/IP explicit messaging on TCP 44818: RegisterSession, then Get_Attributes_All
/// requests to the Identity object.
pub(crate) fn enip(w: &mut World, c: HostId, ctrl: HostId, requests: u32) -> io::Result<Task> {
    let mut t = w.tcp(c, ctrl, 44818)?;
    let session = w.rng.next_u32() | 1;
    let ctx = w.rng.next_u64();
    let serial = w.rng.next_u32();
    let name = format!("1756-L83E/{}", w.host(ctrl).name);
    t.open();
    t.c(proto::enip_register_session(0, ctx), 0);
    t.s(proto::enip_register_session(session, ctx), 0);
    for _ in 0..requests.max(1) {
        t.c(
            proto::enip_send_rr(session, ctx, proto::CIP_GET_IDENTITY),
            0,
        );
        t.s(
            proto::enip_send_rr(session, ctx, &proto::cip_identity_reply(serial, &name)),
            0,
        );
        t.think(w.rng.range(5_000, 200_000) as u32);
    }
    t.close();
    Ok(t.task())
}

/// FTP from `c` to `s`:21 in passive mode: login, TYPE I, PASV answered with
/// `s:data_port`, STOR of `size` bytes on a second connection to that port, QUIT.
#[allow(clippy::too_many_arguments)]
pub(crate) fn ftp_stor(
    w: &mut World,
    c: HostId,
    s: HostId,
    banner: &str,
    user: &str,
    pass: &str,
    data_port: u16,
    file: &str,
    size: usize,
) -> io::Result<Task> {
    let sip = w.host(s).ip;
    let mut data = w.tcp(c, s, data_port)?;
    data.open();
    data.c(Vec::new(), size);
    data.close();
    let rtt = 400u32;
    let transfer_us = 200 + (size / 1460 / 2) as u32 * rtt;
    let mut t = w.tcp(c, s, 21)?;
    t.open();
    t.s(format!("220 {banner}\r\n").into_bytes(), 0);
    t.c(format!("USER {user}\r\n").into_bytes(), 0);
    t.s(
        format!("331 Password required for {user}.\r\n").into_bytes(),
        0,
    );
    t.c(format!("PASS {pass}\r\n").into_bytes(), 0);
    t.s(format!("230 User {user} logged in.\r\n").into_bytes(), 0);
    t.c(&b"TYPE I\r\n"[..], 0);
    t.s(&b"200 Type set to I.\r\n"[..], 0);
    t.c(&b"PASV\r\n"[..], 0);
    t.s(proto::ftp_227(sip, data_port), 0);
    // The client connects to the announced port at once, then sends STOR.
    t.spawn(data.task());
    t.c(format!("STOR {file}\r\n").into_bytes(), 0);
    t.s(
        format!("150 Opening BINARY mode data connection for {file}.\r\n").into_bytes(),
        0,
    );
    t.think(transfer_us);
    t.s(&b"226 Transfer complete.\r\n"[..], 0);
    t.c(&b"QUIT\r\n"[..], 0);
    t.s(&b"221 Goodbye.\r\n"[..], 0);
    t.close();
    Ok(t.task())
}

/// ONC RPC: GETPORT to the portmapper on TCP 111 (answered with `port`), then a connection
/// to that port carrying `calls` calls of `prog` with replies up to `reply_max` bytes.
pub(crate) fn portmap_then_rpc(
    w: &mut World,
    c: HostId,
    s: HostId,
    prog: u32,
    port: u16,
    calls: u32,
    reply_max: usize,
) -> io::Result<Task> {
    let mut svc = w.tcp(c, s, port)?;
    svc.open();
    for i in 0..calls.max(1) {
        let xid = w.rng.next_u32();
        svc.c(
            proto::rpc_call(xid, prog, 1, 1 + i % 4, &proto::rpc_blob(b"cfg", 24)),
            0,
        );
        let n = w.rng.range(64, reply_max.max(65) as u64) as usize & !3;
        svc.s(proto::rpc_reply(xid, &proto::rpc_blob(b"spectrum", n)), 0);
        svc.think(w.rng.range(2_000, 50_000) as u32);
    }
    svc.close();
    let mut pm = w.tcp(c, s, 111)?;
    let xid = w.rng.next_u32();
    pm.open();
    pm.c(proto::portmap_getport_call(xid, prog, 1), 0);
    pm.s(proto::portmap_getport_reply(xid, port), 0);
    pm.spawn(svc.task());
    pm.close();
    Ok(pm.task())
}

/// GETPORT on 111 answered with `port`, then a connection to that port that fails as `fail`
/// says (never answered, refused, ...).
pub(crate) fn portmap_then_fail(
    w: &mut World,
    c: HostId,
    s: HostId,
    prog: u32,
    port: u16,
    fail: Act,
) -> io::Result<Task> {
    let mut svc = w.tcp(c, s, port)?;
    svc.act(fail);
    let mut pm = w.tcp(c, s, 111)?;
    let xid = w.rng.next_u32();
    pm.open();
    pm.c(proto::portmap_getport_call(xid, prog, 1), 0);
    pm.s(proto::portmap_getport_reply(xid, port), 0);
    pm.spawn(svc.task());
    pm.close();
    Ok(pm.task())
}

/// A plain ONC RPC session to a fixed port (HCU -> server 5808 boot events, event links).
pub(crate) fn rpc_session(
    w: &mut World,
    c: HostId,
    s: HostId,
    port: u16,
    prog: u32,
    calls: u32,
    arg_len: usize,
) -> io::Result<Task> {
    let mut t = w.tcp(c, s, port)?;
    t.open();
    let tag = w.host(c).name.clone().into_bytes();
    for _ in 0..calls.max(1) {
        let xid = w.rng.next_u32();
        t.c(
            proto::rpc_call(xid, prog, 1, 1, &proto::rpc_blob(&tag, arg_len)),
            0,
        );
        t.s(proto::rpc_reply(xid, &0u32.to_be_bytes()), 0);
        t.think(w.rng.range(5_000, 300_000) as u32);
    }
    t.close();
    Ok(t.task())
}

/// DCE-RPC endpoint mapper on TCP 135: bind, ept_map for the FactoryTalk Directory interface,
/// response with one tower (`s`, `port`), then the DCOM connection to that port.
pub(crate) fn epm_then_dcom(
    w: &mut World,
    c: HostId,
    s: HostId,
    port: u16,
    calls: u32,
) -> io::Result<Task> {
    let sip = w.host(s).ip;
    let iface = proto::UUID_FT_DIRECTORY;
    let mut dcom = w.tcp(c, s, port)?;
    dcom.open();
    dcom.c(proto::dce_bind(1, iface, 1, 0), 0);
    dcom.s(proto::dce_bind_ack(1, w.rng.next_u32() & 0xffff, port), 0);
    for i in 0..calls.max(1) {
        let q = w.rng.range(16, 400) as usize;
        dcom.c(proto::dce_request(2 + i, (i % 6) as u16, &vec![0u8; q]), 0);
        let r = w.rng.range(16, 1200) as usize;
        dcom.s(proto::dce_response(2 + i, &vec![0u8; r]), 0);
        dcom.think(w.rng.range(1_000, 100_000) as u32);
    }
    dcom.close();
    let mut epm = w.tcp(c, s, 135)?;
    epm.open();
    epm.c(proto::dce_bind(1, proto::UUID_EPM, 3, 0), 0);
    epm.s(proto::dce_bind_ack(1, w.rng.next_u32() & 0xffff, 135), 0);
    epm.c(
        proto::dce_request(2, 3, &proto::epm_map_request(iface, 1, 0)),
        0,
    );
    epm.s(
        proto::dce_response(2, &proto::epm_map_response(iface, 1, 0, &[(port, sip)])),
        0,
    );
    epm.spawn(dcom.task());
    epm.close();
    Ok(epm.task())
}

/// SMTP submission of one notification mail.
pub(crate) fn smtp(
    w: &mut World,
    c: HostId,
    s: HostId,
    from: &str,
    to: &str,
    body_len: usize,
) -> io::Result<Task> {
    let me = w.host(c).name.clone();
    let mut t = w.tcp(c, s, 25)?;
    t.open();
    t.s(&b"220 mail.plant.local ESMTP ready\r\n"[..], 0);
    t.c(format!("EHLO {me}\r\n").into_bytes(), 0);
    t.s(&b"250-mail.plant.local\r\n250 8BITMIME\r\n"[..], 0);
    t.c(format!("MAIL FROM:<{from}>\r\n").into_bytes(), 0);
    t.s(&b"250 OK\r\n"[..], 0);
    t.c(format!("RCPT TO:<{to}>\r\n").into_bytes(), 0);
    t.s(&b"250 OK\r\n"[..], 0);
    t.c(&b"DATA\r\n"[..], 0);
    t.s(&b"354 End data with <CR><LF>.<CR><LF>\r\n"[..], 0);
    let mut body = format!("From: <{from}>\r\nTo: <{to}>\r\nSubject: {me} notification\r\n\r\n");
    while body.len() < body_len {
        body.push_str("Scheduled task completed.\r\n");
    }
    body.push_str(".\r\n");
    t.c(body.into_bytes(), 0);
    t.s(&b"250 OK queued\r\n"[..], 0);
    t.c(&b"QUIT\r\n"[..], 0);
    t.s(&b"221 Bye\r\n"[..], 0);
    t.close();
    Ok(t.task())
}

/// SSH session: banners, then encrypted packets.
pub(crate) fn ssh(w: &mut World, c: HostId, s: HostId, exchanges: u32) -> io::Result<Task> {
    let mut t = w.tcp(c, s, 22)?;
    t.open();
    t.s(&b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"[..], 0);
    t.c(&b"SSH-2.0-PuTTY_Release_0.81\r\n"[..], 0);
    for _ in 0..exchanges.max(1) {
        let q = w.rng.range(32, 200) as usize;
        t.c(proto::ssh_packet_head(q), q);
        let r = w.rng.range(32, 4000) as usize;
        t.s(proto::ssh_packet_head(r), r);
        t.think(w.rng.range(50_000, 900_000) as u32);
    }
    t.close();
    Ok(t.task())
}

/// SMB2 on 445: negotiate, then reads.
pub(crate) fn smb(w: &mut World, c: HostId, s: HostId, reads: u32) -> io::Result<Task> {
    let mut t = w.tcp(c, s, 445)?;
    t.open();
    t.c(proto::smb2_negotiate_req(), 0);
    t.s(proto::smb2_negotiate_resp(), 0);
    for i in 0..reads.max(1) {
        let r = w.rng.range(1_000, 60_000) as usize;
        t.c(
            proto::smb2_read_req(1 + i as u64, r as u32, i as u64 * 65_536),
            0,
        );
        t.s(proto::smb2_read_resp_head(1 + i as u64, r), r);
    }
    t.close();
    Ok(t.task())
}

/// RDP: X.224 connection request/confirm, then TLS-wrapped screen updates.
pub(crate) fn rdp(w: &mut World, c: HostId, s: HostId, updates: u32) -> io::Result<Task> {
    let mut t = w.tcp(c, s, 3389)?;
    t.open();
    t.c(proto::rdp_connection_request("eng"), 0);
    t.s(proto::rdp_connection_confirm(), 0);
    for _ in 0..updates.max(1) {
        let q = w.rng.range(40, 300) as usize;
        t.c(proto::tls_record_head(q), q);
        let r = w.rng.range(500, 16_000) as usize;
        t.s(proto::tls_record_head(r), r);
        t.think(w.rng.range(16_000, 120_000) as u32);
    }
    t.close();
    Ok(t.task())
}
