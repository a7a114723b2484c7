//! The plant scenario: a seeded site with hosts in every role of the three packs, long-lived
//! CIP I/O connections, and activity generators that open conversations at plant-like rates
//! until the file reaches its target size.

use std::io;

use crate::blocks;
use crate::frame::{self, Link, Vlan};
use crate::proto;
use crate::rng::Rng;
use crate::sim::{CipIo, Host, HostId, Os, Script, Sim, Task, World};

const V_FT: Vlan = Vlan::Single(10);
const V_CTRL: Vlan = Vlan::Single(20);
const V_SCADA: Vlan = Vlan::Single(30);
const V_DMZ: Vlan = Vlan::Single(130);
const V_PT: Vlan = Vlan::Single(40);

/// The plant's hosts, drawn from the seed (how many of each, never which roles exist).
pub(crate) fn hosts(seed: u64) -> Vec<Host> {
    let mut r = Rng::new(seed ^ 0x1a7e);
    let mut h = Vec::new();
    let w = Os::Windows;
    h.push(Host::new(
        "ftac-srv",
        [10, 20, 0, 10],
        V_FT,
        w,
        &["ftac.server", "ft.directory"],
    ));
    h.push(Host::new(
        "sql-srv",
        [10, 20, 0, 12],
        V_FT,
        w,
        &["mssql.server"],
    ));
    h.push(Host::new(
        "mail",
        [10, 20, 0, 25],
        V_FT,
        Os::Linux,
        &["smtp.server"],
    ));
    h.push(Host::new("dc1", [10, 20, 0, 2], V_FT, w, &[]));
    for i in 0..r.range(2, 4) {
        h.push(Host::new(
            &format!("ftac-agent{}", i + 1),
            [10, 20, 0, 21 + i as u8],
            V_FT,
            w,
            &["ftac.agent"],
        ));
    }
    for i in 0..r.range(3, 8) {
        h.push(Host::new(
            &format!("ftac-client{}", i + 1),
            [10, 20, 0, 31 + i as u8],
            V_FT,
            w,
            &["ftac.client"],
        ));
    }
    for i in 0..r.range(1, 3) {
        h.push(Host::new(
            &format!("ftac-web{}", i + 1),
            [10, 20, 0, 51 + i as u8],
            V_FT,
            w,
            &["ftac.web-client"],
        ));
    }
    for i in 0..r.range(6, 14) {
        h.push(Host::new(
            &format!("plc{:02}", i + 1),
            [10, 20, 1, 11 + i as u8],
            V_CTRL,
            Os::Logix,
            &["logix.controller"],
        ));
        for j in 0..2u8 {
            // I/O adapters: in the inventory, no role in any pack (CIP I/O is plant noise here).
            h.push(Host::new(
                &format!("io{:02}{}", i + 1, (b'a' + j) as char),
                [10, 20, 1, 101 + 2 * i as u8 + j],
                V_CTRL,
                Os::Logix,
                &[],
            ));
        }
    }
    h.push(Host::new(
        "scada-a",
        [10, 30, 0, 11],
        V_SCADA,
        w,
        &["clearscada.server"],
    ));
    h.push(Host::new(
        "scada-b",
        [10, 30, 0, 12],
        V_SCADA,
        w,
        &["clearscada.server"],
    ));
    if r.chance(500) {
        h.push(Host::new(
            "scada-c",
            [10, 30, 0, 13],
            V_SCADA,
            w,
            &["clearscada.server"],
        ));
    }
    h.push(Host::new(
        "scada-dmz",
        [172, 16, 30, 11],
        V_DMZ,
        w,
        &["clearscada.dmz-standby"],
    ));
    h.push(Host::new(
        "pathtrak-srv",
        [10, 40, 0, 10],
        V_PT,
        Os::Linux,
        &["pathtrak.server"],
    ));
    for i in 0..r.range(2, 4) {
        h.push(Host::new(
            &format!("pt-client{}", i + 1),
            [10, 40, 0, 31 + i as u8],
            V_PT,
            w,
            &["pathtrak.client"],
        ));
    }
    h.push(Host::new(
        "pt-proxy",
        [10, 40, 0, 5],
        V_PT,
        Os::Linux,
        &["pathtrak.proxy"],
    ));
    h.push(Host::new(
        "pt-api",
        [10, 40, 0, 60],
        V_PT,
        Os::Linux,
        &["pathtrak.api-client"],
    ));
    h.push(Host::new(
        "oss",
        [10, 40, 0, 70],
        V_PT,
        Os::Linux,
        &["pathtrak.oss"],
    ));
    h.push(Host::new(
        "pt-mysql",
        [10, 40, 0, 11],
        V_PT,
        Os::Linux,
        &["pathtrak.mysql-replica"],
    ));
    h.push(Host::new(
        "fw-download",
        [10, 99, 0, 5],
        Vlan::None,
        Os::Linux,
        &["pathtrak.firmware-server"],
    ));
    // HCUs sit in remote headends reached over a provider bridge: QinQ.
    let models: [(&str, &'static str, Os, u64, u64); 3] = [
        ("hcu200", "pathtrak.hcu200", Os::Linux, 2, 5),
        ("hcu400", "pathtrak.hcu400", Os::VxWorks, 3, 8),
        ("hcu1500", "pathtrak.hcu1500", Os::VxWorks, 2, 5),
    ];
    let mut n = 0u8;
    for (name, role, os, lo, hi) in models {
        for i in 0..r.range(lo, hi) {
            let inner = 41 + (n % 2) as u16;
            h.push(Host::new(
                &format!("{name}-{:02}", i + 1),
                [10, 40, 1 + (n % 2), 20 + n],
                Vlan::Double(400, inner),
                os,
                &[role],
            ));
            n += 1;
        }
    }
    h.push(Host::new("eng-laptop", [10, 20, 0, 99], V_FT, w, &[]));
    let mut rogue = Host::new(
        "unknown-10.20.0.250",
        [10, 20, 0, 250],
        V_FT,
        Os::Linux,
        &[],
    );
    rogue.in_site = false;
    h.push(rogue);
    h
}

/// What an activity generator starts each time it fires.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Sql,
    FtacHttps,
    WebHttps,
    SocketIo,
    AgentArchive,
    ServerToAgent,
    Enip,
    Unsolicited,
    Dcom,
    DcomCallback,
    ScadaSync,
    ScadaStandby,
    ScadaDmz,
    ScadaPing,
    PtPoll,
    PtBoot,
    PtEvents,
    PtFtp,
    PtClient,
    PtProxy,
    PtApi,
    PtSnmp,
    PtMysql,
    PtFirmware,
    Smtp,
    Laptop,
    Rogue,
    Arp,
    Dns,
    NetBios,
    Lldp,
    Profinet,
    MonitorPing,
}

