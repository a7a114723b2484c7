//! Broken packs and site files: each error with its file, line, column and message.
use tapaudit_rules::{Date, Diagnostic, RuleSet, Severity, Site};

const HEAD: &str = r#"[pack]
id = "t"
title = "Test"
[pack.document]
title = "Doc"
short = "DOC"
[[roles]]
id = "a"
description = "A"
[[roles]]
id = "b"
description = "B"
"#;
// HEAD is 12 lines; the rule below starts on line 13.

fn pack_errors(body: &str) -> Vec<Diagnostic> {
    let text = format!("{HEAD}{body}");
    match RuleSet::from_texts(&[("t.toml", &text)]) {
        Ok(_) => panic!("pack should not load:\n{text}"),
        Err(e) => e.diagnostics(),
    }
}

fn one(diags: &[Diagnostic]) -> &Diagnostic {
    assert_eq!(diags.len(), 1, "{diags:#?}");
    &diags[0]
}

fn assert_at(d: &Diagnostic, file: &str, line: usize, column: usize, msg: &str) {
    assert_eq!(
        (d.file.as_str(), d.line, d.column),
        (file, line, column),
        "{d}"
    );
    assert!(
        d.message.contains(msg),
        "message {:?} lacks {msg:?}",
        d.message
    );
}

fn rule(extra: &str) -> String {
    format!("[[rules]]\nid = \"t.r\"\nfrom = [\"a\"]\nto = [\"b\"]\ncite = \"DOC 1\"\npurpose = \"p\"\n{extra}")
}

#[test]
fn toml_syntax() {
    let d = pack_errors("[[rules]\n");
    assert_at(
        one(&d),
        "t.toml",
        13,
        9,
        "unclosed array table, expected `]`",
    );
    assert_eq!(d[0].severity, Severity::Error);
}

#[test]
fn unknown_field() {
    let d = pack_errors(&rule("proto = \"tcp\"\nports = [1]\nport = 5\n"));
    assert_at(one(&d), "t.toml", 21, 1, "unknown field `port`");
}

#[test]
fn unknown_role() {
    let d = pack_errors("[[rules]]\nid = \"t.r\"\nfrom = [\"a\", \"c\"]\nto = [\"b\"]\nproto = \"tcp\"\nports = [1]\ncite = \"DOC\"\npurpose = \"p\"\n");
    assert_at(one(&d), "t.toml", 15, 14, "unknown role \"c\"");
}

#[test]
fn backwards_range() {
    let d = pack_errors(&rule("proto = \"tcp\"\nports = [21, \"5000-1024\"]\n"));
    assert_at(one(&d), "t.toml", 20, 14, "range 5000-1024 is backwards");
}

#[test]
fn port_zero_and_too_big() {
    let d = pack_errors(&rule("proto = \"tcp\"\nports = [0, 70000]\n"));
    assert_eq!(d.len(), 2, "{d:#?}");
    assert_at(&d[0], "t.toml", 20, 10, "port 0 is out of range");
    assert_at(&d[1], "t.toml", 20, 13, "port 70000 is out of range");
}

#[test]
fn unknown_named_range() {
    let d = pack_errors(&rule("proto = \"tcp\"\nports = [\"dynamic\"]\n"));
    assert_at(one(&d), "t.toml", 20, 10, "unknown named range \"dynamic\"");
}

#[test]
fn unknown_protocol() {
    let d = pack_errors(&rule("proto = \"sctp\"\nports = [1]\n"));
    assert_at(one(&d), "t.toml", 19, 9, "unknown protocol \"sctp\"");
}

#[test]
fn duplicate_rule_id() {
    let r = rule("proto = \"tcp\"\nports = [1]\n");
    let d = pack_errors(&format!("{r}{r}"));
    assert_at(one(&d), "t.toml", 22, 6, "duplicate rule id \"t.r\"");
}

#[test]
fn rule_id_needs_pack_prefix() {
    let d = pack_errors("[[rules]]\nid = \"x.r\"\nfrom = [\"a\"]\nto = [\"b\"]\nproto = \"tcp\"\nports = [1]\ncite = \"DOC\"\npurpose = \"p\"\n");
    assert_at(one(&d), "t.toml", 14, 6, "must start with the pack id");
}

#[test]
fn conditional_needs_condition() {
    let d = pack_errors(&rule(
        "proto = \"tcp\"\nports = [1]\nlevel = \"conditional\"\n",
    ));
    assert_at(one(&d), "t.toml", 21, 9, "needs a `condition`");
}

