//! Dropping root after the captures are open (`--user`).

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
}

/// Switches the whole process (every thread: glibc applies set*id to all of them) to
/// `name`'s uid and primary gid, with no supplementary groups. Fails when we are not root
/// or when root could be regained afterwards.
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
    setgroups(&[user.gid]).map_err(switch("setgroups".into()))?;
    setgid(user.gid).map_err(switch(format!("setgid({})", user.gid)))?;
    setuid(user.uid).map_err(switch(format!("setuid({})", user.uid)))?;
    if !user.uid.is_root() && setuid(Uid::from_raw(0)).is_ok() {
        return Err(PrivilegeError::RootRegainable(name.into()));
    }
    tracing::info!(
        user = name,
        uid = user.uid.as_raw(),
        gid = user.gid.as_raw(),
        "privileges dropped"
    );
    Ok(())
}
