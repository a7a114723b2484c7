//! `clickhouse://[user[:password]@]host:port/database`: where the store is.

use std::fmt;
use std::str::FromStr;

use crate::error::StoreError;

/// A parsed store URL. ClickHouse is spoken to over its HTTP interface (default port 8123).
#[derive(Clone, PartialEq, Eq)]
pub struct StoreUrl {
    host: String,
    port: u16,
    database: String,
    user: Option<String>,
    password: Option<String>,
}

impl StoreUrl {
    pub const DEFAULT_PORT: u16 = 8123;

    pub fn new(host: &str, port: u16, database: &str) -> Result<Self, StoreError> {
        format!("clickhouse://{host}:{port}/{database}").parse()
    }
    pub fn with_user(mut self, user: &str, password: Option<&str>) -> Self {
        self.user = Some(user.to_string());
        self.password = password.map(str::to_string);
        self
    }
    pub fn database(&self) -> &str {
        &self.database
    }
    pub fn user(&self) -> Option<&str> {
        self.user.as_deref()
    }
    pub(crate) fn password(&self) -> Option<&str> {
        self.password.as_deref()
    }
    /// The HTTP endpoint, without credentials.
    pub fn http_url(&self) -> String {
        if self.host.contains(':') {
            format!("http://[{}]:{}", self.host, self.port)
        } else {
            format!("http://{}:{}", self.host, self.port)
        }
    }
    /// The URL as errors and logs show it: never the password.
    pub fn display(&self) -> String {
        let user = self
            .user
            .as_deref()
            .map_or(String::new(), |u| format!("{u}@"));
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        format!("clickhouse://{user}{host}:{}/{}", self.port, self.database)
    }
}

impl fmt::Display for StoreUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

/// Debug shows no password either.
impl fmt::Debug for StoreUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "StoreUrl({})", self.display())
    }
}

/// Database names go into SQL unquoted: letters, digits and `_` only.
fn valid_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !s.as_bytes()[0].is_ascii_digit()
}

impl FromStr for StoreUrl {
    type Err = StoreError;
    fn from_str(text: &str) -> Result<Self, StoreError> {
        let bad = |why: &str| StoreError::BadUrl {
            // Never echo a password back.
            url: redact(text),
            why: why.to_string(),
        };
        let rest = text
            .strip_prefix("clickhouse://")
            .ok_or_else(|| bad("the scheme must be clickhouse://"))?;
        let (authority, database) = rest
            .split_once('/')
            .ok_or_else(|| bad("no database (the path after host:port)"))?;
        if !valid_identifier(database) {
            return Err(bad(
                "the database name must be letters, digits and _ (not starting with a digit)",
            ));
        }
        let (userinfo, hostport) = match authority.rsplit_once('@') {
            Some((u, h)) => (Some(u), h),
            None => (None, authority),
        };
        let (user, password) = match userinfo {
            None => (None, None),
            Some(u) => match u.split_once(':') {
                Some((user, pass)) => (Some(user.to_string()), Some(pass.to_string())),
                None => (Some(u.to_string()), None),
            },
        };
        if user.as_deref() == Some("") {
            return Err(bad("empty user name"));
        }
        let (host, port) = if let Some(v6) = hostport.strip_prefix('[') {
            let (h, after) = v6
                .split_once(']')
                .ok_or_else(|| bad("unclosed [ in the host"))?;
            let port = match after.strip_prefix(':') {
                Some(p) => Some(p),
                None if after.is_empty() => None,
                None => return Err(bad("junk after the IPv6 address")),
            };
            (h.to_string(), port)
        } else {
            match hostport.rsplit_once(':') {
                Some((h, p)) => (h.to_string(), Some(p)),
                None => (hostport.to_string(), None),
            }
        };
        if host.is_empty() {
            return Err(bad("no host"));
        }
        let port = match port {
            None => Self::DEFAULT_PORT,
            Some(p) => p
                .parse::<u16>()
                .ok()
                .filter(|&p| p != 0)
                .ok_or_else(|| bad("the port must be a number from 1 to 65535"))?,
        };
        Ok(StoreUrl {
            host,
            port,
            database: database.to_string(),
            user,
            password,
        })
    }
}

fn redact(text: &str) -> String {
    match (text.find("://"), text.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let userinfo = &text[s + 3..at];
            match userinfo.split_once(':') {
                Some((u, _)) => format!("{}{u}:***{}", &text[..s + 3], &text[at..]),
                None => text.to_string(),
            }
        }
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_the_cli_takes() {
        let u: StoreUrl = "clickhouse://127.0.0.1:18123/plant".parse().unwrap();
        assert_eq!(u.http_url(), "http://127.0.0.1:18123");
        assert_eq!(u.database(), "plant");
        let u: StoreUrl = "clickhouse://audit:s3cret@store.plant:8123/tapaudit"
            .parse()
            .unwrap();
        assert_eq!(u.user(), Some("audit"));
        assert_eq!(u.password(), Some("s3cret"));
        assert_eq!(u.display(), "clickhouse://audit@store.plant:8123/tapaudit");
        assert!(!format!("{u:?}").contains("s3cret"));
        let u: StoreUrl = "clickhouse://[::1]/t".parse().unwrap();
        assert_eq!(u.http_url(), "http://[::1]:8123");
    }

    #[test]
    fn rejects_what_it_cannot_use_and_never_echoes_a_password() {
        for bad in [
            "http://h:1/db",
            "clickhouse://h:1",
            "clickhouse://h:1/db;drop",
            "clickhouse://h:0/db",
            "clickhouse://h:x/db",
            "clickhouse://:1/db",
            "clickhouse://u:pw@h:99999/db",
        ] {
            let e = bad.parse::<StoreUrl>().unwrap_err().to_string();
            assert!(e.contains("expected clickhouse://"), "{e}");
            assert!(!e.contains(":pw@"), "{e}");
        }
    }
}
