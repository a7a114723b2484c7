//! A private ClickHouse server for tests (feature `test-server`): started on loopback in a
//! temporary directory with a minimal config of its own (free ports, data in the
//! directory, listening on 127.0.0.1 only, no interserver port), waited for until it
//! answers `/ping`, stopped when dropped.
//!
//! The binary: `$CLICKHOUSE_SERVER` if set, else `clickhouse-server` (Debian's package
//! puts it in /usr/sbin), else a single-binary `clickhouse` (run as `clickhouse server`).
//! [`TestServer::start_or_skip`] returns None with a message saying why when there is no
//! binary; under `CI=true` it panics instead, so that CI cannot pass without the server.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::url::StoreUrl;

/// A running (or stopped, restartable) private server.
pub struct TestServer {
    dir: tempfile::TempDir,
    binary: (PathBuf, bool),
    http_port: u16,
    child: Option<Child>,
}

fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn find_in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .chain(["/usr/sbin".into(), "/usr/local/sbin".into()])
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// The server binary, and whether it is the single `clickhouse` binary (needs `server`).
pub fn server_binary() -> Option<(PathBuf, bool)> {
    if let Some(p) = std::env::var_os("CLICKHOUSE_SERVER") {
        let p = PathBuf::from(p);
        let single = p.file_name().is_some_and(|n| n == "clickhouse");
        return p.is_file().then_some((p, single));
    }
    if let Some(p) = find_in_path("clickhouse-server") {
        return Some((p, false));
    }
    find_in_path("clickhouse").map(|p| (p, true))
}

fn config(dir: &Path, http_port: u16, tcp_port: u16) -> String {
    let d = dir.display();
    format!(
        r#"<?xml version="1.0"?>
<yandex>
    <logger>
        <level>warning</level>
        <log>{d}/server.log</log>
        <errorlog>{d}/server.err.log</errorlog>
        <size>10M</size>
        <count>1</count>
    </logger>
    <listen_host>127.0.0.1</listen_host>
    <http_port>{http_port}</http_port>
    <tcp_port>{tcp_port}</tcp_port>
    <path>{d}/data/</path>
    <tmp_path>{d}/tmp/</tmp_path>
    <user_files_path>{d}/user_files/</user_files_path>
    <format_schema_path>{d}/format_schemas/</format_schema_path>
    <users_config>{d}/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <timezone>UTC</timezone>
    <mark_cache_size>268435456</mark_cache_size>
    <uncompressed_cache_size>268435456</uncompressed_cache_size>
    <max_concurrent_queries>32</max_concurrent_queries>
    <mlock_executable>false</mlock_executable>
</yandex>
"#
    )
}

const USERS: &str = r#"<?xml version="1.0"?>
<yandex>
    <profiles><default></default></profiles>
    <users>
        <default>
            <password></password>
            <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </default>
    </users>
    <quotas><default></default></quotas>
</yandex>
"#;

impl TestServer {
    /// Starts a server, or says why it cannot (no binary: `Ok(None)`).
    pub fn start() -> Result<Option<TestServer>, String> {
        let Some(binary) = server_binary() else {
            return Ok(None);
        };
        let dir = tempfile::Builder::new()
            .prefix("tapaudit-clickhouse-")
            .tempdir()
            .map_err(|e| format!("temporary directory: {e}"))?;
        let mut last = String::new();
        // A free port may be taken between asking and binding: try a few.
        for _ in 0..3 {
            let (http_port, tcp_port) = match (free_port(), free_port()) {
                (Ok(h), Ok(t)) if h != t => (h, t),
                _ => continue,
            };
            let path = dir.path();
            std::fs::write(path.join("config.xml"), config(path, http_port, tcp_port))
                .and_then(|_| std::fs::write(path.join("users.xml"), USERS))
                .map_err(|e| format!("writing the server config: {e}"))?;
            match launch(&binary, path, http_port) {
                Ok(child) => {
                    return Ok(Some(TestServer {
                        dir,
                        binary,
                        http_port,
                        child: Some(child),
                    }))
                }
                Err(e) => last = e,
            }
        }
        Err(last)
    }

    /// A server for a test, or None after printing why the test is skipped. Panics under
    /// `CI=true` rather than skip, and when a server is there but does not start.
    pub fn start_or_skip(test: &str) -> Option<TestServer> {
        match Self::start() {
            Ok(Some(s)) => Some(s),
            Ok(None) => {
                let why = "no ClickHouse server binary (clickhouse-server or clickhouse in \
                           PATH or /usr/sbin, or $CLICKHOUSE_SERVER); install Debian's \
                           clickhouse-server";
                if std::env::var("CI").is_ok_and(|v| v == "true") {
                    panic!("{test}: {why} (CI=true: failing instead of skipping)");
                }
                eprintln!("skipping {test}: {why}");
                None
            }
            Err(e) => panic!("{test}: the ClickHouse test server did not start: {e}"),
        }
    }

    /// The server answers `/ping`.
    pub fn ping(&self) -> bool {
        ping(self.http_port)
    }

    pub fn http_port(&self) -> u16 {
        self.http_port
    }

    /// A store URL on this server.
    pub fn url(&self, database: &str) -> StoreUrl {
        match StoreUrl::new("127.0.0.1", self.http_port, database) {
            Ok(u) => u,
            Err(e) => panic!("test server URL: {e}"),
        }
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// The server's resident memory now and at its peak (bytes), from /proc.
    pub fn memory(&self) -> Option<(u64, u64)> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()?)).ok()?;
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                .map(|kb| kb * 1024)
        };
        Some((field("VmRSS:")?, field("VmHWM:")?))
    }

    /// Kills the server at once (SIGKILL), as a crash would.
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Starts it again on the same ports and data.
    pub fn restart(&mut self) -> Result<(), String> {
        self.kill();
        self.child = Some(launch(&self.binary, self.dir.path(), self.http_port)?);
        Ok(())
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.kill();
    }
}

fn ping(port: u16) -> bool {
    let Ok(mut s) =
        TcpStream::connect_timeout(&([127, 0, 0, 1], port).into(), Duration::from_millis(500))
    else {
        return false;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    if s.write_all(b"GET /ping HTTP/1.0\r\n\r\n").is_err() {
        return false;
    }
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    answer.contains("Ok.")
}

fn log_tail(dir: &Path) -> String {
    let log = std::fs::read_to_string(dir.join("server.err.log"))
        .or_else(|_| std::fs::read_to_string(dir.join("server.log")))
        .unwrap_or_default();
    let lines: Vec<&str> = log.lines().rev().take(5).collect();
    lines.into_iter().rev().collect::<Vec<_>>().join("\n")
}

/// Starts the server in `dir` (config already written) and waits until it answers.
fn launch(binary: &(PathBuf, bool), dir: &Path, http_port: u16) -> Result<Child, String> {
    for sub in ["data", "tmp", "user_files", "format_schemas"] {
        std::fs::create_dir_all(dir.join(sub)).map_err(|e| format!("creating {sub}: {e}"))?;
    }
    let mut cmd = Command::new(&binary.0);
    if binary.1 {
        cmd.arg("server");
    }
    cmd.arg(format!(
        "--config-file={}",
        dir.join("config.xml").display()
    ))
    .current_dir(dir)
    .stdin(Stdio::null())
    .stdout(Stdio::null())
    .stderr(Stdio::null());
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("{}: {e}", binary.0.display()))?;
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if ping(http_port) {
            return Ok(child);
        }
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!(
                "{} exited with {status} before answering; its log: {}",
                binary.0.display(),
                log_tail(dir)
            ));
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("no answer on port {http_port} within 60 s"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
