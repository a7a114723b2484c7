use super::*;

fn flow(client: &str, server: &str, port: u16, verdict: &str, finding: Option<&str>) -> String {
    let finding = finding.map(|f| format!("\"{f}\"")).unwrap_or("null".into());
    format!(
        r#"{{"proto":"tcp","client":"10.0.0.{client}","server":"10.0.0.{server}","server_port":{port},
        "client_host":"h{client}","server_host":"h{server}","verdict":"{verdict}","evidence":null,
        "rule":null,"reason":"r","finding":{finding},"negotiated_by":null}}"#
    )
}

fn report(verdict: &str, flows: &[String]) -> Report {
    let text = format!(
        r#"{{"schema":"tapaudit.report/1","site":{{"name":"s"}},"summary":{{"verdict":"{verdict}"}},"flows":[{}],"missing":[]}}"#,
        flows.join(",")
    );
    Report::from_slice(text.as_bytes(), "r.json").unwrap()
}

#[test]
fn findings_new_resolved_and_open_by_id() {
    let old = report(
        "fail",
        &[
            flow("1", "2", 445, "undocumented", Some("F-000000000001")),
            flow("1", "3", 22, "undocumented", Some("F-000000000002")),
        ],
    );
    let new = report(
        "fail",
        &[
            flow("1", "2", 445, "undocumented", Some("F-000000000001")),
            flow("1", "2", 445, "undocumented", Some("F-000000000001")),
            flow("4", "2", 502, "violation", Some("F-000000000003")),
        ],
    );
    let d = Diff::new(&old, &new);
    let ids = |v: &[Finding]| v.iter().map(|f| f.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&d.findings.new), ["F-000000000003"]);
    assert_eq!(ids(&d.findings.resolved), ["F-000000000002"]);
    assert_eq!(ids(&d.findings.open), ["F-000000000001"]);
    assert_eq!(d.findings.open[0].flows, 2);
    assert_eq!(d.hosts.new.len(), 1);
    assert_eq!(d.hosts.new[0].host, "h4");
    assert_eq!(d.hosts.gone[0].host, "h3");
    assert!(!d.outcome_changed);
    assert!(d.fails(FailOn::Violation));
    assert!(!d.fails(FailOn::Never));
}

#[test]
fn a_new_undocumented_finding_does_not_fail_at_violation_level() {
    let old = report("pass", &[flow("1", "2", 80, "documented", None)]);
    let new = report(
        "fail",
        &[flow("1", "2", 80, "undocumented", Some("F-00000000000a"))],
    );
    let d = Diff::new(&old, &new);
    assert!(d.outcome_changed);
    assert_eq!(d.verdict_changes.len(), 1);
    assert_eq!(d.verdict_changes[0].old, Verdict::Documented);
    assert_eq!(d.verdict_changes[0].new, Verdict::Undocumented);
    assert!(d.services.new.is_empty() && d.services.gone.is_empty());
    assert!(!d.fails(FailOn::Violation));
    assert!(d.fails(FailOn::Undocumented));
    assert!(d.fails(FailOn::Missing));
}

#[test]
fn the_same_report_twice_is_no_change_and_no_failure() {
    let r = report(
        "fail",
        &[flow("1", "2", 445, "undocumented", Some("F-000000000001"))],
    );
    let d = Diff::new(&r, &r);
    assert!(d.is_empty());
    assert!(!d.fails(FailOn::Missing));
    assert_eq!(d.findings.open.len(), 1);
}

#[test]
fn dynamic_range_ports_are_one_service_per_rule() {
    let range = |port: u16| {
        format!(
            r#"{{"proto":"tcp","client":"10.0.0.1","server":"10.0.0.2","server_port":{port},
            "client_host":"a","server_host":"b","verdict":"documented","evidence":"range",
            "rule":"x.dcom","reason":"r","finding":null,"negotiated_by":null}}"#
        )
    };
    let d = Diff::new(
        &report("pass", &[range(50001)]),
        &report("pass", &[range(50999)]),
    );
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn text_from_the_reports_is_escaped() {
    let evil = r#"{"proto":"tcp","client":"10.0.0.1","server":"10.0.0.2","server_port":1,
        "client_host":"<script>x|y</script>","server_host":"b","verdict":"undocumented",
        "evidence":null,"rule":null,"reason":"a\nb","finding":"F-000000000009","negotiated_by":null}"#;
    let d = Diff::new(&report("pass", &[]), &report("fail", &[evil.to_string()]));
    let mut html = Vec::new();
    render(&d, Format::Html, &mut html).unwrap();
    let html = String::from_utf8(html).unwrap();
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;x|y&lt;/script&gt;"));
    let mut md = Vec::new();
    render(&d, Format::Markdown, &mut md).unwrap();
    let md = String::from_utf8(md).unwrap();
    assert!(md.contains("&lt;script>x\\|y&lt;/script>"), "{md}");
    let mut json = Vec::new();
    render(&d, Format::Json, &mut json).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(v["schema"], DIFF_SCHEMA);
    assert_eq!(v["findings"]["new"][0]["client"], "<script>x|y</script>");
}
