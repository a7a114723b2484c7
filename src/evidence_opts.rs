//! The evidence options shared by the commands that write reports: who audited, which
//! sensor, and when (fixed with `--audit-time` or `SOURCE_DATE_EPOCH` for reproducible
//! reports and golden tests).

use tapaudit_report::{parse_audit_time, RunInfo};
use tapaudit_vocab::Timestamp;

#[derive(clap::Args, Clone)]
pub struct EvidenceOpts {
    /// Who ran the audit, shown in the report's evidence block.
    #[arg(long)]
    auditor: Option<String>,
    /// Which sensor (tap, span port) captured the traffic, shown in the evidence block. With
    /// --from (the flow store): only these sensors are read (repeat; all when not given).
    #[arg(long = "sensor")]
    pub sensors: Vec<String>,
    /// The audit time the report states (RFC 3339 UTC or epoch seconds); default now, or
    /// SOURCE_DATE_EPOCH when set.
    #[arg(long, value_parser = parse_audit_time)]
    audit_time: Option<Timestamp>,
}

impl EvidenceOpts {
    pub fn run_info(&self) -> anyhow::Result<RunInfo> {
        let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
        let now = Timestamp::from_system_time(std::time::SystemTime::now());
        let (given, auditor) = (self.audit_time, self.auditor.clone());
        let build = env!("TAPAUDIT_BUILD");
        RunInfo::resolve(given, epoch.as_deref(), now, build, auditor, &self.sensors)
            .map_err(anyhow::Error::msg)
    }
}
