//! `tapaudit rules check|list`.

use std::io::Write;
use std::path::PathBuf;

use tapaudit_rules::{check_paths, check_summary, render_listing, Date, RuleSet};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Validate rule packs and a site file; every problem with file, line and column.
    Check {
        /// Extra pack files or directories (the built-in packs are always checked too).
        paths: Vec<PathBuf>,
        #[arg(long)]
        site: Option<PathBuf>,
        /// The date exceptions are checked against (YYYY-MM-DD); default: today (UTC).
        #[arg(long)]
        today: Option<String>,
    },
    /// Every rule with its citation.
    List {
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
        /// Extra pack files or directories.
        #[arg(long = "rules")]
        rules: Vec<PathBuf>,
    },
    /// Every role id of the loaded packs: pack, implied roles, description.
    Roles {
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
        /// Extra pack files or directories.
        #[arg(long = "rules")]
        rules: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

pub fn run(cmd: Command) -> anyhow::Result<u8> {
    let roles = matches!(cmd, Command::Roles { .. });
    match cmd {
        Command::Check { paths, site, today } => {
            let today = match today {
                Some(t) => t
                    .parse::<Date>()
                    .map_err(|e| anyhow::anyhow!("--today {t:?}: {e}"))?,
                None => {
                    let now = std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map(|d| d.as_secs() as i64)
                        .unwrap_or(0);
                    Date::from_unix_seconds(now)
                }
            };
            let (text, errors) = check_summary(&check_paths(&paths, site.as_deref(), today));
            std::io::stdout().lock().write_all(text.as_bytes())?;
            Ok(if errors { 2 } else { 0 })
        }
        Command::List { format, rules } | Command::Roles { format, rules } => {
            let set = match RuleSet::load(&rules) {
                Ok(s) => s,
                Err(e) => {
                    crate::say_lines(e.diagnostics());
                    return Ok(2);
                }
            };
            let text = render_listing(&set, roles, matches!(format, ListFormat::Json))?;
            std::io::stdout().write_all(text.as_bytes())?;
            Ok(0)
        }
    }
}
