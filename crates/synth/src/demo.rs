//! The demo scenario: a few hundred packets, fixed (the seed is ignored), that exercise every
//! pack and every kind of finding once, clearly. `captures/demo/README.md` lists each flow with
//! the finding an audit must give and the vendor document section behind it; keep the two in
//! step (a test compares the committed capture with a fresh generation).

use std::io;

use crate::blocks;
use crate::frame::{self, Link, Vlan};
use crate::proto;
use crate::sim::{Act, Host, HostId, Os, Script, Sim, Task, World};

/// The seed behind the demo's ISNs, ephemeral ports and IP ids. Fixed: the README quotes
/// the capture, so it must not change with `--seed`.
pub(crate) const DEMO_SEED: u64 = 20_260_302;

/// The password in the demo's FTP login. No report may ever contain it.
pub const DEMO_FTP_PASSWORD: &str = "demo-secret-do-not-report";

const V_FT: Vlan = Vlan::Single(10);
const V_CTRL: Vlan = Vlan::Single(20);
const V_SCADA: Vlan = Vlan::Single(30);
const V_DMZ: Vlan = Vlan::Single(130);
const V_PT: Vlan = Vlan::Single(40);
const V_HCU: Vlan = Vlan::Double(400, 41);

/// The HCU segment's firewall, which answers blocked SYNs with ICMP 3/13.
const FW_IP: [u8; 4] = [10, 40, 1, 1];
const FW_MAC: [u8; 6] = [0x00, 0x00, 0x5e, 0x00, 0x01, 0x29];

pub(crate) fn hosts() -> Vec<Host> {
    let w = Os::Windows;
    let mut rogue = Host::new("unknown", [10, 20, 0, 250], V_FT, Os::Linux, &[]);
    rogue.in_site = false;
    vec![
        Host::new(
            "ftac-srv",
            [10, 20, 0, 10],
            V_FT,
            w,
            &["ftac.server", "ft.directory"],
        ),
        Host::new("sql-srv", [10, 20, 0, 12], V_FT, w, &["mssql.server"]),
        Host::new("mail", [10, 20, 0, 25], V_FT, Os::Linux, &["smtp.server"]),
        Host::new("ftac-agent1", [10, 20, 0, 21], V_FT, w, &["ftac.agent"]),
        Host::new("ftac-client1", [10, 20, 0, 31], V_FT, w, &["ftac.client"]),
        Host::new("ftac-web1", [10, 20, 0, 51], V_FT, w, &["ftac.web-client"]),
        Host::new(
            "plc-line-a",
            [10, 20, 1, 11],
            V_CTRL,
            Os::Logix,
            &["logix.controller"],
        ),
        Host::new(
            "scada-a",
            [10, 30, 0, 11],
            V_SCADA,
            w,
            &["clearscada.server"],
        ),
        Host::new(
            "scada-b",
            [10, 30, 0, 12],
            V_SCADA,
            w,
            &["clearscada.server"],
        ),
        Host::new(
            "scada-dmz",
            [172, 16, 30, 11],
            V_DMZ,
            w,
            &["clearscada.dmz-standby"],
        ),
        Host::new(
            "pathtrak-srv",
            [10, 40, 0, 10],
            V_PT,
            Os::Linux,
            &["pathtrak.server"],
        ),
        Host::new(
            "pathtrak-client1",
            [10, 40, 0, 31],
            V_PT,
            w,
            &["pathtrak.client"],
        ),
        Host::new(
            "hcu200-01",
            [10, 40, 1, 20],
            V_HCU,
            Os::Linux,
            &["pathtrak.hcu200"],
        ),
        Host::new(
            "hcu400-01",
            [10, 40, 1, 40],
            V_HCU,
            Os::VxWorks,
            &["pathtrak.hcu400"],
        ),
        Host::new(
            "hcu400-02",
            [10, 40, 1, 41],
            V_HCU,
            Os::VxWorks,
            &["pathtrak.hcu400"],
        ),
        Host::new(
            "hcu1500-01",
            [10, 40, 1, 50],
            V_HCU,
            Os::VxWorks,
            &["pathtrak.hcu1500"],
        ),
        Host::new("eng-laptop", [10, 20, 0, 99], V_FT, w, &[]),
        rogue,
    ]
}

/// Ports the demo announces (quoted by the README).
pub(crate) const EPM_PORT_CLIENT: u16 = 49731;
pub(crate) const EPM_PORT_AGENT: u16 = 49733;
pub(crate) const DCOM_CALLBACK_PORT: u16 = 51012;
pub(crate) const HCU_RPC_PORTS: [(&str, u16); 4] = [
    ("hcu200-01", 812),
    ("hcu400-01", 901),
    ("hcu400-02", 733),
    ("hcu1500-01", 655),
];
pub(crate) const HCU_EVENT_PORTS: [(&str, u16); 4] = [
    ("hcu200-01", 50321),
    ("hcu400-01", 50322),
    ("hcu400-02", 50323),
    ("hcu1500-01", 50324),
];
pub(crate) const PASV_HCU400_OK: u16 = 3127;
pub(crate) const PASV_HCU200_OK: u16 = 45000;
pub(crate) const PASV_HCU400_BAD: u16 = 40000;

