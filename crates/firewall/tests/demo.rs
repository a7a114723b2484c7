//! The firewall of the bundled demo site, in each format, against golden files; the
//! nftables ruleset through `nft -c -f` where nft is installed.
//!
//! After an intended change (packs, site, format): `UPDATE_GOLDEN=1 cargo test -p
//! tapaudit-firewall`, then read the diff.

use std::path::{Path, PathBuf};
use std::process::Command;

use tapaudit_audit::audit;
use tapaudit_firewall::{plan, render, Format, Options, Plan};
use tapaudit_flow::FlowConfig;
use tapaudit_pipeline::replay_files;
use tapaudit_rules::{RuleSet, Site};

fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../captures/demo")
}

fn rules_and_site() -> (RuleSet, Site) {
    let rules = RuleSet::load(&[]).unwrap();
    let mut site = Site::from_file(&demo().join("site.toml")).unwrap();
    // The outputs name the site file; keep the goldens independent of the checkout's path.
    site.source = "captures/demo/site.toml".to_string();
    (rules, site)
}

/// The flow settings `tapaudit` uses: the control ports the packs declare.
fn config(rules: &RuleSet, site: &Site) -> FlowConfig {
    FlowConfig::default().with_control_ports(rules.control_ports(Some(site)))
}

fn observed_plan() -> Plan {
    let (rules, site) = rules_and_site();
    let replay = replay_files(&[demo().join("demo.pcap")], config(&rules, &site));
    assert!(replay.complete());
    let result = audit(&rules, Some(&site), replay.flows);
    plan(&rules, &site, Some(&result), Options::default())
}

fn rendered(p: &Plan, f: Format) -> String {
    let mut out = Vec::new();
    render(f, p, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .map(|i| i + 1)
            .unwrap_or(expected.lines().count().min(actual.lines().count()) + 1);
        panic!(
            "{} differs from the output at line {line} (UPDATE_GOLDEN=1 rewrites it after an intended change)",
            path.display()
        );
    }
}

#[test]
fn demo_goldens() {
    let (rules, site) = rules_and_site();
    let p = plan(&rules, &site, None, Options::default());
    golden("demo.nft", &rendered(&p, Format::Nftables));
    golden("demo.ps1", &rendered(&p, Format::Windows));
    golden("demo.csv", &rendered(&p, Format::Csv));
    let mut chain = Vec::new();
    tapaudit_firewall::write_nftables_mode(&p, tapaudit_firewall::NftMode::Chain, &mut chain)
        .unwrap();
    golden("demo-chain.nft", &String::from_utf8(chain).unwrap());
    let o = observed_plan();
    golden("demo-observed.nft", &rendered(&o, Format::Nftables));
    golden("demo-observed.ps1", &rendered(&o, Format::Windows));
    golden("demo-observed.csv", &rendered(&o, Format::Csv));
}

#[test]
fn demo_plan_cites_every_opening_and_drops_the_dmz_links() {
    let (rules, site) = rules_and_site();
    let p = plan(&rules, &site, None, Options::default());
    assert!(p.openings.iter().all(|o| !o.cite.is_empty()));
    let drops: Vec<(&str, &str, &str)> = p
        .openings
        .iter()
        .filter(|o| o.action == tapaudit_firewall::Action::Drop)
        .map(|o| {
            (
                o.rule.as_str(),
                o.client.name.as_str(),
                o.server.name.as_str(),
            )
        })
        .collect();
    assert!(drops.contains(&("clearscada.dmz-to-server.deny-tcp", "scada-dmz", "scada-a")));
    assert!(drops.contains(&("clearscada.dmz-to-server.deny-icmp", "scada-dmz", "scada-b")));
    // eng-laptop has no role: no opening names it (its exceptions are not documents).
    assert!(p
        .openings
        .iter()
        .all(|o| o.client.name != "eng-laptop" && o.server.name != "eng-laptop"));
}

#[test]
fn observed_narrows_negotiated_ranges_with_evidence() {
    let o = observed_plan();
    let find = |rule: &str, c: &str, s: &str| {
        o.openings
            .iter()
            .find(|x| x.rule == rule && x.client.name == c && x.server.name == s)
            .unwrap_or_else(|| panic!("no opening {rule} {c} -> {s}"))
    };
    // The ONC RPC service of hcu200-01 was found through its portmapper.
    let rpc = find(
        "pathtrak.server-hcu.onc-rpc-services",
        "pathtrak-srv",
        "hcu200-01",
    );
    assert_eq!(rpc.documented_ports.to_string(), "600-1023");
    let obs = rpc.observed.as_ref().unwrap();
    let ann = obs.narrowed.as_ref().expect("narrowed");
    assert_eq!(rpc.ports.to_string(), obs.ports[0].to_string());
    assert!(ann
        .iter()
        .any(|a| a.protocol == "onc-rpc-portmap" && a.port == obs.ports[0]));
    // An opening the capture never used is a candidate to close, and is marked so.
    let unused = find("pathtrak.server-hcu.ftp-21", "pathtrak-srv", "hcu1500-01");
    assert!(unused.candidate_to_close());
    let nft = rendered(&o, Format::Nftables);
    assert!(nft.contains("candidate to close"));
    assert!(nft.contains("narrowed from the documented 600-1023"));
}