pub(crate) struct Gen {
    kind: Kind,
    mean_us: u64,
    roles: Roles,
}

/// Host ids by role, resolved once.
#[derive(Clone)]
struct Roles {
    ftac: HostId,
    sql: HostId,
    mail: HostId,
    dc: HostId,
    agents: Vec<HostId>,
    clients: Vec<HostId>,
    web: Vec<HostId>,
    plcs: Vec<HostId>,
    scada: Vec<HostId>,
    dmz: HostId,
    pt: HostId,
    pt_clients: Vec<HostId>,
    proxy: HostId,
    api: HostId,
    oss: HostId,
    mysql: HostId,
    fwdl: HostId,
    hcus: Vec<(HostId, u16)>,
    laptop: HostId,
    rogue: HostId,
    all: Vec<HostId>,
}

fn with_role(w: &World, role: &str) -> Vec<HostId> {
    (0..w.hosts.len())
        .filter(|&i| w.host(i).roles.contains(&role))
        .collect()
}

fn first(w: &World, role: &str) -> HostId {
    with_role(w, role).first().copied().unwrap_or(0)
}

fn hcu_range(w: &World, h: HostId) -> (u64, u64) {
    if w.host(h).roles.contains(&"pathtrak.hcu200") {
        (32768, 61000)
    } else {
        (1024, 5000)
    }
}

