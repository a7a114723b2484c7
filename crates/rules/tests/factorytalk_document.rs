//! FactoryTalk AssetCentre (FTAC-RM001), written from the document (not from the pack):
//! every port the document names, asked from the role that opens the connection to the
//! role that answers.
mod common;
use common::*;
use tapaudit_rules::Level;
use tapaudit_vocab::ControlProtocol;

const SRV: &str = "ftac.server";
const AGT: &str = "ftac.agent";
const CLI: &str = "ftac.client";
const WEB: &str = "ftac.web-client";
const DIR: &str = "ft.directory";
const SQL: &str = "mssql.server";
const PLC: &str = "logix.controller";

#[test]
fn chapter2_data_flows() {
    let set = set();
    let mut cases: Vec<Case> = vec![];
    // Tables 1-2: Directory multiplexor -> Directory server, HTTPS/HTTP (Socket.IO), DCOM.
    for c in [SRV, AGT, CLI] {
        cases.push((c, DIR, "tcp", Some(443), "Table 1 step 4, HTTPS"));
        cases.push((c, DIR, "tcp", Some(80), "Table 1 step 4, HTTP"));
        cases.push((
            c,
            DIR,
            "tcp",
            Some(135),
            "Table 1 step 4, DCOM endpoint mapper",
        ));
        cases.push((
            c,
            DIR,
            "tcp",
            Some(50000),
            "Table 1 step 4, Dynamic TCP (DCOM)",
        ));
        // Steps 5, 9: the Directory server sends to the client over Dynamic TCP (DCOM).
        cases.push((
            DIR,
            c,
            "tcp",
            Some(135),
            "Table 1 step 5, DCOM callback endpoint mapper",
        ));
        cases.push((
            DIR,
            c,
            "tcp",
            Some(60000),
            "Table 1 step 9, Dynamic TCP (DCOM)",
        ));
    }
    // Table 3: client -> server 443/80; server -> SQL 1433 and 1434.
    cases.push((CLI, SRV, "tcp", Some(443), "Table 3 step 3"));
    cases.push((CLI, SRV, "tcp", Some(80), "Table 3 step 3"));
    cases.push((SRV, SQL, "tcp", Some(1433), "Table 3 step 6"));
    cases.push((
        SRV,
        SQL,
        "tcp",
        Some(1434),
        "Table 3 step 6 (TCP 1433 and 1434)",
    ));
    // Table 4: agent -> server 7002, server -> agent 7004, server -> client dynamic.
    cases.push((AGT, SRV, "tcp", Some(7002), "Table 4 steps 5, 13"));
    cases.push((SRV, AGT, "tcp", Some(7004), "Table 4 step 8"));
    cases.push((SRV, CLI, "tcp", Some(49152), "Table 4 step 15, Dynamic TCP"));
    cases.push((
        AGT,
        PLC,
        "tcp",
        Some(44818),
        "Table 4 steps 10-11, going online",
    ));
    // Table 4 step 9-10: FactoryTalk Linx 4245 and 4241 on the agent.
    cases.push((SRV, AGT, "tcp", Some(4245), "Table 4 step 10, RSLinxNG02"));
    cases.push((SRV, AGT, "tcp", Some(4241), "Table 4 step 10, RSLinxNG"));
    // Table 5: web client -> server 443/80.
    cases.push((WEB, SRV, "tcp", Some(443), "Table 5 step 2"));
    cases.push((WEB, SRV, "tcp", Some(80), "Table 5 step 2"));
    expect_allowed(&set, &cases);
}