const S: u64 = 1_000_000;

fn id(w: &World, name: &str) -> io::Result<HostId> {
    w.find(name)
        .ok_or_else(|| io::Error::other(format!("synth demo: no host {name}")))
}

fn hcu_rtt(t: &mut Task, us: u32) {
    if let Task::Tcp(c) = t {
        c.rtt(us);
    }
}

pub(crate) fn setup(sim: &mut Sim) -> io::Result<()> {
    let mut plan: Vec<(u64, Task)> = Vec::new();
    let w = &mut sim.world;
    let ftac = id(w, "ftac-srv")?;
    let sql = id(w, "sql-srv")?;
    let mail = id(w, "mail")?;
    let agent = id(w, "ftac-agent1")?;
    let client = id(w, "ftac-client1")?;
    let web = id(w, "ftac-web1")?;
    let plc = id(w, "plc-line-a")?;
    let sa = id(w, "scada-a")?;
    let sb = id(w, "scada-b")?;
    let dmz = id(w, "scada-dmz")?;
    let pt = id(w, "pathtrak-srv")?;
    let ptc = id(w, "pathtrak-client1")?;
    let laptop = id(w, "eng-laptop")?;
    let rogue = id(w, "unknown")?;

    // Plant noise that is not IP (no flows): ARP and LLDP.
    {
        let (hc, hs) = (w.host(client).clone(), w.host(ftac).clone());
        let bc = Link {
            src_mac: hc.mac,
            dst_mac: [0xff; 6],
            vlan: hc.vlan,
        };
        let rep = Link {
            src_mac: hs.mac,
            dst_mac: hc.mac,
            vlan: hc.vlan,
        };
        let mut s = Script::new();
        s.push(
            frame::arp_frame(&bc, false, hc.mac, hc.ip, [0; 6], hs.ip)?,
            180,
        );
        s.push(
            frame::arp_frame(&rep, true, hs.mac, hs.ip, hc.mac, hc.ip)?,
            20_000,
        );
        let mac = [0x00, 0x1e, 0x4f, 0x10, 0x00, 0x01];
        s.push(
            frame::ether_frame(
                mac,
                [0x01, 0x80, 0xc2, 0, 0, 0x0e],
                None,
                0x88cc,
                &proto::lldp(mac, "Gi1/0/24", "plant3-sw1"),
            )?,
            0,
        );
        plan.push((0, s.task()));
    }

    // ---- FactoryTalk AssetCentre: documented by fixed port
    plan.push((S / 10, blocks::https(w, client, ftac, 443, 2, 6_000)?));
    plan.push((3 * S / 10, blocks::socketio(w, client, ftac, 2)?));
    plan.push((5 * S / 10, blocks::sql(w, ftac, sql, 1, 3_000)?));
    plan.push((
        8 * S / 10,
        blocks::framed(w, agent, ftac, 7002, 1, 300, 4_000, proto::tls_record_head)?,
    ));
    plan.push((S, blocks::https(w, web, ftac, 443, 1, 4_000)?));
    // ---- negotiated: ept_map on 135 announces the DCOM port, then the connection to it
    plan.push((
        12 * S / 10,
        blocks::epm_then_dcom(w, client, ftac, EPM_PORT_CLIENT, 1)?,
    ));
    plan.push((
        13 * S / 10,
        blocks::epm_then_dcom(w, agent, ftac, EPM_PORT_AGENT, 1)?,
    ));
    // ---- server -> agent 7004 (the ACD file)
    plan.push((
        15 * S / 10,
        blocks::framed(w, ftac, agent, 7004, 1, 4_000, 200, proto::tls_record_head)?,
    ));
    // ---- controller -> agent 44818 (unsolicited message), SMTP, DCOM callback (range)
    plan.push((17 * S / 10, blocks::enip(w, plc, agent, 1)?));
    plan.push((
        19 * S / 10,
        blocks::smtp(
            w,
            ftac,
            mail,
            "ftac@plant3.local",
            "maintenance@plant3.local",
            200,
        )?,
    ));
    {
        let mut t = w.tcp(ftac, client, DCOM_CALLBACK_PORT)?;
        t.open();
        t.c(proto::dce_bind(8, proto::UUID_FT_DIRECTORY, 1, 0), 0);
        t.s(proto::dce_bind_ack(8, 0x51a2, DCOM_CALLBACK_PORT), 0);
        t.c(proto::dce_request(9, 0, &[0u8; 48]), 0);
        t.s(proto::dce_response(9, &[0u8; 16]), 0);
        t.close();
        plan.push((20 * S / 10, t.task()));
    }

    // ---- ClearSCADA: partners both ways, main -> DMZ standby
    plan.push((22 * S / 10, blocks::clearscada(w, sa, sb, 2, 1_800)?));
    plan.push((24 * S / 10, blocks::clearscada(w, sb, sa, 1, 200)?));
    {
        let mut s = Script::new();
        let [q, p] = w.ping(sa, sb, 1, 1)?;
        s.push(q, 350).push(p, 100_000);
        // Its own identifier: each server's poller is a separate ICMP conversation.
        let [q, p] = w.ping(sb, sa, 2, 1)?;
        s.push(q, 350).push(p, 100_000);
        let [q, p] = w.ping(sa, dmz, 1, 2)?;
        s.push(q, 600).push(p, 0);
        plan.push((25 * S / 10, s.task()));
    }
    plan.push((26 * S / 10, blocks::clearscada(w, sa, dmz, 1, 1_200)?));
    // ---- violation: the DMZ permanent standby opens 5481 to the main server and pings it
    plan.push((28 * S / 10, blocks::clearscada(w, dmz, sa, 1, 100)?));
    {
        let mut s = Script::new();
        let [q, p] = w.ping(dmz, sa, 1, 1)?;
        s.push(q, 600).push(p, 0);
        plan.push((29 * S / 10, s.task()));
    }

    // ---- PathTrak: portmapper GETPORT on 111 -> the HCU service port in 600-1023
    // The service connection of hcu400-02 is never answered (missing: unanswered), the one
    // of hcu1500-01 is refused with RST (missing: refused).
    for (i, (name, port)) in HCU_RPC_PORTS.iter().enumerate() {
        let h = id(w, name)?;
        let fail = match *name {
            "hcu400-02" => Some(Act::OpenUnanswered(3)),
            "hcu1500-01" => Some(Act::OpenRefused(2)),
            _ => None,
        };
        let mut t = match fail {
            None => blocks::portmap_then_rpc(w, pt, h, proto::RPC_HCU_CONFIG, *port, 1, 400)?,
            Some(a) => blocks::portmap_then_fail(w, pt, h, proto::RPC_HCU_CONFIG, *port, a)?,
        };
        hcu_rtt(&mut t, 6_000);
        plan.push((3 * S + i as u64 * S / 10, t));
    }
    // ---- HCU -> server boot events on 5808
    for (i, (name, _)) in HCU_RPC_PORTS.iter().enumerate() {
        let h = id(w, name)?;
        let mut t = blocks::rpc_session(w, h, pt, 5808, proto::RPC_HCU_BOOT_EVENT, 1, 32)?;
        hcu_rtt(&mut t, 6_000);
        plan.push((35 * S / 10 + i as u64 * S / 20, t));
    }
    // ---- HCU -> server event links on dynamic ports (range evidence only); the HCU1500's is
    // blocked by the firewall with ICMP 3/13 (missing: blocked)
    for (i, (name, port)) in HCU_EVENT_PORTS.iter().enumerate() {
        let h = id(w, name)?;
        let at = 38 * S / 10 + i as u64 * S / 20;
        if *name == "hcu1500-01" {
            let mut t = w.tcp(h, pt, *port)?;
            t.blocked_by(FW_MAC, FW_IP, 2);
            plan.push((at, t.task()));
            continue;
        }
        let mut t = blocks::rpc_session(w, h, pt, *port, proto::RPC_HCU_EVENTS, 1, 40)?;
        hcu_rtt(&mut t, 6_000);
        plan.push((at, t));
    }
    // ---- FTP firmware upgrades in PASV mode
    let h400 = id(w, "hcu400-01")?;
    let h200 = id(w, "hcu200-01")?;
    let h400b = id(w, "hcu400-02")?;
    let fw = 5_000;
    plan.push((
        4 * S,
        blocks::ftp_stor(
            w,
            pt,
            h400,
            "HCU400 FTP server (VxWorks 6.9) ready.",
            "pathtrak",
            DEMO_FTP_PASSWORD,
            PASV_HCU400_OK,
            "hcu400_3.4.2.bin",
            fw,
        )?,
    ));
    plan.push((
        45 * S / 10,
        blocks::ftp_stor(
            w,
            pt,
            h200,
            "HCU200 FTP server (vsFTPd 3.0.3) ready.",
            "pathtrak",
            DEMO_FTP_PASSWORD,
            PASV_HCU200_OK,
            "hcu200_2.9.0.bin",
            fw,
        )?,
    ));
    // ---- violation: an HCU400 announcing a data port outside 1024-5000
    plan.push((
        5 * S,
        blocks::ftp_stor(
            w,
            pt,
            h400b,
            "HCU400 FTP server (VxWorks 6.9) ready.",
            "pathtrak",
            DEMO_FTP_PASSWORD,
            PASV_HCU400_BAD,
            "hcu400_3.4.2.bin",
            fw,
        )?,
    ));
    // ---- PathTrak client -> server web interface
    plan.push((55 * S / 10, blocks::https(w, ptc, pt, 443, 1, 3_000)?));

    // ---- undocumented: the engineering laptop and a host missing from the inventory
    plan.push((6 * S, blocks::smb(w, laptop, ftac, 1)?));
    plan.push((62 * S / 10, blocks::ssh(w, laptop, pt, 1)?)); // expired exception
    plan.push((64 * S / 10, blocks::rdp(w, laptop, ftac, 1)?)); // valid exception
    plan.push((66 * S / 10, blocks::sql(w, rogue, sql, 1, 800)?));

    for (at, t) in plan {
        sim.spawn(at, t);
    }
    Ok(())
}
