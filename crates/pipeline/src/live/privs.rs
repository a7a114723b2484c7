//! Dropping root after the captures are open (`--user`), keeping CAP_NET_RAW so an
//! interface that goes away can be reopened.
//!
//! Why retained (permitted + effective), not ambient: tapaudit never executes another
//! program, and ambient capabilities exist to pass capabilities across `execve`; keeping
//! them ambient would hand CAP_NET_RAW to anything a future version spawned. Capabilities
//! are per thread on Linux: this runs before the capture, flow and runtime threads are
//! started, and they inherit the calling thread's sets. The bounding set is cut to
//! CAP_NET_RAW too, so nothing exec'd later could gain more.

use caps::{CapSet, Capability, CapsHashSet};
use nix::unistd::{setgid, setgroups, setuid, Uid, User};

/// Why the process could not switch to the user it was asked to run as. (The nix error is
/// part of the message, not a `source`: printed with its chain it would appear twice.)
#[derive(Debug, thiserror::Error)]
pub enum PrivilegeError {
    #[error("looking up user {user:?}: {error}")]
    Lookup { user: String, error: nix::Error },
    #[error("--user {0:?}: no such user")]
    NoSuchUser(String),
    #[error("--user {0:?} needs to start as root (or drop --user and run with CAP_NET_RAW; see docs/live.md)")]
    NotRoot(String),
    #[error("--user {user:?}: {call}: {error}")]
    Switch {
        user: String,
        call: String,
        error: nix::Error,
    },
    #[error("--user {0:?}: root could be regained after dropping privileges; refusing to run")]
    RootRegainable(String),
    #[error("--user {user:?}: keeping CAP_NET_RAW: {call}: {error}")]
    Capability {
        user: String,
        call: &'static str,
        error: String,
    },
}

/// Switches the whole process (every thread: glibc applies set*id to all of them) to
/// `name`'s uid and primary gid, with no supplementary groups, keeping CAP_NET_RAW and no
/// other capability (see the module comment). Fails when we are not root, when the
/// capability cannot be kept, or when root could be regained afterwards.
pub fn drop_privileges(name: &str) -> Result<(), PrivilegeError> {
    let user = User::from_name(name)
        .map_err(|error| PrivilegeError::Lookup {
            user: name.into(),
            error,
        })?
        .ok_or_else(|| PrivilegeError::NoSuchUser(name.into()))?;
    if !Uid::effective().is_root() {
        return Err(PrivilegeError::NotRoot(name.into()));
    }
    let switch = |call: String| {
        move |error| PrivilegeError::Switch {
            user: name.into(),
            call,
            error,
        }
    };
    let cap_err = |call: &'static str| {
        move |error: caps::errors::CapsError| PrivilegeError::Capability {
            user: name.into(),
            call,
            error: error.to_string(),
        }
    };
    let net_raw: CapsHashSet = [Capability::CAP_NET_RAW].into_iter().collect();
    // Before the switch, while CAP_SETPCAP is still ours: nothing beyond CAP_NET_RAW can
    // ever come back, and the permitted set survives setuid (PR_SET_KEEPCAPS).
    for cap in caps::read(None, CapSet::Bounding).map_err(cap_err("reading the bounding set"))? {
        if cap != Capability::CAP_NET_RAW {
            caps::drop(None, CapSet::Bounding, cap)
                .map_err(cap_err("dropping from the bounding set"))?;
        }
    }
    caps::securebits::set_keepcaps(true).map_err(cap_err("PR_SET_KEEPCAPS"))?;
    setgroups(&[user.gid]).map_err(switch("setgroups".into()))?;
    setgid(user.gid).map_err(switch(format!("setgid({})", user.gid)))?;
    setuid(user.uid).map_err(switch(format!("setuid({})", user.uid)))?;
    // setuid cleared the effective set and kept the permitted one: keep only CAP_NET_RAW.
    caps::set(None, CapSet::Permitted, &net_raw).map_err(cap_err("setting the permitted set"))?;
    caps::set(None, CapSet::Effective, &net_raw).map_err(cap_err("setting the effective set"))?;
    caps::clear(None, CapSet::Inheritable).map_err(cap_err("clearing the inheritable set"))?;
    caps::securebits::set_keepcaps(false).map_err(cap_err("PR_SET_KEEPCAPS off"))?;
    if !user.uid.is_root() && setuid(Uid::from_raw(0)).is_ok() {
        return Err(PrivilegeError::RootRegainable(name.into()));
    }
    let effective =
        caps::read(None, CapSet::Effective).map_err(cap_err("reading the effective set"))?;
    if effective != net_raw {
        return Err(PrivilegeError::Capability {
            user: name.into(),
            call: "checking the effective set",
            error: format!("expected only CAP_NET_RAW, have {effective:?}"),
        });
    }
    tracing::info!(
        user = name,
        uid = user.uid.as_raw(),
        gid = user.gid.as_raw(),
        kept = "CAP_NET_RAW",
        "privileges dropped"
    );
    Ok(())
}
