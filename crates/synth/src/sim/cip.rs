//! CIP class 1 I/O connections over UDP 2222.

use std::io;

use super::{Cx, HostId, World};
use crate::frame::{self, Tpl};

/// A class 1 CIP I/O connection over UDP 2222: originator -> target with a run/idle header
/// and target -> originator, each once per RPI.
pub(crate) struct CipIo {
    o: HostId,
    t: HostId,
    ot: Tpl,
    to: Tpl,
    ot_conn: u32,
    to_conn: u32,
    seq: u32,
    rpi_us: u32,
    ot_len: usize,
    to_len: usize,
    phase: bool,
    hdr: [u8; 20],
    data: [u8; 132],
    started: bool,
}

impl CipIo {
    pub(crate) fn new(
        world: &mut World,
        o: HostId,
        t: HostId,
        rpi_us: u32,
        ot_len: usize,
        to_len: usize,
    ) -> io::Result<CipIo> {
        let l = world.link(o, t);
        let (ho, ht) = (world.host(o).clone(), world.host(t).clone());
        let mut data = [0u8; 132];
        for b in data.iter_mut() {
            *b = world.rng.next_u32() as u8;
        }
        data[..4].copy_from_slice(&[1, 0, 0, 0]); // run/idle header: run
        Ok(CipIo {
            o,
            t,
            ot: frame::udp_tpl(&l, ho.ip, ht.ip, ho.ttl(), 2222, 2222)?,
            to: frame::udp_tpl(&l.reversed(), ht.ip, ho.ip, ht.ttl(), 2222, 2222)?,
            ot_conn: world.rng.next_u32(),
            to_conn: world.rng.next_u32(),
            seq: world.rng.next_u32() >> 8,
            rpi_us: rpi_us.max(100),
            ot_len: ot_len.clamp(4, 128),
            to_len: to_len.clamp(1, 128),
            phase: false,
            hdr: [0; 20],
            data,
            started: false,
        })
    }

    pub(super) fn step(&mut self, now: u64, cx: &mut Cx) -> io::Result<Option<u64>> {
        if !self.started {
            self.started = true;
            cx.flows.started();
        }
        let (conn, from, tpl, data, after) = if self.phase {
            let d = &self.data[4..4 + self.to_len];
            (
                self.to_conn,
                self.t,
                &self.to,
                d,
                self.rpi_us - self.rpi_us / 3,
            )
        } else {
            self.seq = self.seq.wrapping_add(1);
            // I/O data changes slowly: flip one byte per cycle.
            let i = 4 + (self.seq as usize % (self.ot_len.max(5) - 4));
            self.data[i] = self.data[i].wrapping_add(1);
            (
                self.ot_conn,
                self.o,
                &self.ot,
                &self.data[..self.ot_len],
                self.rpi_us / 3,
            )
        };
        let h = &mut self.hdr;
        h[0..2].copy_from_slice(&2u16.to_le_bytes());
        h[2..4].copy_from_slice(&0x8002u16.to_le_bytes());
        h[4..6].copy_from_slice(&8u16.to_le_bytes());
        h[6..10].copy_from_slice(&conn.to_le_bytes());
        h[10..14].copy_from_slice(&self.seq.to_le_bytes());
        h[14..16].copy_from_slice(&0x00b1u16.to_le_bytes());
        h[16..18].copy_from_slice(&(2 + data.len() as u16).to_le_bytes());
        h[18..20].copy_from_slice(&(self.seq as u16).to_le_bytes());
        let id = cx.world.ip_id(from);
        cx.out.udp(now, tpl, id, &[&h[..], data])?;
        self.phase = !self.phase;
        Ok(Some(after as u64))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Host, Os};
    use super::*;
    use crate::count::FlowCount;
    use crate::frame::Vlan;
    use crate::out::Pcap;

    #[test]
    fn cip_io_hot_path_matches_the_reference_encoding() {
        let hosts = vec![
            Host::new("plc", [10, 20, 1, 11], Vlan::Single(20), Os::Logix, &[]),
            Host::new("io", [10, 20, 1, 101], Vlan::Single(20), Os::Logix, &[]),
        ];
        let mut world = World::new(1, hosts);
        let mut io = CipIo::new(&mut world, 0, 1, 10_000, 12, 20).unwrap();
        let mut file = Vec::new();
        let mut spawned = Vec::new();
        let mut flows = FlowCount::default();
        {
            let mut out = Pcap::new(&mut file);
            let mut cx = Cx {
                world: &mut world,
                out: &mut out,
                spawned: &mut spawned,
                flows: &mut flows,
            };
            io.step(0, &mut cx).unwrap();
            let frame = cx.out.last_frame().to_vec();
            let want = crate::proto::cip_io(io.ot_conn, io.seq, io.seq as u16, &io.data[..12]);
            // Ethernet + 802.1Q + IPv4 + UDP = 46 bytes of headers
            assert_eq!(&frame[46..46 + want.len()], &want[..]);
            out.finish().unwrap();
        }
        assert_eq!(flows.total(), 1);
    }
}
