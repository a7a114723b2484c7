//! Live capture through libpcap (the `pcap` crate).
//!
//! [`LiveCapture::open`] opens one interface (promiscuous, snaplen, kernel buffer size,
//! immediate mode with a short read timeout so the caller can check for shutdown), compiles
//! the BPF filter at start, and yields [`Frame`]s that borrow libpcap's buffer until the next
//! read. [`LiveCapture::stats`] turns libpcap's 32-bit counters into 64-bit totals that
//! survive wrap-around (weeks at line rate wrap a `u32`).
//!
//! Errors name the interface, and the filter when it is the filter that is wrong.

use crate::{Frame, LinkType, Timestamp};

/// How to open an interface.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveConfig {
    pub interface: String,
    /// Bytes kept of each frame.
    pub snaplen: u32,
    /// Kernel ring buffer size in bytes.
    pub buffer_bytes: u32,
    pub promiscuous: bool,
    /// BPF filter (tcpdump syntax); None: everything.
    pub filter: Option<String>,
    /// Kernel block timeout (a frame waits at most this long in a partly filled block) and
    /// longest nap of [`LiveCapture::idle`] (bounds how late the caller notices a shutdown).
    pub timeout_ms: u32,
}

impl LiveConfig {
    pub fn new(interface: impl Into<String>) -> Self {
        LiveConfig {
            interface: interface.into(),
            snaplen: DEFAULT_SNAPLEN,
            buffer_bytes: 64 * 1024 * 1024,
            promiscuous: true,
            filter: None,
            timeout_ms: 100,
        }
    }
}

/// Whole frames: the FTP, portmapper and endpoint-mapper parsers need the payload of
/// control messages, which can fill a full segment (EPM towers, long FTP replies), and
/// offloaded (GRO/TSO) frames seen on the capture host exceed the MTU.
pub const DEFAULT_SNAPLEN: u32 = 65535;

/// Live capture errors. Each names the interface.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LiveError {
    #[error("interface {interface:?} does not exist (available: {available})")]
    NoSuchInterface {
        interface: String,
        available: String,
    },
    #[error("interface {interface:?}: cannot open: {message}")]
    Open { interface: String, message: String },
    #[error("interface {interface:?}: bad capture filter {filter:?}: {message}")]
    Filter {
        interface: String,
        filter: String,
        message: String,
    },
    #[error("bad capture filter {filter:?}: {message}")]
    FilterSyntax { filter: String, message: String },
    #[error("interface {interface:?}: capture failed: {message}")]
    Read { interface: String, message: String },
    #[error("listing interfaces: {0}")]
    List(String),
}

/// libpcap's counters for one handle, widened to 64 bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LiveStats {
    /// Packets the kernel handed to the capture (after the filter).
    pub received: u64,
    /// Dropped because the kernel buffer was full (we did not read fast enough).
    pub dropped_by_kernel: u64,
    /// Dropped by the interface or its driver (not every driver reports it).
    pub dropped_by_interface: u64,
}

impl LiveStats {
    pub fn add(&mut self, other: LiveStats) {
        self.received += other.received;
        self.dropped_by_kernel += other.dropped_by_kernel;
        self.dropped_by_interface += other.dropped_by_interface;
    }
}

/// Is the interface there, and is it administratively up?
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InterfaceState {
    Missing,
    Down,
    Up,
}

/// Looks the interface up in libpcap's device list.
pub fn interface_state(name: &str) -> Result<InterfaceState, LiveError> {
    let devices = pcap::Device::list().map_err(|e| LiveError::List(e.to_string()))?;
    Ok(match devices.iter().find(|d| d.name == name) {
        None => InterfaceState::Missing,
        Some(d) if d.flags.is_up() => InterfaceState::Up,
        Some(_) => InterfaceState::Down,
    })
}

fn available_interfaces() -> String {
    match pcap::Device::list() {
        Ok(list) => {
            let mut names: Vec<String> = list.into_iter().map(|d| d.name).collect();
            names.sort();
            names.join(", ")
        }
        Err(e) => format!("cannot list: {e}"),
    }
}

/// One open interface.
pub struct LiveCapture {
    cap: pcap::Capture<pcap::Active>,
    interface: String,
    link: LinkType,
    source: usize,
    number: u64,
    /// Raw libpcap counters at the last `stats()` call (to widen them across wrap-around).
    last_raw: pcap::Stat,
    totals: LiveStats,
    /// Current idle nap; doubles while the link stays quiet, back to the minimum on a frame.
    nap_us: u64,
    max_nap_us: u64,
}

const NAP_MIN_US: u64 = 500;

