//! Against a real ClickHouse server, started in a temporary directory (see
//! `tapaudit_store::test_server`). Without a server binary these tests say why and pass;
//! under CI=true they fail instead.
//!
//! One server serves every check of `against_a_real_server` (each in its own database);
//! the fault test runs its own server, since it kills it.

mod common;

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tapaudit_store::schema::{Migration, Step};
use tapaudit_store::test_server::TestServer;
use tapaudit_store::{
    flow_record_id, CoverageRecord, Evidence, ReadQuery, SourceKind, Store, StoreUrl, Table,
    Writer, WriterConfig,
};
use tapaudit_vocab::{Gap, LinkType, Timestamp};

use common::{announcement, flows, T0};

fn store(url: &StoreUrl) -> Store {
    Store::connect(url, Duration::from_secs(30)).unwrap()
}

fn config(url: &StoreUrl, sensor: &str, spool: &std::path::Path) -> WriterConfig {
    let mut c = WriterConfig::new(url.clone(), sensor, spool);
    c.batch_age = Duration::from_millis(200);
    c.retry_every = Duration::from_millis(100);
    c.retry_max = Duration::from_millis(500);
    c.request_timeout = Duration::from_secs(10);
    c.spool_sync = false;
    c
}

fn fresh(server: &TestServer, db: &str) -> (StoreUrl, Store) {
    let url = server.url(db);
    let s = store(&url);
    s.init(None).unwrap();
    (url, s)
}