#[test]
fn chapter3_services() {
    let set = set();
    expect_allowed(
        &set,
        &[
            // Table 6
            (
                SRV,
                AGT,
                "tcp",
                Some(7004),
                "FTACAgentController TCP 7004 (Server to Agent)",
            ),
            (
                SRV,
                AGT,
                "udp",
                Some(21061),
                "FTACAgentController UDP 21061",
            ),
            (AGT, SRV, "tcp", Some(7002), "FTACServer TCP 7002"),
            // Table 7
            (AGT, CLI, "tcp", Some(2222), "RSLinx TCP 2222"),
            (AGT, CLI, "tcp", Some(44818), "RSLinx TCP 44818"),
            (AGT, CLI, "udp", Some(2221), "RSLinx UDP 2221"),
            (AGT, CLI, "udp", Some(44818), "RSLinx UDP 44818"),
            (CLI, AGT, "tcp", Some(2221), "RSLinxNG TCP 2221"),
            (CLI, AGT, "tcp", Some(4241), "RSLinxNG TCP 4241"),
            (CLI, AGT, "tcp", Some(7153), "RSLinxNG TCP 7153"),
            (CLI, AGT, "udp", Some(44818), "RSLinxNG UDP 44818"),
            (CLI, AGT, "tcp", Some(4245), "RSLinxNG02 TCP 4245"),
            (CLI, SRV, "tcp", Some(27000), "Activation 27000-27009"),
            (CLI, SRV, "tcp", Some(27009), "Activation 27000-27009"),
            (SRV, SQL, "tcp", Some(1433), "MSSQLSERVER TCP 1433"),
            (SRV, SQL, "udp", Some(1434), "MSSQLSERVER UDP 1434"),
            (CLI, SRV, "tcp", Some(4255), "RsvcHost TCP 4255"),
            (CLI, SRV, "tcp", Some(5241), "RsvcHost TCP 5241"),
            (CLI, SRV, "tcp", Some(60093), "RsvcHost TCP 60093"),
            (CLI, SRV, "udp", Some(6904), "RsvcHost UDP 6904"),
            (CLI, DIR, "tcp", Some(3060), "RNADirectory TCP 3060"),
            (CLI, DIR, "tcp", Some(55555), "RNADirectory Dynamic"),
            (
                SRV,
                CLI,
                "tcp",
                Some(55555),
                "EventServer sends to client computers, Dynamic",
            ),
            (
                AGT,
                SRV,
                "udp",
                Some(21060),
                "FT.TraceDiagnostics UDP 21060",
            ),
            (
                AGT,
                SRV,
                "udp",
                Some(21061),
                "FT.TraceDiagnostics UDP 21061",
            ),
        ],
    );
}

#[test]
fn chapter4_dcom_both_directions_negotiated() {
    let set = set();
    let l = set.lookup(&roles(CLI), &roles(DIR), proto("tcp"), Some(50000), None);
    assert_eq!(
        l.allow[0].negotiated_by,
        [ControlProtocol::DceRpcEpm],
        "negotiated rule ranks first"
    );
    let l = set.lookup(&roles(DIR), &roles(AGT), proto("tcp"), Some(50000), None);
    assert_eq!(l.allow[0].negotiated_by, [ControlProtocol::DceRpcEpm]);
    // "The Endpoint Mapper service itself typically uses port 135 (both TCP and UDP)".
    expect_allowed(
        &set,
        &[(CLI, DIR, "udp", Some(135), "Chapter 4, EPM UDP 135")],
    );
}

/// Tables 8 (server), 10 (agent), 12 (client): ports open on each computer.
#[test]
fn chapter5_ports_open_on_each_computer() {
    let set = set();
    let both: &[u16] = &[
        22350, // CodeMeter TCP/UDP
    ];
    let server_tcp: &[u16] = &[
        135, 22352, 22350, 7700, 54967, 403, 21027, 7150, 7159, 5698, 5798, 5799, 7110, 7113, 7111,
        27000, 27005, 27009, 4244, 7002, 7004, 1332, 6543, 9111, 7147, 3060, 7710, 2222, 44818,
        4241, 7153, 4245, 4255, 5241, 7600, 49152, 65535,
    ];
    let server_udp: &[u16] = &[22350, 21061, 44818, 6904];
    let agent_tcp: Vec<u16> = server_tcp
        .iter()
        .copied()
        .chain([27027, 27050, 27053, 27056, 27100])
        .collect();
    let client_tcp: &[u16] = &[
        135, 22350, 7700, 54967, 27000, 27009, 27010, 27027, 21061, 27050, 27056, 27100, 7147,
        3060, 7710, 2222, 44818, 4241, 7153, 4245, 4255, 5241, 7600, 49152, 65535,
    ];
    let client_udp: &[u16] = &[22350, 44818, 6904];
    let mut cases: Vec<Case> = Vec::new();
    // Initiator: another FactoryTalk computer (the tables do not name one).
    for &p in server_tcp {
        cases.push((AGT, SRV, "tcp", Some(p), "Table 8"));
    }
    for &p in server_udp.iter().chain(both) {
        cases.push((AGT, SRV, "udp", Some(p), "Table 8"));
    }
    for &p in &agent_tcp {
        cases.push((SRV, AGT, "tcp", Some(p), "Table 10"));
    }
    for &p in server_udp {
        cases.push((SRV, AGT, "udp", Some(p), "Table 10"));
    }
    for &p in client_tcp {
        cases.push((SRV, CLI, "tcp", Some(p), "Table 12"));
    }
    for &p in client_udp {
        cases.push((SRV, CLI, "udp", Some(p), "Table 12"));
    }
    // ** FTActivationBoost fallbacks.
    for p in [54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987] {
        cases.push((CLI, SRV, "tcp", Some(p), "FTActivationBoost fallback"));
        cases.push((SRV, CLI, "tcp", Some(p), "FTActivationBoost fallback"));
    }
    // 44818: unsolicited messages from controllers to server, agent, client.
    for c in [SRV, AGT, CLI] {
        cases.push((
            PLC,
            c,
            "tcp",
            Some(44818),
            "Chapter 5, CIP unsolicited message",
        ));
        cases.push((
            PLC,
            c,
            "udp",
            Some(44818),
            "Chapter 5, CIP unsolicited message",
        ));
    }
    // SMTP (if using outbound email), PCDC HTTPS, forward proxy.
    cases.push((SRV, "smtp.server", "tcp", Some(25), "server SMTP"));
    cases.push((AGT, "smtp.server", "tcp", Some(25), "agent SMTP"));
    cases.push((SRV, "ftac.pcdc", "tcp", Some(443), "PCDC HTTPS"));
    cases.push((SRV, "ftac.forward-proxy", "tcp", Some(443), "forward proxy"));
    expect_allowed(&set, &cases);
}