impl LiveCapture {
    /// Opens `config.interface`; `source` is copied into every frame. A missing interface, a
    /// refused open (permissions) or a filter that does not compile is an error here, at start.
    pub fn open(config: &LiveConfig, source: usize) -> Result<Self, LiveError> {
        let interface = config.interface.clone();
        if interface_state(&interface)? == InterfaceState::Missing {
            return Err(LiveError::NoSuchInterface {
                available: available_interfaces(),
                interface,
            });
        }
        let open_err = |e: pcap::Error| LiveError::Open {
            interface: config.interface.clone(),
            message: e.to_string(),
        };
        let to_i32 = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
        let inactive = pcap::Capture::from_device(interface.as_str()).map_err(open_err)?;
        let inactive = inactive
            .promisc(config.promiscuous)
            .snaplen(to_i32(config.snaplen.max(64)))
            .buffer_size(to_i32(config.buffer_bytes))
            // Not immediate mode: libpcap then uses TPACKET_V2, a ring of snaplen-sized
            // slots (64 MiB / 64 KiB = ~1000 frames, measured: kernel drops at 50 kpps).
            // TPACKET_V3 packs frames by their real length into blocks retired every
            // `timeout_ms`, so the same 64 MiB holds ~150,000 frames of a plant mix.
            .immediate_mode(false)
            .timeout(to_i32(config.timeout_ms.max(1)))
            .precision(pcap::Precision::Nano);
        // Non-blocking, with our own naps (`idle`): a blocking read on a quiet link may
        // never return (libpcap 1.10 on Linux re-polls on timeout), so we could not check
        // for shutdown or publish statistics.
        let mut cap = inactive
            .open()
            .map_err(open_err)?
            .setnonblock()
            .map_err(open_err)?;
        if let Some(filter) = &config.filter {
            cap.filter(filter, true).map_err(|e| LiveError::Filter {
                interface: interface.clone(),
                filter: filter.clone(),
                message: e.to_string(),
            })?;
        }
        let link = LinkType::from_linktype(cap.get_datalink().0);
        Ok(LiveCapture {
            cap,
            interface,
            link,
            source,
            number: 0,
            last_raw: pcap::Stat {
                received: 0,
                dropped: 0,
                if_dropped: 0,
            },
            totals: LiveStats::default(),
            nap_us: NAP_MIN_US,
            max_nap_us: u64::from(config.timeout_ms.max(1)) * 1000,
        })
    }

    pub fn interface(&self) -> &str {
        &self.interface
    }
    pub fn link(&self) -> LinkType {
        self.link
    }

    /// The next frame, without waiting: `Ok(None)` when nothing is buffered (then call
    /// [`LiveCapture::idle`]). An error means the handle is unusable (interface down or
    /// removed): reopen it.
    pub fn next_frame(&mut self) -> Result<Option<Frame<'_>>, LiveError> {
        match self.cap.next_packet() {
            Ok(p) => {
                self.nap_us = NAP_MIN_US;
                self.number += 1;
                let secs = u64::try_from(p.header.ts.tv_sec).unwrap_or(0);
                // Nanosecond precision was asked for: tv_usec holds nanoseconds.
                let nanos = u64::try_from(p.header.ts.tv_usec).unwrap_or(0);
                Ok(Some(Frame {
                    ts: Timestamp::from_secs_nanos(secs, nanos),
                    link: self.link,
                    orig_len: p.header.len,
                    data: p.data,
                    number: self.number,
                    source: self.source,
                }))
            }
            Err(pcap::Error::TimeoutExpired) => Ok(None),
            Err(e) => Err(LiveError::Read {
                interface: self.interface.clone(),
                message: e.to_string(),
            }),
        }
    }

    /// Sleeps a little after `next_frame` found nothing: 0.5 ms at first, doubling while
    /// the link stays quiet up to `timeout_ms`. The kernel ring (`buffer_bytes`) holds what
    /// arrives meanwhile (64 MiB is ~0.5 s at 1 Gbit/s, far above the longest nap).
    pub fn idle(&mut self) {
        std::thread::sleep(std::time::Duration::from_micros(self.nap_us));
        self.nap_us = (self.nap_us * 2).min(self.max_nap_us.max(NAP_MIN_US));
    }

    /// Totals since this handle was opened, widened to 64 bits (call at least once per
    /// 2^32 packets, e.g. every few seconds, so a wrap is seen once).
    pub fn stats(&mut self) -> Result<LiveStats, LiveError> {
        let raw = self.cap.stats().map_err(|e| LiveError::Read {
            interface: self.interface.clone(),
            message: format!("statistics: {e}"),
        })?;
        self.totals.received += u64::from(raw.received.wrapping_sub(self.last_raw.received));
        self.totals.dropped_by_kernel += u64::from(raw.dropped.wrapping_sub(self.last_raw.dropped));
        self.totals.dropped_by_interface +=
            u64::from(raw.if_dropped.wrapping_sub(self.last_raw.if_dropped));
        self.last_raw = raw;
        Ok(self.totals)
    }
}

/// Checks a filter's syntax without opening an interface (no privileges needed).
pub fn check_filter(filter: &str, link: LinkType) -> Result<(), LiveError> {
    let bad = |message: String| LiveError::FilterSyntax {
        filter: filter.into(),
        message,
    };
    let linktype = pcap::Linktype(i32::try_from(link.number()).unwrap_or(1));
    let dead = pcap::Capture::dead_with_precision(linktype, pcap::Precision::Nano)
        .map_err(|e| bad(e.to_string()))?;
    dead.compile(filter, true)
        .map(|_| ())
        .map_err(|e| bad(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_syntax_is_checked_without_privileges() {
        assert!(check_filter("tcp port 21 or udp port 111", LinkType::Ethernet).is_ok());
        let err = check_filter("tcp port banana", LinkType::Ethernet).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("tcp port banana"), "{text}");
    }

    #[test]
    fn a_missing_interface_is_named() {
        let err = LiveCapture::open(&LiveConfig::new("tapaudit-nope0"), 0)
            .err()
            .expect("no such interface");
        match err {
            LiveError::NoSuchInterface { interface, .. } => assert_eq!(interface, "tapaudit-nope0"),
            // Without permission to list devices the open itself fails; still named.
            other => assert!(other.to_string().contains("tapaudit-nope0"), "{other}"),
        }
    }
}