pub(crate) fn setup(sim: &mut Sim) -> io::Result<()> {
    let w = &mut sim.world;
    let mut hcus = Vec::new();
    for role in ["pathtrak.hcu200", "pathtrak.hcu400", "pathtrak.hcu1500"] {
        for h in with_role(w, role) {
            // The port an HCU's portmapper hands out stays put until it reboots.
            hcus.push((h, w.rng.range(600, 1023) as u16));
        }
    }
    let roles = Roles {
        ftac: first(w, "ftac.server"),
        sql: first(w, "mssql.server"),
        mail: first(w, "smtp.server"),
        dc: w.find("dc1").unwrap_or(0),
        agents: with_role(w, "ftac.agent"),
        clients: with_role(w, "ftac.client"),
        web: with_role(w, "ftac.web-client"),
        plcs: with_role(w, "logix.controller"),
        scada: with_role(w, "clearscada.server"),
        dmz: first(w, "clearscada.dmz-standby"),
        pt: first(w, "pathtrak.server"),
        pt_clients: with_role(w, "pathtrak.client"),
        proxy: first(w, "pathtrak.proxy"),
        api: first(w, "pathtrak.api-client"),
        oss: first(w, "pathtrak.oss"),
        mysql: first(w, "pathtrak.mysql-replica"),
        fwdl: first(w, "pathtrak.firmware-server"),
        hcus,
        laptop: w.find("eng-laptop").unwrap_or(0),
        rogue: w.find("unknown-10.20.0.250").unwrap_or(0),
        all: (0..w.hosts.len()).collect(),
    };
    // CIP I/O: each controller scans its two adapters; some controllers exchange
    // produced/consumed tags. RPIs of 5, 10 or 20 ms.
    let mut cips = Vec::new();
    for &plc in &roles.plcs {
        let base = w.host(plc).ip[3] - 11;
        for j in 0..2u8 {
            let ip = [10, 20, 1, 101 + 2 * base + j];
            if let Some(a) = w.hosts.iter().position(|h| h.ip == ip) {
                let rpi = [5_000, 10_000, 20_000][w.rng.below(3) as usize];
                let ot = w.rng.range(8, 64) as usize;
                let to = w.rng.range(8, 96) as usize;
                cips.push(CipIo::new(w, plc, a, rpi, ot, to)?);
            }
        }
    }
    for pair in roles.plcs.chunks_exact(2) {
        if let [a, b] = *pair {
            cips.push(CipIo::new(w, a, b, 20_000, 40, 40)?);
        }
    }
    let mut t0 = 0u64;
    for c in cips {
        t0 += 331;
        sim.spawn(t0, Task::Cip(Box::new(c)));
    }
    use Kind::*;
    // (kind, mean interval in microseconds): tuned for a realistic mix, measured in the README.
    let plan: &[(Kind, u64)] = &[
        (Sql, 300_000),
        (FtacHttps, 450_000),
        (WebHttps, 2_000_000),
        (SocketIo, 600_000),
        (AgentArchive, 12_500_000),
        (ServerToAgent, 15_000_000),
        (Enip, 750_000),
        (Unsolicited, 2_500_000),
        (Dcom, 1_500_000),
        (DcomCallback, 3_500_000),
        (ScadaSync, 7_500_000),
        (ScadaStandby, 4_500_000),
        (ScadaDmz, 10_000_000),
        (ScadaPing, 500_000),
        (PtPoll, 500_000),
        (PtBoot, 30_000_000),
        (PtEvents, 4_000_000),
        (PtFtp, 8_000_000),
        (PtClient, 1_500_000),
        (PtProxy, 2_500_000),
        (PtApi, 7_500_000),
        (PtSnmp, 2_000_000),
        (PtMysql, 10_000_000),
        (PtFirmware, 60_000_000),
        (Smtp, 25_000_000),
        (Laptop, 15_000_000),
        (Rogue, 40_000_000),
        (Arp, 40_000),
        (Dns, 50_000),
        (NetBios, 300_000),
        (Lldp, 1_000_000),
        (Profinet, 8_000),
        (MonitorPing, 100_000),
    ];
    for &(kind, mean_us) in plan {
        let g = Gen {
            kind,
            mean_us,
            roles: roles.clone(),
        };
        // Every activity fires once in the first 300 ms, so even a 1 MB sample has each kind
        // of traffic; after that, its own rate.
        let first = sim.world.rng.below(mean_us.min(300_000)) + 1_000;
        sim.spawn(first, Task::Gen(Box::new(g)));
    }
    Ok(())
}