/// A named check against the shared server.
type Check = (&'static str, fn(&TestServer));

#[test]
fn against_a_real_server() {
    let Some(server) = TestServer::start_or_skip("against_a_real_server") else {
        return;
    };
    let started = Instant::now();
    let checks: [Check; 8] = [
        (
            "init is idempotent and migrates",
            init_is_idempotent_and_migrates,
        ),
        (
            "records come back as they went in",
            records_come_back_as_they_went_in,
        ),
        (
            "batches sent twice are stored once",
            batches_sent_twice_are_stored_once,
        ),
        (
            "reads take a window and sensors",
            reads_take_a_window_and_sensors,
        ),
        (
            "prune drops what retention says",
            prune_drops_what_retention_says,
        ),
        (
            "a live run's coverage row is replaced",
            a_live_runs_coverage_row_is_replaced,
        ),
        ("the SQL of docs/store.md runs", the_sql_of_the_docs_runs),
        (
            "a store that is down gives typed errors",
            a_store_that_is_down_gives_typed_errors,
        ),
    ];
    for (name, check) in checks {
        let t = Instant::now();
        check(&server);
        eprintln!("ok: {name} ({:.1} s)", t.elapsed().as_secs_f64());
    }
    eprintln!("server checks: {:.1} s", started.elapsed().as_secs_f64());
}

fn init_is_idempotent_and_migrates(server: &TestServer) {
    let url = server.url("t_init");
    let s = store(&url);
    let first = s.init(None).unwrap();
    assert_eq!(first.applied, vec![1]);
    assert!(first.server_version.starts_with(char::is_numeric));
    assert_eq!(s.init(None).unwrap().applied, Vec::<u32>::new());
    assert_eq!(s.check_schema().unwrap(), 1);

    // The mechanism with a second migration: a column added once, however often it runs.
    let mut list = tapaudit_store::schema::migrations();
    list.push(Migration {
        version: 2,
        name: "a test column",
        steps: vec![
            Step::AddColumn {
                table: "flows",
                name: "site",
                definition: "String DEFAULT ''",
            },
            Step::Sql("CREATE TABLE IF NOT EXISTS {db}.extra (x UInt8) ENGINE = TinyLog"),
        ],
    });
    assert_eq!(s.init_with(&list, None).unwrap().applied, vec![2]);
    // A run interrupted after the column was added applies the rest and records it.
    s.execute("ALTER TABLE {db}.schema_migrations DELETE WHERE version = 2")
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let again = s.init_with(&list, None).unwrap();
    assert!(again.applied.is_empty() || again.applied == vec![2]);
    // An older tapaudit refuses a newer schema.
    s.init_with(&list, None).unwrap();
    let e = s.init(None).unwrap_err().to_string();
    assert!(e.contains("newer than this tapaudit"), "{e}");
    assert!(e.contains(&url.display()), "{e}");
}

fn records_come_back_as_they_went_in(server: &TestServer) {
    let (url, s) = fresh(server, "t_roundtrip");
    let spool = tempfile::tempdir().unwrap();
    let (w, report) = Writer::start(config(&url, "cell-a", spool.path())).unwrap();
    assert_eq!(report.batches, 0);
    let sent = flows(0..500);
    let with_evidence: Vec<_> = sent
        .iter()
        .enumerate()
        .map(|(i, f)| (f.clone(), Evidence(i as u16 & 0x3f)))
        .collect();
    w.flows_with_evidence("eth1", with_evidence).unwrap();
    let anns: Vec<_> = (0..20).map(announcement).collect();
    w.announcements("eth1", anns.clone()).unwrap();
    let cov = CoverageRecord {
        sensor: "cell-a".into(),
        kind: SourceKind::Interface,
        source: "eth1".into(),
        window_start: Timestamp::from_secs_nanos(T0, 1),
        window_end: Timestamp::from_secs_nanos(T0 + 3600, 2),
        link_type: Some(LinkType::Ethernet),
        packets: 123,
        bytes: 0,
        dropped_by_kernel: 4,
        dropped_by_interface: 5,
        decode_errors: 0,
        gaps_total: 1,
        gaps: vec![Gap {
            from: Timestamp::from_secs_nanos(T0 + 10, 0),
            to: Some(Timestamp::from_secs_nanos(T0 + 20, 0)),
            reason: "interface went down".into(),
        }],
        complete: true,
        error: None,
    };
    w.coverage(vec![cov.clone()]).unwrap();
    assert!(w.flush(Duration::from_secs(30)).unwrap());
    let stats = w.close(Duration::from_secs(10));
    assert_eq!(
        (
            stats.rows_sent.flows,
            stats.rows_sent.announcements,
            stats.rows_sent.coverage
        ),
        (500, 20, 1)
    );
    assert_eq!((stats.rows_dropped, stats.spool_batches), (0, 0));

    let mut back = s.read_flows(&ReadQuery::default()).unwrap();
    back.sort_by_key(|f| f.flow.first_seen);
    assert_eq!(back.len(), sent.len());
    for (i, (b, f)) in back.iter().zip(&sent).enumerate() {
        assert_eq!(&b.flow, f, "flow {i}");
        assert_eq!((&*b.sensor, &*b.interface), ("cell-a", "eth1"));
        assert_eq!(b.record_id, flow_record_id("cell-a", "eth1", f));
        assert_eq!(b.evidence, Evidence(i as u16 & 0x3f));
        assert_eq!(b.community_id, tapaudit_store::CommunityId::of(f));
    }
    let mut a = s.read_announcements(&ReadQuery::default()).unwrap();
    a.sort_by_key(|a| a.announcement.negotiation.announced_at);
    assert_eq!(
        a.into_iter().map(|a| a.announcement).collect::<Vec<_>>(),
        anns
    );
    assert_eq!(s.read_coverage(&ReadQuery::default()).unwrap(), vec![cov]);
}

fn batches_sent_twice_are_stored_once(server: &TestServer) {
    let (url, s) = fresh(server, "t_dedup");
    let batch = flows(0..3000);
    for round in 0..2 {
        let spool = tempfile::tempdir().unwrap();
        let (w, _) = Writer::start(config(&url, "cell-a", spool.path())).unwrap();
        w.flows("", batch.clone()).unwrap();
        let stats = w.close(Duration::from_secs(30));
        assert_eq!(stats.rows_sent.flows, 3000, "round {round}");
    }
    let sum = s.summary(Table::Flows).unwrap();
    assert_eq!(sum.records, 3000);
    // Stored twice until the engine merges the parts; FINAL reads each once.
    assert!(sum.rows_stored >= 3000);
    let ids: BTreeSet<u64> = batch
        .iter()
        .map(|f| flow_record_id("cell-a", "", f))
        .collect();
    assert_eq!(ids.len(), 3000);
    assert_eq!(sum.id_sum, ids.iter().fold(0u64, |a, &b| a.wrapping_add(b)));
    assert_eq!(s.read_flows(&ReadQuery::default()).unwrap().len(), 3000);
    s.execute("OPTIMIZE TABLE {db}.flows FINAL").unwrap();
    assert_eq!(s.summary(Table::Flows).unwrap().rows_stored, 3000);
}

fn reads_take_a_window_and_sensors(server: &TestServer) {
    let (url, s) = fresh(server, "t_window");
    for sensor in ["cell-a", "cell-b", "dmz"] {
        let spool = tempfile::tempdir().unwrap();
        let (w, _) = Writer::start(config(&url, sensor, spool.path())).unwrap();
        w.flows("", flows(0..1000)).unwrap();
        w.close(Duration::from_secs(30));
    }
    let all = s.read_flows(&ReadQuery::default()).unwrap();
    assert_eq!(all.len(), 3000);
    let since = Timestamp::from_secs_nanos(T0 + 5, 500_000_000);
    let until = Timestamp::from_secs_nanos(T0 + 10, 0);
    let q = ReadQuery {
        since: Some(since),
        until: Some(until),
        sensors: vec!["cell-b".into(), "dmz".into()],
    };
    let got = s.read_flows(&q).unwrap();
    let want = flows(0..1000)
        .into_iter()
        .filter(|f| f.last_seen >= since && f.first_seen < until)
        .count();
    assert!(want > 0 && want < 1000);
    assert_eq!(got.len(), 2 * want);
    assert!(got.iter().all(|f| &*f.sensor != "cell-a"));
    assert!(got
        .iter()
        .all(|f| f.flow.last_seen >= since && f.flow.first_seen < until));
}

fn prune_drops_what_retention_says(server: &TestServer) {
    let (url, s) = fresh(server, "t_prune");
    let spool = tempfile::tempdir().unwrap();
    let (w, _) = Writer::start(config(&url, "cell-a", spool.path())).unwrap();
    let mut old = flows(0..100);
    for f in &mut old {
        // 2025-01: a partition entirely older than 30 days before T0.
        f.first_seen = Timestamp(f.first_seen.0 - 420 * 86_400 * Timestamp::NANOS_PER_SEC);
        f.last_seen = f.first_seen;
    }
    w.flows("", old).unwrap();
    w.flows("", flows(0..100)).unwrap();
    w.close(Duration::from_secs(30));
    assert_eq!(s.summary(Table::Flows).unwrap().records, 200);
    let now = Timestamp::from_secs_nanos(T0 + 86_400, 0);
    let report = s.prune(30, now).unwrap();
    assert!(
        report
            .dropped_partitions
            .iter()
            .any(|p| p.starts_with("flows:2025")),
        "{report:?}"
    );
    assert_eq!(s.summary(Table::Flows).unwrap().records, 100);
}

fn a_live_runs_coverage_row_is_replaced(server: &TestServer) {
    let (url, s) = fresh(server, "t_coverage");
    let spool = tempfile::tempdir().unwrap();
    let (w, _) = Writer::start(config(&url, "cell-a", spool.path())).unwrap();
    let mut c = CoverageRecord {
        sensor: String::new(),
        kind: SourceKind::Interface,
        source: "eth1".into(),
        window_start: Timestamp::from_secs_nanos(T0, 0),
        window_end: Timestamp::from_secs_nanos(T0 + 900, 0),
        link_type: Some(LinkType::Ethernet),
        packets: 10,
        bytes: 0,
        dropped_by_kernel: 0,
        dropped_by_interface: 0,
        decode_errors: 0,
        gaps_total: 0,
        gaps: Vec::new(),
        complete: true,
        error: None,
    };
    w.coverage(vec![c.clone()]).unwrap();
    assert!(w.flush(Duration::from_secs(10)).unwrap());
    c.window_end = Timestamp::from_secs_nanos(T0 + 1800, 0);
    c.packets = 20;
    w.coverage(vec![c.clone()]).unwrap();
    w.close(Duration::from_secs(10));
    let got = s.read_coverage(&ReadQuery::default()).unwrap();
    c.sensor = "cell-a".into();
    assert_eq!(got, vec![c]);
}

/// Every ```sql block of docs/store.md, against a store with data in it.
fn the_sql_of_the_docs_runs(server: &TestServer) {
    let (url, s) = fresh(server, "tapaudit");
    let spool = tempfile::tempdir().unwrap();
    let (w, _) = Writer::start(config(&url, "cell-a", spool.path())).unwrap();
    w.flows("", flows(0..200)).unwrap();
    w.announcements("", (0..5).map(announcement).collect())
        .unwrap();
    w.close(Duration::from_secs(30));
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/store.md"))
        .unwrap();
    let mut n = 0;
    for block in doc.split("```sql").skip(1) {
        let sql = block.split("```").next().unwrap_or("").trim();
        for stmt in sql.split(';').map(str::trim).filter(|s| !s.is_empty()) {
            s.execute(stmt)
                .unwrap_or_else(|e| panic!("docs/store.md:\n{stmt}\n{e}"));
            n += 1;
        }
    }
    assert!(n >= 4, "only {n} statements in docs/store.md");
}

fn a_store_that_is_down_gives_typed_errors(_server: &TestServer) {
    // A port nothing listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = StoreUrl::new("127.0.0.1", port, "plant").unwrap();
    let s = Store::connect(&url, Duration::from_secs(5)).unwrap();
    let e = s.init(None).unwrap_err();
    assert!(e.is_unavailable(), "{e:?}");
    assert!(
        e.to_string()
            .contains(&format!("clickhouse://127.0.0.1:{port}/plant")),
        "{e}"
    );
    let spool = tempfile::tempdir().unwrap();
    let (w, _) = Writer::start(config(&url, "cell-a", spool.path())).unwrap();
    w.flows("", flows(0..100)).unwrap();
    assert!(!w.flush(Duration::from_secs(2)).unwrap());
    let stats = w.close(Duration::ZERO);
    assert!(!stats.server_up);
    assert_eq!(stats.rows_sent.total(), 0);
    assert!(stats.spool_batches >= 1);
    assert!(
        stats
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains(&url.display())),
        "{stats:?}"
    );
    // The next start finds them.
    let (w, report) = Writer::start(config(&url, "cell-a", spool.path())).unwrap();
    assert_eq!(report.rows, 100);
    drop(w);
}