#[test]
fn contradicting_rules() {
    let body = "[[rules]]\nid = \"t.allow\"\nfrom = [\"a\"]\nto = [\"b\"]\nproto = \"tcp\"\nports = [\"100-200\"]\ncite = \"DOC\"\npurpose = \"p\"\n\
[[rules]]\nid = \"t.deny\"\nkind = \"deny\"\nfrom = [\"a\"]\nto = [\"b\"]\nproto = \"tcp+udp\"\nports = [150]\ncite = \"DOC\"\npurpose = \"p\"\n";
    let d = pack_errors(body);
    assert_at(
        one(&d),
        "t.toml",
        14,
        6,
        "rule \"t.allow\" allows what rule \"t.deny\" (t.toml:22:6) denies: tcp port 150 from a to b",
    );
}

#[test]
fn negotiated_without_control_rule() {
    let d = pack_errors(&rule(
        "proto = \"tcp\"\nports = [\"1024-5000\"]\nnegotiated_by = \"ftp\"\n",
    ));
    assert_at(
        one(&d),
        "t.toml",
        14,
        6,
        "no rule is marked `control_for = \"ftp\"`",
    );
}

#[test]
fn unknown_negotiator() {
    let d = pack_errors(&rule(
        "proto = \"tcp\"\nports = [1]\nnegotiated_by = \"sip\"\n",
    ));
    assert_at(one(&d), "t.toml", 21, 17, "unknown variant `sip`");
}

#[test]
fn replacement_pack_from_directory() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../rules/clearscada.toml"
    ))
    .unwrap()
    .replace("ports = [5481]", "ports = [5500]");
    std::fs::write(dir.path().join("cs.toml"), text).unwrap();
    let set = RuleSet::load(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(set.packs().len(), 3, "replaced, not added");
    let p = set.pack("clearscada").unwrap();
    assert!(p.source.ends_with("cs.toml"));
    assert_eq!(
        set.rule("clearscada.partner.tcp-5481")
            .unwrap()
            .ports
            .to_string(),
        "5500"
    );

    // A broken pack in a directory: the diagnostic names the real path.
    std::fs::write(
        dir.path().join("zz.toml"),
        "[pack]\nid = \"zz\"\ntitle = 3\n",
    )
    .unwrap();
    let e = RuleSet::load(&[dir.path().to_path_buf()])
        .unwrap_err()
        .diagnostics();
    assert_eq!(e.len(), 1);
    assert!(e[0].file.ends_with("zz.toml"));
    assert_eq!((e[0].line, e[0].column), (3, 9));
    assert!(e[0].message.contains("invalid type"), "{}", e[0].message);
}

// --- site files --------------------------------------------------------------------

const SITE: &str = r#"[site]
name = "Plant 3, line A"

[[hosts]]
name = "ftac-srv"
addresses = ["10.20.0.10"]
roles = ["ftac.server", "ft.directory", "mssql.server"]

[[hosts]]
name = "eng-ws"
addresses = ["10.20.1.0/24"]
roles = ["ftac.client"]
"#;
// SITE is 12 lines.

fn site_errors(body: &str) -> Vec<Diagnostic> {
    let text = format!("{SITE}{body}");
    match Site::from_toml_str(&text, "site.toml") {
        Ok(site) => {
            let set = RuleSet::embedded().unwrap();
            let d = tapaudit_rules::check(&set, Some(&site), Date::new(2026, 6, 1).unwrap());
            assert!(!d.is_empty(), "site should have problems:\n{text}");
            d
        }
        Err(e) => e.diagnostics(),
    }
}

#[test]
fn site_unknown_field() {
    let d = site_errors(
        "\n[[hosts]]\nname = \"x\"\naddresses = [\"10.0.0.1\"]\nrole = [\"ftac.agent\"]\n",
    );
    assert_at(one(&d), "site.toml", 17, 1, "unknown field `role`");
}

#[test]
fn site_bad_address() {
    let d = site_errors("\n[[hosts]]\nname = \"x\"\naddresses = [\"10.0.0.1\", \"10.0.0.300\"]\n");
    assert_at(
        one(&d),
        "site.toml",
        16,
        26,
        "\"10.0.0.300\" is not an IPv4/IPv6 address",
    );
}

#[test]
fn site_unknown_role() {
    let d = site_errors(
        "\n[[hosts]]\nname = \"x\"\naddresses = [\"10.0.0.1\"]\nroles = [\"ftac.agnet\"]\n",
    );
    assert_at(
        one(&d),
        "site.toml",
        17,
        10,
        "host \"x\": unknown role \"ftac.agnet\", did you mean \"ftac.agent\"?",
    );
}

#[test]
fn site_override_unknown_rule() {
    let d = site_errors("\n[[overrides]]\nrule = \"ftac.agent.server-7003\"\nports = [7012]\n");
    assert_at(one(&d), "site.toml", 15, 8, "override of unknown rule \"ftac.agent.server-7003\", did you mean \"ftac.agent.server-7002\"?");
}