fn pick(w: &mut World, v: &[HostId]) -> HostId {
    w.rng.pick(v).copied().unwrap_or(0)
}

fn ft_computers(r: &Roles) -> Vec<HostId> {
    r.agents.iter().chain(&r.clients).copied().collect()
}

impl Gen {
    pub(crate) fn step(&mut self, _now: u64, cx: &mut crate::sim::Cx) -> io::Result<Option<u64>> {
        let w = &mut *cx.world;
        let r = &self.roles;
        let mut tasks: Vec<Task> = Vec::with_capacity(2);
        match self.kind {
            Kind::Sql => {
                let n = w.rng.range(1, 4) as u32;
                tasks.push(blocks::sql(w, r.ftac, r.sql, n, 120_000)?);
            }
            Kind::FtacHttps => {
                let c = pick(w, &r.clients);
                let n = w.rng.range(1, 5) as u32;
                tasks.push(blocks::https(w, c, r.ftac, 443, n, 200_000)?);
            }
            Kind::WebHttps => {
                let c = pick(w, &r.web);
                let n = w.rng.range(2, 8) as u32;
                tasks.push(blocks::https(w, c, r.ftac, 443, n, 60_000)?);
            }
            Kind::SocketIo => {
                let c = pick(w, &ft_computers(r));
                let n = w.rng.range(1, 4) as u32;
                tasks.push(blocks::socketio(w, c, r.ftac, n)?);
            }
            Kind::AgentArchive => {
                let a = pick(w, &r.agents);
                tasks.push(blocks::framed(
                    w,
                    a,
                    r.ftac,
                    7002,
                    2,
                    600,
                    3_000_000,
                    proto::tls_record_head,
                )?);
            }
            Kind::ServerToAgent => {
                let a = pick(w, &r.agents);
                tasks.push(blocks::framed(
                    w,
                    r.ftac,
                    a,
                    7004,
                    1,
                    2_000_000,
                    200,
                    proto::tls_record_head,
                )?);
            }
            Kind::Enip => {
                let c = pick(w, &r.agents);
                let p = pick(w, &r.plcs);
                let n = w.rng.range(1, 6) as u32;
                tasks.push(blocks::enip(w, c, p, n)?);
            }
            Kind::Unsolicited => {
                let p = pick(w, &r.plcs);
                let c = pick(w, &r.agents);
                tasks.push(blocks::enip(w, p, c, 1)?);
            }
            Kind::Dcom => {
                let c = pick(w, &ft_computers(r));
                let port = w.rng.range(49152, 65535) as u16;
                let n = w.rng.range(1, 6) as u32;
                tasks.push(blocks::epm_then_dcom(w, c, r.ftac, port, n)?);
            }
            Kind::DcomCallback => {
                // Directory clients answer the server on dynamic ports (Chapter 4): range only.
                let c = pick(w, &ft_computers(r));
                let port = w.rng.range(49152, 65535) as u16;
                tasks.push(blocks::framed(w, r.ftac, c, port, 2, 400, 400, |n| {
                    proto::dce_request(7, 0, &vec![0; n.min(64)])
                })?);
            }
            Kind::ScadaSync => {
                let (a, b) = (
                    r.scada.first().copied().unwrap_or(0),
                    pick(w, r.scada.get(1..).unwrap_or(&[])),
                );
                let n = w.rng.range(10, 60) as u32;
                tasks.push(blocks::clearscada(w, a, b, n, 24_000)?);
            }
            Kind::ScadaStandby => {
                let b = pick(w, r.scada.get(1..).unwrap_or(&[]));
                let a = r.scada.first().copied().unwrap_or(0);
                let n = w.rng.range(2, 10) as u32;
                tasks.push(blocks::clearscada(w, b, a, n, 600)?);
            }
            Kind::ScadaDmz => {
                let a = r.scada.first().copied().unwrap_or(0);
                let n = w.rng.range(5, 30) as u32;
                tasks.push(blocks::clearscada(w, a, r.dmz, n, 16_000)?);
            }
            Kind::ScadaPing => {
                let a = r.scada.first().copied().unwrap_or(0);
                let mut s = Script::new();
                let seq = w.rng.next_u32() as u16;
                for &b in r.scada[1..].iter().chain(std::iter::once(&r.dmz)) {
                    let [q, p] = w.ping(a, b, 1, seq)?;
                    s.push(q, 300).push(p, 2_000);
                    if b != r.dmz {
                        let [q, p] = w.ping(b, a, 1, seq)?;
                        s.push(q, 300).push(p, 2_000);
                    }
                }
                tasks.push(s.task());
            }
            Kind::PtPoll => {
                let Some(&(h, port)) = w.rng.pick(&r.hcus) else {
                    return Ok(None);
                };
                let n = w.rng.range(2, 8) as u32;
                let mut t =
                    blocks::portmap_then_rpc(w, r.pt, h, proto::RPC_HCU_CONFIG, port, n, 12_000)?;
                if let Task::Tcp(c) = &mut t {
                    c.rtt(w.rng.range(2_000, 12_000) as u32);
                }
                tasks.push(t);
            }
            Kind::PtBoot => {
                let Some(&(h, _)) = w.rng.pick(&r.hcus) else {
                    return Ok(None);
                };
                tasks.push(blocks::rpc_session(
                    w,
                    h,
                    r.pt,
                    5808,
                    proto::RPC_HCU_BOOT_EVENT,
                    1,
                    64,
                )?);
            }
            Kind::PtEvents => {
                let Some(&(h, _)) = w.rng.pick(&r.hcus) else {
                    return Ok(None);
                };
                let port = w.rng.range(49152, 65535) as u16;
                let n = w.rng.range(3, 20) as u32;
                tasks.push(blocks::rpc_session(
                    w,
                    h,
                    r.pt,
                    port,
                    proto::RPC_HCU_EVENTS,
                    n,
                    200,
                )?);
            }
            Kind::PtFtp => {
                let Some(&(h, _)) = w.rng.pick(&r.hcus) else {
                    return Ok(None);
                };
                let (lo, hi) = hcu_range(w, h);
                let port = w.rng.range(lo, hi) as u16;
                let size = w.rng.range(200_000, 2_000_000) as usize;
                let name = w.host(h).name.clone();
                tasks.push(blocks::ftp_stor(
                    w,
                    r.pt,
                    h,
                    &format!("{name} FTP server ready."),
                    "pathtrak",
                    "hcu-fw-upgrade",
                    port,
                    "firmware.bin",
                    size,
                )?);
            }
            Kind::PtClient => {
                let c = pick(w, &r.pt_clients);
                let n = w.rng.range(1, 6) as u32;
                if w.rng.chance(700) {
                    tasks.push(blocks::https(w, c, r.pt, 443, n, 80_000)?);
                } else {
                    let len = w.rng.range(2_000, 60_000) as usize;
                    tasks.push(blocks::http_get(w, c, r.pt, "/pathtrak/ui/dashboard", len)?);
                }
            }
            Kind::PtProxy => {
                let n = w.rng.range(1, 5) as u32;
                tasks.push(blocks::ajp(w, r.proxy, r.pt, n, 30_000)?);
            }
            Kind::PtApi => {
                tasks.push(blocks::https(w, r.api, r.pt, 443, 3, 40_000)?);
            }
            Kind::PtSnmp => {
                let id = w.rng.next_u32() as u16;
                let sp = w.eph(r.oss);
                let mut s = Script::new();
                s.push(
                    w.udp_frame(r.oss, r.pt, sp, 161, &proto::snmp_get("public", id, None))?,
                    900,
                );
                let up = w.rng.next_u32();
                s.push(
                    w.udp_reply_frame(
                        r.oss,
                        r.pt,
                        161,
                        sp,
                        &proto::snmp_get("public", id, Some(up)),
                    )?,
                    50_000,
                );
                let tp = w.eph(r.pt);
                let up = w.rng.next_u32();
                s.push(
                    w.udp_frame(
                        r.pt,
                        r.oss,
                        tp,
                        162,
                        &proto::snmp_trap("public", id ^ 0x5a5a, up),
                    )?,
                    0,
                );
                tasks.push(s.task());
            }
            Kind::PtMysql => {
                let n = w.rng.range(5, 30) as u32;
                // The replica pulls from the PathTrak server (inbound 3306 on the server).
                tasks.push(blocks::mysql(w, r.mysql, r.pt, n, 20_000)?);
            }
            Kind::PtFirmware => {
                let size = w.rng.range(1_000_000, 3_000_000) as usize;
                tasks.push(blocks::http_get(
                    w,
                    r.pt,
                    r.fwdl,
                    "/firmware/hcu400/latest.bin",
                    size,
                )?);
            }
            Kind::Smtp => {
                let c = if w.rng.chance(500) { r.ftac } else { r.pt };
                tasks.push(blocks::smtp(
                    w,
                    c,
                    r.mail,
                    "noreply@plant.local",
                    "maintenance@plant.local",
                    600,
                )?);
            }
            Kind::Laptop => {
                // The engineer's usual round: RDP and SMB to the AssetCentre server, SSH to PathTrak.
                tasks.push(blocks::rdp(w, r.laptop, r.ftac, 40)?);
                tasks.push(blocks::ssh(w, r.laptop, r.pt, 20)?);
                tasks.push(blocks::smb(w, r.laptop, r.ftac, 10)?);
            }
            Kind::Rogue => {
                tasks.push(blocks::ssh(w, r.rogue, r.pt, 3)?);
            }
            Kind::Arp => {
                let a = pick(w, &r.all);
                let b = pick(w, &r.all);
                let (ha, hb) = (w.host(a).clone(), w.host(b).clone());
                if ha.vlan == hb.vlan && a != b {
                    let bc = Link {
                        src_mac: ha.mac,
                        dst_mac: [0xff; 6],
                        vlan: ha.vlan,
                    };
                    let rep = Link {
                        src_mac: hb.mac,
                        dst_mac: ha.mac,
                        vlan: ha.vlan,
                    };
                    let mut s = Script::new();
                    s.push(
                        frame::arp_frame(&bc, false, ha.mac, ha.ip, [0; 6], hb.ip)?,
                        150,
                    );
                    s.push(
                        frame::arp_frame(&rep, true, hb.mac, hb.ip, ha.mac, ha.ip)?,
                        0,
                    );
                    tasks.push(s.task());
                }
            }
            Kind::Dns => {
                let c = pick(w, &r.all);
                let target = pick(w, &r.all);
                if c != r.dc {
                    let name = format!("{}.plant.local", w.host(target).name);
                    let id = w.rng.next_u32() as u16;
                    let sp = w.eph(c);
                    let ip = w.host(target).ip;
                    let mut s = Script::new();
                    s.push(
                        w.udp_frame(c, r.dc, sp, 53, &proto::dns_query(id, &name))?,
                        400,
                    );
                    s.push(
                        w.udp_reply_frame(c, r.dc, 53, sp, &proto::dns_answer(id, &name, ip))?,
                        0,
                    );
                    tasks.push(s.task());
                }
            }
            Kind::NetBios => {
                let c = pick(w, &ft_computers(r));
                let h = w.host(c).clone();
                let bc_ip = [h.ip[0], h.ip[1], h.ip[2], 255];
                let l = Link {
                    src_mac: h.mac,
                    dst_mac: [0xff; 6],
                    vlan: h.vlan,
                };
                let mut s = Script::new();
                if w.rng.chance(600) {
                    let t = pick(w, &r.all);
                    let target = w.host(t).name.clone();
                    let id = w.rng.next_u32() as u16;
                    s.push(
                        w.udp_frame_link(&l, c, bc_ip, 137, 137, &proto::nbns_query(id, &target))?,
                        0,
                    );
                } else {
                    let id = w.rng.next_u32() as u16;
                    s.push(
                        w.udp_frame_link(
                            &l,
                            c,
                            bc_ip,
                            138,
                            138,
                            &proto::netbios_dgm_announce(id, h.ip, &h.name, "PLANT"),
                        )?,
                        0,
                    );
                }
                tasks.push(s.task());
            }
            Kind::Lldp => {
                let sw = w.rng.below(6) as u8;
                let mac = [0x00, 0x1e, 0x4f, 0x10, 0x00, sw];
                let port = format!("Gi1/0/{}", w.rng.range(1, 48));
                let f = frame::ether_frame(
                    mac,
                    [0x01, 0x80, 0xc2, 0, 0, 0x0e],
                    None,
                    0x88cc,
                    &proto::lldp(mac, &port, &format!("plant-sw{sw}")),
                )?;
                let mut s = Script::new();
                s.push(f, 0);
                tasks.push(s.task());
            }
            Kind::Profinet => {
                // A couple of PROFINET IO devices on the controller VLAN (priority-tagged).
                let dev = w.rng.below(2) as u8;
                let src = [0x00, 0x0e, 0x8c, 0x20, 0x00, dev];
                let dst = [0x00, 0x0e, 0x8c, 0x20, 0x01, dev];
                let mut s = Script::new();
                if w.rng.chance(5) {
                    let f = frame::ether_frame(
                        src,
                        [0x01, 0x0e, 0xcf, 0, 0, 0],
                        None,
                        0x8892,
                        &proto::pn_dcp_identify(w.rng.next_u32()),
                    )?;
                    s.push(f, 0);
                } else {
                    let cycle = w.rng.next_u32() as u16;
                    let data = [0x80u8; 40];
                    let f = frame::ether_frame(
                        src,
                        dst,
                        Some((20, 6)),
                        0x8892,
                        &proto::pn_cyclic(0x8000 + dev as u16, cycle, &data),
                    )?;
                    s.push(f, 0);
                }
                tasks.push(s.task());
            }
            Kind::MonitorPing => {
                let a = r.scada.first().copied().unwrap_or(0);
                let b = pick(w, &r.plcs);
                let seq = w.rng.next_u32() as u16;
                let [q, p] = w.ping(a, b, 0x0200, seq)?;
                let mut s = Script::new();
                s.push(q, 400).push(p, 0);
                tasks.push(s.task());
            }
        }
        for t in tasks {
            cx.spawned.push((0, t));
        }
        Ok(Some(cx.world.rng.jitter(self.mean_us)))
    }
}

/// The plant's site inventory as TOML (the `[site]`/`[[hosts]]` format of the rules crate).
pub(crate) fn site_toml(seed: u64) -> String {
    let mut s = String::from("# Generated by tapaudit-synth for the plant scenario.\n[site]\n");
    s.push_str(&format!("name = \"Synthetic plant (seed {seed})\"\n"));
    for h in hosts(seed).iter().filter(|h| h.in_site) {
        let roles: Vec<String> = h.roles.iter().map(|r| format!("\"{r}\"")).collect();
        s.push_str(&format!(
            "\n[[hosts]]\nname = \"{}\"\naddresses = [\"{}.{}.{}.{}\"]\nroles = [{}]\n",
            h.name,
            h.ip[0],
            h.ip[1],
            h.ip[2],
            h.ip[3],
            roles.join(", ")
        ));
    }
    s
}
