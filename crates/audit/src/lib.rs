//! tapaudit-audit: (work in progress)
#![forbid(unsafe_code)]