#[test]
fn site_override_not_configurable() {
    let d = site_errors(
        "\n[[overrides]]\nrule = \"pathtrak.hcu-server.boot-event-5808\"\nports = [5900]\n",
    );
    assert_at(
        one(&d),
        "site.toml",
        15,
        8,
        "rule \"pathtrak.hcu-server.boot-event-5808\" is not configurable",
    );
}

#[test]
fn site_override_bad_range() {
    let d = site_errors(
        "\n[[overrides]]\nrule = \"ftac.agent.server-7002\"\nports = [\"7012-7000\"]\n",
    );
    assert_at(one(&d), "site.toml", 16, 10, "range 7012-7000 is backwards");
}

#[test]
fn site_exception_unknown_host() {
    let d = site_errors("\n[[exceptions]]\nfrom = \"eng-wz\"\nto = \"ftac-srv\"\nproto = \"tcp\"\nports = [3389]\nreason = \"RDP\"\n");
    assert_at(
        one(&d),
        "site.toml",
        15,
        8,
        "unknown host \"eng-wz\" (neither a host of [[hosts]] nor an address), did you mean \"eng-ws\"?",
    );
}

#[test]
fn site_exception_expired_is_a_warning() {
    let d = site_errors("\n[[exceptions]]\nfrom = \"eng-ws\"\nto = \"ftac-srv\"\nproto = \"tcp\"\nports = [3389]\nreason = \"RDP, ticket 4711\"\nexpires = \"2026-03-31\"\n");
    let d = one(&d);
    assert_eq!(d.severity, Severity::Warning);
    assert_at(
        d,
        "site.toml",
        15,
        8,
        "exception expired on 2026-03-31 (RDP, ticket 4711)",
    );
    assert_eq!(d.to_string(), "site.toml:15:8: warning: exception expired on 2026-03-31 (RDP, ticket 4711): it no longer covers any flow");
}

#[test]
fn site_exception_bad_date_and_missing_ports() {
    let d = site_errors("\n[[exceptions]]\nfrom = \"eng-ws\"\nto = \"ftac-srv\"\nproto = \"tcp\"\nreason = \"RDP\"\nexpires = \"2027-02-30\"\n");
    assert_eq!(d.len(), 2, "{d:#?}");
    assert_at(
        &d[0],
        "site.toml",
        15,
        8,
        "a tcp or udp exception needs `ports`",
    );
    assert_at(
        &d[1],
        "site.toml",
        19,
        11,
        "\"2027-02-30\" is not a valid calendar date",
    );
}

#[test]
fn check_paths_reports_io_errors() {
    let d = tapaudit_rules::check_paths(
        &[std::path::PathBuf::from("/nonexistent/pack.toml")],
        None,
        Date::new(2026, 1, 1).unwrap(),
    );
    assert_eq!(d.len(), 1);
    assert!(
        d[0].to_string()
            .starts_with("/nonexistent/pack.toml: error: cannot read"),
        "{}",
        d[0]
    );
}

#[test]
fn empty_negotiator_list() {
    let d = pack_errors(&rule("proto = \"tcp\"\nports = [1]\nnegotiated_by = []\n"));
    assert_at(
        one(&d),
        "t.toml",
        21,
        17,
        "`negotiated_by` is an empty list",
    );
}

#[test]
fn unknown_negotiator_in_a_list() {
    let d = pack_errors(&rule(
        "proto = \"tcp\"\nports = [1]\nnegotiated_by = [\"ftp\", \"sip\"]\n",
    ));
    // The element itself is located, not the list.
    assert_at(one(&d), "t.toml", 21, 25, "unknown variant `sip`");
}

#[test]
fn negotiator_list_loads_each_protocol_once() {
    let text = format!(
        "{HEAD}{}{}",
        rule("proto = \"tcp\"\nports = [\"1024-5000\"]\nnegotiated_by = [\"dcerpc-epm\", \"onc-rpc-portmap\", \"dcerpc-epm\"]\n"),
        "[[rules]]\nid = \"t.pm\"\nfrom = [\"a\"]\nto = [\"b\"]\ncite = \"DOC 2\"\npurpose = \"p\"\nproto = \"tcp+udp\"\nports = [111, 135]\ncontrol_for = \"onc-rpc-portmap\"\n\
         [[rules]]\nid = \"t.epm\"\nfrom = [\"a\"]\nto = [\"b\"]\ncite = \"DOC 3\"\npurpose = \"p\"\nproto = \"tcp\"\nports = [135]\ncontrol_for = \"dcerpc-epm\"\n",
    );
    let set = RuleSet::from_texts(&[("t.toml", &text)]).unwrap_or_else(|e| panic!("{e}"));
    let r = set.rules().find(|r| r.id == "t.r").unwrap();
    assert_eq!(
        r.negotiated_by,
        [
            tapaudit_vocab::ControlProtocol::OncRpcPortmap,
            tapaudit_vocab::ControlProtocol::DceRpcEpm
        ]
    );
}

