//! Live capture through libpcap (the `pcap` crate). Filled in by the live-capture work.