#[test]
fn levels_follow_the_document() {
    let set = set();
    let l = set.lookup(
        &roles(SRV),
        &roles("ftac.pcdc"),
        proto("tcp"),
        Some(443),
        None,
    );
    match &l.allow[0].level {
        Level::Conditional { condition } => assert!(condition.contains("PCDC"), "{condition}"),
        other => panic!("PCDC should be conditional, is {other}"),
    }
    let l = set.lookup(
        &roles(SRV),
        &roles("smtp.server"),
        proto("tcp"),
        Some(25),
        None,
    );
    assert_eq!(
        l.allow[0].level,
        Level::Conditional {
            condition: "if using outbound email".into()
        }
    );
    let l = set.lookup(&roles(SRV), &roles(SQL), proto("tcp"), Some(1433), None);
    assert_eq!(l.allow[0].level, Level::Required);
    // Only SQL is required in this pack.
    let required: Vec<&str> = set
        .rules()
        .filter(|r| r.pack == "ftac" && r.level == Level::Required)
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(required, ["ftac.server.sql-1433"]);
}

#[test]
fn wrong_directions() {
    let set = set();
    expect_not_allowed(
        &set,
        &[
            (
                SQL,
                SRV,
                "tcp",
                Some(1433),
                "SQL Server does not connect to the AssetCentre server",
            ),
            (
                SRV,
                WEB,
                "tcp",
                Some(443),
                "the browser connects, not the server",
            ),
            ("smtp.server", SRV, "tcp", Some(25), "outbound email only"),
            (
                "ftac.pcdc",
                SRV,
                "tcp",
                Some(443),
                "no inbound port for PCDC",
            ),
            (
                DIR,
                SQL,
                "tcp",
                Some(1433),
                "only the AssetCentre server uses the database",
            ),
            (
                WEB,
                SRV,
                "tcp",
                Some(7002),
                "the web client uses HTTP/HTTPS only",
            ),
            (PLC, SRV, "tcp", Some(7002), "controllers only send CIP"),
            (
                AGT,
                SRV,
                "tcp",
                Some(27010),
                "27010 is named for clients only",
            ),
        ],
    );
}

#[test]
fn every_ftac_computer_is_a_directory_client() {
    let set = set();
    for r in [SRV, AGT, CLI, DIR] {
        let e = set.expand_roles(&roles(r));
        assert!(e.contains(&"ft.directory-client".to_string()), "{r}: {e:?}");
    }
    assert_eq!(set.expand_roles(&roles(WEB)), vec![WEB.to_string()]);
}

#[test]
fn fixed_ports_rank_before_ranges() {
    let set = set();
    // 7002 on the server: fixed-port rules, and no range rule covers it.
    let l = set.lookup(&roles(AGT), &roles(SRV), proto("tcp"), Some(7002), None);
    assert!(l.allow.iter().all(|r| r.ports.is_single_ports()));
    assert_eq!(l.allow[0].id, "ftac.agent.server-7002");
    // 27005: only range rules; 54967 fixed list first.
    let l = set.lookup(&roles(CLI), &roles(SRV), proto("tcp"), Some(54967), None);
    assert!(l.allow[0].ports.is_single_ports());
}