/// The server is killed mid-ingest and started again: every record arrives exactly once.
#[test]
fn server_killed_mid_ingest_every_record_arrives_once() {
    let Some(mut server) = TestServer::start_or_skip("server_killed_mid_ingest") else {
        return;
    };
    let (url, s) = fresh(&server, "t_fault");
    let spool = tempfile::tempdir().unwrap();
    let mut c = config(&url, "cell-a", spool.path());
    c.batch_rows = 2000;
    c.request_timeout = Duration::from_secs(3);
    let (w, _) = Writer::start(c).unwrap();
    let total = 120_000u64;
    let chunk = 1000u64;
    let mut killed_at = None;
    let mut restarted = false;
    for start in (0..total).step_by(chunk as usize) {
        w.flows("", flows(start..start + chunk)).unwrap();
        if start == 40_000 {
            server.kill();
            killed_at = Some(Instant::now());
        }
        if start == 80_000 {
            // Down for a while: batches went to the spool.
            while killed_at.is_some_and(|t| t.elapsed() < Duration::from_secs(2)) {
                std::thread::sleep(Duration::from_millis(50));
            }
            assert!(!w.stats().server_up);
            server.restart().unwrap();
            restarted = true;
        }
        std::thread::sleep(Duration::from_micros(500));
    }
    assert!(restarted);
    assert!(w.flush(Duration::from_secs(60)).unwrap(), "{:?}", w.stats());
    let stats = w.close(Duration::from_secs(10));
    assert_eq!(stats.rows_dropped, 0, "{stats:?}");
    assert!(
        stats.send_failures > 0 && stats.batches_spooled > 0,
        "{stats:?}"
    );
    assert!(stats.batches_sent_from_spool > 0, "{stats:?}");
    assert_eq!(stats.spool_batches, 0);

    let ids: Vec<u64> = flows(0..total)
        .iter()
        .map(|f| flow_record_id("cell-a", "", f))
        .collect();
    let want_sum = ids.iter().fold(0u64, |a, &b| a.wrapping_add(b));
    let want_xor = ids.iter().fold(0u64, |a, &b| a ^ b);
    let sum = s.summary(Table::Flows).unwrap();
    eprintln!("fault test: {stats:?}\n{sum:?}");
    assert_eq!(sum.records, total);
    assert_eq!((sum.id_sum, sum.id_xor), (want_sum, want_xor));
    let read: BTreeSet<u64> = s
        .read_flows(&ReadQuery::default())
        .unwrap()
        .iter()
        .map(|f| f.record_id)
        .collect();
    assert_eq!(read, ids.into_iter().collect());
}