/// Issue 20: the service port of hcu1500-01 was only ever refused (RST): the opening was
/// attempted, not used, and its range is not narrowed to the refused port.
#[test]
fn observed_tells_attempts_from_answered_flows() {
    let o = observed_plan();
    let rpc = o
        .openings
        .iter()
        .find(|x| {
            x.rule == "pathtrak.server-hcu.onc-rpc-services"
                && x.client.name == "pathtrak-srv"
                && x.server.name == "hcu1500-01"
        })
        .unwrap();
    let obs = rpc.observed.as_ref().unwrap();
    assert_eq!((obs.flows, obs.attempts), (0, 1), "{obs:?}");
    assert!(obs.narrowed.is_none());
    assert_eq!(rpc.ports, rpc.documented_ports);
    assert!(!rpc.candidate_to_close());
    let nft = rendered(&o, Format::Nftables);
    let line = nft
        .lines()
        .skip_while(|l| {
            !l.contains(
                "pathtrak.server-hcu.onc-rpc-services [required] pathtrak-srv -> hcu1500-01",
            )
        })
        .find(|l| l.contains("# observed:"))
        .unwrap();
    assert!(
        line.contains("attempted, never answered: 1 attempt(s)"),
        "{line}"
    );
    assert!(line.contains("range not narrowed"), "{line}");
    // An answered one still narrows (hcu400-01 answered its GETPORT and service call).
    let answered = o
        .openings
        .iter()
        .find(|x| x.rule == "pathtrak.server-hcu.onc-rpc-services" && x.server.name == "hcu400-01")
        .unwrap();
    assert!(answered.observed.as_ref().unwrap().narrowed.is_some());
}

/// `nft -c -f`: parse and check against the kernel without changing anything. Needs
/// CAP_NET_ADMIN: run as is when root, else in a new user and network namespace.
fn nft_check(file: &Path) -> Result<(), String> {
    let nft = ["/usr/sbin/nft", "/sbin/nft", "/usr/bin/nft"]
        .into_iter()
        .find(|p| Path::new(p).exists());
    let Some(nft) = nft else {
        return Err("skip: nft not installed (Debian: apt-get install nftables)".into());
    };
    let direct = Command::new(nft).arg("-c").arg("-f").arg(file).output();
    let out = match direct {
        Ok(o) if o.status.success() => return Ok(()),
        Ok(o) => o,
        Err(e) => return Err(format!("skip: cannot run {nft}: {e}")),
    };
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    if !stderr.contains("Operation not permitted") && !stderr.contains("Permission denied") {
        return Err(format!(
            "FAIL: nft -c rejected {}:\n{stderr}",
            file.display()
        ));
    }
    match Command::new("unshare")
        .args(["-rn", nft, "-c", "-f"])
        .arg(file)
        .output()
    {
        Ok(o) if o.status.success() => Ok(()),
        Ok(o) => {
            let e = String::from_utf8_lossy(&o.stderr).to_string();
            if e.contains("Operation not permitted") || e.contains("unshare failed") {
                Err(format!(
                    "skip: no permission for nft -c, even in a namespace: {e}"
                ))
            } else {
                Err(format!("FAIL: nft -c rejected {}:\n{e}", file.display()))
            }
        }
        Err(e) => Err(format!("skip: cannot run unshare: {e}")),
    }
}

#[test]
fn nft_accepts_the_demo_rulesets() {
    let dir = tempfile::tempdir().unwrap();
    let (rules, site) = rules_and_site();
    let plans = [
        ("plain.nft", plan(&rules, &site, None, Options::default())),
        ("observed.nft", observed_plan()),
        (
            "exceptions.nft",
            plan(
                &rules,
                &site,
                None,
                Options {
                    include_exceptions: true,
                    keep_ranges: false,
                },
            ),
        ),
    ];
    let mut files: Vec<(String, String)> = Vec::new();
    for (name, p) in &plans {
        files.push((name.to_string(), rendered(p, Format::Nftables)));
        let mut chain = Vec::new();
        tapaudit_firewall::write_nftables_mode(p, tapaudit_firewall::NftMode::Chain, &mut chain)
            .unwrap();
        files.push((format!("chain-{name}"), String::from_utf8(chain).unwrap()));
    }
    for (name, text) in files {
        let path = dir.path().join(&name);
        std::fs::write(&path, text).unwrap();
        match nft_check(&path) {
            Ok(()) => eprintln!("nft -c -f {name}: ok"),
            Err(msg) if msg.starts_with("skip") => {
                // CI installs nftables and runs as root (.ci/run): there, a skip is a failure.
                assert!(std::env::var_os("CI").is_none(), "{msg}");
                eprintln!("{msg}");
                return;
            }
            Err(msg) => panic!("{msg}"),
        }
    }
}

#[test]
fn hostile_names_still_give_a_valid_ruleset() {
    let (rules, _) = rules_and_site();
    let text = std::fs::read_to_string(demo().join("site.toml"))
        .unwrap()
        .replace("\"scada-a\"", "\"scada-a\\\" accept; }} #<script>\"");
    let site = Site::from_toml_str(&text, "hostile.toml").unwrap();
    let p = plan(&rules, &site, None, Options::default());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.nft");
    std::fs::write(&path, rendered(&p, Format::Nftables)).unwrap();
    match nft_check(&path) {
        Ok(()) => {}
        Err(msg) if msg.starts_with("skip") => {
            assert!(std::env::var_os("CI").is_none(), "{msg}");
            eprintln!("{msg}")
        }
        Err(msg) => panic!("{msg}"),
    }
}
