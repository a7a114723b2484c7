//! Dropping root after the captures are open (`--user`).

use anyhow::{bail, Context};
use nix::unistd::{setgid, setgroups, setuid, Uid, User};

/// Switches the whole process (every thread: glibc applies set*id to all of them) to
/// `name`'s uid and primary gid, with no supplementary groups. Fails when we are not root
/// or when root could be regained afterwards.
pub fn drop_to(name: &str) -> anyhow::Result<()> {
    let user = User::from_name(name)
        .with_context(|| format!("looking up user {name:?}"))?
        .with_context(|| format!("--user {name:?}: no such user"))?;
    if !Uid::effective().is_root() {
        bail!("--user {name:?} needs to start as root (or drop --user and run with CAP_NET_RAW; see docs/live.md)");
    }
    setgroups(&[user.gid]).with_context(|| format!("--user {name:?}: setgroups"))?;
    setgid(user.gid).with_context(|| format!("--user {name:?}: setgid({})", user.gid))?;
    setuid(user.uid).with_context(|| format!("--user {name:?}: setuid({})", user.uid))?;
    if !user.uid.is_root() && setuid(Uid::from_raw(0)).is_ok() {
        bail!("--user {name:?}: root could be regained after dropping privileges; refusing to run");
    }
    tracing::info!(
        user = name,
        uid = user.uid.as_raw(),
        gid = user.gid.as_raw(),
        "privileges dropped"
    );
    Ok(())
}
