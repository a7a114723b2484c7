//! `tapaudit rules check|list`.

use std::io::Write;
use std::path::PathBuf;

use tapaudit_rules::{
    check_paths, render_list_json, render_list_table, render_roles_json, render_roles_table, Date,
    RuleSet, Severity,
};

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
            let diags = check_paths(&paths, site.as_deref(), today);
            let errors = diags
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let warnings = diags.len() - errors;
            let mut out = std::io::stdout().lock();
            for d in &diags {
                writeln!(out, "{d}")?;
            }
            writeln!(out, "{errors} error(s), {warnings} warning(s)")?;
            Ok(if errors > 0 { 2 } else { 0 })
        }
        Command::List { format, rules } | Command::Roles { format, rules } => {
            let set = match RuleSet::load(&rules) {
                Ok(s) => s,
                Err(e) => {
                    for d in e.diagnostics() {
                        crate::say!("{d}");
                    }
                    return Ok(2);
                }
            };
            let mut out = std::io::stdout();
            match (format, roles) {
                (ListFormat::Table, false) => write!(out, "{}", render_list_table(&set))?,
                (ListFormat::Json, false) => writeln!(out, "{}", render_list_json(&set)?)?,
                (ListFormat::Table, true) => write!(out, "{}", render_roles_table(&set))?,
                (ListFormat::Json, true) => writeln!(out, "{}", render_roles_json(&set)?)?,
            }
            Ok(0)
        }
    }
}
