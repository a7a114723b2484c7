//! Records the build for the report's evidence block: `git describe` of the source tree
//! (`TAPAUDIT_BUILD`), or "unknown" outside a git checkout (a crate tarball).

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    let s = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !s.is_empty()).then_some(s)
}

fn main() {
    let build = git(&["describe", "--always", "--dirty", "--tags"])
        .map(|d| format!("git {d}"))
        .unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=TAPAUDIT_BUILD={build}");
    // Rebuilt when a commit is made or the branch changes (a worktree has its own logs).
    for path in ["logs/HEAD", "HEAD", "index"] {
        if let Some(p) = git(&["rev-parse", "--git-path", path]) {
            println!("cargo:rerun-if-changed={p}");
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
}