/// The sensor dies (SIGKILL) while the store is away: the next start reports what the
/// spool holds and sends it; nothing sealed before the kill is lost.
#[test]
fn sensor_killed_while_spooling_resumes_from_the_spool() {
    if std::env::var_os("TAPAUDIT_STORE_CRASH_CHILD").is_some() {
        return crash_child();
    }
    let Some(server) = TestServer::start_or_skip("sensor_killed_while_spooling") else {
        return;
    };
    let (url, s) = fresh(&server, "t_crash");
    let spool = tempfile::tempdir().unwrap();
    // The child writes to a store that is not there, reports each chunk sealed, and is
    // killed in the middle.
    let dead = StoreUrl::new("127.0.0.1", 9, "t_crash").unwrap();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "sensor_killed_while_spooling_resumes_from_the_spool",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("TAPAUDIT_STORE_CRASH_CHILD", spool.path())
        .env("TAPAUDIT_STORE_CRASH_URL", dead.to_string())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut sealed = 0u64;
    let mut line = String::new();
    use std::io::BufRead;
    while out.read_line(&mut line).unwrap() > 0 {
        if let Some(n) = line.trim().strip_prefix("sealed ") {
            sealed = n.parse().unwrap();
            if sealed >= 30_000 {
                break;
            }
        }
        line.clear();
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(sealed >= 30_000);

    let (w, report) = Writer::start(config(&url, "cell-a", spool.path())).unwrap();
    eprintln!("after the crash: {report}");
    // Everything the child had sealed and reported is in the spool (a batch sealed after
    // the last report may be there too; a torn one may have been cut off).
    assert!(report.rows >= sealed, "{report:?}, {sealed} sealed");
    assert_eq!(report.corrupt_frames, 0);
    let stats = w.close(Duration::from_secs(60));
    assert_eq!(stats.spool_batches, 0, "{stats:?}");
    let sum = s.summary(Table::Flows).unwrap();
    assert_eq!(sum.records, report.rows);
    let got: BTreeSet<u64> = s
        .read_flows(&ReadQuery::default())
        .unwrap()
        .iter()
        .map(|f| f.record_id)
        .collect();
    let first: BTreeSet<u64> = flows(0..sealed)
        .iter()
        .map(|f| flow_record_id("cell-a", "", f))
        .collect();
    assert!(got.is_superset(&first));
}

fn crash_child() {
    let spool = std::env::var_os("TAPAUDIT_STORE_CRASH_CHILD").unwrap();
    let url: StoreUrl = std::env::var("TAPAUDIT_STORE_CRASH_URL")
        .unwrap()
        .parse()
        .unwrap();
    let mut c = config(&url, "cell-a", std::path::Path::new(&spool));
    c.batch_rows = 1000;
    c.spool_sync = true;
    c.request_timeout = Duration::from_millis(200);
    let (w, _) = Writer::start(c).unwrap();
    let w = Arc::new(w);
    for start in (0..1_000_000u64).step_by(1000) {
        w.flows("", flows(start..start + 1000)).unwrap();
        // Sealed (1000 rows fill a batch) and in the spool once the batcher took it.
        while w.stats().spool_batches * 1000 < start + 1000 {
            std::thread::sleep(Duration::from_millis(1));
        }
        println!("sealed {}", start + 1000);
    }
}