#[test]
fn site_control_port_errors_are_located() {
    // Line 13 is empty; the entry starts on line 14.
    let d = site_errors(
        "\n[[control_ports]]\nprotocol = \"ftp\"\nport = 0\ntransport = \"udp\"\nservers = [\"ftac-srv\", \"ftac-svr2\"]\n",
    );
    assert_eq!(d.len(), 3, "{d:#?}");
    assert_at(&d[0], "site.toml", 16, 8, "port 0 is not a TCP/UDP port");
    assert_at(&d[1], "site.toml", 17, 13, "FTP runs over TCP only");
    assert_at(&d[2], "site.toml", 18, 24, "unknown host \"ftac-svr2\"");
}

#[test]
fn site_control_port_unknown_protocol() {
    let d = site_errors("\n[[control_ports]]\nprotocol = \"smb\"\nport = 445\n");
    assert_at(one(&d), "site.toml", 15, 12, "unknown variant `smb`");
}

#[test]
fn site_control_ports_parse_with_default_transports() {
    let text = format!(
        "{SITE}\n[[control_ports]]\nprotocol = \"onc-rpc-portmap\"\nport = 1111\n\n[[control_ports]]\nprotocol = \"ftp\"\nport = 2121\nservers = [\"ftac-srv\"]\n"
    );
    let site = Site::from_toml_str(&text, "site.toml").unwrap_or_else(|e| panic!("{e}"));
    let [pm, ftp] = site.control_ports.as_slice() else {
        panic!("{:#?}", site.control_ports)
    };
    use tapaudit_vocab::{ControlProtocol, Transport};
    assert_eq!(
        (pm.protocol, pm.port, pm.transports.as_slice()),
        (
            ControlProtocol::OncRpcPortmap,
            1111,
            &[Transport::Tcp, Transport::Udp][..]
        )
    );
    assert!(pm.servers.is_empty());
    assert_eq!(
        (
            ftp.protocol,
            ftp.port,
            ftp.transports.as_slice(),
            ftp.servers.as_slice()
        ),
        (
            ControlProtocol::Ftp,
            2121,
            &[Transport::Tcp][..],
            &["ftac-srv".to_string()][..]
        )
    );
}

#[test]
fn unknown_platform_is_located() {
    let d = pack_errors("[[roles]]\nid = \"c\"\ndescription = \"C\"\nplatform = \"macos\"\n");
    assert_at(
        one(&d),
        "t.toml",
        16,
        12,
        "role \"c\": unknown platform \"macos\": use one of windows, linux, vxworks, firmware",
    );
}

#[test]
fn a_role_of_two_packs_cannot_run_on_two_platforms() {
    let pack = |id: &str, platform: &str| {
        format!(
            "[pack]\nid = \"{id}\"\ntitle = \"T\"\n[pack.document]\ntitle = \"D\"\nshort = \"D\"\n[[roles]]\nid = \"mail\"\ndescription = \"M\"\nplatform = \"{platform}\"\n"
        )
    };
    let (a, b) = (pack("p", "windows"), pack("q", "linux"));
    let e = RuleSet::from_texts(&[("p.toml", &a), ("q.toml", &b)]).unwrap_err();
    let d = e.diagnostics();
    assert_at(
        one(&d),
        "q.toml",
        8,
        6,
        "role \"mail\" has platform linux here and windows at p.toml:8:6",
    );
    // The same platform twice is fine.
    let c = pack("q", "windows");
    assert!(RuleSet::from_texts(&[("p.toml", &a), ("c.toml", &c)]).is_ok());
}

#[test]
fn platforms_come_from_roles_and_what_they_imply() {
    use tapaudit_rules::Platform;
    let rules = RuleSet::embedded().unwrap();
    let roles = |r: &[&str]| -> Vec<String> { r.iter().map(|s| s.to_string()).collect() };
    let win = std::collections::BTreeSet::from([Platform::Windows]);
    assert_eq!(rules.platforms_of(&roles(&["ftac.server"])), win);
    assert_eq!(rules.platforms_of(&roles(&["clearscada.dmz-standby"])), win);
    assert_eq!(
        rules.platforms_of(&roles(&["pathtrak.hcu200"])),
        std::collections::BTreeSet::from([Platform::Linux])
    );
    assert_eq!(
        rules.platforms_of(&roles(&["logix.controller"])),
        std::collections::BTreeSet::from([Platform::Firmware])
    );
    // No role says: nothing is claimed.
    assert!(rules.platforms_of(&roles(&["smtp.server"])).is_empty());
    assert!(rules.platforms_of(&[]).is_empty());
}
